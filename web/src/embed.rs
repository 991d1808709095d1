//! The compact widget another site embeds (`?embed=1`), its side of the resizing protocol,
//! and the dialog that writes the snippet.
//!
//! Protocol (documented in the README), both sides checking origins and shapes:
//! - host → widget: `{type: "hatcalc:hello", v: 1}`, sent by `embed.js` to the iframe's
//!   origin. The widget accepts it only from its parent window and, where the browser tells
//!   (`location.ancestorOrigins`), only from the parent's origin; the first accepted hello
//!   fixes the host origin.
//! - widget → host: `{type: "hatcalc:height", v: 1, height: <CSS pixels>}`, posted only to
//!   that host origin, on the hello and whenever the widget's height changes.
//!
//! Anything else is ignored; nothing a host sends changes the scenario or reaches the page
//! as HTML.

use crate::app::CurveView;
use crate::export::base_url;
use crate::inputs::NumberInput;
use crate::results::{BlockProps, Headline};
use crate::state::{Action, State};
use hatcalc::analysis::Curve;
use hatcalc::model::relevant;
use hatcalc::presets::find as find_preset;
use hatcalc::sources::source;
use hatcalc::{Arm, Outcome, P};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlDialogElement, HtmlTextAreaElement, MessageEvent};
use yew::prelude::*;

/// The query key that selects the widget.
pub const EMBED_KEY: &str = "embed=1";
/// Height of the iframe when the host page runs no script, in CSS pixels.
pub const FIXED_HEIGHT: u32 = 760;
/// The host script's file name, next to the page.
pub const HOST_SCRIPT: &str = "embed.js";

/// Whether the page was opened as the widget.
pub fn is_embed(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|kv| kv == EMBED_KEY)
}

/// The query without the widget's key.
pub fn without_embed(search: &str) -> String {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| *kv != EMBED_KEY && !kv.is_empty())
        .collect::<Vec<_>>()
        .join("&")
}

/// The iframe snippet for a scenario's query.
pub fn snippet(base: &str, query: &str) -> String {
    let dir = base.rsplit_once('/').map_or(base, |(d, _)| d);
    let esc = |t: &str| t.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" title=\"hatcalc: what heroin-assisted treatment costs and saves\" data-hatcalc width=\"100%\" height=\"{h}\" style=\"width:100%;max-width:760px;height:{h}px;border:0\" loading=\"lazy\"></iframe>\n<script src=\"{script}\" async></script>",
        src = esc(&format!("{base}?{EMBED_KEY}&{query}")),
        h = FIXED_HEIGHT,
        script = esc(&format!("{dir}/{HOST_SCRIPT}")),
    )
}

thread_local! {
    /// The origin of the host that said hello, once one has.
    static HOST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The widget's height in CSS pixels.
fn height() -> Option<f64> {
    let el = gloo::utils::document().get_element_by_id("app")?;
    Some(el.get_bounding_client_rect().height().ceil())
}

/// Tell the host the widget's height, if a host has said hello.
fn post_height() {
    let Some(origin) = HOST.with(|h| h.borrow().clone()) else {
        return;
    };
    let (Some(h), Ok(Some(parent))) = (height(), gloo::utils::window().parent()) else {
        return;
    };
    let msg = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&msg, &JsValue::from_str(k), &v);
    let ok = set("type", "hatcalc:height".into()).is_ok()
        && set("v", 1.into()).is_ok()
        && set("height", h.into()).is_ok();
    if ok {
        let _ = parent.post_message(&msg, &origin);
    }
}

/// Whether `data` is exactly a hello: an object with `type` "hatcalc:hello" and `v` 1.
fn is_hello(data: &JsValue) -> bool {
    if !data.is_object() || js_sys::Array::is_array(data) {
        return false;
    }
    let get = |k: &str| js_sys::Reflect::get(data, &JsValue::from_str(k)).unwrap_or_default();
    get("type").as_string().as_deref() == Some("hatcalc:hello") && get("v").as_f64() == Some(1.0)
}

/// Handle a message from a window: a valid hello from the parent fixes the host origin.
fn on_message(e: MessageEvent) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let from_parent = e
        .source()
        .is_some_and(|s| js_sys::Object::is(&s, parent.as_ref()));
    if !from_parent || !is_hello(&e.data()) {
        return;
    }
    let origin = e.origin();
    // Where the browser names the embedding origin, only that origin may say hello.
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::DomStringList>().ok());
    if let Some(ancestors) = ancestors {
        if ancestors.length() > 0 && ancestors.item(0).as_deref() != Some(origin.as_str()) {
            return;
        }
    }
    if origin == "null" {
        return;
    }
    let accepted = HOST.with(|h| {
        let mut h = h.borrow_mut();
        match h.as_deref() {
            None => {
                *h = Some(origin.clone());
                true
            }
            Some(known) => known == origin,
        }
    });
    if accepted {
        post_height();
    }
}

/// Start the widget's side of the protocol: listen for hellos and watch the height.
pub fn connect() {
    let window = gloo::utils::window();
    let handler = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    let _ = window.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    handler.forget();
    let resized = Closure::<dyn Fn()>::new(post_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) {
        if let Some(el) = gloo::utils::document().get_element_by_id("app") {
            observer.observe(&el);
        }
    }
    resized.forget();
}

/// Properties of [`Embed`].
#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// The page's state.
    pub state: State,
    /// Its evaluation.
    pub outcome: Rc<Outcome>,
    /// The break-even curve.
    pub curve: Rc<Curve>,
    /// The input it varies.
    pub param: P,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The inputs the widget offers: what the headline depends on most, where the settings
