//! Search inside a report and the reader's notes on it: matches that ignore case, accents,
//! ligatures, Arabic vowel marks and the ways a letter or digit is written in other scripts, in document order, each with its paragraph, its place in the paragraph's
//! text (character offsets, as selections and marks use) and an excerpt to list.
//!
//! The report's paragraphs are folded once into a [`SearchIndex`]; a query then costs one pass
//! over the folded text, which keeps a 10,000-paragraph report quick to search as one types.

use std::collections::HashMap;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Characters of context on each side of a match in its excerpt.
const CONTEXT: usize = 40;

/// A paragraph's text folded for matching, with the offset in the original of each character.
struct Folded {
    chars: Vec<char>,
    origin: Vec<usize>,
}

/// What a character counts as when matching, given to `out` one folded character at a time
/// (none for marks that do not count, two for `œ` or `ß`). Case is folded first, so that every
/// capital (`Ś`, `Ő`, `İ`) loses its accent as its small letter does; then the canonical
/// decomposition takes accents off (its table is a fraction of the size of the compatibility
/// one, which the app would carry for a few ligatures); letters with no decomposition, and the
/// ligatures of typeset text, are spelt as a reader types them.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    // Most of a report is ASCII, which has nothing to take off.
    if c.is_ascii() {
        return out(if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
    }
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| match d {
            // Tatweel stretches a word; it is not a letter.
            '\u{0640}' => {}
            d if is_combining_mark(d) => {}
            'ø' => out('o'),
            'ł' => out('l'),
            'ı' => out('i'),
            'đ' | 'ð' => out('d'),
            'ħ' => out('h'),
            'ß' => "ss".chars().for_each(&mut *out),
            'æ' => "ae".chars().for_each(&mut *out),
            'œ' => "oe".chars().for_each(&mut *out),
            'þ' => "th".chars().for_each(&mut *out),
            'ﬀ' => "ff".chars().for_each(&mut *out),
            'ﬁ' => "fi".chars().for_each(&mut *out),
            'ﬂ' => "fl".chars().for_each(&mut *out),
            'ﬃ' => "ffi".chars().for_each(&mut *out),
            'ﬄ' => "ffl".chars().for_each(&mut *out),
            'ﬅ' | 'ﬆ' => "st".chars().for_each(&mut *out),
            '’' | '‘' | 'ʼ' => out('\''),
            '“' | '”' | '«' | '»' => out('"'),
            '–' | '—' | '‑' => out('-'),
            // Arabic letters written in several ways: alef wasla (alef with hamza or madda
            // decomposes), alef maqsura, and the Persian and Urdu yeh and kaf.
            'ٱ' => out('ا'),
            'ى' | 'ی' | 'ۍ' | 'ې' => out('ي'),
            'ک' | 'ڪ' => out('ك'),
            'ہ' | 'ە' => out('ه'),
            // Arabic-Indic and Persian digits are the digits a reader types.
            '\u{0660}'..='\u{0669}' => out(char::from(b'0' + (d as u32 - 0x0660) as u8)),
            '\u{06F0}'..='\u{06F9}' => out(char::from(b'0' + (d as u32 - 0x06F0) as u8)),
            d if d.is_whitespace() => out(' '),
            d => out(d),
        });
    }
}

fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        chars: Vec::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (i, c) in text.chars().enumerate() {
        fold_char(c, &mut |f| {
            // Runs of white space match one space.
            if f == ' ' && folded.chars.last() == Some(&' ') {
                return;
            }
            folded.chars.push(f);
            folded.origin.push(i);
        });
    }
    folded
}

/// A text folded as searching folds it (case, accents, ligatures, Arabic marks and letter forms,
/// digits of other scripts, runs of white space), for matching done elsewhere: the library's
/// search and the notebook's filter fold the same way as a report's own search.
pub fn fold_text(text: &str) -> String {
    fold(text).chars.into_iter().collect()
}

/// Calls `out` with each folded character of `text` and the char offset in `text` it came from.
pub(crate) fn fold_with_origin(text: &str, mut out: impl FnMut(char, usize)) {
    let folded = fold(text);
    for (c, at) in folded.chars.into_iter().zip(folded.origin) {
        out(c, at);
    }
}

/// One match: in a paragraph's text, or in a note on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub paragraph: String,
    /// The annotation whose note matched; `None` for the report's own text.
    pub note: Option<String>,
    /// Character offsets of the match in the paragraph's text (or in the note).
    pub start: usize,
    pub end: usize,
    pub excerpt: Excerpt,
}

