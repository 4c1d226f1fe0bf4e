//! Headings as a text export leaves them: a section's number and name on a line ("I.
//! Introduction", "أولاً - مقدمة"), a part's heading standing as a block ("Annex II", a
//! resolution's number and title), the named parts of a document ("Summary", "Contents"), a
//! heading written as a sentence's opening, and the headings of annotations to an agenda that
//! repeat an agenda item's number among the paragraphs.

use crate::report::markdown::SourceBlock;
use crate::report::model::{RichText, Span};

use super::numerals::other_script_section;
use super::parts::{part_heading, resolution_heading};
use super::segment::{Marker, Segment};
use super::text::*;
use crate::report::clauses::{ends_on_joining_word, is_signature, opens_like_a_capital};

/// The numbered headings of annotations to an agenda ("1. Organizational and procedural
/// matters", "2. Annual report …") repeat an agenda item's number among paragraphs that number on
/// through the document: a short line with no final stop whose number follows neither the number
/// before it nor leads to the one after is a heading, labelled with its number.
pub(super) fn numbered_headings(segments: &mut Vec<Segment>) {
    // The number of the last paragraph kept as one, since the last part began.
    let mut before: Option<u32> = None;
    let mut i = 0;
    while i < segments.len() {
        let n = match segments[i].marker {
            Marker::Number(n) => n,
            Marker::Part { .. } => {
                before = None;
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let after = segments[i + 1..]
            .iter()
            .take_while(|s| !matches!(s.marker, Marker::Part { .. }))
            .find_map(|s| match s.marker {
                Marker::Number(m) => Some(m),
                _ => None,
            });
        let follows = match before {
            Some(m) => n == m + 1,
            None => n == 1,
        };
        let leads = after.is_none_or(|m| m == n + 1);
        let goes_back = before.is_some_and(|m| n <= m);
        // The heading is its first line and those its words go on to ("… and" / "reports of").
        let lines = &segments[i].lines;
        let mut heading_lines = 1;
        while heading_lines < lines.len() && {
            let previous = lines[heading_lines - 1].plain();
            let next = lines[heading_lines].plain();
            ends_on_joining_word(&previous) || next.trim_start().starts_with(char::is_lowercase)
        } {
            heading_lines += 1;
        }
        let text = joined(&lines[..heading_lines]).plain();
        let text = text.trim();
        // A heading with text under it in the same segment is short: not a paragraph's first line.
        let short_lines = heading_lines == lines.len()
            || lines[..heading_lines]
                .iter()
                .all(|l| l.plain().chars().count() <= 85);
        let heading_like = short_lines
            && text.chars().count() <= 200
            && !text.ends_with(['.', ';', ':', ',', '،', '؛'])
            && !ends_on_joining_word(text)
            && text.starts_with(opens_like_a_capital);
        // The paragraph under it taking the same number ("2 - Election of officers", then
        // "2 - The Commission elects …") tells the heading even where its number follows.
        let same_number_next = after == Some(n) && heading_lines == lines.len();
        if ((!follows && (!leads || goes_back)) || same_number_next) && heading_like {
            let label = segments[i].written.clone().unwrap_or(format!("{n}."));
            let rest: Vec<RichText> = segments[i].lines.split_off(heading_lines);
            segments[i].marker = Marker::Heading {
                level: 3,
                label: Some(label),
            };
            if !rest.is_empty() {
                segments.insert(
                    i + 1,
                    Segment {
                        marker: Marker::None,
                        lines: rest,
                        written: None,
                    },
                );
            }
        } else {
            before = Some(n);
        }
        i += 1;
    }
}

/// A block that is a part's heading as a whole: "Annex II", an annex's title over two lines
/// ("Annex to the letter dated … addressed to the Secretary-General"), a resolution's number and
/// title ("36/1. Freedom of opinion and expression").
pub(super) fn part_block(block: &SourceBlock) -> Option<Segment> {
    if block.item_number.is_some() || block.lines.len() > 4 {
        return None;
    }
    // A part's word on the block's first line has its heading there; the lines under it are
    // read line by line (an annex's own title, or the rest of a letter's, matched to it later).
    let is_heading = matches!(block.kind, crate::report::markdown::SourceKind::Heading(_));
    if !is_heading && block.lines.len() > 1 && part_heading(&block.lines[0].plain()).is_some() {
        return None;
    }
    let text = joined(&block.lines);
    let plain = text.plain();
    if plain.chars().count() > 400 {
        return None;
    }
    let (marker, text) = match part_heading(&plain) {
        Some(part) => (Marker::Part { part, label: None }, text),
        None => {
            let (part, label, shown) = resolution_heading(&plain)?;
            let text = match &label {
                // The label is the number as written; the heading's text is what follows it.
                Some(label) => strip_written_label(&text, label)
                    .unwrap_or_else(|| RichText(vec![Span::plain(shown)])),
                None => text,
            };
            (Marker::Part { part, label }, text)
        }
    };
    Some(Segment {
        marker,
        lines: vec![text.trim()],
        written: None,
    })
}

/// The text after a label written at its start ("36/1." of "36/1. Freedom of …"), styles kept.
pub(super) fn strip_written_label(text: &RichText, label: &str) -> Option<RichText> {
    let first = text.spans().first()?;
    let rest = first.text.trim_start().strip_prefix(label)?;
    let mut out = text.clone();
    out.0[0].text = rest.to_string();
    Some(out.trim())
}

/// The parts of a document that carry no number but a name of their own, in the six languages
/// of the United Nations: a line that is one of these (an annex with its number) is a heading.
pub(super) const SECTION_WORDS: [&str; 19] = [
    "summary",
    "contents",
    "index",
    "annex",
    "résumé",
    "table des matières",
    "annexe",
    "resumen",
    "índice",
    "anexo",
    "резюме",
    "содержание",
    "приложение",
    "موجز",
    "المحتويات",
    "المرفق",
    "摘要",
    "目录",
    "附件",
];

pub(super) fn section_word(line: &RichText) -> Option<RichText> {
    let plain = line.plain();
    let text = plain.trim().trim_end_matches([':', '.']);
    let lower = text.to_lowercase();
    let (word, rest) = SECTION_WORDS
        .iter()
        .find_map(|w| lower.strip_prefix(w).map(|rest| (*w, rest.trim())))?;
    let numbered = rest.is_empty()
        || (rest.len() <= 5 && rest.chars().all(|c| c.is_ascii_alphanumeric()) && word.len() > 4);
    numbered.then(|| RichText(vec![Span::plain(text)]))
}

/// "I. Introduction" or "A. Background" standing alone on a line is a section heading.
pub(super) fn heading_line(line: &RichText) -> Option<(u8, String, RichText)> {
    let plain = line.plain();
    if let Some((label, text)) = other_script_section(&plain) {
        return (text.chars().count() <= 100 && !text.ends_with(['.', ';', ',', ':', '،', '؛']))
            .then(|| (2, label, RichText(vec![Span::plain(text)])));
    }
    let (label, rest) = plain.split_once(". ")?;
    let rest = rest.trim();
    let level = if !label.is_empty() && label.chars().all(|c| "IVXLC".contains(c)) {
        2
    } else if label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase()) {
        3
    } else {
        return None;
    };
    // Chinese has no capitals: any of its characters may open a heading ("A. 数字农业").
    let heading_like = rest.chars().count() <= 100
        && rest.starts_with(opens_like_a_capital)
        && !rest.ends_with(['.', ';', ',', ':']);
    let (_, text) = split_heading_label(line);
    heading_like.then(|| (level, format!("{label}."), text))
}

/// Splits "I. Introduction" into its label and text; headings without a label keep all their text.
pub(super) fn split_heading_label(line: &RichText) -> (Option<String>, RichText) {
    let plain = line.plain();
    let Some((label, _)) = plain.split_once(". ") else {
        return (None, line.clone());
    };
    let is_label = !label.is_empty()
        && (label.chars().all(|c| "IVXLC".contains(c))
            || (label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase())));
    let Some(first) = line
        .spans()
        .first()
        .filter(|s| is_label && s.text.starts_with(label))
    else {
        return (None, line.clone());
    };
    let mut text = line.clone();
    text.0[0].text = first.text[label.len() + 1..].to_string();
    (Some(format!("{label}.")), text.trim())
}

/// A heading written as a sentence's opening ("Date and venue of the session", "Selection and
/// appointment of mandate holders"): a few words, a capital first, no stop, no clause.
pub(super) fn is_sentence_case_heading(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    (1..=12).contains(&words)
        && text.chars().count() <= 90
        && text.starts_with(char::is_uppercase)
        && !text.ends_with(['.', ',', ';', ':', '،', '؛', ']'])
        && !ends_on_joining_word(text)
        && !text.contains(". ")
        && !is_signature(text)
}
