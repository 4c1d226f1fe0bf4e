//! The pages each paragraph came from, in a text that has pages (a PDF, or a text exported from
//! one: a form feed between pages), so that a reader can see "p. 3" and cite it.
//!
//! The passes that read the structure take page furniture away and join what pages broke, so
//! pages are found afterwards, by finding each paragraph again in the paginated text: its opening
//! and its close, letters and digits only (hyphens at line ends, spaces, furniture and
//! punctuation do not count), searched from where the paragraph before it was found. A paragraph
//! that cannot be found has no page, rather than a wrong one. Pages are counted as a PDF viewer
//! counts them, from 1 at the first page.

use std::collections::BTreeMap;

use super::model::{PageSpan, Report};

/// The pages to show beside a paragraph: a sub-paragraph on its parent's pages is on them
/// already, and saying so again under every letter is noise.
pub fn shown(own: Option<PageSpan>, parent: Option<PageSpan>) -> Option<PageSpan> {
    own.filter(|own| {
        parent.is_none_or(|parent| parent.first != own.first || parent.last < own.last)
    })
}

/// How many letters and digits of a paragraph's opening and close are looked for: enough to be
/// one place in a report, few enough to stay clear of a page's furniture inside a paragraph.
const KEY_CHARS: usize = 40;

/// How far past the previous paragraph a paragraph is looked for, at least: footnotes and
/// furniture lie between paragraphs, never whole pages of text.
const SEARCH_WINDOW: usize = 20_000;

/// A text's letters and digits, lower-cased, with the page each stands on.
struct Letters {
    chars: Vec<char>,
    /// Whether each letter starts a word: a paragraph opens with a word, not inside one ("El
    /// Consejo" is not the end of "del Consejo").
    word_starts: Vec<bool>,
    /// Where each page after the first starts, in `chars`.
    page_starts: Vec<usize>,
}

impl Letters {
    fn of(text: &str) -> Letters {
        let mut chars = Vec::with_capacity(text.len());
        let mut word_starts = Vec::with_capacity(text.len());
        let mut page_starts = Vec::new();
        let mut in_word = false;
        for c in text.chars() {
            if c == '\u{c}' {
                page_starts.push(chars.len());
            } else {
                let before = chars.len();
                push_letter(c, &mut chars);
                word_starts.extend((before..chars.len()).map(|i| i == before && !in_word));
            }
            in_word = c.is_alphanumeric();
        }
        Letters {
            chars,
            word_starts,
            page_starts,
        }
    }

    fn page_at(&self, at: usize) -> u32 {
        self.page_starts.partition_point(|start| *start <= at) as u32 + 1
    }

    /// Where `key` next occurs at or after `from`, within `window` letters; at a word's start
    /// only, if `word` says so.
    fn find(&self, key: &[char], from: usize, window: usize, word: bool) -> Option<usize> {
        let end = (from + window + key.len()).min(self.chars.len());
        let first = *key.first()?;
        (from..end.saturating_sub(key.len() - 1)).find(|&i| {
            self.chars[i] == first
                && (!word || self.word_starts[i])
                && self.chars[i..i + key.len()] == *key
        })
    }
}

/// A letter or digit, lower-cased; anything else is left out.
fn push_letter(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    } else if c.is_alphanumeric() {
        out.extend(c.to_lowercase());
    }
}

