//! The reader's annotations on the open report as reactive state, and the actions the views
//! call. Three roles, a file each: here the state itself and what each paragraph shows of it
//! (one signal per paragraph, fed by one effect that recomputes only the paragraphs a change is
//! about: `annotations::paragraph_view`); `saving.rs`, loading and saving (debounced, flushed
//! when the page is hidden, never before the first load has finished; another tab's writes
//! merged in); `edits.rs`, the edits the views ask for, made on the pure `AnnotationSet`.

mod edits;
mod saving;

use std::time::Duration;

use leptos::prelude::*;

use crate::annotations::ParagraphRange;

use crate::annotations::panel::{panel_lists, PanelLists};
pub use crate::annotations::paragraph_view::Editing;
use crate::annotations::paragraph_view::{
    paragraph_state, ParagraphState, ParagraphsSeen, Session,
};
use crate::annotations::placement::{
    place, place_cached, Entry, ParagraphIndex, PlacementCache, Placements,
};
use crate::annotations::{Annotation, AnnotationSet, Colour, Palette, StoredVersions};
use crate::exchange::share::SharedNote;

use super::browser;
use super::vocabulary::TextSelection;

/// How long after the last edit the annotations are written.
const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Copy, PartialEq)]
pub struct Annotator {
    report_id: StoredValue<String>,
    index: StoredValue<ParagraphIndex>,
    pub annotations: RwSignal<AnnotationSet>,
    pub placements: Memo<Placements>,
    pub palette: RwSignal<Palette>,
    /// The colour a new highlight gets: the last one chosen.
    pub current_colour: RwSignal<Colour>,
    pub editing: RwSignal<Option<Editing>>,
    /// A passage selected in the text, offered for highlighting.
    pub selection: RwSignal<Option<TextSelection>>,
    /// The last deletion, which can be undone.
    pub last_deleted: RwSignal<Option<Annotation>>,
    /// Problems with saved data, told to the reader until dismissed.
    pub problems: RwSignal<Vec<String>>,
    /// The last thing done that a screen reader should hear ("Note on paragraph 8 saved").
    pub announcement: RwSignal<String>,
    /// A note someone shared by link, shown as a preview until the reader adds it.
    pub shared: RwSignal<Option<SharedNote>>,
    /// A passage a link points at (`#p8:~:text=…`): paragraph and character range.
    pub target_passage: RwSignal<Option<ParagraphRange>>,
    paragraph_states: StoredValue<std::collections::HashMap<String, RwSignal<ParagraphState>>>,
    loaded: StoredValue<bool>,
    /// False when unreadable data could not be kept aside: then nothing is written over it.
    writable: StoredValue<bool>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// What this tab knows is stored, so that a save writes only what changed.
    stored: StoredValue<StoredVersions>,
}

const STORAGE_FULL: &str = "Your last change could not be saved: this browser’s storage for this site is full. \
     It is still on screen, so you can copy it; free some space (or remove other sites’ data) and edit again to save.";

impl Annotator {
    /// State for a report, not yet loaded: nothing is written until [`Annotator::load`] has run.
    pub fn new(report_id: &str, index: ParagraphIndex) -> Self {
        let index = StoredValue::new(index);
        let annotations = RwSignal::new(AnnotationSet::default());
        let cache = StoredValue::new(PlacementCache::default());
        // Not compared with the last placements before it is passed on: they change with almost
        // every edit, and comparing all their entries and maps costs more than what follows.
        let placements = Memo::new_with_compare(
            move |_| {
                index.with_value(|index| {
                    annotations.with(|set| {
                        super::browser::timed("annotations:place", || {
                            cache
                                .try_update_value(|cache| place_cached(index, set, cache))
                                .unwrap_or_else(|| place(index, set))
                        })
                    })
                })
            },
            |_, _| true,
        );
        let (editing, shared, target_passage) = (
            RwSignal::new(None),
            RwSignal::new(None::<SharedNote>),
            RwSignal::new(None::<ParagraphRange>),
        );
        let this = Annotator {
            report_id: StoredValue::new(report_id.to_string()),
            index,
            annotations,
            placements,
            palette: RwSignal::new(Palette::default()),
            current_colour: RwSignal::new(Colour::Yellow),
            editing,
            selection: RwSignal::new(None),
            last_deleted: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            announcement: RwSignal::new(String::new()),
            shared,
            target_passage,
            paragraph_states: StoredValue::new(Default::default()),
            loaded: StoredValue::new(false),
            writable: StoredValue::new(true),
            save_timer: StoredValue::new(None),
            stored: StoredValue::new(StoredVersions::default()),
        };
        // The one subscriber to the annotations on behalf of all paragraphs. It works out which
        // paragraphs what changed is about, and recomputes those only: one edit among 10,000
        // annotations recomputes one paragraph, not 10,000.
        Effect::new(move |previous: Option<ParagraphsSeen>| {
            let first = previous.is_none();
            let mut seen = previous.unwrap_or_default();
            // Read tracked: any of these changing runs this again.
            let (editing, passage, shared) = (
                this.editing.get(),
                this.target_passage.get(),
                this.shared.get(),
            );
            let session = Session {
                editing: editing.as_ref(),
                passage: passage.as_ref(),
                shared: shared.as_ref().map(|n| &n.annotation),
            };
            let changed = this.placements.with(|placements| {
                this.annotations
                    .with(|set| seen.update(set, placements, session))
            });
            let states: Vec<(String, RwSignal<ParagraphState>)> =
                this.paragraph_states.with_value(|m| {
                    if first {
                        m.iter().map(|(k, v)| (k.clone(), *v)).collect()
                    } else {
                        changed
                            .iter()
                            .filter_map(|p| m.get(p).map(|state| (p.clone(), *state)))
                            .collect()
                    }
                });
            for (paragraph, state) in states {
                let fresh = untrack(|| this.compute_state(&paragraph));
                if state.with_untracked(|s| *s != fresh) {
                    state.set(fresh);
                }
            }
            seen
        });
        this
    }