/// use them.
fn key_inputs(arm: Arm) -> [P; 5] {
    let [cost, retention] = arm.spec().key_inputs;
    let crime = arm.treatment().map_or(P::CrimeRrMethadone, |t| t.crime_rr);
    [cost, P::MmtCostYear, retention, crime, P::HorizonYears]
}

/// The compact widget: headline, key inputs, one break-even curve, sources, and the way
/// back to the full calculator with the same assumptions.
#[function_component(Embed)]
pub fn embed(props: &EmbedProps) -> Html {
    let state = &props.state;
    let s = &state.scenario;
    let query = state.query();
    let full = format!("{}?{query}", base_url());
    let preset = find_preset(state.preset);
    let cited: Vec<String> = preset
        .map(|p| p.sources)
        .unwrap_or_default()
        .iter()
        .filter_map(|id| source(id))
        .map(|src| {
            src.citation
                .split(". ")
                .next()
                .unwrap_or(src.citation)
                .to_string()
        })
        .collect();
    let block = BlockProps {
        scenario: s.clone(),
        outcome: props.outcome.clone(),
        mc: crate::results::McView {
            done: 0,
            total: 0,
            result: None,
        },
        chance: false,
        assumed: None,
    };
    let inputs = key_inputs(s.settings.intervention)
        .into_iter()
        .filter(|p| relevant(s, *p));
    html! {
        <main class="embed" data-ready="true">
            <p class="embed-title"><a href={full.clone()} target="_blank" rel="noopener">{ "hatcalc" }</a>
                { format!(": {} against {}", s.settings.intervention.label(), s.settings.comparator.label().to_lowercase()) }</p>
            if let Some(n) = &state.notice {
                <div class="notice" role="alert" id="notice"><span>{ n.clone() }</span></div>
            }
            <Headline ..block />
            <div class="embed-inputs">
                { for inputs.map(|p| html! {
                    <NumberInput param={p} value={s.get(p)} default={s.default_of(p)}
                        range={s.range(p)} basis={s.basis()}
                        error={state.errors.get(&p).cloned()} changed={false}
                        on_action={props.on_action.clone()} />
                }) }
            </div>
            <CurveView curve={props.curve.clone()} scenario={s.clone()} outcome={props.outcome.clone()} param={props.param} on_action={props.on_action.clone()} />
            <p class="embed-sources" id="embed-sources">
                { format!("Defaults: {}", preset.map_or("", |p| p.name)) }
                if !cited.is_empty() { { format!(" ({})", cited.join("; ")) } }
                { format!(". Every other input and its source, the methods and the uncertainty are in the full calculator. Model and data version {}.", hatcalc::MODEL_VERSION) }
            </p>
            <p class="embed-open"><a id="open-full" href={full} target="_blank" rel="noopener">{ "Open the full calculator with these assumptions ↗" }</a></p>
        </main>
    }
}

/// The "Embed this" button and its dialog with the snippet for the current scenario.
#[function_component(EmbedDialog)]
pub fn embed_dialog() -> Html {
    let dialog = use_node_ref();
    let area = use_node_ref();
    let code = use_state(String::new);
    let copied = use_state(|| false);
    let permalink = use_context::<crate::export::Share>()
        .map(|s| s.permalink)
        .unwrap_or_default();
    let on_open = {
        let (dialog, code, copied) = (dialog.clone(), code.clone(), copied.clone());
        Callback::from(move |_| {
            let query = permalink.split_once('?').map_or("", |(_, q)| q);
            code.set(snippet(&base_url(), &without_embed(query)));
            copied.set(false);
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let on_copy = {
        let (area, code, copied) = (area.clone(), code.clone(), copied.clone());
        Callback::from(move |_| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                a.select();
            }
            let clipboard = gloo::utils::window().navigator().clipboard();
            let copied = copied.clone();
            let promise = clipboard.write_text(&code);
            wasm_bindgen_futures::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                    copied.set(true);
                }
            });
        })
    };
    html! {
        <>
            <button type="button" id="embed-open" onclick={on_open}>{ "Embed this…" }</button>
            <dialog ref={dialog} id="embed-dialog" aria-labelledby="embed-h">
                <h3 id="embed-h">{ "Embed this calculator" }</h3>
                <p>{ "Paste this into your page. The widget shows this scenario's headline, its key inputs and break-even curve, its sources, and a link back here with the same assumptions. The script resizes it to its content; where a site strips scripts, it shows at a fixed height and scrolls inside." }</p>
                <label for="embed-code">{ "Snippet" }</label>
                <textarea ref={area} id="embed-code" readonly=true rows="6" value={(*code).clone()} />
                <div class="buttons">
                    <button type="button" onclick={on_copy}>{ "Copy" }</button>
                    <button type="button" onclick={on_close}>{ "Close" }</button>
                    if *copied { <span role="status">{ "Copied." }</span> }
                </div>
                <p class="hint">{ format!("Height without the script: {} px. Message format: see the README.", FIXED_HEIGHT) }</p>
            </dialog>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embed_key_is_found_and_removed() {
        assert!(is_embed("?embed=1&v=1"));
        assert!(is_embed("v=1&embed=1"));
        assert!(!is_embed("?v=1&x.embed=1"));
        assert_eq!(without_embed("?embed=1&v=1&preset=us"), "v=1&preset=us");
    }

    #[test]
    fn the_snippet_escapes_the_address() {
        let s = snippet("https://example.org/calc/index.html", "v=1&preset=us");
        assert!(
            s.contains("src=\"https://example.org/calc/index.html?embed=1&amp;v=1&amp;preset=us\"")
        );
        assert!(s.contains("<script src=\"https://example.org/calc/embed.js\" async>"));
        assert!(s.contains("height=\"760\""));
    }
}
