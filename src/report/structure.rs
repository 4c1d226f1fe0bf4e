//! Second pass: recognises a report's structure in the source blocks: the title block, section
//! headings, numbered paragraphs with their "(a)" and "(i)" sub-paragraphs, unnumbered paragraphs,
//! and the debris of page breaks (a paragraph cut in two, a repeated title, a page number).
//! It gives every heading and paragraph the stable id its permalink uses.

use std::collections::HashSet;

use super::cover::{names_only, CoverBuilder};
use super::markdown::{source_blocks, SourceBlock, SourceKind};
use super::model::{
    footnote_ids, Block, Footnote, Heading, Paragraph, ParagraphKind, Report, RichText, Span,
};

/// Parses a report's text (plain text with Markdown conventions) into its structure.
pub fn parse(source: &str) -> Report {
    let mut report = parse_clean(&super::pages::clean(source));
    report.pages = super::page_spans::page_spans(source, &report);
    report
}

/// The structure of a text its pages have been taken from ([`super::pages::clean`]).
pub(super) fn parse_clean(text: &str) -> Report {
    let (notes, blocks): (Vec<SourceBlock>, Vec<SourceBlock>) = source_blocks(text)
        .into_iter()
        .partition(|b| matches!(b.kind, SourceKind::Footnote(_)));
    let footnotes = notes
        .into_iter()
        .filter_map(|b| match b.kind {
            SourceKind::Footnote(label) => Some(Footnote {
                id: footnote_ids(&label).0,
                label,
                text: joined(&b.lines),
            }),
            _ => None,
        })
        .collect();
    let segments = segments(&blocks);
    let repeated = repeated_lines(&segments);
    let mut cover = CoverBuilder::default();
    let mut rest = segments.as_slice();
    while let Some((segment, tail)) = rest.split_first() {
        let title_heading =
            matches!(segment.marker, Marker::Heading { label: None, .. }) && !cover.has_title();
        if title_heading {
            cover.set_title(joined(&segment.lines));
        } else if segment.marker != Marker::None
            || is_prose(&segment.lines)
            || (cover.has_title() && opens_body(&segment.lines))
        {
            break;
        } else if !cover.is_repeat(&segment.lines) {
            cover.take_block(&segment.lines);
        }
        rest = tail;
    }
    let mut body = Body::default();
    for (i, segment) in rest.iter().enumerate() {
        // Only unmarked segments can be debris; a repeated line is one line long (see
        // `repeated_lines`), so longer ones need no key.
        let debris = segment.marker == Marker::None
            && (cover.is_repeat(&segment.lines)
                || is_page_number(&segment.lines)
                || (segment.lines.len() == 1
                    && !repeated.is_empty()
                    && repeated.contains(&line_key(&segment.lines))));
        if debris {
            continue;
        }
        // A line of names alone above a numbered paragraph is the heading of what follows
        // ("Political Affairs"), as reports without numbered sections set them.
        let next_numbered = rest
            .get(i + 1)
            .is_some_and(|next| matches!(next.marker, Marker::Number(_)));
        if next_numbered && segment.marker == Marker::None && segment.lines.len() == 1 {
            let plain = segment.lines[0].plain();
            if names_only(&plain)
                && !ends_sentence(&plain)
                && !plain.trim_end().ends_with([',', '،'])
            {
                body.add(&Segment {
                    marker: Marker::Heading {
                        level: 2,
                        label: None,
                    },
                    lines: segment.lines.clone(),
                    written: None,
                });
                continue;
            }
        }
        body.add(segment);
    }
    Report {
        cover: cover.finish(),
        blocks: body.blocks,
        footnotes,
        pages: Default::default(),
    }
}

/// A line as running headers and footers repeat it: page numbers in it do not count.
fn line_key(lines: &[RichText]) -> String {
    let text = joined(lines).plain().to_lowercase();
    let mut key = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' if key.ends_with('#') => {}
            '0'..='9' => key.push('#'),
            c if c.is_whitespace() => {
                if !key.ends_with(' ') {
                    key.push(' ');
                }
            }
            c => key.push(c),
        }
    }
    key.trim().to_string()
}

