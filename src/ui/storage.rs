//! The one module that touches localStorage (through gloo-storage). It reads and writes the
//! versioned documents of `annotations::codec`, one key per report plus one for settings, and
//! keeps its promises:
//! - a value that cannot be read is copied aside, byte for byte, before anything replaces it;
//! - a save reads what is stored first and merges it in, so a write from another tab is never
//!   overwritten (read, merge, write, in one task);
//! - a full quota is reported as such, and nothing already stored is touched.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::Value;

use crate::annotations::codec::{self, DecodeError, Settings};
use crate::annotations::{AnnotationSet, Millis};
use crate::library::{self, Library};

const PREFIX: &str = "report-reader";
pub const SETTINGS_KEY: &str = "report-reader:settings";

pub const LIBRARY_KEY: &str = "report-reader:library";

pub fn annotations_key(report: &str) -> String {
    format!("{PREFIX}:annotations:{report}")
}

fn text_key(hash: &str) -> String {
    format!("{PREFIX}:text:{hash}")
}

/// What reading a key found.
#[derive(Debug)]
pub enum Load<T> {
    /// Nothing stored yet.
    Empty,
    /// Read; `migrated_from` names the older format version it was stored in, if it was.
    Read { value: T, migrated_from: Option<u64> },
    /// Stored, but unreadable. The value was copied under `kept_as`; `None` means it could not
    /// be copied, and the key must not be written over.
    Unreadable { reason: String, kept_as: Option<String> },
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
    Other(String),
}

fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

fn is_quota_error(error: &StorageError) -> bool {
    matches!(error, StorageError::JsError(e) if e.name == "QuotaExceededError" || e.message.to_lowercase().contains("quota"))
}

fn from_storage_error(error: StorageError) -> SaveError {
    if is_quota_error(&error) {
        SaveError::Full
    } else {
        SaveError::Other(error.to_string())
    }
}

/// Copies the raw text stored under `key` to a key of its own, untouched.
fn keep_aside(key: &str, now: Millis) -> Result<Option<String>, SaveError> {
    let storage = LocalStorage::raw();
    let Some(raw) = storage.get_item(key).ok().flatten() else { return Ok(None) };
    let aside = format!("{PREFIX}:unreadable:{now}:{key}");
    match storage.set_item(&aside, &raw) {
        Ok(()) => Ok(Some(aside)),
        Err(_) => Err(SaveError::Full),
    }
}

/// Reads a key as JSON; `Err` carries why it is not readable JSON.
fn read_json(key: &str) -> Result<Option<Value>, String> {
    match LocalStorage::get::<Value>(key) {
        Ok(value) => Ok(Some(value)),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(DecodeError::NotJson(error.to_string()).to_string()),
    }
}

fn load<T>(key: &str, now: Millis, decode: impl FnOnce(Value) -> Result<(T, u64), DecodeError>, current: u64) -> Load<T> {
    if !available() {
        return Load::Unavailable;
    }
    let decoded = match read_json(key) {
        Ok(None) => return Load::Empty,
        Ok(Some(value)) => decode(value).map_err(|e| e.to_string()),
        Err(reason) => Err(reason),
    };
    match decoded {
        Ok((value, version)) => Load::Read { value, migrated_from: (version < current).then_some(version) },
        Err(reason) => Load::Unreadable { reason, kept_as: keep_aside(key, now).ok().flatten() },
    }
}

/// Reads a report's annotations, migrating older formats.
pub fn load_annotations(report: &str, now: Millis) -> Load<AnnotationSet> {
    load(
        &annotations_key(report),
        now,
        |value| codec::decode_value(value).map(|d| (d.annotations, d.stored_version)),
        codec::CURRENT_VERSION,
    )
}

/// Saves a report's annotations merged with whatever another tab stored since; returns what is
/// now stored, so the caller can show the other tab's edits too.
pub fn save_annotations(report: &str, mine: &AnnotationSet, now: Millis) -> Result<AnnotationSet, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let key = annotations_key(report);
    let mut merged = mine.clone();
    let stored = read_json(&key).map_err(|e| e.to_string()).and_then(|value| match value {
        None => Ok(None),
        Some(value) => codec::decode_value(value).map(Some).map_err(|e| e.to_string()),
    });
    match stored {
        Ok(Some(theirs)) => {
            merged.merge(&theirs.annotations);
        }
        Ok(None) => {}
        Err(reason) => {
            // Never write over what could not be read: copy it aside first, or give up.
            keep_aside(&key, now).map_err(|_| SaveError::Unreadable(reason))?;
        }
    }
    merged.prune(now);
    LocalStorage::set(&key, codec::encode_value(report, &merged)).map_err(from_storage_error)?;
    Ok(merged)
}

