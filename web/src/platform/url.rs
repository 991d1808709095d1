//! The page's own address: where permalinks point, and whether it was opened as the widget.

/// The page's address without its query: where permalinks point. Read once: the page only
/// ever changes its query (`history.replaceState`), and reading `location` right after that
/// costs more than a render.
pub fn base_url() -> String {
    thread_local! {
        static BASE: String = {
            let loc = gloo::utils::window().location();
            format!(
                "{}{}",
                loc.origin().unwrap_or_default(),
                loc.pathname().unwrap_or_default()
            )
        };
    }
    BASE.with(String::clone)
}

/// The widget's own page, beside the calculator's: it loads the widget's lighter bundle.
pub const WIDGET_FILE: &str = "widget.html";

/// The widget's own page, beside this document.
pub fn widget_url() -> String {
    let base = base_url();
    let dir = base.rsplit_once('/').map_or(base.as_str(), |(d, _)| d);
    format!("{dir}/{WIDGET_FILE}")
}

/// The full calculator's address: this document's, or, from the widget's own page, the
/// calculator's page beside it.
pub fn page_url() -> String {
    page_of(&base_url())
}

/// The calculator's address for a document at `url` (origin and path, no query).
fn page_of(url: &str) -> String {
    url.strip_suffix(WIDGET_FILE)
        .map_or_else(|| url.to_string(), str::to_string)
}

/// The query key that marks a widget's address (both pages read the same query).
pub const EMBED_KEY: &str = "embed=1";

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
    fn the_widget_page_links_to_the_calculator_beside_it() {
        assert_eq!(
            page_of("https://example.org/calc/widget.html"),
            "https://example.org/calc/"
        );
        assert_eq!(
            page_of("https://example.org/calc/"),
            "https://example.org/calc/"
        );
        assert_eq!(
            page_of("https://example.org/calc/index.html"),
            "https://example.org/calc/index.html"
        );
    }
}
