//! Where each annotation lands in the report as it now reads: the marks to draw in each
//! paragraph, and the list of every annotation in document order, with those that could not be
//! placed last, as orphans.
//!
//! An annotation is looked for in its own paragraph first. When that paragraph is gone or no
//! longer holds its words (a revision inserted or renumbered paragraphs), the other paragraphs
//! are searched, exact words before close ones, and a find there is reported as moved.

use std::collections::HashMap;

use super::anchor::{anchor, Anchoring, Quote};
use super::marks::Mark;
use super::{Annotation, AnnotationSet, Millis, Target};
use crate::report::Report;

/// The paragraphs of a report by id, in reading order, with their plain text. Built once per report.
#[derive(Debug, Clone, Default)]
pub struct ParagraphIndex {
    position: HashMap<String, usize>,
    ids: Vec<String>,
    texts: Vec<String>,
    names: Vec<String>,
    /// The ids paragraphs had before the reader read the report's parts, and theirs now.
    formerly: HashMap<String, String>,
}

impl ParagraphIndex {
    pub fn new(report: &Report) -> Self {
        let mut index = ParagraphIndex::default();
        for (i, p) in report.paragraphs().enumerate() {
            index.position.insert(p.id.clone(), i);
            index.ids.push(p.id.clone());
            index.texts.push(p.text.plain());
            index.names.push(p.name.clone());
        }
        index.formerly = crate::report::former_ids(report);
        index
    }

    pub fn text(&self, paragraph: &str) -> Option<&str> {
        self.position
            .get(paragraph)
            .map(|&i| self.texts[i].as_str())
    }

    /// Every paragraph's id and text, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = (String, &str)> {
        self.ids
            .iter()
            .cloned()
            .zip(self.texts.iter().map(String::as_str))
    }

    /// How a reader names the paragraph ("paragraph 8"), if it exists.
    pub fn name(&self, paragraph: &str) -> Option<&str> {
        self.position
            .get(paragraph)
            .map(|&i| self.names[i].as_str())
    }

    /// Placed entries in runs of neighbouring paragraphs (each entry given with whatever the
    /// caller keeps of it), each run keyed by the stretch of the report it covers
    /// ([`PANEL_GROUP_PARAGRAPHS`] paragraphs): adding, editing or removing one changes the run of
    /// its own paragraph and no other, so a list of thousands can be kept in a few hundred boxes
    /// that are laid out only near the screen. Runs come in reading order; an entry of a
    /// paragraph not in the report goes last.
    pub fn group_by_place<'a, T>(
        &self,
        items: impl IntoIterator<Item = (&'a Entry, T)>,
    ) -> Vec<(usize, Vec<T>)> {
        let mut groups: Vec<(usize, Vec<T>)> = Vec::new();
        for (entry, kept) in items {
            let key = self
                .position
                .get(&entry.paragraph)
                .map_or(usize::MAX, |&i| i / PANEL_GROUP_PARAGRAPHS);
            // Entries come in document order, so their run is nearly always the last one.
            match groups.iter().rposition(|(k, _)| *k == key) {
                Some(at) => groups[at].1.push(kept),
                None => groups.push((key, vec![kept])),
            }
        }
        groups.sort_by_key(|(key, _)| *key);
        groups
    }
}

/// Where each annotation was placed and which version of it was seen, at the last look: kept
/// from one edit to the next and brought up to date in place, so that finding the paragraphs an
/// edit changed copies nothing of the thousands of annotations it did not touch.
#[derive(Debug, Default)]
pub struct ParagraphChanges {
    seen: HashMap<String, SeenAnnotation>,
}

#[derive(Debug, PartialEq)]
struct SeenAnnotation {
    /// The paragraph it is listed under (placed, or made on for an orphan); none once deleted.
    paragraph: Option<String>,
    modified: crate::annotations::Millis,
    deleted: bool,
}

