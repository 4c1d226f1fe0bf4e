//! Blocks cut into segments, each with the marker it opens with: a paragraph number, a
//! sub-paragraph's letter, a section heading (numbered, lettered or named), a preamble clause.

use crate::report::markdown::{SourceBlock, SourceKind};
use crate::report::model::{RichText, Span};

use super::numerals::*;
use super::text::*;

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

/// Splits source blocks where a line opens a new paragraph: a Markdown list item, or a line that
/// starts with a paragraph number or sub-paragraph marker (wrapped text puts those mid-block).
pub(super) fn segments(blocks: &[SourceBlock]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut last_number: Option<u32> = None;
    for block in blocks {
        if let SourceKind::Heading(level) = block.kind {
            let (label, text) = split_heading_label(&joined(&block.lines));
            out.push(Segment::heading(level, label, text));
            continue;
        }
        if block.item_number.is_none() && block.lines.len() == 1 {
            if let Some((level, label, text)) = heading_line(&block.lines[0]) {
                out.push(Segment::heading(level, Some(label), text));
                continue;
            }
        }
        for (i, line) in block.lines.iter().enumerate() {
            // A section heading on a line of its own inside a block, as text exports leave it:
            // "Summary" above its text, or "II. Activities" right above paragraph 3.
            // Headings are short: longer lines are not looked at for one.
            let short = line.spans().iter().map(|s| s.text.len()).sum::<usize>() <= 160;
            if short && (block.item_number.is_none() || i > 0) {
                if let Some(word) = section_word(line) {
                    out.push(Segment::heading(2, None, word));
                    continue;
                }
                let numbered_next = block.lines.get(i + 1).is_some_and(|next| {
                    matches!(
                        line_marker(next, true, last_number),
                        Some((Marker::Number(_), _, _))
                    )
                });
                // A section numbered in roman figures between two sentences of running text.
                let roman_between = (i > 0 || block.lines.len() > 1)
                    && (i == 0
                        || block.lines.get(i - 1).is_some_and(|p| {
                            ends_sentence(&p.plain()) || p.plain().chars().count() < 60
                        }))
                    && line.plain().split_once(". ").is_some_and(|(label, rest)| {
                        !label.is_empty()
                            && label.chars().all(|c| "IVXLC".contains(c))
                            && rest.chars().count() <= 60
                    });
                if numbered_next || roman_between {
                    if let Some((level, label, text)) = heading_line(line) {
                        out.push(Segment::heading(level, Some(label), text));
                        continue;
                    }
                }
            }
            let item = block
                .item_number
                .filter(|&n| i == 0 && plausible_next(n, last_number));
            let line = &match block.item_number {
                // Markdown took a year at the start of a wrapped line ("2025. It") for a list item.
                Some(n) if i == 0 && item.is_none() => prefixed(line, &format!("{n}. ")),
                _ => line.clone(),
            };
            let opening = item.map(|n| (Marker::Number(n), line.clone(), None));
            let opening = opening.or_else(|| {
                line_marker(line, i == 0, last_number)
                    .map(|(m, rest, written)| (m, rest, Some(written)))
            });
            match (opening, out.last_mut()) {
                (Some((marker, rest, written)), _) => {
                    if let Marker::Number(n) = marker {
                        last_number = Some(n);
                    }
                    out.push(Segment {
                        marker,
                        lines: vec![rest],
                        written,
                    });
                }
                (None, Some(segment))
                    if (i > 0 || block.item_number.is_some())
                        && !matches!(segment.marker, Marker::Heading { .. })
                        && !starts_clause(
                            block.lines.get(i.wrapping_sub(1)),
                            line,
                            block.lines.get(i + 1),
                        ) =>
                {
                    segment.lines.push(line.clone())
                }
                (None, _) => out.push(Segment {
                    marker: Marker::None,
                    lines: vec![line.clone()],
                    written: None,
                }),
            }
        }
    }
    out
}

