//! The one module that touches localStorage (through gloo-storage). It reads and writes the
//! versioned documents of `annotations::codec`, one key per report plus one for settings, and
//! the library's index (report texts are in IndexedDB: [`super::text_store`]), and keeps its
//! promises:
//! - a value that cannot be read is copied aside, byte for byte, before anything replaces it;
//! - a save reads what is stored first and merges it in, so a write from another tab is never
//!   overwritten (read, merge, write, in one task);
//! - a save writes only what changed: large sets to a small journal beside the document, folded
//!   into it now and then, so one change costs the same among ten or ten thousand annotations;
//! - a full quota is reported as such, and nothing already stored is touched.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::annotations::codec::{self, DecodeError, Settings};
use crate::annotations::{AnnotationSet, Millis, StoredVersions};
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
pub(super) fn js_error_words(error: &wasm_bindgen::JsValue) -> String {
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

fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

fn is_quota_error(error: &StorageError) -> bool {
    matches!(error, StorageError::JsError(e) if e.name == "QuotaExceededError" || e.message.to_lowercase().contains("quota"))
}

fn from_storage_error(error: StorageError) -> SaveError {
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
fn keep_aside(key: &str, now: Millis) -> Result<Option<String>, SaveError> {
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
fn read_json(key: &str) -> Result<Option<Value>, String> {
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
    type StorageOfStrings;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_string(
        this: &StorageOfStrings,
        key: &str,
    ) -> Result<Option<js_sys::JsString>, wasm_bindgen::JsValue>;
}

/// Reads a key's text, if it is there.
fn read_text(key: &str) -> Option<String> {
    let storage: StorageOfStrings = LocalStorage::raw().unchecked_into();
    storage
        .get_item_string(key)
        .ok()
        .flatten()
        .map(|text| super::browser::text_of(&text))
}

/// Parses stored text as JSON, for decoders that take a JSON value.
fn json(text: &str) -> Result<Value, DecodeError> {
    serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))
}

fn load<T>(
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

/// A set of this many annotations or more saves what changed to a journal beside the report's
/// document (`…:recent`) instead of rewriting the document: one change among 10,000 writes a few
/// hundred bytes, not megabytes. Smaller sets rewrite the document, which costs little.
pub const JOURNAL_FROM: usize = 500;
/// The journal is folded into the document (read, merge, write, journal removed) once it would
/// hold more than this many annotations.
pub const JOURNAL_LIMIT: usize = 250;

/// The key of a report's journal: a document of the same format holding the recent changes.
pub fn journal_key(report: &str) -> String {
    format!("{}:recent", annotations_key(report))
}

fn read_set(key: &str) -> Result<Option<AnnotationSet>, String> {
    match read_text(key) {
        None => Ok(None),
        Some(text) => codec::decode(&text)
            .map(|d| Some(d.annotations))
            .map_err(|e| e.to_string()),
    }
}

fn decode_set(text: &str) -> Result<(AnnotationSet, u64), DecodeError> {
    codec::decode(text).map(|d| (d.annotations, d.stored_version))
}

/// Reads a report's annotations (its document and its journal together), migrating older
/// formats. The second value tells of a journal that could not be read (it is kept aside).
pub fn load_annotations(report: &str, now: Millis) -> (Load<AnnotationSet>, Option<String>) {
    let document = load(
        &annotations_key(report),
        now,
        decode_set,
        codec::CURRENT_VERSION,
    );
    let recent = load(
        &journal_key(report),
        now,
        decode_set,
        codec::CURRENT_VERSION,
    );
    match (document, recent) {
        (
            Load::Read {
                mut value,
                migrated_from,
            },
            Load::Read { value: recent, .. },
        ) => {
            value.merge(&recent);
            (
                Load::Read {
                    value,
                    migrated_from,
                },
                None,
            )
        }
        (Load::Empty, Load::Read { value, .. }) => (
            Load::Read {
                value,
                migrated_from: None,
            },
            None,
        ),
        (document, Load::Unreadable { reason, kept_as }) => (
            document,
            Some(format!(
                "Your most recent changes to these notes could not be read ({reason}).{}",
                kept_as
                    .map(|k| format!(" They were kept aside under “{k}”."))
                    .unwrap_or_default()
            )),
        ),
        (document, _) => (document, None),
    }
}

/// What a save wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing had changed since the last save.
    Nothing,
    /// The whole document, merged with what was stored (the journal included, now removed).
    Whole(AnnotationSet),
    /// The journal: the recent changes of every tab, this one's included.
    Recent(AnnotationSet),
}

/// Saves what changed in a report's annotations since `stored` (what this tab knows is stored),
/// merged with whatever another tab stored meanwhile; returns what was written, so the caller
/// can show the other tabs' edits and know what is stored now.
pub fn save_annotations(
    report: &str,
    mine: &AnnotationSet,
    stored: &StoredVersions,
    now: Millis,
) -> Result<Saved, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let changed = mine.changed_since(stored);
    if changed.stored_count() == 0 {
        return Ok(Saved::Nothing);
    }
    let journal = journal_key(report);
    let recent = read_set(&journal);
    if mine.stored_count() >= JOURNAL_FROM {
        if let Ok(recent) = &recent {
            let mut recent = recent.clone().unwrap_or_default();
            recent.merge(&changed);
            if recent.stored_count() <= JOURNAL_LIMIT {
                LocalStorage::set(&journal, codec::encode_value(report, &recent))
                    .map_err(from_storage_error)?;
                return Ok(Saved::Recent(recent));
            }
        }
    }
    // The whole document: what is stored, the journal and this tab's annotations, in one write.
    let key = annotations_key(report);
    let mut merged = mine.clone();
    match recent {
        Ok(Some(recent)) => {
            merged.merge(&recent);
        }
        Ok(None) => {}
        Err(reason) => {
            keep_aside(&journal, now).map_err(|_| SaveError::Unreadable(reason))?;
        }
    }
    match read_set(&key) {
        Ok(Some(theirs)) => {
            merged.merge(&theirs);
        }
        Ok(None) => {}
        Err(reason) => {
            // Never write over what could not be read: copy it aside first, or give up.
            keep_aside(&key, now).map_err(|_| SaveError::Unreadable(reason))?;
        }
    }
    merged.prune(now);
    LocalStorage::set(&key, codec::encode_value(report, &merged)).map_err(from_storage_error)?;
    LocalStorage::delete(&journal);
    Ok(Saved::Whole(merged))
}

