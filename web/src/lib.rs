//! The hatcalc calculator in the browser: state, components and charts. No model formulas
//! live here; every number shown comes from `hatcalc::evaluate` or `hatcalc::analysis`.

pub mod app;
pub mod charts;
pub mod components;
pub mod format;
pub mod page;
pub mod platform;
pub mod session;
pub mod state;
pub mod texts;
pub mod widget;
pub mod worker;

use wasm_bindgen::JsCast;

/// Mount the calculator into `#app` and route panics to a visible message: the full page, or
/// the widget where the address asks for it (`?embed=1`, the older form of a widget's
/// address; the widget's own entry is [`start_widget`]).
pub fn start() {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    if platform::url::is_embed(&search) {
        start_widget();
        return;
    }
    // The registry's long texts come from the scribe worker when first shown.
    texts::set_asker(worker::pool::ask_texts);
    if let Some(root) = mount_point() {
        yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { embed: false })
            .render();
    }
}

/// Mount the compact widget into `#app`: the entry of its own, lighter bundle
/// (`widget.html`), and of the page's bundle opened as a widget.
pub fn start_widget() {
    let Some(root) = mount_point() else {
        return;
    };
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.class_list().add_1("embedded");
    }
    platform::messages::connect();
    yew::Renderer::<widget::Widget>::with_root(root).render();
}

/// Route panics to the fatal-error banner and find `#app`.
fn mount_point() -> Option<web_sys::Element> {
    std::panic::set_hook(Box::new(|info| show_fatal(&info.to_string())));
    let root = gloo::utils::document().get_element_by_id("app");
    if root.is_none() {
        show_fatal("the page has no #app element");
    }
    root
}

/// Show the page's fatal-error banner (present in `index.html`) with `detail`.
pub fn show_fatal(detail: &str) {
    let doc = gloo::utils::document();
    if let Some(el) = doc.get_element_by_id("fatal-detail") {
        el.set_text_content(Some(detail));
    }
    if let Some(el) = doc.get_element_by_id("fatal") {
        if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
            html.set_hidden(false);
        }
    }
}
