//! Views of the analyses: which assumptions matter (tornado), the Monte Carlo charts, and the
//! claim check. Heavy analyses run only when their section is opened or asked for.

use crate::charts::{use_figure, Figure};
use crate::components::chart_export::ChartExport;
use crate::components::headline::McView;
use crate::format;
use crate::session::usable;
use crate::worker::pool::{answer_of, ClaimOnWorker, GridOnWorker};
use hatcalc::analysis::{
    check_claim, check_claim_grid_with, tornado_per_patient_year, Claim, ClaimComparison,
    ClaimGrid, ClaimReport, Metric, PsaConfig, Verdict,
};
use hatcalc::model::relevant;
use hatcalc::params::find;
use hatcalc::Scenario;
use std::rc::Rc;
use web_sys::{HtmlDetailsElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Bars drawn in the tornado (the table lists every input that moves the result).
const TORNADO_BARS: usize = 12;

/// Properties holding the scenario.
#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    /// The scenario.
    pub scenario: Scenario,
}

fn label_of(id: &str) -> String {
    find(id).map_or(id.to_string(), |p| p.def().label.to_string())
}

/// "Which assumptions matter most": the tornado, computed when the section is opened.
#[function_component(Sensitivity)]
pub fn sensitivity(props: &ScenarioProps) -> Html {
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: HtmlDetailsElement = e.target_unchecked_into();
            open.set(el.open());
        })
    };
    let s = props.scenario.clone();
    let cur = s.basis().economy.currency();
    let t = use_memo((s.clone(), *open), |(s, open)| {
        open.then(|| tornado_per_patient_year(s))
    });
    let canvas = use_node_ref();
    let x_label = format!("Net benefit per patient-year ({cur} {})", s.basis().year);
    let figure = use_memo((t.clone(), x_label), |(t, x_label)| {
        // No chart where the metric has no value at the current inputs.
        t.as_ref().as_ref().and_then(|t| {
            let base = t.base?;
            let bars: Vec<(String, f64, f64)> = t
                .bars
                .iter()
                .take(TORNADO_BARS)
                .map(|b| {
                    (
                        label_of(b.param),
                        b.at_low.unwrap_or(base),
                        b.at_high.unwrap_or(base),
                    )
                })
                .collect();
            Some(Rc::new(Figure::Tornado {
                title: "Which assumptions matter most".into(),
                x_label: x_label.clone(),
                base,
                bars,
            }))
        })
    });
    use_figure(&canvas, (*figure).clone());
    html! {
        <details class="analysis" id="sensitivity" ontoggle={on_toggle}>
            <summary><h3>{ "Which assumptions matter most?" }</h3></summary>
            if let Some(t) = t.as_ref() {
                <p>{ format!("Each assumption at the low and the high end of its plausible range, the others as set. Blue: at the low end; orange: at the high end. The red line is zero: {} of them can flip the result on their own.", t.bars.iter().filter(|b| b.flips).count()) }</p>
                if let Some(share) = t.assumption_share() {
                    <p id="assumption-share">{ format!("{} of the total swing comes from inputs with no published figure (graded “assumption”); {} of the ten widest bars are assumptions. The evidence column says what each default rests on.", format::percent(share), t.assumptions_in_top(10)) }</p>
                }
                <figure class="chart">
                    <canvas ref={canvas} width="720" height="520" id="tornado-canvas" role="img"
                        aria-label="Tornado chart of net benefit against each assumption's range; the table below has the numbers." />
                    if let Some(fig) = figure.as_ref() { <ChartExport figure={fig.clone()} name="tornado" /> }
                    <details>
                        <summary>{ "Data table" }</summary>
                        <table id="tornado-table">
                            <thead><tr><th scope="col">{ "Assumption" }</th><th scope="col">{ "Low" }</th><th scope="col">{ "High" }</th>
                                <th scope="col">{ "Net benefit at low" }</th><th scope="col">{ "Net benefit at high" }</th><th scope="col">{ "Can flip the result" }</th><th scope="col">{ "Evidence" }</th></tr></thead>
                            <tbody>
                            { for t.bars.iter().map(|b| html! {
                                <tr><th scope="row">{ label_of(b.param) }</th>
                                    <td>{ format::number(b.low) }</td><td>{ format::number(b.high) }</td>
                                    <td>{ b.at_low.map_or("undefined".into(), |v| format::money(v, cur)) }</td>
                                    <td>{ b.at_high.map_or("undefined".into(), |v| format::money(v, cur)) }</td>
                                    <td>{ if b.flips { "yes" } else { "" } }</td><td>{ b.grade.label() }</td></tr>
                            }) }
                            </tbody>
                        </table>
                    </details>
                </figure>
            }
        </details>
    }
}

