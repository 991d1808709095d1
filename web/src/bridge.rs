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
//!   sections have from the scribe worker, in a `hatcalc-texts` event ([`write_texts`]).
//!
//! Every message is a string (an event's `detail`), written and read here, so both bundles read
//! what the other wrote with the same code.

use crate::components::headline::{AssumedNote, Chances};
use gloo::events::EventListener;
use hatcalc::texts::{PresetText, SourceText, Texts};
use wasm_bindgen::{JsCast, JsValue};

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

/// Separates a message's fields (no query or number contains it).
const SEP: char = '\u{1f}';

/// What a section asks of the page's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// Open the scenario of a permalink query (a saved scenario).
    Restore(String),
    /// Replace the scenario with a file's (its query), saying so (the message).
    Load(String, String),
    /// Refuse something from outside, saying why.
    Refuse(String),
}

impl Ask {
    /// The message's text.
    pub fn write(&self) -> String {
        match self {
            Ask::Restore(q) => format!("restore{SEP}{q}"),
            Ask::Load(q, m) => format!("load{SEP}{q}{SEP}{m}"),
            Ask::Refuse(m) => format!("refuse{SEP}{m}"),
        }
    }

    /// The message a text writes, if it is one.
    pub fn read(text: &str) -> Option<Ask> {
        // A query never has the separator; a message may have anything after it.
        match text.split_once(SEP)? {
            ("restore", q) => Some(Ask::Restore(q.into())),
            ("load", rest) => rest
                .split_once(SEP)
                .map(|(q, m)| Ask::Load(q.into(), m.into())),
            ("refuse", m) => Some(Ask::Refuse(m.into())),
            _ => None,
        }
    }
}

/// What the headline shows from the sections: the Monte Carlo's chances and the share of the
/// tornado's swing that rests on assumptions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct News {
    /// The Monte Carlo's progress and chances.
    pub chances: Chances,
    /// The note on how much rests on assumptions.
    pub assumed: AssumedNote,
}

impl News {
    /// The message's text.
    pub fn write(&self) -> String {
        let c = &self.chances;
        let by = c.by_perspective.map_or_else(String::new, |p| {
            p.iter().map(|x| bits(*x)).collect::<Vec<_>>().join(",")
        });
        let share = |s: Option<f64>| s.map_or_else(String::new, bits);
        let assumed = match self.assumed {
            AssumedNote::Absent => "absent".to_string(),
            AssumedNote::Pending(s) => format!("pending:{}", share(s)),
            AssumedNote::Current(s) => format!("current:{}", share(s)),
        };
        format!("{}{SEP}{}{SEP}{by}{SEP}{assumed}", c.done, c.total)
    }

    /// The news a text writes, if it is some.
    pub fn read(text: &str) -> Option<News> {
        let f: Vec<&str> = text.split(SEP).collect();
        let [done, total, by, assumed] = f[..] else {
            return None;
        };
        let by_perspective = if by.is_empty() {
            None
        } else {
            let v: Vec<f64> = by.split(',').map(from_bits).collect::<Option<_>>()?;
            Some(<[f64; 3]>::try_from(v).ok()?)
        };
        let share = |s: &str| -> Option<Option<f64>> {
            if s.is_empty() {
                Some(None)
            } else {
                from_bits(s).map(Some)
            }
        };
        let assumed = match assumed.split_once(':') {
            None if assumed == "absent" => AssumedNote::Absent,
            Some(("pending", s)) => AssumedNote::Pending(share(s)?),
            Some(("current", s)) => AssumedNote::Current(share(s)?),
            _ => return None,
        };
        Some(News {
            chances: Chances {
                done: done.parse().ok()?,
                total: total.parse().ok()?,
                by_perspective,
            },
            assumed,
        })
    }
}

/// The long texts as a message: every string after its length in bytes and a colon, so that no
/// text needs escaping; the lists' lengths first.
pub fn write_texts(t: &Texts) -> String {
    let mut out = String::new();
    let mut put = |s: &str| {
        out.push_str(&s.len().to_string());
        out.push(':');
        out.push_str(s);
    };
    put(&t.explanations.len().to_string());
    for e in &t.explanations {
        put(e);
    }
    put(&t.sources.len().to_string());
    for s in &t.sources {
        for f in [&s.id, &s.citation, &s.locator, &s.url] {
            put(f);
        }
    }
    put(&t.presets.len().to_string());
    for p in &t.presets {
        for f in [&p.id, &p.reproduces, &p.method] {
            put(f);
        }
    }
    out
}

