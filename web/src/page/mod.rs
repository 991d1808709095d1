//! The full calculator: assumptions beside the headline (the page's own bundle), then every
//! other result, the analyses, saved scenarios, exports, the printed brief and the methods
//! (the sections' bundle, loaded once the first result is on screen).

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

use crate::bridge::{self, News};
use crate::charts::Figure;
use crate::components::chart_export::{ChartExport, Share};
use crate::components::curve::CurveView;
use crate::components::headline::{AssumedNote, Chances, Headline, MC_DRAWS};
use crate::format;
use crate::platform::url::base_url;
use crate::session::{use_after_first_render, use_curve, use_mirror, use_session, use_settled};
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

/// The calculator's first view, what the page's own bundle makes: the assumptions beside the
/// headline. Every other result and analysis is made by the sections' bundle
/// ([`Sections`], `crate::bridge`), started once the first result is on screen, in the host
/// element this view leaves for it.
#[function_component(Page)]
pub fn page() -> Html {
    let session = use_session();
    let (state, dispatch, query, outcome) = (
        &session.state,
        &session.dispatch,
        &session.query,
        &session.outcome,
    );
    // The headline's chances and note on assumptions, from the sections: room for them is
    // kept until they come.
    let news = use_state_eq(|| News {
        chances: Chances {
            done: 0,
            total: MC_DRAWS,
            by_perspective: None,
        },
        assumed: AssumedNote::Pending(None),
    });
    {
        let news = news.clone();
        use_effect_with((), move |_| {
            let listener = bridge::listen(bridge::NEWS_EVENT, move |n: News| news.set(n));
            move || drop(listener)
        });
    }
    // The sections' bundle starts once the first result has been drawn.
    let started = use_after_first_render();
    use_effect_with(started, |started| {
        if *started {
            bridge::load_sections();
        }
    });
    // Every change goes to the sections (the host's `data-query` is already the new one), and
    // when it came (the sections are first made once input pauses).
    use_effect_with(query.clone(), |q| {
        bridge::mark_change();
        bridge::fire(bridge::QUERY_EVENT, q);
    });
    let scenario = &state.scenario;
    let on_dismiss = {
        let d = dispatch.clone();
        Callback::from(move |_| d.emit(Action::DismissNotice))
    };
    html! {
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
                    <Headline scenario={scenario.clone()} outcome={outcome.clone()} chances={news.chances.clone()} assumed={news.assumed} />
                    <div id={bridge::HOST} class="sections" data-query={query.clone()}></div>
                </section>
            </div>
            <div id={bridge::AFTER} class="sections"></div>
            <footer>
                <p>{ format!("Model and data version {}. Everything is computed in your browser; nothing is sent anywhere. ", hatcalc::MODEL_VERSION) }
                   <a href={format!("?{query}")} id="permalink">{ "Permalink to this scenario" }</a></p>
            </footer>
        </main>
    }
}

/// Every result and analysis after the headline, made by the sections' own bundle in the
/// first view's host element (and, for the printed brief and the methods, the element after
/// the page's two columns), from the first view's scenario.
#[function_component(Sections)]
pub fn sections() -> Html {
    let session = use_mirror();
    let (state, dispatch, query, outcome) = (
        &session.state,
        &session.dispatch,
        &session.query,
        &session.outcome,
    );
    let curve = use_curve(state);
    let export_curve = use_callback((), |figure: Rc<Figure>, _| {
        html! { <ChartExport figure={figure} name="break-even" /> }
    });
    let scenario = state.scenario.clone();
    // The analyses, saved scenarios, exports, printed brief and methods come in the task after
    // the results: they are below them, and about half of the page's elements.
    let rest = use_after_first_render();
    // What follows input once it settles: the tornado, the two-way grid and the printed brief.
    let (settled, settled_query) = use_settled((scenario.clone(), query.clone()), SETTLE);
    let preset_name = find_preset(state.preset).map_or("", |p| p.name);
    let permalink = format!("{}?{query}", base_url());
    let share = Share {
        permalink,
        source: format!(
            "hatcalc model and data {}, from the preset “{preset_name}” with the changes in the permalink; every input's source is listed there.",
            hatcalc::MODEL_VERSION
        ),
        preset: state.preset,
    };
    let after = gloo::utils::document().get_element_by_id(bridge::AFTER);
    // Every section is made: said on the host (`data-loaded`), for what waits for them.
    use_effect_with(rest, |rest| {
        if let (true, Some(host)) = (*rest, bridge::host()) {
            let _ = host.set_attribute("data-loaded", "");
        }
    });
    html! {
        <ContextProvider<Share> context={share}>
            <Results scenario={scenario.clone()} outcome={outcome.clone()} seed={state.seed} query={query.clone()} />
            <CurveView curve={curve.curve.clone()} scenario={scenario.clone()} outcome={outcome.clone()} param={curve.param} curve_scenario={curve.scenario.clone()} current={curve.current} on_action={dispatch.clone()} under_chart={export_curve} />
            if rest {
                <Sensitivity scenario={settled.clone()} />
                <TwoWay scenario={settled.clone()} query={settled_query.clone()} />
                <ClaimCheck scenario={scenario.clone()} query={query.clone()} />
                <saved::SavedScenarios query={query.clone()} scenario={scenario.clone()} on_action={dispatch.clone()} />
                <ExportPanel query={query.clone()} preset={state.preset} seed={state.seed} on_action={dispatch.clone()} />
                if let Some(after) = after {
                    { create_portal(html! {
                        <>
                            <brief::PrintBrief scenario={settled} preset={state.preset} permalink={format!("{}?{settled_query}", base_url())} />
                            <methods::Methods />
                        </>
                    }, after) }
                }
            }
        </ContextProvider<Share>>
    }
}
