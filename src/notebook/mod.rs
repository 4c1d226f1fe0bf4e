//! The notebook: every highlight and note the reader wrote, across the library or in one report,
//! as one list to read, filter, sort, select from and export.
//!
//! Each [`NotebookEntry`] is built once per report, from its parsed text and where its annotations
//! landed ([`entries_of`]), or from the annotations alone when the report's text is not in this
//! browser ([`entries_without_text`]): its citation, the words it is on, a link to its paragraph,
//! and its searchable text already folded, so that [`select`] costs one pass over the entries
//! however often the reader types. The exports of a selection are in [`export`]. Pure Rust.

mod entry;
pub mod export;

use std::collections::{BTreeSet, HashMap};

use crate::annotations::{Colour, Millis};
use crate::search::fold_text;

pub use entry::{entries_of, entries_without_text, summary, NotebookEntry, ReportInfo};

pub use export::{to_markdown, to_obsidian, to_w3c, zip_files};

/// Which entries to show by what they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    All,
    /// Highlights without a note.
    HighlightsOnly,
    /// Entries with a note, highlighted or not.
    WithNotes,
}

/// What the reader narrowed the notebook to. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The colours shown (`None`: notes without a highlight); empty shows all.
    pub colours: BTreeSet<Option<Colour>>,
    /// Only entries with this tag (case and accents aside).
    pub tag: Option<String>,
    /// Only the entries of this report (its id).
    pub report: Option<String>,
    /// Only entries last edited at or after this time.
    pub from: Option<Millis>,
    /// Only entries last edited at or before this time.
    pub to: Option<Millis>,
    /// Words that must each be in the quote, the note or the tags, folded as searching folds.
    pub text: String,
    pub kind: Kind,
}

/// How the notebook is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Report by report, in the order the reports' entries were given, each as the report reads.
    #[default]
    ReportOrder,
    /// Last edited first.
    Newest,
    /// Last edited last.
    Oldest,
}

/// The entries the filter lets through, in the order asked for. Dates are those of the last
/// edit (`modified`): a note rewritten yesterday is yesterday's work.
pub fn select<'a>(
    entries: &'a [NotebookEntry],
    filter: &Filter,
    order: Order,
) -> Vec<&'a NotebookEntry> {
    select_positions(entries, filter, order)
        .into_iter()
        .map(|at| &entries[at])
        .collect()
}

/// [`select`], as the entries' positions: what a view keeps to set out and export them.
pub fn select_positions(entries: &[NotebookEntry], filter: &Filter, order: Order) -> Vec<usize> {
    let words: Vec<String> = fold_text(&filter.text)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let tag = filter.tag.as_deref().map(fold_text);
    let shown = |e: &NotebookEntry| {
        let a = &e.annotation;
        (filter.colours.is_empty() || filter.colours.contains(&a.colour))
            && filter.report.as_ref().is_none_or(|r| *r == e.report.id)
            && filter.from.is_none_or(|from| a.modified >= from)
            && filter.to.is_none_or(|to| a.modified <= to)
            && match filter.kind {
                Kind::All => true,
                Kind::HighlightsOnly => a.colour.is_some() && !a.has_note(),
                Kind::WithNotes => a.has_note(),
            }
            && tag.as_ref().is_none_or(|t| e.folded_tags.contains(t))
            && words.iter().all(|w| e.folded.contains(w.as_str()))
    };
    // Reports rank as they first come; each key is made once, not at every comparison.
    let mut rank: HashMap<&str, usize> = HashMap::new();
    let mut keyed: Vec<((i64, usize, usize), usize)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| shown(e))
        .map(|(at, e)| {
            let next = rank.len();
            let r = *rank.entry(e.report.id.as_str()).or_insert(next);
            let when = match order {
                Order::ReportOrder => 0,
                Order::Newest => -e.annotation.modified,
                Order::Oldest => e.annotation.modified,
            };
            ((when, r, e.order), at)
        })
        .collect();
    keyed.sort_unstable_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, at)| at).collect()
}

