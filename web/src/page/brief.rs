//! The printed brief: what a reader of a paper copy needs beside the charts — the scenario in
//! words, the assumptions changed from the preset, the method in one paragraph, the permalink
//! and the sources of every input the settings use. Shown only in print (see `style.css`).

use crate::format;
use crate::texts::use_texts;
use hatcalc::model::relevant;
use hatcalc::presets::find as find_preset;
use hatcalc::texts::Texts;
use hatcalc::{Scenario, P};
use yew::prelude::*;

/// Properties of [`PrintBrief`].
#[derive(Properties, PartialEq)]
pub struct BriefProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its preset id.
    pub preset: &'static str,
    /// The full permalink.
    pub permalink: String,
}

/// Changed inputs listed on paper (the rest are counted), so the brief keeps to two pages.
const BRIEF_CHANGES: usize = 10;

/// The method in one paragraph, for paper.
const METHOD: &str = "A cohort of people who inject heroin starts the evaluated treatment or \
the comparator and is followed month by month to the horizon (at most age 100): in treatment \
(Weibull episodes; 12-month retention as the trials report it, deaths counted as not retained), \
on the street, abstinent, or back in treatment in later episodes, or dead (the national life \
table by age and sex times each state's ratio, plus overdoses that treatment reduces). Each \
person-month carries treatment, health (overdoses, other care, and care of HIV and hepatitis C \
for those infected after entry), crime (offences priced for victims from their cost \
components; police, courts, and the prison time offending leads to) and productivity costs, \
and a quality of life. Amounts are \
converted to one currency and price year with consumer price indices and purchasing-power \
parities, discounted, and compared under the perspective chosen. Every equation: docs/model.md.";

/// The brief that only paper shows.
#[function_component(PrintBrief)]
pub fn print_brief(props: &BriefProps) -> Html {
    let s = &props.scenario;
    let st = &s.settings;
    let preset = find_preset(props.preset);
    let base = preset.and_then(|p| p.scenario().ok());
    let cur = s.basis().economy.currency();
    let changed: Vec<P> = P::ALL
        .iter()
        .copied()
        .filter(|p| relevant(s, *p) && base.as_ref().is_some_and(|b| b.get(*p) != s.get(*p)))
        .collect();
    let loaded = use_texts();
    let mut ids = hatcalc::model::sources_used(s);
    ids.extend(preset.map(|p| p.sources).unwrap_or_default());
    hatcalc::order::unique(&mut ids);
    html! {
        <section class="print-only brief" aria-hidden="true">
            <h2>{ "About these numbers" }</h2>
            <p>{ format!(
                "{} against {}, {} perspective, {} at {} prices, over {}; assumptions from “{}”{}. Model and data version {}.",
                st.intervention.label(), st.comparator.label().to_ascii_lowercase(),
                st.perspective.label().to_ascii_lowercase(), cur, s.basis().year,
                format::years(s.get(P::HorizonYears)), preset.map_or("", |p| p.name),
                if changed.is_empty() { String::new() } else { format!(" with {} changed", changed.len()) },
                hatcalc::MODEL_VERSION,
            ) }</p>
            if !changed.is_empty() {
                <ul class="changed">{ for changed.iter().take(BRIEF_CHANGES).map(|p| html! {
                    <li>{ format!("{}: {} {} (preset: {})", p.def().label, format::number(s.get(*p)),
                        p.def().unit.text(cur), format::number(base.as_ref().map_or(0.0, |b| b.get(*p)))) }</li>
                }) }
                if changed.len() > BRIEF_CHANGES {
                    <li>{ format!("and {} more, all in the permalink", changed.len() - BRIEF_CHANGES) }</li>
                }
                </ul>
            }
            <p><strong>{ "Method. " }</strong>{ METHOD }</p>
            <p class="link"><strong>{ "Permalink (reproduces every input): " }</strong>{ props.permalink.clone() }</p>
            <h3>{ "Sources" }</h3>
            <ol class="sources">{ for ids.iter().map(|id| html! {
                <li>{ short(loaded.as_deref(), id) }</li>
            }) }</ol>
        </section>
    }
}

/// A source as the brief lists it: authors, year and title once the texts have come (asked for
/// when a note or the methods are opened, or the brief is printed), its short cite until then.
fn short(texts: Option<&Texts>, id: &str) -> String {
    match texts.and_then(|t| t.source(id)) {
        Some(src) => src.short().to_string(),
        None => crate::texts::cite(id).to_string(),
    }
}
