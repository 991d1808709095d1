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
pub mod widget;
pub mod worker;

use wasm_bindgen::JsCast;

/// Mount the calculator into `#app` and route panics to a visible message.
pub fn start() {
    std::panic::set_hook(Box::new(|info| show_fatal(&info.to_string())));
    let Some(root) = gloo::utils::document().get_element_by_id("app") else {
        show_fatal("the page has no #app element");
        return;
    };
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let embed = platform::url::is_embed(&search);
    if embed {
        if let Some(html) = gloo::utils::document().document_element() {
            let _ = html.class_list().add_1("embedded");
        }
        platform::messages::connect();
    }
    yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { embed }).render();
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
