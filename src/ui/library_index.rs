//! The library's search index as the library screen holds it: read from IndexedDB when the
//! screen first shows, then kept in step with the library in the background, one report at a
//! time with the page free to answer between two, so that the page never stalls while a
//! hundred reports are indexed. A report opened, versioned or removed changes the library,
//! which brings the index up to date again.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::annotations::AnnotationSet;
use crate::library::{content_hash, Entry, Source};
use crate::library_search::{LibraryIndex, ReportRecord};
use crate::report::{self, DEFAULT_REPORT, DEFAULT_REPORT_ID};

use super::browser;
use super::library_state::LibraryState;
use super::on_demand::parse_report;
use super::storage;
use super::text_store;

/// Every report's notes, as the library's search and filters read them.
pub type EveryNote = Arc<Vec<(Entry, AnnotationSet)>>;

/// How far the index has come: reports indexed, reports in the library, and reports whose
/// text is not in this browser (their notes are still searched).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub indexed: usize,
    pub reports: usize,
    pub without_text: usize,
    pub done: bool,
}

impl Progress {
    pub fn in_words(&self) -> String {
        let missing = match self.without_text {
            0 => String::new(),
            1 => " One report’s text is not in this browser; its notes are searched.".into(),
            n => format!(" {n} reports’ texts are not in this browser; their notes are searched."),
        };
        if self.done {
            format!(
                "{} of {} reports searchable.{missing}",
                self.indexed, self.reports
            )
        } else {
            format!(
                "Preparing the search: {} of {} reports…",
                self.indexed, self.reports
            )
        }
    }
}

#[derive(Clone, Copy)]
pub struct LibraryIndexState {
    pub index: StoredValue<LibraryIndex>,
    /// Changes whenever the index does, so that a search shown is answered again.
    pub progress: RwSignal<Progress>,
    /// Every report's notes, read a few reports at a time when the screen opens, and again when
    /// the library changes or another tab writes notes.
    pub notes: RwSignal<EveryNote>,
    running: StoredValue<bool>,
    again: StoredValue<bool>,
}

/// The text of a report's current version, wherever it is kept.
pub(super) async fn current_text(shelf: LibraryState, entry: &Entry) -> Option<String> {
    if entry.id == DEFAULT_REPORT_ID && shelf.default_revision().is_none() {
        return Some(DEFAULT_REPORT.to_string());
    }
    let version = entry.current()?;
    match &entry.source {
        Source::Bundled { file } if entry.version_number(&version.hash) == Some(1) => {
            browser::fetch_text(&format!("reports/{file}")).await.ok()
        }
        _ => text_store::load_text(&version.hash).await,
    }
}

/// Indexes a report's current version: its text read and parsed, its record and what it cites
/// kept (when storage allows: else indexed for this visit only, and again next time). `None`
/// where its text is not in this browser.
pub(super) async fn index_report(
    shelf: LibraryState,
    entry: &Entry,
    hash: &str,
) -> Option<ReportRecord> {
    let text = current_text(shelf, entry).await?;
    let parsed = if entry.id == DEFAULT_REPORT_ID && text == DEFAULT_REPORT {
        report::default_report()
    } else {
        parse_report(text).await
    };
    // Parsing and indexing are two tasks, each short, rather than one long one.
    browser::yield_to_page().await;
    let record = browser::timed("library:index-report", || {
        ReportRecord::of(&entry.id, hash, &parsed)
    });
    if let Ok(json) = serde_json::to_string(&record) {
        let _ = text_store::save_search_record(&entry.id, &json).await;
    }
    if let Ok(json) = serde_json::to_string(&record.citations()) {
        let _ = text_store::save_citations(&entry.id, &json).await;
    }
    Some(record)
}

/// Each report of the library and the hash of its current version.
pub(super) fn current_versions(shelf: LibraryState) -> Vec<(Entry, String)> {
    shelf.library.with_untracked(|l| {
        l.entries()
            .into_iter()
            .filter_map(|e| {
                let hash = match e.current() {
                    Some(v) => v.hash.clone(),
                    None if e.id == DEFAULT_REPORT_ID => content_hash(DEFAULT_REPORT),
                    None => return None,
                };
                Some((e.clone(), hash))
            })
            .collect()
    })
}