/// Every tag, with how many of the entries have it, in alphabetical order; tags differing only
/// in case or accents count as one, spelt as first met.
pub fn tags_of<'a>(entries: impl IntoIterator<Item = &'a NotebookEntry>) -> Vec<(String, usize)> {
    let mut counts: HashMap<&str, (&str, usize)> = HashMap::new();
    for e in entries {
        let mut seen: Vec<&str> = Vec::new();
        for (tag, folded) in e.annotation.tags.iter().zip(&e.folded_tags) {
            if !seen.contains(&folded.as_str()) {
                seen.push(folded);
                counts.entry(folded).or_insert((tag, 0)).1 += 1;
            }
        }
    }
    let mut tags: Vec<(&str, &str, usize)> = counts
        .into_iter()
        .map(|(folded, (tag, n))| (folded, tag, n))
        .collect();
    tags.sort_unstable();
    tags.into_iter()
        .map(|(_, tag, n)| (tag.to_string(), n))
        .collect()
}

#[cfg(test)]
pub(super) mod tests {
    use super::entry::OPENING_CHARS;
    use super::*;
    use crate::annotations::placement::{place, ParagraphIndex};
    use crate::annotations::{Annotation, AnnotationSet, Quote, Target};
    use crate::exchange::cite;
    use crate::report::{parse, Report, DEFAULT_REPORT};

    /// A short report with pages (a form feed starts page 2).
    pub(crate) const HRC: &str = "A/HRC/55/23\n\nReport of the Special Rapporteur on detention\n\nGeneva, 12 March 2024\n\n1. The Special Rapporteur visited places of Détention in March.\n\n2. She met officials.\n\u{c}3. Conditions in the camps were poor.\n\n4. The report closes.\n";

    /// An annotation on the words `words` of a paragraph, or on the whole paragraph without them.
    pub(crate) fn on(
        report: &Report,
        (id, paragraph, words): (&str, &str, Option<&str>),
        colour: Option<Colour>,
        note: &str,
        modified: Millis,
    ) -> Annotation {
        let index = ParagraphIndex::new(report);
        let text = index.text(paragraph).unwrap_or("gone words here");
        let target = match words {
            Some(words) => {
                let start = text[..text.find(words).expect("the words are there")]
                    .chars()
                    .count();
                let quote = Quote::from_text(text, start, start + words.chars().count());
                Target::Passage {
                    paragraph: paragraph.into(),
                    quote: quote.unwrap(),
                }
            }
            None => Target::whole(paragraph, index.text(paragraph)),
        };
        Annotation::new(id.into(), target, colour, note, modified)
    }

    /// The notebook entries of a report's annotations, placed as the reader places them.
    pub(crate) fn built(
        id: &str,
        link: &str,
        report: &Report,
        annotations: Vec<Annotation>,
    ) -> Vec<NotebookEntry> {
        let set = AnnotationSet::from_annotations(annotations);
        let placements = place(&ParagraphIndex::new(report), &set);
        entries_of(
            ReportInfo::of_report(id, report, link),
            report,
            &set,
            &placements,
        )
    }

    /// Two reports' entries, as the library gives them: the HRC report's and the default one's.
    pub(crate) fn library() -> Vec<NotebookEntry> {
        let hrc = parse(HRC);
        let oic = parse(DEFAULT_REPORT);
        let mut tagged = on(&hrc, ("t", "p3", None), Some(Colour::Pink), "", 30);
        tagged.tags = vec!["Camps".into(), "human rights".into()];
        let mut entries = built(
            "hrc",
            "?report=hrc",
            &hrc,
            vec![
                tagged,
                on(
                    &hrc,
                    ("d", "p1", Some("places of Détention")),
                    Some(Colour::Green),
                    "Ask for the list.",
                    10,
                ),
                on(&hrc, ("n", "p2", None), None, "Who were they?", 20),
            ],
        );
        let mut camps = on(
            &oic,
            ("c", "p8", Some("ceasefire")),
            Some(Colour::Yellow),
            "",
            40,
        );
        camps.tags = vec!["camps".into()];
        entries.extend(built(
            "oic",
            "./",
            &oic,
            vec![
                camps,
                on(
                    &oic,
                    ("w", "p5", None),
                    Some(Colour::Blue),
                    "Check the DETENTION figures",
                    5,
                ),
            ],
        ));
        entries
    }

