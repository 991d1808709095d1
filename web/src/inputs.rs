//! The assumptions panel: preset, arms, perspective and options, then every registry
//! parameter the settings use, grouped, each with its unit, range, source and reset.

use crate::format;
use crate::state::{Action, Setting, State};
use hatcalc::arms::ArmSpec;
use hatcalc::model::relevant;
use hatcalc::money::{conversion_factor, Economy, PriceBasis};
use hatcalc::params::{Group, Unit};
use hatcalc::presets::PRESETS;
use hatcalc::scenario::{Arm, CostInput, CrimeInput};
use hatcalc::sources::source;
use hatcalc::{Perspective, Scenario, P};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties shared by the panel's parts.
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The page state.
    pub state: State,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The whole assumptions panel.
#[function_component(Assumptions)]
pub fn assumptions(props: &PanelProps) -> Html {
    let s = &props.state.scenario;
    html! {
        <section class="inputs" aria-labelledby="inputs-h">
            <h2 id="inputs-h">{ "Assumptions" }</h2>
            <SettingsPanel state={props.state.clone()} on_action={props.on_action.clone()} />
            { for Group::ALL.iter().map(|g| {
                let params: Vec<P> = P::ALL.iter().copied()
                    .filter(|p| p.def().group == *g && relevant(s, *p)).collect();
                let open = *g == Group::Treatment;
                html! {
                    <details class="group" open={open} id={format!("group-{g:?}").to_lowercase()}>
                        <summary>{ g.label() }<span class="count">{ format!(" ({})", params.len()) }</span></summary>
                        { for params.iter().map(|p| html! {
                            <NumberInput param={*p} value={s.get(*p)} default={s.default_of(*p)}
                                range={s.range(*p)} basis={s.basis()}
                                error={props.state.errors.get(p).cloned()}
                                changed={props.state.changed.contains(p)}
                                on_action={props.on_action.clone()} />
                        }) }
                    </details>
                }
            }) }
        </section>
    }
}

fn select_cb<T: 'static>(
    cb: &Callback<Action>,
    parse: fn(&str) -> Option<T>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<Event> {
    let cb = cb.clone();
    Callback::from(move |e: Event| {
        let el: HtmlSelectElement = e.target_unchecked_into();
        if let Some(v) = parse(&el.value()) {
            cb.emit(make(v));
        }
    })
}

