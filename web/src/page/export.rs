//! Downloads and uploads: each chart as PNG and SVG with its title, units, source line and
//! permalink drawn in; the inputs and results as CSV; the scenario as a JSON file and opening
//! one again. The files' contents come from `hatcalc::export`; this module only moves them.

use crate::components::chart_export::Share;
use crate::components::headline::MC_DRAWS;
use crate::page::results::finished_run;
use crate::platform::download::save_text;
use crate::state::Action;
use crate::texts::with_texts;
use hatcalc::analysis::{psa, PsaConfig};
use hatcalc::export::{inputs_csv, outputs_csv, FileError, ScenarioFile};
use hatcalc::{evaluate, Scenario};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The largest scenario file read (a real one is about 15 KB).
const MAX_FILE_BYTES: f64 = 1_000_000.0;

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
            let (s, stem) = (s.clone(), stem.clone());
            // Sources and derivations come from a worker, at once once they have come.
            with_texts(move |t| {
                save_text(
                    &format!("{stem}-inputs.csv"),
                    "text/csv",
                    &inputs_csv(&s, &t),
                )
            })
        })
    };
    let on_outputs = {
        let (s, stem, seed) = (props.scenario.clone(), stem.clone(), props.seed);
        Callback::from(move |_| {
            let o = evaluate(&s);
            // The page's own run (same draws, same seed: the same numbers), so the file
            // carries the uncertainty shown on screen; drawn here only if it has not finished.
            let config = PsaConfig::new(MC_DRAWS, seed);
            let mc = finished_run(&s, config).unwrap_or_else(|| Rc::new(psa(&s, config)));
            let (s, stem, permalink) = (s.clone(), stem.clone(), permalink.clone());
            with_texts(move |t| {
                save_text(
                    &format!("{stem}-results.csv"),
                    "text/csv",
                    &outputs_csv(&s, &o, Some(&mc), &permalink, &t),
                )
            })
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
                <crate::page::embed_dialog::EmbedDialog />
            </div>
            <p class="hint">{ "Every file names its units and sources and carries the permalink. A scenario file opens here again, in any browser." }</p>
        </section>
    }
}
