//! First of all, the text as a paginated document leaves it when it is exported or copied
//! (from a PDF, or a word processor's "save as text"): this pass takes away what belongs to the
//! page rather than to the report, and turns footnotes left at the foot of a page into Markdown
//! footnotes, so that the passes after it see the report's own text in its own order.
//!
//! - Layout: lines are trimmed and runs of spaces folded (a layout-keeping export indents and
//!   justifies with spaces); in the head of the document, two columns side by side
//!   ("United Nations        A/HRC/59/23") become their lines one after the other.
//! - Page furniture: job numbers (`GE.25-11482(E)`, `25-11482 (E)  090725  100725`), barcode
//!   leftovers (`*2511482*`), "Please recycle", page numbers (`3`, `- 3 -`, `Page 3 of 12`) and
//!   running headers and footers (the symbol, or a line that stands at the top or foot of page
//!   after page). Where furniture stood inside a paragraph, the paragraph's lines meet again.
//! - Footnotes: at the foot of a page (after a rule of underscores, or not), a line that is or
//!   starts with the number of the next footnote, glued to the end of a word in the page's text
//!   above it (`records.3`, `States,2`), starts the page's footnotes; each becomes `[^N]: …`
//!   and its reference `[^N]`. A number with no such reference above is not a footnote.
//! - A paragraph number or sub-paragraph letter left alone on its line (exports put them apart
//!   from their text) is put back at the start of its text.
//!
//! When in doubt, a line stays: a number or a symbol alone is furniture only where a page
//! breaks (beside a form feed or other furniture), or, for page numbers, when they count up
//! through the document; a line is a running header or footer only when it repeats.

use std::borrow::Cow;
use std::collections::HashMap;

use super::cover::looks_like_symbol;

/// One line of the text, and what this pass has found it to be.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    text: String,
    /// A form feed stood before it: a new page starts here.
    page_starts: bool,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Blank,
    /// Certainly furniture: a job number, a barcode, "Please recycle", "Page 3 of 12".
    Furniture,
    /// A number alone, or the symbol alone: furniture only beside a page break.
    MaybePageNumber,
    MaybeHeader,
    /// A rule of underscores: footnotes may follow.
    FootnoteRule,
    /// Part of a footnote, which leaves the text for the footnotes at its end.
    Footnote,
}

/// How many lines at the head of a document are read as its title block, for columns.
const HEAD_LINES: usize = 40;

/// The report's own text, without what belongs to its pages (see the module's documentation).
pub fn clean(text: &str) -> Cow<'_, str> {
    let paginated = text.bytes().any(|b| b == b'\x0c' || b == b'_')
        || looks_laid_out(text)
        || text.lines().map(str::trim).any(|l| {
            l.len() <= FURNITURE_BYTES && (furniture(l) || page_of(&l.to_lowercase()).is_some())
        });
    if !paginated {
        // Nothing paginated about it (a Markdown file, a pasted note): leave it as it is.
        return Cow::Borrowed(text);
    }
    let regrouped;
    let text = if looks_laid_out(text) {
        regrouped = regroup_head_columns(text);
        regrouped.as_str()
    } else {
        text
    };
    let mut lines = split_lines(text);
    let symbol = head_symbol(&lines);
    classify(&mut lines, symbol.as_deref());
    let footnotes = take_footnotes(&mut lines);
    settle_doubtful(&mut lines);
    mark_running_lines(&mut lines);
    rejoin_markers(&mut lines);
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    // For each line kept, whether a page broke since the line kept before it.
    let mut after_page_break: Vec<bool> = Vec::with_capacity(lines.len());
    let mut broke = false;
    for line in &lines {
        broke |= line.page_starts;
        match line.kind {
            Kind::Text => out.push(&line.text),
            Kind::Blank => out.push(""),
            _ => continue,
        }
        after_page_break.push(broke);
        broke = false;
    }
    let out = close_gaps(out, &after_page_break);
    let mut text = part_paragraphs(&out).join("\n").trim_end().to_string();
    for (label, note) in footnotes {
        text.push_str(&format!("\n\n[^{label}]: {note}"));
    }
    text.push('\n');
    Cow::Owned(text)
}

