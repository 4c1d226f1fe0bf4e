//! Small readings of a block's lines that every part of the pass asks: its lines as one, whether
//! it is prose, whether it ends a sentence or goes on, whether it is a page number left over.

use crate::report::model::{RichText, Span};

/// A line as running headers and footers repeat it: page numbers in it do not count.
pub(super) fn line_key(lines: &[RichText]) -> String {
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

/// A line's text without its footnote references.
pub(super) fn without_references(line: &RichText) -> String {
    line.spans()
        .iter()
        .filter(|s| s.style.footnote == crate::report::model::FootnoteRef::No)
        .map(|s| s.text.as_str())
        .collect()
}

pub(super) fn prefixed(line: &RichText, prefix: &str) -> RichText {
    let mut text = RichText(vec![Span::plain(prefix)]);
    for span in line.spans() {
        text.push(span.clone());
    }
    text
}

pub(super) fn joined(lines: &[RichText]) -> RichText {
    let mut text = RichText::default();
    for line in lines {
        text.join_line(line);
    }
    text
}

/// Running text rather than title-block lines: a long line, or a sentence of some length.
pub(super) fn is_prose(lines: &[RichText]) -> bool {
    let text = joined(lines).plain();
    lines.iter().any(|l| l.plain().chars().count() > 200)
        || (text.split_whitespace().count() >= 15 && ends_sentence(&text))
}

/// After the title, a block that ends as a clause of running text does ("The General Assembly,",
/// "Recalling its resolution 78/190,"): the body has begun, however short the block.
pub(super) fn opens_body(lines: &[RichText]) -> bool {
    let text = joined(lines).plain();
    let text = text.trim_end();
    text.ends_with([',', ';', ':', '،', '؛'])
        || (ends_sentence(text) && text.split_whitespace().count() >= 6)
}

pub(super) fn ends_sentence(text: &str) -> bool {
    let text = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '*']);
    text.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A page break left behind a page number: "- 12 -", "Page 12", "Page 3 of 9". A number alone
/// ("12") is one only where the first pass (`pages`) saw a page break beside it: elsewhere it
/// may be a paragraph of its own, and stays.
pub(super) fn is_page_number(lines: &[RichText]) -> bool {
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
