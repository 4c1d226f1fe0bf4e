//! The library's list of reports, sorted and narrowed as the reader asks (by date, symbol, title
//! or last opened; to an organ, a year, a language, the reports with notes), each report's
//! addenda under it, and moved through with the arrow keys as well as Tab.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::library::{choices, Entry, Known, Listing, SortBy};
use crate::report::language::language_name;

use super::browser;
use super::library_entry::EntryRow;
use super::library_state::LibraryState;
use super::storage;

/// Reports set out at first, and each time the reader asks for more: a library of hundreds is
/// sorted and narrowed whole, and set out as far as the reader goes.
const PAGE: usize = 50;

/// The list's titles, which the arrow keys move between.
const TITLE_SELECTOR: &str = ".library-list .entry-title";

/// The rows to show, each report with its addenda, and how many reports the library holds.
fn rows(
    shelf: LibraryState,
    languages: &HashMap<String, String>,
    listing: &Listing,
) -> (Vec<(Entry, Vec<Entry>)>, usize) {
    shelf.library.with(|library| {
        let entries: Vec<&Entry> = library.entries();
        let known: Vec<Known> = entries
            .iter()
            .map(|e| Known {
                entry: e,
                notes: if listing.with_notes {
                    storage::count_annotations(&e.id)
                } else {
                    0
                },
                language: languages.get(&e.id).map(String::as_str),
            })
            .collect();
        let get = |id: &str| library.get(id).cloned();
        let rows = listing
            .rows(&known)
            .into_iter()
            .filter_map(|row| {
                Some((
                    get(&row.report)?,
                    row.addenda.iter().filter_map(|a| get(a)).collect(),
                ))
            })
            .collect();
        (rows, entries.len())
    })
}

#[component]
pub fn LibraryList(
    shelf: LibraryState,
    /// Each report's language, once the library's index has read it.
    languages: RwSignal<HashMap<String, String>>,
) -> impl IntoView {
    let listing = RwSignal::new(Listing::default());
    let limit = RwSignal::new(PAGE);
    let options = Memo::new(move |_| {
        languages.with(|languages| {
            shelf.library.with(|library| {
                let known: Vec<Known> = library
                    .entries()
                    .into_iter()
                    .map(|e| Known {
                        entry: e,
                        notes: 0,
                        language: languages.get(&e.id).map(String::as_str),
                    })
                    .collect();
                choices(&known)
            })
        })
    });
    let shown =
        Memo::new(move |_| languages.with(|languages| listing.with(|l| rows(shelf, languages, l))));
    let set = move |change: fn(&mut Listing, String)| {
        move |ev: leptos::ev::Event| {
            listing.update(|l| change(l, event_target_value(&ev)));
            limit.set(PAGE);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let forward = match ev.key().as_str() {
            "ArrowDown" => true,
            "ArrowUp" => false,
            _ => return,
        };
        if browser::focus_next(TITLE_SELECTOR, forward) {
            ev.prevent_default();
        }
    };
    view! {
        <section class="library-reports" aria-labelledby="library-reports-heading">
            <h2 id="library-reports-heading">"Reports"</h2>
            <div class="library-listing">
                <label>"Sort by " <select class="bar-select" name="sort" aria-label="Sort the reports by" on:change=set(|l, v| l.sort = SortBy::from_key(&v))>
                    {SortBy::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                </select></label>
                <label>"Organ " <select class="bar-select" name="organ" aria-label="Show the reports of the organ" on:change=set(|l, v| l.organ = (!v.is_empty()).then_some(v))>
                    <option value="">"all"</option>
                    {move || options.get().0.into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                </select></label>
                <label>"Year " <select class="bar-select" name="year" aria-label="Show the reports of the year" on:change=set(|l, v| l.year = v.parse().ok())>
                    <option value="">"all"</option>
                    {move || options.get().1.into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select></label>
                <label>"Language " <select class="bar-select" name="language" aria-label="Show the reports in the language" on:change=set(|l, v| l.language = (!v.is_empty()).then_some(v))>
                    <option value="">"all"</option>
                    {move || options.get().2.into_iter().map(|tag| view! { <option value=tag.clone()>{language_name(&tag).to_string()}</option> }).collect_view()}
                </select></label>
                <label class="with-notes"><input type="checkbox" name="with-notes" aria-label="Show only the reports with notes" on:change=move |ev| listing.update(|l| l.with_notes = event_target_checked(&ev)) />" With notes only"</label>
            </div>
            <p class="library-count" aria-live="polite">{move || shown.with(|(rows, of)| {
                let listed: usize = rows.iter().map(|(_, addenda)| 1 + addenda.len()).sum();
                if listed == *of { format!("{of} reports. Arrow keys move between them.") } else { format!("{listed} of {of} reports shown.") }
            })}</p>
            <ul class="library-list" on:keydown=on_keydown>
                {move || shown.get().0.into_iter().take(limit.get()).map(|(entry, addenda)| view! { <EntryRow entry=entry shelf=shelf addenda=addenda /> }).collect_view()}
            </ul>
            {move || {
                let more = shown.with(|(rows, _)| rows.len()).saturating_sub(limit.get());
                (more > 0).then(|| view! {
                    <button type="button" class="text-button library-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {format!("Show {} more of {more}", more.min(PAGE))}
                    </button>
                })
            }}
        </section>
    }
}
