//! The UI's shared vocabulary, which every view may use and which uses nothing else of the UI:
//! notices and toasts (one channel for what the app tells the reader), the actions a reader can
//! take from anywhere in a report, a text selection, the signal that paragraphs' elements were
//! replaced, the clock, and the ids and class names that views, the DOM helpers and the tests all
//! name.

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

/// The reports of the reader's library by the key of their symbol
/// ([`crate::citations::plain_key`]), each with its address: where a citation in a report's
/// text leads when the reader has the document it cites.
#[derive(Clone, Copy)]
pub struct DocumentLinks(pub Memo<std::sync::Arc<std::collections::HashMap<String, String>>>);

/// Now, as annotations and the library count time.
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// "paragraph 8" where it begins a line: "Paragraph 8". The app's own names of things all begin
/// with an English word, so the first letter is made a capital as ASCII.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| {
            std::iter::once(first.to_ascii_uppercase())
                .chain(chars)
                .collect()
        })
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

/// What a lasting notice is about, which says when it goes: an address's notice when the reader
/// leaves that address, the open report's when another report opens, the rest when dismissed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    /// Where the address led (a paragraph it names that the report lacks).
    Address,
    /// The open report's annotations (unreadable, not saved, moved to another version).
    OpenReport,
    /// The app as a whole (the library, settings, stored texts, files from outside).
    App,
}

/// A message that stays above the main area until dismissed or no longer true.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub about: About,
}

/// Everything the app tells the reader outside the report, through one channel shared by every
/// view: notices stay until dismissed (problems with saved data, an address that leads nowhere);
/// a toast comes and goes at the page's foot (a copy made, a deletion to undo).
#[derive(Clone, Copy, PartialEq)]
pub struct Notices {
    lasting: RwSignal<Vec<Notice>>,
    toast: RwSignal<Option<Toast>>,
}

impl Notices {
    pub fn new() -> Notices {
        Notices {
            lasting: RwSignal::new(Vec::new()),
            toast: RwSignal::new(None),
        }
    }

    /// Tells something until it is dismissed; the same message told twice is shown once.
    pub fn tell(&self, about: About, text: impl Into<String>) {
        let notice = Notice {
            text: text.into(),
            about,
        };
        self.lasting.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Takes back a message that is no longer true (a save that failed has now succeeded).
    pub fn withdraw(&self, about: About, text: &str) {
        let told = |n: &Notice| n.about == about && n.text == text;
        if self.lasting.with_untracked(|n| n.iter().any(told)) {
            self.lasting.update(|n| n.retain(|x| !told(x)));
        }
    }

    /// Takes back every message about one thing (the reader left the address or the report).
    pub fn withdraw_all(&self, about: About) {
        if self
            .lasting
            .with_untracked(|n| n.iter().any(|x| x.about == about))
        {
            self.lasting.update(|n| n.retain(|x| x.about != about));
        }
    }

    /// The lasting messages, oldest first (tracked).
    pub fn lasting(&self) -> Vec<Notice> {
        self.lasting.get()
    }

    /// The reader dismissed a message.
    pub fn dismiss(&self, notice: &Notice) {
        self.lasting.update(|n| n.retain(|x| x != notice));
    }

    /// Shows a toast for a while (unless another has taken its place meanwhile).
    pub fn flash(&self, toast: Toast, for_how_long: Duration) {
        let slot = self.toast;
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

    /// The toast shown now (tracked).
    pub fn toast(&self) -> Option<Toast> {
        self.toast.get()
    }

    /// The toast is done with (its action was taken).
    pub fn clear_toast(&self) {
        self.toast.set(None);
    }
}

impl Default for Notices {
    fn default() -> Notices {
        Notices::new()
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
