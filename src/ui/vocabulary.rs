//! The UI's shared vocabulary, which every view may use and which uses nothing else of the UI:
//! the toast slot and what it can say, the actions a reader can take from anywhere in a report,
//! a text selection, the signal that paragraphs' elements were replaced, the clock, and the ids
//! and class names that views, the DOM helpers and the tests all name.

use std::time::Duration;

use leptos::prelude::*;

use crate::annotations::Millis;

/// The page's main area (each screen's `<main>`): skip links and focus land here.
pub const MAIN_ID: &str = "report";
/// The search field, focused by `/` and the bar's "Search".
pub const SEARCH_FIELD_ID: &str = "search-field";
/// The "Open a report" panel.
pub const OPEN_PANEL_ID: &str = "open-panel";
/// The "Highlights and notes" panel.
pub const NOTES_PANEL_ID: &str = "notes-panel";
/// A paragraph's own text (its numbers, buttons and notes are beside it).
pub const PARAGRAPH_TEXT_CLASS: &str = "para-text";

/// Now, as annotations and the library count time.
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// "paragraph 8" where it begins a line: "Paragraph 8".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Text the reader has selected inside one paragraph: characters `start..end` of its plain text,
/// and where in the page the selection is (to place the highlight buttons above it).
#[derive(Debug, Clone, PartialEq)]
pub struct TextSelection {
    pub paragraph: String,
    pub start: usize,
    pub end: usize,
    pub top: f64,
    pub left: f64,
}

/// A short message that comes and goes at the foot of the page.
#[derive(Clone)]
pub enum Toast {
    /// Something was put on the clipboard: "Copied link to paragraph 8", and what it was.
    Copied {
        label: String,
        text: String,
    },
    /// The clipboard refused: the text is shown, selected, for the reader to copy by hand.
    CopyBlocked {
        label: String,
        text: String,
    },
    /// An annotation was deleted; the toast offers to undo it.
    Deleted {
        what: String,
        undo: Callback<()>,
    },
    Info(String),
}

/// Toasts are the same when they say the same (an undo is the same undo of the same deletion).
impl PartialEq for Toast {
    fn eq(&self, other: &Toast) -> bool {
        match (self, other) {
            (Toast::Copied { label: a, text: b }, Toast::Copied { label: c, text: d }) => {
                a == c && b == d
            }
            (
                Toast::CopyBlocked { label: a, text: b },
                Toast::CopyBlocked { label: c, text: d },
            ) => a == c && b == d,
            (Toast::Deleted { what: a, .. }, Toast::Deleted { what: b, .. }) => a == b,
            (Toast::Info(a), Toast::Info(b)) => a == b,
            _ => false,
        }
    }
}

/// The toast slot, shared by every view.
#[derive(Clone, Copy)]
pub struct Toasts(pub RwSignal<Option<Toast>>);

impl Toasts {
    pub fn new() -> Toasts {
        Toasts(RwSignal::new(None))
    }

    /// Shows a toast for a while (unless another has taken its place meanwhile).
    pub fn show(&self, toast: Toast, for_how_long: Duration) {
        let slot = self.0;
        slot.set(Some(toast.clone()));
        set_timeout(
            move || {
                slot.update(|t| {
                    if t.as_ref() == Some(&toast) {
                        *t = None
                    }
                })
            },
            for_how_long,
        );
    }
}

impl Default for Toasts {
    fn default() -> Toasts {
        Toasts::new()
    }
}

/// What the reader can copy or share from anywhere in the report view.
#[derive(Clone, Copy)]
pub struct ReaderActions {
    /// A paragraph's citation ("<symbol>, para. 8").
    pub copy_citation: Callback<String>,
    /// A link carrying one annotation, by its id.
    pub share_note: Callback<String>,
    /// A link to the selected passage, in Text Fragments syntax.
    pub copy_passage_link: Callback<TextSelection>,
}

/// Counts the times paragraphs' elements were replaced (a chunk of plain markup set out live), for
/// what points into their text (the search's marks) to be put back.
#[derive(Clone, Copy)]
pub struct PageText(pub RwSignal<u32>);