/// Properties of [`McCharts`].
#[derive(Properties, PartialEq)]
pub struct McProps {
    /// The scenario.
    pub scenario: Scenario,
    /// The Monte Carlo run.
    pub mc: McView,
}

/// The Monte Carlo histogram and acceptability curve, once the run is done.
#[function_component(McCharts)]
pub fn mc_charts(props: &McProps) -> Html {
    let hist = use_node_ref();
    let ceac = use_node_ref();
    let s = &props.scenario;
    let cur = s.basis().economy.currency();
    let year = s.basis().year;
    let figures = use_memo((props.mc.result.clone(), cur, year), |(r, cur, year)| {
        r.as_ref().map(|r| {
            (
                Rc::new(Figure::Histogram {
                    title: "Net benefit across the draws".into(),
                    x_label: format!("Net benefit per patient over the horizon ({cur} {year})"),
                    edges: r.histogram.edges.clone(),
                    counts: r.histogram.counts.clone(),
                }),
                Rc::new(Figure::Ceac {
                    title: "Chance the treatment is cost-effective".into(),
                    x_label: format!("Willingness to pay per QALY ({cur} {year})"),
                    points: r.acceptability.clone(),
                }),
            )
        })
    });
    use_figure(&hist, figures.as_ref().as_ref().map(|(h, _)| h.clone()));
    use_figure(&ceac, figures.as_ref().as_ref().map(|(_, c)| c.clone()));
    let (Some(r), Some((hist_fig, ceac_fig))) = (props.mc.result.as_ref(), figures.as_ref()) else {
        return html! {};
    };
    html! {
        <div class="mc-charts">
            <figure class="chart">
                <canvas ref={hist} width="640" height="300" id="mc-histogram" role="img"
                    aria-label="Histogram of net benefit across Monte Carlo draws; the table below has the counts." />
                <ChartExport figure={hist_fig.clone()} name="monte-carlo" />
                <details><summary>{ "Data table" }</summary>
                    <table><thead><tr><th scope="col">{ format!("Net benefit from ({cur})") }</th><th scope="col">{ "to" }</th><th scope="col">{ "Draws" }</th></tr></thead>
                    <tbody>{ for r.histogram.edges.windows(2).zip(&r.histogram.counts).map(|(w, n)| html! {
                        <tr><td>{ format::money(w[0], cur) }</td><td>{ format::money(w[1], cur) }</td><td>{ n }</td></tr>
                    }) }</tbody></table>
                </details>
            </figure>
            <figure class="chart">
                <canvas ref={ceac} width="640" height="300" id="mc-ceac" role="img"
                    aria-label="Cost-effectiveness acceptability curve; the table below has the values." />
                <ChartExport figure={ceac_fig.clone()} name="acceptability" />
                <details><summary>{ "Data table" }</summary>
                    <table><thead><tr><th scope="col">{ format!("Willingness to pay per QALY ({cur})") }</th><th scope="col">{ "Chance cost-effective" }</th></tr></thead>
                    <tbody>{ for r.acceptability.iter().step_by(3).map(|(w, p)| html! {
                        <tr><td>{ format::money(*w, cur) }</td><td>{ format::percent(*p) }</td></tr>
                    }) }</tbody></table>
                </details>
            </figure>
        </div>
    }
}

/// Properties of the analyses computed on a worker ([`ClaimCheck`], [`TwoWay`]).
#[derive(Properties, PartialEq)]
pub struct QueryProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its permalink query: how a worker receives it.
    pub query: String,
}