/// The words around a match, to list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub before: String,
    pub matched: String,
    pub after: String,
}

fn excerpt(text: &str, start: usize, end: usize) -> Excerpt {
    let chars: Vec<char> = text.chars().collect();
    let from = start.saturating_sub(CONTEXT);
    let to = (end + CONTEXT).min(chars.len());
    let mut before: String = chars[from..start].iter().collect();
    let mut after: String = chars[end..to].iter().collect();
    if from > 0 {
        // Start at a word, not inside one.
        before = match before.split_once(' ') {
            Some((_, rest)) => format!("…{rest}"),
            None => format!("…{before}"),
        };
    }
    if to < chars.len() {
        after = match after.rsplit_once(' ') {
            Some((rest, _)) => format!("{rest}…"),
            None => format!("{after}…"),
        };
    }
    Excerpt {
        before,
        matched: chars[start..end].iter().collect(),
        after,
    }
}

/// All matches, the first `limit` of them listed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Every match, listed or not.
    pub total: usize,
    /// Paragraphs with at least one match (in their text or their notes).
    pub paragraphs: usize,
}

impl Results {
    /// "12 matches in 5 paragraphs", for the reader and for screen readers.
    pub fn summary(&self) -> String {
        let matches = if self.total == 1 {
            "1 match".to_string()
        } else {
            format!("{} matches", self.total)
        };
        let paragraphs = if self.paragraphs == 1 {
            "1 paragraph".to_string()
        } else {
            format!("{} paragraphs", self.paragraphs)
        };
        match self.total {
            0 => "No matches".to_string(),
            _ if self.hits.len() < self.total => format!(
                "{matches} in {paragraphs}; the first {} are listed",
                self.hits.len()
            ),
            _ => format!("{matches} in {paragraphs}"),
        }
    }
}

/// A report's paragraphs, folded once for searching.
pub struct SearchIndex {
    ids: Vec<String>,
    texts: Vec<String>,
    folded: Vec<Folded>,
}

/// Where each occurrence of `needle` starts in `hay` (not overlapping).
fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    let mut found = Vec::new();
    let Some(&first) = needle.first() else {
        return found;
    };
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i] == first && hay[i..i + needle.len()] == *needle {
            found.push(i);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

fn hits_in(
    folded: &Folded,
    text: &str,
    needle: &[char],
    paragraph: &str,
    note: Option<&str>,
) -> Vec<(String, Option<String>, usize, usize, String)> {
    occurrences(&folded.chars, needle)
        .into_iter()
        .map(|at| {
            let start = folded.origin[at];
            let end = folded.origin[at + needle.len() - 1] + 1;
            (
                paragraph.to_string(),
                note.map(str::to_string),
                start,
                end,
                text.to_string(),
            )
        })
        .collect()
}

impl SearchIndex {
    /// `paragraphs`: every paragraph's id and plain text, in reading order.
    pub fn new<'a>(paragraphs: impl IntoIterator<Item = (String, &'a str)>) -> Self {
        let mut index = SearchIndex {
            ids: Vec::new(),
            texts: Vec::new(),
            folded: Vec::new(),
        };
        for (id, text) in paragraphs {
            index.folded.push(fold(text));
            index.ids.push(id);
            index.texts.push(text.to_string());
        }
        index
    }

    /// Finds `query` in the paragraphs and in `notes` (annotation id, paragraph id, note text),
    /// in document order: a paragraph's own matches, then those in its notes. Notes on
    /// paragraphs the report no longer has come last. At most `limit` hits are listed.
    pub fn search<'a>(
        &self,
        query: &str,
        notes: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
        limit: usize,
    ) -> Results {
        let needle = fold(query.trim()).chars;
        if needle.is_empty() {
            return Results::default();
        }
        let mut note_hits: HashMap<&str, Vec<_>> = HashMap::new();
        for (annotation, paragraph, note) in notes {
            let found = hits_in(&fold(note), note, &needle, paragraph, Some(annotation));
            if !found.is_empty() {
                note_hits.entry(paragraph).or_default().extend(found);
            }
        }
        let mut results = Results::default();
        let push = |found: Vec<(String, Option<String>, usize, usize, String)>,
                    results: &mut Results| {
            if found.is_empty() {
                return;
            }
            results.total += found.len();
            for (paragraph, note, start, end, text) in found {
                if results.hits.len() < limit {
                    results.hits.push(Hit {
                        excerpt: excerpt(&text, start, end),
                        paragraph,
                        note,
                        start,
                        end,
                    });
                }
            }
        };
        for (i, id) in self.ids.iter().enumerate() {
            let mut found = hits_in(&self.folded[i], &self.texts[i], &needle, id, None);
            found.extend(note_hits.remove(id.as_str()).unwrap_or_default());
            if !found.is_empty() {
                results.paragraphs += 1;
            }
            push(found, &mut results);
        }
        let mut orphans: Vec<_> = note_hits.into_iter().collect();
        orphans.sort_by(|a, b| a.0.cmp(b.0));
        for (_, found) in orphans {
            results.paragraphs += 1;
            push(found, &mut results);
        }
        results
    }
}

