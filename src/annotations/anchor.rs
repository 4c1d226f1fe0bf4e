//! Anchoring a passage, as Hypothesis does but scoped to one paragraph: a passage is stored as
//! the quote (exact words, a little context either side) and its position in the paragraph's
//! text. When the text changes, re-anchoring tries the position, then the exact quote, then a
//! fuzzy match; a passage that cannot be placed is an orphan, to be listed, never dropped.
//!
//! Positions count characters (Unicode scalar values) of the paragraph's plain text.

use serde::{Deserialize, Serialize};

/// How much context is kept either side of a quote to tell repeated words apart.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
    pub end: usize,
}

impl Quote {
    /// The quote for characters `start..end` of `text`, without white space at its ends.
    /// `None` if that leaves nothing, or the range is not inside the text.
    pub fn from_text(text: &str, start: usize, end: usize) -> Option<Quote> {
        let chars: Vec<char> = text.chars().collect();
        if start >= end || end > chars.len() {
            return None;
        }
        let mut start = start;
        let mut end = end;
        while start < end && chars[start].is_whitespace() {
            start += 1;
        }
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        if start == end {
            return None;
        }
        Some(Quote {
            exact: chars[start..end].iter().collect(),
            prefix: chars[start.saturating_sub(CONTEXT_CHARS)..start]
                .iter()
                .collect(),
            suffix: chars[end..(end + CONTEXT_CHARS).min(chars.len())]
                .iter()
                .collect(),
            start,
            end,
        })
    }
}

/// How many opening characters of a paragraph identify it when paragraphs are renumbered.
pub const EXCERPT_CHARS: usize = 160;

impl Quote {
    /// The opening words of a paragraph, to find it again after a revision.
    pub fn excerpt(text: &str) -> Option<Quote> {
        Quote::from_text(text, 0, text.chars().count().min(EXCERPT_CHARS))
    }
}

/// Where a stored passage lands in the paragraph's current text, and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchoring {
    /// The text at the stored position is still the quote.
    Position { start: usize, end: usize },
    /// The quote was found elsewhere in the paragraph: it moved.
    Moved { start: usize, end: usize },
    /// Only a close match was found: the words were edited.
    Fuzzy { start: usize, end: usize },
    /// Nothing close enough: shown as an orphan with its quote.
    Orphan,
}

impl Anchoring {
    pub fn range(self) -> Option<(usize, usize)> {
        match self {
            Anchoring::Position { start, end }
            | Anchoring::Moved { start, end }
            | Anchoring::Fuzzy { start, end } => Some((start, end)),
            Anchoring::Orphan => None,
        }
    }
}

/// The most edits, as a share of the quote's length, that a fuzzy match may need.
const FUZZY_TOLERANCE: f64 = 0.25;
/// Fuzzy matching costs quote length × paragraph length; beyond this it is not tried.
const FUZZY_BUDGET: usize = 4_000_000;

pub fn anchor(text: &str, quote: &Quote) -> Anchoring {
    let text: Vec<char> = text.chars().collect();
    let exact: Vec<char> = quote.exact.chars().collect();
    if exact.is_empty() {
        return Anchoring::Orphan;
    }
    if text.get(quote.start..quote.end) == Some(&exact[..]) {
        return Anchoring::Position {
            start: quote.start,
            end: quote.end,
        };
    }
    if let Some(start) = best_exact(&text, &exact, quote) {
        return Anchoring::Moved {
            start,
            end: start + exact.len(),
        };
    }
    match fuzzy(&text, &exact, quote.start) {
        Some((start, end)) => Anchoring::Fuzzy { start, end },
        None => Anchoring::Orphan,
    }
}

fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Of all the places the exact quote occurs, the one whose surroundings best match the stored
/// context, then the nearest to where it was.
fn best_exact(text: &[char], exact: &[char], quote: &Quote) -> Option<usize> {
    let prefix: Vec<char> = quote.prefix.chars().collect();
    let suffix: Vec<char> = quote.suffix.chars().collect();
    (0..=text.len().checked_sub(exact.len())?)
        .filter(|&i| text[i..i + exact.len()] == *exact)
        .max_by_key(|&i| {
            let context = common_suffix(&text[..i], &prefix)
                + common_prefix(&text[i + exact.len()..], &suffix);
            (context, std::cmp::Reverse(i.abs_diff(quote.start)))
        })
}

