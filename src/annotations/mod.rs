//! A reader's highlights and notes on one report, as plain data: what an annotation is, the
//! edits a reader makes, and how two copies edited apart (two tabs) merge without losing either.
//! Pure Rust; the browser side lives in `ui::storage` and `ui::annotator`.
//!
//! Deletion leaves a tombstone (`deleted: true`, text kept) so that merging never brings a
//! deleted note back, and so that a deletion can be undone.

pub mod anchor;
pub mod codec;
pub mod marks;
pub mod panel;
pub mod paragraph_view;
pub mod placement;

/// A stretch of a paragraph's text: the paragraph's id and a range of characters of its plain
/// text (a passage a link points at, a search match).
pub type ParagraphRange = (String, usize, usize);

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use anchor::{Anchoring, Quote};

/// The highlight colours. Each has a meaning the reader can rename (see [`Palette`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    Yellow,
    Blue,
    Pink,
    Green,
}

impl Colour {
    pub const ALL: [Colour; 4] = [Colour::Yellow, Colour::Blue, Colour::Pink, Colour::Green];

    /// The name used in markup (`data-highlight="yellow"`) and in stored data.
    pub fn key(self) -> &'static str {
        match self {
            Colour::Yellow => "yellow",
            Colour::Blue => "blue",
            Colour::Pink => "pink",
            Colour::Green => "green",
        }
    }

    pub fn from_key(key: &str) -> Option<Colour> {
        Colour::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The tint the reader sees on a light page (as in `style/main.css`), for exports that
    /// carry the colour to another tool.
    pub fn light_tint(self) -> &'static str {
        match self {
            Colour::Yellow => "#fde68a",
            Colour::Blue => "#bfdbfe",
            Colour::Pink => "#fbcfe8",
            Colour::Green => "#bbf7d0",
        }
    }

    fn default_meaning(self) -> &'static str {
        match self {
            Colour::Yellow => "important",
            Colour::Blue => "question",
            Colour::Pink => "disagree",
            Colour::Green => "follow up",
        }
    }
}

/// What each colour means to this reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Palette(BTreeMap<Colour, String>);

impl Default for Palette {
    fn default() -> Self {
        Palette(
            Colour::ALL
                .into_iter()
                .map(|c| (c, c.default_meaning().to_string()))
                .collect(),
        )
    }
}

impl Palette {
    pub fn meaning(&self, colour: Colour) -> String {
        self.0
            .get(&colour)
            .cloned()
            .unwrap_or_else(|| colour.default_meaning().to_string())
    }

    /// What a choice of colour is called: its meaning, or "no colour" for a note without a
    /// highlight (in the editor's choices and the panel's filter alike).
    pub fn name_of(&self, colour: Option<Colour>) -> String {
        colour.map_or_else(|| "no colour".to_string(), |c| self.meaning(c))
    }

    /// Renames a colour; an empty name goes back to the default one.
    pub fn rename(&mut self, colour: Colour, meaning: &str) {
        let meaning = meaning.trim();
        let meaning = if meaning.is_empty() {
            colour.default_meaning()
        } else {
            meaning
        };
        self.0.insert(colour, meaning.chars().take(40).collect());
    }
}

/// What an annotation is attached to: a whole paragraph, or a passage inside one. Stored as
/// `{"kind": "paragraph" | "passage", "paragraph": …, "excerpt" | "quote": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", try_from = "StoredTarget")]
pub enum Target {
    /// A whole paragraph. `excerpt` (its opening words when the annotation was made) finds it
    /// again when a revision renumbers the paragraphs; older data has none.
    Paragraph {
        paragraph: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        excerpt: Option<Quote>,
    },
    Passage {
        paragraph: String,
        quote: Quote,
    },
}

