//! The words of a text as the library's index keeps them: folded as a report's own search folds
//! (so that "Détention" and "detention" are one word), cut at anything that is not a letter or a
//! digit, and each Chinese, Japanese or Korean character a word of its own, since those scripts
//! put no spaces between words.

use crate::search::fold_with_origin;

/// A word of a text: its folded form and where it stands in the original (char offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// Whether a character is written without spaces around its words.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // han
        | '\u{AC00}'..='\u{D7AF}' // hangul
    )
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<Word> = None;
    fold_with_origin(text, |c, at| {
        if is_unspaced(c) {
            out.extend(current.take());
            out.push(Word {
                folded: c.to_string(),
                start: at,
                end: at + 1,
            });
        } else if c.is_alphanumeric() {
            match current.as_mut() {
                Some(word) => {
                    word.folded.push(c);
                    word.end = at + 1;
                }
                None => {
                    current = Some(Word {
                        folded: c.to_string(),
                        start: at,
                        end: at + 1,
                    })
                }
            }
        } else {
            out.extend(current.take());
        }
    });
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn words_are_folded_and_cut_at_what_is_not_a_letter_or_digit() {
        assert_eq!(
            folded("La Détention arbitraire (A/HRC/55/23)."),
            ["la", "detention", "arbitraire", "a", "hrc", "55", "23"]
        );
        assert_eq!(folded("ﬁnancing — œuvre"), ["financing", "oeuvre"]);
    }

    #[test]
    fn arabic_words_lose_their_marks_and_digits_are_read_as_typed() {
        assert_eq!(folded("عُقِدَت الدورة ٥١"), ["عقدت", "الدورة", "51"]);
    }

    #[test]
    fn each_chinese_character_is_a_word() {
        assert_eq!(folded("数字农业 A."), ["数", "字", "农", "业", "a"]);
    }

    #[test]
    fn a_word_knows_where_it_stands_in_the_original() {
        let found = words("Il a dit « Détention »");
        let detention = &found[3];
        assert_eq!((detention.start, detention.end), (11, 20));
        let chars: String = "Il a dit « Détention »".chars().skip(11).take(9).collect();
        assert_eq!(chars, "Détention");
    }
}
