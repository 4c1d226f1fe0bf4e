//! What each paragraph shows of the annotations, worked out without a browser: its state (its
//! highlight, the passages to mark, its note cards, the editor, a shared note), and, from one edit
//! to the next, which paragraphs' states may have changed, so that a view updates those only.

use std::collections::HashSet;

use super::marks::Mark;
use super::placement::{ParagraphChanges, Placements};
use super::{Annotation, AnnotationSet, Colour, ParagraphRange, Quote};

/// What the note editor is open on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editing {
    Existing(String),
    /// A note not written yet: on a paragraph, or on a passage of it.
    New {
        paragraph: String,
        quote: Option<Quote>,
        colour: Option<Colour>,
    },
}

impl Editing {
    /// The paragraph the editor is open on, where the placements put the annotation.
    pub fn paragraph_in(&self, placements: &Placements) -> Option<String> {
        match self {
            Editing::Existing(id) => placements
                .entries
                .iter()
                .find(|x| x.id == *id)
                .map(|x| x.paragraph.clone()),
            Editing::New { paragraph, .. } => Some(paragraph.clone()),
        }
    }
}

/// All a paragraph's view shows of the annotations.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParagraphState {
    /// The whole-paragraph annotation placed here.
    pub whole: Option<Annotation>,
    /// Passages to mark, the one a link points at included (with an empty annotation id).
    pub marks: Vec<Mark>,
    /// Annotations with a note (or being edited) here, whole-paragraph ones first, and whether
    /// the editor is open on each.
    pub cards: Vec<(Annotation, bool)>,
    /// A new note being written here.
    pub new_note: Option<Editing>,
    pub has_note: bool,
    /// A shared note is previewed here.
    pub shared_here: bool,
}

/// What the session adds to the annotations: the editor, a linked passage, a shared note.
#[derive(Debug, Clone, Copy, Default)]
pub struct Session<'a> {
    pub editing: Option<&'a Editing>,
    pub passage: Option<&'a ParagraphRange>,
    pub shared: Option<&'a Annotation>,
}

/// The state of one paragraph. Borrows what it reads: it runs for every paragraph an edit
/// touches.
pub fn paragraph_state(
    paragraph: &str,
    set: &AnnotationSet,
    placements: &Placements,
    session: Session,
) -> ParagraphState {
    let no_ids = Vec::new();
    let ids = placements.by_paragraph.get(paragraph).unwrap_or(&no_ids);
    let mut marks = placements.marks.get(paragraph).cloned().unwrap_or_default();
    if let Some((p, start, end)) = session.passage {
        if p == paragraph {
            marks.push(Mark {
                start: *start,
                end: *end,
                annotation: String::new(),
                colour: None,
            });
        }
    }
    let whole = placements
        .whole
        .get(paragraph)
        .and_then(|id| set.get(id))
        .cloned();
    let editing_id =
        |a: &Annotation| matches!(session.editing, Some(Editing::Existing(e)) if *e == a.id);
    let mut cards: Vec<(Annotation, bool)> = ids
        .iter()
        .filter_map(|i| set.get(i))
        .filter(|a| a.has_note() || editing_id(a))
        .map(|a| (a.clone(), editing_id(a)))
        .collect();
    cards.sort_by_key(|(a, _)| a.target.quote().is_some());
    let has_note = ids.iter().any(|i| set.get(i).is_some_and(|a| a.has_note()));
    let new_note = match session.editing {
        Some(new @ Editing::New { paragraph: p, .. }) if p == paragraph => Some(new.clone()),
        _ => None,
    };
    let shared_here = session
        .shared
        .is_some_and(|a| a.target.paragraph() == paragraph);
    ParagraphState {
        whole,
        marks,
        cards,
        new_note,
        has_note,
        shared_here,
    }
}

/// What the paragraphs' states were last made from, kept from one edit to the next.
#[derive(Debug, Default)]
pub struct ParagraphsSeen {
    /// Each annotation's paragraph and version.
    annotations: ParagraphChanges,
    /// The paragraph the editor is open on, and what it is open on.
    editing: (Option<String>, Option<Editing>),
    passage: Option<ParagraphRange>,
    shared: Option<(String, Annotation)>,
}