/// A target as stored, read in one pass with its fields in any order. (Serde's derived reading
/// of a tagged enum first copies every field into a buffer of its own, to find the tag, which
/// costs much of the time stored notes take to load.)
#[derive(Deserialize)]
// What a damaged note's message says was expected.
#[serde(expecting = "a target: the paragraph, and whether the whole of it or a passage")]
struct StoredTarget {
    kind: TargetKind,
    paragraph: String,
    #[serde(default)]
    excerpt: Option<Quote>,
    #[serde(default)]
    quote: Option<Quote>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum TargetKind {
    Paragraph,
    Passage,
}

impl TryFrom<StoredTarget> for Target {
    type Error = &'static str;

    fn try_from(stored: StoredTarget) -> Result<Self, Self::Error> {
        let StoredTarget {
            kind,
            paragraph,
            excerpt,
            quote,
        } = stored;
        match kind {
            TargetKind::Paragraph => Ok(Target::Paragraph { paragraph, excerpt }),
            TargetKind::Passage => Ok(Target::Passage {
                paragraph,
                quote: quote.ok_or("missing field `quote`")?,
            }),
        }
    }
}

impl Target {
    /// A whole paragraph, remembered by its id and, given its text, its opening words.
    pub fn whole(paragraph: &str, text: Option<&str>) -> Target {
        Target::Paragraph {
            paragraph: paragraph.to_string(),
            excerpt: text.and_then(Quote::excerpt),
        }
    }

    pub fn paragraph(&self) -> &str {
        match self {
            Target::Paragraph { paragraph, .. } | Target::Passage { paragraph, .. } => paragraph,
        }
    }

    pub fn quote(&self) -> Option<&Quote> {
        match self {
            Target::Passage { quote, .. } => Some(quote),
            Target::Paragraph { .. } => None,
        }
    }
}

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: String,
    pub target: Target,
    /// `None` for a note without a highlight.
    pub colour: Option<Colour>,
    /// Plain text (Markdown conventions are rendered, raw HTML never is).
    pub note: String,
    /// Words the reader (or the tool the note came from, such as Hypothesis) filed it under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub created: Millis,
    pub modified: Millis,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

impl Annotation {
    pub fn new(
        id: String,
        target: Target,
        colour: Option<Colour>,
        note: &str,
        now: Millis,
    ) -> Self {
        Annotation {
            id,
            target,
            colour,
            note: note.to_string(),
            tags: hashtags(note),
            created: now,
            modified: now,
            deleted: false,
        }
    }

    pub fn has_note(&self) -> bool {
        !self.note.trim().is_empty()
    }

    /// Which of two versions of one annotation wins a merge: the later edit; on a tie, the
    /// deletion (so it is never undone by accident), then the longer note.
    fn supersedes(&self, other: &Annotation) -> bool {
        (self.modified, self.deleted, self.note.len(), &self.note)
            > (other.modified, other.deleted, other.note.len(), &other.note)
    }
}

/// How long a deletion is remembered, so that a tab left open that long cannot bring it back.
pub const TOMBSTONE_MILLIS: Millis = 90 * 24 * 60 * 60 * 1000;

/// What this tab knows is stored of each annotation: when it last changed, and whether it is a
/// deletion. A save writes only the annotations whose version differs from it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredVersions(std::collections::HashMap<String, (Millis, bool)>);

impl StoredVersions {
    /// The versions of everything in `set`, as what is stored.
    pub fn of(set: &AnnotationSet) -> Self {
        let mut versions = StoredVersions::default();
        versions.record(set);
        versions
    }

    /// The version recorded for an annotation, if any.
    pub fn version(&self, id: &str) -> Option<(Millis, bool)> {
        self.0.get(id).copied()
    }

    /// The ids of every annotation recorded.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Notes that what `set` holds is now stored too.
    pub fn record(&mut self, set: &AnnotationSet) {
        self.0
            .extend(set.all().map(|a| (a.id.clone(), (a.modified, a.deleted))));
    }
}

/// All annotations on one report, deleted ones included as tombstones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnnotationSet {
    by_id: BTreeMap<String, Annotation>,
}

impl AnnotationSet {
    /// The set of a list, in which an id may come more than once: the version that supersedes
    /// the others is kept, as [`AnnotationSet::merge`] would keep it.
    pub fn from_annotations(annotations: impl IntoIterator<Item = Annotation>) -> Self {
        let mut set = AnnotationSet::default();
        for a in annotations {
            set.put_merged(a);
        }
        set
    }