/// Short unnumbered lines that stand alone three times or more, page numbers aside, are running
/// headers or footers left by page breaks ("EN 2 EN", "GE.25-04512"), not text of the report.
fn repeated_lines(segments: &[Segment]) -> HashSet<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for segment in segments
        .iter()
        .filter(|s| s.marker == Marker::None && s.lines.len() == 1)
    {
        let key = line_key(&segment.lines);
        if !key.is_empty() && key.chars().count() <= 100 {
            *counts.entry(key).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(k, _)| k)
        .collect()
}

/// What opens a segment of text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Marker {
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
struct Segment {
    marker: Marker,
    lines: Vec<RichText>,
    /// The paragraph's number or letter as the text writes it ("١.", "(أ)", "a)").
    written: Option<String>,
}

/// Splits source blocks where a line opens a new paragraph: a Markdown list item, or a line that
/// starts with a paragraph number or sub-paragraph marker (wrapped text puts those mid-block).
fn segments(blocks: &[SourceBlock]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut last_number: Option<u32> = None;
    for block in blocks {
        if let SourceKind::Heading(level) = block.kind {
            let (label, text) = split_heading_label(&joined(&block.lines));
            out.push(Segment {
                marker: Marker::Heading { level, label },
                lines: vec![text],
                written: None,
            });
            continue;
        }
        if block.item_number.is_none() && block.lines.len() == 1 {
            if let Some((level, label, text)) = heading_line(&block.lines[0]) {
                out.push(Segment {
                    marker: Marker::Heading {
                        level,
                        label: Some(label),
                    },
                    lines: vec![text],
                    written: None,
                });
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
                    out.push(Segment {
                        marker: Marker::Heading {
                            level: 2,
                            label: None,
                        },
                        lines: vec![word],
                        written: None,
                    });
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
                        out.push(Segment {
                            marker: Marker::Heading {
                                level,
                                label: Some(label),
                            },
                            lines: vec![text],
                            written: None,
                        });
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
fn line_marker(
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

/// A digit's value, in Western, Arabic-Indic or Persian digits.
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Arabic texts letter sub-paragraphs in the abjad order (أ ب ج د هـ و ز ح ط ي …): the Latin
/// letter in the same place gives the same id, so "(ب)" of paragraph 2 is `p2-b`.
fn arabic_letter(marker: &str) -> Option<char> {
    const ABJAD: [&str; 26] = [
        "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
        "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
    ];
    let marker = if marker == "ه" { "هـ" } else { marker };
    ABJAD
        .iter()
        .position(|l| *l == marker)
        .map(|i| (b'a' + i as u8) as char)
}

/// Arabic section numbers are ordinal words ("أولاً - مقدمة"); Chinese ones, numerals ("一、").
const ARABIC_ORDINALS: [&str; 12] = [
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "حادي عشر",
    "ثاني عشر",
];
const CHINESE_NUMERALS: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// "أولاً - مقدمة" or "一、导言": the section's label and its text.
fn other_script_section(plain: &str) -> Option<(String, String)> {
    let plain = plain.trim();
    if let Some((label, rest)) = plain.split_once('、').or_else(|| plain.split_once(". ")) {
        if CHINESE_NUMERALS.contains(&label) && !rest.trim().is_empty() {
            return Some((label.to_string(), rest.trim().to_string()));
        }
    }
    let (label, rest) = plain
        .split_once(" - ")
        .or_else(|| plain.split_once(" – "))
        .or_else(|| plain.split_once('-'))?;
    let bare: String = label
        .trim()
        .chars()
        .filter(|c| !('\u{064B}'..='\u{065F}').contains(c))
        .collect();
    (ARABIC_ORDINALS.contains(&bare.as_str()) && !rest.trim().is_empty())
        .then(|| (label.trim().to_string(), rest.trim().to_string()))
}

/// Whether `n` can be the number of the paragraph after `last`: numbering may skip or repeat a
/// little in real reports, but does not leap from 1 to 2025.
fn plausible_next(n: u32, last: Option<u32>) -> bool {
    match last {
        None => n < 1000,
        Some(last) => n + 5 >= last && n <= last + 50,
    }
}

fn prefixed(line: &RichText, prefix: &str) -> RichText {
    let mut text = RichText(vec![Span::plain(prefix)]);
    for span in line.spans() {
        text.push(span.clone());
    }
    text
}

/// The parts of a document that carry no number but a name of their own, in the six languages
/// of the United Nations: a line that is one of these (an annex with its number) is a heading.
const SECTION_WORDS: [&str; 18] = [
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

fn section_word(line: &RichText) -> Option<RichText> {
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
fn heading_line(line: &RichText) -> Option<(u8, String, RichText)> {
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
fn split_heading_label(line: &RichText) -> (Option<String>, RichText) {
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

fn joined(lines: &[RichText]) -> RichText {
    let mut text = RichText::default();
    for line in lines {
        text.join_line(line);
    }
    text
}

/// Running text rather than title-block lines: a long line, or a sentence of some length.
fn is_prose(lines: &[RichText]) -> bool {
    let text = joined(lines).plain();
    lines.iter().any(|l| l.plain().chars().count() > 200)
        || (text.split_whitespace().count() >= 15 && ends_sentence(&text))
}

/// Whether a line inside a block starts a paragraph of a resolution's preamble, which text
/// exports run together without a blank line: the subject ("The General Assembly,") before its
/// first clause, or a clause opening with its participle ("Recalling", "Rappelant",
/// "Recordando", "Ссылаясь", "إذ تشير") after one that ended.
fn starts_clause(previous: Option<&RichText>, line: &RichText, next: Option<&RichText>) -> bool {
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

/// After the title, a block that ends as a clause of running text does ("The General Assembly,",
/// "Recalling its resolution 78/190,"): the body has begun, however short the block.
fn opens_body(lines: &[RichText]) -> bool {
    let text = joined(lines).plain();
    let text = text.trim_end();
    text.ends_with([',', ';', ':', '،', '؛'])
        || (ends_sentence(text) && text.split_whitespace().count() >= 6)
}

fn ends_sentence(text: &str) -> bool {
    let text = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '*']);
    text.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A page break left behind a page number: "- 12 -", "Page 12", "Page 3 of 9". A number alone
/// ("12") is one only where the first pass (`pages`) saw a page break beside it: elsewhere it
/// may be a paragraph of its own, and stays.
fn is_page_number(lines: &[RichText]) -> bool {
    let [line] = lines else { return false };
    let text = line.plain().to_lowercase();
    let decorated = text.trim().starts_with(['-', '–', '—']) || text.trim().starts_with("page");
    if !decorated {
        return false;
    }
    let text = text.trim().trim_matches(['-', '–', '—', ' ']);
    let text = text.strip_prefix("page").unwrap_or(text).trim();
    let number = text.split(" of ").next().unwrap_or(text).trim();
    !number.is_empty() && number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `next` carries on the sentence that `previous` left unfinished, as the two halves of a
/// paragraph cut by a page break do.
fn continues(previous: &str, next: &str) -> bool {
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

fn roman_value(numeral: &str) -> Option<u32> {
    const TABLE: [(&str, u32); 9] = [
        ("xl", 40),
        ("x", 10),
        ("ix", 9),
        ("v", 5),
        ("iv", 4),
        ("i", 1),
        ("l", 50),
        ("xc", 90),
        ("c", 100),
    ];
    let mut rest = numeral;
    let mut value = 0;
    'outer: while !rest.is_empty() {
        for (symbol, v) in TABLE {
            if let Some(tail) = rest.strip_prefix(symbol) {
                value += v;
                rest = tail;
                continue 'outer;
            }
        }
        return None;
    }
    // Only the small numerals sub-paragraphs use; "(c)" or "(l)" are letters.
    (1..=39).contains(&value).then_some(value)
}

fn letter_before(marker: &str) -> Option<char> {
    let mut chars = marker.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c > 'a').then(|| (c as u8 - 1) as char)
}

/// Gives out ids, so that two paragraphs written with the same number still get distinct ones.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn claim(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        let mut n = 2;
        while !self.0.insert(id.clone()) {
            id = format!("{wanted}_{n}");
            n += 1;
        }
        id
    }
}

fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        // Vowel marks and tatweel are not typed in a link: "أولاً" is "أولا".
        if matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
            continue;
        }
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[derive(Default)]
struct Body {
    blocks: Vec<Block>,
    ids: Ids,
    /// The id unnumbered paragraphs are named after (the last numbered paragraph or heading).
    anchor: Option<String>,
    unnumbered_since_anchor: u32,
    /// The top-level paragraph sub-paragraphs attach to; a heading closes it.
    open: Option<usize>,
    /// Whether the open paragraph's first-level sub-paragraphs are numbered (i), (ii) rather than lettered.
    first_level_roman: bool,
}

impl Body {
    fn add(&mut self, segment: &Segment) {
        let text = joined(&segment.lines);
        match &segment.marker {
            Marker::Heading { level, label } => {
                let words = format!("{} {}", label.as_deref().unwrap_or(""), text.plain());
                let wanted = match slug(&words) {
                    s if s.is_empty() => format!("h{}", self.blocks.len() + 1),
                    s => format!("h-{s}"),
                };
                let id = self.ids.claim(wanted);
                self.anchor = Some(id.clone());
                self.unnumbered_since_anchor = 0;
                self.open = None;
                self.blocks.push(Block::Heading(Heading {
                    id,
                    level: *level,
                    label: label.clone(),
                    text,
                }));
            }
            Marker::Number(n) => {
                let id = self.ids.claim(format!("p{n}"));
                self.anchor = Some(id.clone());
                self.unnumbered_since_anchor = 0;
                let name = format!("paragraph {n}");
                let written = segment.written.clone();
                self.push_top(Paragraph {
                    id,
                    name,
                    kind: ParagraphKind::Numbered(*n),
                    written,
                    text,
                    children: Vec::new(),
                });
            }
            Marker::Sub(marker) => self.add_sub(marker, segment.written.clone(), text),
            Marker::None => {
                if let Some(last) = self.deepest_open() {
                    if continues(&last.text.plain(), &text.plain()) {
                        last.text.join_line(&text);
                        return;
                    }
                }
                self.unnumbered_since_anchor += 1;
                let k = self.unnumbered_since_anchor;
                let (wanted, name) = match &self.anchor {
                    Some(anchor) => (
                        format!("{anchor}-u{k}"),
                        format!("unnumbered paragraph {k} after {}", self.anchor_name()),
                    ),
                    None => (format!("u{k}"), format!("unnumbered paragraph {k}")),
                };
                let id = self.ids.claim(wanted);
                self.push_top(Paragraph {
                    id,
                    name,
                    kind: ParagraphKind::Unnumbered,
                    written: None,
                    text,
                    children: Vec::new(),
                });
            }
        }
    }

    fn anchor_name(&self) -> String {
        let anchor = self.anchor.as_deref().unwrap_or_default();
        self.blocks
            .iter()
            .rev()
            .find(|b| b.id() == anchor)
            .map(|b| match b {
                Block::Heading(h) => h.name(),
                Block::Paragraph(p) => p.name.clone(),
            })
            .unwrap_or_default()
    }

    fn push_top(&mut self, paragraph: Paragraph) {
        self.open = Some(self.blocks.len());
        self.first_level_roman = false;
        self.blocks.push(Block::Paragraph(paragraph));
    }

    fn open_paragraph(&mut self) -> Option<&mut Paragraph> {
        match self.blocks.get_mut(self.open?) {
            Some(Block::Paragraph(p)) => Some(p),
            _ => None,
        }
    }

    /// The paragraph text is currently being added to: the last sub-paragraph of the open one.
    fn deepest_open(&mut self) -> Option<&mut Paragraph> {
        let mut p = self.open_paragraph()?;
        while !p.children.is_empty() {
            p = p.children.last_mut()?;
        }
        Some(p)
    }

    fn add_sub(&mut self, marker: &str, written: Option<String>, text: RichText) {
        if self.open.is_none() {
            // A sub-paragraph with nothing above it: an unnumbered paragraph that keeps its label.
            self.unnumbered_since_anchor += 1;
            let wanted = match &self.anchor {
                Some(anchor) => format!("{anchor}-{marker}"),
                None => format!("u{}-{marker}", self.unnumbered_since_anchor),
            };
            let id = self.ids.claim(wanted);
            let name = format!("paragraph ({marker})");
            self.push_top(Paragraph {
                id,
                name,
                kind: ParagraphKind::Sub(marker.to_string()),
                written,
                text,
                children: Vec::new(),
            });
            return;
        }
        let Some(Block::Paragraph(top)) = self.open.and_then(|i| self.blocks.get_mut(i)) else {
            return;
        };
        // "(i)" after "(h)" is a letter; otherwise a small numeral is a roman sub-sub-paragraph.
        let follows_letter = top.children.last().is_some_and(|c| {
            matches!(&c.kind, ParagraphKind::Sub(m) if letter_before(marker).is_some_and(|l| m.len() == 1 && m.starts_with(l)))
        });
        let is_roman = roman_value(marker).is_some() && (!follows_letter || self.first_level_roman);
        if top.children.is_empty() {
            self.first_level_roman = is_roman;
        }
        let nest = is_roman && !self.first_level_roman;
        let parent = match top.children.last_mut() {
            Some(last) if nest => last,
            _ => top,
        };
        let id = self.ids.claim(format!("{}-{marker}", parent.id));
        let name = format!("{} ({marker})", parent.name);
        parent.children.push(Paragraph {
            id,
            name,
            kind: ParagraphKind::Sub(marker.to_string()),
            written,
            text,
            children: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_needs_an_unfinished_sentence() {
        assert!(continues(
            "and the need to adhere to the",
            "agreement to protect civilians"
        ));
        assert!(continues("between the", "Islamic Republic of Pakistan and"));
        assert!(!continues(
            "in the South Asian region.",
            "The meeting adopted"
        ));
        assert!(!continues("Jammu and Kashmir", "Istanbul"));
    }

    #[test]
    fn roman_numerals_are_small_and_canonical_enough() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xii"), Some(12));
        assert_eq!(roman_value("c"), None);
        assert_eq!(roman_value("l"), None);
        assert_eq!(roman_value("b"), None);
    }

    #[test]
    fn page_numbers_are_recognised_by_their_form() {
        for text in ["- 12 -", "Page 3", "Page 3 of 9", "– 4 –"] {
            assert!(
                is_page_number(&[RichText(vec![super::super::model::Span::plain(text)])]),
                "{text}"
            );
        }
        for text in ["12 June", "12"] {
            assert!(
                !is_page_number(&[RichText(vec![super::super::model::Span::plain(text)])]),
                "{text}: a number alone may be text"
            );
        }
    }

    #[test]
    fn numbers_letters_and_sections_of_other_scripts_get_the_usual_ids() {
        let ids = |text: &str| {
            fn walk(p: &Paragraph, out: &mut Vec<(String, Option<String>)>) {
                out.push((p.id.clone(), p.label()));
                p.children.iter().for_each(|c| walk(c, out));
            }
            let mut out = Vec::new();
            for block in parse(text).blocks {
                match block {
                    Block::Heading(h) => out.push((h.id, h.label)),
                    Block::Paragraph(p) => walk(&p, &mut out),
                }
            }
            out
        };
        let pair = |id: &str, label: &str| (id.to_string(), Some(label.to_string()));
        assert_eq!(
            ids("تقرير\n\nأولاً - مقدمة\n\n١. يرحب المجلس بالتقرير.\n(أ) أولاً؛\n(ب) ثانياً.\n\n۲. يقرر المجلس.\n"),
            [pair("h-أولا-مقدمة", "أولاً"), pair("p1", "١."), pair("p1-a", "(أ)"), pair("p1-b", "(ب)"), pair("p2", "۲.")]
        );
        assert_eq!(
            ids("报告\n\n一、导言\n\n1. 大会审议了报告。\n\n二、建议\n\n2. 大会决定。\n"),
            [
                pair("h-一-导言", "一"),
                pair("p1", "1."),
                pair("h-二-建议", "二"),
                pair("p2", "2.")
            ]
        );
        assert_eq!(
            ids("Informe\n\n1. El Consejo decide:\na) aprobar el informe;\nb) seguir ocupándose de la cuestión.\n"),
            [pair("p1", "1."), pair("p1-a", "a)"), pair("p1-b", "b)")]
        );
    }

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slug("I. Introduction"), "i-introduction");
        assert_eq!(slug("Économie & société"), "économie-société");
        assert_eq!(slug("   "), "");
    }
}
