//! Results after the headline: costs by arm, who pays and who saves, the programme budget, and
//! the Monte Carlo summary; the headline (the first view's) is sent the Monte Carlo's chances
//! and the note on assumptions through `crate::bridge`. Every number comes from the model;
//! this module only lays it out.

use crate::bridge::{self, News};
use crate::charts::{use_figure, CostRows, Figure, PALETTE};
use crate::components::chart_export::ChartExport;
use crate::components::headline::{AssumedNote, BlockProps, McView, MC_DRAWS};
use crate::format;
use crate::session::LastChange;
use crate::worker::pool::{answer_of, next_answer, Draws, EvppiOnWorker, ShareOnWorker, POLL};
use hatcalc::analysis::{tornado_per_patient_year, Budget, EvppiRun, Psa, PsaConfig, PsaRun};
use hatcalc::model::{Bearer, Category, Outcome, Scope};
use hatcalc::Scenario;
use plotters::style::RGBColor;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Draws per slice of main-thread work between yields to the browser.
const MC_CHUNK: usize = 200;
/// Workers that have not answered within this time (their script could not load) are given
/// up for the page's own thread.
const MC_GIVE_UP_MS: f64 = 4_000.0;
/// Quiet time after the last change of a burst (a slider drag: an input every frame) before
/// the Monte Carlo starts, so that a drag never shares a frame with a Monte Carlo slice or
/// sets workers to a run it will replace. A change after such a quiet time (a click, a typed
/// value) starts the run at once.
const MC_SETTLE: std::time::Duration = std::time::Duration::from_millis(200);

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its evaluation.
    pub outcome: Rc<Outcome>,
    /// Monte Carlo seed.
    pub seed: u64,
    /// The scenario's permalink query: how the workers receive it.
    pub query: String,
}

