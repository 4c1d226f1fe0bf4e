//! What belongs to the page rather than the report: job numbers, barcodes, "Please recycle",
//! page numbers, running headers and footers (what repeats at the top or foot of page after page).

use std::collections::HashMap;

use super::lines::*;
use crate::report::clauses::is_part_word;

/// A job number (`GE.25-11482(E)`, `25-11482 (E) 090725 100725`), with what may follow it. A
/// right-to-left export may turn its brackets round (`)GE.25-06634(A`).
pub(super) fn job_number(text: &str) -> bool {
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
pub(super) fn eu_footer(text: &str) -> bool {
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

/// The Council of the EU's footer: its symbol, the drafter's initials, the directorate, the page
/// and the language ("15234/25 JT/ms RELEX.2 1 EN"), on one line or, as a plain export leaves
/// it, each part on its own: the initials ("JT/ms") and the directorate ("RELEX.2", "GIP.1.B").
pub(super) fn council_footer(text: &str) -> bool {
    let initials = |t: &str| {
        t.split_once('/').is_some_and(|(a, b)| {
            (1..=4).contains(&a.len())
                && (1..=4).contains(&b.len())
                && a.bytes().all(|c| c.is_ascii_uppercase())
                && b.bytes().all(|c| c.is_ascii_lowercase())
        })
    };
    let directorate = |t: &str| {
        let mut parts = t.split('.');
        let (Some(name), Some(number)) = (parts.next(), parts.next()) else {
            return false;
        };
        (2..=8).contains(&name.len())
            && name.bytes().all(|c| c.is_ascii_uppercase())
            && !number.is_empty()
            && number.bytes().all(|c| c.is_ascii_digit())
            && parts.all(|p| p.len() == 1 && p.bytes().all(|c| c.is_ascii_uppercase()))
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [one] => initials(one) || directorate(one),
        [.., language] => {
            EU_LANGUAGES.contains(language)
                && words.iter().any(|w| initials(w))
                && words.iter().any(|w| directorate(w))
        }
        [] => false,
    }
}

pub(super) fn barcode(text: &str) -> bool {
    text.len() >= 8
        && text.starts_with('*')
        && text.ends_with('*')
        && text[1..text.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// The codes of the EU's official languages, as its documents' footers give them.
pub(super) const EU_LANGUAGES: [&str; 24] = [
    "BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET", "FI", "FR", "GA", "HR", "HU", "IT", "LT", "LV",
    "MT", "NL", "PL", "PT", "RO", "SK", "SL", "SV",
];

/// "Please recycle" as the foot of a UN document's first page says it, in its six languages.
pub(super) const RECYCLE: [&str; 8] = [
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
pub(super) const FURNITURE_BYTES: usize = 120;

/// A line that is page furniture wherever it stands.
pub(super) fn furniture(text: &str) -> bool {
    if text.len() > FURNITURE_BYTES {
        return false;
    }
    if job_number(text) || barcode(text) || eu_footer(text) || council_footer(text) {
        return true;
    }
    let trimmed = text.trim_matches(['♲', ' ']);
    let lower = trimmed.to_lowercase();
    // "Please recycle" alone, or after the job number or the barcode on the first page's foot.
    let recycle = RECYCLE.iter().find_map(|r| {
        let before = lower.strip_suffix(r)?.len();
        let rest = trimmed.get(..before)?.trim_end_matches(['♲', ' ']);
        Some(rest.is_empty() || job_number(rest) || barcode(rest))
    });
    recycle == Some(true) || page_of(&lower).is_some_and(|(_, of)| of.is_some())
}

/// "3", "- 3 -", "Page 3", "page 3 of 12", "3/12": the page's number, and the count if given.
pub(super) fn page_of(lower: &str) -> Option<(u32, Option<u32>)> {
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

pub(super) fn classify(lines: &mut [Line], symbol: Option<&str>) {
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
            // The title block's symbol may carry its date after the Arabic comma.
            if symbol.is_some_and(|s| text.split('،').next().is_some_and(|t| t.trim() == s)) {
                seen_symbol = true;
            }
            Kind::Text
        };
    }
}

/// Whether the line at `i` stands where a page breaks: a form feed, certain furniture, or the
/// start or end of the text is next to it, with only blank and other doubtful lines between.
pub(super) fn at_page_break(lines: &[Line], i: usize) -> bool {
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
pub(super) fn settle_doubtful(lines: &mut [Line]) {
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
pub(super) fn running_key(text: &str) -> String {
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
pub(super) fn mark_running_lines(lines: &mut [Line]) {
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
    // A part's word repeated atop its pages ("ANNEX") heads the part the first time.
    let mut headed: std::collections::HashSet<String> = std::collections::HashSet::new();
    for i in edges {
        if is_part_word(&lines[i].text) && headed.insert(running_key(&lines[i].text)) {
            continue;
        }
        let text = &lines[i].text;
        // A running line is short (a title repeated as a header runs to a dozen words or so); a
        // sentence of the report that happens to recur is not one.
        let short = text.chars().count() <= 120
            && text.split_whitespace().count() <= 16
            && !text.ends_with(['.', ';', ',']);
        // An agenda's item and the annotation's heading that repeats it ("9 - Adoption of
        // the report") may both fall at a page's foot: a numbered line seen only twice is the
        // document's own.
        let seen = counts.get(&running_key(text)).copied().unwrap_or(0);
        let numbered_twice = seen < 3 && opens_numbered_item(text);
        if short && seen >= needed && !numbered_twice {
            lines[i].kind = Kind::Furniture;
        }
    }
}

/// A line that opens like an item of a numbered list or a paragraph: "9. ", "9 - " (as Arabic
/// documents number), "(a) ".
fn opens_numbered_item(text: &str) -> bool {
    let digits = text.chars().take_while(|c| c.is_numeric()).count();
    let rest = text.chars().skip(digits).collect::<String>();
    (digits > 0 && (rest.starts_with(". ") || rest.starts_with(" - ") || rest.starts_with(" – ")))
        || text.starts_with('(')
            && text[1..]
                .split_once(") ")
                .is_some_and(|(m, _)| m.chars().count() <= 4)
}