pub fn load_settings(now: Millis) -> Load<Settings> {
    load(SETTINGS_KEY, now, |value| codec::decode_settings_value(value).map(|s| (s, 1)), 1)
}

pub fn save_settings(settings: &Settings) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(SETTINGS_KEY, settings).map_err(from_storage_error)
}

/// What a `storage` event (a write by another tab) means for this report: its annotations as
/// now stored, if the event is about them and they can be read.
pub fn annotations_changed_elsewhere(report: &str, event: &web_sys::StorageEvent) -> Option<AnnotationSet> {
    if event.key()? != annotations_key(report) {
        return None;
    }
    codec::decode(&event.new_value()?).ok().map(|d| d.annotations)
}

/// The settings another tab just stored, if the event is about them.
pub fn settings_changed_elsewhere(event: &web_sys::StorageEvent) -> Option<Settings> {
    if event.key()? != SETTINGS_KEY {
        return None;
    }
    codec::decode_settings(&event.new_value()?).ok()
}

/// The stored annotations of a report as they are, for the reader to download before removing it.
pub fn raw_annotations(report: &str) -> Option<String> {
    available().then(|| LocalStorage::raw().get_item(&annotations_key(report)).ok().flatten()).flatten()
}

/// How many live annotations a report has stored (for the library).
pub fn count_annotations(report: &str) -> usize {
    raw_annotations(report).and_then(|text| codec::decode(&text).ok()).map_or(0, |d| d.annotations.len())
}

pub fn load_library(now: Millis) -> Load<Library> {
    load(LIBRARY_KEY, now, |value| library::decode_value(value), library::CURRENT_VERSION)
}

/// Saves the library merged with what another tab stored since; returns what is now stored.
pub fn save_library(mine: &Library, now: Millis) -> Result<Library, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let mut merged = mine.clone();
    match read_json(LIBRARY_KEY).map_err(|e| e.to_string()).and_then(|v| match v {
        None => Ok(None),
        Some(v) => library::decode_value(v).map(|(l, _)| Some(l)).map_err(|e| e.to_string()),
    }) {
        Ok(Some(theirs)) => {
            merged.merge(&theirs);
        }
        Ok(None) => {}
        Err(reason) => {
            keep_aside(LIBRARY_KEY, now).map_err(|_| SaveError::Unreadable(reason))?;
        }
    }
    LocalStorage::set(LIBRARY_KEY, library::encode_value(&merged)).map_err(from_storage_error)?;
    Ok(merged)
}

pub fn library_changed_elsewhere(event: &web_sys::StorageEvent) -> Option<Library> {
    if event.key()? != LIBRARY_KEY {
        return None;
    }
    library::decode(&event.new_value()?).ok()
}

/// Keeps the text of a report version, so it opens again without its file.
pub fn save_text(hash: &str, text: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(&text_key(hash), text).map_err(|error| {
        let quota = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).is_some_and(|n| n == "QuotaExceededError");
        if quota { SaveError::Full } else { SaveError::Other(format!("{error:?}")) }
    })
}

pub fn load_text(hash: &str) -> Option<String> {
    available().then(|| LocalStorage::raw().get_item(&text_key(hash)).ok().flatten()).flatten()
}

/// Forgets a removed report: its texts and its annotations.
pub fn forget_report(report: &str, hashes: &[String]) {
    if !available() {
        return;
    }
    for hash in hashes {
        LocalStorage::delete(text_key(hash));
    }
    LocalStorage::delete(annotations_key(report));
}

pub const THEME_KEY: &str = "report-reader:theme";

/// The colour theme the reader chose; like the system when none was, or when what is stored is
/// not a theme (it is then left as it is until the reader chooses again).
pub fn load_theme() -> crate::theme::Theme {
    available()
        .then(|| LocalStorage::raw().get_item(THEME_KEY).ok().flatten())
        .flatten()
        .and_then(|key| crate::theme::Theme::from_key(&key))
        .unwrap_or_default()
}

pub fn save_theme(theme: crate::theme::Theme) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(THEME_KEY, theme.key()).map_err(|_| SaveError::Full)
}

/// The theme another tab just chose, if the event is about it.
pub fn theme_changed_elsewhere(event: &web_sys::StorageEvent) -> Option<crate::theme::Theme> {
    if event.key()? != THEME_KEY {
        return None;
    }
    crate::theme::Theme::from_key(&event.new_value()?)
}
