//! The full calculator: assumptions beside results, then the analyses, saved scenarios,
//! exports, the printed brief and the methods.

pub mod analyses;
pub mod brief;
pub mod budget;
pub mod embed_dialog;
pub mod export;
pub mod inputs;
pub mod methods;
pub mod research;
pub mod results;
pub mod saved;

use crate::charts::Figure;
use crate::components::chart_export::{ChartExport, Share};
use crate::components::curve::CurveView;
use crate::format;
use crate::platform::url::base_url;
use crate::session::{use_after_first_render, use_session, use_settled};
use crate::state::Action;
use analyses::{ClaimCheck, Sensitivity, TwoWay};
use export::ExportPanel;
use hatcalc::presets::find as find_preset;
use inputs::Assumptions;
use results::Results;
use std::rc::Rc;
use yew::prelude::*;

/// Quiet time after a change before the sections that need not follow a drag follow it.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(250);

/// The whole calculator.
#[function_component(Page)]
pub fn page() -> Html {
    let session = use_session();
    let (state, dispatch, query) = (&session.state, &session.dispatch, &session.query);
    let (outcome, curve, curve_param) = (&session.outcome, &session.curve, session.curve_param);
    let (curve_scenario, curve_current) = (&session.curve_scenario, session.curve_current);
    let export_curve = use_callback((), |figure: Rc<Figure>, _| {
        html! { <ChartExport figure={figure} name="break-even" /> }
    });
    let scenario = state.scenario.clone();
    // The analyses, saved scenarios, exports, printed brief and methods come after the first
    // result is on screen: they are below it, and about half of the page's elements.
    let rest = use_after_first_render();
    // What follows input once it settles: the tornado, the two-way grid and the printed brief.
    let (settled, settled_query) = use_settled((scenario.clone(), query.clone()), SETTLE);
    let on_dismiss = {
        let d = dispatch.clone();
        Callback::from(move |_| d.emit(Action::DismissNotice))
    };
    let preset_name = find_preset(state.preset).map_or("", |p| p.name);
    let permalink = format!("{}?{query}", base_url());
    let share = Share {
        permalink: permalink.clone(),
        source: format!(
            "hatcalc model and data {}, from the preset “{preset_name}” with the changes in the permalink; every input's source is listed there.",
            hatcalc::MODEL_VERSION
        ),
        preset: state.preset,
    };
    html! {
        <ContextProvider<Share> context={share}>
        <main class="calc" data-ready="true">
            <header>
                <h1>{ "hatcalc" }</h1>
                <p class="lede">{ "What supervised injectable heroin or hydromorphone treatment costs against oral methadone, and what it saves in crime and health costs. Change any assumption; every default has its source." }</p>
            </header>
            if let Some(n) = &state.notice {
                <div class="notice" role="alert" id="notice">
                    <span>{ n.clone() }</span>
                    <button type="button" onclick={on_dismiss}>{ "Dismiss" }</button>
                </div>
            }
            // On a phone the assumptions come first: this line keeps the result in view while
            // they are changed (hidden on wider screens, where the results sit beside them).
            <p class="sticky-result" id="sticky-result" aria-hidden="true">
                <span class="label">{ format!("Net benefit per patient-year ({})", scenario.settings.perspective.label().to_ascii_lowercase()) }</span>
                <span class="value">{ format::money(outcome.chosen(scenario.settings.perspective).net_benefit_per_year, scenario.basis().economy.currency()) }</span>
            </p>
            <div class="layout">
                <Assumptions state={(**state).clone()} on_action={dispatch.clone()} />
                <section class="results" aria-labelledby="results-h">
                    <h2 id="results-h">{ "Results" }</h2>
                    <Results scenario={scenario.clone()} outcome={outcome.clone()} seed={state.seed} query={query.clone()} />
                    <CurveView curve={curve.clone()} scenario={scenario.clone()} outcome={outcome.clone()} param={curve_param} curve_scenario={curve_scenario.clone()} current={curve_current} on_action={dispatch.clone()} under_chart={export_curve} />
                    if rest {
                        <Sensitivity scenario={settled.clone()} />
                        <TwoWay scenario={settled.clone()} query={settled_query.clone()} />
                        <ClaimCheck scenario={scenario.clone()} query={query.clone()} />
                        <saved::SavedScenarios query={query.clone()} scenario={scenario.clone()} on_action={dispatch.clone()} />
                        <ExportPanel query={query.clone()} preset={state.preset} seed={state.seed} on_action={dispatch.clone()} />
                    }
                </section>
            </div>
            if rest {
                <brief::PrintBrief scenario={settled} preset={state.preset} permalink={format!("{}?{settled_query}", base_url())} />
                <methods::Methods />
            }
            <footer>
                <p>{ format!("Model and data version {}. Everything is computed in your browser; nothing is sent anywhere. ", hatcalc::MODEL_VERSION) }
                   <a href={format!("?{query}")} id="permalink">{ "Permalink to this scenario" }</a></p>
            </footer>
        </main>
        </ContextProvider<Share>>
    }
}
