//! The reader's library as reactive state (named a shelf to tell it from the pure
//! `crate::library` it holds): finding a report by id (bundled, stored, or not here), opening a
//! file's text as a new report or a new version, renaming and removing.

use std::cell::Cell;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::annotations::{AnnotationSet, StoredVersions};
use crate::library::{content_hash, Library, Manifest, Opened, Source};
use crate::permalink::lands_within;
use crate::report::html::{report_html, FIRST_SCREEN_FROM};
use crate::report::input::{self, InputError};
use crate::report::{self, parse, Report, DEFAULT_REPORT, DEFAULT_REPORT_ID};

use super::browser::{self, FetchError};
use super::on_demand::{first_screen_of, parse_report};
use super::storage::{self, Load, SaveError};
use super::text_store;
use super::vocabulary::{now, About, Notices};

/// The report being read: which one, which version, and its parsed text.
#[derive(Clone)]
pub struct OpenReport {
    pub id: String,
    pub report: Arc<Report>,
    /// 1-based, and how many versions there are.
    pub version: usize,
    pub versions: usize,
}

/// Why a report asked for by id cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Not in this browser's library, nor published beside the app.
    Unknown(String),
    /// Known, but its text was not kept (storage was full when it was opened).
    TextNotKept { id: String, title: String },
    /// Published, but its file could not be fetched.
    Unreachable { id: String, reason: FetchError },
}

pub const MANIFEST_URL: &str = "reports/manifest.json";

#[derive(Clone, Copy)]
pub struct LibraryState {
    pub library: RwSignal<Library>,
    pub manifest: RwSignal<Option<Manifest>>,
    /// Where problems with the library's stored data are told.
    notices: Notices,
    /// A save that failed (storage full) and is tried again when the page is hidden.
    unsaved: StoredValue<bool>,
}

impl LibraryState {
    pub fn new(notices: Notices) -> Self {
        LibraryState {
            library: RwSignal::new(Library::default()),
            manifest: RwSignal::new(None),
            notices,
            unsaved: StoredValue::new(false),
        }
    }

    fn tell(&self, problem: String) {
        self.notices.tell(About::App, problem);
    }

    /// Reads the stored library and keeps it in step with other tabs.
    pub fn load(&self) {
        match storage::load_library(now()) {
            Load::Read { value, .. } => self.library.set(value),
            Load::Unreadable { reason, kept_as } => self.tell(format!(
                "Your library could not be read ({reason}).{} Reports you open now are added to a new one.",
                kept_as.map(|k| format!(" It was kept aside under “{k}”.")).unwrap_or_default()
            )),
            Load::Empty | Load::Unavailable => {}
        }
        let this = *self;
        let handle = window_event_listener(ev::storage, move |event| {
            if let Some(theirs) = storage::library_changed_elsewhere(&event) {
                this.library.update(|l| {
                    l.merge(&theirs);
                });
            }
        });
        let retry = window_event_listener(ev::pagehide, move |_| {
            if this.unsaved.get_value() {
                this.save();
            }
        });
        on_cleanup(move || {
            handle.remove();
            retry.remove();
        });
        // Parsed for its entry only when the library has none yet: opening it parses it anyway.
        if !self.library.with_untracked(|l| l.holds(DEFAULT_REPORT_ID)) {
            let default = report::default_report();
            self.library.update(|l| {
                l.ensure_bundled(
                    DEFAULT_REPORT_ID,
                    "oic-cfm-51-cg-jk-2025.txt",
                    &default,
                    &content_hash(DEFAULT_REPORT),
                    0,
                )
            });
        }
    }

    fn save(&self) {
        let result = self
            .library
            .with_untracked(|l| storage::save_library(l, now()));
        self.unsaved.set_value(result.is_err());
        match result {
            Ok(stored) => {
                super::backup_file::changed(self.notices);
                if self.library.with_untracked(|l| *l != stored) {
                    self.library.set(stored);
                }
            }
            Err(SaveError::Full) => self.tell(
                "The library could not be saved: this browser’s storage for this site is full. The report is open, \
                 but may not be listed next time."
                    .to_string(),
            ),
            Err(SaveError::Unavailable) => {}
            Err(other) => self.tell(format!("The library could not be saved: {other}.")),
        }
    }

