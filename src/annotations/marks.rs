//! Cuts a paragraph's styled text into pieces at the edges of highlighted passages, so each
//! passage can be wrapped in a mark without changing the text itself: the words, their styling
//! and what a reader copies stay exactly as they were.

use super::Colour;
use crate::report::{RichText, Span};

/// A placed passage: characters `start..end` of the paragraph's plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub annotation: String,
    pub colour: Option<Colour>,
}

/// A run of text in one style, under zero or more marks (innermost last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    pub marks: Vec<Mark>,
}

pub fn split(text: &RichText, marks: &[Mark]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut offset = 0;
    for span in text.spans() {
        let chars: Vec<char> = span.text.chars().collect();
        let span_end = offset + chars.len();
        let mut cuts: Vec<usize> = vec![offset, span_end];
        for m in marks {
            cuts.extend(
                [m.start, m.end]
                    .into_iter()
                    .filter(|&c| c > offset && c < span_end),
            );
        }
        cuts.sort_unstable();
        cuts.dedup();
        for window in cuts.windows(2) {
            let (from, to) = (window[0], window[1]);
            let covering: Vec<Mark> = marks
                .iter()
                .filter(|m| m.start <= from && m.end >= to && m.start < m.end)
                .cloned()
                .collect();
            pieces.push(Piece {
                span: Span {
                    text: chars[from - offset..to - offset].iter().collect(),
                    ..span.clone()
                },
                marks: covering,
            });
        }
        offset = span_end;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Style;

    fn text() -> RichText {
        RichText(vec![
            Span::plain("Held on the "),
            Span {
                text: "sidelines of".into(),
                style: Style {
                    emphasis: true,
                    ..Style::default()
                },
                link: None,
            },
            Span::plain(" the session"),
        ])
    }

    fn mark(start: usize, end: usize, id: &str) -> Mark {
        Mark {
            start,
            end,
            annotation: id.into(),
            colour: Some(Colour::Yellow),
        }
    }

    #[test]
    fn without_marks_the_text_is_unchanged() {
        let pieces = split(&text(), &[]);
        assert_eq!(
            pieces.iter().map(|p| p.span.clone()).collect::<Vec<_>>(),
            text().0
        );
    }

    #[test]
    fn a_mark_across_styles_cuts_the_runs_and_keeps_their_styles() {
        let pieces = split(&text(), &[mark(8, 21, "a")]);
        let shown: Vec<(&str, bool, usize)> = pieces
            .iter()
            .map(|p| (p.span.text.as_str(), p.span.style.emphasis, p.marks.len()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Held on ", false, 0),
                ("the ", false, 1),
                ("sidelines", true, 1),
                (" of", true, 0),
                (" the session", false, 0)
            ]
        );
        let joined: String = pieces.iter().map(|p| p.span.text.as_str()).collect();
        assert_eq!(
            joined,
            text().plain(),
            "the text a reader copies is the same"
        );
    }

    #[test]
    fn overlapping_marks_both_cover_their_common_part() {
        let pieces = split(
            &RichText(vec![Span::plain("abcdefgh")]),
            &[mark(1, 5, "a"), mark(3, 7, "b")],
        );
        let shown: Vec<(&str, Vec<&str>)> = pieces
            .iter()
            .map(|p| {
                (
                    p.span.text.as_str(),
                    p.marks.iter().map(|m| m.annotation.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("a", vec![]),
                ("bc", vec!["a"]),
                ("de", vec!["a", "b"]),
                ("fg", vec!["b"]),
                ("h", vec![])
            ]
        );
    }
}
