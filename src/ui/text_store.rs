//! The one module that touches IndexedDB: report texts, and the PDF and Word files they were
//! read from, kept where there is room for hundreds of them and where they do not compete with
//! notes (which stay in localStorage, see [`super::storage`]). The database itself is opened and
//! used by `web/text-store.js`, a thin promise wrapper; here each call is typed and its errors
//! told in words. Also what the browser says of this site's storage: how much is used and
//! whether it has promised to keep it.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::storage::{self, SaveError};
use super::vocabulary::now;

#[wasm_bindgen(module = "/web/text-store.js")]
extern "C" {
    #[wasm_bindgen(js_name = getText, catch)]
    async fn get_text(hash: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = putText, catch)]
    async fn put_text(hash: &str, text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = putFile, catch)]
    async fn put_file(
        hash: &str,
        name: &str,
        kind: &str,
        bytes: js_sys::Uint8Array,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = forget, catch)]
    async fn forget_version(hash: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = putRecord, catch)]
    async fn put_record(report: &str, record: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = allRecords, catch)]
    async fn all_records() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = putCitations, catch)]
    async fn put_citations(report: &str, record: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = allCitations, catch)]
    async fn all_citations() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = forgetRecord, catch)]
    async fn forget_record(report: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = estimate, catch)]
    async fn estimate_usage() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = persisted, catch)]
    async fn is_persisted() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = persist, catch)]
    async fn ask_to_persist() -> Result<JsValue, JsValue>;
}

fn save_error(error: &JsValue) -> SaveError {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    if storage::is_quota_exceeded(&field("name"), &field("message")) {
        SaveError::Full
    } else {
        SaveError::Other(storage::js_error_words(error))
    }
}

/// Keeps the text of a report version, so that it opens again without its file.
pub async fn save_text(hash: &str, text: &str) -> Result<(), SaveError> {
    put_text(hash, text)
        .await
        .map(|_| ())
        .map_err(|e| save_error(&e))
}

/// Keeps the file a report version was read from (a PDF or a Word document), so that a better
/// reader can read it again one day. Its text is what opens.
pub async fn save_file(hash: &str, name: &str, kind: &str, bytes: &[u8]) -> Result<(), SaveError> {
    put_file(hash, name, kind, js_sys::Uint8Array::from(bytes))
        .await
        .map(|_| ())
        .map_err(|e| save_error(&e))
}

/// The stored text of a report version: from IndexedDB, or still in localStorage where it was
/// kept before texts moved (and not moved yet).
pub async fn load_text(hash: &str) -> Option<String> {
    match get_text(hash).await {
        Ok(text) if text.is_string() => text.as_string(),
        _ => storage::load_old_text(hash),
    }
}

/// Forgets the texts and files of removed report versions.
pub async fn forget(hashes: &[String]) {
    for hash in hashes {
        let _ = forget_version(hash).await;
        storage::forget_old_text(hash);
    }
}

/// Keeps a report's record in the library's search index (in place of its earlier one).
pub async fn save_search_record(report: &str, record: &str) -> Result<(), SaveError> {
    put_record(report, record)
        .await
        .map(|_| ())
        .map_err(|e| save_error(&e))
}

/// Keeps what a report cites, beside its search record.
pub async fn save_citations(report: &str, record: &str) -> Result<(), SaveError> {
    put_citations(report, record)
        .await
        .map(|_| ())
        .map_err(|e| save_error(&e))
}

fn strings(all: Result<JsValue, JsValue>) -> Vec<String> {
    let Ok(all) = all else {
        return Vec::new();
    };
    js_sys::Array::from(&all)
        .iter()
        .filter_map(|record| record.as_string())
        .collect()
}

/// Every record of the library's search index, as stored (JSON); none if it cannot be read.
pub async fn search_records() -> Vec<String> {
    strings(all_records().await)
}

/// What every indexed report cites, as stored (JSON); none if it cannot be read.
pub async fn citations_records() -> Vec<String> {
    strings(all_citations().await)
}

/// Forgets a removed report's record in the search index, and what it cites.
pub async fn forget_search_record(report: &str) {
    let _ = forget_record(report).await;
}

/// Moves the texts kept in localStorage before texts moved to IndexedDB: each is copied, read
/// back, and only when the copy is the same is the old key removed. A failure leaves the text
/// where it was (it still opens from there) and is told. Returns how many were moved.
pub async fn move_old_texts() -> Result<usize, String> {
    let mut moved = 0;
    for hash in storage::old_text_hashes() {
        let Some(text) = storage::load_old_text(&hash) else {
            continue;
        };
        if let Err(problem) = save_text(&hash, &text).await {
            return Err(format!("The reports’ texts could not be moved to where there is more room ({problem}); they stay where they were and still open."));
        }
        match get_text(&hash).await {
            Ok(copy) if copy.as_string().as_deref() == Some(text.as_str()) => {
                storage::forget_old_text(&hash);
                moved += 1;
            }
            _ => return Err("A report’s text could not be read back after it was moved, so it stays where it was and still opens.".into()),
        }
    }
    Ok(moved)
}

/// What this site uses of the browser's storage and what it may use, in bytes.
pub async fn usage() -> Option<(f64, f64)> {
    let pair = estimate_usage().await.ok().filter(|v| !v.is_undefined())?;
    let pair: js_sys::Array = pair.into();
    Some((pair.get(0).as_f64()?, pair.get(1).as_f64()?))
}

/// Whether the browser has promised to keep this site's storage (`None`: it cannot say).
pub async fn persisted() -> Option<bool> {
    is_persisted().await.ok().and_then(|v| v.as_bool())
}

thread_local! {
    static ASKED_TO_KEEP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Now that the reader has something of their own here (a note, a report opened): asks the
/// browser, once a page, to keep this site's storage, and notes when they first kept something.
pub fn ask_to_keep() {
    if ASKED_TO_KEEP.with(|asked| asked.replace(true)) {
        return;
    }
    storage::remember_first_kept(now());
    leptos::task::spawn_local(async {
        let _ = persist().await;
    });
}

/// Asks the browser to keep this site's storage; its answer (`None`: it cannot be asked).
pub async fn persist() -> Option<bool> {
    ask_to_persist().await.ok().and_then(|v| v.as_bool())
}
