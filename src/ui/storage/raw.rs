//! What every part of storage stands on: the keys, the outcome of a read (`Load`) and of a write
//! (`SaveError`, in the reader's words), values kept aside when unreadable, reading text fast.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::annotations::codec::DecodeError;
use crate::annotations::Millis;

pub(super) const PREFIX: &str = "report-reader";

pub const SETTINGS_KEY: &str = "report-reader:settings";

pub const LIBRARY_KEY: &str = "report-reader:library";

pub fn annotations_key(report: &str) -> String {
    format!("{PREFIX}:annotations:{report}")
}

pub(super) fn text_key(hash: &str) -> String {
    format!("{PREFIX}:text:{hash}")
}

/// What reading a key found.
#[derive(Debug)]
pub enum Load<T> {
    /// Nothing stored yet.
    Empty,
    /// Read; `migrated_from` names the older format version it was stored in, if it was.
    Read {
        value: T,
        migrated_from: Option<u64>,
    },
    /// Stored, but unreadable. The value was copied under `kept_as`; `None` means it could not
    /// be copied, and the key must not be written over.
    Unreadable {
        reason: String,
        kept_as: Option<String>,
    },
    /// The browser gives this page no localStorage (disabled, or blocked).
    Unavailable,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage quota is full.
    Full,
    /// What is stored could not be read and could not be kept aside, so it was left alone.
    Unreadable(String),
    Unavailable,
    /// The browser refused for another reason, which it gave in these words.
    Other(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Full => write!(f, "the browser’s storage for this page is full"),
            SaveError::Unreadable(reason) => write!(
                f,
                "what is stored could not be read ({reason}), so it was left as it is"
            ),
            SaveError::Unavailable => write!(f, "this browser gives the page no storage"),
            SaveError::Other(reason) => write!(f, "the browser refused to store it: {reason}"),
        }
    }
}

/// What a browser error says, in its own words ("SecurityError: The operation is insecure."),
/// rather than the debug form of the value that carries it.
pub(crate) fn js_error_words(error: &wasm_bindgen::JsValue) -> String {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|v| !v.is_empty())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (None, Some(message)) => message,
        (Some(name), None) => name,
        (None, None) => error
            .as_string()
            .unwrap_or_else(|| "no reason given".to_string()),
    }
}

pub(super) fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

pub(super) fn is_quota_error(error: &StorageError) -> bool {
    matches!(error, StorageError::JsError(e) if is_quota_exceeded(&e.name, &e.message))
}

pub(super) fn from_storage_error(error: StorageError) -> SaveError {
    if is_quota_error(&error) {
        SaveError::Full
    } else {
        match error {
            StorageError::JsError(e) => SaveError::Other(format!("{}: {}", e.name, e.message)),
            other => SaveError::Other(other.to_string()),
        }
    }
}

/// Copies the raw text stored under `key` to a key of its own, untouched.
pub(super) fn keep_aside(key: &str, now: Millis) -> Result<Option<String>, SaveError> {
    let storage = LocalStorage::raw();
    let Some(raw) = storage.get_item(key).ok().flatten() else {
        return Ok(None);
    };
    let aside = format!("{PREFIX}:unreadable:{now}:{key}");
    match storage.set_item(&aside, &raw) {
        Ok(()) => Ok(Some(aside)),
        Err(_) => Err(SaveError::Full),
    }
}

/// Reads a key as JSON; `Err` carries why it is not readable JSON.
pub(super) fn read_json(key: &str) -> Result<Option<Value>, String> {
    match LocalStorage::get::<Value>(key) {
        Ok(value) => Ok(Some(value)),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(DecodeError::NotJson(error.to_string()).to_string()),
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The page's storage, whose `getItem` leaves its answer as the page's string, to be turned
    /// into text the fast way (`browser::text_of`).
    pub(super) type StorageOfStrings;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_string(
        this: &StorageOfStrings,
        key: &str,
    ) -> Result<Option<js_sys::JsString>, wasm_bindgen::JsValue>;
}

/// Reads a key's text, if it is there.
pub(super) fn read_text(key: &str) -> Option<String> {
    let storage: StorageOfStrings = LocalStorage::raw().unchecked_into();
    storage
        .get_item_string(key)
        .ok()
        .flatten()
        .map(|text| crate::ui::browser::text_of(&text))
}

/// Parses stored text as JSON, for decoders that take a JSON value.
pub(super) fn json(text: &str) -> Result<Value, DecodeError> {
    serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))
}

pub(super) fn load<T>(
    key: &str,
    now: Millis,
    decode: impl FnOnce(&str) -> Result<(T, u64), DecodeError>,
    current: u64,
) -> Load<T> {
    if !available() {
        return Load::Unavailable;
    }
    let decoded = match read_text(key) {
        None => return Load::Empty,
        Some(text) => decode(&text).map_err(|e| e.to_string()),
    };
    match decoded {
        Ok((value, version)) => Load::Read {
            value,
            migrated_from: (version < current).then_some(version),
        },
        Err(reason) => Load::Unreadable {
            reason,
            kept_as: keep_aside(key, now).ok().flatten(),
        },
    }
}

pub(super) fn read_millis(key: &str) -> Option<Millis> {
    available()
        .then(|| LocalStorage::raw().get_item(key).ok().flatten())
        .flatten()
        .and_then(|v| v.parse().ok())
}

/// Whether a browser error (its name and message) says the storage is full: by its name, or in
/// its words where a browser names it otherwise.
pub(crate) fn is_quota_exceeded(name: &str, message: &str) -> bool {
    name == "QuotaExceededError" || message.to_ascii_lowercase().contains("quota")
}

/// Tells this tab's listeners that `key` was written, as a `storage` event tells them of another
/// tab's writes: what was merged from outside (a backup file) reaches the open report and the
/// library by the way other tabs' edits do.
pub fn announce_written(key: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(local) = window.local_storage().ok().flatten() else {
        return;
    };
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(local.get_item(key).ok().flatten().as_deref());
    init.set_storage_area(Some(&local));
    if let Ok(event) = web_sys::StorageEvent::new_with_event_init_dict("storage", &init) {
        let _ = window.dispatch_event(&event);
    }
}
