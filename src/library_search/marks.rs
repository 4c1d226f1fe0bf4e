//! Where a query's parts stand in a paragraph or a note, and the excerpt that shows them marked.

use super::query::Part;
use super::terms::is_unspaced;
use crate::annotations::anchor::Quote;
use crate::exchange::text_fragment::passage_fragment;
use crate::search::fold_with_origin;

/// Characters of context kept before the first mark of an excerpt, and after the last.
const CONTEXT: usize = 60;
/// The furthest apart two marks of one excerpt may be.
const SPAN: usize = 200;

/// Part of an excerpt, marked where it is what was looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// A text folded, with each folded character's offset in the original.
struct FoldedText {
    chars: Vec<char>,
    origin: Vec<usize>,
}

fn folded(text: &str) -> FoldedText {
    let mut out = FoldedText {
        chars: Vec::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    fold_with_origin(text, |c, at| {
        out.chars.push(c);
        out.origin.push(at);
    });
    out
}

/// Where every part stands in a text (char ranges of the original), or `None` if one is missing.
pub(super) fn spans_of(text: &str, parts: &[Part]) -> Option<Vec<(usize, usize)>> {
    let hay = folded(text);
    let mut spans = Vec::new();
    for part in parts {
        let needle: Vec<char> = match &part.phrase {
            Some(phrase) => phrase.chars().collect(),
            None => part.words[0].chars().collect(),
        };
        let before = spans.len();
        let mut at = 0;
        while at + needle.len() <= hay.chars.len() {
            let starts_word = at == 0
                || !hay.chars[at - 1].is_alphanumeric()
                || is_unspaced(hay.chars[at - 1])
                || is_unspaced(needle[0]);
            if starts_word && hay.chars[at..at + needle.len()] == needle[..] {
                let end = hay.origin[at + needle.len() - 1] + 1;
                spans.push((hay.origin[at], end));
                at += needle.len();
            } else {
                at += 1;
            }
        }
        if spans.len() == before {
            return None;
        }
    }
    spans.sort_unstable();
    Some(spans)
}

/// The words around the marks, from a little before the first to a little after the last of
/// those near it.
pub(super) fn excerpt(text: &str, spans: &[(usize, usize)]) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let first = spans[0].0;
    let near: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(start, end)| start >= first && end <= first + SPAN)
        .collect();
    let last = near.iter().map(|s| s.1).max().unwrap_or(spans[0].1);
    let mut from = first.saturating_sub(CONTEXT);
    let mut to = (last + CONTEXT).min(chars.len());
    // Begin and end at a word, not inside one.
    while from > 0 && from < first && !chars[from - 1].is_whitespace() {
        from += 1;
    }
    while to < chars.len() && to > last && !chars[to].is_whitespace() {
        to -= 1;
    }
    let mut pieces = Vec::new();
    let mut push = |text: String, marked: bool| {
        if !text.is_empty() {
            pieces.push(Piece { text, marked });
        }
    };
    let mut at = from;
    let lead = if from > 0 { "…" } else { "" };
    let mut opening = lead.to_string();
    for &(start, end) in &near {
        if start < at {
            continue;
        }
        opening.extend(&chars[at..start]);
        push(std::mem::take(&mut opening), false);
        push(chars[start..end].iter().collect(), true);
        at = end;
    }
    let mut closing: String = chars[at..to].iter().collect();
    if to < chars.len() {
        closing.push('…');
    }
    push(closing, false);
    pieces
}

pub(super) fn fragment_for(paragraph: &str, text: &str, span: (usize, usize)) -> String {
    match Quote::from_text(text, span.0, span.1) {
        Some(quote) => passage_fragment(paragraph, &quote),
        None => paragraph.to_string(),
    }
}

/// Whether every part stands in a text at a word's start: what counting needs, without marks.
/// A text all ASCII (most of a report) is folded as bytes into `buffer`, reused from one
/// paragraph to the next; any other is read as [`spans_of`] reads it.
pub(super) fn holds_all(text: &str, parts: &[Part], buffer: &mut String) -> bool {
    let needle = |p: &Part| p.phrase.clone().unwrap_or_else(|| p.words[0].clone());
    if !text.is_ascii() || parts.iter().any(|p| !needle(p).is_ascii()) {
        return spans_of(text, parts).is_some();
    }
    buffer.clear();
    for byte in text.bytes() {
        let c = if byte.is_ascii_whitespace() {
            ' '
        } else {
            char::from(byte.to_ascii_lowercase())
        };
        if !(c == ' ' && buffer.ends_with(' ')) {
            buffer.push(c);
        }
    }
    parts.iter().all(|part| {
        let needle = needle(part);
        buffer
            .match_indices(needle.as_str())
            .any(|(at, _)| at == 0 || !buffer.as_bytes()[at - 1].is_ascii_alphanumeric())
    })
}