    fn ids(entries: &[&NotebookEntry]) -> Vec<String> {
        entries.iter().map(|e| e.annotation.id.clone()).collect()
    }

    #[test]
    fn entries_come_in_reading_order_cited_quoted_and_linked() {
        let report = parse(HRC);
        let mut gone = on(
            &report,
            ("o", "p2", Some("met officials")),
            Some(Colour::Blue),
            "",
            4,
        );
        if let Target::Passage { quote, .. } = &mut gone.target {
            quote.exact = "words no longer there".into();
        }
        let entries = built(
            "hrc",
            "?report=hrc",
            &report,
            vec![
                on(&report, ("z", "p3", None), Some(Colour::Yellow), "", 1),
                gone,
                on(
                    &report,
                    ("a", "p1", Some("places of Détention")),
                    Some(Colour::Green),
                    "Note.",
                    2,
                ),
                on(
                    &report,
                    ("b", "p9", None),
                    None,
                    "On a paragraph the text lacks.",
                    3,
                ),
            ],
        );
        let cited: Vec<(&str, &str, Option<&str>, usize)> = entries
            .iter()
            .map(|e| {
                (
                    e.annotation.id.as_str(),
                    e.citation.as_str(),
                    e.paragraph_id.as_deref(),
                    e.order,
                )
            })
            .collect();
        assert_eq!(
            cited,
            [
                ("a", "A/HRC/55/23, para. 1 (p. 1)", Some("p1"), 0),
                ("z", "A/HRC/55/23, para. 3 (p. 2)", Some("p3"), 1),
                ("b", "A/HRC/55/23 (no longer in the text)", None, 2),
                ("o", "A/HRC/55/23 (no longer in the text)", None, 3),
            ]
        );
        let p3 = report.paragraphs().find(|p| p.id == "p3").unwrap();
        assert_eq!(
            entries[1].citation,
            cite(&report, p3),
            "as the reader cites it"
        );
        assert_eq!(entries[0].quote, "places of Détention");
        assert_eq!(entries[0].href, "?report=hrc#p1:~:text=Special%20Rapporteur%20visited-,places%20of%20D%C3%A9tention,-in%20March.");
        assert_eq!(entries[1].quote, "Conditions in the camps were poor.");
        assert_eq!(entries[1].href, "?report=hrc#p3");
        assert_eq!(entries[1].place, "para. 3 (p. 2)");
        // Orphans are kept, with the words they kept and a link to their report.
        assert_eq!(
            (entries[2].quote.as_str(), entries[2].href.as_str()),
            ("", "?report=hrc")
        );
        assert_eq!(entries[3].quote, "words no longer there");
        assert_eq!(entries[0].key(), "hrc/a");

        // A long paragraph marked whole is quoted by its opening words, cut between words.
        let oic = parse(DEFAULT_REPORT);
        let whole = built(
            "oic",
            "./",
            &oic,
            vec![on(&oic, ("w", "p8", None), Some(Colour::Yellow), "", 1)],
        );
        let quote = &whole[0].quote;
        assert!(
            quote.starts_with("Recalling recent developments") && quote.ends_with("…"),
            "{quote}"
        );
        assert!(quote.chars().count() <= OPENING_CHARS + 1 && !quote.ends_with(" …"));
        assert_eq!(whole[0].href, "./#p8");
        assert_eq!(
            whole[0].citation,
            "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 8"
        );
    }

