//! "Which research would settle it?": the expected value of partial perfect information of
//! groups and inputs, ranked, from the page's own Monte Carlo draws, as a chart, a table and a
//! CSV file.

use crate::charts::{use_figure, CostRows, Figure};
use crate::components::chart_export::ChartExport;
use crate::format;
use crate::platform::download::save_text;
use hatcalc::analysis::{Estimate, Evppi, Row};
use hatcalc::export::evppi_csv;
use hatcalc::Scenario;
use std::rc::Rc;
use yew::prelude::*;

/// The EVPPI as far as it has been computed.
#[derive(Debug, Clone, PartialEq)]
pub struct EvppiView {
    /// Rows done.
    pub done: usize,
    /// Rows in all.
    pub total: usize,
    /// The result once every row is done.
    pub result: Option<Rc<Evppi>>,
}

/// Properties of [`Research`].
#[derive(Properties, PartialEq)]
pub struct ResearchProps {
    /// The scenario of a current estimate (of the last one while the next is made).
    pub scenario: Scenario,
    /// The EVPPI run.
    pub evppi: Option<EvppiView>,
    /// The last finished EVPPI and its scenario, shown (dimmed) while the next is estimated.
    #[prop_or_default]
    pub last: Option<(Rc<Evppi>, Scenario)>,
}

/// Bars shown in the chart: the groups, then the widest inputs.
const INPUT_BARS: usize = 8;

fn value(r: &Row) -> Option<f64> {
    r.per_patient.value()
}

/// The ranked EVPPI of groups and inputs. While a new estimate goes on, the last one stays,
/// dimmed and marked busy; its summary and tables have their ids only when current. The
/// estimate is made after every Monte Carlo, but its chart and tables (some 400 elements) are
/// made only while the section is open.
#[function_component(Research)]
pub fn research(props: &ResearchProps) -> Html {
    let current = props.evppi.as_ref().and_then(|v| v.result.clone());
    let is_current = current.is_some();
    let (result, s) = match current {
        Some(e) => (Some(e), props.scenario.clone()),
        None => match &props.last {
            Some((e, s)) => (Some(e.clone()), s.clone()),
            None => (None, props.scenario.clone()),
        },
    };
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(el.open());
        })
    };
    let s = &s;
    let cur = s.basis().economy.currency();
    let canvas = use_node_ref();
    let x_label = format!("EVPPI per patient ({cur} {})", s.basis().year);
    let shown = result.clone().filter(|_| *open);
    let figure = use_memo((shown.clone(), x_label), |(e, x_label)| {
        e.as_ref().map(|e| {
            let label = |r: &Row, kind: &str| format!("{kind}: {}", r.label);
            let mut rows: CostRows = e
                .groups
                .iter()
                .map(|r| {
                    (
                        label(r, "Group"),
                        vec![("EVPPI per patient", value(r).unwrap_or(0.0))],
                    )
                })
                .chain(e.inputs.iter().take(INPUT_BARS).map(|r| {
                    (
                        label(r, "Input"),
                        vec![("EVPPI per patient", value(r).unwrap_or(0.0))],
                    )
                }))
                .collect();
            // Drawn bottom-up: reversed, so the highest group is at the top.
            rows.reverse();
            Rc::new(Figure::Costs {
                title: "Which research would settle it".into(),
                x_label: x_label.clone(),
                rows: Rc::new(rows),
            })
        })
    });
    use_figure(&canvas, (*figure).clone());
    let on_csv = {
        let (s, e) = (s.clone(), result.clone());
        Callback::from(move |_| {
            if let Some(e) = &e {
                save_text("hatcalc-evppi.csv", "text/csv", &evppi_csv(&s, e));
            }
        })
    };
    let money = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format::money(v, cur));
    let row_html = |r: &Row| {
        let note = match r.per_patient {
            Estimate::Undefined { reason } => reason.words(),
            Estimate::Value { .. } => String::new(),
        };
        html! {
            <tr>
                <th scope="row">{ r.label.clone() }</th>
                <td>{ money(value(r)) }</td>
                <td>{ money(r.programme) }</td>
                <td>{ r.share_of_evpi.map_or_else(|| note.clone(), format::percent) }</td>
            </tr>
        }
    };
    let id = |name: &'static str| is_current.then_some(name);
    let status = match &props.evppi {
        _ if is_current => None,
        Some(v) => Some(format!("Estimating… {} of {} rows", v.done, v.total)),
        None => Some("Waiting for the Monte Carlo draws…".to_string()),
    };
    html! {
        <details class="analysis" id="research" aria-busy={(!is_current).then_some("true")} ontoggle={on_toggle}>
            <summary><h3>{ "Which research would settle it?" }</h3></summary>
            if let Some(status) = status.filter(|_| *open) {
                <p class="muted" id="evppi-progress">{ status }</p>
            }
            if let Some(e) = &shown {
                <div class={classes!("evppi-body", (!is_current).then_some("updating"))}>
                    <p id={id("evppi-summary")}>{ format!(
                        "Perfect information on everything would be worth {} per patient ({} for the programme): the most a study could be worth for this decision. Per group and input below, the expected value of partial perfect information (EVPPI) from the same {} Monte Carlo draws: what knowing that input exactly would be worth. Inputs worth nothing alone may still matter in their group.",
                        format::money(e.evpi, cur), money(e.evpi_programme), format::number(e.draws as f64)
                    ) }</p>
                    if let Some(fig) = figure.as_ref() {
                        <figure class="chart">
                            <canvas ref={canvas} width="640" height={(60 + 40 * (e.groups.len() + INPUT_BARS.min(e.inputs.len()))).to_string()} id="evppi-canvas" role="img"
                                aria-label="EVPPI per patient of each group and of the inputs worth most; the table below has the numbers." />
                            <ChartExport figure={fig.clone()} name="evppi" />
                        </figure>
                    }
                    <table id={id("evppi-groups")}>
                        <caption>{ "Groups of inputs" }</caption>
                        <thead><tr><th scope="col">{ "Group" }</th><th scope="col">{ "Per patient" }</th><th scope="col">{ "Programme" }</th><th scope="col">{ "Share of EVPI" }</th></tr></thead>
                        <tbody>{ for e.groups.iter().map(row_html) }</tbody>
                    </table>
                    <details>
                        <summary>{ format!("Every input ({})", e.inputs.len()) }</summary>
                        <table id={id("evppi-inputs")}>
                            <thead><tr><th scope="col">{ "Input" }</th><th scope="col">{ "Per patient" }</th><th scope="col">{ "Programme" }</th><th scope="col">{ "Share of EVPI" }</th></tr></thead>
                            <tbody>{ for e.inputs.iter().map(row_html) }</tbody>
                        </table>
                    </details>
                    <p class="muted">{ format!("Method: {}. Net monetary benefit at {} per QALY under the scenario's perspective.", e.method.name, format::money(e.willingness_to_pay, cur)) }</p>
                    <div class="buttons">
                        <button type="button" onclick={on_csv} data-export="evppi-csv">{ "EVPPI (CSV)" }</button>
                    </div>
                </div>
            }
        </details>
    }
}