    /// Every stored annotation, tombstones included, by id.
    pub fn all(&self) -> impl Iterator<Item = &Annotation> {
        self.by_id.values()
    }

    /// The annotations a reader sees.
    pub fn live(&self) -> impl Iterator<Item = &Annotation> {
        self.by_id.values().filter(|a| !a.deleted)
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.by_id.get(id).filter(|a| !a.deleted)
    }

    pub fn len(&self) -> usize {
        self.live().count()
    }

    /// How many are kept, tombstones included.
    pub fn stored_count(&self) -> usize {
        self.by_id.len()
    }

    /// Whether it holds this id, as a live annotation or a tombstone.
    pub fn holds(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// The annotations (tombstones included) whose version is not the one known to be stored.
    pub fn changed_since(&self, stored: &StoredVersions) -> AnnotationSet {
        let by_id = self
            .by_id
            .iter()
            .filter(|(id, a)| stored.0.get(*id) != Some(&(a.modified, a.deleted)))
            .map(|(id, a)| (id.clone(), a.clone()))
            .collect();
        AnnotationSet { by_id }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The whole-paragraph annotation on a paragraph (the latest, should two tabs each have made one).
    pub fn on_paragraph(&self, paragraph: &str) -> Option<&Annotation> {
        self.live()
            .filter(
                |a| matches!(&a.target, Target::Paragraph { paragraph: p, .. } if p == paragraph),
            )
            .max_by_key(|a| a.modified)
    }

    /// Passages marked in a paragraph.
    pub fn passages_in<'a>(
        &'a self,
        paragraph: &'a str,
    ) -> impl Iterator<Item = &'a Annotation> + 'a {
        self.live().filter(
            move |a| matches!(&a.target, Target::Passage { paragraph: p, .. } if p == paragraph),
        )
    }

    fn put_merged(&mut self, incoming: Annotation) -> bool {
        // One walk down the tree, not a look-up and then an insertion: comparing ids is most of
        // the time it takes to load thousands.
        match self.by_id.entry(incoming.id.clone()) {
            Entry::Occupied(mut existing) if incoming.supersedes(existing.get()) => {
                existing.insert(incoming);
                true
            }
            Entry::Occupied(_) => false,
            Entry::Vacant(place) => {
                place.insert(incoming);
                true
            }
        }
    }

    /// Adds a new annotation.
    pub fn add(&mut self, annotation: Annotation) {
        self.by_id.insert(annotation.id.clone(), annotation);
    }

    /// Applies an edit to a live annotation, stamping it with `now`. Returns false if there is
    /// no such live annotation.
    pub fn edit(&mut self, id: &str, now: Millis, change: impl FnOnce(&mut Annotation)) -> bool {
        match self.by_id.get_mut(id).filter(|a| !a.deleted) {
            Some(a) => {
                change(a);
                a.modified = now.max(a.modified + 1);
                true
            }
            None => false,
        }
    }

    /// Deletes an annotation, keeping a tombstone; returns the deleted version for undo.
    pub fn delete(&mut self, id: &str, now: Millis) -> Option<Annotation> {
        let before = self.get(id).cloned()?;
        self.edit(id, now, |a| a.deleted = true);
        Some(before)
    }

    /// Brings a deleted annotation back, as a newer edit than its deletion.
    pub fn restore(&mut self, id: &str, now: Millis) -> bool {
        match self.by_id.get_mut(id).filter(|a| a.deleted) {
            Some(a) => {
                a.deleted = false;
                a.modified = now.max(a.modified + 1);
                true
            }
            None => false,
        }
    }

    /// Merges another copy into this one, annotation by annotation: the newer edit of each wins,
    /// annotations only one side has are kept, and deletions stay deleted. Returns whether this
    /// copy changed.
    pub fn merge(&mut self, other: &AnnotationSet) -> bool {
        let mut changed = false;
        for a in other.by_id.values() {
            changed |= self.put_merged(a.clone());
        }
        changed
    }

    /// Sets or clears the highlight of a whole paragraph: on `existing`, the annotation that is
    /// the paragraph's now, or on a new one made for `target` (`new_id` names it). An annotation
    /// left with neither colour nor note is deleted.
    pub fn highlight_paragraph(
        &mut self,
        existing: Option<&str>,
        target: Target,
        colour: Option<Colour>,
        now: Millis,
        new_id: impl FnOnce() -> String,
    ) {
        match existing {
            Some(id) => self.recolour(id, colour, now),
            None if colour.is_some() => {
                self.add(Annotation::new(new_id(), target, colour, "", now))
            }
            None => {}
        }
    }

    /// Changes an annotation's colour; taking the colour off one without a note deletes it.
    pub fn recolour(&mut self, id: &str, colour: Option<Colour>, now: Millis) {
        let Some(a) = self.get(id) else { return };
        if colour.is_none() && !a.has_note() {
            self.delete(id, now);
        } else if a.colour != colour {
            self.edit(id, now, |a| a.colour = colour);
        }
    }

    /// Writes the note of an annotation; emptying the note of one without a highlight deletes it.
    pub fn write_note(&mut self, id: &str, note: &str, now: Millis) {
        let Some(a) = self.get(id) else { return };
        if note.trim().is_empty() && a.colour.is_none() {
            self.delete(id, now);
        } else if a.note != note {
            self.edit(id, now, |a| a.set_note(note));
        }
    }

    /// Sets note and colour together, as the note editor does; with neither, deletes.
    pub fn rewrite(&mut self, id: &str, note: &str, colour: Option<Colour>, now: Millis) {
        let Some(a) = self.get(id) else { return };
        if note.trim().is_empty() && colour.is_none() {
            self.delete(id, now);
        } else if a.note != note || a.colour != colour {
            self.edit(id, now, |a| {
                a.set_note(note);
                a.colour = colour;
            });
        }
    }

    /// Forgets deletions older than [`TOMBSTONE_MILLIS`].
    pub fn prune(&mut self, now: Millis) {
        self.by_id
            .retain(|_, a| !(a.deleted && now - a.modified > TOMBSTONE_MILLIS));
    }
}

/// The tags a note writes as `#words` ("#follow-up", "#détention"): a `#` at the start of a
/// word, then letters, digits, `-` or `_`, with a letter among them (so "#3" and a Markdown
/// heading's "# " are not tags).
pub fn hashtags(note: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let chars: Vec<char> = note.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != '#' || (i > 0 && !chars[i - 1].is_whitespace() && chars[i - 1] != '(') {
            continue;
        }
        let tag: String = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_alphanumeric() || **c == '-' || **c == '_')
            .collect();
        let tag = tag.trim_end_matches(['-', '_']).to_string();
        if tag.chars().any(char::is_alphabetic) && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

impl Annotation {
    /// Writes its note; the tags the old note wrote as `#words` give way to the new note's, and
    /// tags it was given otherwise (by an import) stay.
    fn set_note(&mut self, note: &str) {
        let written_before = hashtags(&self.note);
        self.tags.retain(|t| !written_before.contains(t));
        for tag in hashtags(note) {
            if !self.tags.contains(&tag) {
                self.tags.push(tag);
            }
        }
        self.note = note.to_string();
    }
}

/// The first `max` characters of a text, with "…" where it goes on.
pub fn clipped(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_notes_hashtags_are_its_tags_and_imported_tags_stay() {
        assert_eq!(
            hashtags("Ask #follow-up on (#détention), not #3 or a#b\n# Heading #kashmir."),
            ["follow-up", "détention", "kashmir"]
        );
        let mut set = AnnotationSet::default();
        let mut a = Annotation::new(
            "a".into(),
            Target::whole("p1", None),
            None,
            "See #visits",
            1,
        );
        assert_eq!(a.tags, ["visits"]);
        a.tags.push("imported".into());
        set.add(a);
        set.write_note("a", "Now #review only", 2);
        assert_eq!(set.get("a").unwrap().tags, ["imported", "review"]);
        set.rewrite("a", "No tags written", Some(Colour::Green), 3);
        assert_eq!(set.get("a").unwrap().tags, ["imported"]);
    }

    #[test]
    fn a_target_is_read_with_its_fields_in_any_order_and_refused_without_its_kind() {
        use super::{Quote, Target};
        let quote = Quote {
            exact: "ceasefire".into(),
            prefix: "the ".into(),
            suffix: " line".into(),
            start: 4,
            end: 13,
        };
        for target in [
            Target::Passage {
                paragraph: "p8".into(),
                quote: quote.clone(),
            },
            Target::whole("p3", Some("Opening words")),
            Target::whole("p4", None),
        ] {
            let text = serde_json::to_string(&target).unwrap();
            assert_eq!(
                serde_json::from_str::<Target>(&text).unwrap(),
                target,
                "{text}"
            );
            assert_eq!(
                serde_json::from_value::<Target>(serde_json::from_str(&text).unwrap()).unwrap(),
                target,
                "{text}"
            );
        }
        let later = r#"{"paragraph":"p8","quote":{"exact":"ceasefire","prefix":"the ","suffix":" line","start":4,"end":13},"by":"x","kind":"passage"}"#;
        assert_eq!(
            serde_json::from_str::<Target>(later).unwrap(),
            Target::Passage {
                paragraph: "p8".into(),
                quote
            }
        );
        assert_eq!(
            serde_json::from_str::<Target>(
                r#"{"kind":"paragraph","paragraph":"p2","excerpt":null}"#
            )
            .unwrap(),
            Target::whole("p2", None)
        );
        for (bad, says) in [
            (r#"{"paragraph":"p2"}"#, "missing field `kind`"),
            (
                r#"{"kind":"passage","paragraph":"p2"}"#,
                "missing field `quote`",
            ),
            (
                r#"{"kind":"page","paragraph":"p2"}"#,
                "unknown variant `page`",
            ),
            (r#"{"kind":"paragraph"}"#, "missing field `paragraph`"),
            (r#""p2""#, "expected a target: the paragraph"),
        ] {
            let error = serde_json::from_str::<Target>(bad).unwrap_err().to_string();
            assert!(error.contains(says), "{bad}: {error}");
        }
    }

    #[test]
    fn a_clipped_text_says_it_goes_on_only_when_it_does() {
        assert_eq!(super::clipped("Türkiye", 7), "Türkiye");
        assert_eq!(super::clipped("Türkiye and Niger", 7), "Türkiye…");
        assert_eq!(super::clipped("", 3), "");
    }

    use super::*;

    #[test]
    fn only_what_changed_since_it_was_stored_is_to_be_written() {
        let mut set = AnnotationSet::from_annotations([
            Annotation::new(
                "a".into(),
                Target::whole("p1", None),
                Some(Colour::Yellow),
                "",
                1,
            ),
            Annotation::new("b".into(), Target::whole("p2", None), None, "note", 2),
        ]);
        let mut stored = StoredVersions::of(&set);
        assert!(
            set.changed_since(&stored).is_empty() && set.changed_since(&stored).stored_count() == 0
        );
        set.rewrite("b", "new note", None, 5);
        set.delete("a", 6);
        set.add(Annotation::new(
            "c".into(),
            Target::whole("p3", None),
            Some(Colour::Blue),
            "",
            7,
        ));
        let changed = set.changed_since(&stored);
        let ids: Vec<&str> = changed.all().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            ["a", "b", "c"],
            "an edit, a deletion (as its tombstone) and a new one"
        );
        stored.record(&changed);
        assert_eq!(set.changed_since(&stored).stored_count(), 0);
    }

    pub(crate) fn note(id: &str, paragraph: &str, text: &str, modified: Millis) -> Annotation {
        Annotation {
            id: id.into(),
            target: Target::whole(paragraph, None),
            colour: Some(Colour::Yellow),
            note: text.into(),
            tags: Vec::new(),
            created: modified,
            modified,
            deleted: false,
        }
    }

    #[test]
    fn a_list_with_an_id_twice_keeps_the_version_that_supersedes_in_any_order() {
        let (old, new) = (note("b", "p1", "old", 10), note("b", "p1", "new", 20));
        for list in [
            vec![
                note("c", "p2", "c", 5),
                old.clone(),
                note("a", "p3", "a", 5),
                new.clone(),
            ],
            vec![new.clone(), note("a", "p3", "a", 5), old.clone()],
        ] {
            let set = AnnotationSet::from_annotations(list);
            assert_eq!(
                set.all().map(|a| a.id.as_str()).collect::<Vec<_>>(),
                if set.get("c").is_some() {
                    vec!["a", "b", "c"]
                } else {
                    vec!["a", "b"]
                }
            );
            assert_eq!(set.get("b").unwrap().note, "new");
        }
        // The same as merging one at a time.
        let mut merged = AnnotationSet::from_annotations([old.clone()]);
        merged.merge(&AnnotationSet::from_annotations([new.clone()]));
        assert_eq!(AnnotationSet::from_annotations([new, old]), merged);
    }

    #[test]
    fn edits_stamp_a_later_time_even_when_the_clock_does_not_move() {
        let mut set = AnnotationSet::from_annotations([note("a", "p1", "x", 100)]);
        assert!(set.edit("a", 100, |a| a.note = "y".into()));
        assert_eq!(set.get("a").unwrap().modified, 101);
        assert!(!set.edit("missing", 200, |_| {}));
    }

    #[test]
    fn merge_keeps_both_sides_and_the_newer_edit_of_each() {
        let mut left = AnnotationSet::from_annotations([
            note("a", "p1", "left a", 10),
            note("b", "p2", "b old", 10),
        ]);
        let right = AnnotationSet::from_annotations([
            note("b", "p2", "b new", 20),
            note("c", "p3", "right c", 15),
        ]);
        assert!(left.merge(&right));
        let notes: Vec<&str> = left.live().map(|a| a.note.as_str()).collect();
        assert_eq!(notes, ["left a", "b new", "right c"]);
        assert!(
            !left.merge(&right),
            "merging the same copy again changes nothing"
        );
    }

    #[test]
    fn merge_is_the_same_whichever_side_merges() {
        let a = AnnotationSet::from_annotations([
            note("x", "p1", "one", 10),
            note("y", "p1", "two", 30),
        ]);
        let b = AnnotationSet::from_annotations([
            note("x", "p1", "uno", 20),
            note("y", "p1", "dos", 30),
        ]);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
    }

    #[test]
    fn a_deletion_is_not_undone_by_an_older_copy() {
        let mut tab_a = AnnotationSet::from_annotations([note("a", "p8", "keep?", 10)]);
        let tab_b = tab_a.clone();
        tab_a.delete("a", 50);
        tab_a.merge(&tab_b);
        assert!(tab_a.get("a").is_none());
        let mut tab_b = tab_b;
        tab_b.merge(&tab_a);
        assert!(
            tab_b.get("a").is_none(),
            "the other tab learns of the deletion"
        );
    }

    #[test]
    fn delete_then_restore_comes_back_and_wins_over_the_tombstone() {
        let mut set = AnnotationSet::from_annotations([note("a", "p8", "text", 10)]);
        let removed = set.delete("a", 20).unwrap();
        assert_eq!(removed.note, "text");
        let tombstoned = set.clone();
        assert!(set.restore("a", 20));
        assert_eq!(set.get("a").unwrap().note, "text");
        let mut other = tombstoned;
        other.merge(&set);
        assert!(
            other.get("a").is_some(),
            "the undo reaches a copy that saw the deletion"
        );
    }

    #[test]
    fn old_tombstones_are_pruned_and_recent_ones_kept() {
        let mut set =
            AnnotationSet::from_annotations([note("old", "p1", "", 0), note("new", "p1", "", 0)]);
        set.delete("old", 1);
        set.delete("new", TOMBSTONE_MILLIS);
        set.prune(TOMBSTONE_MILLIS + 10);
        assert_eq!(
            set.all().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["new"]
        );
    }

    #[test]
    fn the_paragraph_annotation_is_the_latest_live_one() {
        let mut set = AnnotationSet::from_annotations([
            note("a", "p8", "first", 10),
            note("b", "p8", "second", 20),
        ]);
        assert_eq!(set.on_paragraph("p8").unwrap().id, "b");
        set.delete("b", 30);
        assert_eq!(set.on_paragraph("p8").unwrap().id, "a");
        assert!(set.on_paragraph("p9").is_none());
    }

    #[test]
    fn toggling_a_paragraph_highlight_creates_recolours_and_removes_it() {
        let mut set = AnnotationSet::default();
        let existing = set.on_paragraph("p8").map(|a| a.id.clone());
        set.highlight_paragraph(
            existing.as_deref(),
            Target::whole("p8", None),
            Some(Colour::Yellow),
            10,
            || "n1".into(),
        );
        assert_eq!(set.on_paragraph("p8").unwrap().colour, Some(Colour::Yellow));
        let existing = set.on_paragraph("p8").map(|a| a.id.clone());
        set.highlight_paragraph(
            existing.as_deref(),
            Target::whole("p8", None),
            Some(Colour::Pink),
            20,
            || unreachable!(),
        );
        assert_eq!(set.on_paragraph("p8").unwrap().colour, Some(Colour::Pink));
        let existing = set.on_paragraph("p8").map(|a| a.id.clone());
        set.highlight_paragraph(
            existing.as_deref(),
            Target::whole("p8", None),
            None,
            30,
            || unreachable!(),
        );
        assert!(
            set.on_paragraph("p8").is_none(),
            "no colour and no note: gone"
        );
        let existing = set.on_paragraph("p9").map(|a| a.id.clone());
        set.highlight_paragraph(
            existing.as_deref(),
            Target::whole("p9", None),
            None,
            40,
            || unreachable!(),
        );
        assert!(set.is_empty());
    }

    #[test]
    fn a_noted_paragraph_keeps_its_note_when_unhighlighted_and_goes_when_the_note_is_emptied() {
        let mut set = AnnotationSet::default();
        let existing = set.on_paragraph("p8").map(|a| a.id.clone());
        set.highlight_paragraph(
            existing.as_deref(),
            Target::whole("p8", None),
            Some(Colour::Yellow),
            10,
            || "n1".into(),
        );
        set.write_note("n1", "Compare with the communiqué.", 20);
        let existing = set.on_paragraph("p8").map(|a| a.id.clone());
        set.highlight_paragraph(
            existing.as_deref(),
            Target::whole("p8", None),
            None,
            30,
            || unreachable!(),
        );
        let kept = set.on_paragraph("p8").unwrap();
        assert_eq!(
            (kept.colour, kept.note.as_str()),
            (None, "Compare with the communiqué.")
        );
        set.write_note("n1", "  ", 40);
        assert!(set.on_paragraph("p8").is_none());
    }

    #[test]
    fn rewriting_sets_note_and_colour_together_and_deletes_when_both_go() {
        let mut set = AnnotationSet::from_annotations([note("a", "p8", "", 10)]);
        set.rewrite("a", "now with a note", None, 20);
        let a = set.get("a").unwrap();
        assert_eq!((a.note.as_str(), a.colour), ("now with a note", None));
        set.rewrite("a", "", None, 30);
        assert!(set.get("a").is_none());
    }

    #[test]
    fn colours_have_meanings_the_reader_can_rename() {
        let mut palette = Palette::default();
        assert_eq!(palette.meaning(Colour::Yellow), "important");
        palette.rename(Colour::Yellow, "  key point ");
        assert_eq!(palette.meaning(Colour::Yellow), "key point");
        palette.rename(Colour::Yellow, "");
        assert_eq!(palette.meaning(Colour::Yellow), "important");
        assert_eq!(Colour::from_key("pink"), Some(Colour::Pink));
    }
}
