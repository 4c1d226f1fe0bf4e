//! What goes out: text put on the clipboard (and said so), and downloads.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::page::window;
use crate::ui::vocabulary::{Notices, Toast};

/// Puts text on the clipboard. Fails where the page may not write to it (an insecure origin, a
/// denied permission); the caller then shows the text for the reader to copy.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Offers text to the reader as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    offer(
        file_name,
        mime,
        js_sys::Array::of1(&JsValue::from_str(text)),
    );
}

/// Offers bytes (a zip of files) to the reader as a file download.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) {
    offer(
        file_name,
        mime,
        js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
    );
}

fn offer(file_name: &str, mime: &str, parts: js_sys::Array) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(document) = window().document() {
        if let Ok(link) = document.create_element("a") {
            let link: web_sys::HtmlAnchorElement = link.unchecked_into();
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
        }
    }
    // The browser may still be reading the file when `click` returns (some save nothing if its
    // address is revoked at once): it is let go a minute later.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        DOWNLOAD_KEPT_MS,
    );
}

/// How long a download's object URL is kept after the download starts.
const DOWNLOAD_KEPT_MS: i32 = 60_000;

/// Puts text on the clipboard and says so in a toast; shows it for copying by hand if the
/// browser refuses.
pub fn copy_and_tell(notices: Notices, label: String, text: String) {
    leptos::task::spawn_local(async move {
        let shown = match copy_text(&text).await {
            Ok(()) => Toast::Copied { label, text },
            Err(()) => Toast::CopyBlocked { label, text },
        };
        notices.flash(shown, std::time::Duration::from_secs(4));
    });
}