impl ParagraphChanges {
    /// Takes in the annotations as they are now, and gives the paragraphs whose annotations are
    /// not as they were at the last call (on the first, every paragraph that has any).
    pub fn update(
        &mut self,
        set: &AnnotationSet,
        placements: &Placements,
    ) -> std::collections::HashSet<String> {
        let listed: HashMap<&str, &str> = placements
            .entries
            .iter()
            .map(|e| (e.id.as_str(), e.paragraph.as_str()))
            .collect();
        let mut changed = std::collections::HashSet::new();
        let mut mark = |paragraph: &Option<String>| {
            if let Some(p) = paragraph {
                changed.insert(p.clone());
            }
        };
        for a in set.all() {
            let paragraph = listed.get(a.id.as_str()).copied();
            match self.seen.get_mut(&a.id) {
                Some(seen) => {
                    if seen.paragraph.as_deref() != paragraph
                        || seen.modified != a.modified
                        || seen.deleted != a.deleted
                    {
                        mark(&seen.paragraph);
                        seen.paragraph = paragraph.map(str::to_string);
                        seen.modified = a.modified;
                        seen.deleted = a.deleted;
                        mark(&seen.paragraph);
                    }
                }
                None => {
                    let seen = SeenAnnotation {
                        paragraph: paragraph.map(str::to_string),
                        modified: a.modified,
                        deleted: a.deleted,
                    };
                    mark(&seen.paragraph);
                    self.seen.insert(a.id.clone(), seen);
                }
            }
        }
        // Gone from the set altogether (another tab's copy replaced this one's).
        if self.seen.len() > set.stored_count() {
            self.seen.retain(|id, seen| {
                let kept = set.holds(id);
                if !kept {
                    mark(&seen.paragraph);
                }
                kept
            });
        }
        changed
    }
}

/// How many neighbouring paragraphs' entries the notes panel keeps in one box.
pub const PANEL_GROUP_PARAGRAPHS: usize = 32;

/// How an annotation sits in the report now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On a whole paragraph that exists.
    Paragraph,
    /// On a passage, found as [`Anchoring`] says (never `Orphan`).
    Passage(Anchoring),
    /// Its paragraph or its words could not be found.
    Orphan,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// The paragraph it is placed in now (for an orphan, the one it was made on).
    pub paragraph: String,
    pub place: Place,
    /// The paragraph it was made on, when it is now placed in another.
    pub moved_from: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Placements {
    /// Passage marks per paragraph id, in text order.
    pub marks: HashMap<String, Vec<Mark>>,
    /// Every live annotation: placed ones in document order, then orphans.
    pub entries: Vec<Entry>,
    /// The placed annotations of each paragraph, in order (whole-paragraph ones first).
    pub by_paragraph: HashMap<String, Vec<String>>,
    /// The whole-paragraph annotation placed on each paragraph (the latest edited, should there
    /// be two): the one its highlight button and note act on.
    pub whole: HashMap<String, String>,
}

impl Placements {
    pub fn orphans(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.place == Place::Orphan)
    }
}

/// Where a quote lands in one paragraph's text; `at_start` asks for a paragraph that opens with it.
fn anchor_in(text: &str, quote: &Quote, at_start: bool) -> Option<Anchoring> {
    let found = anchor(text, quote);
    match found.range() {
        Some((start, _)) if !at_start || start <= 2 => Some(found),
        _ => None,
    }
}

/// The best other paragraph for a quote: exact words first, then close ones; nearest to where
/// it was on a tie.
fn search(
    index: &ParagraphIndex,
    quote: &Quote,
    at_start: bool,
    skip: &str,
    near: usize,
) -> Option<(usize, Anchoring)> {
    let rank = |a: &Anchoring| match a {
        Anchoring::Position { .. } | Anchoring::Moved { .. } => 0,
        _ => 1,
    };
    (0..index.texts.len())
        .filter(|&i| index.ids[i] != skip)
        .filter_map(|i| anchor_in(&index.texts[i], quote, at_start).map(|a| (i, a)))
        .min_by_key(|(i, a)| (rank(a), i.abs_diff(near)))
}

