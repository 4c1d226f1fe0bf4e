//! Loading and saving the annotations: debounced, flushed when the page is hidden, never before
//! the first load has finished, merged with what other tabs wrote; problems told in words.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::annotations::{AnnotationSet, StoredVersions};
use crate::keeping::{seven_day_rule_to_tell, Eviction, Kept, SEVEN_DAY_RULE};

use super::document::AnnotatedDocument;
use crate::ui::backup_file;
use crate::ui::browser;
use crate::ui::storage::{self, Load, OtherTabWrote, SaveError, Saved};
use crate::ui::text_store;
use crate::ui::vocabulary::{now, About, Notices};

/// How long after the last edit the annotations are written.
const SAVE_DELAY: Duration = Duration::from_millis(400);

pub(super) const STORAGE_FULL: &str = "Your last change could not be saved: this browser’s storage for this site is full. \
     It is still on screen, so you can copy it; free some space (or remove other sites’ data) and edit again to save.";

/// Where the annotations stand with storage.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Saving {
    /// Nothing is written before the first load has finished.
    pub(super) loaded: StoredValue<bool>,
    /// False when unreadable data could not be kept aside: then nothing is written over it.
    pub(super) writable: StoredValue<bool>,
    pub(super) save_timer: StoredValue<Option<TimeoutHandle>>,
    /// What this tab knows is stored, so that a save writes only what changed.
    pub(super) stored: StoredValue<StoredVersions>,
    /// Where problems with saved data are told.
    notices: Notices,
    /// What is saved.
    document: AnnotatedDocument,
}

impl Saving {
    pub(super) fn new(document: AnnotatedDocument, notices: Notices) -> Self {
        Saving {
            loaded: StoredValue::new(false),
            writable: StoredValue::new(true),
            save_timer: StoredValue::new(None),
            stored: StoredValue::new(StoredVersions::default()),
            notices,
            document,
        }
    }

    pub(super) fn tell(&self, problem: String) {
        self.notices.tell(About::OpenReport, problem);
    }

    fn clear_problem(&self, problem: &str) {
        self.notices.withdraw(About::OpenReport, problem);
    }

    /// Reads the saved annotations and settings, then listens for other tabs and for the page
    /// being hidden (when a pending save is written at once).
    pub fn load(&self) {
        let report = self.document.report_id.get_value();
        let (loaded, journal_problem) = browser::timed("annotations:load", || {
            storage::load_annotations(&report, now())
        });
        if let Some(problem) = journal_problem {
            self.tell(problem);
        }
        match loaded {
            Load::Empty => {}
            Load::Read { value, .. } => {
                self.stored.set_value(StoredVersions::of(&value));
                self.document.annotations.set(value);
            }
            Load::Unreadable { reason, kept_as } => match kept_as {
                Some(key) => self.tell(format!(
                    "Your saved notes for this report could not be read: {reason}. They were kept aside, untouched, \
                     in this browser’s storage under “{key}”. New notes are saved separately."
                )),
                None => {
                    self.writable.set_value(false);
                    self.tell(format!(
                        "Your saved notes for this report could not be read: {reason}. They could not be copied aside \
                         either (storage is full), so they are left as they are and nothing will be saved over them."
                    ));
                }
            },
            Load::Unavailable => self.tell(
                "This browser gives the page no local storage (it may be disabled or blocked), so notes will not be kept \
                 after you leave."
                    .to_string(),
            ),
        }
        match storage::load_settings(now()) {
            Load::Read { value, .. } => self.document.palette.set(value.palette),
            Load::Unreadable { reason, kept_as } => self.tell(format!(
                "Your colour names could not be read ({reason}); the defaults are used.{}",
                kept_as
                    .map(|k| format!(" The saved value was kept aside under “{k}”."))
                    .unwrap_or_default()
            )),
            _ => {}
        }
        self.loaded.set_value(true);

        let this = *self;
        let storage_listener = window_event_listener(ev::storage, move |event| {
            if let Some(elsewhere) =
                storage::annotations_changed_elsewhere(&this.document.report_id.get_value(), &event)
            {
                let merged = match elsewhere {
                    OtherTabWrote::Whole(theirs) => {
                        this.merge_stored(theirs, StoredVersions::default())
                    }
                    OtherTabWrote::Recent(recent) => {
                        this.merge_stored(recent, this.stored.get_value())
                    }
                };
                if this
                    .stored
                    .with_value(|stored| merged.changed_since(stored).stored_count() > 0)
                {
                    // This tab has edits the other has not stored yet.
                    this.schedule_save();
                }
            }
            if let Some(settings) = storage::settings_changed_elsewhere(&event) {
                this.document.palette.set(settings.palette);
            }
        });
        let hide = window_event_listener(ev::pagehide, move |_| this.flush());
        let hidden = window_event_listener(ev::visibilitychange, move |_| this.flush());
        // When the reader moves to another report, write what is pending and stop listening.
        on_cleanup(move || {
            this.flush();
            storage_listener.remove();
            hide.remove();
            hidden.remove();
        });
    }