    /// Fetches the publisher's manifest once; a missing manifest just means no other reports.
    pub async fn fetch_manifest(&self) -> Option<Manifest> {
        if let Some(m) = self.manifest.get_untracked() {
            return Some(m);
        }
        let manifest = browser::fetch_text(MANIFEST_URL)
            .await
            .ok()
            .and_then(|t| Manifest::parse(&t).ok())?;
        self.manifest.set(Some(manifest.clone()));
        Some(manifest)
    }

    async fn current(&self, id: &str, hash: &str, text: &str) -> OpenReport {
        self.current_of(id, hash, parse_report(text.to_string()).await)
    }

    fn current_of(&self, id: &str, hash: &str, report: Report) -> OpenReport {
        let (version, versions) = self
            .library
            .with_untracked(|l| {
                l.get(id)
                    .map(|e| (e.version_number(hash).unwrap_or(1), e.versions.len().max(1)))
            })
            .unwrap_or((1, 1));
        OpenReport {
            id: id.to_string(),
            report: Arc::new(report),
            version,
            versions,
        }
    }

    /// The hash of the default report's latest version when it is not the bundled text (a
    /// revision the reader opened), whose text is stored.
    pub fn default_revision(&self) -> Option<String> {
        let latest = self.library.with_untracked(|l| {
            l.get(DEFAULT_REPORT_ID)
                .and_then(|e| e.current().map(|v| v.hash.clone()))
        });
        latest.filter(|h| *h != content_hash(DEFAULT_REPORT))
    }

    /// The bundled default report, as bundled (at once: the page shows it already).
    pub fn default_current(&self) -> OpenReport {
        self.library.update(|l| l.touch(DEFAULT_REPORT_ID, now()));
        self.save();
        self.current_of(
            DEFAULT_REPORT_ID,
            &content_hash(DEFAULT_REPORT),
            report::default_report(),
        )
    }

    /// The default report's latest version: a revision the reader opened, if its text is
    /// still stored, else the bundled text.
    pub async fn latest_default(&self) -> OpenReport {
        if let Some(hash) = self.default_revision() {
            if let Some(text) = text_store::load_text(&hash).await {
                self.library.update(|l| l.touch(DEFAULT_REPORT_ID, now()));
                self.save();
                return self.current(DEFAULT_REPORT_ID, &hash, &text).await;
            }
        }
        self.default_current()
    }

    /// Finds a report by id, in a given version or its latest one. A long report's first screen is
    /// handed to `first_screen` and painted before the whole is parsed; if the page already shows
    /// the published text's (`shown_by_page`), that one stays, or is replaced (`None`: taken away)
    /// when the text to show is another, a revision the reader opened.
    pub async fn resolve(
        &self,
        id: &str,
        version: Option<usize>,
        shown_by_page: bool,
        first_screen: impl Fn(Option<String>),
    ) -> Result<OpenReport, Missing> {
        let first_screen = FirstScreen {
            show: first_screen,
            tried: Cell::new(false),
            shown_by_page,
        };
        if id == DEFAULT_REPORT_ID && version.is_none() {
            return Ok(self.latest_default().await);
        }
        // An address of a report joined to another as its version opens that other.
        let entry = self.library.with_untracked(|l| l.resolve(id).cloned());
        if let Some(entry) = entry {
            let id = entry.id.as_str();
            let chosen = version
                .and_then(|v| entry.versions.get(v - 1))
                .or(entry.current())
                .cloned();
            if let Some(v) = chosen {
                let text = match (&entry.source, entry.version_number(&v.hash)) {
                    (Source::Bundled { file }, Some(1)) => self
                        .bundled_text(id, file, &first_screen)
                        .await
                        .map_err(|reason| Missing::Unreachable {
                            id: id.into(),
                            reason,
                        })?,
                    _ => {
                        // The page may show the published text's first screen: not what this
                        // reader reads, so not a moment longer while their text is read.
                        first_screen.take_away();
                        text_store::load_text(&v.hash).await.ok_or_else(|| {
                            Missing::TextNotKept {
                                id: id.into(),
                                title: entry.display_name().to_string(),
                            }
                        })?
                    }
                };
                first_screen.before_parsing(&text).await;
                self.library.update(|l| l.touch(id, now()));
                self.save();
                return Ok(self.current(id, &v.hash, &text).await);
            }
        }
        let manifest = self.fetch_manifest().await;
        let Some(published) = manifest.as_ref().and_then(|m| m.find(id)).cloned() else {
            return Err(Missing::Unknown(id.to_string()));
        };
        let text = self
            .bundled_text(id, &published.file, &first_screen)
            .await
            .map_err(|reason| Missing::Unreachable {
                id: id.into(),
                reason,
            })?;
        let hash = browser::timed_async("report:hash", browser::content_hash(&text)).await;
        let report = parse_report(text).await;
        self.library.update(|l| {
            l.ensure_bundled(id, &published.file, &report, &hash, now());
            l.touch(id, now());
        });
        self.save();
        // Parsed once: the library entry and the page use the same report.
        Ok(self.current_of(id, &hash, report))
    }