/// Every result block; owns the Monte Carlo run, restarted whenever the scenario changes.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    // Set from the effect below on every change; `use_state_eq`, so that setting what is
    // already there (no run yet, no answer yet) does not render every result block again.
    let mc = use_state_eq(|| McView {
        done: 0,
        total: MC_DRAWS,
        result: None,
    });
    // The share of the tornado's swing that rests on assumptions, for the headline: computed
    // once input settles, with the Monte Carlo.
    let assumed = use_state_eq(|| AssumedNote::Pending(None));
    // The budget by year, computed once input settles too, with the scenario it is for: the
    // last one stays on screen (marked as updating) until the new one is ready, so the page
    // below it does not jump.
    let budget = use_state(|| None::<(Rc<Budget>, Scenario)>);
    {
        // The page's first budget comes in the task after the first result, with the sections
        // below it, not with the first run: the page below does not drop by its height then.
        let (budget, s) = (budget.clone(), props.scenario.clone());
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                if budget.is_none() {
                    budget.set(Some((Rc::new(hatcalc::analysis::budget(&s)), s)));
                }
            });
        });
    }
    // The EVPPI from the same draws, row by row once the Monte Carlo is done.
    let evppi = use_state_eq(|| None::<crate::page::research::EvppiView>);
    // The last finished run, with the scenario it is for: it stays on screen (marked as
    // updating) while the next one runs, so the page below it does not jump.
    let last_mc = use_state(|| None::<(Rc<Psa>, Scenario)>);
    // The last finished EVPPI, with its scenario, kept on screen the same way.
    let last_evppi = use_state(|| None::<(Rc<hatcalc::analysis::Evppi>, Scenario)>);
    // When the scenario last changed (ms on the page's clock); the page's opening counts as a
    // change, so the first run waits until the page has settled after its first result.
    let last_change = use_mut_ref(LastChange::now);
    {
        let mc = mc.clone();
        let last_mc = last_mc.clone();
        let last_evppi = last_evppi.clone();
        let assumed = assumed.clone();
        let budget = budget.clone();
        let evppi = evppi.clone();
        use_effect_with(
            (props.scenario.clone(), props.seed, props.query.clone()),
            move |(s, seed, query)| {
                let settled = last_change.borrow_mut().after_quiet(MC_SETTLE);
                let cancelled = Rc::new(Cell::new(false));
                let stop = cancelled.clone();
                let config = PsaConfig::new(MC_DRAWS, *seed);
                mc.set(McView {
                    done: 0,
                    total: config.draws,
                    result: None,
                });
                // The last share stays, dimmed, until this scenario's comes.
                assumed.set(match *assumed {
                    AssumedNote::Current(share) | AssumedNote::Pending(share) => {
                        AssumedNote::Pending(share)
                    }
                    AssumedNote::Absent => AssumedNote::Pending(None),
                });
                evppi.set(None);
                let (s, query) = (s.clone(), query.clone());
                yew::platform::spawn_local(async move {
                    // In a burst of changes, wait for it to settle: a newer change cancels this
                    // run before it starts. After a quiet time, start once the page has drawn.
                    let wait = if settled {
                        std::time::Duration::ZERO
                    } else {
                        MC_SETTLE
                    };
                    yew::platform::time::sleep(wait).await;
                    if cancelled.get() {
                        return;
                    }
                    // On the workers, where they answer (started first, so they draw while the
                    // page computes the rest); else here, in slices between frames.
                    let on_pool = Draws::start(&s, &query, config);
                    // The same tornado as "Which assumptions matter most?", so a reader can check
                    // it: on its worker, else here.
                    match ShareOnWorker::start(&query) {
                        Some(on_worker) => {
                            let (assumed, cancelled, s) =
                                (assumed.clone(), cancelled.clone(), s.clone());
                            yew::platform::spawn_local(async move {
                                let answer = answer_of(
                                    || on_worker.answer(),
                                    MC_GIVE_UP_MS,
                                    || cancelled.get(),
                                )
                                .await;
                                if let Ok(share) = answer {
                                    assumed.set(AssumedNote::Current(share.unwrap_or_else(|| {
                                        tornado_per_patient_year(&s).assumption_share()
                                    })));
                                }
                            });
                        }
                        None => assumed.set(AssumedNote::Current(
                            tornado_per_patient_year(&s).assumption_share(),
                        )),
                    }
                    if budget.as_ref().is_none_or(|(_, for_s)| *for_s != s) {
                        budget.set(Some((Rc::new(hatcalc::analysis::budget(&s)), s.clone())));
                    }
                    let mut on_workers = false;
                    let mut run = match on_pool {
                        Some(draws) => {
                            let since = js_sys::Date::now();
                            let mut shown = 0;
                            loop {
                                next_answer().await;
                                if cancelled.get() {
                                    return;
                                }
                                if let Some(result) = draws.finished() {
                                    on_workers = result.is_ok();
                                    break result.ok();
                                }
                                if !draws.heard()
                                    && (js_sys::Date::now() - since > MC_GIVE_UP_MS
                                        || crate::worker::pool::unavailable())
                                {
                                    break None;
                                }
                                let done = draws.done();
                                if done != shown {
                                    shown = done;
                                    mc.set(McView {
                                        done,
                                        total: config.draws,
                                        result: None,
                                    });
                                }
                            }
                        }
                        None => None,
                    }
                    .unwrap_or_else(|| PsaRun::new(&s, config));
                    while !run.finished() {
                        yew::platform::time::sleep(std::time::Duration::ZERO).await;
                        if cancelled.get() {
                            return;
                        }
                        run.step(MC_CHUNK);
                        mc.set(McView {
                            done: run.done(),
                            total: run.total(),
                            result: None,
                        });
                    }
                    let result = Rc::new(run.result());
                    last_mc.set(Some((result.clone(), s.clone())));
                    mc.set(McView {
                        done: run.done(),
                        total: run.total(),
                        result: Some(result),
                    });
                    // Every input together is left out: it is the costliest row and only a check.
                    // Estimated on a worker where the draws came from workers; else here, a row per step
                    // between frames.
                    let mut e = EvppiRun::new(&run, false);
                    let show = |e: &EvppiRun| {
                        let result = e.finished().then(|| Rc::new(e.result()));
                        if let Some(r) = &result {
                            last_evppi.set(Some((r.clone(), s.clone())));
                        }
                        evppi.set(Some(crate::page::research::EvppiView {
                            done: e.done(),
                            total: e.total(),
                            result,
                        }));
                    };
                    if let Some(on_worker) = on_workers
                        .then(|| EvppiOnWorker::start(&run, &query))
                        .flatten()
                    {
                        while !e.finished() {
                            yew::platform::time::sleep(POLL).await;
                            if cancelled.get() {
                                return;
                            }
                            match on_worker.estimates() {
                                Ok(estimates) if estimates.len() > e.done() => {
                                    e.accept(&estimates);
                                    show(&e);
                                }
                                Ok(_) => {}
                                Err(_) => break, // refused: estimated here instead
                            }
                        }
                    }
                    while !e.finished() {
                        yew::platform::time::sleep(std::time::Duration::ZERO).await;
                        if cancelled.get() {
                            return;
                        }
                        e.step(&run, 1);
                        show(&e);
                    }
                });
                move || {
                    stop.set(true);
                    // The workers stop too, rather than finish a run nobody will read.
                    crate::worker::pool::stop_runs();
                }
            },
        );
    }
    // The headline (the first view's) shows the run's chances and the note on assumptions.
    use_effect_with(
        News {
            chances: mc.chances(),
            assumed: *assumed,
        },
        |news| bridge::fire(bridge::NEWS_EVENT, news),
    );
    // The research section reads the scenario only for a current estimate: while it shows the
    // last one, it is given that one's scenario, so that a drag does not render its tables
    // again on every input.
    let research_scenario = match (&*evppi, &*last_evppi) {
        (Some(v), _) if v.result.is_some() => props.scenario.clone(),
        (_, Some((_, s))) => s.clone(),
        _ => props.scenario.clone(),
    };
    html! {
        <>
            <CostsView scenario={props.scenario.clone()} outcome={props.outcome.clone()} />
            <Bearers scenario={props.scenario.clone()} outcome={props.outcome.clone()} />
            <crate::page::budget::BudgetView
                scenario={budget.as_ref().map_or_else(|| props.scenario.clone(), |(_, for_s)| for_s.clone())}
                budget={budget.as_ref().map(|(b, _)| b.clone())}
                current={budget.as_ref().is_some_and(|(_, for_s)| *for_s == props.scenario)} />
            <Uncertainty scenario={props.scenario.clone()} mc={(*mc).clone()} last={(*last_mc).clone()} />
            <crate::page::research::Research scenario={research_scenario} evppi={(*evppi).clone()} last={(*last_evppi).clone()} />
        </>
    }
}