/// (how it sits, where in the text it starts, the paragraph it is in, the one it moved from)
fn place_one(index: &ParagraphIndex, a: &Annotation) -> (Place, usize, String, Option<String>) {
    // A note made on an id the paragraph had before (`p1_2`, now `annex-p1`) is on it still.
    let stored = a.target.paragraph();
    let own = match index.position.contains_key(stored) {
        true => stored.to_string(),
        false => index
            .formerly
            .get(stored)
            .cloned()
            .unwrap_or(stored.to_string()),
    };
    let own_position = index.position.get(&own).copied();
    let (quote, at_start) = match &a.target {
        Target::Paragraph { excerpt: None, .. } => {
            return match own_position {
                Some(_) => (Place::Paragraph, 0, own, None),
                None => (Place::Orphan, 0, own, None),
            }
        }
        Target::Paragraph {
            excerpt: Some(q), ..
        } => (q, true),
        Target::Passage { quote, .. } => (quote, false),
    };
    let place = |found: Anchoring| {
        if at_start {
            Place::Paragraph
        } else {
            Place::Passage(found)
        }
    };
    let start_of = |found: Anchoring| found.range().map_or(0, |(s, _)| s + 1);
    if let Some(found) = own_position.and_then(|i| anchor_in(&index.texts[i], quote, at_start)) {
        return (place(found), start_of(found), own, None);
    }
    let near = own_position.unwrap_or(0);
    if let Some((i, found)) = search(index, quote, at_start, &own, near) {
        return (
            place(found),
            start_of(found),
            index.ids[i].clone(),
            Some(own),
        );
    }
    // A whole paragraph whose opening was reworded stays on its id, if that still exists.
    match (at_start, own_position) {
        (true, Some(_)) => (Place::Paragraph, 0, own, None),
        _ => (Place::Orphan, 0, own, None),
    }
}

/// Where each annotation was placed, with the target it was placed for. Anchoring depends on
/// nothing else (the report does not change under a reader), so placing again after an edit
/// anchors only the annotations whose target is new or changed: one edit among 10,000
/// annotations costs one anchoring, not 10,000.
#[derive(Debug, Default)]
pub struct PlacementCache {
    placed: HashMap<String, (Target, Placed)>,
}

/// Where an annotation was placed: how, at which character, in which paragraph, and the
/// paragraph it moved from, if it did.
type Placed = (Place, usize, String, Option<String>);

/// Where an entry sits, for ordering entries as the report reads (paragraph, character, a tie
/// breaker), and when it was last edited.
type DocumentOrder = (usize, usize, usize, i64);

pub fn place(index: &ParagraphIndex, set: &AnnotationSet) -> Placements {
    place_cached(index, set, &mut PlacementCache::default())
}