/// The stretch of `text` closest to `pattern` by edit distance (Sellers' algorithm: the match
/// may start anywhere), if it is close enough.
fn fuzzy(text: &[char], pattern: &[char], near: usize) -> Option<(usize, usize)> {
    let m = pattern.len();
    if text.is_empty() || m.saturating_mul(text.len()) > FUZZY_BUDGET {
        return None;
    }
    let max_cost = ((m as f64) * FUZZY_TOLERANCE).floor() as usize;
    // column[i] = (edits, start) of the best alignment of pattern[..i] ending at the current text position.
    let mut column: Vec<(usize, usize)> = (0..=m).map(|i| (i, 0)).collect();
    let mut best: Option<(usize, usize, usize)> = None;
    for j in 1..=text.len() {
        let mut next = Vec::with_capacity(m + 1);
        next.push((0, j));
        for i in 1..=m {
            let substitute = (
                column[i - 1].0 + usize::from(pattern[i - 1] != text[j - 1]),
                column[i - 1].1,
            );
            let skip_pattern = (next[i - 1].0 + 1, next[i - 1].1);
            let skip_text = (column[i].0 + 1, column[i].1);
            next.push(
                *[substitute, skip_pattern, skip_text]
                    .iter()
                    .min_by_key(|(cost, _)| *cost)
                    .unwrap(),
            );
        }
        column = next;
        let (cost, start) = column[m];
        let better = match best {
            None => true,
            Some((best_cost, best_start, _)) => {
                cost < best_cost
                    || (cost == best_cost && start.abs_diff(near) < best_start.abs_diff(near))
            }
        };
        if better && start < j {
            best = Some((cost, start, j));
        }
    }
    best.filter(|(cost, _, _)| *cost <= max_cost)
        .map(|(_, start, end)| (start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The Contact Group welcomed the ceasefire and commended all countries that made sincere efforts.";

    fn quote_of(text: &str, words: &str) -> Quote {
        let byte = text.find(words).unwrap();
        let start = text[..byte].chars().count();
        Quote::from_text(text, start, start + words.chars().count()).unwrap()
    }

    fn slice(text: &str, range: Option<(usize, usize)>) -> String {
        let (s, e) = range.unwrap();
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn a_quote_keeps_its_context_and_drops_white_space_at_its_ends() {
        let q = Quote::from_text("one two three", 3, 8).unwrap();
        assert_eq!(
            (
                q.exact.as_str(),
                q.prefix.as_str(),
                q.suffix.as_str(),
                q.start,
                q.end
            ),
            ("two", "one ", " three", 4, 7)
        );
        assert_eq!(Quote::from_text("one two", 3, 4), None, "only white space");
        assert_eq!(Quote::from_text("one", 2, 9), None, "outside the text");
    }

    #[test]
    fn unchanged_text_anchors_by_position() {
        let q = quote_of(TEXT, "welcomed the ceasefire");
        assert_eq!(
            anchor(TEXT, &q),
            Anchoring::Position {
                start: q.start,
                end: q.end
            }
        );
    }

    #[test]
    fn shifted_text_anchors_by_the_exact_quote() {
        let q = quote_of(TEXT, "welcomed the ceasefire");
        let revised = format!("Recalling recent developments, {TEXT}");
        let found = anchor(&revised, &q);
        assert!(matches!(found, Anchoring::Moved { .. }));
        assert_eq!(slice(&revised, found.range()), "welcomed the ceasefire");
    }

    #[test]
    fn repeated_words_are_told_apart_by_their_context() {
        let text = "the ceasefire held; later the ceasefire was welcomed by all";
        let byte = text.rfind("the ceasefire").unwrap();
        let q = Quote::from_text(text, byte, byte + "the ceasefire".len()).unwrap();
        let revised = format!("Again: {text}");
        let (start, _) = anchor(&revised, &q).range().unwrap();
        assert_eq!(&revised[start..], "the ceasefire was welcomed by all");
    }

    #[test]
    fn edited_words_anchor_fuzzily() {
        let q = quote_of(TEXT, "commended all countries that made sincere efforts");
        let revised = TEXT.replace("made sincere efforts", "made genuine efforts");
        let found = anchor(&revised, &q);
        assert!(matches!(found, Anchoring::Fuzzy { .. }), "{found:?}");
        assert_eq!(
            slice(&revised, found.range()),
            "commended all countries that made genuine efforts"
        );
    }

    #[test]
    fn a_passage_whose_words_are_gone_is_an_orphan() {
        let q = quote_of(TEXT, "welcomed the ceasefire");
        assert_eq!(
            anchor("The meeting adopted a Joint Communiqué on this issue.", &q),
            Anchoring::Orphan
        );
        assert_eq!(anchor("", &q), Anchoring::Orphan);
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "Republic of Türkiye and the Communiqué";
        let q = quote_of(text, "the Communiqué");
        assert_eq!((q.start, q.end), (24, 38));
        assert_eq!(anchor(text, &q), Anchoring::Position { start: 24, end: 38 });
    }
}
