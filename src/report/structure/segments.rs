//! Blocks cut into segments, each with the marker it opens with: a paragraph number, a
//! sub-paragraph's letter, a section heading (numbered, lettered or named), a preamble clause.

use crate::report::markdown::{SourceBlock, SourceKind};
use crate::report::model::{RichText, Span};

use super::headings::*;
use super::numerals::*;
use super::parts::{part_heading, resolution_heading};
use super::segment::*;
use super::text::*;
use crate::report::clauses::{
    ends_on_joining_word, is_meeting_line, is_signature, opens_operative, opens_preamble,
};
use crate::report::cover::names_only;

/// Splits source blocks where a line opens a new paragraph: a Markdown list item, or a line that
/// starts with a paragraph number or sub-paragraph marker (wrapped text puts those mid-block).
pub(super) fn segments(blocks: &[SourceBlock]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut last_number: Option<u32> = None;
    for (b, block) in blocks.iter().enumerate() {
        // Markdown reads a year alone at the start of a wrapped line ("February" / "2026.") as an
        // empty list item: it is text.
        let year_alone;
        let block = match (block.item_number, block.lines.is_empty()) {
            (Some(n), true) => {
                year_alone = SourceBlock {
                    kind: block.kind.clone(),
                    item_number: Some(n),
                    lines: vec![RichText::default()],
                };
                &year_alone
            }
            (None, true) => continue,
            _ => block,
        };
        // The block after this one opens with a paragraph number (Markdown took it for a list).
        let next_block_numbered = blocks.get(b + 1).is_some_and(|next| {
            next.item_number
                .is_some_and(|n| plausible_next(n, last_number))
        });
        // A heading as such (Markdown's, or Word's heading styles) may open a part: "Annex II",
        // "61/1. Rights of older persons".
        let heading = matches!(block.kind, SourceKind::Heading(_));
        if let Some(part) = part_block(block).filter(|_| heading) {
            out.push(part);
            last_number = None;
            continue;
        }
        if let SourceKind::Heading(level) = block.kind {
            let (label, text) = split_heading_label(&joined(&block.lines));
            out.push(Segment::heading(level, label, text));
            continue;
        }
        if let Some(part) = part_block(block) {
            out.push(part);
            // A part numbers its paragraphs from 1 again.
            last_number = None;
            continue;
        }
        if block.item_number.is_none() && block.lines.len() == 1 {
            if let Some((level, label, text)) = heading_line(&block.lines[0]) {
                out.push(Segment::heading(level, Some(label), text));
                continue;
            }
        }
        // Lines a heading found inside the block has taken (a title wrapped onto them).
        let mut taken_until = 0;
        for (i, line) in block.lines.iter().enumerate() {
            if i < taken_until {
                continue;
            }
            // A resolution's number and title atop its text ("61/1. Rights of older persons",
            // then "The Human Rights Council,"), its title going on in small letters.
            // After a line that ends a sentence, or a bracketed one ("[on the recommendation of
            // the Commission (E/2026/30)]"), or a heading, or just above its subject.
            let after_sentence = i == 0
                || ends_sentence(&block.lines[i - 1].plain())
                || block.lines[i - 1].plain().trim_end().ends_with(']')
                || matches!(
                    out.last().map(|s| &s.marker),
                    Some(Marker::Heading { .. } | Marker::Part { .. })
                )
                || block.lines.get(i + 1).is_some_and(is_subject);
            if after_sentence && block.item_number.is_none() {
                if let Some((part, label, shown)) = resolution_heading(&line.plain()) {
                    let mut text = match &label {
                        Some(label) => strip_written_label(line, label)
                            .unwrap_or_else(|| RichText(vec![Span::plain(shown)])),
                        None => line.clone(),
                    };
                    taken_until = i + 1;
                    // Its title goes on in small letters, or up to its subject a line or two
                    // below ("… for the 2030" / "Agenda for Sustainable Development" / "The
                    // Economic and Social Council,").
                    let subject_at = (i + 1..(i + 4).min(block.lines.len()))
                        .find(|&j| is_subject(&block.lines[j]));
                    while let Some(next) = block.lines.get(taken_until).filter(|l| {
                        l.plain().trim_start().starts_with(char::is_lowercase)
                            || subject_at.is_some_and(|j| taken_until < j)
                    }) {
                        text.join_line(next);
                        taken_until += 1;
                    }
                    out.push(Segment {
                        marker: Marker::Part { part, label },
                        lines: vec![text],
                        written: None,
                    });
                    last_number = None;
                    continue;
                }
            }
            // A section heading on a line of its own inside a block, as text exports leave it:
            // "Summary" above its text, or "II. Activities" right above paragraph 3.
            // Headings are short: longer lines are not looked at for one.
            let short = line.spans().iter().map(|s| s.text.len()).sum::<usize>() <= 160;
            if short && (block.item_number.is_none() || i > 0) {
                if let Some(part) = part_heading(&line.plain()) {
                    out.push(Segment {
                        marker: Marker::Part { part, label: None },
                        lines: vec![line.clone().trim()],
                        written: None,
                    });
                    last_number = None;
                    continue;
                }
                if let Some(word) = section_word(line) {
                    out.push(Segment::heading(2, None, word));
                    continue;
                }
                let numbered_next = match block.lines.get(i + 1) {
                    Some(next) => {
                        matches!(
                            line_marker(next, true, last_number),
                            Some((Marker::Number(_), _, _))
                        ) || resolution_heading(&next.plain()).is_some()
                    }
                    None => next_block_numbered,
                };
                // A section numbered in roman figures between two sentences of running text.
                let roman_between = (i > 0 || block.lines.len() > 1)
                    && (i == 0
                        || block.lines.get(i - 1).is_some_and(|p| {
                            ends_sentence(&p.plain()) || p.plain().chars().count() < 60
                        }))
                    && (line.plain().split_once(". ").is_some_and(|(label, rest)| {
                        !label.is_empty()
                            && label.chars().all(|c| "IVXLC".contains(c))
                            && rest.chars().count() <= 60
                    }) || other_script_section(&line.plain())
                        .is_some_and(|(_, rest)| rest.chars().count() <= 60));
                if numbered_next || roman_between {
                    if let Some((level, label, text)) = heading_line(line) {
                        out.push(Segment::heading(level, Some(label), text));
                        continue;
                    }
                }
                // A section heading wrapped onto a second, short line, right above a paragraph:
                // "I. Matters calling for action by … of the General" / "Assembly".
                let wrapped_above_numbered = block.lines.get(i + 1).is_some_and(|next| {
                    let plain = next.plain();
                    plain.chars().count() <= 60
                        && !ends_sentence(&plain)
                        && line_marker(next, true, last_number).is_none()
                        && heading_line(next).is_none()
                }) && match block.lines.get(i + 2) {
                    Some(after) => matches!(
                        line_marker(after, true, last_number),
                        Some((Marker::Number(_), _, _))
                    ),
                    None => next_block_numbered,
                };
                if wrapped_above_numbered {
                    let mut whole = line.clone();
                    whole.join_line(&block.lines[i + 1]);
                    if let Some((level, label, text)) = heading_line(&whole) {
                        out.push(Segment::heading(level, Some(label), text));
                        taken_until = i + 2;
                        continue;
                    }
                }
                // A heading without a label right above paragraph 1, in the same block as what
                // came before it (the place and date of a title page): "Introduction".
                let opens_numbering = match block.lines.get(i + 1) {
                    Some(next) => matches!(
                        line_marker(next, true, None),
                        Some((Marker::Number(1), _, _))
                    ),
                    None => blocks.get(b + 1).is_some_and(|n| n.item_number == Some(1)),
                };
                if opens_numbering
                    && (i > 0 || last_number.is_some())
                    && !line
                        .plain()
                        .trim_end()
                        .ends_with([',', ';', ':', '.', '،', '؛'])
                    && (names_only(&line.plain()) || is_sentence_case_heading(&line.plain()))
                    && !(i > 0 && ends_on_joining_word(&block.lines[i - 1].plain()))
                {
                    out.push(Segment::heading(2, None, line.clone()));
                    continue;
                }
            }
            // Under a heading, a block may number its paragraphs from 1 again (the body after an
            // agenda, a report's part two).
            let after_heading = out.last().is_some_and(|last| match last.marker {
                Marker::Heading { .. } | Marker::Part { .. } => true,
                // A line alone that reads as a heading ("Signature events of the presidency").
                Marker::None => {
                    i == 0
                        && last.lines.len() == 1
                        && is_sentence_case_heading(&last.lines[0].plain())
                }
                _ => false,
            });
            let opens_with_one = match (i, block.item_number) {
                (0, Some(n)) => n == 1,
                _ => matches!(
                    line_marker(line, true, None),
                    Some((Marker::Number(1), _, _))
                ),
            };
            let last_number_here = if after_heading && opens_with_one {
                None
            } else {
                last_number
            };
            let item = block
                .item_number
                .filter(|&n| i == 0 && plausible_next(n, last_number_here));
            let line = &match block.item_number {
                // Markdown took a year at the start of a wrapped line ("2025. It") for a list item.
                Some(n) if i == 0 && item.is_none() => prefixed(line, &format!("{n}. ")).trim(),
                _ => line.clone(),
            };
            let opening = item.map(|n| (Marker::Number(n), line.clone(), None));
            let opening = opening.or_else(|| {
                line_marker(line, i == 0, last_number_here)
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
                        && !stands_apart(block, i)
                        && !matches!(
                            segment.marker,
                            Marker::Heading { .. } | Marker::Part { .. }
                        )
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

/// Whether line `i` of a block is a paragraph of its own whatever comes before it: a letter's
/// signature, the signatory's title under it, a resolution's closing meeting line, a note in
/// brackets.
fn stands_apart(block: &SourceBlock, i: usize) -> bool {
    let line = block.lines[i].plain();
    let after_signature = i
        .checked_sub(1)
        .is_some_and(|above| is_signature(&block.lines[above].plain()));
    // An editorial note in brackets after a sentence: "(The Declaration is attached as Annex.)".
    let bracketed = line.starts_with('(')
        && line.trim_end().ends_with(')')
        && i.checked_sub(1)
            .is_some_and(|above| ends_sentence(&block.lines[above].plain()));
    is_signature(&line) || is_meeting_line(&line) || after_signature || bracketed
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
        // Arabic texts write a dash after the number, spaced: "1 - يرحب", "١ - ".
        let arabic_dash = [" - ", " – ", "- ", "– "]
            .iter()
            .find(|d| {
                rest.strip_prefix(**d).is_some_and(|after| {
                    after.starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c))
                })
            })
            .map(|d| d.trim_end().len());
        if digits.is_empty()
            || digits.chars().count() > 4
            || !(rest.starts_with('.') || arabic_dash.is_some())
        {
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
        (Marker::Number(n), digits + arabic_dash.unwrap_or(1))
    };
    let after = text.get(consumed..)?;
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let mut rest = line.clone();
    rest.0[0].text = after.to_string();
    Some((marker, rest.trim(), text[..consumed].trim().to_string()))
}

/// The subject of a resolution, on a line of its own: "The Economic and Social Council,",
/// "Le Conseil des droits de l’homme,".
fn is_subject(line: &RichText) -> bool {
    let text = line.plain();
    let text = text.trim();
    text.split_whitespace().count() <= 8
        && !text.chars().any(|c| c.is_ascii_digit())
        && text.starts_with(char::is_uppercase)
        && text.ends_with([',', '،'])
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
    // A footnote's reference after the clause's comma ("… Rights,2") leaves it ended.
    let ended = |l: &RichText| {
        without_references(l)
            .trim_end()
            .ends_with([',', ';', ':', '.', '،', '؛'])
    };
    let text = line.plain();
    // A subject names a body, with no number in it ("June 2025," ends a wrapped date).
    let subject = text.split_whitespace().count() <= 8
        && !text.chars().any(|c| c.is_ascii_digit())
        && (text.starts_with(char::is_uppercase) || text.starts_with("إن "))
        && text.trim_end().ends_with([',', '،'])
        && !previous.is_some_and(ended)
        && next.is_none_or(|n| opens_preamble(&n.plain()));
    subject || (previous.is_some_and(ended) && (opens_preamble(&text) || opens_operative(&text)))
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
    // A clause that ended on its comma, then a capital: the next clause ("…societies," /
    // "Solemnly proclaims the present Declaration:").
    let clause_ended = last_word.ends_with([',', ';', '،', '؛']);
    first.is_lowercase()
        || last_word.ends_with('-')
        || (last_word.starts_with(char::is_lowercase) && !clause_ended)
}
