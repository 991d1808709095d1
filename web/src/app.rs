//! The page: state, URL and storage sync, layout. Components below take props down and send
//! actions up; the only state is the reducer's.

use crate::analyses::{ClaimCheck, Sensitivity, TwoWay};
use crate::chart::{draw_on_canvas, Figure};
use crate::embed::{without_embed, Embed, EMBED_KEY};
use crate::export::{base_url, ChartExport, ExportPanel, Share};
use crate::format;
use crate::inputs::{unit_text, Assumptions};
use crate::results::Results;
use crate::state::{Action, State};
use hatcalc::analysis::{beside_curve, curve, thresholds_of, Curve, MaxCost, Metric};
use hatcalc::model::relevant;
use hatcalc::presets::find as find_preset;
use hatcalc::{evaluate, Outcome, Scenario, P};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Points on the break-even curve.
const CURVE_POINTS: usize = 101;
/// Where the last scenario is kept between visits.
const LAST_KEY: &str = "hatcalc:last";
/// Quiet time after a change before the address bar and storage are updated.
const URL_SETTLE: std::time::Duration = std::time::Duration::from_millis(150);

fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Show the compact widget for another site instead of the full page.
    #[prop_or(false)]
    pub embed: bool,
}

/// The whole calculator, or its compact widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let embed = props.embed;
    let state = use_reducer(State::default);
    // One stable callback for the page's lifetime, so unchanged children are not re-rendered.
    let dispatch = {
        let d = state.dispatcher();
        use_callback((), move |a: Action, _| d.dispatch(a))
    };
    // On first render: the URL's scenario, else the last one kept in this browser.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let search = gloo::utils::window()
                .location()
                .search()
                .unwrap_or_default();
            let query = without_embed(&search);
            if !query.is_empty() {
                dispatch.emit(Action::Restore(query));
            } else if let Some(last) = (!embed)
                .then(local_storage)
                .flatten()
                .and_then(|s| s.get_item(LAST_KEY).ok().flatten())
            {
                dispatch.emit(Action::Restore(last));
            }
        });
    }
    // After a change: the URL is the permalink, and the scenario is kept for next time.
    // Written once input pauses: `replaceState` costs a few milliseconds, too much for every
    // frame of a slider drag (the permalink link on the page is always current).
    let query = state.query();
    use_effect_with(query.clone(), move |q| {
        let url = if embed {
            format!("?{EMBED_KEY}&{q}")
        } else {
            format!("?{q}")
        };
        let q = q.clone();
        let cancelled = Rc::new(std::cell::Cell::new(false));
        let stop = cancelled.clone();
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(URL_SETTLE).await;
            if cancelled.get() {
                return;
            }
            if let Ok(history) = gloo::utils::window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
            if let Some(s) = (!embed).then(local_storage).flatten() {
                let _ = s.set_item(LAST_KEY, &q);
            }
        });
        move || stop.set(true)
    });
    let scenario = state.scenario.clone();
    let outcome = use_memo(scenario.clone(), evaluate);
    // The chosen input, or, when the settings no longer use it (another treatment was
    // chosen), the evaluated treatment's first key input (its cost).
    let [cost, retention] = scenario.settings.intervention.spec().key_inputs;
    let curve_param = crate::analyses::usable(
        &scenario,
        state.curve_param,
        &[cost, retention, P::MmtCostYear],
    );
    let curve = use_memo((scenario.clone(), curve_param), |(s, p)| {
        curve(s, *p, Metric::NetBenefit, CURVE_POINTS)
    });
    let on_dismiss = {
        let d = dispatch.clone();
        Callback::from(move |_| d.emit(Action::DismissNotice))
    };
    if embed {
        return html! {
            <Embed state={(*state).clone()} outcome={outcome.clone()} curve={curve.clone()} param={curve_param} on_action={dispatch.clone()} />
        };
    }
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
                <span class="label">{ format!("Net benefit per patient-year ({})", scenario.settings.perspective.label().to_lowercase()) }</span>
                <span class="value">{ format::money(outcome.chosen(scenario.settings.perspective).net_benefit_per_year, scenario.basis().economy.currency()) }</span>
            </p>
            <div class="layout">
                <Assumptions state={(*state).clone()} on_action={dispatch.clone()} />
                <section class="results" aria-labelledby="results-h">
                    <h2 id="results-h">{ "Results" }</h2>
                    <Results scenario={scenario.clone()} outcome={outcome.clone()} seed={state.seed} />
                    <CurveView curve={curve.clone()} scenario={scenario.clone()} outcome={outcome.clone()} param={curve_param} on_action={dispatch.clone()} />
                    <Sensitivity scenario={scenario.clone()} />
                    <TwoWay scenario={scenario.clone()} />
                    <ClaimCheck scenario={scenario.clone()} />
                    <crate::saved::SavedScenarios query={query.clone()} scenario={scenario.clone()} on_action={dispatch.clone()} />
                    <ExportPanel scenario={scenario.clone()} preset={state.preset} seed={state.seed} on_action={dispatch.clone()} />
                </section>
            </div>
            <crate::brief::PrintBrief scenario={scenario.clone()} preset={state.preset} permalink={permalink} />
            <crate::methods::Methods />
            <footer>
                <p>{ format!("Model and data version {}. Everything is computed in your browser; nothing is sent anywhere. ", hatcalc::MODEL_VERSION) }
                   <a href={format!("?{query}")} id="permalink">{ "Permalink to this scenario" }</a></p>
            </footer>
        </main>
        </ContextProvider<Share>>
    }
}