/// The long texts a message writes, if it is whole.
pub fn read_texts(text: &str) -> Option<Texts> {
    let mut r = Reader(text);
    let n = r.count()?;
    let explanations = (0..n).map(|_| r.take()).collect::<Option<Vec<_>>>()?;
    let n = r.count()?;
    let sources = (0..n)
        .map(|_| {
            Some(SourceText {
                id: r.take()?,
                citation: r.take()?,
                locator: r.take()?,
                url: r.take()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let n = r.count()?;
    let presets = (0..n)
        .map(|_| {
            Some(PresetText {
                id: r.take()?,
                reproduces: r.take()?,
                method: r.take()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    r.0.is_empty().then_some(Texts {
        explanations,
        sources,
        presets,
    })
}

/// What is left of a message of [`write_texts`].
struct Reader<'a>(&'a str);

impl Reader<'_> {
    /// The next string.
    fn take(&mut self) -> Option<String> {
        let (n, r) = self.0.split_once(':')?;
        let s = r.get(..n.parse().ok()?)?;
        self.0 = &r[s.len()..];
        Some(s.to_string())
    }

    /// The next string, a count.
    fn count(&mut self) -> Option<usize> {
        self.take()?.parse().ok()
    }
}

/// The page's clock, in milliseconds (the same in both bundles).
fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Say on the host that the scenario changed now (the first bundle, at every change).
pub fn mark_change() {
    if let Some(host) = host() {
        // Whole milliseconds: integers are written and read without the standard library's
        // decimal conversions of floats.
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

/// A number as the hexadecimal digits of its bits: read back exactly, and without the standard
/// library's decimal conversions of floats (about 15 KB gzipped, which the browser's bundles
/// otherwise avoid: `platform::number`).
fn bits(x: f64) -> String {
    format!("{:x}", x.to_bits())
}

/// The number [`bits`] writes.
fn from_bits(s: &str) -> Option<f64> {
    u64::from_str_radix(s, 16).ok().map(f64::from_bits)
}

/// The sections' host element, if the page has it.
pub fn host() -> Option<web_sys::Element> {
    gloo::utils::document().get_element_by_id(HOST)
}

/// Fire `name` on the host with `detail`.
pub fn fire(name: &str, detail: &str) {
    let Some(host) = host() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Call `on` with the detail of every `name` event on the host, for as long as the returned
/// listener is kept.
pub fn listen(name: &'static str, on: impl Fn(String) + 'static) -> Option<EventListener> {
    let host = host()?;
    Some(EventListener::new(&host, name, move |e| {
        if let Some(detail) = e
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().as_string())
        {
            on(detail);
        }
    }))
}

/// The first bundle's way of asking for the long texts: the sections, once started, send them,
/// and they are kept when they come.
pub fn ask_texts() -> bool {
    let Some(host) = host() else {
        return false;
    };
    let listener = listen(TEXTS_EVENT, |text| {
        if let Some(t) = read_texts(&text) {
            crate::texts::arrived(t);
        }
    });
    // Kept for the page's lifetime (the texts are asked for once).
    if let Some(listener) = listener {
        listener.forget();
    }
    // For sections that have not started yet.
    let _ = host.set_attribute("data-want-texts", "");
    fire(WANT_TEXTS_EVENT, "");
    true
}

/// The sections' side of the long texts: asked for from the scribe worker when the first
/// bundle wants them, and sent to it once they come. Kept for the page's lifetime.
pub fn serve_texts() {
    fn serve() {
        crate::texts::want();
        crate::texts::on_texts(|t| fire(TEXTS_EVENT, &write_texts(&t)));
    }
    if let Some(listener) = listen(WANT_TEXTS_EVENT, |_| serve()) {
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

    #[test]
    fn asks_are_read_as_written() {
        for ask in [
            Ask::Restore("preset=us&seed=2".into()),
            Ask::Load("preset=ch".into(), "Opened “a; b\nc”.".into()),
            Ask::Refuse("This file is not a scenario: line 1".into()),
            Ask::Refuse(String::new()),
            Ask::Refuse("a file named \u{1f}".into()),
        ] {
            assert_eq!(Ask::read(&ask.write()), Some(ask));
        }
        assert_eq!(Ask::read("open\u{1f}x"), None);
        assert_eq!(Ask::read("restore"), None);
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
            assert_eq!(News::read(&news.write()), Some(news));
        }
        assert_eq!(News::read("1\u{1f}2\u{1f}0.5\u{1f}absent"), None);
        assert_eq!(News::read("x"), None);
    }

    #[test]
    fn the_long_texts_are_read_as_written() {
        let all = Texts::all();
        assert!(all.is_complete());
        assert_eq!(read_texts(&write_texts(&all)), Some(all.clone()));
        let odd = Texts {
            explanations: vec![String::new(), "12:ab\u{1f}".into(), "ünïcödé “x”".into()],
            ..Texts::default()
        };
        assert_eq!(read_texts(&write_texts(&odd)), Some(odd));
        assert_eq!(
            read_texts(&write_texts(&Texts::default())),
            Some(Texts::default())
        );
        let whole = write_texts(&all);
        assert_eq!(read_texts(&whole[..whole.len() - 1]), None);
    }
}
