//! A paragraph's lines met again across what stood between them (a footnote's number, furniture,
//! a page break), and paragraphs parted where an export without the layout ran them together.

use super::lines::*;
use crate::report::clauses::{
    ends_on_joining_word, is_signature, opens_like_a_capital, opens_operative, opens_preamble,
};
use crate::report::model::is_cjk;

/// Takes away the blank lines an export leaves inside a paragraph (around a raised footnote
/// number, or where furniture stood): after a line of the text's full width that does not end
/// a sentence, the paragraph goes on, since wrapped text fills its lines. Across a page break,
/// in a report whose paragraphs are numbered, a full line that ends a sentence goes on too when
/// the next page opens with neither a number, a marker nor a heading: a new paragraph of such
/// a report would start with one (`after_page_break` says where pages broke).
pub(super) fn close_gaps<'a>(lines: Vec<&'a str>, after_page_break: &[bool]) -> Vec<&'a str> {
    let numbered = lines.iter().filter(|l| starts_numbered(l)).count() >= 5;
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| columns(l))
        .filter(|&n| n > 0)
        .collect();
    widths.sort_unstable();
    // The width of a full line: most lines of running text are full.
    let Some(&full) = widths.get(widths.len() * 3 / 4) else {
        return lines;
    };
    // Lines no page is wide enough for are paragraphs a word processor saved whole, one a line:
    // nothing was wrapped, so no gap is inside a paragraph.
    if !(60..=200).contains(&full) {
        return lines;
    }
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        out.push(line);
        let is_full = columns(line) * 100 >= full * 85;
        let next = (i + 1..lines.len())
            .find(|&j| !lines[j].is_empty())
            .filter(|&j| j > i + 1);
        let goes_on = next.is_some_and(|j| {
            let page_broke = after_page_break
                .get(i + 1..=j)
                .is_some_and(|b| b.contains(&true));
            // A paragraph's number after the gap opens a paragraph, whatever the line before.
            (!ends_sentence(line) && !opens_block(lines[j], 0))
                || (numbered && page_broke && !opens_block(lines[j], full))
        });
        if let (true, true, Some(j)) = (is_full, goes_on, next) {
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// Whether a line opens a block of its own: a paragraph number, a sub-paragraph's marker
/// ("(a)", "a)"), a section's ("IV.", "B."), or a short line (a heading, a title).
pub(super) fn opens_block(line: &str, full: usize) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    // "8 - " numbers an Arabic text's paragraph.
    let dashed = line
        .split_once(" - ")
        .or_else(|| line.split_once(" – "))
        .filter(|(number, _)| !number.is_empty() && number.chars().all(char::is_numeric))
        .map(|(number, _)| number);
    let marker = first
        .strip_prefix('(')
        .and_then(|f| f.strip_suffix(')'))
        .or_else(|| first.strip_suffix(')'))
        .or_else(|| first.strip_suffix('.'))
        .or(dashed);
    let is_marker = marker.is_some_and(|m| {
        let roman = !m.is_empty() && m.chars().all(|c| "IVXLCivxlc".contains(c));
        let letter = m.chars().count() == 1 && m.chars().all(char::is_alphabetic);
        let number = !m.is_empty() && m.chars().all(|c| c.is_numeric());
        roman || letter || number
    });
    is_marker || columns(line) * 100 < full * 60
}

/// Puts a blank line where a paragraph ends inside a run of lines, as an export without the
/// layout leaves them: a line that ends a sentence well short of the lines' full width, or a
/// short line before a full one (the last line of a title, a signature, a heading). Wrapped
/// text breaks a line only when the next word does not fit, so such a line ended its paragraph.
///
/// Where the text already parts its paragraphs with blank lines (a layout-keeping export, or a
/// PDF's pages laid out by their geometry, which gives each gap between paragraphs), a line
/// that ends a sentence short is left alone: counting characters misjudges a line's width in a
/// proportional font, and ragged-right text has short lines inside its paragraphs.
pub(super) fn part_paragraphs<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    // Paragraphs right under a heading ("I. Introduction") say nothing of how the text parts
    // the others: only those after text count.
    let under_heading = |i: usize| {
        let above = lines[i - 1];
        !above.is_empty() && columns(above) <= 60 && !ends_sentence(above)
    };
    let numbered: Vec<usize> = (1..lines.len())
        .filter(|&i| starts_numbered(lines[i]) && !under_heading(i))
        .collect();
    let parted = numbered
        .iter()
        .filter(|&&i| lines[i - 1].is_empty())
        .count();
    let already_parted = numbered.len() >= 3 && parted * 10 >= numbered.len() * 9;
    let mut out: Vec<&'a str> = Vec::with_capacity(lines.len());
    for run in lines.split(|l| l.is_empty()) {
        let width = run.iter().map(|l| columns(l)).max().unwrap_or(0);
        for (i, line) in run.iter().enumerate() {
            // A numbered heading right above its paragraph ("4 - The report of the Executive
            // Secretary" over "6 - The secretariat presents …"): a paragraph's line ends no
            // sentence, and the next opens with a number of its own.
            let numbered_heading_above = i > 0
                && numbered_marker(run[i - 1])
                && !ends_sentence(run[i - 1])
                && numbered_marker(line);
            // A signature and the signatory's title under it are lines of their own.
            if i > 0 && (is_signature(line) || is_signature(run[i - 1]) || numbered_heading_above) {
                out.push("");
                out.push(line);
                continue;
            }
            // Lines of a page's full width only: a title block's short lines keep together.
            if i > 0 && run.len() >= 3 && width >= 70 {
                let previous = run[i - 1];
                let before = columns(previous);
                // Chinese breaks a line between any two characters: its next word is one.
                let first_word = match line.chars().next() {
                    Some(c) if is_cjk(c) => 2,
                    _ => line.split_whitespace().next().map_or(0, columns),
                };
                let ends = ends_sentence(previous);
                // A script without capitals opens a sentence with any of its letters.
                let opens = line.starts_with(|c: char| {
                    opens_like_a_capital(c) || c.is_ascii_digit() || "(“«\"".contains(c)
                });
                // The next word would have fitted on the line (with a margin for letters of other widths).
                // A clause of a resolution ends on its comma or semicolon, short of the margin.
                let clause_ends = previous.trim_end().ends_with([',', ';', ':', '،', '؛'])
                    && (opens_preamble(line) || opens_operative(line));
                let short_ending = !already_parted
                    && (ends || clause_ends)
                    && opens
                    && (before + 1 + first_word) * 100 <= width * 95;
                let full = columns(line) * 100 >= width * 85;
                // A short line before a full one ends its paragraph (a title over two lines
                // before the text, a paragraph's last line), unless it stops on a joining word.
                let short_before_full =
                    full && before * 100 < width * 70 && !ends_on_joining_word(previous);
                if short_ending || short_before_full {
                    out.push("");
                }
            }
            out.push(line);
        }
        out.push("");
    }
    out.pop();
    out
}