/// Records read back from storage, a few at a time with the page free between, so that a
/// large library's index is read without a long task; those of another format are left out
/// (and made again from their texts).
pub(super) async fn read_records<T: serde::de::DeserializeOwned>(
    stored: Vec<String>,
    current: impl Fn(&T) -> bool,
) -> Vec<T> {
    let mut records = Vec::with_capacity(stored.len());
    for (at, json) in stored.iter().enumerate() {
        if let Ok(record) = serde_json::from_str::<T>(json) {
            if current(&record) {
                records.push(record);
            }
        }
        if at % 8 == 7 {
            browser::yield_to_page().await;
        }
    }
    records
}

impl LibraryIndexState {
    /// Reads the stored index, then keeps it in step with the library.
    pub fn start(shelf: LibraryState) -> Self {
        let state = LibraryIndexState {
            index: StoredValue::new(LibraryIndex::default()),
            progress: RwSignal::new(Progress::default()),
            notes: RwSignal::new(Arc::new(Vec::new())),
            running: StoredValue::new(true),
            again: StoredValue::new(false),
        };
        spawn_local(async move {
            let stored = browser::timed_async("library:read-index", async {
                text_store::search_records().await
            })
            .await;
            let records = read_records(stored, ReportRecord::is_current).await;
            state.index.update_value(|index| {
                for record in records {
                    index.insert(record);
                }
            });
            state.running.set_value(false);
            Effect::new(move |_| {
                shelf.library.track();
                state.bring_up_to_date(shelf);
                spawn_local(state.read_notes(shelf));
            });
        });
        let handle = window_event_listener(ev::storage, move |event| {
            if storage::is_annotations_event(&event) {
                spawn_local(state.read_notes(shelf));
            }
        });
        on_cleanup(move || handle.remove());
        state
    }

    /// Reads every report's notes, a few reports at a time with the page free between.
    async fn read_notes(self, shelf: LibraryState) {
        let entries: Vec<Entry> = shelf
            .library
            .with_untracked(|l| l.entries().into_iter().cloned().collect());
        let mut every = Vec::new();
        for (at, entry) in entries.into_iter().enumerate() {
            let set = storage::stored_annotations(&entry.id);
            if set.live().next().is_some() {
                every.push((entry, set));
            }
            if at % 16 == 15 {
                browser::yield_to_page().await;
            }
        }
        self.notes.set(Arc::new(every));
    }

    fn bring_up_to_date(self, shelf: LibraryState) {
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        self.running.set_value(true);
        spawn_local(async move {
            loop {
                self.index_once(shelf).await;
                if !self.again.get_value() {
                    break;
                }
                self.again.set_value(false);
            }
            self.running.set_value(false);
        });
    }

    async fn index_once(self, shelf: LibraryState) {
        let wanted = current_versions(shelf);
        for (report, _) in self.index.with_value(|i| i.indexed()) {
            if !wanted.iter().any(|(e, _)| e.id == report) {
                self.index.update_value(|i| i.remove(&report));
                text_store::forget_search_record(&report).await;
            }
        }
        let mut progress = Progress {
            indexed: 0,
            reports: wanted.len(),
            without_text: 0,
            done: false,
        };
        let to_index: Vec<&(Entry, String)> = wanted
            .iter()
            .filter(|(e, hash)| !self.index.with_value(|i| i.holds(&e.id, hash)))
            .collect();
        progress.indexed = wanted.len() - to_index.len();
        self.progress.set(progress);
        let started = browser::timing_start("library:index");
        for (entry, hash) in to_index {
            let Some(record) = index_report(shelf, entry, hash).await else {
                progress.without_text += 1;
                continue;
            };
            self.index.update_value(|i| i.insert(record));
            progress.indexed += 1;
            self.progress.set(progress);
            browser::yield_to_page().await;
        }
        progress.done = true;
        self.progress.set(progress);
        browser::timing_end("library:index", started);
    }
}
