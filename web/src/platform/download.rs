//! Offering a file to the reader as a download.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlAnchorElement;

/// Offer `url` as a download named `name`.
pub fn save_url(name: &str, url: &str) -> Result<(), JsValue> {
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
