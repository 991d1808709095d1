//! Named scenarios kept in this browser, and two scenarios side by side.
//!
//! Each is stored as its permalink query under a name; reading one back goes through the
//! same validation as a link, so a damaged entry is refused with a message, not loaded.

use crate::format;
use crate::state::Action;
use hatcalc::share::decode;
use hatcalc::{evaluate, Scenario, P};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const SAVED_KEY: &str = "hatcalc:saved";
/// Longest name kept.
const MAX_NAME: usize = 80;

/// A saved scenario: its name and permalink query.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Name given by the user.
    pub name: String,
    /// Permalink query string.
    pub query: String,
}

/// Parse the stored list: one `name<TAB>query` per line; lines that do not fit are skipped.
pub fn parse_saved(text: &str) -> Vec<Saved> {
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(n, q)| Saved {
            name: n.to_string(),
            query: q.to_string(),
        })
        .collect()
}

/// The stored form of `list`.
pub fn serialise_saved(list: &[Saved]) -> String {
    list.iter()
        .map(|s| format!("{}\t{}", s.name, s.query))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A name fit for storage: no tabs or line breaks, trimmed, at most [`MAX_NAME`] characters.
pub fn clean_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .chars()
        .take(MAX_NAME)
        .collect()
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn load() -> Vec<Saved> {
    storage()
        .and_then(|s| s.get_item(SAVED_KEY).ok().flatten())
        .map(|t| parse_saved(&t))
        .unwrap_or_default()
}

fn store(list: &[Saved]) -> bool {
    storage().is_some_and(|s| s.set_item(SAVED_KEY, &serialise_saved(list)).is_ok())
}

/// Properties of [`SavedScenarios`].
#[derive(Properties, PartialEq)]
pub struct SavedProps {
    /// The current scenario's permalink query.
    pub query: String,
    /// The current scenario.
    pub scenario: Scenario,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// Save, open, delete and compare named scenarios.
#[function_component(SavedScenarios)]
pub fn saved_scenarios(props: &SavedProps) -> Html {
    let list = use_state(load);
    let name = use_state(String::new);
    let message = use_state(|| None::<String>);
    let compare = use_state(|| None::<usize>);
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            name.set(el.value());
        })
    };
    let on_save = {
        let (list, name, message, query) = (
            list.clone(),
            name.clone(),
            message.clone(),
            props.query.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let n = clean_name(&name);
            if n.is_empty() {
                message.set(Some("Give the scenario a name to save it.".into()));
                return;
            }
            let mut next: Vec<Saved> = list.iter().filter(|s| s.name != n).cloned().collect();
            next.push(Saved {
                name: n.clone(),
                query: query.clone(),
            });
            if store(&next) {
                message.set(Some(format!(
                    "Saved as \u{201c}{n}\u{201d} in this browser."
                )));
                list.set(next);
                name.set(String::new());
            } else {
                message.set(Some(
                    "This browser does not allow saving (storage is off or full).".into(),
                ));
            }
        })
    };
    let on_compare = {
        let compare = compare.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            compare.set(el.value().parse().ok());
        })
    };
    html! {
        <details class="analysis" id="saved">
            <summary><h3>{ "Saved scenarios and comparison" }</h3></summary>
            <form onsubmit={on_save} class="claim-form">
                <label for="save-name">{ "Name" }</label>
                <input type="text" id="save-name" value={(*name).clone()} oninput={on_name} maxlength="80" />
                <button type="submit" id="save-button">{ "Save this scenario" }</button>
            </form>
            if let Some(m) = (*message).clone() { <p role="status" id="save-message">{ m }</p> }
            if list.is_empty() {
                <p class="muted">{ "Nothing saved yet. Saved scenarios stay in this browser only." }</p>
            } else {
                <ul id="saved-list">
                    { for list.iter().enumerate().map(|(i, s)| {
                        let open = { let cb = props.on_action.clone(); let q = s.query.clone(); Callback::from(move |_| cb.emit(Action::Restore(q.clone()))) };
                        let delete = {
                            let list = list.clone();
                            let compare = compare.clone();
                            Callback::from(move |_| {
                                let next: Vec<Saved> = list.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, s)| s.clone()).collect();
                                if store(&next) { list.set(next); compare.set(None); }
                            })
                        };
                        html! { <li>{ s.name.clone() }{ " " }
                            <button type="button" onclick={open} aria-label={format!("Open {}", s.name)}>{ "Open" }</button>{ " " }
                            <button type="button" onclick={delete} aria-label={format!("Delete {}", s.name)}>{ "Delete" }</button></li> }
                    }) }
                </ul>
                <label for="compare-with">{ "Compare the current scenario with " }</label>
                <select id="compare-with" onchange={on_compare}>
                    <option value="" selected={compare.is_none()}>{ "—" }</option>
                    { for list.iter().enumerate().map(|(i, s)| html! { <option value={i.to_string()} selected={*compare == Some(i)}>{ s.name.clone() }</option> }) }
                </select>
                if let Some(other) = compare.and_then(|i| list.get(i)) {
                    <Comparison current={props.scenario.clone()} other={other.clone()} />
                }
            }
        </details>
    }
}

