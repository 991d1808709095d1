//! The city's budget by year: undiscounted cash by payer as the programme fills and refills its
//! places, as a chart, a table, a sentence and a CSV file.

use crate::charts::{use_figure, CostRows, Figure, PALETTE};
use crate::components::chart_export::ChartExport;
use crate::format;
use crate::page::export::save_from_worker;
use crate::state::query_of;
use crate::worker::FileJob;
use hatcalc::analysis::Budget;
use hatcalc::Scenario;
use plotters::style::RGBColor;
use std::rc::Rc;
use yew::prelude::*;

/// The payers, in the chart's colour order.
const PAYERS: [&str; 4] = [
    "Health budget",
    "Police, courts and prisons",
    "Victims' losses",
    "Wider society",
];

/// Properties of [`BudgetView`].
#[derive(Properties, PartialEq)]
pub struct BudgetProps {
    /// The scenario `budget` is for (the one on screen while none is computed yet): the view
    /// does not render again while input moves on from it, only when a new budget comes.
    pub scenario: Scenario,
    /// Its budget, once computed (after input settles), or the last one.
    pub budget: Option<Rc<Budget>>,
    /// Whether `budget` is for this scenario (else it is the last one, being updated).
    pub current: bool,
}

/// Year-by-year cash by payer for the programme of N places.
#[function_component(BudgetView)]
pub fn budget_view(props: &BudgetProps) -> Html {
    let s = &props.scenario;
    let cur = s.basis().economy.currency();
    let canvas = use_node_ref();
    let x_label = format!(
        "Cash, with minus without the programme ({cur} {}, undiscounted)",
        s.basis().year
    );
    let figure = use_memo((props.budget.clone(), x_label.clone()), |(b, x_label)| {
        b.as_ref().map(|b| {
            // Drawn bottom-up: reversed, so year 1 is at the top.
            let rows: CostRows = b
                .rows
                .iter()
                .rev()
                .map(|r| {
                    (
                        format!("Year {}", r.year),
                        vec![
                            (PAYERS[0], r.impact.health),
                            (PAYERS[1], r.impact.justice),
                            (PAYERS[2], r.impact.victims),
                            (PAYERS[3], r.impact.wider),
                        ],
                    )
                })
                .collect();
            Rc::new(Figure::Costs {
                title: "Budget by year and payer".into(),
                x_label: x_label.clone(),
                rows: Rc::new(rows),
            })
        })
    });
    use_figure(&canvas, (*figure).clone());
    // Written by a worker (which has the format and the sources it cites), for the scenario
    // this budget is of.
    let on_csv = {
        let query = query_of(s, "", 1);
        Callback::from(move |_| {
            save_from_worker(
                query.clone(),
                FileJob::Budget,
                "hatcalc-budget.csv".into(),
                "text/csv",
                Callback::from(|e: String| gloo::console::error!(e)),
            )
        })
    };
    let m = |v: f64| format::money(v, cur);
    html! {
        <section aria-labelledby="budget-h" id="budget" aria-busy={(!props.current).to_string()}
            class={classes!((!props.current).then_some("updating"))}>
            <h3 id="budget-h">{ "What the programme costs the city, year by year" }</h3>
            { match &props.budget {
                None => html! { <p class="muted">{ "Computing the budget…" }</p> },
                Some(b) => html! {
                    <>
                    <p id="budget-sentence">{ hatcalc::decide::budget_sentence(b, |v| format::money(v, cur)) }</p>
                    <p class="muted">{ format!(
                        "{} places filled over {} months and refilled as patients leave; cash paid in each year, not discounted, unlike the per-patient results above. Positive: spends more than without the programme; negative: saves. Victims' pain and suffering (not cash) over the years: {}.",
                        format::number(b.slots), format::number(b.rampup_months), m(b.total.impact_victims_intangible)
                    ) }</p>
                    if let Some(fig) = figure.as_ref() {
                        <figure class="chart">
                            <canvas ref={canvas} width="640" height={(60 + 46 * b.rows.len()).min(640).to_string()} id="budget-canvas" role="img"
                                aria-label="Budget by year: cash for each payer, with minus without the programme; the table below has the numbers." />
                            <ul class="legend" aria-hidden="true">
                                { for PAYERS.iter().enumerate().map(|(k, label)| {
                                    let RGBColor(r, g, b) = PALETTE[k % PALETTE.len()];
                                    html! { <li><svg class="swatch" width="12" height="12" viewBox="0 0 12 12">
                                        <rect width="12" height="12" fill={format!("rgb({r},{g},{b})")} /></svg>{ *label }</li> }
                                }) }
                            </ul>
                            <ChartExport figure={fig.clone()} name="budget" />
                        </figure>
                    }
                    <div class="table-scroll">
                    <table id="budget-table">
                        <caption class="visually-hidden">{ "Budget by year and payer" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Year" }</th>
                            <th scope="col">{ "Places" }</th>
                            <th scope="col">{ "New patients" }</th>
                            <th scope="col">{ "Health budget" }</th>
                            <th scope="col">{ "Police, courts, prisons" }</th>
                            <th scope="col">{ "Victims' losses" }</th>
                            <th scope="col">{ "Wider society" }</th>
                            <th scope="col">{ "Net" }</th>
                            <th scope="col">{ "Cumulative net" }</th>
                        </tr></thead>
                        <tbody>
                        { for b.rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.year }</th>
                                <td>{ format::number(r.places) }</td>
                                <td>{ format::number(r.new_entrants) }</td>
                                <td>{ m(r.impact.health) }</td>
                                <td>{ m(r.impact.justice) }</td>
                                <td>{ m(r.impact.victims) }</td>
                                <td>{ m(r.impact.wider) }</td>
                                <td>{ m(r.net) }</td>
                                <td>{ m(r.cumulative_net) }</td>
                            </tr>
                        }) }
                        </tbody>
                        <tfoot><tr>
                            <th scope="row">{ "Total" }</th>
                            <td></td>
                            <td>{ format::number(b.total.new_entrants) }</td>
                            <td>{ m(b.total.impact.health) }</td>
                            <td>{ m(b.total.impact.justice) }</td>
                            <td>{ m(b.total.impact.victims) }</td>
                            <td>{ m(b.total.impact.wider) }</td>
                            <td>{ m(b.total.net) }</td>
                            <td></td>
                        </tr></tfoot>
                    </table>
                    </div>
                    <div class="buttons">
                        <button type="button" onclick={on_csv} data-export="budget-csv">{ "Budget by year (CSV)" }</button>
                    </div>
                    </>
                },
            } }
        </section>
    }
}
