//! The reader's annotations on the open report as reactive state, and the actions the views
//! call. Edits go to the pure `AnnotationSet`; saving is debounced, flushed when the page is
//! hidden, and never happens before the first load has finished. Another tab's writes arrive
//! through the `storage` event and are merged in.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::annotations::codec::Settings;
use crate::annotations::placement::{
    place, place_cached, Entry, ParagraphChanges, ParagraphIndex, PlacementCache, Placements,
};
use crate::annotations::{
    Annotation, AnnotationSet, Colour, Palette, Quote, StoredVersions, Target,
};
use crate::exchange::import::{self, ImportError, ImportPlan};
use crate::exchange::share::SharedNote;

use super::browser;
use super::storage::{self, Elsewhere, Load, SaveError, Saved};
use super::vocabulary::{now, TextSelection};

/// How long after the last edit the annotations are written.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// All a paragraph's view shows of the annotations: one signal per paragraph, fed by one effect,
/// so that an edit wakes the paragraphs it changes and not every paragraph of a long report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParagraphState {
    /// The whole-paragraph annotation placed here.
    pub whole: Option<Annotation>,
    /// Passages to mark, the one a link points at included (with an empty annotation id).
    pub marks: Vec<crate::annotations::marks::Mark>,
    /// Annotations with a note (or being edited) here, whole-paragraph ones first, and whether
    /// the editor is open on each.
    pub cards: Vec<(Annotation, bool)>,
    /// A new note being written here.
    pub new_note: Option<Editing>,
    pub has_note: bool,
    /// A shared note is previewed here.
    pub shared_here: bool,
}

/// What the paragraphs' states were last made from, kept from one edit to the next.
#[derive(Default)]
struct Seen {
    /// Each annotation's paragraph and version.
    annotations: ParagraphChanges,
    /// The paragraph the editor is open on, and what it is open on.
    editing: (Option<String>, Option<Editing>),
    passage: Option<(String, usize, usize)>,
    shared: Option<(String, Annotation)>,
}

impl Seen {
    /// Takes in what the paragraphs' states are made from now, and gives the paragraphs whose
    /// state may have changed since the last time.
    fn update(&mut self, annotator: &Annotator) -> std::collections::HashSet<String> {
        let mut dirty = annotator.placements.with(|placements| {
            annotator
                .annotations
                .with(|set| self.annotations.update(set, placements))
        });
        let mut mark = |paragraph: Option<&String>| {
            if let Some(p) = paragraph {
                dirty.insert(p.clone());
            }
        };
        let editing = annotator.editing.get();
        let editing_paragraph = editing.as_ref().and_then(|e| match e {
            Editing::Existing(id) => annotator.placements.with(|p| {
                p.entries
                    .iter()
                    .find(|x| x.id == *id)
                    .map(|x| x.paragraph.clone())
            }),
            Editing::New { paragraph, .. } => Some(paragraph.clone()),
        });
        let editing = (editing_paragraph, editing);
        if self.editing != editing {
            mark(self.editing.0.as_ref());
            mark(editing.0.as_ref());
            self.editing = editing;
        }
        let passage = annotator.target_passage.get();
        if self.passage != passage {
            mark(self.passage.as_ref().map(|p| &p.0));
            mark(passage.as_ref().map(|p| &p.0));
            self.passage = passage;
        }
        let shared = annotator.shared.with(|s| {
            s.as_ref().map(|n| {
                (
                    n.annotation.target.paragraph().to_string(),
                    n.annotation.clone(),
                )
            })
        });
        if self.shared != shared {
            mark(self.shared.as_ref().map(|s| &s.0));
            mark(shared.as_ref().map(|s| &s.0));
            self.shared = shared;
        }
        dirty
    }
}

/// What the note editor is open on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editing {
    Existing(String),
    /// A note not written yet: on a paragraph, or on a passage of it.
    New {
        paragraph: String,
        quote: Option<Quote>,
        colour: Option<Colour>,
    },
}

