//! Where each annotation lands in the report as it now reads: the marks to draw in each
//! paragraph, and the list of every annotation in document order, with those that could not be
//! placed (their paragraph is gone, or their passage no longer found) last, as orphans.

use std::collections::HashMap;

use super::anchor::{anchor, Anchoring};
use super::marks::Mark;
use super::{Annotation, AnnotationSet, Target};
use crate::report::Report;

/// The paragraphs of a report by id, in reading order, with their plain text. Built once per report.
#[derive(Debug, Clone, Default)]
pub struct ParagraphIndex {
    position: HashMap<String, usize>,
    texts: Vec<String>,
    names: Vec<String>,
}

impl ParagraphIndex {
    pub fn new(report: &Report) -> Self {
        let mut index = ParagraphIndex::default();
        for (i, p) in report.paragraphs().enumerate() {
            index.position.insert(p.id.clone(), i);
            index.texts.push(p.text.plain());
            index.names.push(p.name.clone());
        }
        index
    }

    pub fn text(&self, paragraph: &str) -> Option<&str> {
        self.position.get(paragraph).map(|&i| self.texts[i].as_str())
    }

    /// How a reader names the paragraph ("paragraph 8"), if it exists.
    pub fn name(&self, paragraph: &str) -> Option<&str> {
        self.position.get(paragraph).map(|&i| self.names[i].as_str())
    }
}

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
    pub paragraph: String,
    pub place: Place,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Placements {
    /// Passage marks per paragraph id, in text order.
    pub marks: HashMap<String, Vec<Mark>>,
    /// Every live annotation: placed ones in document order, then orphans.
    pub entries: Vec<Entry>,
    /// The placed annotations of each paragraph, in order (whole-paragraph ones first).
    pub by_paragraph: HashMap<String, Vec<String>>,
}

impl Placements {
    pub fn orphans(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.place == Place::Orphan)
    }
}

fn place_one(index: &ParagraphIndex, a: &Annotation) -> (Place, usize) {
    let Some(text) = index.text(a.target.paragraph()) else { return (Place::Orphan, 0) };
    match &a.target {
        Target::Paragraph { .. } => (Place::Paragraph, 0),
        Target::Passage { quote, .. } => match anchor(text, quote) {
            Anchoring::Orphan => (Place::Orphan, 0),
            found => (Place::Passage(found), found.range().map_or(0, |(s, _)| s + 1)),
        },
    }
}

pub fn place(index: &ParagraphIndex, set: &AnnotationSet) -> Placements {
    let mut placements = Placements::default();
    let mut keyed: Vec<((usize, usize, usize, i64), Entry)> = Vec::new();
    for a in set.live() {
        let (place, start) = place_one(index, a);
        let paragraph = a.target.paragraph().to_string();
        if let Place::Passage(found) = place {
            let (start, end) = found.range().expect("placed passages have a range");
            placements.marks.entry(paragraph.clone()).or_default().push(Mark { start, end, annotation: a.id.clone(), colour: a.colour });
        }
        let position = match place {
            Place::Orphan => (1, usize::MAX),
            _ => (0, index.position[&paragraph]),
        };
        keyed.push(((position.0, position.1, start, a.created), Entry { id: a.id.clone(), paragraph, place }));
    }
    keyed.sort_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.id.cmp(&y.1.id)));
    placements.entries = keyed.into_iter().map(|(_, e)| e).collect();
    for e in placements.entries.iter().filter(|e| e.place != Place::Orphan) {
        placements.by_paragraph.entry(e.paragraph.clone()).or_default().push(e.id.clone());
    }
    for marks in placements.marks.values_mut() {
        marks.sort_by_key(|m| (m.start, m.end));
    }
    placements
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Colour, Quote};
    use crate::report::parse;

    fn passage(id: &str, paragraph: &str, text: &str, words: &str, created: i64) -> Annotation {
        let byte = text.find(words).unwrap();
        let start = text[..byte].chars().count();
        let quote = Quote::from_text(text, start, start + words.chars().count()).unwrap();
        Annotation::new(id.into(), Target::Passage { paragraph: paragraph.into(), quote }, Some(Colour::Blue), "", created)
    }

    #[test]
    fn entries_come_in_document_order_with_orphans_last() {
        let report = parse("1. Alpha beta gamma.\n2. Delta epsilon zeta.\n3. Eta theta.\n");
        let index = ParagraphIndex::new(&report);
        let mut set = AnnotationSet::from_annotations([
            Annotation::new("whole-3".into(), Target::Paragraph { paragraph: "p3".into() }, Some(Colour::Yellow), "", 1),
            passage("zeta", "p2", "Delta epsilon zeta.", "zeta", 2),
            passage("delta", "p2", "Delta epsilon zeta.", "Delta", 3),
            Annotation::new("gone".into(), Target::Paragraph { paragraph: "p9".into() }, None, "note on a lost paragraph", 0),
            passage("reworded", "p1", "Alpha beta gamma.", "beta", 4),
        ]);
        // A passage whose words paragraph 1 no longer has becomes an orphan.
        set.edit("reworded", 5, |a| {
            if let Target::Passage { quote, .. } = &mut a.target {
                quote.exact = "omega".into();
            }
        });
        let placements = place(&index, &set);
        let order: Vec<(&str, Place)> = placements.entries.iter().map(|e| (e.id.as_str(), e.place)).collect();
        assert_eq!(
            order,
            [
                ("delta", Place::Passage(Anchoring::Position { start: 0, end: 5 })),
                ("zeta", Place::Passage(Anchoring::Position { start: 14, end: 18 })),
                ("whole-3", Place::Paragraph),
                ("gone", Place::Orphan),
                ("reworded", Place::Orphan),
            ]
        );
        let p2: Vec<(usize, usize, &str)> = placements.marks["p2"].iter().map(|m| (m.start, m.end, m.annotation.as_str())).collect();
        assert_eq!(p2, [(0, 5, "delta"), (14, 18, "zeta")]);
        assert_eq!(placements.orphans().count(), 2);
        assert_eq!(placements.by_paragraph["p2"], ["delta", "zeta"]);
        assert!(!placements.by_paragraph.contains_key("p9"));
    }

    #[test]
    fn the_index_knows_paragraph_texts_and_names() {
        let index = ParagraphIndex::new(&parse("3. Chapeau:\n(a) first item;\n"));
        assert_eq!(index.text("p3-a"), Some("first item;"));
        assert_eq!(index.name("p3-a"), Some("paragraph 3 (a)"));
        assert_eq!(index.text("p4"), None);
    }
}