    pub(super) fn schedule_save(&self) {
        if let Some(handle) = self.save_timer.get_value() {
            handle.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.save_now(), SAVE_DELAY).ok();
        self.save_timer.set_value(handle);
    }

    /// Writes a pending save now, if there is one.
    pub fn flush(&self) {
        if let Some(handle) = self.save_timer.get_value() {
            handle.clear();
            self.save_now();
        }
    }

    /// The first time something is saved in a browser that deletes the storage of sites not
    /// visited for seven days (Safari) and has not promised to keep this one's, the reader is
    /// told, once, what to do about it.
    fn tell_seven_day_rule(&self) {
        thread_local! {
            static CHECKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if CHECKED.with(|checked| checked.replace(true)) || storage::seven_day_rule_told() {
            return;
        }
        let eviction = browser::storage_eviction();
        if eviction != Eviction::AfterSevenDaysWithoutAVisit {
            return;
        }
        let notices = self.notices;
        leptos::task::spawn_local(async move {
            let kept = Kept::from_answer(text_store::persist().await);
            if seven_day_rule_to_tell(eviction, kept, storage::seven_day_rule_told()) {
                storage::remember_seven_day_rule_told(now());
                notices.tell(About::App, SEVEN_DAY_RULE.to_string());
            }
        });
    }

    fn save_now(&self) {
        self.save_timer.set_value(None);
        if !self.loaded.get_value() || !self.writable.get_value() {
            return;
        }
        let report = self.document.report_id.get_value();
        let result = self.document.annotations.with_untracked(|set| {
            self.stored.with_value(|stored| {
                browser::timed("annotations:save", || {
                    storage::save_annotations(&report, set, stored, now())
                })
            })
        });
        match result {
            Ok(saved) => {
                self.clear_problem(STORAGE_FULL);
                if !matches!(saved, Saved::Nothing) {
                    text_store::ask_to_keep();
                    self.tell_seven_day_rule();
                    backup_file::changed(self.notices);
                }
                match saved {
                    Saved::Nothing => {}
                    // Known stored now: what this tab holds (old deletions pruned from storage
                    // included, so they are not written again) and the document written.
                    Saved::Whole(whole) => {
                        self.merge_stored(
                            whole,
                            self.document.annotations.with_untracked(StoredVersions::of),
                        );
                    }
                    Saved::Recent(recent) => {
                        self.merge_stored(recent, self.stored.get_value());
                    }
                }
            }
            Err(SaveError::Full) => self.tell(STORAGE_FULL.to_string()),
            Err(SaveError::Unreadable(reason)) => {
                self.writable.set_value(false);
                self.tell(format!(
                    "Saving stopped: the notes stored for this report by another tab could not be read ({reason}) and \
                     could not be kept aside, so they were left untouched. Your changes are still on screen."
                ));
            }
            Err(SaveError::Unavailable) => {}
            Err(other @ SaveError::Other(_)) => {
                self.tell(format!("Your last change could not be saved: {other}."))
            }
        }
    }

    /// Takes in annotations read from storage: `known` plus these is what is stored now, and
    /// they are merged into what is shown. Returns the merged set.
    fn merge_stored(&self, stored_now: AnnotationSet, mut known: StoredVersions) -> AnnotationSet {
        known.record(&stored_now);
        self.stored.set_value(known);
        let mut merged = self.document.annotations.get_untracked();
        if merged.merge(&stored_now) {
            self.document.annotations.set(merged.clone());
        }
        merged
    }
}