/// A paragraph number or a sub-paragraph marker alone on its line ("1.", "(a)") belongs to
/// the text that follows it, or, where an export set it after its paragraph's first line (as
/// pdftotext may, when the number's baseline and the line's differ a little), to that line.
pub(super) fn rejoin_markers(lines: &mut [Line]) {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == Kind::Text)
        .map(|l| columns(&l.text))
        .collect();
    widths.sort_unstable();
    // The width of a full line: most lines of running text are full.
    let full = widths.get(widths.len() * 3 / 4).copied().unwrap_or(0);
    for i in 0..lines.len() {
        let text = &lines[i].text;
        // A right-to-left export may put the period first: ".١" is "١.".
        let number = text
            .strip_suffix('.')
            .or_else(|| text.strip_prefix('.'))
            .filter(|n| (1..=3).contains(&n.chars().count()));
        let alone = lines[i].kind == Kind::Text
            && (number.is_some_and(|n| {
                n.chars().all(|c| {
                    c.is_ascii_digit()
                        || ('\u{0660}'..='\u{0669}').contains(&c)
                        || ('\u{06F0}'..='\u{06F9}').contains(&c)
                })
            }) || (text.starts_with('(')
                && text.ends_with(')')
                && (3..=6).contains(&text.len())));
        if !alone {
            continue;
        }
        if let Some(first) = first_line_before(lines, i, full) {
            // Put back before the line it followed: `first` becomes the marker's line.
            let marker = std::mem::take(&mut lines[i].text);
            lines[i].text = format!("{marker} {}", lines[first].text);
            lines[first].kind = Kind::Blank;
            continue;
        }
        if let Some(next) = (i + 1..lines.len()).find(|&j| lines[j].kind == Kind::Text) {
            let marker = std::mem::take(&mut lines[i].text);
            let marker = match marker.strip_prefix('.') {
                Some(number) => format!("{number}."),
                None => marker,
            };
            lines[i].kind = Kind::Blank;
            lines[next].text = format!("{marker} {}", lines[next].text);
        }
    }
}

/// The paragraph's first line that an export set before the marker alone at `marker`: a full
/// line just above it that does not end a sentence (so that its paragraph goes on below the
/// marker), right after a line that ends one (so that it starts a paragraph). A heading's line
/// is short, and a paragraph's last line ends its sentence: neither is taken for one.
fn first_line_before(lines: &[Line], marker: usize, full: usize) -> Option<usize> {
    let text_at =
        |i: usize| Some(i).filter(|&i| lines.get(i).is_some_and(|l| l.kind == Kind::Text));
    let first = text_at(marker.checked_sub(1)?)?;
    let before = text_at(first.checked_sub(1)?)?;
    // The paragraph goes on right under the marker, with no marker of its own.
    let goes_on = text_at(marker + 1).is_some_and(|next| !opens_block(&lines[next].text, 0));
    (full >= 60
        && columns(&lines[first].text) * 100 >= full * 85
        && !ends_sentence(&lines[first].text)
        && ends_sentence(&lines[before].text)
        && goes_on)
        .then_some(first)
}

/// A line that opens with a paragraph's number: "6. ", "6 - " (as Arabic texts number).
fn numbered_marker(line: &str) -> bool {
    let digits = line.chars().take_while(|c| c.is_numeric()).count();
    let rest: String = line.chars().skip(digits).take(3).collect();
    (1..=3).contains(&digits) && (rest.starts_with(". ") || rest == " - " || rest == " – ")
}