impl Editing {
    pub fn paragraph<'a>(&'a self, set: &'a AnnotationSet) -> Option<&'a str> {
        match self {
            Editing::Existing(id) => set.get(id).map(|a| a.target.paragraph()),
            Editing::New { paragraph, .. } => Some(paragraph),
        }
    }
}

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
    pub target_passage: RwSignal<Option<(String, usize, usize)>>,
    paragraph_states: StoredValue<std::collections::HashMap<String, RwSignal<ParagraphState>>>,
    loaded: StoredValue<bool>,
    /// False when unreadable data could not be kept aside: then nothing is written over it.
    writable: StoredValue<bool>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// What this tab knows is stored, so that a save writes only what changed.
    stored: StoredValue<StoredVersions>,
}

fn new_id() -> String {
    let random: String = browser::random_bytes::<8>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("a{:x}-{random}", now())
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
        // every edit, and comparing 10,000 entries and their maps took longer than what follows.
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
            RwSignal::new(None::<(String, usize, usize)>),
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
        Effect::new(move |previous: Option<Seen>| {
            let first = previous.is_none();
            let mut seen = previous.unwrap_or_default();
            // Read tracked: any of these changing runs this again.
            let dirty = seen.update(&this);
            let states: Vec<(String, RwSignal<ParagraphState>)> =
                this.paragraph_states.with_value(|m| {
                    if first {
                        m.iter().map(|(k, v)| (k.clone(), *v)).collect()
                    } else {
                        dirty
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

    fn compute_state(&self, paragraph: &str) -> ParagraphState {
        let editing = self.editing.get_untracked();
        let passage = self.target_passage.get_untracked();
        // Borrowed, not cloned: this runs for every paragraph on every edit.
        self.placements.with_untracked(|placements| {
            let no_ids = Vec::new();
            let ids = placements.by_paragraph.get(paragraph).unwrap_or(&no_ids);
            let mut marks = placements.marks.get(paragraph).cloned().unwrap_or_default();
            if let Some((p, start, end)) = passage {
                if p == paragraph {
                    marks.push(crate::annotations::marks::Mark {
                        start,
                        end,
                        annotation: String::new(),
                        colour: None,
                    });
                }
            }
            self.annotations.with_untracked(|set| {
                let whole = placements
                    .whole
                    .get(paragraph)
                    .and_then(|id| set.get(id))
                    .cloned();
                let editing_id =
                    |a: &Annotation| matches!(&editing, Some(Editing::Existing(e)) if *e == a.id);
                let mut cards: Vec<(Annotation, bool)> = ids
                    .iter()
                    .filter_map(|i| set.get(i))
                    .filter(|a| a.has_note() || editing_id(a))
                    .map(|a| (a.clone(), editing_id(a)))
                    .collect();
                cards.sort_by_key(|(a, _)| a.target.quote().is_some());
                let has_note = ids.iter().any(|i| set.get(i).is_some_and(|a| a.has_note()));
                let new_note = match &editing {
                    Some(new @ Editing::New { paragraph: p, .. }) if p == paragraph => {
                        Some(new.clone())
                    }
                    _ => None,
                };
                let shared_here = self.shared.with_untracked(|s| {
                    s.as_ref()
                        .is_some_and(|n| n.annotation.target.paragraph() == paragraph)
                });
                ParagraphState {
                    whole,
                    marks,
                    cards,
                    new_note,
                    has_note,
                    shared_here,
                }
            })
        })
    }

    /// Whether any of these paragraphs shows something of the annotations (a highlight, a mark, a
    /// note, the editor, a shared note): such paragraphs are set out live wherever they are.
    /// Looked up, not kept as a set: a set of every annotated paragraph was rebuilt on each edit.
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

    fn tell(&self, problem: String) {
        self.problems.update(|p| {
            if !p.contains(&problem) {
                p.push(problem);
            }
        });
    }

    fn clear_problem(&self, problem: &str) {
        if self
            .problems
            .with_untracked(|p| p.iter().any(|x| x == problem))
        {
            self.problems.update(|p| p.retain(|x| x != problem));
        }
    }

    /// Reads the saved annotations and settings, then listens for other tabs and for the page
    /// being hidden (when a pending save is written at once).
    pub fn load(&self) {
        let report = self.report_id.get_value();
        let (loaded, journal_problem) = super::browser::timed("annotations:load", || {
            storage::load_annotations(&report, now())
        });
        if let Some(problem) = journal_problem {
            self.tell(problem);
        }
        match loaded {
            Load::Empty => {}
            Load::Read { value, .. } => {
                self.stored.set_value(StoredVersions::of(&value));
                self.annotations.set(value);
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
            Load::Read { value, .. } => self.palette.set(value.palette),
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
                storage::annotations_changed_elsewhere(&this.report_id.get_value(), &event)
            {
                let merged = match elsewhere {
                    Elsewhere::Whole(theirs) => this.take_in(theirs, StoredVersions::default()),
                    Elsewhere::Recent(recent) => this.take_in(recent, this.stored.get_value()),
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
                this.palette.set(settings.palette);
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

    fn schedule_save(&self) {
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

    fn save_now(&self) {
        self.save_timer.set_value(None);
        if !self.loaded.get_value() || !self.writable.get_value() {
            return;
        }
        let report = self.report_id.get_value();
        let result = self.annotations.with_untracked(|set| {
            self.stored.with_value(|stored| {
                super::browser::timed("annotations:save", || {
                    storage::save_annotations(&report, set, stored, now())
                })
            })
        });
        match result {
            Ok(saved) => {
                self.clear_problem(STORAGE_FULL);
                if !matches!(saved, Saved::Nothing) {
                    super::text_store::ask_to_keep();
                }
                match saved {
                    Saved::Nothing => {}
                    // Known stored now: what this tab holds (old deletions pruned from storage
                    // included, so they are not written again) and the document written.
                    Saved::Whole(whole) => {
                        self.take_in(whole, self.annotations.with_untracked(StoredVersions::of));
                    }
                    Saved::Recent(recent) => {
                        self.take_in(recent, self.stored.get_value());
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
    fn take_in(&self, stored_now: AnnotationSet, mut known: StoredVersions) -> AnnotationSet {
        known.record(&stored_now);
        self.stored.set_value(known);
        let mut merged = self.annotations.get_untracked();
        if merged.merge(&stored_now) {
            self.annotations.set(merged.clone());
        }
        merged
    }

    fn change(&self, edit: impl FnOnce(&mut AnnotationSet)) {
        self.annotations.update(edit);
        self.schedule_save();
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

    /// "Highlight paragraph 8": on with the current colour, or off.
    pub fn toggle_paragraph_highlight(&self, paragraph: &str) {
        let existing = untrack(|| self.whole_on(paragraph));
        let colour = existing
            .as_ref()
            .is_none_or(|a| a.colour.is_none())
            .then(|| self.current_colour.get_untracked());
        let target = Target::whole(paragraph, self.paragraph_text(paragraph).as_deref());
        let existing = existing.map(|a| a.id);
        self.change(|set| {
            set.highlight_paragraph(existing.as_deref(), target, colour, now(), new_id)
        });
    }

    pub fn recolour(&self, id: &str, colour: Option<Colour>) {
        if let Some(c) = colour {
            self.current_colour.set(c);
        }
        self.change(|set| set.recolour(id, colour, now()));
    }

    /// Highlights the selected passage in a colour.
    pub fn highlight_selection(&self, selection: &TextSelection, colour: Colour) {
        let Some(quote) = self.quote_for(selection) else {
            return;
        };
        self.current_colour.set(colour);
        let target = Target::Passage {
            paragraph: selection.paragraph.clone(),
            quote,
        };
        self.change(|set| set.add(Annotation::new(new_id(), target, Some(colour), "", now())));
        self.selection.set(None);
    }

    /// Opens the note editor on the selected passage.
    pub fn note_on_selection(&self, selection: &TextSelection) {
        let Some(quote) = self.quote_for(selection) else {
            return;
        };
        self.editing.set(Some(Editing::New {
            paragraph: selection.paragraph.clone(),
            quote: Some(quote),
            colour: Some(self.current_colour.get_untracked()),
        }));
        self.selection.set(None);
    }

    fn quote_for(&self, selection: &TextSelection) -> Option<Quote> {
        let text = self.paragraph_text(&selection.paragraph)?;
        Quote::from_text(&text, selection.start, selection.end)
    }

    /// Opens the note editor on a paragraph: its existing note, or a new one.
    pub fn open_paragraph_note(&self, paragraph: &str) {
        let existing = untrack(|| self.whole_on(paragraph)).map(|a| a.id);
        self.editing.set(Some(match existing {
            Some(id) => Editing::Existing(id),
            None => Editing::New {
                paragraph: paragraph.to_string(),
                quote: None,
                colour: None,
            },
        }));
    }

    pub fn save_note(&self, editing: &Editing, text: &str, colour: Option<Colour>) {
        if let Some(c) = colour {
            self.current_colour.set(c);
        }
        let paragraph = match editing {
            Editing::Existing(id) => self
                .annotations
                .with_untracked(|set| set.get(id).map(|a| a.target.paragraph().to_string())),
            Editing::New { paragraph, .. } => Some(paragraph.clone()),
        };
        if let Some(paragraph) = paragraph {
            self.announcement.set(format!(
                "Note on {} saved.",
                self.paragraph_name(&paragraph)
            ));
        }
        match editing {
            Editing::Existing(id) => self.change(|set| set.rewrite(id, text, colour, now())),
            Editing::New {
                paragraph, quote, ..
            } => {
                if text.trim().is_empty() && colour.is_none() {
                    self.editing.set(None);
                    return;
                }
                let target = match quote {
                    Some(quote) => Target::Passage {
                        paragraph: paragraph.clone(),
                        quote: quote.clone(),
                    },
                    None => Target::whole(paragraph, self.paragraph_text(paragraph).as_deref()),
                };
                self.change(|set| set.add(Annotation::new(new_id(), target, colour, text, now())));
            }
        }
        self.editing.set(None);
    }

    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.change(|set| removed = set.delete(id, now()));
        if self
            .editing
            .with_untracked(|e| matches!(e, Some(Editing::Existing(x)) if x == id))
        {
            self.editing.set(None);
        }
        self.last_deleted.set(removed);
    }

    pub fn undo_delete(&self) {
        if let Some(removed) = self.last_deleted.get_untracked() {
            self.change(|set| {
                set.restore(&removed.id, now());
            });
            self.last_deleted.set(None);
        }
    }

    pub fn report_id(&self) -> String {
        self.report_id.get_value()
    }

    /// What importing a file would do; nothing changes until [`Annotator::apply_import`].
    pub fn plan_import(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let (report, palette) = (self.report_id.get_value(), self.palette.get_untracked());
        self.index.with_value(|index| {
            self.annotations.with_untracked(|set| {
                import::plan_import(text, &report, index, set, &palette, now())
            })
        })
    }

    pub fn apply_import(&self, plan: &ImportPlan) {
        self.change(|set| plan.apply(set));
    }

    /// Adds the shared note being previewed to the reader's own notes.
    pub fn accept_shared(&self) {
        let Some(shared) = self.shared.get_untracked() else {
            return;
        };
        let plan = self
            .annotations
            .with_untracked(|set| import::plan_merge(vec![shared.annotation], set));
        self.apply_import(&plan);
        self.shared.set(None);
    }

    pub fn rename_colour(&self, colour: Colour, meaning: &str) {
        self.palette.update(|p| p.rename(colour, meaning));
        if self.loaded.get_value() {
            let settings = Settings {
                palette: self.palette.get_untracked(),
                ..Settings::default()
            };
            if storage::save_settings(&settings) == Err(SaveError::Full) {
                self.tell(STORAGE_FULL.to_string());
            }
        }
    }
}
