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

/// Mount the app at `query` (e.g. `?v=1&preset=us`), as the page (with its sections, mounted
/// into their host as their own bundle mounts them) or as the widget.
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
    if embed {
        hatcalc_web::widget::mount(root.clone());
    } else {
        // The sections are mounted below as their bundle mounts them: the page must not add
        // that bundle's loader (this server has the loader, from `web/`, but not the bundle),
        // which it adds only once (`bridge::load_sections`).
        if doc.get_element_by_id("sections-script").is_none() {
            let stand_in = doc.create_element("template").unwrap();
            stand_in.set_id("sections-script");
            doc.body().unwrap().append_child(&stand_in).unwrap();
        }
        yew::Renderer::<hatcalc_web::app::App>::with_root(root.clone()).render();
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
        let host = root
            .query_selector("#sections")
            .unwrap()
            .expect("the sections' host");
        yew::Renderer::<hatcalc_web::page::Sections>::with_root(host.clone()).render();
        // Every section is made (the first render of the model's debug build can take longer
        // than the waits below).
        wait_until(|| host.has_attribute("data-loaded")).await;
    }
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

/// The widget's element for `selector`, as an HTML element.
fn element(root: &web_sys::Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_widget_follows_a_slider_refuses_bad_input_resets_and_varies_another_input() {
    let root = mount_with("?embed=1&v=1&preset=us", true).await;
    let headline = || text(&root, "#net-benefit");
    let chart = || {
        root.query_selector("#curve-svg")
            .unwrap()
            .unwrap()
            .outer_html()
    };
    let (first, first_chart) = (headline(), chart());
    // A slider moved (an `input` event, as a drag sends): the headline and the curve's
    // break-even follow, the typed field shows the value, the reset comes alive.
    let slider = input(&root, "#dam-cost_year-range");
    slider.set_value("30000");
    slider
        .dispatch_event(&Event::new("input").unwrap())
        .unwrap();
    wait_until(|| headline() != first).await;
    assert_ne!(headline(), first, "the headline follows the slider");
    // The slider keeps to its steps: the field shows where it stopped.
    let at: f64 = slider.value().parse().unwrap();
    assert!((at - 30_000.0).abs() < 200.0, "{at}");
    assert_eq!(
        input(&root, "#dam-cost_year-num").value(),
        format!("{at:.0}")
    );
    assert_ne!(chart(), first_chart, "the current value moved on the chart");
    let reset = || element(&root, "#dam-cost_year-field button");
    assert!(!reset().has_attribute("disabled"));
    // Bad input: a message by the field, the last good result kept.
    let moved = headline();
    type_into(&input(&root, "#dam-cost_year-num"), "-5").await;
    wait_until(|| {
        root.query_selector("#dam-cost_year-error")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(!text(&root, "#dam-cost_year-error").is_empty());
    assert_eq!(
        input(&root, "#dam-cost_year-num").value(),
        "-5",
        "what was typed stays"
    );
    assert!(element(&root, "#dam-cost_year-field")
        .class_name()
        .contains("invalid"));
    assert_eq!(headline(), moved, "the last good result stays");
    // Reset: back to the default, the message gone.
    reset().click();
    wait_until(|| headline() == first).await;
    assert_eq!(headline(), first);
    assert!(root
        .query_selector("#dam-cost_year-error")
        .unwrap()
        .is_none());
    assert!(reset().has_attribute("disabled"));
    // Another input for the curve: its axis and words follow.
    let select: web_sys::HtmlSelectElement = element(&root, "#curve-param").unchecked_into();
    select.set_value("mmt.cost_year");
    select
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    let about = || text(&root, "#curve-summary").to_lowercase();
    wait_until(|| about().contains("oral methadone: cost")).await;
    assert!(about().contains("oral methadone: cost"), "{}", about());
    assert!(chart().contains("Oral methadone: cost per patient-year"));
    assert_eq!(select.value(), "mmt.cost_year");
    root.remove();
}

/// `node` as markup with each element's attributes in name order (yew and the widget set
/// them in different orders; the document is the same).
fn canonical(node: &web_sys::Node) -> String {
    let Some(el) = node.dyn_ref::<web_sys::Element>() else {
        return node.text_content().unwrap_or_default();
    };
    let mut names: Vec<String> = el
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .collect();
    names.sort();
    let attrs: String = names
        .iter()
        .map(|n| format!(" {n}={:?}", el.get_attribute(n).unwrap_or_default()))
        .collect();
    let children = el.child_nodes();
    let inner: String = (0..children.length())
        .filter_map(|i| children.item(i))
        .map(|c| canonical(&c))
        .collect();
    let tag = el.tag_name().to_lowercase();
    format!("<{tag}{attrs}>{inner}</{tag}>")
}

#[wasm_bindgen_test]
async fn the_widget_writes_the_pages_markup_for_what_both_show() {
    let page = mount_with("?v=1&preset=byford2013&perspective=government", false).await;
    let widget = mount_with(
        "?embed=1&v=1&preset=byford2013&perspective=government",
        true,
    )
    .await;
    let html = |root: &web_sys::Element, selector: &str| {
        canonical(
            &root
                .query_selector(selector)
                .unwrap()
                .unwrap_or_else(|| panic!("no {selector}")),
        )
    };
    for selector in [
        "#net-benefit",
        "#headline-caption",
        "#headline-sentence",
        "#perspectives thead",
        "#perspectives tbody tr:nth-child(1)",
        "#perspectives tbody tr:nth-child(2)",
        ".headline dl",
        "#death-valuation",
        "#thresholds-h",
        "#thresholds",
        "#thresholds + p",
        "#curve-figure details table",
        "#curve-summary",
        "#dam-cost_year-field label",
        "#dam-cost_year-field .range-note",
        "#dam-cost_year-field details.source summary",
        "#mmt-cost_year-field label",
        "#mmt-cost_year-field .range-note",
    ] {
        assert_eq!(html(&page, selector), html(&widget, selector), "{selector}");
    }
    page.remove();
    widget.remove();
}

/// The page and the widget read numbers with the browser's `parseFloat`
/// (`platform::number`); for every well-formed decimal it must give `str::parse`'s value, bit
/// for bit: the values a permalink writes (shortest, up to 17 digits), typed ones, extremes.
#[wasm_bindgen_test]
fn the_browsers_number_reader_reads_decimals_as_rust_does() {
    let mut texts: Vec<String> = [
        "0.30000000000000004",
        "9007199254740993",
        "1e23",
        "4.9e-324",
        "2.2250738585072011e-308",
        "1.7976931348623157e308",
        "1e-400",
        "1e400",
        "123456789012345678901234567890",
        ".5",
        "5.",
        "0.000123456789012345678",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    // Pseudo-random values over many magnitudes, written as Rust writes them.
    let mut bits = 0x9E37_79B9_7F4A_7C15_u64;
    for _ in 0..5_000 {
        bits ^= bits << 13;
        bits ^= bits >> 7;
        bits ^= bits << 17;
        let x = f64::from_bits(bits);
        if x.is_finite() {
            let x = x.abs();
            texts.push(format!("{x}"));
            texts.push(format!("{x:e}"));
            texts.push(format!("{:.3}", (bits % 1_000_000) as f64 / 7.0));
        }
    }
    for t in &texts {
        let want: f64 = t.parse().unwrap();
        assert_eq!(js_sys::parse_float(t).to_bits(), want.to_bits(), "{t}");
    }
}

#[wasm_bindgen_test]
async fn the_widget_refuses_a_damaged_link_with_a_message_and_shows_the_defaults() {
    let root = mount_with("?embed=1&v=1&preset=us&x.dam.retention_12m=lots", true).await;
    let notice = text(&root, "#notice");
    assert!(notice.contains("retention"), "{notice}");
    assert!(
        text(&root, "#net-benefit").contains('$'),
        "the defaults' result"
    );
    assert_eq!(input(&root, "#dam-retention_12m-num").value(), "0.672");
    root.remove();
}