/// Monte Carlo draws of the claim check (per horizon in the grid).
const CLAIM_DRAWS: usize = 1_000;
/// A claim worker that has not answered in this time is given up for the page's own thread.
const CLAIM_GIVE_UP_MS: f64 = 60_000.0;

/// A journalist's claim check: pick a metric and a target, see what the claim needs, and
/// whether it holds under each perspective at each horizon. Computed when Check is pressed.
#[function_component(ClaimCheck)]
pub fn claim_check(props: &QueryProps) -> Html {
    let metric = use_state(|| Metric::NetBenefitPerYear);
    let comparison = use_state(|| ClaimComparison::AtLeast);
    let target = use_state(|| "0".to_string());
    let report = use_state(|| None::<Rc<(ClaimReport, ClaimGrid)>>);
    let checking = use_state(|| false);
    let message = use_state(|| None::<String>);
    let s = props.scenario.clone();
    // Which scenario a check is for: a check still running when the scenario changes is
    // dropped when it ends.
    let generation = use_mut_ref(|| 0_u64);
    // A new scenario makes an old report stale.
    {
        let (report, checking, generation) = (report.clone(), checking.clone(), generation.clone());
        use_effect_with(s.clone(), move |_| {
            *generation.borrow_mut() += 1;
            // Only a shown report needs clearing; setting state always re-renders.
            if report.is_some() {
                report.set(None);
            }
            if *checking {
                checking.set(false);
            }
        });
    }
    let on_metric = {
        let metric = metric.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Some(m) = Metric::from_id(&el.value()) {
                metric.set(m);
            }
        })
    };
    let on_cmp = {
        let comparison = comparison.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            comparison.set(if el.value() == "at_most" {
                ClaimComparison::AtMost
            } else {
                ClaimComparison::AtLeast
            });
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            target.set(el.value());
        })
    };
    let query = props.query.clone();
    let on_check = {
        let (metric, comparison, target, report, message, checking, s) = (
            metric.clone(),
            comparison.clone(),
            target.clone(),
            report.clone(),
            message.clone(),
            checking.clone(),
            s.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match hatcalc::number::read(target.trim()) {
                Some(t) if t.is_finite() => {
                    message.set(None);
                    report.set(None);
                    checking.set(true);
                    let claim = Claim {
                        metric: *metric,
                        comparison: *comparison,
                        target: t,
                    };
                    let (report, checking, s, query, generation) = (
                        report.clone(),
                        checking.clone(),
                        s.clone(),
                        query.clone(),
                        generation.clone(),
                    );
                    let asked = *generation.borrow();
                    yew::platform::spawn_local(async move {
                        let config = PsaConfig::new(CLAIM_DRAWS, 1);
                        // On the claim's own worker, where there is one; else here, after
                        // "Checking…" has shown (the page is busy until it is done).
                        let on_worker = ClaimOnWorker::start(&query, claim, config);
                        let answer = match on_worker {
                            Some(w) => {
                                let cancelled = || *generation.borrow() != asked;
                                match answer_of(|| w.answer(), CLAIM_GIVE_UP_MS, cancelled).await {
                                    Ok(answer) => answer,
                                    Err(_) => return,
                                }
                            }
                            None => None,
                        };
                        let answer = match answer {
                            Some(a) => a,
                            None => {
                                yew::platform::time::sleep(std::time::Duration::from_millis(30))
                                    .await;
                                let mc = Some(config);
                                (
                                    check_claim(&s, claim, mc),
                                    check_claim_grid_with(&s, claim, mc, false),
                                )
                            }
                        };
                        if *generation.borrow() == asked {
                            report.set(Some(Rc::new(answer)));
                            checking.set(false);
                        }
                    });
                }
                _ => message.set(Some(format!(
                    "'{}' is not a number: type the claimed value, e.g. 12793.",
                    *target
                ))),
            }
        })
    };
    let cur = s.basis().economy.currency();
    html! {
        <details class="analysis" id="claim">
            <summary><h3>{ "Check a claim" }</h3></summary>
            <form onsubmit={on_check} class="claim-form">
                <label for="claim-metric">{ "The claim: " }</label>
                <select id="claim-metric" onchange={on_metric}>
                    { for Metric::ALL.iter().map(|m| html! { <option value={m.id()} selected={*m == *metric}>{ m.label() }</option> }) }
                </select>
                <select id="claim-cmp" aria-label="at least or at most" onchange={on_cmp}>
                    <option value="at_least" selected={*comparison == ClaimComparison::AtLeast}>{ "is at least" }</option>
                    <option value="at_most" selected={*comparison == ClaimComparison::AtMost}>{ "is at most" }</option>
                </select>
                <input type="text" inputmode="decimal" id="claim-target" aria-label="claimed value" value={(*target).clone()} onchange={on_target} />
                <button type="submit" id="claim-check">{ "Check" }</button>
            </form>
            <p class="muted">{ format!("Money in {cur} at {} prices; \"pays for itself\" is net benefit at least 0. Try the Dutch trial preset and a claim of 12793 per patient-year.", s.basis().year) }</p>
            if let Some(m) = (*message).clone() { <p class="error" role="alert" id="claim-error">{ m }</p> }
            if *checking { <p id="claim-checking" role="status">{ "Checking the claim under every perspective and horizon…" }</p> }
            if let Some(rg) = (*report).clone() {
                <div id="claim-report" aria-live="polite">
                    <p><strong>{ if rg.0.holds { "The claim holds under these assumptions." } else { "The claim does not hold under these assumptions." } }</strong>
                        { format!(" {} is {} now.", rg.0.claim.metric.label(), rg.0.current_value.map_or("undefined".into(), |v| if rg.0.claim.metric.is_money() { format::money(v, cur) } else { format::ratio(v) })) }
                        { rg.0.probability.map(|p| format!(" It holds in {} of {} Monte Carlo draws.", format::percent(p), format::number(CLAIM_DRAWS as f64))).unwrap_or_default() }</p>
                    if rg.0.levers.is_empty() {
                        <p>{ "No single assumption, within its accepted limits, changes whether the claim holds." }</p>
                    } else {
                        <table id="claim-levers">
                            <thead><tr><th scope="col">{ "Assumption that alone decides it" }</th><th scope="col">{ "Needs" }</th>
                                <th scope="col">{ "Now" }</th><th scope="col">{ "Plausible range" }</th><th scope="col">{ "" }</th></tr></thead>
                            <tbody>{ for rg.0.levers.iter().take(15).map(|l| html! {
                                <tr><th scope="row">{ label_of(l.param) }{ if l.assumption { " (assumption)" } else { "" } }</th>
                                    <td>{ format::number(l.needed) }</td><td>{ format::number(l.current) }</td>
                                    <td>{ format!("{} to {}", format::number(l.range.0), format::number(l.range.1)) }</td>
                                    <td>{ if l.plausible { "within the range" } else { "outside the range" } }</td></tr>
                            }) }</tbody>
                        </table>
                    }
                    { claim_grid_view(&rg.1, cur) }
                </div>
            }
        </details>
    }
}