/// Properties of [`Comparison`].
#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// The scenario on the page.
    pub current: Scenario,
    /// A saved scenario.
    pub other: Saved,
}

/// Two scenarios side by side: key results and the inputs that differ.
#[function_component(Comparison)]
pub fn comparison(props: &ComparisonProps) -> Html {
    let other = match decode(&props.other.query) {
        Ok(s) => s.scenario,
        Err(e) => {
            return html! { <p class="error" role="alert">{ format!("\u{201c}{}\u{201d} cannot be read: {e}", props.other.name) }</p> }
        }
    };
    let pair = [
        ("This scenario".to_string(), props.current.clone()),
        (props.other.name.clone(), other),
    ];
    let rows: Vec<(String, [String; 2])> = {
        let outs = pair.clone().map(|(_, s)| (evaluate(&s), s));
        let cell = |f: &dyn Fn(&hatcalc::Outcome, &Scenario) -> String| {
            [f(&outs[0].0, &outs[0].1), f(&outs[1].0, &outs[1].1)]
        };
        vec![
            (
                "Treatment vs comparator".into(),
                cell(&|_, s| {
                    format!(
                        "{} vs {}",
                        s.settings.intervention.label(),
                        s.settings.comparator.label().to_ascii_lowercase()
                    )
                }),
            ),
            (
                "Perspective".into(),
                cell(&|_, s| s.settings.perspective.label().into()),
            ),
            (
                "Currency and prices".into(),
                cell(&|_, s| format!("{} {}", s.basis().economy.currency(), s.basis().year)),
            ),
            (
                "Net benefit per patient-year".into(),
                cell(&|o, s| {
                    format::money(
                        o.chosen(s.settings.perspective).net_benefit_per_year,
                        s.basis().economy.currency(),
                    )
                }),
            ),
            (
                "Net benefit in the first year".into(),
                cell(&|o, s| {
                    format::money(
                        o.chosen(s.settings.perspective).net_benefit_year_one,
                        s.basis().economy.currency(),
                    )
                }),
            ),
            (
                "Benefit–cost ratio".into(),
                cell(&|o, s| {
                    o.chosen(s.settings.perspective)
                        .benefit_cost_ratio
                        .map_or("undefined".into(), format::ratio)
                }),
            ),
            (
                "QALYs gained per patient".into(),
                cell(&|o, s| format::number(o.chosen(s.settings.perspective).delta_qalys)),
            ),
            (
                "Programme net benefit".into(),
                cell(&|o, s| format::money(o.programme.net_benefit, s.basis().economy.currency())),
            ),
        ]
    };
    let same_basis = pair[0].1.basis() == pair[1].1.basis();
    let differing: Vec<P> = P::ALL
        .iter()
        .copied()
        .filter(|p| pair[0].1.get(*p) != pair[1].1.get(*p))
        .collect();
    html! {
        <div id="comparison">
            <table>
                <thead><tr><th scope="col">{ "" }</th><th scope="col">{ pair[0].0.clone() }</th><th scope="col">{ pair[1].0.clone() }</th></tr></thead>
                <tbody>{ for rows.iter().map(|(k, v)| html! { <tr><th scope="row">{ k.clone() }</th><td>{ v[0].clone() }</td><td>{ v[1].clone() }</td></tr> }) }</tbody>
            </table>
            <p class="muted">{ if same_basis { format!("{} inputs differ.", differing.len()) } else { "The two are in different currencies or price years, so every money input differs.".to_string() } }</p>
            if same_basis && !differing.is_empty() {
                <table>
                    <thead><tr><th scope="col">{ "Input" }</th><th scope="col">{ pair[0].0.clone() }</th><th scope="col">{ pair[1].0.clone() }</th></tr></thead>
                    <tbody>{ for differing.iter().map(|p| html! {
                        <tr><th scope="row">{ p.def().label }</th><td>{ format::number(pair[0].1.get(*p)) }</td><td>{ format::number(pair[1].1.get(*p)) }</td></tr>
                    }) }</tbody>
                </table>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_list_round_trips_and_names_are_cleaned() {
        let list = vec![
            Saved {
                name: clean_name("  City budget\t2026\n"),
                query: "v=1&preset=us".into(),
            },
            Saved {
                name: "Dutch".into(),
                query: "v=1&preset=dijkgraaf2005".into(),
            },
        ];
        assert_eq!(list[0].name, "City budget 2026");
        assert_eq!(parse_saved(&serialise_saved(&list)), list);
        assert_eq!(parse_saved("garbage without a tab\nok\tv=1").len(), 1);
        assert_eq!(clean_name(&"x".repeat(200)).len(), MAX_NAME);
    }
}
