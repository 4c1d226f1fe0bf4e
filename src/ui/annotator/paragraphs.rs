//! What each paragraph shows of the annotations, as one signal per paragraph, fed by one effect
//! that recomputes only the paragraphs a change is about (`annotations::paragraph_view` works
//! out which): one edit among 10,000 annotations recomputes one paragraph, not 10,000.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::annotations::paragraph_view::{
    paragraph_state, Editing, ParagraphState, ParagraphsSeen, Session,
};

use super::document::AnnotatedDocument;
use super::session::ReadingSession;

#[derive(Clone, Copy, PartialEq)]
pub(super) struct ParagraphSignals {
    document: AnnotatedDocument,
    session: ReadingSession,
    states: StoredValue<HashMap<String, RwSignal<ParagraphState>>>,
}

impl ParagraphSignals {
    /// The paragraphs' signals, and the one subscriber to the annotations on behalf of them all.
    pub(super) fn new(document: AnnotatedDocument, session: ReadingSession) -> Self {
        let this = ParagraphSignals {
            document,
            session,
            states: StoredValue::new(HashMap::new()),
        };
        this.follow();
        this
    }

    fn follow(self) {
        // The one subscriber to the annotations on behalf of all paragraphs. It works out which
        // paragraphs what changed is about, and recomputes those only: one edit among 10,000
        // annotations recomputes one paragraph, not 10,000.
        Effect::new(move |previous: Option<ParagraphsSeen>| {
            let first = previous.is_none();
            let mut seen = previous.unwrap_or_default();
            // Read tracked: any of these changing runs this again.
            let (editing, passage, shared) = (
                self.session.editing.get(),
                self.session.target_passage.get(),
                self.session.shared.get(),
            );
            let session = Session {
                editing: editing.as_ref(),
                passage: passage.as_ref(),
                shared: shared.as_ref().map(|n| &n.annotation),
            };
            let changed = self.document.placements.with(|placements| {
                self.document
                    .annotations
                    .with(|set| seen.update(set, placements, session))
            });
            let states: Vec<(String, RwSignal<ParagraphState>)> = self.states.with_value(|m| {
                if first {
                    m.iter().map(|(k, v)| (k.clone(), *v)).collect()
                } else {
                    changed
                        .iter()
                        .filter_map(|p| m.get(p).map(|state| (p.clone(), *state)))
                        .collect()
                }
            });
            for (paragraph, state) in states {
                let fresh = untrack(|| self.compute_state(&paragraph));
                if state.with_untracked(|s| *s != fresh) {
                    state.set(fresh);
                }
            }
            seen
        });
    }

    /// The signal a paragraph's view reads from, made on first asking.
    pub(super) fn signal(&self, paragraph: &str) -> RwSignal<ParagraphState> {
        if let Some(state) = self.states.with_value(|m| m.get(paragraph).copied()) {
            return state;
        }
        let state = RwSignal::new(self.compute_state(paragraph));
        self.states.update_value(|m| {
            m.insert(paragraph.to_string(), state);
        });
        state
    }

    /// What a paragraph shows now (read untracked).
    fn compute_state(&self, paragraph: &str) -> ParagraphState {
        let (session, document) = (self.session, self.document);
        let (editing, passage) = (
            session.editing.get_untracked(),
            session.target_passage.get_untracked(),
        );
        session.shared.with_untracked(|shared| {
            let session = Session {
                editing: editing.as_ref(),
                passage: passage.as_ref(),
                shared: shared.as_ref().map(|n| &n.annotation),
            };
            // Borrowed, not cloned: this runs for every paragraph on every edit.
            document.placements.with_untracked(|placements| {
                document
                    .annotations
                    .with_untracked(|set| paragraph_state(paragraph, set, placements, session))
            })
        })
    }

    /// Whether any of these paragraphs shows something of the annotations (tracked). Looked up,
    /// not kept as a set: such a set would be rebuilt on each edit.
    pub(super) fn in_use(&self, ids: &[String]) -> bool {
        let session = self.session;
        self.document.placements.with(|p| {
            ids.iter()
                .any(|id| p.by_paragraph.contains_key(id) || p.marks.contains_key(id))
        }) || session
            .editing
            .with(|e| matches!(e, Some(Editing::New { paragraph, .. }) if ids.contains(paragraph)))
            || session
                .target_passage
                .with(|t| t.as_ref().is_some_and(|(p, ..)| ids.contains(p)))
            || session.shared.with(|s| {
                s.as_ref()
                    .is_some_and(|n| ids.iter().any(|id| id == n.annotation.target.paragraph()))
            })
    }
}