/// The claim by perspective (rows) and horizon (columns): each cell's value with ✓ or ✗ (and
/// the words for screen readers), the Monte Carlo chance, the verdict in words, and what the
/// scenario's own perspective needs at each horizon.
fn claim_grid_view(g: &ClaimGrid, cur: &str) -> Html {
    let value = |v: Option<f64>| match v {
        Some(v) if g.claim.metric.is_money() => format::money(v, cur),
        Some(v) => format::ratio(v),
        None => "undefined".into(),
    };
    let own = g.row(g.own_perspective);
    html! {
        <div id="claim-grid-section">
            <h4>{ "By perspective and horizon" }</h4>
            <p id="claim-verdict"><strong>{ hatcalc::decide::claim_grid_sentence(g) }</strong></p>
            <table id="claim-grid" class="claim-grid">
                <caption>{ format!("{}: whether the claim holds (✓) or fails (✗), and the share of {} Monte Carlo draws per horizon in which it holds", g.claim.metric.label(), format::number(g.draws as f64)) }</caption>
                <thead><tr><th scope="col">{ "Perspective" }</th>
                    { for g.horizons.iter().map(|h| html! { <th scope="col">{ h.label() }</th> }) }</tr></thead>
                <tbody>{ for g.rows.iter().map(|row| html! {
                    <tr data-perspective={row.perspective.id()}>
                        <th scope="row">{ row.perspective.label() }{ if row.perspective == g.own_perspective { " (chosen)" } else { "" } }</th>
                        { for row.cells.iter().map(|c| {
                            let (mark, words, class) = match c.verdict {
                                Verdict::Holds => ("✓", "holds", "holds"),
                                Verdict::Fails => ("✗", "fails", "fails"),
                                Verdict::Undefined => ("–", "undefined", "undefined"),
                            };
                            html! {
                                <td class={classes!("verdict", class)} data-verdict={words}>
                                    { value(c.value) }{ " " }
                                    <span aria-hidden="true">{ mark }</span>
                                    <span class="visually-hidden">{ format!(" the claim {words}") }</span>
                                    if let Some(p) = c.probability {
                                        <br /><small>{ format!("{} of draws", format::percent(p)) }</small>
                                    }
                                </td>
                            }
                        }) }
                    </tr>
                }) }</tbody>
            </table>
            if let Some(own) = own {
                <table id="claim-grid-levers">
                    <caption>{ format!("What the claim needs under the {} perspective: the nearest single assumptions that reach the target at each horizon", own.perspective.label().to_ascii_lowercase()) }</caption>
                    <thead><tr><th scope="col">{ "Horizon" }</th><th scope="col">{ "Assumption" }</th><th scope="col">{ "Needs" }</th><th scope="col">{ "Now" }</th><th scope="col">{ "" }</th></tr></thead>
                    <tbody>{ for g.horizons.iter().zip(&own.cells).flat_map(|(h, c)| {
                        if c.levers.is_empty() {
                            vec![html! { <tr><th scope="row">{ h.label() }</th><td colspan="4">{ "No single assumption, within its accepted limits, changes the verdict." }</td></tr> }]
                        } else {
                            c.levers.iter().map(|l| html! {
                                <tr><th scope="row">{ h.label() }</th><td>{ label_of(l.param) }</td>
                                    <td>{ format::number(l.needed) }</td><td>{ format::number(l.current) }</td>
                                    <td>{ if l.plausible { "within the plausible range" } else { "outside the plausible range" } }</td></tr>
                            }).collect::<Vec<_>>()
                        }
                    }) }</tbody>
                </table>
            }
        </div>
    }
}

