//! Search across every report of the library and every note on them, as one body of work.
//!
//! Each report version is indexed once into a [`ReportRecord`] (its paragraphs, and its words
//! with the paragraphs they are in), which the app keeps in IndexedDB beside the report's text
//! and makes again when the version or the record's format changes. A query is answered from
//! the records read into a [`LibraryIndex`]: words in any order, each found at a word's start,
//! phrases in quotes as written, folded as a report's own search folds (case, accents,
//! ligatures, Arabic marks and letter forms, digits of other scripts).
//!
//! Why an index of its own rather than a crate: `probly-search` keeps no positions (no phrases,
//! nothing to mark) and cannot be stored, so it would be rebuilt from every text on each visit;
//! `elasticlunr-rs` writes indexes for a JavaScript searcher and answers no query itself. The
//! folding must be the in-report search's, so that both find the same things.

mod find;
mod marks;
mod query;
mod record;
mod terms;

pub use find::{
    year_of, Filter, Found, Hit, LibraryIndex, Limits, Piece, ReportHits, ReportNotes, Scope,
};
pub use query::{parse as parse_query, Part};
pub use record::{
    cited_by, CitationsRecord, Cite, CitedIn, IndexedParagraph, ReportRecord, WordList,
    RECORD_FORMAT,
};
pub use terms::{words, Word};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Annotation, Colour, Target};
    use crate::report::{parse, DEFAULT_REPORT};

    const DETENTION: &str = "A/HRC/55/23\n\nReport on arbitrary detention\n\n\
        1. The Working Group visited places of détention in three States.\n\
        2. Arbitrary detention remains widespread; detainees lacked counsel.\n\
        3. The Group recalls Human Rights Council resolution 51/8.\n";
    const HEALTH: &str = "S/2026/100\n\nLetter on health\n\n\
        1. Health services reached the detention centres late.\n\
        2. Vaccination continued.\n";

    fn index() -> LibraryIndex {
        let mut index = LibraryIndex::default();
        index.insert(ReportRecord::of("r-det", "h1", &parse(DETENTION)));
        index.insert(ReportRecord::of("r-health", "h2", &parse(HEALTH)));
        index
    }

    fn marked(hit: &Hit) -> Vec<String> {
        hit.excerpt
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.clone())
            .collect()
    }

    #[test]
    fn a_word_is_found_in_every_report_folded_and_at_a_words_start() {
        let found = index().search("DETENTION", &[], &Filter::default(), Limits::default());
        assert_eq!(found.report_count, 2);
        assert_eq!(found.paragraphs, 3);
        let first = &found.reports[0];
        assert_eq!(first.report, "r-det");
        assert_eq!(first.hits[0].citation, "para. 1");
        assert_eq!(marked(&first.hits[0]), ["détention"]);
        assert!(first.hits[0].fragment.starts_with("p1:~:text="));
        // "detain" begins "detainees", not the middle of a word.
        let found = index().search("tainees", &[], &Filter::default(), Limits::default());
        assert_eq!(found.report_count, 0);
        assert_eq!(found.summary(), "Nothing found");
    }

    #[test]
    fn words_are_found_in_any_order_and_phrases_as_written() {
        let search = |q: &str| index().search(q, &[], &Filter::default(), Limits::default());
        let any_order = search("detention arbitrary");
        assert_eq!(any_order.paragraphs, 1);
        assert_eq!(any_order.reports[0].hits[0].paragraph, "p2");
        assert_eq!(
            marked(&any_order.reports[0].hits[0]),
            ["Arbitrary", "detention"]
        );
        assert_eq!(search("\"arbitrary detention\"").paragraphs, 1);
        assert_eq!(search("\"detention arbitrary\"").paragraphs, 0);
        let symbol = search("resolution 51/8");
        assert_eq!(symbol.paragraphs, 1);
        assert_eq!(marked(&symbol.reports[0].hits[0]), ["resolution", "51/8"]);
    }

    fn annotation(id: &str, paragraph: &str, note: &str, colour: Option<Colour>) -> Annotation {
        Annotation::new(id.into(), Target::whole(paragraph, None), colour, note, 1)
    }

    #[test]
    fn notes_are_found_with_their_paragraphs_citation_and_filters_narrow() {
        let follow = annotation(
            "a1",
            "p2",
            "Ask about detention review",
            Some(Colour::Green),
        );
        let mut tagged = annotation("a2", "p1", "Visited in May", Some(Colour::Yellow));
        tagged.tags = vec!["visits".into()];
        let notes = [ReportNotes {
            report: "r-det",
            symbol: Some("A/HRC/55/23"),
            date: None,
            annotations: vec![&follow, &tagged],
        }];
        let index = index();
        let everything = index.search("detention", &notes, &Filter::default(), Limits::default());
        assert_eq!((everything.paragraphs, everything.notes), (3, 1));
        let only_notes = Filter {
            scope: Scope::Notes,
            ..Filter::default()
        };
        let found = index.search("review", &notes, &only_notes, Limits::default());
        assert_eq!(found.notes, 1);
        assert_eq!(found.reports[0].hits[0].citation, "para. 2");
        assert_eq!(found.reports[0].hits[0].note.as_deref(), Some("a1"));
        // A tag is searched as a note's words are.
        assert_eq!(
            index
                .search("visits", &notes, &only_notes, Limits::default())
                .notes,
            1
        );
        // A colour narrows notes, and text to the paragraphs highlighted in it.
        let green = Filter {
            colour: Some(Colour::Green),
            ..Filter::default()
        };
        let found = index.search("detention", &notes, &green, Limits::default());
        assert_eq!(
            (found.paragraphs, found.notes, found.report_count),
            (1, 1, 1)
        );
        let tag = Filter {
            tag: Some("visits".into()),
            scope: Scope::ReportText,
            ..Filter::default()
        };
        let found = index.search("detention", &notes, &tag, Limits::default());
        assert_eq!(found.reports[0].hits[0].paragraph, "p1");
        assert_eq!(found.summary(), "1 paragraph in 1 report");
    }

    #[test]
    fn reports_are_narrowed_by_symbol_and_year() {
        let index = index();
        let s = Filter {
            symbol_prefix: "s/".into(),
            ..Filter::default()
        };
        let found = index.search("detention", &[], &s, Limits::default());
        assert_eq!(found.reports[0].report, "r-health");
        assert_eq!(found.report_count, 1);
        let year = Filter {
            year: Some(2026),
            ..Filter::default()
        };
        assert_eq!(
            index
                .search("detention", &[], &year, Limits::default())
                .report_count,
            1
        );
        assert_eq!(year_of(Some("12 May 2024"), Some("S/2026/1")), Some(2024));
        assert_eq!(year_of(None, Some("A/HRC/55/23")), None);
    }

    #[test]
    fn a_report_indexed_again_replaces_its_record_and_a_removed_one_is_gone() {
        let mut index = index();
        index.insert(ReportRecord::of(
            "r-health",
            "h3",
            &parse("1. Nothing on it.\n"),
        ));
        assert!(index.holds("r-health", "h3") && !index.holds("r-health", "h2"));
        assert_eq!(
            index
                .search("detention", &[], &Filter::default(), Limits::default())
                .report_count,
            1
        );
        index.remove("r-det");
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn every_hit_is_counted_but_only_the_first_are_listed() {
        let report = parse(DEFAULT_REPORT);
        let mut index = LibraryIndex::default();
        index.insert(ReportRecord::of("default", "h", &report));
        let limits = Limits {
            per_report: 2,
            reports: 1,
        };
        let found = index.search("the", &[], &Filter::default(), limits);
        assert!(found.paragraphs > 10, "{}", found.paragraphs);
        assert_eq!(found.reports[0].hits.len(), 2);
        // Counted without reading every paragraph, and the same when every one is read, as
        // bytes where the text is ASCII or as characters where it is not.
        let read = index.search("\"the\"  the", &[], &Filter::default(), limits);
        assert_eq!(read.paragraphs, found.paragraphs);
        let phrase = index.search("\"the Contact Group\"", &[], &Filter::default(), limits);
        let every = Limits {
            per_report: 1000,
            reports: 1,
        };
        let listed = index.search("\"the Contact Group\"", &[], &Filter::default(), every);
        assert!(phrase.paragraphs > 2);
        assert_eq!(phrase.paragraphs, listed.paragraphs);
        assert_eq!(listed.reports[0].hits.len(), listed.paragraphs);
    }

    #[test]
    fn a_report_is_cited_by_the_reports_that_name_it_with_their_paragraphs() {
        let letter = "S/2026/100\n\nLetter on health\n\n1. Nothing cited.\n";
        let citing = "A/HRC/63/1\n\nReport\n\n1. See S/2026/100, para. 3.\n2. And paragraph 4 of S/2026/100, and A/HRC/63/1.\n";
        let records: Vec<CitationsRecord> = [("r-letter", letter), ("r-citing", citing)]
            .into_iter()
            .map(|(id, text)| ReportRecord::of(id, "h", &parse(text)).citations())
            .collect();
        let found = cited_by(&records, "S/2026/100", "r-letter");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].report, "r-citing");
        assert_eq!(
            found[0].paragraphs,
            [
                ("p1".to_string(), "para. 1".to_string(), Some(3)),
                ("p2".to_string(), "para. 2".to_string(), Some(4))
            ]
        );
        // A report's own symbol is no citation of itself, and a spelling apart is the same.
        assert!(cited_by(&records, "A/HRC/63/1", "r-other").is_empty());
        assert_eq!(cited_by(&records, "s/2026/100 ", "r-letter").len(), 1);
    }

    #[test]
    fn a_record_survives_being_stored_and_read_back() {
        let record = ReportRecord::of("r", "h", &parse(DETENTION));
        let json = serde_json::to_string(&record).unwrap();
        let back: ReportRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
        assert!(back.is_current());
        assert_eq!(back.symbol.as_deref(), Some("A/HRC/55/23"));
        let words = WordList::read(&back.words);
        assert_eq!(words.paragraphs_with_prefix("detain"), [1]);
        assert_eq!(words.paragraphs_with_prefix("deten"), [0, 1]);
        // A damaged line is left out, not the record.
        assert!(
            WordList::read("a\t0\nbroken\nb\t1,x,1,2\n").paragraphs_with_prefix("b") == [1, 2, 4]
        );
    }
}
