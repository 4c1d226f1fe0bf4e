//! The reader's notes as numbered endnotes after the report, built only while it is printed.

use leptos::prelude::*;

use crate::annotations::placement::Place;
use crate::annotations::Annotation;

use super::annotator::Annotator;
use super::browser;
use super::note_card::{note_text, quote_view};
use super::vocabulary::capitalised;

/// The reader's notes as numbered endnotes, for printing: built only while the page is being
/// printed (the style sheet numbers the notes in the text to match, in the same order).
#[component]
pub fn PrintEndnotes(annotator: Annotator) -> impl IntoView {
    let printing = RwSignal::new(false);
    browser::on_print(move |now| printing.set(now));
    move || {
        printing.get().then(|| {
            let notes: Vec<(String, Annotation, bool)> = annotator.document.placements.with_untracked(|placements| {
                annotator.document.annotations.with_untracked(|set| {
                    placements
                        .entries
                        .iter()
                        .filter_map(|entry| {
                            let annotation = set.get(&entry.id).filter(|a| a.has_note())?.clone();
                            Some((capitalised(&annotator.paragraph_name(&entry.paragraph)), annotation, entry.place == Place::Orphan))
                        })
                        .collect()
                })
            });
            (!notes.is_empty()).then(|| {
                view! {
                    <section class="print-endnotes" aria-label="Notes">
                        <h2>"Notes"</h2>
                        <ol>
                            {notes
                                .into_iter()
                                .map(|(place, annotation, orphan)| view! {
                                    <li>
                                        <p class="endnote-place">
                                            {place}
                                            {orphan.then_some(" (not found in this version)")}
                                        </p>
                                        {quote_view(&annotation)}
                                        <div class="endnote-body">{note_text(&annotation.note)}</div>
                                    </li>
                                })
                                .collect_view()}
                        </ol>
                    </section>
                }
            })
        })
    }
}
