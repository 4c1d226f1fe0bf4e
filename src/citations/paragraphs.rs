//! The paragraph a reference names in the document it cites: "paragraph 12 of resolution
//! 58/14", "operative paragraph 4 of General Assembly resolution 36/1", "para. 3 of
//! S/2026/100", "S/2026/100, para. 3", "الفقرة 12 من القرار 58/14".

use super::chars::Text;
use super::organs::is_name_word;

/// The words that may stand between a paragraph's number and the reference it is a paragraph
/// of: nothing that would make it a paragraph of something else ("paragraph 5 of the report
/// of the Secretary-General, and resolution 58/14").
const BETWEEN: &[&str] = &[
    "of",
    "the",
    "and",
    "to",
    "its",
    "de",
    "du",
    "del",
    "la",
    "le",
    "l",
    "des",
    "et",
    "y",
    "a",
    "al",
    "su",
    "sa",
    "من",
    "و",
    "и",
    "своей",
    "operative",
    "preambular",
];

/// The paragraph named by words ending at `lead`, where the reference begins.
pub(super) fn before(text: &Text, lead: usize) -> Option<u32> {
    let from = text.sentence_start(lead, 80);
    let word_at = (from..lead).rev().find(|&at| names_paragraph(text, at))?;
    let (number, number_end) = number_after_word(text, word_at)?;
    let between = text.slice(number_end, lead);
    let mut words = between
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    words
        .all(|word| {
            let word = word.to_lowercase();
            // Subparagraphs and further numbers: "paragraph 3 (a) (ii)", "paragraphs 3 and 4".
            word.chars().count() == 1
                || word.chars().all(|c| "ivx".contains(c))
                || BETWEEN.contains(&word.as_str())
                || is_name_word(&word)
        })
        .then_some(number)
}

/// The paragraph named right after a reference ending at `end`: "A/78/10, para. 5".
pub(super) fn after(text: &Text, end: usize) -> Option<u32> {
    let mut at = end;
    if text.at(at) == Some(',') {
        at += 1;
    }
    let at = text.skip_spaces(at);
    names_paragraph(text, at)
        .then(|| number_after_word(text, at))
        .flatten()
        .map(|(number, _)| number)
}

/// Whether the word at `at` names a paragraph: "paragraph", "para.", "paragraphe", "par."
/// (but not French "par", "by"), "párrafo", "párr.", "الفقرة", "пункте".
fn names_paragraph(text: &Text, at: usize) -> bool {
    let Some((word, end)) = text.word(at).filter(|_| text.starts_word(at)) else {
        return false;
    };
    let abbreviated = text.at(end) == Some('.');
    ["para", "paras", "párr"].contains(&word.as_str())
        || (word == "par" && abbreviated)
        || ["paragraph", "párrafo", "parrafo", "الفقر", "فقرة", "пункт"]
            .iter()
            .any(|stem| word.starts_with(stem))
}

/// The number after the word at `at` ("para. 3"), and where it ends.
fn number_after_word(text: &Text, at: usize) -> Option<(u32, usize)> {
    let (_, mut end) = text.word(at)?;
    if text.at(end) == Some('.') {
        end += 1;
    }
    text.digits(text.skip_spaces(end))
}