pub fn load_settings(now: Millis) -> Load<Settings> {
    load(
        SETTINGS_KEY,
        now,
        |text| codec::decode_settings(text).map(|s| (s, 1)),
        1,
    )
}

pub fn save_settings(settings: &Settings) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(SETTINGS_KEY, settings).map_err(from_storage_error)
}

/// What another tab wrote, as a `storage` event tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elsewhere {
    /// The report's whole document: everything stored (its journal was folded in).
    Whole(AnnotationSet),
    /// The report's journal: recent changes.
    Recent(AnnotationSet),
}

/// What a `storage` event (a write by another tab) means for this report: its annotations as
/// now stored, if the event is about them and they can be read.
pub fn annotations_changed_elsewhere(
    report: &str,
    event: &web_sys::StorageEvent,
) -> Option<Elsewhere> {
    let key = event.key()?;
    let read = |text: String| codec::decode(&text).ok().map(|d| d.annotations);
    if key == annotations_key(report) {
        read(event.new_value()?).map(Elsewhere::Whole)
    } else if key == journal_key(report) {
        read(event.new_value()?).map(Elsewhere::Recent)
    } else {
        None
    }
}

/// The settings another tab just stored, if the event is about them.
pub fn settings_changed_elsewhere(event: &web_sys::StorageEvent) -> Option<Settings> {
    if event.key()? != SETTINGS_KEY {
        return None;
    }
    codec::decode_settings(&event.new_value()?).ok()
}

/// The stored annotations of a report, for the reader to download before removing it: the
/// document with its journal folded in, or, if either cannot be read, the document as it is.
pub fn raw_annotations(report: &str) -> Option<String> {
    if !available() {
        return None;
    }
    match (
        read_set(&annotations_key(report)),
        read_set(&journal_key(report)),
    ) {
        (Ok(document), Ok(Some(recent))) => {
            let mut all = document.unwrap_or_default();
            all.merge(&recent);
            Some(codec::encode(report, &all))
        }
        _ => read_text(&annotations_key(report)),
    }
}

/// How many live annotations a report has stored (for the library): the readable document with
/// its readable journal, counted where they are read rather than written out and read again.
pub fn count_annotations(report: &str) -> usize {
    let mut all = read_set(&annotations_key(report))
        .ok()
        .flatten()
        .unwrap_or_default();
    if let Ok(Some(recent)) = read_set(&journal_key(report)) {
        all.merge(&recent);
    }
    all.len()
}

