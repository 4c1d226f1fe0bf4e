//! The annotations of each report: read with migrations, saved with a merge and through a
//! journal for large sets, another tab's writes taken in, counted, forgotten with their report.

use gloo_storage::{LocalStorage, Storage};

use crate::annotations::codec::{self, DecodeError};
use crate::annotations::{AnnotationSet, Millis, StoredVersions};

use super::raw::*;

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

pub(super) fn read_set(key: &str) -> Result<Option<AnnotationSet>, String> {
    match read_text(key) {
        None => Ok(None),
        Some(text) => codec::decode(&text)
            .map(|d| Some(d.annotations))
            .map_err(|e| e.to_string()),
    }
}

pub(super) fn decode_set(text: &str) -> Result<(AnnotationSet, u64), DecodeError> {
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

/// What another tab wrote, as a `storage` event tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OtherTabWrote {
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
) -> Option<OtherTabWrote> {
    let key = event.key()?;
    let read = |text: String| codec::decode(&text).ok().map(|d| d.annotations);
    if key == annotations_key(report) {
        read(event.new_value()?).map(OtherTabWrote::Whole)
    } else if key == journal_key(report) {
        read(event.new_value()?).map(OtherTabWrote::Recent)
    } else {
        None
    }
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
    stored_annotations(report).len()
}

/// A report's stored annotations, as far as they can be read (the library's search and the
/// notebook read every report's; a report's own view loads them with [`load_annotations`]).
pub fn stored_annotations(report: &str) -> AnnotationSet {
    let mut all = read_set(&annotations_key(report))
        .ok()
        .flatten()
        .unwrap_or_default();
    if let Ok(Some(recent)) = read_set(&journal_key(report)) {
        all.merge(&recent);
    }
    all
}

/// Whether another tab's write (a storage event) was to some report's annotations.
pub fn is_annotations_event(event: &web_sys::StorageEvent) -> bool {
    event
        .key()
        .is_some_and(|key| key.starts_with(&annotations_key("")))
}

/// Forgets a removed report's annotations (its texts are [`super::text_store::forget`]'s).
pub fn forget_report(report: &str) {
    if !available() {
        return;
    }
    LocalStorage::delete(annotations_key(report));
    LocalStorage::delete(journal_key(report));
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