/// The match to go to from `at` among `count` matches, forward or back, round the ends; the first
/// (or the last, going back) when none is current. `None` when there are none.
pub fn step(at: Option<usize>, count: usize, forward: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match at.filter(|&i| i < count) {
        Some(i) if forward => (i + 1) % count,
        Some(i) => (i + count - 1) % count,
        None if forward => 0,
        None => count - 1,
    })
}

/// What the search's status line says: nothing before a query, then how many matches and,
/// once one is current, which ("Match 2 of 7. 7 matches in 5 paragraphs").
pub fn status_line(query: &str, results: &Results, at: Option<usize>) -> String {
    if query.trim().is_empty() {
        return String::new();
    }
    match at {
        Some(i) if i < results.hits.len() => format!(
            "Match {} of {}. {}",
            i + 1,
            results.hits.len(),
            results.summary()
        ),
        _ => results.summary(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stepping_goes_round_the_matches_both_ways() {
        use super::step;
        assert_eq!(step(None, 0, true), None);
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(None, 3, false), Some(2));
        assert_eq!(step(Some(2), 3, true), Some(0));
        assert_eq!(step(Some(0), 3, false), Some(2));
        assert_eq!(
            step(Some(7), 3, true),
            Some(0),
            "a match that is gone counts as none"
        );
    }

    use super::*;

    fn index(paragraphs: &[(&str, &str)]) -> SearchIndex {
        SearchIndex::new(paragraphs.iter().map(|(id, text)| (id.to_string(), *text)))
    }

    #[test]
    fn finds_every_match_in_document_order_with_offsets_into_the_original_text() {
        let index = index(&[
            ("p1", "The Contact Group met."),
            ("p2", "The contact group, the CONTACT Group again."),
        ]);
        let results = index.search("contact group", [], 100);
        let places: Vec<_> = results
            .hits
            .iter()
            .map(|h| (h.paragraph.as_str(), h.start, h.end))
            .collect();
        assert_eq!(places, [("p1", 4, 17), ("p2", 4, 17), ("p2", 23, 36)]);
        assert_eq!((results.total, results.paragraphs), (3, 2));
        assert_eq!(results.summary(), "3 matches in 2 paragraphs");
        let text: Vec<char> = "The contact group, the CONTACT Group again."
            .chars()
            .collect();
        assert_eq!(text[23..36].iter().collect::<String>(), "CONTACT Group");
    }

    #[test]
    fn ignores_accents_case_line_breaks_and_arabic_vowel_marks() {
        let index = index(&[
            ("p1", "La réunion s’est tenue à Genève."),
            ("p2", "Istanbul, Republic of Türkiye"),
            ("p3", "the\n  Security   Council"),
            ("p4", "أكدت المجموعةُ دعمَها"),
        ]);
        assert_eq!(
            index.search("geneve", [], 10).hits[0].excerpt.matched,
            "Genève"
        );
        assert_eq!(
            index.search("REUNION S'EST", [], 10).hits[0]
                .excerpt
                .matched,
            "réunion s’est"
        );
        assert_eq!(index.search("turkiye", [], 10).hits[0].paragraph, "p2");
        assert_eq!(
            index.search("security council", [], 10).hits[0]
                .excerpt
                .matched,
            "Security   Council"
        );
        let arabic = index.search("المجموعة دعمها", [], 10);
        assert_eq!(arabic.hits[0].excerpt.matched, "المجموعةُ دعمَها");
        assert_eq!(
            index.search("اكدت", [], 10).hits[0].start,
            0,
            "alef with hamza matches bare alef"
        );
    }

    #[test]
    fn notes_are_searched_and_listed_after_their_paragraph_and_orphans_last() {
        let index = index(&[("p1", "Ceasefire welcomed."), ("p2", "Nothing here.")]);
        let notes = [
            ("a1", "p2", "Ask about the ceasefire."),
            ("a2", "p1", "CEASEFIRE dates?"),
            ("a3", "p9", "old ceasefire note"),
        ];
        let results = index.search("ceasefire", notes, 100);
        let order: Vec<_> = results
            .hits
            .iter()
            .map(|h| (h.paragraph.as_str(), h.note.as_deref()))
            .collect();
        assert_eq!(
            order,
            [
                ("p1", None),
                ("p1", Some("a2")),
                ("p2", Some("a1")),
                ("p9", Some("a3"))
            ]
        );
        assert_eq!(results.paragraphs, 3);
    }

    #[test]
    fn lists_at_most_the_limit_but_counts_everything() {
        let text = "word ".repeat(50);
        let index = index(&[("p1", text.as_str())]);
        let results = index.search("word", [], 10);
        assert_eq!((results.hits.len(), results.total), (10, 50));
        assert_eq!(
            results.summary(),
            "50 matches in 1 paragraph; the first 10 are listed"
        );
    }

    #[test]
    fn an_empty_or_blank_query_finds_nothing_and_no_match_says_so() {
        let index = index(&[("p1", "Text.")]);
        assert_eq!(index.search("   ", [], 10), Results::default());
        assert_eq!(index.search("absent", [], 10).summary(), "No matches");
    }

    #[test]
    fn excerpts_keep_whole_words_around_the_match() {
        let text = "In the first part of this long paragraph the Group welcomed the ceasefire between the two countries and called for restraint.";
        let index = index(&[("p1", text)]);
        let hit = &index.search("ceasefire", [], 10).hits[0];
        assert_eq!(hit.excerpt.matched, "ceasefire");
        assert!(
            hit.excerpt.before.starts_with('…') && !hit.excerpt.before.starts_with("…a"),
            "{:?}",
            hit.excerpt.before
        );
        assert!(hit.excerpt.after.ends_with('…'));
        assert!(hit.excerpt.before.ends_with("welcomed the "));
    }

    #[test]
    fn folds_capitals_ligatures_special_letters_persian_letters_and_digits() {
        let index = index(&[
            ("p1", "ŚWIĘTOKRZYSKIE and ŻYWIEC met in ŘÍJEN at ŐRSÉG."),
            (
                "p2",
                "Œuvre, æther, Straße, Ørsted, Łódź, ﬁnal, KIRIKKALE with ı.",
            ),
            ("p3", "کشمیر"),
            ("p4", "١٢ حزيران ٢٠٢٥ و ۱۴۰۴"),
        ]);
        let matched = |query: &str| {
            index
                .search(query, [], 10)
                .hits
                .first()
                .map(|h| h.excerpt.matched.clone())
        };
        assert_eq!(matched("swietokrzyskie").as_deref(), Some("ŚWIĘTOKRZYSKIE"));
        assert_eq!(matched("zywiec").as_deref(), Some("ŻYWIEC"));
        assert_eq!(matched("rijen").as_deref(), Some("ŘÍJEN"));
        assert_eq!(matched("orseg").as_deref(), Some("ŐRSÉG"));
        assert_eq!(matched("oeuvre").as_deref(), Some("Œuvre"));
        assert_eq!(matched("aether").as_deref(), Some("æther"));
        assert_eq!(matched("strasse").as_deref(), Some("Straße"));
        assert_eq!(matched("orsted").as_deref(), Some("Ørsted"));
        assert_eq!(matched("lodz").as_deref(), Some("Łódź"));
        assert_eq!(matched("final").as_deref(), Some("ﬁnal"));
        assert_eq!(matched("with i.").as_deref(), Some("with ı."));
        assert_eq!(
            matched("كشمير").as_deref(),
            Some("کشمیر"),
            "Persian keheh and yeh match Arabic kaf and yeh"
        );
        assert_eq!(
            matched("12").as_deref(),
            Some("١٢"),
            "Arabic-Indic digits match ASCII digits"
        );
        assert_eq!(matched("2025").as_deref(), Some("٢٠٢٥"));
        assert_eq!(
            matched("1404").as_deref(),
            Some("۱۴۰۴"),
            "Persian digits too"
        );
    }
}
