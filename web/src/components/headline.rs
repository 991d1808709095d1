//! The headline: the chosen perspective's net benefit, every perspective side by side, and
//! in words who pays and who gains. The widget writes the same markup without yew
//! (`widget::views`; a component test compares the two).

use crate::format;
use hatcalc::analysis::Psa;
use hatcalc::model::Outcome;
use hatcalc::{decide, Perspective, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// Draws the page's Monte Carlo runs.
pub const MC_DRAWS: usize = 5_000;

/// Progress and result of the page's Monte Carlo run.
#[derive(Debug, Clone, PartialEq)]
pub struct McView {
    /// Draws done.
    pub done: usize,
    /// Draws asked for.
    pub total: usize,
    /// The summary, once every draw is done.
    pub result: Option<Rc<Psa>>,
}

impl McView {
    /// What the headline shows of it.
    pub fn chances(&self) -> Chances {
        Chances {
            done: self.done,
            total: self.total,
            by_perspective: self
                .result
                .as_ref()
                .map(|r| r.prob_benefit_exceeds_cost_by_perspective),
        }
    }
}

/// What the headline shows of the page's Monte Carlo run: its progress, then the chance
/// benefits exceed costs under each perspective.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Chances {
    /// Draws done.
    pub done: usize,
    /// Draws asked for.
    pub total: usize,
    /// The chances, by [`Perspective`] (as its index), once every draw is done.
    pub by_perspective: Option<[f64; 3]>,
}

/// Properties of the headline.
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its evaluation.
    pub outcome: Rc<Outcome>,
    /// The Monte Carlo run's progress and chances.
    #[prop_or_default]
    pub chances: Chances,
    /// The note on how much rests on assumptions.
    #[prop_or_default]
    pub assumed: AssumedNote,
}

/// Properties of the result blocks.
#[derive(Properties, PartialEq)]
pub struct BlockProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its evaluation.
    pub outcome: Rc<Outcome>,
}

/// The headline's note on how much of the result rests on assumptions: the share of the
/// tornado's total swing from assumption-graded inputs.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub enum AssumedNote {
    /// No note yet (before the page first computes its share).
    #[default]
    Absent,
    /// Being computed: the last scenario's share stays in its place, dimmed; before the first,
    /// the note's room is kept, so nothing below it moves when it comes.
    Pending(Option<f64>),
    /// The share for the scenario shown (`None`: nothing swings, no note).
    Current(Option<f64>),
}

/// The note's words for a share.
fn assumed_words(share: &str) -> String {
    format!(
        "How much rests on assumptions: {share} of the swing in this result when each input moves across its plausible range comes from inputs with no published figure (see “Which assumptions matter most?”)."
    )
}

/// The chance benefits exceed costs; while the Monte Carlo runs, an ellipsis as narrow as a
/// percentage (so the table keeps its shape) and its progress for screen readers.
fn chance(c: &Chances, p: Perspective) -> Html {
    match c.by_perspective {
        Some(by) => html! { { format::percent(by[p as usize]) } },
        None => html! {
            <>
                <span aria-hidden="true">{ "…" }</span>
                <span class="visually-hidden">{ format!(
                    "computing, {} done",
                    format::percent(c.done as f64 / c.total.max(1) as f64)
                ) }</span>
            </>
        },
    }
}

/// What the headline says, in words: the page's [`Headline`] and the widget's write the same.
pub struct HeadlineWords {
    /// The scenario's currency.
    pub cur: &'static str,
    /// The chosen perspective.
    pub chosen: Perspective,
    /// Every perspective's result (`hatcalc::decide`).
    pub h: decide::Headline,
    /// What the big number is.
    pub caption: String,
    /// Who pays and who gains.
    pub words: String,
    /// The cost per QALY, or why there is none.
    pub icer: String,
}