    /// What a paragraph shows now (read untracked).
    fn compute_state(&self, paragraph: &str) -> ParagraphState {
        let (editing, passage) = (
            self.editing.get_untracked(),
            self.target_passage.get_untracked(),
        );
        self.shared.with_untracked(|shared| {
            let session = Session {
                editing: editing.as_ref(),
                passage: passage.as_ref(),
                shared: shared.as_ref().map(|n| &n.annotation),
            };
            // Borrowed, not cloned: this runs for every paragraph on every edit.
            self.placements.with_untracked(|placements| {
                self.annotations
                    .with_untracked(|set| paragraph_state(paragraph, set, placements, session))
            })
        })
    }

    /// Whether any of these paragraphs shows something of the annotations (a highlight, a mark, a
    /// note, the editor, a shared note): such paragraphs are set out live wherever they are.
    /// Looked up, not kept as a set: such a set would be rebuilt on each edit.
    pub fn in_use(&self, ids: &[String]) -> bool {
        self.placements.with(|p| {
            ids.iter()
                .any(|id| p.by_paragraph.contains_key(id) || p.marks.contains_key(id))
        }) || self
            .editing
            .with(|e| matches!(e, Some(Editing::New { paragraph, .. }) if ids.contains(paragraph)))
            || self
                .target_passage
                .with(|t| t.as_ref().is_some_and(|(p, ..)| ids.contains(p)))
            || self.shared.with(|s| {
                s.as_ref()
                    .is_some_and(|n| ids.iter().any(|id| id == n.annotation.target.paragraph()))
            })
    }

    /// The signal a paragraph's view reads its annotations from.
    pub fn paragraph_state(&self, paragraph: &str) -> RwSignal<ParagraphState> {
        if let Some(state) = self
            .paragraph_states
            .with_value(|m| m.get(paragraph).copied())
        {
            return state;
        }
        let state = RwSignal::new(self.compute_state(paragraph));
        self.paragraph_states.update_value(|m| {
            m.insert(paragraph.to_string(), state);
        });
        state
    }

    pub fn paragraph_name(&self, paragraph: &str) -> String {
        self.index
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
        self.index
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
        self.index.with_value(|i| i.group_by_place(items))
    }

    /// What the notes panel lists, without the colours in `hidden` (tracked: it is worked out
    /// again when the annotations change).
    pub fn panel_lists(&self, hidden: &[Option<Colour>]) -> PanelLists {
        self.placements.with(|placements| {
            self.annotations.with(|set| {
                self.index
                    .with_value(|index| panel_lists(index, placements, set, hidden))
            })
        })
    }

    /// Every paragraph's id, in reading order (what `j` and `k` step through).
    pub fn paragraph_order(&self) -> Vec<String> {
        self.index
            .with_value(|i| i.paragraphs().map(|(id, _)| id).collect())
    }

    /// The report's paragraphs folded for searching (built once per report, on first search).
    pub fn search_index(&self) -> crate::search::SearchIndex {
        self.index
            .with_value(|i| crate::search::SearchIndex::new(i.paragraphs()))
    }

    /// Searches the report and the reader's notes (reactive on the notes).
    pub fn search(
        &self,
        index: &crate::search::SearchIndex,
        query: &str,
        limit: usize,
    ) -> crate::search::Results {
        self.placements.with(|placements| {
            self.annotations.with(|set| {
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
        self.index
            .with_value(|i| i.text(paragraph).map(str::to_string))
    }

    /// The whole-paragraph annotation shown on a paragraph (reactive).
    pub fn whole_on(&self, paragraph: &str) -> Option<Annotation> {
        let id = self.placements.with(|p| p.whole.get(paragraph).cloned())?;
        self.annotations.with(|s| s.get(&id).cloned())
    }

    pub fn report_id(&self) -> String {
        self.report_id.get_value()
    }
}
