//! Downloads and uploads: each chart as PNG and SVG with its title, units, source line and
//! permalink drawn in; the inputs and results as CSV; the scenario as a JSON file and opening
//! one again. The files' contents come from `hatcalc::export`, written and read by a worker
//! (whose bundle has the formats and the sources they cite); this module only moves them.

use crate::components::chart_export::Share;
use crate::components::headline::MC_DRAWS;
use crate::platform::download::save_text;
use crate::state::Action;
use crate::texts;
use crate::worker::pool::{FileOnWorker, NO_WORKER};
use crate::worker::FileJob;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The largest scenario file read (a real one is about 15 KB).
const MAX_FILE_BYTES: f64 = 1_000_000.0;

/// How long a print waits for the sources' full citations before printing with short cites.
const PRINT_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

/// Print the brief: with the sources' full citations, asked for first if they have not come
/// (a worker sends them in well under a second), else with their short cites.
fn print_with_sources() {
    let print = || {
        let _ = gloo::utils::window().print();
    };
    if texts::texts().is_some() || !texts::can_come() {
        print();
        return;
    }
    let printed = std::rc::Rc::new(std::cell::Cell::new(false));
    let once = move || {
        if !printed.replace(true) {
            // After the brief has rendered them.
            wasm_bindgen_futures::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
                print();
            });
        }
    };
    let on_time = once.clone();
    texts::on_texts(move |_| on_time());
    texts::want();
    wasm_bindgen_futures::spawn_local(async move {
        yew::platform::time::sleep(PRINT_WAIT).await;
        once();
    });
}

/// Have a worker write `file` of the scenario of `query` and save it as `name`; where it
/// cannot, `refused` is told why.
pub fn save_from_worker(
    query: String,
    file: FileJob,
    name: String,
    mime: &'static str,
    refused: Callback<String>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let text = match FileOnWorker::start(&query, file) {
            Some(on_worker) => on_worker.text().await,
            None => Err(NO_WORKER.into()),
        };
        match text {
            Ok(text) => save_text(&name, mime, &text),
            Err(e) => refused.emit(format!("“{name}” could not be written: {e}.")),
        }
    });
}

/// Properties of [`ExportPanel`].
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The scenario's permalink query (how the worker that writes the files receives it).
    pub query: String,
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
    let query = props.query.clone();
    let refused = props.on_action.reform(Action::Refuse);
    // Each file is written by a worker, which has the formats and the sources they cite.
    let save = |file: FileJob, name: String, mime: &'static str| {
        let (query, refused) = (query.clone(), refused.clone());
        Callback::from(move |_| {
            save_from_worker(
                query.clone(),
                file.clone(),
                name.clone(),
                mime,
                refused.clone(),
            )
        })
    };
    let on_inputs = save(FileJob::Inputs, format!("{stem}-inputs.csv"), "text/csv");
    // With the page's own run (same draws, same seed: the same numbers), so the file carries
    // the uncertainty shown on screen.
    let on_outputs = save(
        FileJob::Results {
            draws: MC_DRAWS,
            seed: props.seed,
            permalink,
        },
        format!("{stem}-results.csv"),
        "text/csv",
    );
    let on_json = save(
        FileJob::Scenario {
            preset: props.preset.to_string(),
            seed: props.seed,
        },
        format!("hatcalc-{}-scenario.json", props.preset),
        "application/json",
    );
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
                // Read and checked by a worker, which has the file's format.
                let result = match text {
                    Some(text) => match FileOnWorker::start("", FileJob::Open { text }) {
                        Some(on_worker) => on_worker.text().await.and_then(|query| {
                            hatcalc::share::decode(&query).map_err(|e| e.to_string())
                        }),
                        None => Err(NO_WORKER.into()),
                    },
                    None => Err("the file could not be read".into()),
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
    let on_print = Callback::from(|_| print_with_sources());
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