/// Properties of [`CurveView`].
#[derive(Properties, PartialEq)]
pub struct CurveProps {
    /// The curve to draw.
    pub curve: Rc<Curve>,
    /// The scenario it came from.
    pub scenario: Scenario,
    /// Its evaluation.
    pub outcome: Rc<Outcome>,
    /// The parameter varied.
    pub param: P,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The break-even curve for a chosen parameter, on a canvas, with its data table.
#[function_component(CurveView)]
pub fn curve_view(props: &CurveProps) -> Html {
    let canvas = use_node_ref();
    let s = &props.scenario;
    let basis = s.basis();
    let def = props.param.def();
    let x_label = format!("{} ({})", def.label, unit_text(props.param, s));
    let y_label = format!("Net benefit ({} {})", basis.economy.currency(), basis.year);
    let title = "Net benefit over the horizon, per patient";
    let figure = use_memo(
        (
            props.curve.clone(),
            s.get(props.param),
            x_label.clone(),
            y_label,
        ),
        |(curve, current, x_label, y_label)| Figure::Curve {
            title: title.into(),
            x_label: x_label.clone(),
            y_label: y_label.clone(),
            curve: curve.clone(),
            current: *current,
        },
    );
    {
        let canvas = canvas.clone();
        use_effect_with(figure.clone(), move |fig| {
            draw_on_canvas(&canvas, |area| fig.draw(area, false));
        });
    }
    let on_param = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Some(p) = hatcalc::params::find(&el.value()) {
                cb.emit(Action::CurveParam(p));
            }
        })
    };
    let cur = basis.economy.currency();
    // With no crossing on the curve (the plausible range), the whole accepted range is searched.
    let wide = use_memo(
        (s.clone(), props.param, props.curve.clone()),
        |(s, p, c)| beside_curve(s, *p, c),
    );
    let summary = hatcalc::decide::break_even_sentence(&wide, def.label, format::number, |v| {
        format::money(v, cur)
    });
    // The outcome on screen is reused: only the dearer treatment is evaluated here.
    let limits = use_memo((s.clone(), props.outcome.clone()), |(s, o)| {
        thresholds_of(s, o)
    });
    html! {
        <section aria-labelledby="curve-h">
            <h3 id="curve-h">{ "Where does it tip?" }</h3>
            <label for="curve-param">{ "Vary " }</label>
            <select id="curve-param" onchange={on_param}>
                { for P::ALL.iter().filter(|p| relevant(s, **p) && { let (l, h) = s.range(**p); h > l }).map(|p| html! {
                    <option value={p.def().id} selected={*p == props.param}>{ p.def().label }</option>
                }) }
            </select>
            <figure class="chart">
                <canvas ref={canvas} width="640" height="360" id="curve-canvas" role="img"
                    aria-label={format!("{title}, against {}. {summary}", def.label)} />
                <figcaption id="curve-summary">{ summary }</figcaption>
                <ChartExport figure={figure} name="break-even" />
                <details>
                    <summary>{ "Data table" }</summary>
                    <table>
                        <thead><tr><th scope="col">{ x_label.clone() }</th><th scope="col">{ format!("Net benefit ({cur})") }</th></tr></thead>
                        <tbody>
                        { for props.curve.x.iter().zip(&props.curve.y).step_by(10).map(|(x, y)| html! {
                            <tr><td>{ format::number(*x) }</td><td>{ format::money(*y, cur) }</td></tr>
                        }) }
                        </tbody>
                    </table>
                </details>
            </figure>
            <h4 id="thresholds-h">{ "What it takes to break even" }</h4>
            <table id="thresholds" aria-labelledby="thresholds-h">
                <thead><tr>
                    <th scope="col">{ "Per treated patient-year" }</th>
                    { for limits.by_perspective.iter().map(|t| html! { <th scope="col">{ t.perspective.label() }</th> }) }
                </tr></thead>
                <tbody>
                    <tr><th scope="row">{ "Savings needed (the extra treatment cost)" }</th>
                        { for limits.by_perspective.iter().map(|t| html! { <td>{ format::money(t.savings_needed_per_treated_year, cur) }</td> }) }</tr>
                    <tr><th scope="row">{ "Savings made" }</th>
                        { for limits.by_perspective.iter().map(|t| html! { <td>{ format::money(t.savings_per_treated_year, cur) }</td> }) }</tr>
                    <tr><th scope="row">{ format!("Highest treatment cost that breaks even (now {})", format::money(limits.treatment_cost, cur)) }</th>
                        { for limits.by_perspective.iter().map(|t| html! { <td>{ match t.max_treatment_cost {
                            MaxCost::At(v) => format::money(v, cur),
                            MaxCost::NotEvenIfFree => "none: loses even if free".to_string(),
                            MaxCost::NotApplicable => "—".to_string(),
                        } }</td> }) }</tr>
                </tbody>
            </table>
            <p class="muted">{ "Savings are what every other cost the perspective counts falls by: crime, justice and health care. Discounted, per patient-year in the treatment." }</p>
        </section>
    }
}
