//! Footnotes at the foot of a page, found by the number of the next footnote glued to a word
//! above them, taken out of the text to its end as Markdown footnotes.

use super::furniture::*;
use super::lines::*;

/// The label a footnote's line starts with, and its text (empty when the number stands alone,
/// as exports often leave it above its text): "3 A/HRC/56/7, para. 2.", "³ See …", "3".
pub(super) fn footnote_start(text: &str) -> Option<(String, &str)> {
    let digits: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(*c))
        .collect();
    let rest = &text[digits.len()..];
    // "1 - " numbers an Arabic text's paragraph, never a note.
    let paragraph_number = rest.starts_with(" - ") || rest.starts_with(" – ");
    if !(rest.is_empty() || rest.starts_with(' ')) || paragraph_number {
        return None;
    }
    let label: String = digits
        .chars()
        .map(|c| match "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c) {
            Some(n) => char::from(b'0' + n as u8),
            None => c,
        })
        .collect();
    (1..=3)
        .contains(&label.len())
        .then_some((label, rest.trim()))
}

/// Where each page starts: at a form feed, and after the furniture that ends a page.
pub(super) fn page_starts(lines: &[Line]) -> Vec<usize> {
    let mut starts = vec![0];
    for i in 1..lines.len() {
        let after_furniture = lines[i].kind == Kind::Text
            && lines[..i]
                .iter()
                .rev()
                .find(|l| l.kind != Kind::Blank)
                .is_some_and(|l| l.kind == Kind::Furniture);
        if lines[i].page_starts || after_furniture {
            starts.push(i);
        }
    }
    starts.dedup();
    starts
}

/// Takes the footnotes out of the pages, linking each to the number glued to a word above it
/// on its page, and returns them (label, text) in order. Footnotes are numbered through the
/// document, so each page's can only start with the next number.
pub(super) fn take_footnotes(lines: &mut [Line]) -> Vec<(String, String)> {
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut next = 1u32;
    let starts = page_starts(lines);
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        take_star_notes(lines, start, end, &mut notes);
        // The first line of the page that starts footnote `next` with a reference to it above.
        let first = (start..end).find(|&i| {
            matches!(lines[i].kind, Kind::Text | Kind::MaybePageNumber)
                && footnote_start(&lines[i].text)
                    .is_some_and(|(label, _)| label == next.to_string())
                && find_reference(&lines[start..i], &next.to_string()).is_some()
        });
        let Some(first) = first else { continue };
        let mut here: Vec<(String, String)> = Vec::new();
        for i in first..end {
            let line = &lines[i];
            if !matches!(
                line.kind,
                Kind::Text | Kind::MaybePageNumber | Kind::FootnoteRule
            ) {
                continue;
            }
            let label = footnote_start(&line.text).filter(|(label, _)| {
                *label == next.to_string() && find_reference(&lines[start..first], label).is_some()
            });
            match label {
                Some((label, text)) => {
                    here.push((label, text.to_string()));
                    next += 1;
                }
                // A number with no reference above (the page's own number) is not a footnote.
                None if line.kind == Kind::MaybePageNumber
                    || page_of(&line.text.to_lowercase()).is_some() =>
                {
                    continue
                }
                None if line.kind == Kind::FootnoteRule => {}
                // The text of the footnote above, or more of it.
                None if starts_block(&line.text) => break,
                None => {
                    let (_, text) = here.last_mut().expect("the first line starts a footnote");
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&line.text);
                }
            }
            lines[i].kind = Kind::Footnote;
        }
        for (label, text) in here {
            let reference =
                find_reference(&lines[start..first], &label).map(|(i, at)| (start + i, at));
            if let Some((i, at)) = reference {
                lines[i]
                    .text
                    .replace_range(at..at + label.len(), &format!("[^{label}]"));
            }
            notes.push((label, text));
        }
    }
    // A rule of underscores with no footnote under it is a rule of the text's own.
    for line in lines.iter_mut().filter(|l| l.kind == Kind::FootnoteRule) {
        line.kind = if notes.is_empty() {
            Kind::Text
        } else {
            Kind::Footnote
        };
    }
    notes
}

/// The asterisk notes at the foot of a page ("* A/81/50.", "** Reissued for technical
/// reasons"), outside the footnotes' numbering, each called by its stars glued to a word above
/// it ("preliminary list*"). A star with no call above is text.
fn take_star_notes(
    lines: &mut [Line],
    start: usize,
    end: usize,
    notes: &mut Vec<(String, String)>,
) {
    let mut i = start;
    while i < end {
        let stars = star_label(&lines[i].text);
        let Some((label, text)) = stars.filter(|_| lines[i].kind == Kind::Text) else {
            i += 1;
            continue;
        };
        let Some((at_line, at)) = find_reference(&lines[start..i], &label) else {
            i += 1;
            continue;
        };
        let (label, mut text) = (label, text.to_string());
        lines[i].kind = Kind::Footnote;
        // Its text may go on below, up to the next note or the foot of the page.
        let mut j = i + 1;
        while j < end && text.is_empty() && lines[j].kind == Kind::Blank {
            j += 1;
        }
        while j < end
            && lines[j].kind == Kind::Text
            && star_label(&lines[j].text).is_none()
            && footnote_start(&lines[j].text).is_none()
            && !starts_block(&lines[j].text)
        {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&lines[j].text);
            lines[j].kind = Kind::Footnote;
            j += 1;
        }
        let line = &mut lines[start + at_line].text;
        line.replace_range(at..at + label.len(), &format!("[^{label}]"));
        notes.push((label, text));
        i = j;
    }
}

