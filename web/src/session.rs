//! The page's calculator session: the reducer's state, the URL and this browser's storage kept
//! in step with it, and what every view shows first (the evaluation); the same state as the
//! page's sections see it, and the break-even curve they show.

use crate::bridge::{self, Ask};
use crate::platform::storage::local_storage;
use crate::platform::url::without_embed;
use crate::state::{query_of, Action, State};
use hatcalc::analysis::{curve, curve_basis, Curve, Metric};
use hatcalc::model::relevant;
use hatcalc::share::decode;
use hatcalc::{evaluate, Outcome, Scenario, P};
use std::rc::Rc;
use yew::prelude::*;

/// Points on the break-even curve: 41 (a point every 2.5% of the range) is smooth at the
/// chart's width and, measured, takes half the work per input of 101 (BENCHMARKS.md); the
/// break-even itself is solved exactly, not read off the points.
pub const CURVE_POINTS: usize = 41;
/// After a change, how long further changes wait before the curve is drawn again for them:
/// a single change (a click, a typed value) redraws it at once; in a drag of any input but
/// the curve's own, the curve follows once the hand pauses, not on every frame.
const CURVE_PACE: std::time::Duration = std::time::Duration::from_millis(250);
/// Where the last scenario is kept between visits.
const LAST_KEY: &str = "hatcalc:last";
/// Quiet time after a change before the address bar and storage are updated.
const URL_SETTLE: std::time::Duration = std::time::Duration::from_millis(150);

/// What a view of the calculator works from.
pub struct Session {
    /// The state.
    pub state: UseReducerHandle<State>,
    /// Where actions go: one stable callback for the session's lifetime, so unchanged
    /// children are not re-rendered.
    pub dispatch: Callback<Action>,
    /// The state's permalink query.
    pub query: String,
    /// The scenario's evaluation.
    pub outcome: Rc<Outcome>,
}

/// Start the page's session: restored from the URL, else from the last scenario kept in this
/// browser; the URL and the storage follow it, and what the page's sections ask of it
/// (`platform::bridge`) is done.
#[hook]
pub fn use_session() -> Session {
    let state = use_reducer(State::default);
    // One stable callback for the page's lifetime, so unchanged children are not re-rendered.
    let dispatch = {
        let d = state.dispatcher();
        use_callback((), move |a: Action, _| d.dispatch(a))
    };
    // On first render: the URL's scenario, else the last one kept in this browser.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let search = gloo::utils::window()
                .location()
                .search()
                .unwrap_or_default();
            let query = without_embed(&search);
            if !query.is_empty() {
                dispatch.emit(Action::Restore(query));
            } else if let Some(last) =
                local_storage().and_then(|s| s.get_item(LAST_KEY).ok().flatten())
            {
                dispatch.emit(Action::Restore(last));
            }
        });
    }
    // What the sections ask: a saved scenario or a file opened, or a file refused.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = bridge::listen(bridge::ASK_EVENT, move |ask: Ask| {
                dispatch.emit(match ask {
                    Ask::Restore(q) => Action::Restore(q),
                    Ask::Load(q, message) => match decode(&q) {
                        Ok(shared) => Action::Load(Box::new(shared), message),
                        Err(e) => Action::Refuse(format!("{e}.")),
                    },
                    Ask::Refuse(message) => Action::Refuse(message),
                });
            });
            move || drop(listener)
        });
    }
    // After a change: the URL is the permalink, and the scenario is kept for next time.
    // Written once input pauses: `replaceState` costs a few milliseconds, too much for every
    // frame of a slider drag (the permalink link on the page is always current).
    let query = state.query();
    use_effect_with(query.clone(), move |q| {
        let url = format!("?{q}");
        let q = q.clone();
        let cancelled = Rc::new(std::cell::Cell::new(false));
        let stop = cancelled.clone();
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(URL_SETTLE).await;
            if cancelled.get() {
                return;
            }
            if let Ok(history) = gloo::utils::window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
            if let Some(s) = local_storage() {
                let _ = s.set_item(LAST_KEY, &q);
            }
        });
        move || stop.set(true)
    });
    let outcome = use_memo(state.scenario.clone(), evaluate);
    Session {
        state,
        dispatch,
        query,
        outcome,
    }
}

/// The page's state as its sections see it: the first bundle's scenario (`platform::bridge`:
/// read from the host when they start, then at every change), and the sections' own choice
/// of the break-even curve's input. What they do to the scenario (open a saved scenario or a
/// file, refuse one) is asked of the first bundle, and comes back as its next scenario.
#[hook]
pub fn use_mirror() -> Session {
    let host_query = || bridge::host().and_then(|h| h.get_attribute("data-query"));
    let state = use_reducer_eq(|| match host_query() {
        Some(q) => State::default().apply(Action::Restore(q)),
        None => State::default(),
    });
    {
        let d = state.dispatcher();
        use_effect_with((), move |_| {
            let d2 = d.clone();
            let listener = bridge::listen(bridge::QUERY_EVENT, move |q: String| {
                d2.dispatch(Action::Restore(q))
            });
            // A change between the first render and now came before the listener.
            if let Some(q) = host_query() {
                d.dispatch(Action::Restore(q));
            }
            move || drop(listener)
        });
    }
    let dispatch = {
        let d = state.dispatcher();
        use_callback((), move |a: Action, _| {
            let ask = match a {
                Action::Restore(q) => Ask::Restore(q),
                Action::Load(shared, message) => Ask::Load(
                    query_of(&shared.scenario, shared.preset, shared.seed),
                    message,
                ),
                Action::Refuse(message) => Ask::Refuse(message),
                // The curve's input, the one choice that is the sections' own (no section sends
                // any other action).
                a => return d.dispatch(a),
            };
            bridge::fire(bridge::ASK_EVENT, &ask);
        })
    };
    let query = state.query();
    let outcome = use_memo(state.scenario.clone(), evaluate);
    Session {
        state,
        dispatch,
        query,
        outcome,
    }
}