    /// A published report's text, its first screen shown as soon as enough of it has arrived.
    async fn bundled_text(
        &self,
        id: &str,
        file: &str,
        first_screen: &FirstScreen<impl Fn(Option<String>)>,
    ) -> Result<String, FetchError> {
        if id == DEFAULT_REPORT_ID {
            return Ok(DEFAULT_REPORT.to_string());
        }
        first_screen.mark_published_text();
        // A few bytes more than a first screen needs: a character cut at the end does not count.
        browser::fetch_text_in_steps(
            &format!("reports/{file}"),
            FIRST_SCREEN_FROM + 4,
            |opening| async move { first_screen.show_once(&opening).await },
        )
        .await
    }

    /// Opens a file's bytes: decoded, read as HTML if it is HTML, added to the library (as a new
    /// report, the same one again, or a new version of one) and its text kept if storage allows.
    /// Returns what to show, what happened, and a warning if the text could not be kept.
    pub async fn open_bytes(
        &self,
        bytes: &[u8],
        file_name: Option<&str>,
    ) -> Result<(OpenReport, Opened, Option<String>), String> {
        let (text, _) = input::decode(bytes).map_err(|e| e.to_string())?;
        self.open_text(&text, file_name, None).await
    }

    /// Parses a report, pausing between the passes where the text is long (a long PDF's), so
    /// that no one task keeps the page from answering for long.
    async fn parse_letting_the_page_breathe(text: &str) -> Report {
        if text.len() < 200_000 {
            return parse(text);
        }
        let cleaned = report::without_page_furniture(text).into_owned();
        browser::next_frame().await;
        let mut report = report::structure_of(&cleaned);
        browser::next_frame().await;
        report.pages = report::page_spans::page_spans(text, &report);
        report
    }

    /// `original` is the file the text was read from when it is no text itself (a PDF, a Word
    /// document: its name, type and bytes), kept beside the text.
    pub async fn open_text(
        &self,
        text: &str,
        file_name: Option<&str>,
        original: Option<(&str, &str, &[u8])>,
    ) -> Result<(OpenReport, Opened, Option<String>), String> {
        let text = if input::is_html(file_name.unwrap_or(""), text) {
            input::html_to_text(browser::html_tokens(&input::defuse_event_handlers(text)))
        } else {
            text.to_string()
        };
        let report = Self::parse_letting_the_page_breathe(&text).await;
        if report.is_empty() {
            return Err(InputError::Empty.to_string());
        }
        let hash = browser::content_hash(&text).await;
        let opened = self
            .library
            .try_update(|l| l.open_text(&report, &hash, file_name, now()))
            .ok_or("The library is gone.")?;
        if let Some((name, kind, bytes)) = original {
            // The file it was read from, for a better reader one day; the text is what opens.
            let _ = text_store::save_file(&hash, name, kind, bytes).await;
        }
        text_store::ask_to_keep();
        let warning = match text_store::save_text(&hash, &text).await {
            Ok(()) => None,
            Err(_) => Some(
                "This report’s text could not be kept in the browser’s storage (it is full), so it will need to be \
                 opened from its file again next time. Your notes on it are kept."
                    .to_string(),
            ),
        };
        self.save();
        Ok((self.current_of(opened.id(), &hash, report), opened, warning))
    }

