//! A report's own contents table ("Contents … Paragraphs Page", dot leaders, paragraph ranges and
//! page numbers) is not text of the report: its lines are taken out before the structure is read,
//! and what each entry names is found among the headings, so that the table can be shown as links.
//!
//! The table runs from its heading ("Contents", "Table des matières", "Índice", "Содержание",
//! "المحتويات", "目录") to the first line that repeats one of its entries without leaders: the
//! body's own heading. Exports lay the table out in many ways (label, text and numbers on one
//! line; or every label first, then every text, then the numbers), and this reading needs none of
//! them to be kept in order but the entries' texts.

use crate::report::clauses::{ends_on_joining_word, is_part_word};
use crate::report::markdown::SourceBlock;
use crate::report::model::{Block, Heading};

/// The headings of contents tables in the six languages of the United Nations.
const CONTENTS_HEADINGS: [&str; 10] = [
    "contents",
    "index",
    "table of contents",
    "table des matières",
    "índice",
    "indice",
    "содержание",
    "المحتويات",
    "目录",
    "sommaire",
];

/// The names of a contents table's columns, which stand alone on a line above it.
const COLUMN_WORDS: [&str; 16] = [
    "paragraphs",
    "paragraph",
    "page",
    "pages",
    "paragraphes",
    "párrafos",
    "página",
    "páginas",
    "пункты",
    "стр",
    "страница",
    "الفقرات",
    "الصفحة",
    "段次",
    "页次",
    "paras",
];

/// The most lines a contents table can run to before the body must have begun.
const MOST_LINES: usize = 400;

pub(super) fn is_contents_heading(text: &str) -> bool {
    let lower = text.trim().trim_end_matches([':', '.']).to_lowercase();
    CONTENTS_HEADINGS.contains(&lower.as_str())
}

/// Whether a line carries dot leaders ("Introduction . . . . . 1–3  2"), or ends on its
/// paragraphs and page as an entry does where the leader is a tab stop's (Word's contents).
fn has_leaders(line: &str) -> bool {
    let mut words = line.split_whitespace().rev();
    let page = words
        .next()
        .is_some_and(|w| (1..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()));
    let before = words.next().is_some_and(|w| {
        w.chars()
            .all(|c| c.is_ascii_digit() || c == '–' || c == '-')
    });
    line.contains(". . .")
        || line.contains("....")
        || line.contains('…')
        || line.contains("···")
        || (page && before)
}

/// The words an entry or a heading is known by: lower case, without punctuation, without the
/// leaders and the numbers after them, without a section label before them ("I.", "A.", "1.").
pub(super) fn entry_words(line: &str) -> Vec<String> {
    // "一、导言": a Chinese label is set off by its comma, not a space.
    let spaced = line.replacen('、', "、 ", 1);
    let line = spaced.as_str();
    let text = match line
        .find(['…', '·'])
        .into_iter()
        .chain(line.find(". ."))
        .min()
    {
        Some(at) => &line[..at],
        None => line,
    };
    let text = text.split("....").next().unwrap_or(text);
    let mut words: Vec<String> = text
        .split_whitespace()
        // Without their hyphens: an export may drop one at a line's end ("soixante-" +
        // "quatrième" comes out "soixantequatrième").
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .replace(['-', '‐'], "")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let is_label = |w: &str, original: &str| {
        (original.ends_with('、') && w.chars().all(|c| "一二三四五六七八九十".contains(c)))
            || original.ends_with('.')
                && (w.chars().all(|c| "ivxlc".contains(c))
                    || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
                    // "1.", and a resolution's number, "60/1."
                    || w.chars().all(|c| c.is_ascii_digit() || c == '/'))
    };
    if let Some(first) = text.split_whitespace().next() {
        if words.first().is_some_and(|w| is_label(w, first)) {
            words.remove(0);
        }
    }
    // Page numbers and paragraph ranges at the end ("1–17  2").
    while words.last().is_some_and(|w| {
        w.chars()
            .all(|c| c.is_ascii_digit() || c == '–' || c == '-')
    }) {
        words.pop();
    }
    words
}

fn is_column_names(line: &str) -> bool {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words.iter().all(|w| COLUMN_WORDS.contains(&w.as_str()))
}

