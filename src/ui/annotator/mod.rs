//! The reader's annotations on the open report as reactive state, and the actions the views
//! call, in four roles: the document (the annotations, where they sit, the colours' names; here,
//! with the questions views ask of it), the reading session (`session.rs`: what the reader is
//! doing now), the per-paragraph fan-out (`paragraphs.rs`: one signal per paragraph, recomputed
//! only for the paragraphs a change is about), and persistence (`saving.rs`: loading, debounced
//! saving, other tabs' writes merged in). `edits.rs` holds the edits the views ask for, made on
//! the pure `AnnotationSet`.

mod document;
mod edits;
mod paragraphs;
mod saving;
mod session;

use leptos::prelude::*;

use crate::annotations::panel::{panel_lists, PanelLists};
pub use crate::annotations::paragraph_view::Editing;
use crate::annotations::paragraph_view::ParagraphState;
use crate::annotations::placement::{place, Entry, ParagraphIndex};
use crate::annotations::{Annotation, AnnotationSet, Colour};

use super::vocabulary::Notices;
pub use document::AnnotatedDocument;
use paragraphs::ParagraphSignals;
use saving::Saving;
pub use session::ReadingSession;

/// The reader's annotations on one report, and what they are doing with them.
#[derive(Clone, Copy, PartialEq)]
pub struct Annotator {
    pub document: AnnotatedDocument,
    pub session: ReadingSession,
    saving: Saving,
    paragraphs: ParagraphSignals,
}

impl Annotator {
    /// State for a report, not yet loaded: nothing is written until [`Annotator::load`] has run.
    /// Problems with saved data are told through `notices`.
    pub fn new(report_id: &str, index: ParagraphIndex, notices: Notices) -> Self {
        let document = AnnotatedDocument::new(report_id, index);
        let session = ReadingSession::new();
        Annotator {
            document,
            session,
            saving: Saving::new(document, notices),
            paragraphs: ParagraphSignals::new(document, session),
        }
    }

    /// Reads the saved annotations and settings, then keeps them saved (see `saving.rs`).
    pub fn load(&self) {
        self.saving.load();
    }

    /// Writes a pending save now, if there is one.
    pub fn flush(&self) {
        self.saving.flush();
    }

    /// Whether any of these paragraphs shows something of the annotations (a highlight, a mark, a
    /// note, the editor, a shared note): such paragraphs are set out live wherever they are.
    pub fn in_use(&self, ids: &[String]) -> bool {
        self.paragraphs.in_use(ids)
    }

    /// The signal a paragraph's view reads its annotations from.
    pub fn paragraph_state(&self, paragraph: &str) -> RwSignal<ParagraphState> {
        self.paragraphs.signal(paragraph)
    }

    pub fn paragraph_name(&self, paragraph: &str) -> String {
        self.document
            .index
            .with_value(|i| i.name(paragraph).map(str::to_string))
            .unwrap_or_else(|| format!("paragraph “{paragraph}”"))
    }

    /// "paragraph 8", or "passage “…” in paragraph 8".
    pub fn describe(&self, annotation: &Annotation) -> String {
        let paragraph = self.paragraph_name(annotation.target.paragraph());
        match annotation.target.quote() {
            None => paragraph,
            Some(quote) => format!(
                "passage “{}” in {paragraph}",
                crate::annotations::clipped(&quote.exact, 40)
            ),
        }
    }

    /// The paragraph an annotation that is not (yet) the reader's would be placed in.
    pub fn place_one(&self, annotation: &Annotation) -> String {
        let one = AnnotationSet::from_annotations([annotation.clone()]);
        self.document
            .index
            .with_value(|index| place(index, &one))
            .entries
            .first()
            .map(|e| e.paragraph.clone())
            .unwrap_or_default()
    }

    /// Placed entries in runs of neighbouring paragraphs (see [`ParagraphIndex::group_by_place`]).
    pub fn group_by_place<'a, T>(
        &self,
        items: impl IntoIterator<Item = (&'a Entry, T)>,
    ) -> Vec<(usize, Vec<T>)> {
        self.document.index.with_value(|i| i.group_by_place(items))
    }

    /// What the notes panel lists, without the colours in `hidden` (tracked: it is worked out
    /// again when the annotations change).
    pub fn panel_lists(&self, hidden: &[Option<Colour>]) -> PanelLists {
        self.document.placements.with(|placements| {
            self.document.annotations.with(|set| {
                self.document
                    .index
                    .with_value(|index| panel_lists(index, placements, set, hidden))
            })
        })
    }

    /// Every paragraph's id, in reading order (what `j` and `k` step through).
    pub fn paragraph_order(&self) -> Vec<String> {
        self.document
            .index
            .with_value(|i| i.paragraphs().map(|(id, _)| id).collect())
    }

    /// The report's paragraphs folded for searching (built once per report, on first search).
    pub fn search_index(&self) -> crate::search::SearchIndex {
        self.document
            .index
            .with_value(|i| crate::search::SearchIndex::new(i.paragraphs()))
    }

    /// Searches the report and the reader's notes (reactive on the notes).
    pub fn search(
        &self,
        index: &crate::search::SearchIndex,
        query: &str,
        limit: usize,
    ) -> crate::search::Results {
        self.document.placements.with(|placements| {
            self.document.annotations.with(|set| {
                let notes = placements.entries.iter().filter_map(|entry| {
                    let note = set
                        .get(&entry.id)
                        .map(|a| a.note.as_str())
                        .filter(|n| !n.is_empty())?;
                    Some((entry.id.as_str(), entry.paragraph.as_str(), note))
                });
                index.search(query, notes, limit)
            })
        })
    }

    pub fn paragraph_text(&self, paragraph: &str) -> Option<String> {
        self.document
            .index
            .with_value(|i| i.text(paragraph).map(str::to_string))
    }

    /// The whole-paragraph annotation shown on a paragraph (reactive).
    pub fn whole_on(&self, paragraph: &str) -> Option<Annotation> {
        let id = self
            .document
            .placements
            .with(|p| p.whole.get(paragraph).cloned())?;
        self.document.annotations.with(|s| s.get(&id).cloned())
    }

    pub fn report_id(&self) -> String {
        self.document.report_id.get_value()
    }
}
