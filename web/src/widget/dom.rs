//! The widget on the browser's DOM: its skeleton written once, its views written as text
//! where they changed, its inputs updated in place, every event taken at its root.

use super::key_inputs;
use super::views;
use crate::charts::curve_svg::curve_svg;
use crate::components::curve::{axis_labels, curve_options, CURVE_TITLE};
use crate::components::number_input::{at_default, dom_id, range_note, slider, trim};
use crate::format;
use crate::markup::{esc, Markup};
use crate::platform::url::{page_url, EMBED_KEY};
use crate::session::{usable, CURVE_POINTS};
use crate::state::{Action, State};
use hatcalc::analysis::{beside_curve, curve, curve_basis, thresholds_of, Curve, Metric};
use hatcalc::model::relevant;
use hatcalc::{evaluate, Outcome, Scenario, P};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Quiet time after a change before the address bar is written, in milliseconds.
const URL_SETTLE_MS: i32 = 150;

/// The skeleton: every place a view is written into, in order.
const SKELETON: &str = concat!(
    r#"<main class="embed"><p class="embed-title"><a data-full target="_blank" rel="noopener">hatcalc</a><span data-arms></span></p>"#,
    r#"<div data-notice></div><div class="headline" aria-live="polite"></div><div class="embed-inputs"></div>"#,
    r#"<section aria-labelledby="curve-h"><h3 id="curve-h">Where does it tip?</h3><label for="curve-param">Vary </label><select id="curve-param"></select>"#,
    r#"<figure id="curve-figure" class="chart" aria-busy="false"><div data-chart></div><figcaption id="curve-summary"></figcaption>"#,
    r#"<details><summary>Data table</summary><div data-table></div></details></figure><div data-limits></div></section>"#,
    r#"<p class="embed-sources" id="embed-sources"></p>"#,
    r#"<p class="embed-open"><a id="open-full" data-full target="_blank" rel="noopener">Open the full calculator with these assumptions ↗</a></p></main>"#,
);

/// A view's place in the skeleton and the markup last written there.
struct Slot {
    el: Element,
    shown: String,
}

impl Slot {
    fn new(root: &Element, selector: &str) -> Option<Slot> {
        Some(Slot {
            el: root.query_selector(selector).ok()??,
            shown: String::new(),
        })
    }

    /// Write `markup` here unless it is there already.
    fn show(&mut self, markup: String) {
        if markup != self.shown {
            self.el.set_inner_html(&markup);
            self.shown = markup;
        }
    }
}

/// One input's elements and what was last written into them.
struct Field {
    p: P,
    field: Element,
    range: HtmlInputElement,
    num: HtmlInputElement,
    reset: HtmlElement,
    note: Element,
    /// The attributes and texts last written, in order: class, slider bounds and value,
    /// typed text, reset's state, range note, error.
    shown: [String; 7],
}

/// The break-even curve's points, for the scenario and input they were drawn from.
struct Points {
    basis: Scenario,
    p: P,
    curve: Curve,
}

