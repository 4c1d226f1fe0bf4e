//! The reader's keyboard shortcuts: which key does what, the list the help overlay shows, and
//! moving from paragraph to paragraph. Keys never act while the reader is typing in a field, nor
//! with Ctrl, Alt or Meta held (those belong to the browser and the system).

/// What a shortcut asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    NextParagraph,
    PreviousParagraph,
    /// Highlight the selected passage, or toggle the current paragraph's highlight.
    Highlight,
    /// A note on the selected passage, or on the current paragraph.
    Note,
    CopyLink,
    Search,
    Help,
    /// Close whatever is open: the help, the search, a selection.
    Close,
}

/// One key press, as far as shortcuts care.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`: the character typed, or a name such as "Escape".
    pub key: &'a str,
    pub ctrl: bool,
    pub alt: bool,
    pub meta: bool,
    /// The focus is in a text field, where keys are text.
    pub in_field: bool,
}

/// Every shortcut, in the order the help lists them: the keys, and what they do.
pub const SHORTCUTS: [(&str, &str, Command); 8] = [
    ("j", "Next paragraph", Command::NextParagraph),
    ("k", "Previous paragraph", Command::PreviousParagraph),
    (
        "h",
        "Highlight the selected text, or the current paragraph (again to remove)",
        Command::Highlight,
    ),
    (
        "n",
        "Note on the selected text, or on the current paragraph",
        Command::Note,
    ),
    (
        "c",
        "Copy the link to the current paragraph",
        Command::CopyLink,
    ),
    ("/", "Search the report and your notes", Command::Search),
    ("?", "Show or hide this list of shortcuts", Command::Help),
    (
        "Esc",
        "Close the help, the search or the selection",
        Command::Close,
    ),
];

/// The command a key press asks for, if any.
pub fn command_for(press: KeyPress) -> Option<Command> {
    if press.ctrl || press.alt || press.meta {
        return None;
    }
    if press.key == "Escape" {
        // In a field, Escape is the field's own (the search box and the note editor close themselves).
        return (!press.in_field).then_some(Command::Close);
    }
    if press.in_field {
        return None;
    }
    SHORTCUTS
        .iter()
        .find(|(key, _, _)| *key == press.key)
        .map(|(_, _, command)| *command)
}

/// The paragraph `forward` (or back) from `current` in reading order; from none, the one at
/// `in_view` (the paragraph at the top of the screen), else the first. Stays at either end.
pub fn step<'a>(
    order: &'a [String],
    current: Option<&str>,
    in_view: Option<&str>,
    forward: bool,
) -> Option<&'a str> {
    let position = |id: &str| order.iter().position(|p| p == id);
    let next = match current.and_then(position) {
        Some(i) if forward => (i + 1).min(order.len().saturating_sub(1)),
        Some(i) => i.saturating_sub(1),
        None => in_view.and_then(position).unwrap_or(0),
    };
    order.get(next).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            ..KeyPress::default()
        }
    }

    #[test]
    fn each_listed_key_gives_its_command() {
        for (key, _, command) in SHORTCUTS {
            let key = if key == "Esc" { "Escape" } else { key };
            assert_eq!(command_for(press(key)), Some(command), "{key}");
        }
        assert_eq!(command_for(press("x")), None);
        assert_eq!(command_for(press("J")), None, "Shift+J is not j");
    }

    #[test]
    fn keys_are_text_while_typing_and_modified_keys_belong_to_the_browser() {
        for key in ["j", "h", "/", "?", "Escape"] {
            assert_eq!(
                command_for(KeyPress {
                    in_field: true,
                    ..press(key)
                }),
                None,
                "{key} in a field"
            );
        }
        assert_eq!(
            command_for(KeyPress {
                ctrl: true,
                ..press("c")
            }),
            None,
            "Ctrl+C copies the selection"
        );
        assert_eq!(
            command_for(KeyPress {
                meta: true,
                ..press("h")
            }),
            None
        );
        assert_eq!(
            command_for(KeyPress {
                alt: true,
                ..press("n")
            }),
            None
        );
    }

    #[test]
    fn stepping_goes_through_paragraphs_in_order_and_stops_at_the_ends() {
        let order: Vec<String> = ["p1", "p2", "p2-a", "p3"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(step(&order, Some("p2"), None, true), Some("p2-a"));
        assert_eq!(step(&order, Some("p2-a"), None, false), Some("p2"));
        assert_eq!(step(&order, Some("p3"), None, true), Some("p3"));
        assert_eq!(step(&order, Some("p1"), None, false), Some("p1"));
        assert_eq!(
            step(&order, None, Some("p3"), true),
            Some("p3"),
            "from nothing, the paragraph in view"
        );
        assert_eq!(step(&order, None, None, false), Some("p1"));
        assert_eq!(step(&order, Some("gone"), None, true), Some("p1"));
        assert_eq!(step(&[], None, None, true), None);
    }
}