/// "* A/81/50." or "** Reissued …": the stars and the note's text.
fn star_label(text: &str) -> Option<(String, &str)> {
    let stars = text.chars().take_while(|c| *c == '*').count();
    let rest = &text[stars..];
    // The stars may stand alone, their text on the line below (as exports set a raised mark),
    // or be glued to their text, as a PDF's raised star comes out ("*A/81/50。"); never with a
    // star at the end too, as a barcode's digits or emphasis are set.
    let spaced = rest.starts_with(' ') && rest.trim().len() > 1;
    let glued = rest.chars().count() > 1 && !rest.ends_with('*');
    ((1..=3).contains(&stars) && (rest.is_empty() || spaced || glued))
        .then(|| ("*".repeat(stars), rest.trim()))
}

/// A line that opens a paragraph, a sub-paragraph or a section, which a footnote never does.
pub(super) fn starts_block(text: &str) -> bool {
    starts_numbered(text)
        || text.starts_with('(')
            && text[1..]
                .split_once(") ")
                .is_some_and(|(m, _)| m.len() <= 4)
}

/// The last number glued to a word in these lines as a reference to footnote `label`: the
/// line's index and where the number starts in it.
/// Where the page sets its footnotes under a rule, a reference may also be written spaced, as
/// a text export leaves a raised number ("organizations 1.").
pub(super) fn find_reference(lines: &[Line], label: &str) -> Option<(usize, usize)> {
    let ruled = lines.iter().any(|l| l.kind == Kind::FootnoteRule);
    let find = |accept: &dyn Fn(&str, usize) -> bool| {
        lines
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, l)| l.kind == Kind::Text)
            .find_map(|(i, line)| {
                line.text
                    .match_indices(label)
                    .map(|(at, _)| at)
                    .filter(|&at| accept(&line.text, at))
                    .last()
                    .map(|at| (i, at))
            })
    };
    find(&|text, at| glued_reference(text, at, label)).or_else(|| {
        ruled
            .then(|| find(&|text, at| spaced_reference(text, at, label)))
            .flatten()
    })
}

/// Words a number follows as its own, not as a footnote's call: "paragraph 1.", "item 3,".
const NUMBERED_WORDS: [&str; 24] = [
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "resolution",
    "resolutions",
    "decision",
    "item",
    "items",
    "annex",
    "chapter",
    "article",
    "articles",
    "no",
    "page",
    "pages",
    "section",
    "rule",
    "part",
    "goal",
    "target",
    "session",
    "table",
    "figure",
];

/// A number set apart from the word before it, then a stop or a comma: "organizations 1.".
fn spaced_reference(text: &str, at: usize, label: &str) -> bool {
    let before = &text[..at];
    let Some(word) = before
        .strip_suffix(' ')
        .and_then(|b| b.split_whitespace().last())
    else {
        return false;
    };
    let rest = &text[at + label.len()..];
    let closes = rest.is_empty()
        || (rest.starts_with(['.', ',', ';', ':'])
            && rest[1..].chars().next().is_none_or(char::is_whitespace));
    word.chars().all(char::is_alphabetic)
        && !NUMBERED_WORDS.contains(&word.to_lowercase().as_str())
        && closes
}

/// Abbreviations a number follows after their point, in symbols and references.
const ABBREVIATIONS: [&str; 12] = [
    "add", "rev", "corr", "amend", "suppl", "no", "para", "paras", "vol", "art", "chap", "sect",
];

/// Whether a number at `at` in `text` is glued to the word before it as a footnote reference:
/// after a letter, or after punctuation that follows a letter (`records.3`, `States,2`,
/// `“text”4`), and not part of a larger number, a symbol (`56/7`) or a decimal.
pub(super) fn glued_reference(text: &str, at: usize, label: &str) -> bool {
    let before: Vec<char> = text[..at].chars().rev().take(2).collect();
    let after = text[at + label.len()..].chars().next();
    let rest = &text[at + label.len()..];
    // After a sentence that ends with a number ("resolution 52/9.1"), only where a sentence or
    // the line ends next: "paragraph 5.2 above" is a number.
    let ends_here = rest.trim_start().is_empty()
        || (rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase));
    // "Add.1", "Rev.2", "No. 12": a symbol's or a number's own, after its abbreviation.
    let word_before: String = text[..at]
        .trim_end_matches('.')
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if text[..at].ends_with('.') && ABBREVIATIONS.contains(&word_before.to_lowercase().as_str()) {
        return false;
    }
    // French sets a space before ";", ":", "?" and "!": "du trafic ;2".
    let spaced: Vec<char> = text[..at].chars().rev().take(3).collect();
    let french = matches!(spaced.as_slice(), [p, ' ' | '\u{a0}' | '\u{202f}', c] if ";:?!".contains(*p) && c.is_alphabetic());
    let glued = french
        || match before.as_slice() {
            [c, ..] if c.is_alphabetic() => true,
            [p, c, ..]
                if ".,;:)”’\"]".contains(*p) && (c.is_alphabetic() || ")”’\"".contains(*c)) =>
            {
                true
            }
            ['.', c, ..] if c.is_ascii_digit() => ends_here,
            _ => false,
        };
    // Chinese goes on at once after the call, with its punctuation ("资料1，", "技术2。"), or
    // after a star with its text ("清单*项目"); a number before a character is the text's own
    // ("目标2的": goal 2).
    let cjk = |c: char| {
        crate::report::model::is_cjk(c) && (!c.is_alphanumeric() || label.starts_with('*'))
    };
    glued
        && after.is_none_or(|c| {
            c.is_whitespace()
                || cjk(c)
                || ".,;:)".contains(c)
                    && !text[at + label.len() + 1..].starts_with(|d: char| d.is_ascii_digit())
        })
}
