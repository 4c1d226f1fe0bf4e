//! What the reader is doing now with the open report's annotations: editing, selecting, the
//! colour they last chose, the deletion they may undo, what a link points at, and what a screen
//! reader should hear. None of it is saved.

use leptos::prelude::*;

use crate::annotations::paragraph_view::Editing;
use crate::annotations::{Annotation, Colour, ParagraphRange};
use crate::exchange::share::SharedNote;
use crate::ui::vocabulary::TextSelection;

#[derive(Clone, Copy, PartialEq)]
pub struct ReadingSession {
    /// The colour a new highlight gets: the last one chosen.
    pub current_colour: RwSignal<Colour>,
    /// The note being written or changed, if any.
    pub editing: RwSignal<Option<Editing>>,
    /// A passage selected in the text, offered for highlighting.
    pub selection: RwSignal<Option<TextSelection>>,
    /// The last deletion, which can be undone.
    pub last_deleted: RwSignal<Option<Annotation>>,
    /// The last thing done that a screen reader should hear ("Note on paragraph 8 saved").
    pub announcement: RwSignal<String>,
    /// A note someone shared by link, shown as a preview until the reader adds it.
    pub shared: RwSignal<Option<SharedNote>>,
    /// A passage a link points at (`#p8:~:text=…`): paragraph and character range.
    pub target_passage: RwSignal<Option<ParagraphRange>>,
}

impl ReadingSession {
    pub(super) fn new() -> Self {
        ReadingSession {
            current_colour: RwSignal::new(Colour::Yellow),
            editing: RwSignal::new(None),
            selection: RwSignal::new(None),
            last_deleted: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            shared: RwSignal::new(None),
            target_passage: RwSignal::new(None),
        }
    }
}
