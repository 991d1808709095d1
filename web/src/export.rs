//! Downloads and uploads: each chart as PNG and SVG with its title, units, source line and
//! permalink drawn in; the inputs and results as CSV; the scenario as a JSON file and opening
//! one again. The files' contents come from `hatcalc::export`; this module only moves them.

use crate::chart::{draw_export, Figure};
use crate::measure::Measured;
use crate::results::MC_DRAWS;
use crate::state::Action;
use hatcalc::analysis::{psa, PsaConfig};
use hatcalc::export::{inputs_csv, outputs_csv, FileError, ScenarioFile};
use hatcalc::{evaluate, Scenario};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, HtmlInputElement};
use yew::prelude::*;

/// The largest scenario file read (a real one is about 15 KB).
const MAX_FILE_BYTES: f64 = 1_000_000.0;

/// What every export carries: the permalink and a source line. Provided by the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// Full address that reproduces the scenario.
    pub permalink: String,
    /// One line naming the model version and where the inputs come from.
    pub source: String,
    /// Preset id, for file names.
    pub preset: &'static str,
}

/// The page's address without its query: where permalinks point.
pub fn base_url() -> String {
    let loc = gloo::utils::window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// Offer `url` as a download named `name`.
fn save_url(name: &str, url: &str) -> Result<(), JsValue> {
    let doc = gloo::utils::document();
    let a: HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// Offer `text` as a download named `name` of type `mime`.
pub fn save_text(name: &str, mime: &str, text: &str) {
    let result = (|| -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        save_url(name, &url)?;
        // The download has its own reference to the blob once started.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
        Ok(())
    })();
    if let Err(e) = result {
        gloo::console::error!("download failed", e);
    }
}

/// The figure as a PNG data URL, drawn on a canvas that is never attached to the page.
fn png_url(fig: &Figure, share: &Share) -> Result<String, String> {
    let (w, h) = fig.export_size();
    let canvas: web_sys::HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(|_| "no canvas".to_string())?
        .unchecked_into();
    canvas.set_width(w);
    canvas.set_height(h);
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .map(Measured)
        .ok_or("no 2D context")?;
    draw_export(
        &backend.into_drawing_area(),
        fig,
        &share.source,
        &share.permalink,
    )?;
    canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the image could not be encoded".into())
}

/// The figure as SVG text.
pub fn svg_text(fig: &Figure, share: &Share) -> Result<String, String> {
    let mut out = String::new();
    {
        let area =
            Measured(SVGBackend::with_string(&mut out, fig.export_size())).into_drawing_area();
        draw_export(&area, fig, &share.source, &share.permalink)?;
    }
    Ok(out)
}

/// Properties of [`ChartExport`].
#[derive(Properties, PartialEq)]
pub struct ChartExportProps {
    /// The chart.
    pub figure: Rc<Figure>,
    /// File name stem, e.g. `break-even`.
    pub name: &'static str,
}

/// "PNG" and "SVG" buttons under a chart.
#[function_component(ChartExport)]
pub fn chart_export(props: &ChartExportProps) -> Html {
    let Some(share) = use_context::<Share>() else {
        return html! {};
    };
    let file = format!("hatcalc-{}-{}", props.name, share.preset);
    let on_png = {
        let (fig, share, file) = (props.figure.clone(), share.clone(), file.clone());
        Callback::from(move |_| match png_url(&fig, &share) {
            Ok(url) => {
                if let Err(e) = save_url(&format!("{file}.png"), &url) {
                    gloo::console::error!("download failed", e);
                }
            }
            Err(e) => gloo::console::error!(format!("PNG export: {e}")),
        })
    };
    let on_svg = {
        let (fig, share) = (props.figure.clone(), share.clone());
        Callback::from(move |_| match svg_text(&fig, &share) {
            Ok(svg) => save_text(&format!("{file}.svg"), "image/svg+xml", &svg),
            Err(e) => gloo::console::error!(format!("SVG export: {e}")),
        })
    };
    let title = props.figure.title().to_string();
    html! {
        <div class="chart-export">
            <span>{ "Download this chart: " }</span>
            <button type="button" onclick={on_png} aria-label={format!("Download “{title}” as PNG")}
                data-export={format!("{}-png", props.name)}>{ "PNG" }</button>
            <button type="button" onclick={on_svg} aria-label={format!("Download “{title}” as SVG")}
                data-export={format!("{}-svg", props.name)}>{ "SVG" }</button>
        </div>
    }
}

/// Parse a scenario file's text as the browser parses JSON, then check it as the model does.
pub fn read_scenario_file(text: &str) -> Result<hatcalc::share::Shared, FileError> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        FileError::Unreadable(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "not JSON".into()),
        )
    })?;
    let file: ScenarioFile =
        serde_wasm_bindgen::from_value(value).map_err(|e| FileError::Unreadable(e.to_string()))?;
    file.read()
}