impl ParagraphsSeen {
    /// Takes in what the paragraphs' states are made from now, and gives the paragraphs whose
    /// state may have changed since the last time.
    pub fn update(
        &mut self,
        set: &AnnotationSet,
        placements: &Placements,
        session: Session,
    ) -> HashSet<String> {
        let mut changed = self.annotations.update(set, placements);
        let mut mark = |paragraph: Option<&String>| {
            if let Some(p) = paragraph {
                changed.insert(p.clone());
            }
        };
        let editing = (
            session.editing.and_then(|e| e.paragraph_in(placements)),
            session.editing.cloned(),
        );
        if self.editing != editing {
            mark(self.editing.0.as_ref());
            mark(editing.0.as_ref());
            self.editing = editing;
        }
        let passage = session.passage.cloned();
        if self.passage != passage {
            mark(self.passage.as_ref().map(|p| &p.0));
            mark(passage.as_ref().map(|p| &p.0));
            self.passage = passage;
        }
        let shared = session
            .shared
            .map(|a| (a.target.paragraph().to_string(), a.clone()));
        if self.shared != shared {
            mark(self.shared.as_ref().map(|s| &s.0));
            mark(shared.as_ref().map(|s| &s.0));
            self.shared = shared;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::placement::{place, ParagraphIndex};
    use crate::annotations::{Annotation, Target};
    use crate::report::{parse, DEFAULT_REPORT};

    fn note(id: &str, paragraph: &str, text: &str) -> Annotation {
        Annotation::new(
            id.into(),
            Target::whole(paragraph, None),
            Some(Colour::Yellow),
            text,
            1,
        )
    }

    #[test]
    fn a_paragraph_shows_its_highlight_cards_the_editor_a_linked_passage_and_a_shared_note() {
        let index = ParagraphIndex::new(&parse(DEFAULT_REPORT));
        let set = AnnotationSet::from_annotations([
            note("a", "p8", "On the ceasefire."),
            note("b", "p9", ""),
        ]);
        let placements = place(&index, &set);
        let editing = Editing::New {
            paragraph: "p8".into(),
            quote: None,
            colour: None,
        };
        let passage: ParagraphRange = ("p8".into(), 3, 9);
        let shared = note("s", "p8", "Shared.");
        let session = Session {
            editing: Some(&editing),
            passage: Some(&passage),
            shared: Some(&shared),
        };
        let p8 = paragraph_state("p8", &set, &placements, session);
        assert_eq!(p8.whole.as_ref().map(|a| a.id.as_str()), Some("a"));
        assert_eq!(
            p8.cards
                .iter()
                .map(|(a, open)| (a.id.as_str(), *open))
                .collect::<Vec<_>>(),
            [("a", false)]
        );
        assert!(p8.has_note && p8.shared_here);
        assert_eq!(p8.new_note, Some(editing.clone()));
        assert!(
            p8.marks
                .iter()
                .any(|m| m.annotation.is_empty() && (m.start, m.end) == (3, 9)),
            "the linked passage is marked"
        );
        let p9 = paragraph_state("p9", &set, &placements, Session::default());
        assert!(
            p9.whole.is_some() && p9.cards.is_empty() && !p9.has_note,
            "a highlight without a note has no card"
        );
        let open = Editing::Existing("b".into());
        let p9 = paragraph_state(
            "p9",
            &set,
            &placements,
            Session {
                editing: Some(&open),
                ..Session::default()
            },
        );
        assert_eq!(
            p9.cards.len(),
            1,
            "but it has while its note is being written"
        );
    }

    #[test]
    fn only_the_paragraphs_a_change_is_about_are_told_as_changed() {
        let index = ParagraphIndex::new(&parse(DEFAULT_REPORT));
        let mut set = AnnotationSet::from_annotations([note("a", "p8", "On the ceasefire.")]);
        let mut seen = ParagraphsSeen::default();
        let first = seen.update(&set, &place(&index, &set), Session::default());
        assert_eq!(first, HashSet::from(["p8".to_string()]));
        assert!(
            seen.update(&set, &place(&index, &set), Session::default())
                .is_empty(),
            "nothing changed"
        );
        set.add(note("b", "p3", "New."));
        let placements = place(&index, &set);
        assert_eq!(
            seen.update(&set, &placements, Session::default()),
            HashSet::from(["p3".to_string()])
        );
        let editing = Editing::Existing("a".into());
        assert_eq!(
            seen.update(
                &set,
                &placements,
                Session {
                    editing: Some(&editing),
                    ..Session::default()
                }
            ),
            HashSet::from(["p8".to_string()])
        );
        let passage: ParagraphRange = ("p5".into(), 0, 4);
        let session = Session {
            editing: Some(&editing),
            passage: Some(&passage),
            ..Session::default()
        };
        assert_eq!(
            seen.update(&set, &placements, session),
            HashSet::from(["p5".to_string()])
        );
        assert_eq!(
            seen.update(&set, &placements, Session::default()),
            HashSet::from(["p8".to_string(), "p5".to_string()]),
            "the editor closed and the link left"
        );
    }
}