/// What an input's markup is written for: the input, its plausible range, its default and the
/// currency.
type FieldKey = (P, (f64, f64), f64, &'static str);

/// Everything the widget keeps between renders.
struct Widget {
    root: Element,
    state: State,
    /// The scenario last evaluated, and its outcome.
    evaluated: Option<(Scenario, Rc<Outcome>)>,
    points: Option<Points>,
    /// The inputs shown, and the ranges, defaults and currency their markup was written for.
    fields_for: Vec<FieldKey>,
    fields: Vec<Field>,
    /// The options of the curve's choice of input.
    options: Vec<P>,
    arms: Slot,
    notice: Slot,
    headline: Slot,
    inputs: Slot,
    chart: Slot,
    summary: Slot,
    table: Slot,
    limits: Slot,
    sources: Slot,
    select: HtmlSelectElement,
    links: Vec<Element>,
    /// The permalink query last rendered, and the one in the address bar.
    query: String,
    url_query: String,
    frame_asked: bool,
    url_timer: Option<i32>,
}

thread_local! {
    static WIDGET: RefCell<Option<Widget>> = const { RefCell::new(None) };
    /// The callbacks the browser calls: made once, kept for the page's lifetime.
    static ON_FRAME: Closure<dyn Fn()> = Closure::new(|| {
        with(|w| {
            w.frame_asked = false;
            w.render();
        });
    });
    static ON_URL: Closure<dyn Fn()> = Closure::new(|| with(Widget::write_url));
}

/// Run `f` on the mounted widget, if any.
fn with(f: impl FnOnce(&mut Widget)) {
    WIDGET.with(|w| {
        if let Some(w) = w.borrow_mut().as_mut() {
            f(w);
        }
    });
}

/// Mount the widget into `root` with the scenario of the address (`?embed=1&v=1&…`) and
/// render it at once.
pub fn mount(root: Element) {
    root.set_inner_html(SKELETON);
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let query = crate::platform::url::without_embed(&search);
    let state = if query.is_empty() {
        State::default()
    } else {
        State::default().apply(Action::Restore(query))
    };
    let Some(widget) = Widget::new(root.clone(), state) else {
        crate::show_fatal("the widget's page is missing a part");
        return;
    };
    for kind in ["input", "change", "click"] {
        let on = Closure::<dyn Fn(Event)>::new(move |e: Event| on_event(&e));
        // Taken on the way down (capture), so events that do not bubble are seen too.
        let _ =
            root.add_event_listener_with_callback_and_bool(kind, on.as_ref().unchecked_ref(), true);
        on.forget();
    }
    WIDGET.with(|w| *w.borrow_mut() = Some(widget));
    with(Widget::render);
}

/// What an event on the widget asks for: a slider moved, a value typed, a reset, another
/// input for the curve.
fn on_event(e: &Event) {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let param = |el: &Element| {
        el.get_attribute("data-p")
            .and_then(|id| hatcalc::params::find(&id))
    };
    let action = match e.type_().as_str() {
        "input" if target.get_attribute("type").as_deref() == Some("range") => param(&target)
            .zip(target.dyn_ref::<HtmlInputElement>())
            .map(|(p, el)| Action::Set(p, el.value())),
        "change" if target.id() == "curve-param" => target
            .dyn_ref::<HtmlSelectElement>()
            .and_then(|el| hatcalc::params::find(&el.value()))
            .map(Action::CurveParam),
        "change" if target.get_attribute("type").as_deref() == Some("text") => param(&target)
            .zip(target.dyn_ref::<HtmlInputElement>())
            .map(|(p, el)| Action::Set(p, el.value())),
        "click" => target
            .closest("button[data-reset]")
            .ok()
            .flatten()
            .and_then(|b| param(&b))
            .map(Action::Reset),
        _ => None,
    };
    if let Some(action) = action {
        with(|w| w.dispatch(action));
    }
}

impl Widget {
    fn new(root: Element, state: State) -> Option<Widget> {
        let links = root.query_selector_all("[data-full]").ok()?;
        let links = (0..links.length())
            .filter_map(|i| links.item(i)?.dyn_into::<Element>().ok())
            .collect();
        Some(Widget {
            arms: Slot::new(&root, "[data-arms]")?,
            notice: Slot::new(&root, "[data-notice]")?,
            headline: Slot::new(&root, ".headline")?,
            inputs: Slot::new(&root, ".embed-inputs")?,
            chart: Slot::new(&root, "[data-chart]")?,
            summary: Slot::new(&root, "#curve-summary")?,
            table: Slot::new(&root, "[data-table]")?,
            limits: Slot::new(&root, "[data-limits]")?,
            sources: Slot::new(&root, "#embed-sources")?,
            select: root.query_selector("#curve-param").ok()??.dyn_into().ok()?,
            links,
            root,
            state,
            evaluated: None,
            points: None,
            fields_for: Vec::new(),
            fields: Vec::new(),
            options: Vec::new(),
            query: String::new(),
            url_query: String::new(),
            frame_asked: false,
            url_timer: None,
        })
    }

    /// Apply an action and render in the next animation frame.
    fn dispatch(&mut self, action: Action) {
        self.state = self.state.apply(action);
        if !self.frame_asked {
            let asked = ON_FRAME.with(|f| {
                gloo::utils::window().request_animation_frame(f.as_ref().unchecked_ref())
            });
            self.frame_asked = asked.is_ok();
            if asked.is_err() {
                self.render();
            }
        }
    }

    /// Write every view the state changed.
    fn render(&mut self) {
        let s = self.state.scenario.clone();
        let outcome = match &self.evaluated {
            Some((e, o)) if *e == s => o.clone(),
            _ => {
                let o = Rc::new(evaluate(&s));
                self.evaluated = Some((s.clone(), o.clone()));
                o
            }
        };
        let cur = s.basis().economy.currency();
        self.arms.show(esc(&format!(
            ": {} against {}",
            s.settings.intervention.label(),
            s.settings.comparator.label().to_ascii_lowercase()
        )));
        self.notice.show(
            self.state
                .notice
                .as_deref()
                .map_or_else(String::new, views::notice),
        );
        self.headline.show(views::headline(&s, &outcome));
        self.render_inputs(&s);
        self.render_curve(&s, &outcome, cur);
        self.sources.show(views::sources(self.state.preset));
        let query = self.state.query();
        if query != self.query {
            let full = format!("{}?{query}", page_url());
            for a in &self.links {
                let _ = a.set_attribute("href", &full);
            }
            self.query = query;
            self.ask_url_write();
        }
        let _ = self
            .root
            .first_element_child()
            .map(|m| m.set_attribute("data-ready", "true"));
    }

    /// The key inputs: their markup when the inputs, their ranges or defaults change, else
    /// their values, messages and states in place.
    fn render_inputs(&mut self, s: &Scenario) {
        let shown: Vec<P> = key_inputs(s.settings.intervention)
            .into_iter()
            .filter(|p| relevant(s, *p))
            .collect();
        let currency = s.basis().economy.currency();
        let key: Vec<FieldKey> = shown
            .iter()
            .map(|p| (*p, s.range(*p), s.default_of(*p), currency))
            .collect();
        if key != self.fields_for {
            self.inputs
                .show(shown.iter().map(|p| views::field(*p, s)).collect());
            self.fields = shown
                .iter()
                .filter_map(|p| Field::find(&self.inputs.el, *p))
                .collect();
            self.fields_for = key;
        }
        for f in &mut self.fields {
            f.update(s, self.state.errors.get(&f.p));
        }
    }

    /// The curve, its words, its data table and what it takes to break even.
    fn render_curve(&mut self, s: &Scenario, outcome: &Outcome, cur: &str) {
        let [cost, retention] = s.settings.intervention.spec().key_inputs;
        let p = usable(
            s,
            self.state.curve_param,
            &[cost, retention, P::MmtCostYear],
        );
        // The points do not depend on the input's own value (`curve_basis`): while only it
        // moves, the points are kept and the break-even is chosen again.
        let basis = curve_basis(s, p);
        if self
            .points
            .as_ref()
            .is_none_or(|c| c.p != p || c.basis != basis)
        {
            let curve = curve(&basis, p, Metric::NetBenefit, CURVE_POINTS);
            self.points = Some(Points { basis, p, curve });
        }
        let Some(points) = &self.points else {
            return;
        };
        let current = s.get(p);
        let curve = points.curve.clone().with_current(current);
        let options = curve_options(s);
        if options != self.options {
            let mut m = Markup::new();
            for o in &options {
                m.el("option", &[("value", Some(o.def().id))], o.def().label);
            }
            self.select.set_inner_html(&m.finish());
            self.options = options;
        }
        if self.select.value() != p.def().id {
            self.select.set_value(p.def().id);
        }
        let def = p.def();
        let (x_label, y_label) = axis_labels(p, s);
        // With no crossing on the curve (the plausible range), the whole accepted range is
        // searched.
        let wide = beside_curve(s, p, &curve);
        let summary = hatcalc::decide::break_even_sentence(&wide, def.label, format::number, |v| {
            format::money(v, cur)
        });
        let label = format!("{CURVE_TITLE}, against {}. {summary}", def.label);
        self.chart.show(curve_svg(
            CURVE_TITLE,
            &x_label,
            &y_label,
            &curve,
            current,
            &label,
        ));
        self.summary.show(esc(&summary));
        self.table.show(views::data_table(&curve, &x_label, cur));
        self.limits
            .show(views::thresholds(&thresholds_of(s, outcome), cur));
    }

    /// Write the address bar once changes pause (`replaceState` takes milliseconds: not for
    /// every frame of a drag).
    fn ask_url_write(&mut self) {
        let window = gloo::utils::window();
        if let Some(t) = self.url_timer.take() {
            window.clear_timeout_with_handle(t);
        }
        self.url_timer = ON_URL
            .with(|f| {
                window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    f.as_ref().unchecked_ref(),
                    URL_SETTLE_MS,
                )
            })
            .ok();
    }

    fn write_url(&mut self) {
        self.url_timer = None;
        if self.query == self.url_query {
            return;
        }
        if let Ok(history) = gloo::utils::window().history() {
            let url = format!("?{EMBED_KEY}&{}", self.query);
            if history
                .replace_state_with_url(&JsValue::NULL, "", Some(&url))
                .is_ok()
            {
                self.url_query = self.query.clone();
            }
        }
    }
}