/// Whether a text keeps a page's layout with spaces (indented or column lines).
fn looks_laid_out(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(200)
        .collect();
    let spaced = lines
        .iter()
        .filter(|l| l.starts_with("    ") || l.trim().contains("     "))
        .count();
    !lines.is_empty() && spaced * 5 >= lines.len()
}

/// A layout-keeping export of a two-column head (a UN document's: letterhead and organ on the
/// left; symbol, distribution, date and language on the right) gives each line both columns,
/// so a name that wraps on the left ("Convention on the Elimination of All / Forms of
/// Discrimination against / Women") is cut by the right column's lines. Where lines of the head
/// have text in the right half, the left column's lines are put first, then the right's.
fn regroup_head_columns(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    // The head ends where running text starts: a line of one column and full width.
    let running = |l: &&str| !l.trim().contains("   ") && l.trim().chars().count() >= 70;
    let head = lines
        .iter()
        .position(running)
        .unwrap_or(lines.len())
        .min(HEAD_LINES);
    let width = lines[..head]
        .iter()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let middle = width * 2 / 5;
    // Each line's parts (three spaces or more apart) with the column each starts at.
    let parts = |line: &str| -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut column = 0;
        for piece in line.split("   ") {
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let at = column + piece.chars().take_while(|c| c.is_whitespace()).count();
                out.push((at, trimmed.to_string()));
            }
            column += piece.chars().count() + 3;
        }
        out
    };
    let in_right =
        |line: &str| parts(line).iter().any(|(at, _)| *at >= middle) && !line.contains('\u{c}');
    let both = |line: &str| in_right(line) && parts(line).iter().any(|(at, _)| *at < middle);
    // The head's two columns: from its first line with text on both sides, as long as the right
    // column goes on (a blank line between its entries, not two).
    let Some(first) = lines[..head].iter().position(|l| both(l)) else {
        return text.to_string();
    };
    let mut last = first;
    for (i, line) in lines.iter().enumerate().take(head).skip(first + 1) {
        if in_right(line) {
            last = i;
        } else if i > last + 1 {
            break;
        }
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for line in &lines[first..=last] {
        let (l, r): (Vec<_>, Vec<_>) = parts(line).into_iter().partition(|(at, _)| *at < middle);
        if !l.is_empty() {
            left.push(l.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" "));
        }
        if !r.is_empty() {
            right.push(r.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" "));
        }
    }
    let mut out: Vec<String> = lines[..first].iter().map(|l| l.to_string()).collect();
    out.extend(left);
    out.push(String::new());
    out.extend(right);
    out.extend(lines[last + 1..].iter().map(|l| l.to_string()));
    out.join("\n")
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut in_head = true;
    for raw in text.split('\n') {
        let raw = raw.trim_end_matches('\r');
        // A form feed may stand alone, or at the start of the next page's first line.
        let mut page_starts = false;
        let mut rest = raw;
        while let Some(i) = rest.find('\u{c}') {
            let before = &rest[..i];
            if !before.trim().is_empty() {
                push_line(&mut lines, before, page_starts, in_head);
            }
            page_starts = true;
            rest = &rest[i + 1..];
        }
        if in_head && (lines.len() > HEAD_LINES || starts_numbered(rest.trim())) {
            in_head = false;
        }
        push_line(&mut lines, rest, page_starts, in_head);
    }
    lines
}

