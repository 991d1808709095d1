//! Components: the page is a pure view of [`State`]; inputs send [`Action`]s up.

use crate::chart::{draw_curve, CurveChart};
use crate::format;
use crate::state::{Action, State, INPUTS};
use hatcalc::analysis::{curve, Curve, Metric};
use hatcalc::params::Unit;
use hatcalc::{evaluate, Outcome, Scenario, P};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use web_sys::{HtmlCanvasElement, HtmlInputElement};
use yew::prelude::*;

/// Points on the break-even curve.
const CURVE_POINTS: usize = 101;

/// The whole calculator.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let scenario = state.scenario.clone();
    let outcome = use_memo(scenario.clone(), evaluate);
    let curve_param = state.curve_param;
    let curve = use_memo((scenario.clone(), curve_param), |(s, p)| {
        curve(s, *p, Metric::NetBenefit, CURVE_POINTS)
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    html! {
        <main class="calc" data-ready="true">
            <header>
                <h1>{ "hatcalc" }</h1>
                <p class="lede">{ "What supervised injectable heroin treatment costs against oral methadone, and what it saves in crime and health costs, per patient-year." }</p>
            </header>
            <div class="layout">
                <section class="inputs" aria-labelledby="inputs-h">
                    <h2 id="inputs-h">{ "Assumptions" }</h2>
                    { for INPUTS.iter().map(|p| html! {
                        <NumberInput param={*p} scenario={scenario.clone()}
                            error={state.errors.get(p).cloned()} on_action={dispatch.clone()} />
                    }) }
                </section>
                <section class="results" aria-labelledby="results-h">
                    <h2 id="results-h">{ "Results" }</h2>
                    <Headline outcome={outcome.clone()} scenario={scenario.clone()} />
                    <CurveView curve={curve.clone()} scenario={scenario.clone()} param={curve_param} />
                </section>
            </div>
            <footer>
                <p>{ format!("Model version {}. Everything is computed in your browser; nothing is sent anywhere.", hatcalc::MODEL_VERSION) }</p>
            </footer>
        </main>
    }
}

/// Properties of [`NumberInput`].
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The parameter.
    pub param: P,
    /// The current scenario.
    pub scenario: Scenario,
    /// The refused text and its message, if the last input was refused.
    pub error: Option<(String, String)>,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

fn unit_text(p: P, s: &Scenario) -> String {
    p.def().unit.text(s.basis().economy.currency())
}

/// A slider and a typed field for one parameter, with reset and its message.
#[function_component(NumberInput)]
pub fn number_input(props: &InputProps) -> Html {
    let p = props.param;
    let def = p.def();
    let (lo, hi) = props.scenario.range(p);
    let value = props.scenario.get(p);
    let step = match def.unit {
        Unit::Probability | Unit::Share | Unit::Utility | Unit::RelativeRisk => 0.01,
        _ => ((hi - lo) / 200.0).max(f64::MIN_POSITIVE),
    };
    let id = def.id.replace('.', "-");
    let on_input = {
        let cb = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(Action::Set(p, el.value()));
        })
    };
    let on_change = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(Action::Set(p, el.value()));
        })
    };
    let on_reset = {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(Action::Reset(p)))
    };
    let typed = props
        .error
        .as_ref()
        .map(|(t, _)| t.clone())
        .unwrap_or_else(|| trim(value));
    let err_id = format!("{id}-error");
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"))}>
            <label for={format!("{id}-num")}>{ def.label }
                <span class="unit">{ format!(" ({})", unit_text(p, &props.scenario)) }</span>
                if def.origin.is_assumption() { <span class="tag" title="No published figure: a labelled assumption">{ "assumption" }</span> }
            </label>
            <div class="controls">
                <input type="range" id={format!("{id}-range")} aria-label={format!("{} slider", def.label)}
                    min={lo.to_string()} max={hi.to_string()} step={step.to_string()}
                    value={value.to_string()} oninput={on_input} />
                <input type="text" inputmode="decimal" id={format!("{id}-num")} value={typed}
                    aria-invalid={props.error.is_some().to_string()} aria-describedby={err_id.clone()}
                    onchange={on_change} />
                <button type="button" onclick={on_reset} aria-label={format!("Reset {} to default", def.label)}>{ "Reset" }</button>
            </div>
            <p class="range-note">{ format!("Plausible range {} to {}", format::number(lo), format::number(hi)) }</p>
            if let Some((_, msg)) = &props.error {
                <p class="error" id={err_id} role="alert">{ msg }</p>
            }
        </div>
    }
}

