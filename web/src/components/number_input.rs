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

/// Unit text of `p` in the scenario's currency.
pub fn unit_text(p: P, s: &Scenario) -> String {
    p.def().unit.text(s.basis().economy.currency())
}

/// A slider and a typed field for one parameter, with reset, source and message.
#[function_component(NumberInput)]
pub fn number_input(props: &InputProps) -> Html {
    let p = props.param;
    let def = p.def();
    let (lo, hi) = props.range;
    let value = props.value;
    // A preset may take a study's value from outside the generic plausible range: the slider
    // stretches to show it rather than pinning at an end.
    let outside = value < lo || value > hi;
    let (slider_lo, slider_hi) = (lo.min(value), hi.max(value));
    let step = match def.unit {
        Unit::Probability | Unit::Share | Unit::Utility | Unit::RelativeRisk | Unit::Shape => 0.001,
        _ => ((slider_hi - slider_lo) / 200.0).max(f64::MIN_POSITIVE),
    };
    let id = def.id.replace('.', "-");
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
    let is_default = (value - props.default).abs() <= 1e-12 * value.abs().max(1.0);
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"), props.changed.then_some("changed"))} id={format!("{id}-field")}>
            <label for={format!("{id}-num")}>{ def.label }
                <span class="unit">{ format!(" ({})", def.unit.text(props.basis.economy.currency())) }</span>
                if def.origin.is_assumption() { <span class="tag" title="No published figure: a labelled assumption">{ "assumption" }</span> }
                else { <span class="tag grade" title="Evidence behind the default">{ def.origin.grade().label() }</span> }
            </label>
            <div class="controls">
                <input type="range" id={format!("{id}-range")} aria-label={format!("{} slider", def.label)}
                    min={slider_lo.to_string()} max={slider_hi.to_string()} step={step.to_string()}
                    value={value.to_string()} oninput={on_input} />
                <input type="text" inputmode="decimal" id={format!("{id}-num")} value={typed}
                    aria-invalid={props.error.is_some().to_string()} aria-describedby={err_id.clone()}
                    onchange={on_change} />
                <button type="button" onclick={on_reset} disabled={is_default && props.error.is_none()}
                    aria-label={format!("Reset {} to default", def.label)}>{ "Reset" }</button>
            </div>
            <p class="range-note">{ format!("Plausible range {} to {}{}", format::number(lo), format::number(hi),
                if outside { "; this value is outside it" } else { "" }) }</p>
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
    let conversion = def.basis.map(|from| {
        let to = props.basis;
        let original = format!("{} {} ({}, {} prices)", from.economy.currency(), format::number(def.default), from.economy.country(), from.year);
        let factor = conversion_factor(from, to).ok();
        let converted = format::money(props.default, to.economy.currency());
        match factor {
            Some(f) if from != to => format!("Published as {original}; {converted} at {} {} prices (× {:.4}: consumer prices, then purchasing power parity).", to.economy.currency(), to.year, f),
            _ => format!("Published as {original}."),
        }
    });
    let kind = if def.origin.is_assumption() {
        "Assumption".to_string()
    } else {
        format!("Source ({})", def.origin.grade().label())
    };
    let loaded = use_texts();
    let ids = def.origin.source_ids();
    // The derivation and the citations come from a worker when a note is first opened.
    let on_toggle = Callback::from(|e: Event| {
        let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
        if el.open() {
            texts::want();
        }
    });
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
fn trim(v: f64) -> String {
    let decimals = if v.abs() >= 100.0 { 0 } else { 4 };
    let s = format!("{v:.decimals$}");
    if decimals == 0 {
        return s;
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
