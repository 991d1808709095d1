//! "Where does it tip?": the break-even curve for a chosen input, the break-even in words
//! and what it takes to break even under each perspective. Shared by the page and the widget.

use crate::charts::{use_figure, Figure};
use crate::components::number_input::unit_text;
use crate::format;
use crate::state::Action;
use hatcalc::analysis::{beside_curve, thresholds_of, Curve, MaxCost};
use hatcalc::model::relevant;
use hatcalc::{Outcome, Scenario, P};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Every how many points of the curve the data table shows a row: with the session's 41
/// points, every tenth of the range.
pub const TABLE_EVERY: usize = 4;

/// The curve chart's title.
pub const CURVE_TITLE: &str = "Net benefit over the horizon, per patient";

/// The inputs a break-even curve can vary: those the settings use that have a range.
pub fn curve_options(s: &Scenario) -> Vec<P> {
    P::ALL
        .iter()
        .copied()
        .filter(|p| {
            relevant(s, *p) && {
                let (l, h) = s.range(*p);
                h > l
            }
        })
        .collect()
}

/// The curve chart's axis titles, x then y, with their units.
pub fn axis_labels(p: P, s: &Scenario) -> (String, String) {
    let basis = s.basis();
    (
        format!("{} ({})", p.def().label, unit_text(p, s)),
        format!("Net benefit ({} {})", basis.economy.currency(), basis.year),
    )
}

/// The highest treatment cost that breaks even, in words.
pub fn max_cost_words(m: MaxCost, cur: &str) -> String {
    match m {
        MaxCost::At(v) => format::money(v, cur),
        MaxCost::NotEvenIfFree => "none: loses even if free".to_string(),
        MaxCost::NotApplicable => "—".to_string(),
    }
}

/// The note under "What it takes to break even".
pub const SAVINGS_NOTE: &str = "Savings are what every other cost the perspective counts falls by: crime, justice and health care. Discounted, per patient-year in the treatment.";

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
    /// The scenario the curve is for (`Session::curve_scenario`).
    pub curve_scenario: Scenario,
    /// Whether the curve is for the scenario on screen; while it is not, it is shown dimmed
    /// as being updated.
    #[prop_or(true)]
    pub current: bool,
    /// Where actions go.
    pub on_action: Callback<Action>,
    /// What goes under the chart for its figure (the page's export buttons); nothing in the
    /// widget, whose bundle then leaves the export code out.
    #[prop_or_default]
    pub under_chart: Option<Callback<Rc<Figure>, Html>>,
}

/// The break-even curve for a chosen parameter, on a canvas, with its data table.
#[function_component(CurveView)]
pub fn curve_view(props: &CurveProps) -> Html {
    let canvas = use_node_ref();
    let s = &props.scenario;
    let basis = s.basis();
    let def = props.param.def();
    let (x_label, y_label) = axis_labels(props.param, s);
    let title = CURVE_TITLE;
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
    use_figure(&canvas, Some(figure.clone()));
    let on_param = use_callback(props.on_action.clone(), |e: Event, cb| {
        let el: HtmlSelectElement = e.target_unchecked_into();
        if let Some(p) = hatcalc::params::find(&el.value()) {
            cb.emit(Action::CurveParam(p));
        }
    });
    // The inputs the settings use and that have a range: they change with the settings and
    // the price basis, not with a value, so the list is not rebuilt while a slider moves.
    let options = use_memo((s.settings, basis), |_| curve_options(s));
    let cur = basis.economy.currency();
    // With no crossing on the curve (the plausible range), the whole accepted range is searched.
    let wide = use_memo(
        (
            props.curve_scenario.clone(),
            props.param,
            props.curve.clone(),
        ),
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
            <ParamChoice options={options} selected={props.param} onchange={on_param} />
            <figure aria-busy={(!props.current).to_string()} id="curve-figure"
                class={classes!("chart", (!props.current).then_some("updating"))}>
                <canvas ref={canvas} width="640" height="360" id="curve-canvas" role="img"
                    aria-label={format!("{title}, against {}. {summary}", def.label)} />
                <figcaption id="curve-summary">{ summary }</figcaption>
                { props.under_chart.as_ref().map(|f| f.emit(figure.clone())).unwrap_or_default() }
                <details>
                    <summary>{ "Data table" }</summary>
                    <table>
                        <thead><tr><th scope="col">{ x_label.clone() }</th><th scope="col">{ format!("Net benefit ({cur})") }</th></tr></thead>
                        <tbody>
                        { for props.curve.x.iter().zip(&props.curve.y).step_by(TABLE_EVERY).map(|(x, y)| html! {
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
                        { for limits.by_perspective.iter().map(|t| html! { <td>{ max_cost_words(t.max_treatment_cost, cur) }</td> }) }</tr>
                </tbody>
            </table>
            <p class="muted">{ SAVINGS_NOTE }</p>
        </section>
    }
}

/// Properties of [`ParamChoice`].
#[derive(Properties, PartialEq)]
struct ChoiceProps {
    /// The inputs offered.
    options: Rc<Vec<P>>,
    /// The one chosen.
    selected: P,
    /// Called when another is chosen.
    onchange: Callback<Event>,
}

/// The choice of input the curve varies: its own component, so that its many options are
/// rendered again only when they or the choice change.
#[function_component(ParamChoice)]
fn param_choice(props: &ChoiceProps) -> Html {
    html! {
        <select id="curve-param" onchange={props.onchange.clone()}>
            { for props.options.iter().map(|p| html! {
                <option value={p.def().id} selected={*p == props.selected}>{ p.def().label }</option>
            }) }
        </select>
    }
}
