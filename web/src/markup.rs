//! HTML written as text, for the views that are shared by the page (yew, which inserts the
//! text as it is) and the widget (which has no yew, to stay light): one definition of each
//! view's markup. Every text that comes from data goes through [`esc`].

use std::fmt::Write;

/// `text` safe inside an element or a quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Markup being written: elements opened and closed in order, texts and attribute values
/// escaped.
#[derive(Debug, Default)]
pub struct Markup(String);

impl Markup {
    /// Nothing written yet.
    pub fn new() -> Markup {
        Markup::default()
    }

    /// Open `<tag` with `attrs` (name, value; a `None` value leaves the attribute out).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, Option<&str>)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            if let Some(v) = value {
                let _ = write!(self.0, " {name}=\"{}\"", esc(v));
            }
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Markup {
        let _ = write!(self.0, "</{tag}>");
        self
    }

    /// A text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        self.0.push_str(&esc(text));
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, Option<&str>)], text: &str) -> &mut Markup {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Markup written elsewhere, as it is.
    pub fn raw(&mut self, markup: &str) -> &mut Markup {
        self.0.push_str(markup);
        self
    }

    /// The markup.
    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_attributes_are_escaped() {
        let mut m = Markup::new();
        m.open("p", &[("title", Some("a \"b\" & <c>")), ("id", None)])
            .text("1 < 2 & 'x'")
            .close("p");
        assert_eq!(
            m.finish(),
            "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\">1 &lt; 2 &amp; &#39;x&#39;</p>"
        );
    }
}