fn scope(s: &Scenario) -> Scope {
    Scope {
        perspective: s.settings.perspective,
        include_intangible: s.settings.include_intangible,
        include_vsl: s.settings.include_vsl,
    }
}

/// Costs of each arm by category: a stacked chart and its table.
#[function_component(CostsView)]
pub fn costs_view(props: &BlockProps) -> Html {
    let s = &props.scenario;
    let sc = scope(s);
    let cur = s.basis().economy.currency();
    let o = props.outcome.clone();
    let cats: Vec<Category> = Category::ALL
        .iter()
        .copied()
        .filter(|c| sc.counts(*c))
        .collect();
    let rows: Rc<CostRows> = Rc::new(
        [&o.intervention, &o.comparator]
            .iter()
            .map(|a| {
                (
                    a.arm.label().to_string(),
                    cats.iter().map(|c| (c.label(), a.costs.get(*c))).collect(),
                )
            })
            .collect(),
    );
    let canvas = use_node_ref();
    let x_label = format!(
        "{cur} at {} prices, per patient over {} years, discounted",
        s.basis().year,
        format::number(o.horizon_years)
    );
    let figure = use_memo((rows, x_label.clone()), |(rows, x_label)| Figure::Costs {
        title: "Costs by arm".into(),
        x_label: x_label.clone(),
        rows: rows.clone(),
    });
    use_figure(&canvas, Some(figure.clone()));
    html! {
        <section aria-labelledby="costs-h">
            <h3 id="costs-h">{ "What each arm costs" }</h3>
            <figure class="chart">
                <canvas ref={canvas} width="640" height="240" id="costs-canvas" role="img"
                    aria-label={format!("Costs by arm, stacked by category ({x_label}); the table below has the numbers.")} />
                <ul class="legend" aria-hidden="true">
                    { for cats.iter().enumerate().map(|(k, c)| {
                        // An SVG fill is a presentation attribute, not an inline style, so the
                        // page's Content-Security-Policy needs no 'unsafe-inline' for it.
                        let RGBColor(r, g, b) = PALETTE[k % PALETTE.len()];
                        html! { <li><svg class="swatch" width="12" height="12" viewBox="0 0 12 12">
                            <rect width="12" height="12" fill={format!("rgb({r},{g},{b})")} /></svg>{ c.label() }</li> }
                    }) }
                </ul>
                <details>
                    <summary>{ "Data table" }</summary>
                    <table id="costs-table">
                        <thead><tr><th scope="col">{ "Category" }</th>
                            <th scope="col">{ o.intervention.arm.label() }</th>
                            <th scope="col">{ o.comparator.arm.label() }</th>
                            <th scope="col">{ "Difference" }</th></tr></thead>
                        <tbody>
                        { for cats.iter().map(|c| {
                            let (a, b) = (o.intervention.costs.get(*c), o.comparator.costs.get(*c));
                            html! { <tr><th scope="row">{ c.label() }</th>
                                <td>{ format::money(a, cur) }</td><td>{ format::money(b, cur) }</td>
                                <td>{ format::money(o.delta(*c), cur) }</td></tr> }
                        }) }
                        </tbody>
                    </table>
                </details>
                <ChartExport figure={figure} name="costs" />
            </figure>
        </section>
    }
}