/// The break-even curve a view shows.
pub struct CurveSession {
    /// The input the break-even curve varies.
    pub param: P,
    /// The break-even curve.
    pub curve: Rc<Curve>,
    /// The scenario the curve is for: the one on screen, or, while input moves quickly, the
    /// one before, with the curve's own input at its value on screen.
    pub scenario: Scenario,
    /// Whether the curve is for the scenario on screen.
    pub current: bool,
}

/// The break-even curve of the state's scenario, paced while input moves quickly.
#[hook]
pub fn use_curve(state: &State) -> CurveSession {
    let scenario = &state.scenario;
    // The chosen input, or, when the settings no longer use it (another treatment was
    // chosen), the evaluated treatment's first key input (its cost).
    let [cost, retention] = scenario.settings.intervention.spec().key_inputs;
    let curve_param = usable(
        scenario,
        state.curve_param,
        &[cost, retention, P::MmtCostYear],
    );
    // The curve's points do not depend on the current value of the input it varies: while
    // only that input changes (a drag of its slider), the points are kept and the break-even
    // is chosen again for the new value.
    let ((basis, param), current_scenario) = use_paced(
        (curve_basis(scenario, curve_param), curve_param),
        CURVE_PACE,
    );
    let points = use_memo((basis.clone(), param), |(basis, p)| {
        curve(basis, *p, Metric::NetBenefit, CURVE_POINTS)
    });
    let current = scenario.get(param);
    let curve = use_memo((points, current.to_bits()), |(points, _)| {
        Rc::new((**points).clone().with_current(current))
    });
    let curve = (*curve).clone();
    let for_scenario = basis.clone().with(param, current).unwrap_or(basis);
    CurveSession {
        param,
        curve,
        scenario: for_scenario,
        current: current_scenario,
    }
}

/// `chosen` when the scenario's settings use it, else the first of `instead` they use (else
/// `chosen`): a picked input must not silently stop mattering when the arms change.
pub fn usable(s: &Scenario, chosen: P, instead: &[P]) -> P {
    if relevant(s, chosen) {
        return chosen;
    }
    instead
        .iter()
        .copied()
        .find(|p| relevant(s, *p))
        .unwrap_or(chosen)
}

/// `value` once it has stopped changing for `quiet`: sections a reader does not watch while
/// dragging (the printed brief, the tornado, the two-way grid) render from this instead, so a
/// slider input re-renders and recomputes only what follows the hand.
#[hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T, quiet: std::time::Duration) -> T {
    let settled = use_state(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |v| {
            let cancelled = Rc::new(std::cell::Cell::new(false));
            let stop = cancelled.clone();
            if *settled != *v {
                let v = v.clone();
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(quiet).await;
                    if !cancelled.get() {
                        settled.set(v);
                    }
                });
            }
            move || stop.set(true)
        });
    }
    (*settled).clone()
}

/// The page's clock, in milliseconds.
fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// When something last changed: tells a change after a quiet time (a click, a typed value)
/// from one within a burst (a drag).
#[derive(Debug)]
pub struct LastChange(f64);

impl LastChange {
    /// Nothing has changed yet: the first change follows a quiet time.
    pub fn never() -> LastChange {
        LastChange(f64::NEG_INFINITY)
    }

    /// Something changes now (a page opening).
    pub fn now() -> LastChange {
        LastChange(now_ms())
    }

    /// Record a change now; whether at least `quiet` had passed since the last one.
    pub fn after_quiet(&mut self, quiet: std::time::Duration) -> bool {
        let now = now_ms();
        let after = now - self.0 >= quiet.as_secs_f64() * 1000.0;
        self.0 = now;
        after
    }
}

/// `false` in the first render and `true` from the next task on: what the first result need
/// not wait for is made once the browser has had the chance to show that result.
#[hook]
pub fn use_after_first_render() -> bool {
    let ready = use_state_eq(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                ready.set(true);
            });
        });
    }
    *ready
}

/// `value` at once after a pause of `quiet` since the last change, else the value shown before,
/// until changes pause: the first change of a burst is followed at once and the last one once
/// the burst ends, with nothing in between. Returns the value to show and whether it is
/// `value`.
#[hook]
pub fn use_paced<T: Clone + PartialEq + 'static>(
    value: T,
    quiet: std::time::Duration,
) -> (T, bool) {
    let shown = use_mut_ref(|| value.clone());
    let last_change = use_mut_ref(LastChange::never);
    let due = use_mut_ref(|| false);
    let rerender = use_force_update();
    if *shown.borrow() != value {
        let after_quiet = last_change.borrow_mut().after_quiet(quiet);
        if *due.borrow() || after_quiet {
            *shown.borrow_mut() = value.clone();
        }
    }
    *due.borrow_mut() = false;
    let current = *shown.borrow() == value;
    use_effect_with((value, current), move |(_, current)| {
        let cancelled = Rc::new(std::cell::Cell::new(false));
        if !current {
            let stop = cancelled.clone();
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(quiet).await;
                if !stop.get() {
                    *due.borrow_mut() = true;
                    rerender.force_update();
                }
            });
        }
        move || cancelled.set(true)
    });
    let out = shown.borrow().clone();
    (out, current)
}