/// Characters that only steer the direction of text (embeddings, isolates, marks), which exports
/// from right-to-left documents scatter through every line; they carry none of the text.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn push_line(lines: &mut Vec<Line>, raw: &str, page_starts: bool, in_head: bool) {
    let raw: Cow<str> = if raw.chars().any(is_direction_control) {
        Cow::Owned(raw.chars().filter(|c| !is_direction_control(*c)).collect())
    } else {
        Cow::Borrowed(raw)
    };
    let raw = raw.as_ref();
    let folded = |s: &str| {
        let s = s.trim();
        if s.contains("  ") || s.chars().any(|c| c.is_whitespace() && c != ' ') {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            s.to_string()
        }
    };
    // Columns side by side: three spaces or more between them.
    let parts: Vec<String> = raw
        .split("   ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(folded)
        .collect();
    if parts.is_empty() {
        lines.push(Line {
            text: String::new(),
            page_starts,
            kind: Kind::Blank,
        });
        return;
    }
    let footer_like = |part: &String| furniture(part) || page_of(&part.to_lowercase()).is_some();
    if !in_head && parts.len() > 1 && parts.iter().all(footer_like) {
        // A footer or header laid out in columns: "2      GE.25-11482".
        lines.push(Line {
            text: parts.join(" "),
            page_starts,
            kind: Kind::Furniture,
        });
        return;
    }
    // In the head, the columns are read one after the other ("United Nations", then its
    // symbol), and a letterhead written on the symbol's line is parted from it; in the body,
    // wide spaces are a justified line's.
    let parts = if in_head {
        parts
            .into_iter()
            .flat_map(|p| letterhead_and_symbol(&p))
            .collect()
    } else {
        vec![folded(raw)]
    };
    for (i, text) in parts.into_iter().enumerate() {
        lines.push(Line {
            text,
            page_starts: page_starts && i == 0,
            kind: Kind::Text,
        });
    }
}

/// "United Nations A/HRC/59/23" is two lines of the head: the letterhead, then the symbol.
fn letterhead_and_symbol(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split(' ').collect();
    // The symbol is the last word, or the last two when it ends with its year ("(2025)").
    for take in [1, 2] {
        if words.len() > take {
            let (before, symbol) = (
                words[..words.len() - take].join(" "),
                words[words.len() - take..].join(" "),
            );
            if looks_like_symbol(&symbol) && !looks_like_symbol(&before) && !before.contains('/') {
                return vec![before, symbol];
            }
        }
    }
    vec![line.to_string()]
}

/// "1. The Council", "12. Decides": where a report's numbered body starts.
fn starts_numbered(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && line[digits..].starts_with(". ")
}

/// The document symbol, as the head of the document gives it.
fn head_symbol(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .take(HEAD_LINES)
        .flat_map(|l| {
            l.text
                .split_whitespace()
                .rev()
                .take(1)
                .chain(std::iter::once(l.text.as_str()))
        })
        .find(|t| looks_like_symbol(t))
        .map(str::to_string)
}

/// A job number (`GE.25-11482(E)`, `25-11482 (E) 090725 100725`), with what may follow it. A
/// right-to-left export may turn its brackets round (`)GE.25-06634(A`).
fn job_number(text: &str) -> bool {
    // Every job number has a two-digit year and a dash in its first few characters.
    if !text.bytes().take(6).any(|b| b == b'-') {
        return false;
    }
    let unbracketed: String = text
        .chars()
        .map(|c| if "()".contains(c) { ' ' } else { c })
        .collect();
    let text = unbracketed.trim();
    let text = ["GE.", "NY.", "V.", "N"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text);
    let bytes = text.as_bytes();
    let shape = bytes.len() >= 8
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && bytes[2] == b'-'
        && bytes[3..8].iter().all(u8::is_ascii_digit)
        && bytes.get(8).is_none_or(|b| !b.is_ascii_digit());
    if !shape {
        return false;
    }
    // After it: the language in brackets, dates of six digits, a barcode; nothing else.
    text[8..].split_whitespace().all(|token| {
        let token = token.trim_start_matches('(').trim_end_matches(')');
        (token.len() == 1 && token.bytes().all(|b| b.is_ascii_uppercase()))
            || (token.len() == 6 && token.bytes().all(|b| b.is_ascii_digit()))
            || barcode(token)
            || token.is_empty()
    })
}