/// Preset, arms, perspective and the input modes.
#[function_component(SettingsPanel)]
pub fn settings_panel(props: &PanelProps) -> Html {
    let st = props.state.scenario.settings;
    let cb = &props.on_action;
    let on_preset = select_cb(cb, |v| Some(v.to_string()), Action::Preset);
    let on_intervention = select_cb(cb, Arm::from_id, |a| {
        Action::Setting(Setting::Intervention(a))
    });
    let on_comparator = select_cb(cb, Arm::from_id, |a| {
        Action::Setting(Setting::Comparator(a))
    });
    let on_perspective = select_cb(cb, Perspective::from_id, |p| {
        Action::Setting(Setting::Perspective(p))
    });
    let on_cost = select_cb(
        cb,
        |v| match v {
            "total" => Some(CostInput::Total),
            "parts" => Some(CostInput::Parts),
            _ => None,
        },
        |c| Action::Setting(Setting::CostInput(c)),
    );
    let on_crime = select_cb(
        cb,
        |v| match v {
            "offences" => Some(CrimeInput::Offences),
            "per_year" => Some(CrimeInput::PerYear),
            _ => None,
        },
        |c| Action::Setting(Setting::CrimeInput(c)),
    );
    let toggle = |make: fn(bool) -> Setting| {
        let cb = cb.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(Action::Setting(make(el.checked())));
        })
    };
    let basis = props.state.scenario.basis();
    let on_economy = select_cb(cb, Economy::from_code, move |e| {
        // Keep the year where the new economy's price index has it, else take its latest.
        let (first, last) = e.years();
        let year = if (first..=last).contains(&basis.year) {
            basis.year
        } else {
            last
        };
        Action::Basis(PriceBasis::new(e, year))
    });
    let on_year = select_cb(
        cb,
        |v| v.parse::<u16>().ok(),
        move |y| Action::Basis(PriceBasis::new(basis.economy, y)),
    );
    let (first_year, last_year) = basis.economy.years();
    let preset = PRESETS.iter().find(|p| p.id == props.state.preset);
    let arm_options = |selected: Arm, offered: fn(&ArmSpec) -> bool| -> Html {
        Arm::ALL
            .iter()
            .filter(|a| offered(a.spec()))
            .map(|a| {
                html! {
                    <option value={a.id()} selected={*a == selected}>{ a.label() }</option>
                }
            })
            .collect()
    };
    html! {
        <div class="settings">
            <label for="preset">{ "Start from" }</label>
            <select id="preset" onchange={on_preset}>
                { for PRESETS.iter().map(|p| html! {
                    <option value={p.id} selected={p.id == props.state.preset}>{ p.name }</option>
                }) }
            </select>
            if let Some(p) = preset {
                <details class="preset-note">
                    <summary>{ "What this preset reproduces" }</summary>
                    <p>{ p.reproduces }</p>
                    <p class="muted">{ p.method }</p>
                </details>
            }
            if !props.state.changed.is_empty() {
                <p class="changed-note" role="status">{ format!("The preset changed {} inputs; they are marked below.", props.state.changed.len()) }</p>
            }
            <div class="row">
                <div>
                    <label for="intervention">{ "Treatment" }</label>
                    <select id="intervention" onchange={on_intervention}>
                        { arm_options(st.intervention, |a| a.as_intervention) }
                    </select>
                </div>
                <div>
                    <label for="comparator">{ "Compared with" }</label>
                    <select id="comparator" onchange={on_comparator}>
                        { arm_options(st.comparator, |a| a.as_comparator) }
                    </select>
                </div>
            </div>
            <label for="perspective">{ "Whose costs count" }</label>
            <select id="perspective" onchange={on_perspective}>
                { for Perspective::ALL.iter().map(|p| html! {
                    <option value={p.id()} selected={*p == st.perspective}>{ p.label() }</option>
                }) }
            </select>
            <div class="row">
                <div>
                    <label for="cost-input">{ "Treatment cost entered as" }</label>
                    <select id="cost-input" onchange={on_cost}>
                        <option value="total" selected={st.cost_input == CostInput::Total}>{ "Published totals" }</option>
                        <option value="parts" selected={st.cost_input == CostInput::Parts}>{ "Built from parts" }</option>
                    </select>
                </div>
                <div>
                    <label for="crime-input">{ "Crime entered as" }</label>
                    <select id="crime-input" onchange={on_crime}>
                        <option value="offences" selected={st.crime_input == CrimeInput::Offences}>{ "Offences, each priced" }</option>
                        <option value="per_year" selected={st.crime_input == CrimeInput::PerYear}>{ "Costs per year" }</option>
                    </select>
                </div>
            </div>
            <div class="row">
                <div>
                    <label for="economy">{ "Country and currency" }</label>
                    <select id="economy" onchange={on_economy} aria-describedby="economy-note">
                        { for Economy::ALL.iter().map(|e| html! {
                            <option value={e.code()} selected={*e == basis.economy}>{ e.to_string() }</option>
                        }) }
                    </select>
                </div>
                <div>
                    <label for="price-year">{ "Price year" }</label>
                    <select id="price-year" onchange={on_year}>
                        { for (first_year..=last_year).rev().map(|y| html! {
                            <option value={y.to_string()} selected={y == basis.year}>{ y }</option>
                        }) }
                    </select>
                </div>
            </div>
            <p class="muted" id="economy-note">{ format!("Every amount is in {} at {} prices, converted with consumer prices and purchasing power parities; background mortality follows {}'s life table.", basis.economy.currency(), basis.year, basis.economy.country()) }</p>
            <label class="check"><input type="checkbox" id="intangible" checked={st.include_intangible}
                onchange={toggle(Setting::Intangible)} />{ " Count victims' pain and suffering (society)" }</label>
            <label class="check"><input type="checkbox" id="vsl" checked={st.include_vsl}
                onchange={toggle(Setting::Vsl)} />{ " Value deaths within the horizon at the value of a statistical life (society's net benefit only; never in cost per QALY)" }</label>
        </div>
    }
}

/// Properties of [`NumberInput`].
#[derive(Properties, PartialEq)]
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
    let (text, ids) = (def.origin.explanation(), def.origin.source_ids());
    html! {
        <details class="source">
            <summary>{ kind }</summary>
            <p>{ text }</p>
            if let Some(c) = conversion { <p>{ c }</p> }
            <ul>
                { for ids.iter().filter_map(|id| source(id)).map(|src| html! {
                    <li>{ src.citation }{ " " }<span class="muted">{ src.locator }</span>{ " " }
                        <a href={src.url} rel="noopener noreferrer" target="_blank">{ "link" }</a></li>
                }) }
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