/// The pages of every paragraph that could be found, by id; empty for a text without pages.
pub fn page_spans(source: &str, report: &Report) -> BTreeMap<String, PageSpan> {
    let mut spans = BTreeMap::new();
    if !source.contains('\u{c}') {
        return spans;
    }
    let text = Letters::of(source);
    let mut cursor = 0;
    let mut own = Vec::new();
    for paragraph in report.paragraphs() {
        own.clear();
        for span in &paragraph.text.0 {
            span.text.chars().for_each(|c| push_letter(c, &mut own));
        }
        if own.is_empty() {
            continue;
        }
        let key = &own[..own.len().min(KEY_CHARS)];
        let Some(start) = text.find(key, cursor, SEARCH_WINDOW, true) else {
            continue;
        };
        let close = &own[own.len().saturating_sub(KEY_CHARS)..];
        // The close lies about the paragraph's length on from its opening, furniture and
        // footnotes at a page break besides (a little less, should the pages hold fewer
        // letters than the paragraph, say where an export dropped a character).
        let from = start + (own.len() - close.len()) * 3 / 4;
        let end = text
            .find(close, from, own.len() + SEARCH_WINDOW, false)
            .map(|at| at + close.len() - 1);
        let last = end.unwrap_or(start);
        spans.insert(
            paragraph.id.clone(),
            PageSpan {
                first: text.page_at(start),
                last: text.page_at(last),
            },
        );
        cursor = end.map_or(start + key.len(), |end| end + 1);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse;

    #[test]
    fn each_paragraph_knows_its_pages_and_one_broken_across_a_page_spans_both() {
        // Lines as wide as wrapped text fills them, so that the paragraph broken by the page is
        // joined again.
        let source = "United Nations\tA/HRC/61/27\n\nReport of the Council\n\n\
            1. The Council met in Geneva from 3 to 5 March 2025 and heard the statements made.\n\n\
            2. It recalled resolution 56/7 and its earlier recommendations on the matter of the\n\
            agenda, and all the decisions it had taken at its session held in June of that\n\
            \u{c}A/HRC/61/27\n\n\
            year, the item being left for its next session as the delegations had proposed.\n\n\
            3. The Council adopted the report of its session with the amendments read out.\n\
            \u{c}4. Short.\n";
        let report = parse(source);
        let spans = page_spans(source, &report);
        let of = |id: &str| spans.get(id).map(ToString::to_string);
        assert_eq!(of("p1").as_deref(), Some("p. 1"));
        assert_eq!(of("p2").as_deref(), Some("pp. 1–2"), "{spans:?}");
        assert_eq!(of("p3").as_deref(), Some("p. 2"));
        assert_eq!(of("p4").as_deref(), Some("p. 3"));
        assert_eq!(spans["p2"].spoken(), "pages 1 to 2");
        assert_eq!(
            report.pages_of("p4"),
            spans.get("p4").copied(),
            "parsing finds them"
        );
    }

    #[test]
    fn a_text_without_pages_has_none_and_a_paragraph_not_found_has_none() {
        let source = "1. First.\n\n2. Second.\n";
        assert!(page_spans(source, &parse(source)).is_empty());
        let report =
            parse("1. First paragraph here.\n\n2. A paragraph that the pages do not hold.\n");
        let spans = page_spans(
            "1. First paragraph here.\n\u{c}Something else entirely.\n",
            &report,
        );
        assert_eq!(spans.get("p1").map(|s| s.first), Some(1));
        assert_eq!(spans.get("p2"), None);
    }

    #[test]
    fn a_sub_paragraph_shows_its_pages_only_where_they_are_not_its_parents() {
        let span = |first, last| Some(PageSpan { first, last });
        assert_eq!(shown(span(2, 2), None), span(2, 2));
        assert_eq!(shown(span(2, 2), span(2, 3)), None);
        assert_eq!(shown(span(3, 3), span(2, 3)), span(3, 3));
        assert_eq!(shown(span(2, 3), span(2, 2)), span(2, 3));
        assert_eq!(shown(None, span(2, 2)), None);
    }

    #[test]
    fn repeated_openings_are_found_in_order() {
        let source = "1. Decides to remain seized of the matter.\n\u{c}2. Decides to remain seized of the matter.\n\u{c}3. Decides to remain seized of the matter.\n";
        let report = parse(source);
        let spans = page_spans(source, &report);
        let pages: Vec<u32> = ["p1", "p2", "p3"]
            .iter()
            .map(|id| spans[*id].first)
            .collect();
        assert_eq!(pages, [1, 2, 3]);
    }
}
