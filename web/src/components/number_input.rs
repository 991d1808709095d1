//! One input: a slider and a typed field with its unit, range, default, source and reset.
//! Shared by the page's assumptions panel and the widget.

use crate::format;
use crate::state::Action;
use crate::texts::{self, source_item, use_texts};
use hatcalc::money::{conversion_factor, PriceBasis};
use hatcalc::params::Unit;
use hatcalc::{Scenario, P};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`NumberInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct InputProps {
    /// The parameter.
    pub param: P,
    /// Its current value.
    pub value: f64,
    /// Its default on the scenario's price basis.
    pub default: f64,
    /// Its plausible range on the scenario's price basis.
    pub range: (f64, f64),
    /// The scenario's price basis.
    pub basis: PriceBasis,
    /// The refused text and its message, if the last input was refused.
    pub error: Option<(String, String)>,
    /// Whether the last preset switch changed this input.
    pub changed: bool,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The id its elements' ids start with: `dam-cost_year` for `dam.cost_year`.
pub fn dom_id(p: P) -> String {
    p.def().id.replace('.', "-")
}

/// The slider's bounds and step for `value` in `range`: a preset may take a study's value from
/// outside the generic plausible range, and the slider stretches to show it rather than
/// pinning at an end.
pub fn slider(p: P, value: f64, (lo, hi): (f64, f64)) -> (f64, f64, f64) {
    let (slider_lo, slider_hi) = (lo.min(value), hi.max(value));
    let step = match p.def().unit {
        Unit::Probability | Unit::Share | Unit::Utility | Unit::RelativeRisk | Unit::Shape => 0.001,
        _ => ((slider_hi - slider_lo) / 200.0).max(f64::MIN_POSITIVE),
    };
    (slider_lo, slider_hi, step)
}

/// Whether `value` is the default (within rounding).
pub fn at_default(value: f64, default: f64) -> bool {
    (value - default).abs() <= 1e-12 * value.abs().max(1.0)
}

/// "Plausible range 0.55 to 0.88", saying so when `value` is outside it.
pub fn range_note(value: f64, (lo, hi): (f64, f64)) -> String {
    let outside = value < lo || value > hi;
    format!(
        "Plausible range {} to {}{}",
        format::number(lo),
        format::number(hi),
        if outside {
            "; this value is outside it"
        } else {
            ""
        }
    )
}

/// The title of an assumption's tag.
pub const ASSUMPTION_TITLE: &str = "No published figure: a labelled assumption";
/// The title of a cited figure's tag, which names its grade.
pub const GRADE_TITLE: &str = "Evidence behind the default";

/// What a source note is called: "Assumption", or "Source (randomised trial)".
pub fn note_kind(p: P) -> String {
    let origin = &p.def().origin;
    if origin.is_assumption() {
        "Assumption".to_string()
    } else {
        format!("Source ({})", origin.grade().label())
    }
}

/// For a default published in another currency or year: the original figure and how it was
/// converted to `basis` (`default` is the converted value).
pub fn conversion_note(p: P, basis: PriceBasis, default: f64) -> Option<String> {
    let def = p.def();
    def.basis.map(|from| {
        let original = format!("{} {} ({}, {} prices)", from.economy.currency(), format::number(def.default), from.economy.country(), from.year);
        let factor = conversion_factor(from, basis).ok();
        let converted = format::money(default, basis.economy.currency());
        match factor {
            Some(f) if from != basis => format!("Published as {original}; {converted} at {} {} prices (× {:.4}: consumer prices, then purchasing power parity).", basis.economy.currency(), basis.year, f),
            _ => format!("Published as {original}."),
        }
    })
}

/// Unit text of `p` in the scenario's currency.
pub fn unit_text(p: P, s: &Scenario) -> String {
    p.def().unit.text(s.basis().economy.currency())
}

/// A slider and a typed field for one parameter, with reset, source and message.
#[function_component(NumberInput)]
pub fn number_input(props: &InputProps) -> Html {
    let p = props.param;
    let def = p.def();
    let value = props.value;
    let (slider_lo, slider_hi, step) = slider(p, value, props.range);
    let id = dom_id(p);
    let emit = |cb: &Callback<Action>| {
        let cb = cb.clone();
        move |el: HtmlInputElement| cb.emit(Action::Set(p, el.value()))
    };
    let on_input = {
        let f = emit(&props.on_action);
        Callback::from(move |e: InputEvent| f(e.target_unchecked_into()))
    };
    let on_change = {
        let f = emit(&props.on_action);
        Callback::from(move |e: Event| f(e.target_unchecked_into()))
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
        <div class={classes!("field", props.error.is_some().then_some("invalid"), props.changed.then_some("changed"))} id={format!("{id}-field")}>
            <label for={format!("{id}-num")}>{ def.label }
                <span class="unit">{ format!(" ({})", def.unit.text(props.basis.economy.currency())) }</span>
                if def.origin.is_assumption() { <span class="tag" title={ASSUMPTION_TITLE}>{ "assumption" }</span> }
                else { <span class="tag grade" title={GRADE_TITLE}>{ def.origin.grade().label() }</span> }
            </label>
            <div class="controls">
                <input type="range" id={format!("{id}-range")} aria-label={format!("{} slider", def.label)}
                    min={slider_lo.to_string()} max={slider_hi.to_string()} step={step.to_string()}
                    value={value.to_string()} oninput={on_input} />
                <input type="text" inputmode="decimal" id={format!("{id}-num")} value={typed}
                    aria-invalid={props.error.is_some().to_string()} aria-describedby={err_id.clone()}
                    onchange={on_change} />
                <button type="button" onclick={on_reset} disabled={at_default(value, props.default) && props.error.is_none()}
                    aria-label={format!("Reset {} to default", def.label)}>{ "Reset" }</button>
            </div>
            <p class="range-note">{ range_note(value, props.range) }</p>
            if let Some((_, msg)) = &props.error {
                <p class="error" id={err_id} role="alert">{ msg }</p>
            }
            <SourceNote param={p} basis={props.basis} default={props.default} />
        </div>
    }
}

/// Properties of [`SourceNote`].
#[derive(Properties, PartialEq)]
pub struct SourceProps {
    /// The parameter.
    pub param: P,
    /// The scenario's price basis.
    pub basis: PriceBasis,
    /// The default converted to that basis.
    pub default: f64,
}

/// "Source": the citation, the original figure with its currency and year, and how it was
/// converted; or, for an assumption, its reasoning.
#[function_component(SourceNote)]
pub fn source_note(props: &SourceProps) -> Html {
    let def = props.param.def();
    let conversion = conversion_note(props.param, props.basis, props.default);
    let kind = note_kind(props.param);
    let loaded = use_texts();
    let ids = def.origin.source_ids();
    // The derivation and the citations come from a worker when a note is first opened.
    let on_toggle = texts::want_when_opened();
    let text = match (loaded.as_deref(), texts::can_come()) {
        (Some(t), _) => match t.explanation(props.param) {
            Some(text) => html! { <p>{ text.to_string() }</p> },
            None => {
                html! { <p class="muted">{ "How this figure was derived could not be loaded: the calculator's worker did not answer." }</p> }
            }
        },
        (None, true) => html! { <p class="muted">{ "Loading how this figure was derived…" }</p> },
        (None, false) => {
            html! { <p class="muted">{ "How this figure was derived is in the full calculator." }</p> }
        }
    };
    html! {
        <details class="source" ontoggle={on_toggle}>
            <summary>{ kind }</summary>
            { text }
            if let Some(c) = conversion { <p>{ c }</p> }
            <ul>
                { for ids.iter().map(|id| html! { <li>{ source_item(loaded.as_deref(), id, Some("link")) }</li> }) }
            </ul>
        </details>
    }
}

/// The value as it appears in the typed field: whole units for large numbers, up to four
/// decimals otherwise, without trailing zeros.
pub fn trim(v: f64) -> String {
    let decimals = if v.abs() >= 100.0 { 0 } else { 4 };
    let s = format!("{v:.decimals$}");
    if decimals == 0 {
        return s;
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
