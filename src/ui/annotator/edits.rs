//! The edits the views ask for (highlights, notes, deletions and their undoing, imports, a shared
//! note taken in, a colour renamed), each made on the pure `AnnotationSet` and then saved.

use leptos::prelude::*;

use crate::annotations::codec::Settings;
use crate::annotations::{Annotation, AnnotationSet, Colour, Quote, Target};
use crate::exchange::import::{self, ImportPlan};
use crate::exchange::incoming::ImportError;

use super::saving::STORAGE_FULL;
use super::{Annotator, Editing};
use crate::ui::browser;
use crate::ui::storage::{self, SaveError};
use crate::ui::vocabulary::{now, TextSelection};

fn new_id() -> String {
    let random: String = browser::random_bytes::<8>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("a{:x}-{random}", now())
}

impl Annotator {
    fn change(&self, edit: impl FnOnce(&mut AnnotationSet)) {
        self.document.annotations.update(edit);
        self.saving.schedule_save();
    }

    /// "Highlight paragraph 8": on with the current colour, or off.
    pub fn toggle_paragraph_highlight(&self, paragraph: &str) {
        let existing = untrack(|| self.whole_on(paragraph));
        let colour = existing
            .as_ref()
            .is_none_or(|a| a.colour.is_none())
            .then(|| self.session.current_colour.get_untracked());
        let target = Target::whole(paragraph, self.paragraph_text(paragraph).as_deref());
        let existing = existing.map(|a| a.id);
        self.change(|set| {
            set.highlight_paragraph(existing.as_deref(), target, colour, now(), new_id)
        });
    }

    pub fn recolour(&self, id: &str, colour: Option<Colour>) {
        if let Some(c) = colour {
            self.session.current_colour.set(c);
        }
        self.change(|set| set.recolour(id, colour, now()));
    }

    /// Highlights the selected passage in a colour.
    pub fn highlight_selection(&self, selection: &TextSelection, colour: Colour) {
        let Some(quote) = self.quote_for(selection) else {
            return;
        };
        self.session.current_colour.set(colour);
        let target = Target::Passage {
            paragraph: selection.paragraph.clone(),
            quote,
        };
        self.change(|set| set.add(Annotation::new(new_id(), target, Some(colour), "", now())));
        self.session.selection.set(None);
    }

    /// Opens the note editor on the selected passage.
    pub fn note_on_selection(&self, selection: &TextSelection) {
        let Some(quote) = self.quote_for(selection) else {
            return;
        };
        self.session.editing.set(Some(Editing::New {
            paragraph: selection.paragraph.clone(),
            quote: Some(quote),
            colour: Some(self.session.current_colour.get_untracked()),
        }));
        self.session.selection.set(None);
    }

    fn quote_for(&self, selection: &TextSelection) -> Option<Quote> {
        let text = self.paragraph_text(&selection.paragraph)?;
        Quote::from_text(&text, selection.start, selection.end)
    }

    /// Opens the note editor on a paragraph: its existing note, or a new one.
    pub fn open_paragraph_note(&self, paragraph: &str) {
        let existing = untrack(|| self.whole_on(paragraph)).map(|a| a.id);
        self.session.editing.set(Some(match existing {
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
            self.session.current_colour.set(c);
        }
        let paragraph = match editing {
            Editing::Existing(id) => self
                .document
                .annotations
                .with_untracked(|set| set.get(id).map(|a| a.target.paragraph().to_string())),
            Editing::New { paragraph, .. } => Some(paragraph.clone()),
        };
        if let Some(paragraph) = paragraph {
            self.session.announcement.set(format!(
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
                    self.session.editing.set(None);
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
        self.session.editing.set(None);
    }

    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.change(|set| removed = set.delete(id, now()));
        if self
            .session
            .editing
            .with_untracked(|e| matches!(e, Some(Editing::Existing(x)) if x == id))
        {
            self.session.editing.set(None);
        }
        self.session.last_deleted.set(removed);
    }

    pub fn undo_delete(&self) {
        if let Some(removed) = self.session.last_deleted.get_untracked() {
            self.change(|set| {
                set.restore(&removed.id, now());
            });
            self.session.last_deleted.set(None);
        }
    }

    /// What importing a file would do; nothing changes until [`Annotator::apply_import`].
    pub fn plan_import(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let (report, palette) = (
            self.document.report_id.get_value(),
            self.document.palette.get_untracked(),
        );
        self.document.index.with_value(|index| {
            self.document.annotations.with_untracked(|set| {
                import::plan_import(text, &report, index, set, &palette, now())
            })
        })
    }

    pub fn apply_import(&self, plan: &ImportPlan) {
        self.change(|set| plan.apply(set));
    }

    /// Adds the shared note being previewed to the reader's own notes.
    pub fn accept_shared(&self) {
        let Some(shared) = self.session.shared.get_untracked() else {
            return;
        };
        let plan = self
            .document
            .annotations
            .with_untracked(|set| import::plan_merge(vec![shared.annotation], set));
        self.apply_import(&plan);
        self.session.shared.set(None);
    }

    pub fn rename_colour(&self, colour: Colour, meaning: &str) {
        self.document.palette.update(|p| p.rename(colour, meaning));
        if self.saving.loaded.get_value() {
            let settings = Settings {
                palette: self.document.palette.get_untracked(),
                ..Settings::default()
            };
            if storage::save_settings(&settings) == Err(SaveError::Full) {
                self.saving.tell(STORAGE_FULL.to_string());
            }
        }
    }
}
