//! The page's two bundles on one page: the first (the assumptions and the headline, what the
//! first result needs) and the sections (every result and analysis below the headline, the
//! saved scenarios, exports, the printed brief and the methods), loaded once the first result
//! is on screen. Each is a yew app of its own in its own wasm module; they share no memory and
//! talk through the sections' host element, `#sections`, inside the first bundle's page:
//!
//! - first → sections: the scenario, as its permalink query, in the host's `data-query`
//!   attribute (read when the sections start) and in a `hatcalc-query` event on the host at
//!   every change; a wish for the registry's long texts (an assumption's note was opened), in
//!   the host's `data-want-texts` attribute and a `hatcalc-want-texts` event.
//! - sections → first: what a section asks of the state ([`Ask`]: open a saved scenario or a
//!   file, refuse one) in a `hatcalc-ask` event; what the headline shows from the sections'
//!   Monte Carlo and tornado ([`News`]) in a `hatcalc-news` event; the long texts, which the
//!   sections have from the scribe worker, in a `hatcalc-texts` event.
//!
//! Every message is bincode (as the workers' messages are) in a `Uint8Array`, the event's
//! `detail`, written and read by [`fire`] and [`listen`] for both bundles; a message that does
//! not read (a bundle from another build) is ignored.

use crate::components::headline::{AssumedNote, Chances};
use gloo::events::EventListener;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

/// The sections' host element's id.
pub const HOST: &str = "sections";
/// Where the sections put what comes after the page's two columns (the brief, the methods).
pub const AFTER: &str = "sections-after";
/// The event carrying the scenario's query to the sections.
pub const QUERY_EVENT: &str = "hatcalc-query";
/// The event carrying an [`Ask`] to the first bundle.
pub const ASK_EVENT: &str = "hatcalc-ask";
/// The event carrying [`News`] to the first bundle.
pub const NEWS_EVENT: &str = "hatcalc-news";
/// The event carrying a wish for the long texts to the sections.
pub const WANT_TEXTS_EVENT: &str = "hatcalc-want-texts";
/// The event carrying the long texts to the first bundle.
pub const TEXTS_EVENT: &str = "hatcalc-texts";
/// How long input must have paused before the sections are first made: their first render is
/// the page's largest task (tens of milliseconds), which must not land in a drag.
pub const QUIET: std::time::Duration = std::time::Duration::from_millis(200);
/// The script that starts the sections' bundle.
pub const SECTIONS_SCRIPT: &str = "sections-boot.js";

/// What a section asks of the page's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Ask {
    /// Open the scenario of a permalink query (a saved scenario).
    Restore(String),
    /// Replace the scenario with a file's (its query), saying so (the message).
    Load(String, String),
    /// Refuse something from outside, saying why.
    Refuse(String),
}

/// What the headline shows from the sections: the Monte Carlo's chances and the share of the
/// tornado's swing that rests on assumptions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct News {
    /// The Monte Carlo's progress and chances.
    pub chances: Chances,
    /// The note on how much rests on assumptions.
    pub assumed: AssumedNote,
}

/// The page's clock, in milliseconds (the same in both bundles).
fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Say on the host that the scenario changed now (the first bundle, at every change).
pub fn mark_change() {
    if let Some(host) = host() {
        // Whole milliseconds: an integer is written and read without the standard library's
        // decimal conversions of floats (about 15 KB gzipped, which the browser's bundles
        // otherwise avoid: `platform::number`).
        let _ = host.set_attribute("data-changed-at", &(now_ms() as i64).to_string());
    }
}

/// Wait until input has paused for [`QUIET`] (the sections, before they are first made).
pub async fn quiet() {
    loop {
        let last = host()
            .and_then(|h| h.get_attribute("data-changed-at"))
            .and_then(|t| t.parse::<i64>().ok())
            .map_or(f64::NEG_INFINITY, |t| t as f64);
        let wait = QUIET.as_secs_f64() * 1000.0 - (now_ms() - last);
        if wait <= 0.0 {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_secs_f64(wait / 1000.0)).await;
    }
}

/// The sections' host element, if the page has it.
pub fn host() -> Option<web_sys::Element> {
    gloo::utils::document().get_element_by_id(HOST)
}

/// A message's bytes.
pub fn encode(message: &impl Serialize) -> Option<Vec<u8>> {
    bincode::serialize(message).ok()
}

