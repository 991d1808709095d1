//! The methods page: the equations of `docs/model.md` and every source, rendered as text
//! (never as HTML), so the page and the document cannot drift apart. The document is copied
//! next to the page by Trunk and fetched from the same origin only when the section is
//! opened, which keeps it out of the first load.

use crate::texts::{self, source_item, use_texts};
use hatcalc::sources::SOURCES;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

/// Where Trunk puts the model document, relative to the page.
const MODEL_MD_URL: &str = "model.md";

/// Fetch the model document from the page's own origin.
async fn fetch_model_md() -> Result<String, String> {
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(MODEL_MD_URL))
        .await
        .map_err(|_| "the request failed".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body".to_string())?)
        .await
        .map_err(|_| "the body could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the body is not text".to_string())
}

/// One block of the document.
#[derive(Debug, PartialEq)]
enum Block<'a> {
    Heading(u8, &'a str),
    Code(Vec<&'a str>),
    Table(Vec<&'a str>),
    Paragraph(String),
}

/// Split the subset of Markdown the document uses into blocks: headings, fenced code,
/// tables and paragraphs (list items stay paragraphs).
fn blocks(md: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut lines = md.lines().peekable();
    let mut para = String::new();
    let flush = |para: &mut String, out: &mut Vec<Block<'_>>| {
        if !para.trim().is_empty() {
            out.push(Block::Paragraph(para.trim().to_string()));
        }
        para.clear();
    };
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("### ") {
            flush(&mut para, &mut out);
            out.push(Block::Heading(3, h));
        } else if let Some(h) = line.strip_prefix("## ") {
            flush(&mut para, &mut out);
            out.push(Block::Heading(2, h));
        } else if let Some(h) = line.strip_prefix("# ") {
            flush(&mut para, &mut out);
            out.push(Block::Heading(1, h));
        } else if line.starts_with("```") {
            flush(&mut para, &mut out);
            let mut code = Vec::new();
            for l in lines.by_ref() {
                if l.starts_with("```") {
                    break;
                }
                code.push(l);
            }
            out.push(Block::Code(code));
        } else if line.starts_with('|') {
            flush(&mut para, &mut out);
            let mut rows = vec![line];
            while let Some(l) = lines.peek().filter(|l| l.starts_with('|')) {
                rows.push(l);
                lines.next();
            }
            out.push(Block::Table(rows));
        } else if line.trim().is_empty() {
            flush(&mut para, &mut out);
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(line.trim());
        }
    }
    flush(&mut para, &mut out);
    out
}

/// Methods and sources, in a section that opens on demand.
#[function_component(Methods)]
pub fn methods() -> Html {
    let doc = use_state(|| None::<Result<String, String>>);
    let loaded = use_texts();
    let on_toggle = {
        let doc = doc.clone();
        Callback::from(move |e: Event| {
            let el: HtmlDetailsElement = e.target_unchecked_into();
            if el.open() {
                texts::want();
            }
            if el.open() && doc.is_none() {
                let doc = doc.clone();
                wasm_bindgen_futures::spawn_local(
                    async move { doc.set(Some(fetch_model_md().await)) },
                );
            }
        })
    };
    let body = match &*doc {
        None => html! { <p class="muted">{ "Loading the model description…" }</p> },
        Some(Err(e)) => {
            html! { <p class="error" role="alert">{ format!("The model description could not be loaded ({e}); it is docs/model.md in the source.") }</p> }
        }
        Some(Ok(md)) => render(md),
    };
    html! {
        <details class="analysis" id="methods" ontoggle={on_toggle}>
            <summary><h2>{ "Methods and sources" }</h2></summary>
            <div id="methods-doc">{ body }</div>
            <h3 id="sources-h">{ "Sources" }</h3>
            <ol id="sources-list">
                { for SOURCES.iter().map(|s| html! {
                    <li id={format!("src-{}", s.id)}>{ source_item(loaded.as_deref(), s.id, None) }</li>
                }) }
            </ol>
        </details>
    }
}

/// The document's blocks as text-only markup.
fn render(md: &str) -> Html {
    html! {
        <>
            { for blocks(md).into_iter().map(|b| match b {
                Block::Heading(1, t) => html! { <h3>{ t }</h3> },
                Block::Heading(2, t) => html! { <h4>{ t }</h4> },
                Block::Heading(_, t) => html! { <h5>{ t }</h5> },
                Block::Code(lines) => html! { <pre tabindex="0">{ lines.join("\n") }</pre> },
                Block::Table(rows) => html! { <pre class="md-table" tabindex="0">{ rows.join("\n") }</pre> },
                Block::Paragraph(p) => html! { <p>{ p.replace('`', "") }</p> },
            }) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_document_splits_into_its_sections() {
        let b = blocks(include_str!("../../../docs/model.md"));
        let headings: Vec<&str> = b
            .iter()
            .filter_map(|b| match b {
                Block::Heading(2, t) => Some(*t),
                _ => None,
            })
            .collect();
        assert!(headings.iter().any(|h| h.contains("Money conversion")));
        assert!(headings.iter().any(|h| h.contains("Analyses")));
        assert!(b.iter().any(
            |b| matches!(b, Block::Code(c) if c.iter().any(|l| l.contains("e(t) = 1 − exp")))
        ));
        assert!(b
            .iter()
            .any(|b| matches!(b, Block::Heading(3, t) if t.contains("Episodes"))));
    }
}