/// The European Commission's footer, its language's code either side of the page number
/// ("EN 3 EN").
fn eu_footer(text: &str) -> bool {
    let mut parts = text.split_whitespace();
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(n), Some(b), None) => {
            a == b
                && a.len() == 2
                && a.bytes().all(|c| c.is_ascii_uppercase())
                && n.bytes().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

fn barcode(text: &str) -> bool {
    text.len() >= 8
        && text.starts_with('*')
        && text.ends_with('*')
        && text[1..text.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// The codes of the EU's official languages, as its documents' footers give them.
const EU_LANGUAGES: [&str; 24] = [
    "BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET", "FI", "FR", "GA", "HR", "HU", "IT", "LT", "LV",
    "MT", "NL", "PL", "PT", "RO", "SK", "SL", "SV",
];

/// "Please recycle" as the foot of a UN document's first page says it, in its six languages.
const RECYCLE: [&str; 8] = [
    "please recycle",
    "merci de recycler",
    "se ruega reciclar",
    "sírvase reciclar",
    "просьба отправить на вторичную переработку",
    "просьба отправить на вторичную переработку",
    "يرجى إعادة الاستعمال",
    "请回收",
];

/// No line of page furniture is longer (a job number with its dates and barcode, "Please
/// recycle" in Russian): longer lines are text without looking further.
const FURNITURE_BYTES: usize = 120;

/// A line that is page furniture wherever it stands.
fn furniture(text: &str) -> bool {
    if text.len() > FURNITURE_BYTES {
        return false;
    }
    if job_number(text) || barcode(text) || eu_footer(text) {
        return true;
    }
    let lower = text.trim_matches(['♲', ' ']).to_lowercase();
    RECYCLE.iter().any(|r| lower == *r) || page_of(&lower).is_some_and(|(_, of)| of.is_some())
}

/// "3", "- 3 -", "Page 3", "page 3 of 12", "3/12": the page's number, and the count if given.
fn page_of(lower: &str) -> Option<(u32, Option<u32>)> {
    let text = lower.trim().trim_matches(['-', '–', '—', ' ']);
    let text = text.strip_prefix("page").unwrap_or(text).trim();
    let (number, of) = match text.split_once(" of ").or_else(|| text.split_once('/')) {
        Some((n, of)) => (n.trim(), Some(of.trim())),
        None => (text, None),
    };
    let small = |t: &str| (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if !small(number) || of.is_some_and(|o| !small(o)) {
        return None;
    }
    Some((number.parse().ok()?, of.and_then(|o| o.parse().ok())))
}

fn classify(lines: &mut [Line], symbol: Option<&str>) {
    let mut seen_symbol = false;
    for line in lines.iter_mut().filter(|l| l.kind == Kind::Text) {
        let text = line.text.as_str();
        line.kind = if furniture(text) {
            Kind::Furniture
        } else if text.len() >= 5 && text.bytes().all(|b| b == b'_') {
            Kind::FootnoteRule
        } else if text.len() <= FURNITURE_BYTES && page_of(&text.to_lowercase()).is_some() {
            Kind::MaybePageNumber
        } else if EU_LANGUAGES.contains(&text) {
            // Half of an EU footer ("EN"), as an export without the layout leaves it.
            Kind::MaybeHeader
        } else if symbol.is_some_and(|s| s.eq_ignore_ascii_case(text)) {
            // The first time, it is the title block's.
            let kind = if seen_symbol {
                Kind::MaybeHeader
            } else {
                Kind::Text
            };
            seen_symbol = true;
            kind
        } else {
            Kind::Text
        };
    }
}

/// Whether the line at `i` stands where a page breaks: a form feed, certain furniture, or the
/// start or end of the text is next to it, with only blank and other doubtful lines between.
fn at_page_break(lines: &[Line], i: usize) -> bool {
    let passable = |line: &Line| {
        matches!(
            line.kind,
            Kind::Blank | Kind::MaybePageNumber | Kind::MaybeHeader
        )
    };
    let mut k = i;
    loop {
        if lines[k].page_starts {
            return true;
        }
        let Some(previous) = k.checked_sub(1) else {
            return true;
        };
        k = previous;
        if !passable(&lines[k]) {
            if lines[k].kind == Kind::Furniture {
                return true;
            }
            break;
        }
    }
    for line in &lines[i + 1..] {
        if line.page_starts {
            return true;
        }
        if !passable(line) {
            return line.kind == Kind::Furniture;
        }
    }
    true
}

/// Decides the doubtful lines: furniture beside a page break, or page numbers that count up.
fn settle_doubtful(lines: &mut [Line]) {
    let numbers: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == Kind::MaybePageNumber)
        .filter_map(|(i, l)| page_of(&l.text.to_lowercase()).map(|(n, _)| (i, n)))
        .collect();
    // Page numbers count up: 2, 3, 4 (a page may carry none, so gaps are allowed).
    let counting: Vec<usize> = numbers
        .windows(2)
        .filter(|w| w[1].1 > w[0].1 && w[1].1 <= w[0].1 + 3)
        .flat_map(|w| [w[0].0, w[1].0])
        .collect();
    // Where form feeds tell pages apart, a page's own number is what it says on it.
    let mut page = 1;
    let page_index: Vec<u32> = lines
        .iter()
        .map(|l| {
            page += u32::from(l.page_starts);
            page
        })
        .collect();
    let paged = lines.iter().any(|l| l.page_starts);
    let decided: Vec<(usize, Kind)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(l.kind, Kind::MaybePageNumber | Kind::MaybeHeader))
        .map(|(i, l)| {
            let own_number =
                paged && page_of(&l.text.to_lowercase()).is_some_and(|(n, _)| n == page_index[i]);
            let page = at_page_break(lines, i)
                || (l.kind == Kind::MaybePageNumber && (counting.contains(&i) || own_number));
            (i, if page { Kind::Furniture } else { Kind::Text })
        })
        .collect();
    for (i, kind) in decided {
        lines[i].kind = kind;
    }
}

/// A line as running headers and footers repeat it: page numbers in it do not count.
fn running_key(text: &str) -> String {
    let mut key = String::new();
    for c in text.to_lowercase().chars() {
        match c {
            '0'..='9' if key.ends_with('#') => {}
            '0'..='9' => key.push('#'),
            c => key.push(c),
        }
    }
    key
}

/// Lines that stand at the top or the foot of page after page (form feeds tell where pages
/// are) are running headers and footers: the two first and two last lines of text of each page
/// are compared, page numbers in them aside.
fn mark_running_lines(lines: &mut [Line]) {
    let mut starts: Vec<usize> = std::iter::once(0)
        .chain(
            lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.page_starts)
                .map(|(i, _)| i),
        )
        .collect();
    starts.dedup();
    if starts.len() < 3 {
        return;
    }
    let mut edges: Vec<usize> = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let text: Vec<usize> = (start..end)
            .filter(|&i| lines[i].kind == Kind::Text)
            .collect();
        edges.extend(text.iter().take(2));
        edges.extend(
            text.iter()
                .rev()
                .take(2)
                .filter(|i| !text[..text.len().min(2)].contains(i)),
        );
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &i in &edges {
        *counts.entry(running_key(&lines[i].text)).or_default() += 1;
    }
    // On page after page: on most of them in a short document, three times or more in a long one.
    let needed = if starts.len() <= 4 { 2 } else { 3 };
    for i in edges {
        let text = &lines[i].text;
        // A running line is short; a sentence of the report that happens to recur is not one.
        let short = text.chars().count() <= 100
            && text.split_whitespace().count() <= 12
            && !text.ends_with(['.', ';', ',']);
        if short && counts.get(&running_key(text)).is_some_and(|&n| n >= needed) {
            lines[i].kind = Kind::Furniture;
        }
    }
}

/// The label a footnote's line starts with, and its text (empty when the number stands alone,
/// as exports often leave it above its text): "3 A/HRC/56/7, para. 2.", "³ See …", "3".
fn footnote_start(text: &str) -> Option<(String, &str)> {
    let digits: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(*c))
        .collect();
    let rest = &text[digits.len()..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
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
fn page_starts(lines: &[Line]) -> Vec<usize> {
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
fn take_footnotes(lines: &mut [Line]) -> Vec<(String, String)> {
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut next = 1u32;
    let starts = page_starts(lines);
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
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

/// A line that opens a paragraph, a sub-paragraph or a section, which a footnote never does.
fn starts_block(text: &str) -> bool {
    starts_numbered(text)
        || text.starts_with('(')
            && text[1..]
                .split_once(") ")
                .is_some_and(|(m, _)| m.len() <= 4)
}

/// The last number glued to a word in these lines as a reference to footnote `label`: the
/// line's index and where the number starts in it.
fn find_reference(lines: &[Line], label: &str) -> Option<(usize, usize)> {
    lines
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| l.kind == Kind::Text)
        .find_map(|(i, line)| {
            line.text
                .match_indices(label)
                .map(|(at, _)| at)
                .filter(|&at| glued_reference(&line.text, at, label))
                .last()
                .map(|at| (i, at))
        })
}

/// Whether a line ends a sentence, a footnote reference after it aside (`States.[^1]`).
fn ends_sentence(line: &str) -> bool {
    let mut line = line.trim_end();
    if let Some(at) = line.rfind("[^").filter(|_| line.ends_with(']')) {
        line = &line[..at];
    }
    line.trim_end_matches(['”', '’', '"', ')'])
        .ends_with(['.', ':', ';', '!', '?', '؟', '。'])
}

/// Takes away the blank lines an export leaves inside a paragraph (around a raised footnote
/// number, or where furniture stood): after a line of the text's full width that does not end
/// a sentence, the paragraph goes on, since wrapped text fills its lines. Across a page break,
/// in a report whose paragraphs are numbered, a full line that ends a sentence goes on too when
/// the next page opens with neither a number, a marker nor a heading: a new paragraph of such
/// a report would start with one (`after_page_break` says where pages broke).
fn close_gaps<'a>(lines: Vec<&'a str>, after_page_break: &[bool]) -> Vec<&'a str> {
    let numbered = lines.iter().filter(|l| starts_numbered(l)).count() >= 5;
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    widths.sort_unstable();
    // The width of a full line: most lines of running text are full.
    let Some(&full) = widths.get(widths.len() * 3 / 4) else {
        return lines;
    };
    if full < 60 {
        return lines;
    }
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        out.push(line);
        let is_full = line.chars().count() * 100 >= full * 85;
        let next = (i + 1..lines.len())
            .find(|&j| !lines[j].is_empty())
            .filter(|&j| j > i + 1);
        let goes_on = next.is_some_and(|j| {
            let page_broke = after_page_break
                .get(i + 1..=j)
                .is_some_and(|b| b.contains(&true));
            !ends_sentence(line) || (numbered && page_broke && !opens_block(lines[j], full))
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
fn opens_block(line: &str, full: usize) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    let marker = first
        .strip_prefix('(')
        .and_then(|f| f.strip_suffix(')'))
        .or_else(|| first.strip_suffix(')'))
        .or_else(|| first.strip_suffix('.'));
    let is_marker = marker.is_some_and(|m| {
        let roman = !m.is_empty() && m.chars().all(|c| "IVXLCivxlc".contains(c));
        let letter = m.chars().count() == 1 && m.chars().all(char::is_alphabetic);
        let number = !m.is_empty() && m.chars().all(|c| c.is_numeric());
        roman || letter || number
    });
    is_marker || line.chars().count() * 100 < full * 60
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
fn part_paragraphs<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let numbered: Vec<usize> = (1..lines.len())
        .filter(|&i| starts_numbered(lines[i]))
        .collect();
    let parted = numbered
        .iter()
        .filter(|&&i| lines[i - 1].is_empty())
        .count();
    let already_parted = numbered.len() >= 3 && parted * 10 >= numbered.len() * 9;
    let mut out: Vec<&'a str> = Vec::with_capacity(lines.len());
    for run in lines.split(|l| l.is_empty()) {
        let width = run.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        for (i, line) in run.iter().enumerate() {
            // Lines of a page's full width only: a title block's short lines keep together.
            if i > 0 && run.len() >= 3 && width >= 70 {
                let previous = run[i - 1];
                let before = previous.chars().count();
                let first_word = line
                    .split_whitespace()
                    .next()
                    .map_or(0, |w| w.chars().count());
                let ends = ends_sentence(previous);
                let opens = line.starts_with(|c: char| {
                    c.is_uppercase() || c.is_ascii_digit() || "(“«\"".contains(c)
                });
                // The next word would have fitted on the line (with a margin for letters of other widths).
                let short_ending = !already_parted
                    && ends
                    && opens
                    && (before + 1 + first_word) * 100 <= width * 95;
                let full = line.chars().count() * 100 >= width * 85;
                let short_before_full = full && before * 100 < width * 60;
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
/// the text that follows it.
fn rejoin_markers(lines: &mut [Line]) {
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

/// Whether a number at `at` in `text` is glued to the word before it as a footnote reference:
/// after a letter, or after punctuation that follows a letter (`records.3`, `States,2`,
/// `“text”4`), and not part of a larger number, a symbol (`56/7`) or a decimal.
fn glued_reference(text: &str, at: usize, label: &str) -> bool {
    let before: Vec<char> = text[..at].chars().rev().take(2).collect();
    let after = text[at + label.len()..].chars().next();
    let rest = &text[at + label.len()..];
    // After a sentence that ends with a number ("resolution 52/9.1"), only where a sentence or
    // the line ends next: "paragraph 5.2 above" is a number.
    let ends_here = rest.trim_start().is_empty()
        || (rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase));
    let glued = match before.as_slice() {
        [c, ..] if c.is_alphabetic() => true,
        [p, c, ..] if ".,;:)”’\"]".contains(*p) && (c.is_alphabetic() || ")”’\"".contains(*c)) => {
            true
        }
        ['.', c, ..] if c.is_ascii_digit() => ends_here,
        _ => false,
    };
    glued
        && after.is_none_or(|c| {
            c.is_whitespace()
                || ".,;:)".contains(c)
                    && !text[at + label.len() + 1..].starts_with(|d: char| d.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_numbers_barcodes_and_recycling_notes_are_furniture() {
        for line in [
            "GE.25-11482(E)",
            "GE.25-11482 (E)",
            "25-11482 (E) 090725 100725",
            "*2511482*",
            "GE.25-11482(E) *2511482*",
            "Please recycle",
            "♲ Please recycle",
            "Page 3 of 12",
        ] {
            assert!(furniture(line), "{line}");
        }
        for line in [
            "2025-2026",
            "25-11482 was the number",
            "resolution 56/7",
            "Page three",
            "12 June 2025",
            "In 2025-11482 cases",
        ] {
            assert!(!furniture(line), "{line}");
        }
    }

    #[test]
    fn furniture_inside_a_paragraph_goes_and_the_paragraph_meets_again() {
        let text = "A/HRC/1/2\n\n1. The Council calls upon all States to adhere to the\nGE.25-11482\n2\n\u{c}A/HRC/1/2\nagreement and to protect civilians.\n\n2. It decides to remain seized.\n";
        assert_eq!(clean(text), "A/HRC/1/2\n\n1. The Council calls upon all States to adhere to the\nagreement and to protect civilians.\n\n2. It decides to remain seized.\n");
    }

    /// Paragraphs 1 to 5 of a numbered report, with paragraph `n` cut by a page break after a
    /// full line that ends a sentence, and the next page opening with `next`.
    fn cut_after_a_sentence(next: &str) -> String {
        let mut text = String::from("A/HRC/1/2\n\n");
        for n in 1..=5 {
            text.push_str(&format!("{n}. The Council recalls its resolutions on the situation and reaffirms its commitment to the\nsovereignty of member states and welcomes the efforts of the secretary general and envoy.\n\n"));
        }
        text.push_str("6. The Council calls upon all parties to respect international humanitarian law and all\nto facilitate safe and unhindered access for all humanitarian personnel in the region.\n\nGE.25-11482\n\u{c}A/HRC/1/2\n\n");
        text.push_str(next);
        text
    }

    #[test]
    fn across_a_page_break_a_numbered_reports_paragraph_goes_on_after_a_sentence_unless_a_block_opens(
    ) {
        let goes_on = clean(&cut_after_a_sentence("It requests the Secretary-General to report on the implementation within ninety days.\n")).into_owned();
        assert!(
            goes_on.contains("humanitarian personnel in the region.\nIt requests"),
            "{goes_on}"
        );
        for opens in ["7. It requests the Secretary-General to report on the implementation within ninety days.\n", "(a) To report on the implementation of this resolution within ninety days of its adoption;\n", "B. Follow-up\n"] {
            let parted = clean(&cut_after_a_sentence(opens)).into_owned();
            let first = opens.split_whitespace().next().unwrap();
            assert!(parted.contains(&format!("\n\n{first}")) && !parted.contains(&format!("region.\n{first}")), "{parted}");
        }
        // A report without numbered paragraphs: no telling a paragraph from its continuation.
        let unnumbered = cut_after_a_sentence("It requests the Secretary-General to report on the implementation within ninety days.\n").replace(". The Council", " The Council");
        assert!(
            !clean(&unnumbered).contains("in the region.\nIt requests"),
            "{}",
            clean(&unnumbered)
        );
    }

    #[test]
    fn a_number_or_the_symbol_alone_in_the_body_stays_text_when_no_page_breaks_there() {
        // A table's figure and a reference to the document, each a paragraph of its own, in a
        // text whose pages are marked (a job number on each).
        let text = "A/HRC/1/2\n\n1. The votes cast in favour were:\n\n128\n\n2. The reference is:\n\nA/HRC/1/2\n\n3. The Council adopted the text.\n\nGE.25-11482\n";
        let cleaned = clean(text);
        assert!(cleaned.contains("\n128\n"), "{cleaned}");
        assert_eq!(cleaned.matches("A/HRC/1/2").count(), 2, "{cleaned}");
        assert!(!cleaned.contains("GE.25"), "{cleaned}");
    }

    #[test]
    fn page_numbers_that_count_up_go_and_so_does_a_pages_own_number() {
        let text = "1. First.\n\n2\n\n2. Second.\n\n3\n\n3. Third.\n\n4\n";
        assert_eq!(
            clean(&format!("{text}\u{c}"))
                .matches(char::is_numeric)
                .count(),
            3,
            "only the paragraph numbers are left"
        );
        let paged = "1. First paragraph goes\n\u{c}2\non here.\n";
        assert_eq!(clean(paged), "1. First paragraph goes\non here.\n");
    }

    #[test]
    fn running_headers_repeated_at_the_top_of_pages_go() {
        let page = |n: u32| {
            format!("Report of the Working Group\n\n{n}. Paragraph {n} of the report.\n\n")
        };
        let text = format!("{}\u{c}{}\u{c}{}", page(1), page(2), page(3));
        let cleaned = clean(&text);
        assert!(!cleaned.contains("Working Group"), "{cleaned}");
        assert_eq!(cleaned.matches("Paragraph").count(), 3);
    }

    #[test]
    fn footnotes_at_the_foot_of_a_page_become_markdown_footnotes() {
        let text = "1. The Council recalled its records.1 It noted resolution 56/7 of 2024.\n\n______\n1 A/HRC/56/7, para. 2.\n\u{c}2. Next page.\n";
        let cleaned = clean(text);
        assert!(
            cleaned.contains("records.[^1] It noted resolution 56/7 of 2024."),
            "{cleaned}"
        );
        assert!(
            cleaned.ends_with("[^1]: A/HRC/56/7, para. 2.\n"),
            "{cleaned}"
        );
        assert!(!cleaned.contains("______"));
        // A number with no reference above it is no footnote: the line stays.
        let unreferenced =
            "1. The Council met in 2024.\n\n______\n2 Something else.\n\u{c}2. Next.\n";
        assert!(clean(unreferenced).contains("2 Something else."));
    }

    #[test]
    fn footnote_references_are_numbers_glued_to_words_not_numbers_in_sentences() {
        let at = |text: &str, label: &str| {
            text.find(label)
                .map(|i| glued_reference(text, i, label))
                .unwrap_or(false)
        };
        assert!(at("as in its records.3 The", "3"));
        assert!(at("Member States,2 and", "2"));
        assert!(at("the “Pact”4 says", "4"));
        assert!(at("human rights12", "12"));
        assert!(!at("resolution 56/7 of", "7"));
        assert!(!at("in 2026.", "2026"));
        assert!(!at("paragraph 5.2 above", "2"));
        assert!(
            at("en application de sa résolution 52/9.1", "1"),
            "at the end of a sentence that ends with a number"
        );
        assert!(at("resolution 52/9.1 The next", "1"));
        assert!(!at("A/HRC/59/23", "23"));
    }
}