    /// Another copy of the library (a backup's) merged into this one, as another tab's is.
    pub fn merge_library(&self, other: &Library) {
        self.library.update(|l| _ = l.merge(other));
        self.save();
    }

    pub fn rename(&self, id: &str, name: &str) {
        self.library.update(|l| l.rename(id, name, now()));
        self.save();
    }

    /// The reader says `from` is a version of `into`: its versions join `into`'s, and so do its
    /// notes (copied: its own stay where they were, for [`LibraryState::separate`]).
    pub fn join_as_version(&self, from: &str, into: &str) {
        let now = now();
        let notes = match storage::load_annotations(from, now).0 {
            Load::Read { value, .. } => value,
            Load::Empty => AnnotationSet::default(),
            Load::Unreadable { reason, .. } => {
                return self.tell(format!("The notes on that report could not be read ({reason}), so it was not joined to the other: nothing changed."));
            }
            Load::Unavailable => return,
        };
        if let Err(problem) =
            storage::save_annotations(into, &notes, &StoredVersions::default(), now)
        {
            return self.tell(format!(
                "The notes could not be carried over: {problem}. Nothing changed."
            ));
        }
        match self
            .library
            .try_update(|l| l.join_as_version(from, into, now))
        {
            Some(Err(problem)) => self.tell(problem.to_string()),
            _ => self.save(),
        }
    }

    /// Undoes [`LibraryState::join_as_version`]: `from` is a report of its own again, with its own notes;
    /// those it brought leave `into`, and notes made on `into` meanwhile stay with it.
    pub fn separate(&self, into: &str, from: &str) {
        let now = now();
        if let Load::Read { value: brought, .. } = storage::load_annotations(from, now).0 {
            let mut leaving = brought.clone();
            for annotation in brought.live() {
                leaving.delete(&annotation.id, now);
            }
            if let Err(problem) =
                storage::save_annotations(into, &leaving, &StoredVersions::default(), now)
            {
                return self.tell(format!(
                    "The notes could not be separated: {problem}. Nothing changed."
                ));
            }
        }
        if self.library.try_update(|l| l.separate(into, from, now)) == Some(true) {
            self.save();
        }
    }

    /// Removes a report with its texts and its notes from this browser.
    pub fn remove(&self, id: &str) {
        let hashes = self
            .library
            .try_update(|l| l.remove(id, now()))
            .unwrap_or_default();
        storage::forget_report(id);
        self.save();
        spawn_local(async move { text_store::forget(&hashes).await });
    }
}

/// A long report's first screen, made from its opening and shown once, before the whole is
/// parsed; not when the address points further
/// on, where the reader would see the top and then be moved.
struct FirstScreen<F: Fn(Option<String>)> {
    show: F,
    /// Made from the text once, whether it was shown or not (a link further on).
    tried: Cell<bool>,
    /// The page already shows the first screen of the published text (`web/route.js`).
    shown_by_page: bool,
}

impl<F: Fn(Option<String>)> FirstScreen<F> {
    /// The text is the published one, whose first screen the page may already show: then there is
    /// nothing to make.
    fn mark_published_text(&self) {
        if self.shown_by_page {
            self.tried.set(true);
        }
    }

    /// Shows the first screen from the text so far, unless it is short or was tried already. True
    /// if something new is to be painted.
    async fn show_once(&self, text: &str) -> bool {
        if self.tried.replace(true) {
            return false;
        }
        let html = first_screen_of(text)
            .await
            .filter(|part| lands_within(part, &browser::fragment()))
            .map(|part| browser::timed("report:first-screen", || report_html(&part)));
        let shown = html.is_some();
        // What the page shows is another text's: replaced, or taken away.
        if shown || self.shown_by_page {
            (self.show)(html);
        }
        shown
    }

    /// Takes away the first screen the page shows, which is of another text.
    fn take_away(&self) {
        if self.shown_by_page {
            (self.show)(None);
        }
    }

    /// Lets the first screen be painted before the whole text is parsed.
    async fn before_parsing(&self, text: &str) {
        if self.show_once(text).await {
            browser::after_paint().await;
        }
    }
}