/// Cells per side of the two-way grid.
const GRID: usize = 21;
/// A grid worker that has not answered in this time is given up for the page's own thread.
const GRID_GIVE_UP_MS: f64 = 10_000.0;

/// "Two assumptions at once": a heat map of net benefit over two inputs and the frontier
/// where the programme just pays for itself. Computed only while the section is open.
#[function_component(TwoWay)]
pub fn two_way(props: &QueryProps) -> Html {
    let open = use_state(|| false);
    let px = use_state(|| hatcalc::P::DamCostYear);
    let py = use_state(|| hatcalc::P::CrimeRrInjectable);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: HtmlDetailsElement = e.target_unchecked_into();
            open.set(el.open());
        })
    };
    let pick = |h: &UseStateHandle<hatcalc::P>| {
        let h = h.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Some(p) = find(&el.value()) {
                h.set(p);
            }
        })
    };
    let s = props.scenario.clone();
    // The inputs picked, or the evaluated arm's own where the settings no longer use them.
    let [cost, _] = s.settings.intervention.spec().key_inputs;
    let crime = s
        .settings
        .intervention
        .treatment()
        .map_or(hatcalc::P::CrimeRrMethadone, |t| t.crime_rr);
    let x_now = usable(&s, *px, &[cost, hatcalc::P::MmtCostYear]);
    let y_now = usable(&s, *py, &[crime, hatcalc::P::CrimeRrMethadone]);
    // Computed on the grid's worker where there is one (the last grid stays on screen until
    // the new one is in), else here once the page has drawn.
    let g = use_state(|| None::<Rc<(hatcalc::analysis::Grid, Vec<(f64, f64)>)>>);
    {
        let g = g.clone();
        let key = (s.clone(), x_now, y_now, *open, props.query.clone());
        use_effect_with(key, move |(s, px, py, open, query)| {
            let cancelled = Rc::new(std::cell::Cell::new(false));
            let stop = cancelled.clone();
            if *open {
                let (s, px, py) = (s.clone(), *px, *py);
                let on_worker = GridOnWorker::start(query, px, py, GRID);
                yew::platform::spawn_local(async move {
                    let answer = match on_worker {
                        Some(w) => {
                            match answer_of(|| w.answer(), GRID_GIVE_UP_MS, || cancelled.get())
                                .await
                            {
                                Ok(answer) => answer,
                                Err(_) => return,
                            }
                        }
                        None => {
                            yew::platform::time::sleep(std::time::Duration::ZERO).await;
                            None
                        }
                    };
                    if cancelled.get() {
                        return;
                    }
                    let grid = answer.unwrap_or_else(|| {
                        hatcalc::analysis::grid(&s, px, py, GRID, GRID, Metric::NetBenefit)
                    });
                    let contour = grid.contour(0.0);
                    g.set(Some(Rc::new((grid, contour))));
                });
            }
            move || stop.set(true)
        });
    }
    let g = (*open).then(|| (*g).clone()).flatten();
    let canvas = use_node_ref();
    let cur = s.basis().economy.currency();
    let unit = |p: hatcalc::P| format!("{} ({})", p.def().label, p.def().unit.text(cur));
    let figure = use_memo((g.clone(), unit(x_now), unit(y_now)), |(g, xl, yl)| {
        g.as_ref().map(|grid| {
            Rc::new(Figure::HeatMap {
                title: "Net benefit over two assumptions".into(),
                x_label: xl.clone(),
                y_label: yl.clone(),
                grid: grid.clone(),
            })
        })
    });
    use_figure(&canvas, (*figure).clone());
    let options = |selected: hatcalc::P| -> Html {
        hatcalc::P::ALL
            .iter()
            .filter(|p| relevant(&s, **p) && { let (l, h) = s.range(**p); h > l })
            .map(|p| html! { <option value={p.def().id} selected={*p == selected}>{ p.def().label }</option> })
            .collect()
    };
    html! {
        <details class="analysis" id="two-way" ontoggle={on_toggle}>
            <summary><h3>{ "Two assumptions at once" }</h3></summary>
            // The choices (two lists of every input) are made only while the section is open.
            if *open {
                <div class="claim-form">
                    <label for="two-way-x">{ "Across" }</label>
                    <select id="two-way-x" onchange={pick(&px)}>{ options(x_now) }</select>
                    <label for="two-way-y">{ "and up" }</label>
                    <select id="two-way-y" onchange={pick(&py)}>{ options(y_now) }</select>
                </div>
            }
            if let Some((grid, contour)) = g.as_deref() {
                <p>{ format!("Blue: the treatment saves money; orange: it costs money; dots: where it just pays for itself ({} perspective).", s.settings.perspective.label().to_ascii_lowercase()) }</p>
                <figure class="chart">
                    <canvas ref={canvas} width="640" height="480" id="two-way-canvas" role="img"
                        aria-label="Heat map of net benefit over two assumptions with the break-even frontier; the table below lists the frontier." />
                    if let Some(fig) = figure.as_ref() { <ChartExport figure={fig.clone()} name="two-way" /> }
                    <details>
                        <summary>{ "Data table: the frontier" }</summary>
                        if contour.is_empty() {
                            <p>{ "The result does not change sign anywhere on this grid." }</p>
                        } else {
                            <table id="two-way-table">
                                <thead><tr><th scope="col">{ unit(x_now) }</th><th scope="col">{ format!("{} at break-even", unit(y_now)) }</th></tr></thead>
                                <tbody>{ for contour.iter().map(|(x, y)| html! { <tr><td>{ format::number(*x) }</td><td>{ format::number(*y) }</td></tr> }) }</tbody>
                            </table>
                        }
                        <p class="muted">{ format!("Grid of {GRID} by {GRID} model evaluations; net benefit from {} to {}.",
                            format::money(grid.z.iter().flatten().copied().fold(f64::INFINITY, f64::min), cur),
                            format::money(grid.z.iter().flatten().copied().fold(f64::NEG_INFINITY, f64::max), cur)) }</p>
                    </details>
                </figure>
            }
        </details>
    }
}