pub fn load_library(now: Millis) -> Load<Library> {
    load(
        LIBRARY_KEY,
        now,
        |text| library::decode_value(json(text)?),
        library::CURRENT_VERSION,
    )
}

/// Saves the library merged with what another tab stored since; returns what is now stored.
pub fn save_library(mine: &Library, now: Millis) -> Result<Library, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let mut merged = mine.clone();
    match read_json(LIBRARY_KEY)
        .map_err(|e| e.to_string())
        .and_then(|v| match v {
            None => Ok(None),
            Some(v) => library::decode_value(v)
                .map(|(l, _)| Some(l))
                .map_err(|e| e.to_string()),
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

/// A report version's text as it was kept before texts moved to IndexedDB
/// ([`super::text_store`] moves them, and reads them here until it has).
pub fn load_old_text(hash: &str) -> Option<String> {
    available().then(|| read_text(&text_key(hash))).flatten()
}

/// The hashes of the texts still kept in localStorage.
pub fn old_text_hashes() -> Vec<String> {
    if !available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let prefix = text_key("");
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| key.strip_prefix(&prefix).map(str::to_string))
        .collect()
}

/// Removes a text kept in localStorage (once moved, or with its report).
pub fn forget_old_text(hash: &str) {
    if available() {
        LocalStorage::delete(text_key(hash));
    }
}

/// Forgets a removed report's annotations (its texts are [`super::text_store::forget`]'s).
pub fn forget_report(report: &str) {
    if !available() {
        return;
    }
    LocalStorage::delete(annotations_key(report));
    LocalStorage::delete(journal_key(report));
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
    LocalStorage::raw()
        .set_item(THEME_KEY, theme.key())
        .map_err(|_| SaveError::Full)
}

/// The theme another tab just chose, if the event is about it.
pub fn theme_changed_elsewhere(event: &web_sys::StorageEvent) -> Option<crate::theme::Theme> {
    if event.key()? != THEME_KEY {
        return None;
    }
    crate::theme::Theme::from_key(&event.new_value()?)
}

const LAST_EXPORT_KEY: &str = "report-reader:last-export";
const REMINDER_DISMISSED_KEY: &str = "report-reader:export-reminder-dismissed";

fn read_millis(key: &str) -> Option<Millis> {
    available()
        .then(|| LocalStorage::raw().get_item(key).ok().flatten())
        .flatten()
        .and_then(|v| v.parse().ok())
}

/// Notes that the reader exported their notes just now (for the reminder to export them).
pub fn remember_export(now: Millis) {
    if available() {
        let _ = LocalStorage::raw().set_item(LAST_EXPORT_KEY, &now.to_string());
    }
}

/// When the reader last exported their notes, if ever in this browser.
pub fn last_export() -> Option<Millis> {
    read_millis(LAST_EXPORT_KEY)
}

/// Notes that the reader dismissed the reminder to export their notes.
pub fn dismiss_export_reminder(now: Millis) {
    if available() {
        let _ = LocalStorage::raw().set_item(REMINDER_DISMISSED_KEY, &now.to_string());
    }
}

/// When the reader dismissed the reminder to export their notes, if they did.
pub fn export_reminder_dismissed() -> Option<Millis> {
    read_millis(REMINDER_DISMISSED_KEY)
}

const FIRST_KEPT_KEY: &str = "report-reader:first-kept";

/// Notes when the reader first kept something of their own here (a note, a report opened),
/// if that is not known yet.
pub fn remember_first_kept(now: Millis) {
    if available() && read_millis(FIRST_KEPT_KEY).is_none() {
        let _ = LocalStorage::raw().set_item(FIRST_KEPT_KEY, &now.to_string());
    }
}

/// When the reader first kept something of their own here.
pub fn first_kept() -> Option<Millis> {
    read_millis(FIRST_KEPT_KEY)
}

/// Whether any report has notes of the reader's.
pub fn has_notes() -> bool {
    if !available() {
        return false;
    }
    let storage = LocalStorage::raw();
    let prefix = annotations_key("");
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(&prefix))
        .any(|key| {
            read_text(&key)
                .and_then(|text| codec::decode(&text).ok())
                .is_some_and(|stored| !stored.annotations.is_empty())
        })
}
