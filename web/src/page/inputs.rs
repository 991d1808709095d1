//! The assumptions panel: preset, arms, perspective and options, then every registry
//! parameter the settings use, grouped, each with its unit, range, source and reset.

use crate::components::number_input::{InputProps, NumberInput};
use crate::state::{Action, Setting, State};
use crate::texts::{self, use_texts};
use hatcalc::arms::ArmSpec;
use hatcalc::model::relevant;
use hatcalc::money::{Economy, PriceBasis};
use hatcalc::params::Group;
use hatcalc::presets::PRESETS;
use hatcalc::scenario::{Arm, CostInput, CrimeInput, Settings};
use hatcalc::{Perspective, P};
use web_sys::{HtmlDetailsElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`Assumptions`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The page state.
    pub state: State,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The whole assumptions panel. Its parts re-render only when what they show changes: a
/// drag of one input renders that input's group, not the settings or the other groups.
#[function_component(Assumptions)]
pub fn assumptions(props: &PanelProps) -> Html {
    let state = &props.state;
    let s = &state.scenario;
    // Which inputs each group shows follows the settings alone: not worked out again while a
    // value moves.
    let groups = use_memo(s.settings, |_| {
        Group::ALL
            .iter()
            .map(|g| {
                let params: Vec<P> = P::ALL
                    .iter()
                    .copied()
                    .filter(|p| p.def().group == *g && relevant(s, *p))
                    .collect();
                (*g, params)
            })
            .collect::<Vec<_>>()
    });
    html! {
        <section class="inputs" aria-labelledby="inputs-h">
            <h2 id="inputs-h">{ "Assumptions" }</h2>
            <SettingsPanel settings={s.settings} basis={s.basis()} preset={state.preset}
                changed={state.changed.len()} on_action={props.on_action.clone()} />
            { for groups.iter().map(|(g, params)| {
                let rows: Vec<InputProps> = params.iter().map(|p| InputProps {
                    param: *p,
                    value: s.get(*p),
                    default: s.default_of(*p),
                    range: s.range(*p),
                    basis: s.basis(),
                    error: state.errors.get(p).cloned(),
                    changed: state.changed.contains(p),
                    on_action: props.on_action.clone(),
                }).collect();
                html! { <InputGroup group={*g} rows={rows} /> }
            }) }
        </section>
    }
}

/// Properties of [`InputGroup`].
#[derive(Properties, PartialEq)]
pub struct GroupProps {
    /// The group.
    pub group: Group,
    /// Its inputs, in registry order.
    pub rows: Vec<InputProps>,
}

/// One group of inputs, folded except the treatment costs. A folded group's inputs are made
/// when it is first unfolded, not with the page: they are more than half of the page's
/// elements, and the first result waits for every element made.
#[function_component(InputGroup)]
fn input_group(props: &GroupProps) -> Html {
    let g = props.group;
    let unfolded = use_state_eq(|| g == Group::Treatment);
    let on_toggle = {
        let unfolded = unfolded.clone();
        Callback::from(move |e: Event| {
            let el: HtmlDetailsElement = e.target_unchecked_into();
            if el.open() {
                unfolded.set(true);
            }
        })
    };
    html! {
        <details class="group" open={g == Group::Treatment} id={format!("group-{g:?}").to_ascii_lowercase()} ontoggle={on_toggle}>
            <summary>{ g.label() }<span class="count">{ format!(" ({})", props.rows.len()) }</span></summary>
            if *unfolded {
                { for props.rows.iter().map(|r| html! { <NumberInput ..r.clone() /> }) }
            }
        </details>
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

/// Properties of [`SettingsPanel`]: what it shows, so that a value's change does not
/// render it.
#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// The scenario's settings.
    pub settings: Settings,
    /// The scenario's price basis.
    pub basis: PriceBasis,
    /// Id of the preset the scenario started from.
    pub preset: &'static str,
    /// How many inputs the last preset switch changed.
    pub changed: usize,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// Preset, arms, perspective and the input modes.
#[function_component(SettingsPanel)]
pub fn settings_panel(props: &SettingsProps) -> Html {
    let st = props.settings;
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
    let basis = props.basis;
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
    let preset = PRESETS.iter().find(|p| p.id == props.preset);
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
                    <option value={p.id} selected={p.id == props.preset}>{ p.name }</option>
                }) }
            </select>
            if let Some(p) = preset {
                <PresetNote id={p.id} />
            }
            if props.changed > 0 {
                <p class="changed-note" role="status">{ format!("The preset changed {} inputs; they are marked below.", props.changed) }</p>
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

/// Properties of [`PresetNote`].
#[derive(Properties, PartialEq)]
struct PresetNoteProps {
    /// The preset's id.
    id: &'static str,
}

/// "What this preset reproduces": what the preset reproduces and how its inputs were made,
/// long texts that come from a worker when the note is first opened.
#[function_component(PresetNote)]
fn preset_note(props: &PresetNoteProps) -> Html {
    let loaded = use_texts();
    let on_toggle = texts::want_when_opened();
    let body = match (loaded.as_deref(), texts::can_come()) {
        (Some(t), _) => match t.preset(props.id) {
            Some(p) => html! {
                <><p>{ p.reproduces.clone() }</p><p class="muted">{ p.method.clone() }</p></>
            },
            None => html! { <p class="muted">{ texts::NOT_LOADED }</p> },
        },
        (None, true) => html! { <p class="muted">{ "Loading…" }</p> },
        (None, false) => html! { <p class="muted">{ texts::NOT_LOADED }</p> },
    };
    html! {
        <details class="preset-note" ontoggle={on_toggle}>
            <summary>{ "What this preset reproduces" }</summary>
            { body }
        </details>
    }
}
