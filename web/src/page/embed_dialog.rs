//! "Embed this…": the dialog that writes the widget's snippet for the current scenario.

use crate::components::chart_export::Share;
use crate::platform::url::{base_url, without_embed};
use crate::widget::{snippet, FIXED_HEIGHT};
use web_sys::{HtmlDialogElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The "Embed this" button and its dialog with the snippet for the current scenario.
#[function_component(EmbedDialog)]
pub fn embed_dialog() -> Html {
    let dialog = use_node_ref();
    let area = use_node_ref();
    let code = use_state(String::new);
    let copied = use_state(|| false);
    let permalink = use_context::<Share>()
        .map(|s| s.permalink)
        .unwrap_or_default();
    let on_open = {
        let (dialog, code, copied) = (dialog.clone(), code.clone(), copied.clone());
        Callback::from(move |_| {
            let query = permalink.split_once('?').map_or("", |(_, q)| q);
            code.set(snippet(&base_url(), &without_embed(query)));
            copied.set(false);
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let on_copy = {
        let (area, code, copied) = (area.clone(), code.clone(), copied.clone());
        Callback::from(move |_| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                a.select();
            }
            let clipboard = gloo::utils::window().navigator().clipboard();
            let copied = copied.clone();
            let promise = clipboard.write_text(&code);
            wasm_bindgen_futures::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                    copied.set(true);
                }
            });
        })
    };
    html! {
        <>
            <button type="button" id="embed-open" onclick={on_open}>{ "Embed this…" }</button>
            <dialog ref={dialog} id="embed-dialog" aria-labelledby="embed-h">
                <h3 id="embed-h">{ "Embed this calculator" }</h3>
                <p>{ "Paste this into your page. The widget shows this scenario's headline, its key inputs and break-even curve, its sources, and a link back here with the same assumptions. The script resizes it to its content; where a site strips scripts, it shows at a fixed height and scrolls inside." }</p>
                <label for="embed-code">{ "Snippet" }</label>
                <textarea ref={area} id="embed-code" readonly=true rows="6" value={(*code).clone()} />
                <div class="buttons">
                    <button type="button" onclick={on_copy}>{ "Copy" }</button>
                    <button type="button" onclick={on_close}>{ "Close" }</button>
                    if *copied { <span role="status">{ "Copied." }</span> }
                </div>
                <p class="hint">{ format!("Height without the script: {} px. Message format: see the README.", FIXED_HEIGHT) }</p>
            </dialog>
        </>
    }
}