/// Who pays and who saves, per patient and for the programme.
#[function_component(Bearers)]
pub fn bearers(props: &BlockProps) -> Html {
    let s = &props.scenario;
    let cur = s.basis().economy.currency();
    let o = &props.outcome;
    let society = &o.comparisons[2];
    let sc = scope(s);
    let pr = &o.programme;
    html! {
        <section aria-labelledby="bearers-h">
            <h3 id="bearers-h">{ "Who pays and who saves" }</h3>
            <table id="bearers-table">
                <thead><tr><th scope="col">{ "" }</th>
                    <th scope="col">{ "Per patient, over the horizon" }</th>
                    <th scope="col">{ format!("Programme: {} places for {} years", format::number(pr.slots), format::number(pr.years)) }</th></tr></thead>
                <tbody>
                { for Bearer::ALL.iter().enumerate().map(|(i, br)| {
                    let counted = Category::ALL.iter().any(|c| c.bearer() == *br && sc.counts(*c));
                    let per_patient = -society.delta_by_bearer[i];
                    html! { <tr class={classes!((!counted).then_some("not-counted"))}>
                        <th scope="row">{ br.label() }{ if counted { "" } else { " (not counted in this perspective)" } }</th>
                        <td>{ format::money(per_patient, cur) }</td>
                        <td>{ if counted { format::money(-pr.delta_by_bearer[i], cur) } else { "—".into() } }</td>
                    </tr> }
                }) }
                </tbody>
            </table>
            <p class="muted">{ "Positive: saves that party money; negative: costs it money. " }
                { format!("The programme's gross cost to the health budget is {}, including start-up of {}; its net benefit ({} perspective) is {}.",
                    format::money(pr.gross_cost, cur), format::money(pr.startup_cost, cur),
                    s.settings.perspective.label().to_ascii_lowercase(), format::money(pr.net_benefit, cur)) }</p>
        </section>
    }
}

