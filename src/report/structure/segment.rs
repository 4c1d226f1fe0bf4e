//! A segment: one heading's or paragraph's lines, with what opens it.

use crate::report::model::RichText;

use super::parts::PartHeading;

/// What opens a segment of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Marker {
    None,
    Number(u32),
    /// "(a)", "(ii)": the marker without its brackets, in lower case.
    Sub(String),
    Heading {
        level: u8,
        label: Option<String>,
    },
    /// A heading that opens a part numbered on its own: an annex, a reproduced resolution.
    Part {
        part: PartHeading,
        label: Option<String>,
    },
}

/// A run of lines that forms one heading or paragraph.
#[derive(Debug, Clone)]
pub(super) struct Segment {
    pub(super) marker: Marker,
    pub(super) lines: Vec<RichText>,
    /// The paragraph's number or letter as the text writes it ("١.", "(أ)", "a)").
    pub(super) written: Option<String>,
}

impl Segment {
    /// A heading of this level, with its label ("I.", "A.") if it has one, and its text.
    pub(super) fn heading(level: u8, label: Option<String>, text: RichText) -> Segment {
        Segment {
            marker: Marker::Heading { level, label },
            lines: vec![text],
            written: None,
        }
    }
}