/// [`place`], reusing what `cache` knows and keeping it up to date.
pub fn place_cached(
    index: &ParagraphIndex,
    set: &AnnotationSet,
    cache: &mut PlacementCache,
) -> Placements {
    let mut placements = Placements::default();
    let mut keyed: Vec<(DocumentOrder, Entry, Millis)> = Vec::new();
    let mut live = 0;
    for a in set.live() {
        live += 1;
        let (place, start, paragraph, moved_from) = match cache.placed.get(&a.id) {
            Some((target, placed)) if *target == a.target => placed.clone(),
            _ => {
                let placed = place_one(index, a);
                cache
                    .placed
                    .insert(a.id.clone(), (a.target.clone(), placed.clone()));
                placed
            }
        };
        if let Place::Passage(found) = place {
            let (start, end) = found.range().expect("placed passages have a range");
            let mark = Mark {
                start,
                end,
                annotation: a.id.clone(),
                colour: a.colour,
            };
            // Looked up before a key is made: thousands of edits' worth of copies otherwise.
            match placements.marks.get_mut(&paragraph) {
                Some(marks) => marks.push(mark),
                None => {
                    placements.marks.insert(paragraph.clone(), vec![mark]);
                }
            }
        }
        let position = match place {
            Place::Orphan => (1, usize::MAX),
            _ => (0, index.position[&paragraph]),
        };
        keyed.push((
            (position.0, position.1, start, a.created),
            Entry {
                id: a.id.clone(),
                paragraph,
                place,
                moved_from,
            },
            a.modified,
        ));
    }
    keyed.sort_unstable_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.id.cmp(&y.1.id)));
    // The latest edited whole-paragraph annotation of each paragraph, with when it was edited.
    let mut whole: HashMap<&str, (&str, Millis)> = HashMap::new();
    for (_, e, modified) in keyed.iter().filter(|(_, e, _)| e.place != Place::Orphan) {
        match placements.by_paragraph.get_mut(&e.paragraph) {
            Some(ids) => ids.push(e.id.clone()),
            None => {
                placements
                    .by_paragraph
                    .insert(e.paragraph.clone(), vec![e.id.clone()]);
            }
        }
        if e.place == Place::Paragraph {
            match whole.get(e.paragraph.as_str()) {
                Some(&(_, current)) if current >= *modified => {}
                _ => {
                    whole.insert(&e.paragraph, (&e.id, *modified));
                }
            }
        }
    }
    placements.whole = whole
        .into_iter()
        .map(|(paragraph, (id, _))| (paragraph.to_string(), id.to_string()))
        .collect();
    placements.entries = keyed.into_iter().map(|(_, e, _)| e).collect();
    for marks in placements.marks.values_mut() {
        marks.sort_by_key(|m| (m.start, m.end));
    }
    if cache.placed.len() > live {
        cache
            .placed
            .retain(|id, _| set.get(id).is_some_and(|a| !a.deleted));
    }
    placements
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placing_with_a_cache_gives_the_same_result_and_follows_edits() {
        let report = parse(DEFAULT_REPORT);
        let index = ParagraphIndex::new(&report);
        let mut set = AnnotationSet::from_annotations([
            passage("a", "p5", index.text("p5").unwrap(), "Ishaq Dar", 1),
            passage("b", "p8", index.text("p8").unwrap(), "ceasefire", 2),
        ]);
        let mut cache = PlacementCache::default();
        assert_eq!(place_cached(&index, &set, &mut cache), place(&index, &set));
        assert_eq!(cache.placed.len(), 2);
        // A changed target is anchored again; a deleted annotation is forgotten.
        let moved = passage(
            "a",
            "p5",
            index.text("p5").unwrap(),
            "Deputy Prime Minister",
            1,
        );
        set.put_merged(Annotation {
            modified: 10,
            ..moved
        });
        set.delete("b", 11);
        let again = place_cached(&index, &set, &mut cache);
        assert_eq!(again, place(&index, &set));
        let mark = &again.marks["p5"][0];
        assert_eq!(
            &index.text("p5").unwrap().chars().collect::<Vec<_>>()[mark.start..mark.end]
                .iter()
                .collect::<String>(),
            "Deputy Prime Minister"
        );
        assert_eq!(cache.placed.len(), 1);
    }
    use crate::annotations::{Colour, Quote};
    use crate::report::{parse, DEFAULT_REPORT};

    fn passage(id: &str, paragraph: &str, text: &str, words: &str, created: i64) -> Annotation {
        let byte = text.find(words).unwrap();
        let start = text[..byte].chars().count();
        let quote = Quote::from_text(text, start, start + words.chars().count()).unwrap();
        Annotation::new(
            id.into(),
            Target::Passage {
                paragraph: paragraph.into(),
                quote,
            },
            Some(Colour::Blue),
            "",
            created,
        )
    }

    #[test]
    fn of_two_whole_paragraph_annotations_the_latest_edited_is_the_one_the_paragraph_acts_on() {
        let report = parse("1. Alpha beta gamma.\n2. Delta epsilon zeta.\n");
        let index = ParagraphIndex::new(&report);
        let mut set = AnnotationSet::from_annotations([
            Annotation::new(
                "older".into(),
                Target::whole("p2", None),
                Some(Colour::Yellow),
                "",
                1,
            ),
            Annotation::new(
                "newer".into(),
                Target::whole("p2", None),
                Some(Colour::Blue),
                "",
                2,
            ),
            Annotation::new(
                "alone".into(),
                Target::whole("p1", None),
                None,
                "A note.",
                3,
            ),
        ]);
        let placed = place(&index, &set);
        assert_eq!(placed.whole.get("p2").map(String::as_str), Some("newer"));
        assert_eq!(placed.whole.get("p1").map(String::as_str), Some("alone"));
        assert_eq!(placed.by_paragraph["p2"].len(), 2);
        set.edit("older", 10, |a| a.note = "Edited since.".into());
        assert_eq!(
            place(&index, &set).whole.get("p2").map(String::as_str),
            Some("older")
        );
    }

    #[test]
    fn the_paragraphs_an_edit_changed_are_found_and_no_others() {
        let report = parse(
            &(1..=40)
                .map(|n| format!("{n}. Paragraph number {n}.\n"))
                .collect::<String>(),
        );
        let index = ParagraphIndex::new(&report);
        let whole = |id: &str, p: usize| {
            Annotation::new(
                id.into(),
                Target::whole(&format!("p{p}"), None),
                Some(Colour::Green),
                "",
                p as i64,
            )
        };
        let mut set = AnnotationSet::from_annotations((1..=30).map(|n| whole(&format!("a{n}"), n)));
        let mut changes = ParagraphChanges::default();
        let mut update = |set: &AnnotationSet| {
            let mut changed: Vec<String> = changes
                .update(set, &place(&index, set))
                .into_iter()
                .collect();
            changed.sort_by_key(|p| p[1..].parse::<usize>().unwrap());
            changed
        };
        let names = |ns: &[usize]| ns.iter().map(|n| format!("p{n}")).collect::<Vec<_>>();
        assert_eq!(
            update(&set),
            names(&(1..=30).collect::<Vec<_>>()),
            "at first, every paragraph with an annotation"
        );
        assert_eq!(update(&set), names(&[]), "nothing changed");
        set.edit("a7", 100, |a| a.note = "A note.".into());
        assert_eq!(update(&set), names(&[7]), "an edited note");
        set.put_merged(whole("b", 35));
        assert_eq!(update(&set), names(&[35]), "a new highlight");
        set.delete("a3", 101);
        assert_eq!(update(&set), names(&[3]), "a deletion");
        // A highlight moved to another paragraph changes both.
        set.put_merged(Annotation {
            modified: 102,
            ..whole("a9", 12)
        });
        assert_eq!(update(&set), names(&[9, 12]), "a move");
        // Another tab's copy, without one annotation at all.
        let without: Vec<Annotation> = set.all().filter(|a| a.id != "a20").cloned().collect();
        assert_eq!(
            update(&AnnotationSet::from_annotations(without)),
            names(&[20]),
            "an annotation gone"
        );
    }

    #[test]
    fn entries_are_grouped_by_stretch_of_report_and_one_edit_changes_one_group() {
        let text: String = (1..=100)
            .map(|n| format!("{n}. Paragraph number {n} of the report.\n"))
            .collect();
        let report = parse(&text);
        let index = ParagraphIndex::new(&report);
        let whole = |id: &str, p: usize| {
            Annotation::new(
                id.into(),
                Target::whole(&format!("p{p}"), None),
                Some(Colour::Green),
                "",
                p as i64,
            )
        };
        let mut set = AnnotationSet::from_annotations([
            whole("a", 1),
            whole("b", 32),
            whole("c", 33),
            whole("d", 70),
            whole("e", 100),
        ]);
        let groups_of = |set: &AnnotationSet| {
            let entries = place(&index, set).entries;
            index.group_by_place(
                entries
                    .iter()
                    .filter(|e| e.place != Place::Orphan)
                    .map(|e| (e, e.id.clone())),
            )
        };
        let before = groups_of(&set);
        let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            before,
            vec![
                (0, ids(&["a", "b"])),
                (1, ids(&["c"])),
                (2, ids(&["d"])),
                (3, ids(&["e"]))
            ]
        );
        // A highlight added to paragraph 40 joins paragraph 33's group; the others are as they were.
        set.put_merged(whole("f", 40));
        let after = groups_of(&set);
        assert_eq!(after[1], (1, ids(&["c", "f"])));
        assert_eq!(
            [&after[0], &after[2], &after[3]],
            [&before[0], &before[2], &before[3]]
        );
        // An entry whose paragraph is not in the report goes last, in a group of its own.
        let stray = Entry {
            id: "x".into(),
            paragraph: "p999".into(),
            place: Place::Paragraph,
            moved_from: None,
        };
        let first = place(&index, &set).entries[0].clone();
        let grouped = index.group_by_place([(&stray, ()), (&first, ())]);
        assert_eq!(
            grouped.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            vec![0, usize::MAX]
        );
    }

    #[test]
    fn entries_come_in_document_order_with_orphans_last() {
        let report = parse("1. Alpha beta gamma.\n2. Delta epsilon zeta.\n3. Eta theta.\n");
        let index = ParagraphIndex::new(&report);
        let mut set = AnnotationSet::from_annotations([
            Annotation::new(
                "whole-3".into(),
                Target::whole("p3", None),
                Some(Colour::Yellow),
                "",
                1,
            ),
            passage("zeta", "p2", "Delta epsilon zeta.", "zeta", 2),
            passage("delta", "p2", "Delta epsilon zeta.", "Delta", 3),
            Annotation::new(
                "gone".into(),
                Target::whole("p9", None),
                None,
                "note on a lost paragraph",
                0,
            ),
            passage("reworded", "p1", "Alpha beta gamma.", "beta", 4),
        ]);
        // A passage whose words paragraph 1 no longer has becomes an orphan.
        set.edit("reworded", 5, |a| {
            if let Target::Passage { quote, .. } = &mut a.target {
                quote.exact = "omega".into();
            }
        });
        let placements = place(&index, &set);
        let order: Vec<(&str, Place)> = placements
            .entries
            .iter()
            .map(|e| (e.id.as_str(), e.place))
            .collect();
        assert!(placements.entries.iter().all(|e| e.moved_from.is_none()));
        assert_eq!(
            order,
            [
                (
                    "delta",
                    Place::Passage(Anchoring::Position { start: 0, end: 5 })
                ),
                (
                    "zeta",
                    Place::Passage(Anchoring::Position { start: 14, end: 18 })
                ),
                ("whole-3", Place::Paragraph),
                ("gone", Place::Orphan),
                ("reworded", Place::Orphan),
            ]
        );
        let p2: Vec<(usize, usize, &str)> = placements.marks["p2"]
            .iter()
            .map(|m| (m.start, m.end, m.annotation.as_str()))
            .collect();
        assert_eq!(p2, [(0, 5, "delta"), (14, 18, "zeta")]);
        assert_eq!(placements.orphans().count(), 2);
        assert_eq!(placements.by_paragraph["p2"], ["delta", "zeta"]);
        assert!(!placements.by_paragraph.contains_key("p9"));
    }

    #[test]
    fn a_revision_moves_notes_with_their_words_and_orphans_the_rest() {
        let original = parse(DEFAULT_REPORT);
        let index = ParagraphIndex::new(&original);
        let whole = |id: &str, paragraph: &str| {
            Annotation::new(
                id.into(),
                Target::whole(paragraph, index.text(paragraph)),
                Some(Colour::Yellow),
                "note",
                1,
            )
        };
        let p8_text = index.text("p8").unwrap().to_string();
        let p5_text = index.text("p5").unwrap().to_string();
        let set = AnnotationSet::from_annotations([
            whole("on-8", "p8"),
            whole("on-2", "p2"),
            passage("ishaq", "p5", &p5_text, "Ishaq Dar", 2),
            passage(
                "sincere",
                "p8",
                &p8_text,
                "made sincere efforts to mediate",
                3,
            ),
            passage(
                "struck",
                "p8",
                &p8_text,
                "the principles of the United Nations Charter",
                4,
            ),
        ]);
        let revised = parse(&fixture_revision());
        let placements = place(&ParagraphIndex::new(&revised), &set);
        let find = |id: &str| {
            placements
                .entries
                .iter()
                .find(|e| e.id == id)
                .unwrap()
                .clone()
        };

        // A new paragraph 3 was inserted: old 5 is now 6 and old 8 is now 9.
        assert_eq!(
            (
                find("on-8").paragraph.as_str(),
                find("on-8").moved_from.as_deref()
            ),
            ("p9", Some("p8"))
        );
        assert_eq!(placements.whole.get("p9").map(String::as_str), Some("on-8"));
        assert!(
            !placements.whole.contains_key("p8"),
            "the new paragraph 8 has no highlight"
        );
        assert_eq!(
            (find("on-2").paragraph.as_str(), find("on-2").moved_from),
            ("p2", None)
        );
        assert_eq!(
            (
                find("ishaq").paragraph.as_str(),
                find("ishaq").moved_from.as_deref()
            ),
            ("p6", Some("p5"))
        );
        assert!(matches!(
            find("ishaq").place,
            Place::Passage(Anchoring::Moved { .. } | Anchoring::Position { .. })
        ));
        let sincere = find("sincere");
        assert_eq!(sincere.paragraph, "p9");
        assert!(
            matches!(sincere.place, Place::Passage(Anchoring::Fuzzy { .. })),
            "{:?}",
            sincere.place
        );
        assert_eq!(
            find("struck").place,
            Place::Orphan,
            "the sentence was deleted"
        );
        assert_eq!(placements.orphans().count(), 1);
    }

    fn fixture_revision() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/oic-cfm-51-cg-jk-2025-rev2.txt"
        ))
        .unwrap()
    }

    #[test]
    fn the_index_knows_paragraph_texts_and_names() {
        let index = ParagraphIndex::new(&parse("3. Chapeau:\n(a) first item;\n"));
        assert_eq!(index.text("p3-a"), Some("first item;"));
        assert_eq!(index.name("p3-a"), Some("paragraph 3 (a)"));
        assert_eq!(index.text("p4"), None);
    }
}