/// The value as it appears in the typed field: whole units for money and large numbers,
/// up to four significant decimals otherwise, without trailing zeros.
fn trim(v: f64) -> String {
    let decimals = if v.abs() >= 100.0 { 0 } else { 4 };
    let s = format!("{v:.decimals$}");
    if decimals == 0 {
        return s;
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Properties of [`Headline`].
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// The model's result.
    pub outcome: Rc<Outcome>,
    /// The scenario it came from.
    pub scenario: Scenario,
}

/// The headline numbers.
#[function_component(Headline)]
pub fn headline(props: &HeadlineProps) -> Html {
    let cur = props.scenario.basis().economy.currency();
    let basis = props.scenario.basis();
    let c = props.outcome.chosen(props.scenario.settings.perspective);
    let verdict = if c.net_benefit >= 0.0 {
        "saves"
    } else {
        "costs"
    };
    html! {
        <div class="headline" aria-live="polite">
            <p class="big" id="net-benefit">
                { format::money(c.net_benefit_per_year, cur) }
            </p>
            <p>{ format!(
                "Net benefit per patient-year, averaged over {:.0} years ({} perspective, {basis}): heroin-assisted treatment {verdict} {} a year against oral methadone.",
                props.outcome.horizon_years,
                props.scenario.settings.perspective.label().to_lowercase(),
                format::money(c.net_benefit_per_year.abs(), cur),
            ) }</p>
            <dl>
                <dt>{ "First year" }</dt><dd id="net-benefit-year-one">{ format::money(c.net_benefit_year_one, cur) }</dd>
                <dt>{ "Benefit–cost ratio" }</dt>
                <dd id="bcr">{ c.benefit_cost_ratio.map(format::ratio).unwrap_or_else(|| "no extra cost".into()) }</dd>
                <dt>{ "Extra treatment cost over the horizon" }</dt><dd>{ format::money(c.extra_treatment_cost, cur) }</dd>
                <dt>{ "Costs avoided over the horizon" }</dt><dd>{ format::money(c.savings, cur) }</dd>
            </dl>
        </div>
    }
}

/// Properties of [`CurveView`].
#[derive(Properties, PartialEq)]
pub struct CurveProps {
    /// The curve to draw.
    pub curve: Rc<Curve>,
    /// The scenario it came from.
    pub scenario: Scenario,
    /// The parameter varied.
    pub param: P,
}

/// The break-even curve on a canvas.
#[function_component(CurveView)]
pub fn curve_view(props: &CurveProps) -> Html {
    let canvas = use_node_ref();
    let basis = props.scenario.basis();
    let def = props.param.def();
    let x_label = format!(
        "{} ({})",
        def.label,
        unit_text(props.param, &props.scenario)
    );
    let y_label = format!("Net benefit ({basis})");
    let title = "Net benefit over the horizon, per patient";
    {
        let canvas = canvas.clone();
        let curve = props.curve.clone();
        let current = props.scenario.get(props.param);
        let (x_label, y_label) = (x_label.clone(), y_label.clone());
        use_effect_with((curve.clone(), current), move |_| {
            if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                if let Some(backend) = CanvasBackend::with_canvas_object(el) {
                    let root = backend.into_drawing_area();
                    let chart = CurveChart {
                        title,
                        x_label: &x_label,
                        y_label: &y_label,
                        curve: &curve,
                        current,
                    };
                    if let Err(e) = draw_curve(&root, &chart) {
                        gloo::console::error!(format!("chart: {e}"));
                    }
                }
            }
        });
    }
    let cur = basis.economy.currency();
    let summary = match props.curve.break_even {
        Some(be) => format!(
            "Break-even at {} = {}: below it the treatment saves money.",
            def.label,
            format::number(be)
        ),
        None => "No break-even within the plausible range.".to_string(),
    };
    html! {
        <figure class="chart">
            <canvas ref={canvas} width="640" height="360" id="curve-canvas" role="img"
                aria-label={format!("{title}. {summary}")} />
            <figcaption id="curve-summary">{ summary }</figcaption>
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
    }
}
