//! The hatcalc calculator in the browser: state, components and charts. No model formulas
//! live here; every number shown comes from `hatcalc::evaluate` or `hatcalc::analysis`.

pub mod app;
pub mod bridge;
pub mod charts;
pub mod components;
pub mod format;
pub mod markup;
pub mod page;
pub mod platform;
pub mod session;
pub mod state;
pub mod texts;
pub mod widget;
pub mod worker;

use wasm_bindgen::JsCast;

/// Mount the calculator into `#app` and route panics to a visible message; where the address
/// asks for the widget (`?embed=1`, the older form of a widget's address), go to the widget's
/// own page with the same query.
pub fn start() {
    let location = gloo::utils::window().location();
    let search = location.search().unwrap_or_default();
    if platform::url::is_embed(&search) {
        let _ = location.replace(&format!("{}{search}", platform::url::widget_url()));
        return;
    }
    platform::number::use_browsers_reader();
    // The registry's long texts come from the sections' bundle (which has them from the scribe
    // worker) when first shown.
    texts::set_asker(bridge::ask_texts);
    if let Some(root) = mount_point() {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

/// Mount the page's sections into their host in the page (`crate::bridge`): the entry of
/// their own bundle, which the page starts once its first result is on screen.
pub fn start_sections() {
    std::panic::set_hook(Box::new(|info| show_fatal(&info.to_string())));
    platform::number::use_browsers_reader();
    // The registry's long texts come from the scribe worker when first shown, here or in the
    // first bundle.
    texts::set_asker(worker::pool::ask_texts);
    bridge::serve_texts();
    // Made once input pauses: in a drag right after the first result, every input goes first.
    yew::platform::spawn_local(async {
        bridge::quiet().await;
        if let Some(host) = bridge::host() {
            yew::Renderer::<page::Sections>::with_root(host).render();
        }
    });
}

/// Mount the compact widget into `#app`: the entry of its own, lighter bundle
/// (`widget.html`).
pub fn start_widget() {
    let Some(root) = mount_point() else {
        return;
    };
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.class_list().add_1("embedded");
    }
    platform::messages::connect();
    platform::number::use_browsers_reader();
    widget::mount(root);
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