impl Field {
    /// The elements of `p`'s field under `root`.
    fn find(root: &Element, p: P) -> Option<Field> {
        let id = dom_id(p);
        let get = |suffix: &str| {
            root.query_selector(&format!("#{id}-{suffix}"))
                .ok()
                .flatten()
        };
        let field = get("field")?;
        Some(Field {
            p,
            range: get("range")?.dyn_into().ok()?,
            num: get("num")?.dyn_into().ok()?,
            reset: field.query_selector("button").ok()??.dyn_into().ok()?,
            note: field.query_selector(".range-note").ok()??,
            field,
            shown: Default::default(),
        })
    }

    /// Write `p`'s value, its message and its states where they changed, as the page's
    /// input shows them; what the hand holds (a moving slider) is not written over.
    fn update(&mut self, s: &Scenario, error: Option<&(String, String)>) {
        let p = self.p;
        let value = s.get(p);
        let range = s.range(p);
        let (lo, hi, step) = slider(p, value, range);
        let typed = error.map_or_else(|| trim(value), |(t, _)| t.clone());
        let invalid = error.is_some();
        let wanted = [
            if invalid { "field invalid" } else { "field" }.to_string(),
            format!("{lo} {hi} {step}"),
            value.to_string(),
            typed,
            (at_default(value, s.default_of(p)) && !invalid).to_string(),
            range_note(value, range),
            error.map_or_else(String::new, |(_, msg)| msg.clone()),
        ];
        for (i, (shown, want)) in self.shown.iter_mut().zip(wanted).enumerate() {
            if *shown == want {
                continue;
            }
            match i {
                0 => self.field.set_class_name(&want),
                1 => {
                    let _ = self.range.set_attribute("min", &lo.to_string());
                    let _ = self.range.set_attribute("max", &hi.to_string());
                    let _ = self.range.set_attribute("step", &step.to_string());
                }
                2 => self.range.set_value(&want),
                3 => {
                    self.num.set_value(&want);
                    let _ = self.num.set_attribute("aria-invalid", &invalid.to_string());
                }
                4 => {
                    let _ = self
                        .reset
                        .toggle_attribute_with_force("disabled", want == "true");
                }
                5 => self.note.set_text_content(Some(&want)),
                _ => show_error(&self.field, &self.note, p, &want),
            }
            *shown = want;
        }
    }
}

/// The refused input's message in `field`, under its range note `note`, or none.
fn show_error(field: &Element, note: &Element, p: P, msg: &str) {
    let id = format!("{}-error", dom_id(p));
    let old = field.query_selector(&format!("#{id}")).ok().flatten();
    if let Some(old) = old {
        old.remove();
    }
    if msg.is_empty() {
        return;
    }
    let mut m = Markup::new();
    m.el(
        "p",
        &[
            ("class", Some("error")),
            ("id", Some(&id)),
            ("role", Some("alert")),
        ],
        msg,
    );
    let _ = note.insert_adjacent_html("afterend", &m.finish());
}
