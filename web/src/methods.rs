//! The methods page: the equations of `docs/model.md` and every source, rendered as text
//! (never as HTML), so the page and the document cannot drift apart.

use hatcalc::sources::SOURCES;
use yew::prelude::*;

/// The model document, compiled in.
const MODEL_MD: &str = include_str!("../../docs/model.md");

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
        if let Some(h) = line.strip_prefix("## ") {
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
    html! {
        <details class="analysis" id="methods">
            <summary><h2>{ "Methods and sources" }</h2></summary>
            { for blocks(MODEL_MD).into_iter().map(|b| match b {
                Block::Heading(1, t) => html! { <h3>{ t }</h3> },
                Block::Heading(_, t) => html! { <h4>{ t }</h4> },
                Block::Code(lines) => html! { <pre tabindex="0">{ lines.join("\n") }</pre> },
                Block::Table(rows) => html! { <pre class="md-table" tabindex="0">{ rows.join("\n") }</pre> },
                Block::Paragraph(p) => html! { <p>{ p.replace('`', "") }</p> },
            }) }
            <h3 id="sources-h">{ "Sources" }</h3>
            <ol id="sources-list">
                { for SOURCES.iter().map(|s| html! {
                    <li id={format!("src-{}", s.id)}>{ s.citation }{ " " }<span class="muted">{ s.locator }</span>{ " " }
                        <a href={s.url} rel="noopener noreferrer" target="_blank">{ s.url }</a></li>
                }) }
            </ol>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_document_splits_into_its_sections() {
        let b = blocks(MODEL_MD);
        let headings: Vec<&str> = b
            .iter()
            .filter_map(|b| match b {
                Block::Heading(2, t) => Some(*t),
                _ => None,
            })
            .collect();
        assert!(headings.iter().any(|h| h.contains("Money conversion")));
        assert!(headings.iter().any(|h| h.contains("Analyses")));
        assert!(b
            .iter()
            .any(|b| matches!(b, Block::Code(c) if c.iter().any(|l| l.contains("exit(t)")))));
    }
}
