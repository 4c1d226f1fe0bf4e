//! A query as a reader types it: words found in any order, and phrases in quotes found as
//! written. A word that is several words to the index ("follow-up", "A/HRC/55/23", "数字") is
//! found as a phrase, since its parts stand together in the text.

use super::terms::words;
use crate::search::fold_text;

/// One thing the query asks to find in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Its words, folded: each begins a word of the paragraph.
    pub words: Vec<String>,
    /// Folded as typed, where it is more than one word: the paragraph holds it as is.
    pub phrase: Option<String>,
}

/// The parts of a query; none for an empty one.
pub fn parse(query: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    for (i, piece) in query.split(['"', '“', '”', '«', '»']).enumerate() {
        let quoted = i % 2 == 1;
        let pieces: Vec<&str> = if quoted {
            vec![piece]
        } else {
            piece.split_whitespace().collect()
        };
        for piece in pieces {
            let found: Vec<String> = words(piece).into_iter().map(|w| w.folded).collect();
            if found.is_empty() {
                continue;
            }
            let phrase = (found.len() > 1).then(|| {
                let folded = fold_text(piece.trim());
                // A phrase is matched from its first word's start to its last word's end.
                let from = folded.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
                let to = folded
                    .rfind(|c: char| c.is_alphanumeric())
                    .map_or(folded.len(), |at| {
                        at + folded[at..].chars().next().map_or(0, char::len_utf8)
                    });
                folded[from..to].to_string()
            });
            let part = Part {
                words: found,
                phrase,
            };
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Part {
        Part {
            words: vec![w.to_string()],
            phrase: None,
        }
    }

    #[test]
    fn words_are_parts_of_their_own_and_phrases_keep_their_words_together() {
        assert_eq!(
            parse("Détention  \"arbitrary  detention\" of"),
            [
                word("detention"),
                Part {
                    words: vec!["arbitrary".into(), "detention".into()],
                    phrase: Some("arbitrary detention".into()),
                },
                word("of"),
            ]
        );
    }

    #[test]
    fn a_word_of_several_index_words_is_a_phrase() {
        assert_eq!(
            parse("A/HRC/55/23.")[0].phrase.as_deref(),
            Some("a/hrc/55/23")
        );
        assert_eq!(parse("follow-up")[0].words, ["follow", "up"]);
        assert_eq!(parse("数字")[0].phrase.as_deref(), Some("数字"));
    }

    #[test]
    fn nothing_to_find_is_no_part_and_a_repeated_word_counts_once() {
        assert!(parse("  \" \" … ").is_empty());
        assert_eq!(parse("peace Peace"), [word("peace")]);
        assert_eq!(parse("«paix durable»")[0].words, ["paix", "durable"]);
    }
}
