//! The library's index in localStorage (merged on save, another tab's taken in), and the texts
//! earlier versions kept here, until `text_store` has moved them to IndexedDB.

use gloo_storage::{LocalStorage, Storage};

use crate::annotations::Millis;
use crate::library::{self, Library};

use super::raw::*;

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
