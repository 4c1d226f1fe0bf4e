//! The buttons offered beside a text selection: a colour to highlight it, a note, a link to it.

use leptos::prelude::*;

use crate::annotations::Colour;

use super::annotator::Annotator;
use super::browser;
use super::vocabulary::ReaderActions;

/// Highlight and note buttons beside the text the reader selected.
#[component]
pub fn SelectionAdder(annotator: Annotator) -> impl IntoView {
    move || {
        annotator.session.selection.get().map(|selection| {
            // Set through the CSSOM (`style:`), which the Content-Security-Policy allows; a `style`
            // attribute would need 'unsafe-inline'.
            // Whole pixels: the bar needs no finer place, and no float formatting is shipped for it.
            let top = format!("{}px", (selection.top - 8.0).max(8.0).round() as i32);
            let left = format!("{}px", selection.left.max(8.0).round() as i32);
            let colour_button = {
                let selection = selection.clone();
                move |colour: Colour| {
                    let selection = selection.clone();
                    let meaning = move || annotator.document.palette.with(|p| p.meaning(colour));
                    view! {
                        <button type="button" class="swatch" data-colour=colour.key()
                            aria-label=move || format!("Highlight selection as {} ({})", meaning(), colour.key())
                            title=move || format!("Highlight: {}", meaning())
                            on:click=move |_| {
                                annotator.highlight_selection(&selection, colour);
                                browser::clear_selection();
                            }></button>
                    }
                }
            };
            let for_note = selection.clone();
            let for_link = selection.clone();
            view! {
                <div class="selection-adder" role="toolbar" aria-label="Highlight the selected text" style:top=top style:left=left>
                    {Colour::ALL.into_iter().map(colour_button).collect_view()}
                    <button type="button" class="text-button adder-note" aria-label="Add note to selection"
                        on:click=move |_| {
                            annotator.note_on_selection(&for_note);
                            browser::clear_selection();
                        }>"Note"</button>
                    {use_context::<ReaderActions>().map(|actions| view! {
                        <button type="button" class="text-button adder-note" aria-label="Copy link to passage"
                            on:click=move |_| actions.copy_passage_link.run(for_link.clone())>"Link"</button>
                    })}
                </div>
            }
        })
    }
}
