//! The widget's side of the resizing protocol with the page that embeds it.
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

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;

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