/// Takes a contents table's lines out of the blocks; gives the words of each of its entries.
pub(super) fn take_contents(blocks: &mut Vec<SourceBlock>) -> Option<Vec<Vec<String>>> {
    let lines: Vec<(usize, usize)> = blocks
        .iter()
        .enumerate()
        .flat_map(|(b, block)| (0..block.lines.len()).map(move |l| (b, l)))
        .collect();
    let text = |&(b, l): &(usize, usize)| blocks[b].lines[l].plain();
    let start = lines.iter().position(|at| is_contents_heading(&text(at)))? + 1;
    let mut entries: Vec<Vec<String>> = Vec::new();
    let mut end = None;
    for (i, at) in lines.iter().enumerate().skip(start).take(MOST_LINES) {
        let line = text(at);
        let words = entry_words(&line);
        // The body's heading, as an entry named it: the entry's words, or the first of them
        // where the entry adds to the heading ("Resolution No. 1/51-POL on the Cause of …").
        let repeats = !has_leaders(&line)
            && !words.is_empty()
            && entries.iter().any(|e| {
                !e.is_empty()
                    && (words.starts_with(e)
                        || (words.len() >= 2
                            && line.chars().count() <= 100
                            && e.starts_with(&words)))
            });
        let prose = line.chars().count() > 200;
        if repeats || prose {
            end = Some(i);
            break;
        }
        // A part's label alone ("Annex II", "附件"), as an export that sets the labels apart
        // from the texts leaves it: its entry is the title that follows.
        if is_column_names(&line) || words.is_empty() || is_part_word(&line) {
            continue;
        }
        // A wrapped entry goes on in small letters, or after a line left on a joining word
        // ("… Programme of" / "Action"): no entry ends on one.
        let left_open = entries
            .last()
            .and_then(|e| e.last())
            .is_some_and(|w| ends_on_joining_word(w));
        let goes_on =
            !entries.is_empty() && (line.trim_start().starts_with(char::is_lowercase) || left_open);
        match entries.last_mut() {
            Some(last) if goes_on => last.extend(words),
            _ => entries.push(words),
        }
    }
    let end = end?;
    if entries.is_empty() {
        return None;
    }
    // Lines go from the last one of the table back, so that earlier places stay where they are.
    let mut emptied = vec![false; blocks.len()];
    // Labels alone on their lines ("I.", "1.") are blocks without lines of their own.
    let (first_block, last_block) = (lines[start - 1].0, lines[end].0);
    for (b, block) in blocks.iter().enumerate() {
        if (first_block..last_block).contains(&b) && block.lines.is_empty() {
            emptied[b] = true;
        }
    }
    for &(b, l) in lines[start..end].iter().rev() {
        blocks[b].lines.remove(l);
        // A list item's number went with its first line.
        if l == 0 {
            blocks[b].item_number = None;
        }
        emptied[b] = blocks[b].lines.is_empty();
    }
    let mut b = 0;
    blocks.retain(|_| {
        b += 1;
        !emptied[b - 1]
    });
    Some(entries)
}

/// The headings a contents table's entries lead to, in order: each entry is the first heading
/// after the one before it whose words begin with the entry's, or begin it (an entry wrapped, or
/// one that adds the annex's title to its number).
pub(super) fn targets(entries: &[Vec<String>], blocks: &[Block]) -> Vec<String> {
    let headings: Vec<(&Heading, Vec<String>)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some((h, entry_words(&h.text.plain()))),
            _ => None,
        })
        .collect();
    let mut from = 0;
    let mut out = Vec::new();
    for entry in entries {
        let found = headings[from..].iter().position(|(h, words)| {
            !words.is_empty()
                && !is_contents_heading(&h.text.plain())
                && (words.starts_with(entry) || entry.starts_with(words))
        });
        if let Some(at) = found {
            let (heading, _) = headings[from + at];
            // An entry that names a part by its title alone leads to the part: its heading is
            // the one just before, whose id the title's id is scoped by ("annex", "annex-h-…").
            let part = (from + at)
                .checked_sub(1)
                .filter(|&before| before >= from)
                .map(|before| headings[before].0)
                .filter(|part| heading.id.starts_with(&format!("{}-h-", part.id)));
            out.push(part.unwrap_or(heading).id.clone());
            from += at + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_known_by_their_words_without_leaders_numbers_or_labels() {
        assert_eq!(
            entry_words("I.   Introduction . . . . . . . . . . .   1–3    2"),
            ["introduction"]
        );
        assert_eq!(
            entry_words("Annex I   Information received from Member States ......  12"),
            [
                "annex",
                "i",
                "information",
                "received",
                "from",
                "member",
                "states"
            ]
        );
        assert_eq!(entry_words("A. Background"), ["background"]);
        assert_eq!(entry_words("1–17"), Vec::<String>::new());
        assert!(is_column_names("Paragraphs   Page"));
        assert!(is_column_names("Párrafos Página"));
        assert!(!is_column_names("Page 3 of the report"));
    }
}