/// Properties of [`Uncertainty`].
#[derive(Properties, PartialEq)]
pub struct UncertaintyProps {
    /// The scenario.
    pub scenario: Scenario,
    /// The Monte Carlo run.
    pub mc: McView,
    /// The last finished run and its scenario, shown while the next one runs.
    #[prop_or_default]
    pub last: Option<(Rc<Psa>, Scenario)>,
}

/// The Monte Carlo summary, with progress while it runs. While a new run goes on, the last
/// one stays, dimmed and marked busy; the summary has its id only when it is current.
#[function_component(Uncertainty)]
pub fn uncertainty(props: &UncertaintyProps) -> Html {
    let current = props.mc.result.is_some();
    let shown = match &props.mc.result {
        Some(r) => Some((r.clone(), props.scenario.clone())),
        None => props.last.clone(),
    };
    let updating = !current && shown.is_some();
    let summary = |r: &Psa, s: &Scenario| {
        let cur = s.basis().economy.currency();
        mc_words(
            r.draws,
            r.config.seed,
            &r.net_benefit
                .map_or("is undefined (no draw gave a value)".into(), |nb| {
                    format!(
                        "averages {}, with 95% of draws between {} and {}",
                        format::money(nb.mean, cur),
                        format::money(nb.p2_5, cur),
                        format::money(nb.p97_5, cur)
                    )
                }),
            &format::percent(r.prob_benefit_exceeds_cost),
            &format::money(r.evpi, cur),
        )
    };
    // Before the first run, the same words with figures of a typical width keep its room.
    let placeholder = {
        let cur = props.scenario.basis().economy.currency();
        let m = |v: f64| format::money(v, cur);
        mc_words(
            props.mc.total,
            1,
            &format!(
                "averages {}, with 95% of draws between {} and {}",
                m(100_000.0),
                m(-100_000.0),
                m(100_000.0)
            ),
            &format::percent(0.5),
            &m(10_000.0),
        )
    };
    html! {
        <section aria-labelledby="mc-h" class={classes!(updating.then_some("updating"))}
            aria-busy={(!current).then_some("true")}>
            <h3 id="mc-h">{ "How sure is this?" }</h3>
            // The status line is always there, so that nothing below moves when a run starts
            // or ends.
            <p class="mc-status">
                if current {
                    { format!("Monte Carlo: {} draws, done.", format::number(props.mc.total as f64)) }
                } else {
                    <label for="mc-progress">{ "Monte Carlo running " }</label>
                    <progress id="mc-progress" max={props.mc.total.to_string()} value={props.mc.done.to_string()} />
                }
            </p>
            if let Some((r, s)) = &shown {
                <div class="mc-body">
                    <p id={current.then_some("mc-summary")}>{ summary(r, s) }</p>
                    <crate::page::analyses::McCharts scenario={s.clone()}
                        mc={McView { done: r.draws, total: r.draws, result: Some(r.clone()) }} />
                </div>
            } else {
                // Until the first run is in, its room is kept (the summary's lines, the two
                // charts and the rows under them), so that the sections below do not move
                // down by the charts' height when it comes.
                <div class="mc-body mc-placeholder" aria-hidden="true">
                    <p>{ placeholder }</p>
                    { for (0..2).map(|_| html! {
                        <figure class="chart">
                            <canvas width="640" height="300" />
                            <div class="chart-export"><span>{ "Download this chart: " }</span><button type="button" disabled=true>{ "PNG" }</button></div>
                            <details><summary>{ "Data table" }</summary></details>
                        </figure>
                    }) }
                </div>
            }
        </section>
    }
}

/// The Monte Carlo's summary in words.
fn mc_words(draws: usize, seed: u64, net_benefit: &str, chance: &str, evpi: &str) -> String {
    format!(
        "Drawing every uncertain assumption {} times (seed {seed}): net benefit per patient over the horizon {net_benefit}. Benefits exceed costs in {chance} of draws. Perfect information about every assumption would be worth {evpi} per patient.",
        format::number(draws as f64),
    )
}