impl HeadlineWords {
    /// The words for scenario `s` and its outcome `o`.
    pub fn of(s: &Scenario, o: &Outcome) -> HeadlineWords {
        let cur = s.basis().economy.currency();
        let chosen = s.settings.perspective;
        let h = decide::headline(s, o);
        let words = h.sentence(
            s.settings.intervention.label(),
            &s.settings.comparator.label().to_ascii_lowercase(),
            |v| format::money(v, cur),
        );
        let caption = format!(
            "Net benefit per patient-year under the {} perspective, averaged over {} ({} at {} prices; positive means money saved).",
            chosen.label().to_ascii_lowercase(),
            format::years(o.horizon_years),
            cur,
            s.basis().year,
        );
        let icer = o.chosen(chosen).icer.words(|v| format::money(v, cur));
        HeadlineWords {
            cur,
            chosen,
            h,
            caption,
            words,
            icer,
        }
    }
}

/// The headline: the chosen perspective's number, every perspective side by side, and in
/// words who pays and who gains (worded by `hatcalc::decide`).
#[function_component(Headline)]
pub fn headline(props: &HeadlineProps) -> Html {
    let HeadlineWords {
        cur,
        chosen,
        h,
        caption,
        words,
        icer,
    } = HeadlineWords::of(&props.scenario, &props.outcome);
    let c = props.outcome.chosen(chosen);
    let col = |p: Perspective| if p == chosen { "chosen" } else { "" };
    html! {
        <div class="headline" aria-live="polite">
            <p class="big" id="net-benefit">{ format::money(c.net_benefit_per_year, cur) }</p>
            <p id="headline-caption">{ caption }</p>
            <p id="headline-sentence">{ words }</p>
            <table class="perspectives" id="perspectives">
                <caption class="visually-hidden">{ "The result under each perspective" }</caption>
                <thead><tr>
                    <th scope="col">{ "Per patient-year" }</th>
                    { for h.rows.iter().map(|r| html! {
                        <th scope="col" class={col(r.perspective)}>{ r.perspective.label() }</th>
                    }) }
                </tr></thead>
                <tbody>
                    <tr><th scope="row">{ "Net benefit" }</th>
                        { for h.rows.iter().map(|r| html! {
                            <td class={col(r.perspective)}>{ format::money(r.net_benefit_per_year, cur) }</td>
                        }) }
                    </tr>
                    <tr><th scope="row">{ "Benefit–cost ratio" }</th>
                        { for h.rows.iter().map(|r| html! {
                            <td class={col(r.perspective)} id={(r.perspective == chosen).then_some("bcr")}>
                                { r.benefit_cost_ratio.map(format::ratio).unwrap_or_else(|| "no extra treatment cost".into()) }
                            </td>
                        }) }
                    </tr>
                    <tr><th scope="row">{ "Chance benefits exceed costs" }</th>
                        { for h.rows.iter().map(|r| html! {
                            <td class={col(r.perspective)} id={(r.perspective == chosen).then_some("chance")}>
                                { chance(&props.chances, r.perspective) }
                            </td>
                        }) }
                    </tr>
                </tbody>
            </table>
            <dl>
                <dt>{ "First year" }</dt><dd id="net-benefit-year-one">{ format::money(c.net_benefit_year_one, cur) }</dd>
                <dt>{ "QALYs gained per patient" }</dt><dd>{ format::number(c.delta_qalys) }</dd>
                <dt>{ "Cost-effectiveness" }</dt><dd>{ icer }</dd>
            </dl>
            <p class="muted" id="death-valuation">{ format!("Deaths are valued {}.", c.scope.death_valuation()) }</p>
            { match props.assumed {
                AssumedNote::Current(Some(share)) => html! {
                    <p class="muted assumption-note" id="assumption-note">{ assumed_words(&format::percent(share)) }</p>
                },
                AssumedNote::Pending(Some(share)) => html! {
                    <p class="muted assumption-note updating" aria-busy="true">{ assumed_words(&format::percent(share)) }</p>
                },
                AssumedNote::Pending(None) => html! {
                    <p class="muted assumption-note placeholder" aria-hidden="true">{ assumed_words("50%") }</p>
                },
                AssumedNote::Absent | AssumedNote::Current(None) => html! {},
            } }
        </div>
    }
}
