//! Component tests in a real headless Chromium: mount the app, operate an input, read the DOM.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlCanvasElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

async fn mount() -> web_sys::Element {
    mount_with("", false).await
}

/// Mount the app at `query` (e.g. `?v=1&preset=us`), as the page or as the widget.
async fn mount_with(query: &str, embed: bool) -> web_sys::Element {
    // Each test starts clean: the app restores from the URL and from local storage, and an
    // earlier test's app will have written both.
    let window = gloo::utils::window();
    if let Ok(Some(storage)) = window.local_storage() {
        storage.clear().unwrap();
    }
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let doc = document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<hatcalc_web::app::App>::with_root_and_props(
        root.clone(),
        hatcalc_web::app::AppProps { embed },
    )
    .render();
    // Let yew render and run effects (the chart draws in an effect).
    for _ in 0..5 {
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    root
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

fn input(root: &web_sys::Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

/// Wait (polling every 20 ms, for 10 s at most) until `done` holds; the model's debug build
/// can take longer than a frame to re-render.
async fn wait_until(mut done: impl FnMut() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Unfold an assumptions group, as a click on its heading does: its inputs are made then.
async fn unfold(root: &web_sys::Element, group: &str) {
    let details: web_sys::HtmlDetailsElement = root
        .query_selector(&format!("#group-{group}"))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    details.set_open(true);
    wait_until(|| {
        details
            .query_selector("[id$='-field']")
            .is_ok_and(|f| f.is_some())
    })
    .await;
}

async fn type_into(el: &HtmlInputElement, value: &str) {
    el.set_value(value);
    el.dispatch_event(&Event::new("change").unwrap()).unwrap();
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
}

#[wasm_bindgen_test]
async fn headline_shows_a_money_result_and_follows_inputs() {
    let root = mount().await;
    let before = text(&root, "#net-benefit");
    assert!(
        before.contains('$') || before.contains("USD"),
        "headline shows money: {before}"
    );

    // Cheaper heroin treatment must raise the net benefit shown.
    type_into(&input(&root, "#dam-cost_year-num"), "20000").await;
    wait_until(|| text(&root, "#net-benefit") != before).await;
    let after = text(&root, "#net-benefit");
    assert_ne!(before, after, "headline follows the input");

    let canvas: HtmlCanvasElement = root
        .query_selector("#curve-canvas")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(canvas.width() > 0);
    let label = canvas.get_attribute("aria-label").unwrap_or_default();
    assert!(
        label.contains("Net benefit"),
        "chart is described for screen readers: {label}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn bad_input_shows_a_message_and_keeps_the_last_result() {
    let root = mount().await;
    let before = text(&root, "#net-benefit");
    unfold(&root, "retention").await;
    let field = input(&root, "#dam-retention_12m-num");
    type_into(&field, "lots").await;
    let msg = text(&root, "#dam-retention_12m-error");
    assert!(
        msg.contains("not a number"),
        "message beside the field: {msg}"
    );
    assert_eq!(text(&root, "#net-benefit"), before, "last good result kept");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));

    let reset: HtmlElement = root
        .query_selector("#dam-retention_12m-num + button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    reset.click();
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    assert!(root
        .query_selector("#dam-retention_12m-error")
        .unwrap()
        .is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_a_preset_switches_currency_and_marks_changed_inputs() {
    let root = mount().await;
    let select: web_sys::HtmlSelectElement = root
        .query_selector("#preset")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    select.set_value("emcdda2011-de");
    select
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    wait_until(|| text(&root, "#net-benefit").contains('€')).await;
    let headline = text(&root, "#net-benefit");
    assert!(
        headline.contains('€') || headline.contains("EUR"),
        "{headline}"
    );
    assert!(
        root.query_selector(".field.changed").unwrap().is_some(),
        "changed inputs are marked"
    );
    assert!(text(&root, ".changed-note").contains("changed"));
    root.remove();
}

#[wasm_bindgen_test]
async fn every_input_shows_its_source_or_says_it_is_an_assumption() {
    let root = mount().await;
    // Before the registry's long texts have come (a worker sends them to the page), a note
    // names its sources by their short cites, with the conversion, which the bundle makes.
    assert!(
        hatcalc_web::texts::texts().is_none(),
        "no test gives the texts earlier"
    );
    let cited = text(&root, "#dam-cost_year-field details.source");
    assert!(cited.contains("EMCDDA (2011)"), "{cited}");
    assert!(!cited.contains("European Monitoring Centre"), "{cited}");
    // Once they come, the full citation and how the figure was derived.
    hatcalc_web::texts::arrived(hatcalc::texts::Texts::all());
    wait_until(|| text(&root, "#dam-cost_year-field details.source").contains("box p79")).await;
    let cited = text(&root, "#dam-cost_year-field details.source");
    assert!(cited.contains("European Monitoring Centre"), "{cited}");
    assert!(
        cited.contains("German heroin-assisted treatment cost per patient per year"),
        "{cited}"
    );
    assert!(
        cited.contains("EUR") && cited.contains("2009"),
        "original currency and year: {cited}"
    );
    assert!(
        cited.contains("purchasing power parity"),
        "conversion: {cited}"
    );
    // Its evidence grade, beside the label and in the source note.
    assert!(
        text(&root, "#dam-cost_year-field label").contains("published model or official statistic")
    );
    assert!(
        cited.starts_with("Source (published model or official statistic)"),
        "{cited}"
    );
    // An assumption says so, with its reasoning.
    unfold(&root, "crime").await;
    let assumed = text(&root, "#crime-violent-robbery_share-field details.source");
    assert!(assumed.starts_with("Assumption"), "{assumed}");
    assert!(
        assumed.contains(hatcalc::P::CrimeRobberyShare.def().origin.explanation()),
        "{assumed}"
    );
    assert!(text(&root, "#crime-violent-robbery_share-field label").contains("assumption"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_widget_shows_its_scenario_and_links_back_with_it() {
    let root = mount_with(
        "?embed=1&v=1&preset=byford2013&x.dam.retention_12m=0.8",
        true,
    )
    .await;
    assert!(root.query_selector("main.embed").unwrap().is_some());
    assert!(
        text(&root, "#net-benefit").contains('£'),
        "pounds, as the preset"
    );
    assert!(
        root.query_selector("#chance").unwrap().is_none(),
        "no Monte Carlo in the widget"
    );
    assert!(
        root.query_selector("#preset").unwrap().is_none(),
        "the full panel stays in the full calculator"
    );
    assert_eq!(input(&root, "#dam-retention_12m-num").value(), "0.8");
    assert!(text(&root, "#embed-sources").contains("Byford"));
    let link = || {
        root.query_selector("#open-full")
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .unwrap()
    };
    assert!(link().contains("preset=byford2013") && link().contains("x.dam.retention_12m=0.8"));
    assert!(!link().contains("embed"), "{}", link());
    // A change in the widget goes into its own address and the link back.
    type_into(&input(&root, "#dam-retention_12m-num"), "0.7").await;
    assert!(link().contains("x.dam.retention_12m=0.7"), "{}", link());
    // The address bar is written once input pauses.
    yew::platform::time::sleep(std::time::Duration::from_millis(300)).await;
    let search = gloo::utils::window().location().search().unwrap();
    assert!(
        search.starts_with("?embed=1&") && search.contains("0.7"),
        "{search}"
    );
    root.remove();
}