/// The message `bytes` hold, if they hold one of its type.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    bincode::deserialize(bytes).ok()
}

/// Fire `name` on the host with `message`.
pub fn fire(name: &str, message: &impl Serialize) {
    let (Some(host), Some(bytes)) = (host(), encode(message)) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&js_sys::Uint8Array::from(&bytes[..]));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Call `on` with the message of every `name` event on the host that holds a `T`, for as long
/// as the returned listener is kept.
pub fn listen<T: DeserializeOwned>(
    name: &'static str,
    on: impl Fn(T) + 'static,
) -> Option<EventListener> {
    let host = host()?;
    Some(EventListener::new(&host, name, move |e| {
        let message = e
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().dyn_into::<js_sys::Uint8Array>().ok())
            .and_then(|bytes| decode(&bytes.to_vec()));
        if let Some(message) = message {
            on(message);
        }
    }))
}

/// The first bundle's way of asking for the long texts: the sections, once started, send them,
/// and they are kept when they come.
pub fn ask_texts() -> bool {
    let Some(host) = host() else {
        return false;
    };
    let listener = listen(TEXTS_EVENT, crate::texts::arrived);
    // Kept for the page's lifetime (the texts are asked for once).
    if let Some(listener) = listener {
        listener.forget();
    }
    // For sections that have not started yet.
    let _ = host.set_attribute("data-want-texts", "");
    fire(WANT_TEXTS_EVENT, &());
    true
}

/// The sections' side of the long texts: asked for from the scribe worker when the first
/// bundle wants them, and sent to it once they come. Kept for the page's lifetime.
pub fn serve_texts() {
    fn serve() {
        crate::texts::want();
        crate::texts::on_texts(|t| fire(TEXTS_EVENT, &*t));
    }
    if let Some(listener) = listen(WANT_TEXTS_EVENT, |()| serve()) {
        listener.forget();
    }
    if host().is_some_and(|h| h.has_attribute("data-want-texts")) {
        serve();
    }
}

/// Start the sections' bundle (once): its script, added to the page.
pub fn load_sections() {
    let doc = gloo::utils::document();
    if doc.get_element_by_id("sections-script").is_some() {
        return;
    }
    let Ok(script) = doc.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", SECTIONS_SCRIPT);
    script.set_id("sections-script");
    if let Some(head) = doc.head() {
        let _ = head.append_child(&script);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hatcalc::texts::Texts;

    /// `message` read back as written.
    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(message: T) {
        let bytes = encode(&message).expect("written");
        assert_eq!(decode::<T>(&bytes), Some(message));
    }

    #[test]
    fn asks_are_read_as_written() {
        for ask in [
            Ask::Restore("preset=us&seed=2".into()),
            Ask::Load("preset=ch".into(), "Opened “a; b\nc”.".into()),
            Ask::Refuse("This file is not a scenario: line 1".into()),
            Ask::Refuse(String::new()),
            Ask::Refuse("a file named \u{1f}".into()),
        ] {
            round_trip(ask);
        }
        assert_eq!(decode::<Ask>(&[9, 0, 0, 0]), None);
        assert_eq!(decode::<Ask>(&[]), None);
    }

    #[test]
    fn news_is_read_as_written_to_the_last_bit() {
        for news in [
            News::default(),
            News {
                chances: Chances {
                    done: 1200,
                    total: 5000,
                    by_perspective: None,
                },
                assumed: AssumedNote::Pending(Some(0.1 + 0.2)),
            },
            News {
                chances: Chances {
                    done: 5000,
                    total: 5000,
                    by_perspective: Some([0.017, 1.0 / 3.0, 0.683]),
                },
                assumed: AssumedNote::Current(None),
            },
            News {
                chances: Chances::default(),
                assumed: AssumedNote::Pending(None),
            },
        ] {
            round_trip(news);
        }
        assert_eq!(decode::<News>(b"x"), None);
    }

    #[test]
    fn the_long_texts_are_read_as_written() {
        let all = Texts::all();
        assert!(all.is_complete());
        round_trip(all.clone());
        round_trip(Texts {
            explanations: vec![String::new(), "12:ab\u{1f}".into(), "ünïcödé “x”".into()],
            ..Texts::default()
        });
        round_trip(Texts::default());
        let whole = encode(&all).expect("written");
        assert_eq!(decode::<Texts>(&whole[..whole.len() - 1]), None);
    }
}
