//! The side panel that lists every highlight and note in document order, filtered by colour,
//! in runs laid out only near the screen, with those that could not be placed listed last.

use std::sync::Arc;

use leptos::prelude::*;

use crate::permalink::name_of_id;

use crate::annotations::panel::place_label;
use crate::annotations::placement::{Entry, Place};
use crate::annotations::{Annotation, Colour};
use crate::report::Report;

use super::annotator::Annotator;
use super::exchange_tools::exchange_tools;
use super::note_card::note_text;
use super::on_demand::when_first_wanted;
use super::vocabulary::{Notices, NOTES_PANEL_ID};

/// One line of the notes panel: where an annotation is placed, and the annotation.
type PanelItem = (Entry, Annotation);

/// The entries at these places, with their annotations, as the panel shows them.
fn panel_items(annotator: Annotator, places: &[usize]) -> Vec<PanelItem> {
    annotator.document.placements.with_untracked(|placements| {
        annotator.document.annotations.with_untracked(|set| {
            places
                .iter()
                .filter_map(|&i| placements.entries.get(i))
                .filter_map(|e| set.get(&e.id).map(|a| (e.clone(), a.clone())))
                .collect()
        })
    })
}

/// Every highlight and note of the report in document order, filtered by colour, with the
/// colours' meanings to rename, and orphans listed last.
#[component]
pub fn NotesPanel(
    annotator: Annotator,
    open: RwSignal<bool>,
    report: Arc<Report>,
    notices: Notices,
) -> impl IntoView {
    let hidden_colours = RwSignal::new(Vec::<Option<Colour>>::new());
    // The list, in runs of neighbouring paragraphs: each run is one box that the browser lays out
    // only near the screen (with one box per entry it would check every entry's box each frame),
    // and a run is built again only when what it shows changed. Passed on without comparing it with the
    // last one: each run's own memo below does that, by its fingerprint.
    // Closed at first: what it holds is fetched the first time it is opened.
    let exchange_opened = RwSignal::new(false);
    let lists = Memo::new_with_compare(
        move |_| hidden_colours.with(|hidden| annotator.panel_lists(hidden)),
        |_, _| true,
    );
    let orphans = Memo::new(move |_| lists.with(|l| panel_items(annotator, &l.orphans)));
    // An entry is rebuilt only when what it shows changes, so one edit does not redraw thousands.
    let entry_key = |(entry, annotation): &PanelItem| {
        (
            annotation.id.clone(),
            annotation.modified,
            entry.paragraph.clone(),
            entry.moved_from.clone(),
            place_label(entry.place),
        )
    };
    let entry_view = move |item: PanelItem| entry_view(annotator, item);
    let group_view = move |key: usize| {
        let shows = Memo::new(move |_| {
            lists.with(|l| l.group(key).map(|g| (g.fingerprint, g.entries.len())))
        });
        let items = move || {
            shows.track();
            lists.with_untracked(|l| {
                l.group(key)
                    .map(|g| panel_items(annotator, &g.entries))
                    .unwrap_or_default()
            })
        };
        // The box's height before it is first laid out comes from its count of entries (see the
        // style sheet).
        view! {
            <div class="entry-group" role="none" data-count=move || shows.get().map_or(0, |(_, count)| count)>
                <For each=items key=entry_key children=entry_view />
            </div>
        }
    };
    let filter_button = move |colour: Option<Colour>| {
        let label = move || annotator.document.palette.with(|p| p.name_of(colour));
        let shown = move || !hidden_colours.with(|h| h.contains(&colour));
        view! {
            <button type="button" class="filter" data-colour=colour.map(Colour::key)
                aria-pressed=move || shown().to_string()
                aria-label=move || format!("Show {} ({})", label(), colour.map_or("none", Colour::key))
                on:click=move |_| hidden_colours.update(|h| if let Some(i) = h.iter().position(|c| *c == colour) { h.remove(i); } else { h.push(colour); })>
                {label}
            </button>
        }
    };
    let meaning_field = move |colour: Colour| {
        view! {
            <label class="meaning" data-colour=colour.key()>
                <span class="swatch" aria-hidden="true"></span>
                <input type="text" maxlength="40"
                    aria-label=format!("Meaning of {} highlights", colour.key())
                    prop:value=move || annotator.document.palette.with(|p| p.meaning(colour))
                    on:change=move |ev| annotator.rename_colour(colour, &event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <aside id=NOTES_PANEL_ID class="notes-panel" aria-label="Highlights and notes" hidden=move || !open.get()>
            <div class="panel-head">
                <h2>"Highlights and notes"</h2>
                <button type="button" class="text-button" aria-label="Close highlights and notes" on:click=move |_| open.set(false)>"Close"</button>
            </div>
            <p class="panel-notebook">
                <a href=crate::permalink::Route::notebook_for(Some(&annotator.report_id()))>"This report’s notes in the notebook"</a>
                " · " <a href=crate::permalink::Route::notebook_for(None)>"All your notes"</a>
            </p>
            <details class="exchange" on:toggle=move |_| exchange_opened.set(true)>
                <summary>"Export and import"</summary>
                {when_first_wanted(move || exchange_opened.get(), move || exchange_tools(annotator, report.clone(), notices))}
            </details>
            <details class="palette">
                <summary>"Colours and their meanings"</summary>
                {Colour::ALL.into_iter().map(meaning_field).collect_view()}
            </details>
            <div class="filters" role="group" aria-label="Filter by colour">
                {Colour::ALL.into_iter().map(|c| filter_button(Some(c))).collect_view()}
                {filter_button(None)}
            </div>
            {move || lists.with(|l| l.groups.is_empty() && l.orphans.is_empty()).then(|| view! {
                <p class="panel-empty">"No highlights or notes yet. Select text, or use the highlight and note buttons beside a paragraph."</p>
            })}
            <div class="entries" role="list">
                <For each=move || lists.with(|l| l.groups.iter().map(|g| g.key).collect::<Vec<_>>()) key=|key| *key children=group_view />
            </div>
            {move || {
                let orphans = orphans.get();
                (!orphans.is_empty()).then(|| view! {
                    <h3 class="orphans-head">"Could not be placed"</h3>
                    <p class="orphans-help">"The text these were made on is no longer in the report. They are kept here with their quote and note."</p>
                    <div class="entries orphans" role="list">{orphans.into_iter().map(entry_view).collect_view()}</div>
                })
            }}
        </aside>
    }
}

/// One entry of the panel: where its annotation is, its quote or its paragraph's opening, its
/// note, and a way to delete it.
fn entry_view(annotator: Annotator, (entry, annotation): PanelItem) -> impl IntoView {
    let what = annotator.describe(&annotation);
    let place_name = annotator.paragraph_name(&entry.paragraph);
    let delete_id = annotation.id.clone();
    let kind = if annotation.has_note() {
        "note"
    } else {
        "highlight"
    };
    let orphan = entry.place == Place::Orphan;
    let excerpt = match annotation.target.quote() {
        Some(q) => q.exact.clone(),
        None => annotator
            .paragraph_text(&entry.paragraph)
            .map(|t| crate::annotations::clipped(&t, 120))
            .unwrap_or_default(),
    };
    // Only the place is the link, so its name ("Go to paragraph 8") holds all its visible text.
    let place_text = if orphan {
        format!("Was in {place_name}")
    } else {
        place_name.clone()
    };
    let place = if orphan {
        view! { <span class="entry-place">{place_text}</span> }.into_any()
    } else {
        view! { <a class="entry-place" href=format!("#{}", entry.paragraph) aria-label=format!("Go to {what}")>{place_text}</a> }.into_any()
    };
    let link = view! {
        <div class="entry-link">
            <span>
                {place}
                {place_label(entry.place).map(|l| view! { <span class="entry-flag">{l}</span> })}
                {entry.moved_from.as_deref().map(|old| view! { <span class="entry-flag">{format!("moved, was {}", name_of_id(old))}</span> })}
            </span>
            <span class="entry-quote">{excerpt}</span>
            {annotation.has_note().then(|| view! { <span class="entry-note">{note_text(&annotation.note)}</span> })}
        </div>
    };
    view! {
        <div role="listitem" class="entry" data-colour=annotation.colour.map(Colour::key) data-annotation=annotation.id.clone()>
            {link}
            <button type="button" class="text-button entry-delete" aria-label=format!("Delete {kind} on {what}")
                on:click=move |_| annotator.delete(&delete_id)>"Delete"</button>
        </div>
    }
}