/// A paragraph number or sub-paragraph marker at the start of a line, and the line without it.
/// Inside a block only the next number counts, so that "2025. The" in wrapped text stays text.
pub(super) fn line_marker(
    line: &RichText,
    starts_block: bool,
    last_number: Option<u32>,
) -> Option<(Marker, RichText, String)> {
    let first = line.spans().first()?;
    if first.style.code {
        return None;
    }
    let text = first.text.as_str();
    // "a)" and "ii)", as French, Spanish and Russian texts write sub-paragraphs.
    let bare = text.find(") ").filter(|&close| {
        let inner = &text[..close];
        (1..=4).contains(&inner.chars().count())
            && inner.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
    });
    let (marker, consumed) = if let Some(close) = bare {
        (Marker::Sub(text[..close].to_string()), close + 1)
    } else if let Some(open) = text.strip_prefix('(') {
        let close = open.find(')')?;
        let inner = &open[..close];
        let marker =
            if (1..=5).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_alphabetic()) {
                inner.to_ascii_lowercase()
            } else {
                // An Arabic sub-paragraph letter, in the order Arabic texts letter them: (أ) is (a).
                arabic_letter(inner)?.to_string()
            };
        (Marker::Sub(marker), close + 2)
    } else {
        // Paragraph numbers in Western, Arabic-Indic or Persian digits: "8.", "٨.", "۸.".
        let digits: String = text
            .chars()
            .take_while(|c| digit_value(*c).is_some())
            .collect();
        let rest = &text[digits.len()..];
        if digits.is_empty() || digits.chars().count() > 4 || !rest.starts_with('.') {
            return None;
        }
        let n: u32 = digits
            .chars()
            .try_fold(0u32, |n, c| Some(n * 10 + digit_value(c)?))?;
        let digits = digits.len();
        let plausible = match last_number {
            None => starts_block || n == 1,
            Some(last) => n == last + 1 || (starts_block && plausible_next(n, last_number)),
        };
        if !plausible {
            return None;
        }
        (Marker::Number(n), digits + 1)
    };
    let after = text.get(consumed..)?;
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let mut rest = line.clone();
    rest.0[0].text = after.to_string();
    Some((marker, rest.trim(), text[..consumed].trim().to_string()))
}

/// The parts of a document that carry no number but a name of their own, in the six languages
/// of the United Nations: a line that is one of these (an annex with its number) is a heading.
pub(super) const SECTION_WORDS: [&str; 18] = [
    "summary",
    "contents",
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
    let heading_like = rest.chars().count() <= 100
        && rest.starts_with(|c: char| c.is_uppercase())
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

/// Whether a line inside a block starts a paragraph of a resolution's preamble, which text
/// exports run together without a blank line: the subject ("The General Assembly,") before its
/// first clause, or a clause opening with its participle ("Recalling", "Rappelant",
/// "Recordando", "Ссылаясь", "إذ تشير") after one that ended.
pub(super) fn starts_clause(
    previous: Option<&RichText>,
    line: &RichText,
    next: Option<&RichText>,
) -> bool {
    let ended = |l: &RichText| {
        l.plain()
            .trim_end()
            .ends_with([',', ';', ':', '.', '،', '؛'])
    };
    let text = line.plain();
    let subject = text.split_whitespace().count() <= 8
        && (text.starts_with(char::is_uppercase) || text.starts_with("إن "))
        && text.trim_end().ends_with([',', '،'])
        && !previous.is_some_and(ended)
        && next.is_none_or(|n| opens_preamble(&n.plain()));
    subject || (previous.is_some_and(ended) && opens_preamble(&text))
}

/// The opening of a preambular paragraph: a participle or an adjective of concern, in the
/// languages resolutions are adopted in ("Recalling", "Deeply concerned", "Rappelant",
/// "Convaincue", "Reconociendo", "Ссылаясь", "وإذ تؤكد").
pub(crate) fn opens_preamble(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches([',', '،']);
    if ["إذ", "وإذ"].contains(&first) {
        return true;
    }
    if !first.starts_with(char::is_uppercase) || first.chars().count() < 5 {
        return false;
    }
    // A clause goes on in small letters ("Recalling its", "Deeply concerned"); a name does not
    // ("Assistant Secretary-General").
    if words
        .next()
        .is_some_and(|second| second.starts_with(char::is_uppercase))
    {
        return false;
    }
    let lower = first.to_lowercase();
    const ADJECTIVES: [&str; 14] = [
        "concerned",
        "convinced",
        "mindful",
        "aware",
        "deeply",
        "gravely",
        "alarmed",
        "conscious",
        "determined",
        "guided",
        "bearing",
        "profondément",
        "convaincu",
        "préoccupé",
    ];
    let participle = (lower.ends_with("ing")
        && !["during", "nothing", "something", "king"].contains(&lower.as_str()))
        || ["ant", "ando", "iendo", "ая", "яя", "ясь"]
            .iter()
            .any(|e| lower.ends_with(e))
        || (lower.ends_with('я') && first.chars().all(|c| c.is_alphabetic() && !c.is_ascii()));
    participle || ADJECTIVES.iter().any(|a| lower.starts_with(a))
}

/// Whether `next` carries on the sentence that `previous` left unfinished, as the two halves of a
/// paragraph cut by a page break do.
pub(super) fn continues(previous: &str, next: &str) -> bool {
    if ends_sentence(previous) || opens_preamble(next) {
        return false;
    }
    let Some(first) = next.trim_start().chars().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    let last_word = previous.split_whitespace().last().unwrap_or_default();
    first.is_lowercase()
        || last_word.ends_with([',', '-'])
        || last_word.starts_with(char::is_lowercase)
}