    #[test]
    fn a_report_whose_text_is_not_here_is_listed_from_its_annotations() {
        let report = parse(HRC);
        let entry = crate::library::Entry {
            id: "hrc".into(),
            source: crate::library::Source::Opened,
            symbol: None,
            title: "Report on detention".into(),
            date: Some("12 March 2024".into()),
            name: Some("Detention visit".into()),
            versions: Vec::new(),
            last_opened: 0,
            modified: 0,
            removed: false,
            joined: Vec::new(),
            separated: Vec::new(),
        };
        let mut later = on(
            &report,
            ("x", "p1", Some("in March")),
            Some(Colour::Blue),
            "",
            1,
        );
        later.target = Target::Passage {
            paragraph: "p10".into(),
            quote: later.target.quote().unwrap().clone(),
        };
        let mut deleted = on(&report, ("gone", "p1", None), Some(Colour::Blue), "", 1);
        deleted.deleted = true;
        let set = AnnotationSet::from_annotations([
            later,
            Annotation::new(
                "y".into(),
                Target::whole("annex-p1", None),
                None,
                "In the annex.",
                2,
            ),
            on(&report, ("s", "p3", None), Some(Colour::Pink), "", 3),
            Annotation::new(
                "u".into(),
                Target::whole("p2-a-i", None),
                Some(Colour::Green),
                "",
                4,
            ),
            deleted,
        ]);
        let entries = entries_without_text(ReportInfo::of_entry(&entry, "?report=hrc"), &set);
        let listed: Vec<(&str, &str, &str)> = entries
            .iter()
            .map(|e| (e.citation.as_str(), e.quote.as_str(), e.href.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                ("Detention visit, para. 2 (a) (i)", "", "?report=hrc#p2-a-i"),
                (
                    "Detention visit, para. 3",
                    "Conditions in the camps were poor.",
                    "?report=hrc#p3"
                ),
                (
                    "Detention visit, para. 10",
                    "in March",
                    "?report=hrc#p10:~:text=places%20of%20D%C3%A9tention-,in%20March,-."
                ),
                ("Detention visit, annex-p1", "", "?report=hrc#annex-p1"),
            ]
        );
        assert_eq!(
            entries.iter().map(|e| e.order).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
        assert_eq!(entries[0].report.title, "Detention visit");
    }

    #[test]
    fn every_filter_narrows_the_list() {
        let entries = library();
        let all = |filter: Filter| ids(&select(&entries, &filter, Order::ReportOrder));
        assert_eq!(all(Filter::default()), ["d", "n", "t", "w", "c"]);
        let colours = |c: &[Option<Colour>]| Filter {
            colours: c.iter().copied().collect(),
            ..Filter::default()
        };
        assert_eq!(
            all(colours(&[None])),
            ["n"],
            "no colour: notes without a highlight"
        );
        assert_eq!(
            all(colours(&[Some(Colour::Pink), Some(Colour::Yellow)])),
            ["t", "c"]
        );
        let tag = |t: &str| Filter {
            tag: Some(t.into()),
            ..Filter::default()
        };
        assert_eq!(all(tag("camps")), ["t", "c"], "tags match without case");
        assert_eq!(all(tag("Human Rights")), ["t"]);
        assert_eq!(
            all(tag("hum")),
            Vec::<String>::new(),
            "a tag is matched whole"
        );
        let report = Filter {
            report: Some("oic".into()),
            ..Filter::default()
        };
        assert_eq!(all(report), ["w", "c"]);
        let dates = Filter {
            from: Some(10),
            to: Some(30),
            ..Filter::default()
        };
        assert_eq!(all(dates), ["d", "n", "t"], "both ends included");
        let text = |t: &str| Filter {
            text: t.into(),
            ..Filter::default()
        };
        assert_eq!(
            all(text("detention")),
            ["d", "w"],
            "in a quote and a note, accents and case aside"
        );
        assert_eq!(
            all(text("  DÉTENTION  list ")),
            ["d"],
            "every word must be there"
        );
        assert_eq!(all(text("rights")), ["t"], "tags are searched");
        assert_eq!(all(text("nowhere")), Vec::<String>::new());
        let kind = |k: Kind| Filter {
            kind: k,
            ..Filter::default()
        };
        assert_eq!(all(kind(Kind::HighlightsOnly)), ["t", "c"]);
        assert_eq!(all(kind(Kind::WithNotes)), ["d", "n", "w"]);
        let together = Filter {
            text: "detention".into(),
            colours: [Some(Colour::Blue)].into(),
            kind: Kind::WithNotes,
            ..Filter::default()
        };
        assert_eq!(all(together), ["w"]);
    }

    #[test]
    fn entries_sort_by_report_and_reading_or_by_date() {
        let entries = library();
        let sorted = |order| ids(&select(&entries, &Filter::default(), order));
        assert_eq!(sorted(Order::ReportOrder), ["d", "n", "t", "w", "c"]);
        assert_eq!(sorted(Order::Newest), ["c", "t", "n", "d", "w"]);
        assert_eq!(sorted(Order::Oldest), ["w", "d", "n", "t", "c"]);
        // Reports keep the order they were given in, whatever their names.
        let mut reversed: Vec<NotebookEntry> = entries[3..].to_vec();
        reversed.extend_from_slice(&entries[..3]);
        assert_eq!(
            ids(&select(&reversed, &Filter::default(), Order::ReportOrder)),
            ["w", "c", "d", "n", "t"]
        );
    }

    #[test]
    fn tags_are_counted_and_the_notebook_summed_up_in_words() {
        let entries = library();
        assert_eq!(
            tags_of(&entries),
            [("Camps".to_string(), 2), ("human rights".to_string(), 1)]
        );
        assert_eq!(summary(&entries), "5 highlights and notes in 2 reports");
        assert_eq!(summary(&entries[..1]), "1 highlight or note in 1 report");
        assert_eq!(summary(&entries[..0]), "No highlights or notes");
        let shown = select(&entries, &Filter::default(), Order::Newest);
        assert_eq!(
            summary(shown.iter().copied()),
            "5 highlights and notes in 2 reports"
        );
    }

    #[test]
    fn ten_thousand_entries_are_selected_correctly() {
        let report = parse(HRC);
        let colours = [
            None,
            Some(Colour::Yellow),
            Some(Colour::Blue),
            Some(Colour::Pink),
            Some(Colour::Green),
        ];
        let annotations: Vec<Annotation> = (0..10_000)
            .map(|i: usize| {
                let note = match i % 3 {
                    0 => format!("note {i} on détention"),
                    1 => format!("note {i}"),
                    _ if i % 5 == 0 => "kept".to_string(),
                    _ => String::new(),
                };
                // Paragraphs whose words do not match the search.
                let paragraph = format!("p{}", 2 + i % 3);
                Annotation::new(
                    format!("a{i:05}"),
                    Target::whole(&paragraph, None),
                    colours[i % 5],
                    &note,
                    i as Millis,
                )
            })
            .collect();
        let entries = built("hrc", "?report=hrc", &report, annotations);
        assert_eq!(entries.len(), 10_000);
        let filter = Filter {
            text: "Detention".into(),
            colours: [Some(Colour::Blue), None].into(),
            kind: Kind::WithNotes,
            from: Some(1_000),
            ..Filter::default()
        };
        let shown = select(&entries, &filter, Order::Newest);
        let expected = (1_000..10_000)
            .filter(|i| i % 3 == 0 && matches!(i % 5, 0 | 2))
            .count();
        assert_eq!(shown.len(), expected);
        assert!(shown
            .windows(2)
            .all(|w| w[0].annotation.modified > w[1].annotation.modified));
        assert!(shown
            .iter()
            .all(|e| e.annotation.note.contains("détention")));
        let in_order = select(&entries, &Filter::default(), Order::ReportOrder);
        assert!(in_order.windows(2).all(|w| w[0].order < w[1].order));
        assert_eq!(in_order[0].paragraph_id.as_deref(), Some("p2"));
    }
}