/// The scenario file's text.
fn scenario_json(s: &Scenario, preset: &str, seed: u64) -> Result<String, JsValue> {
    let file = ScenarioFile::new(s, preset, seed, "");
    let value = file.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
        .map(String::from)
}

/// Properties of [`ExportPanel`].
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its preset.
    pub preset: &'static str,
    /// Its Monte Carlo seed.
    pub seed: u64,
    /// Where a scenario file's contents go.
    pub on_action: Callback<Action>,
}

/// Downloads of the whole scenario, opening a scenario file, printing and embedding.
#[function_component(ExportPanel)]
pub fn export_panel(props: &ExportProps) -> Html {
    let share = use_context::<Share>();
    let permalink = share
        .as_ref()
        .map(|s| s.permalink.clone())
        .unwrap_or_default();
    let stem = format!("hatcalc-{}", props.preset);
    let on_inputs = {
        let (s, stem) = (props.scenario.clone(), stem.clone());
        Callback::from(move |_| {
            save_text(&format!("{stem}-inputs.csv"), "text/csv", &inputs_csv(&s))
        })
    };
    let on_outputs = {
        let (s, stem, seed) = (props.scenario.clone(), stem.clone(), props.seed);
        Callback::from(move |_| {
            let o = evaluate(&s);
            // The page's run again (same draws, same seed: the same numbers), so the file
            // carries the uncertainty shown on screen.
            let mc = psa(&s, PsaConfig::new(MC_DRAWS, seed));
            save_text(
                &format!("{stem}-results.csv"),
                "text/csv",
                &outputs_csv(&s, &o, Some(&mc), &permalink),
            )
        })
    };
    let on_json = {
        let (s, preset, seed) = (props.scenario.clone(), props.preset, props.seed);
        Callback::from(move |_| match scenario_json(&s, preset, seed) {
            Ok(text) => save_text(
                &format!("hatcalc-{preset}-scenario.json"),
                "application/json",
                &text,
            ),
            Err(e) => gloo::console::error!("JSON export failed", e),
        })
    };
    let on_open = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // The same file may be chosen again after fixing it.
            input.set_value("");
            let cb = cb.clone();
            if file.size() > MAX_FILE_BYTES {
                cb.emit(Action::Refuse(format!(
                    "“{}” is too large to be a scenario file. Nothing was changed.",
                    file.name()
                )));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string());
                let result = match text {
                    Some(t) => read_scenario_file(&t),
                    None => Err(FileError::Unreadable("the file could not be read".into())),
                };
                cb.emit(match result {
                    Ok(shared) => Action::Load(Box::new(shared), format!("Opened “{name}”.")),
                    Err(e) => Action::Refuse(format!(
                        "“{name}” was not opened: {e}. Nothing was changed."
                    )),
                });
            });
        })
    };
    let on_print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <section class="export" aria-labelledby="export-h">
            <h3 id="export-h">{ "Take it with you" }</h3>
            <div class="buttons">
                <button type="button" onclick={on_inputs} data-export="inputs-csv">{ "Inputs and sources (CSV)" }</button>
                <button type="button" onclick={on_outputs} data-export="results-csv">{ "Results (CSV)" }</button>
                <button type="button" onclick={on_json} data-export="scenario-json">{ "Scenario file (JSON)" }</button>
                // The input comes first, so its focus ring can be drawn on the label after it.
                <input type="file" id="open-file" class="visually-hidden" accept=".json,application/json" onchange={on_open} />
                <label class="button" for="open-file">{ "Open a scenario file…" }</label>
                <button type="button" onclick={on_print}>{ "Print a brief" }</button>
                <crate::embed::EmbedDialog />
            </div>
            <p class="hint">{ "Every file names its units and sources and carries the permalink. A scenario file opens here again, in any browser." }</p>
        </section>
    }
}
