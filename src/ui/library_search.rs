//! Search every report of the library and every note at once, from the library screen: a
//! query, what narrows it (report text or notes, a colour by its meaning, a tag, a symbol's
//! beginning, a year), and what was found grouped by report, each hit with its paragraph's
//! citation and its words marked, opening the report at that paragraph with the match marked.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::annotations::{Annotation, Colour, Palette};
use crate::library::Library;
use crate::library_search::{year_of, Filter, Found, Hit, Limits, Piece, ReportNotes, Scope};
use crate::permalink::Route;

use super::browser;
use super::library_index::{EveryNote, LibraryIndexState};
use super::library_state::LibraryState;

/// How long typing pauses before the query is answered.
const TYPING_PAUSE: Duration = Duration::from_millis(150);

/// The field of the library's search, for `/` and the tests.
pub const LIBRARY_SEARCH_ID: &str = "library-search";

/// The address of a report, with a fragment.
pub fn report_href(report: &str, fragment: &str) -> String {
    let query = Route::address_of(report);
    match fragment {
        "" => query,
        f => format!("{query}#{f}"),
    }
}

fn answer(state: LibraryIndexState, query: &str, filter: &Filter) -> Found {
    browser::timed("library:search", || {
        state.notes.with(|notes| {
            let reading: Vec<ReportNotes> = notes
                .iter()
                .map(|(entry, set)| ReportNotes {
                    report: &entry.id,
                    symbol: entry.symbol.as_deref(),
                    date: entry.date.as_deref(),
                    annotations: set.live().collect::<Vec<&Annotation>>(),
                })
                .collect();
            state
                .index
                .with_value(|index| index.search(query, &reading, filter, Limits::default()))
        })
    })
}

fn excerpt_view(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.marked {
                view! { <mark>{p.text}</mark> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view()
}

fn hit_view(report: &str, name: &str, hit: Hit) -> impl IntoView {
    let label = match &hit.note {
        Some(_) => format!("Your note on {} of {name}", hit.citation),
        None => format!("{} of {name}", hit.citation),
    };
    view! {
        <li class="found-hit">
            <span class="found-where">
                <a class="found-link" href=report_href(report, &hit.fragment) aria-label=label>{hit.citation.clone()}</a>
                {hit.note.is_some().then(|| view! { <span class="found-kind">" · your note"</span> })}
            </span>
            <span class="found-excerpt">{excerpt_view(hit.excerpt)}</span>
        </li>
    }
}

fn found_view(shelf: LibraryState, found: Found) -> impl IntoView {
    found
        .reports
        .into_iter()
        .map(|report| {
            let entry = shelf.library.with_untracked(|l| l.get(&report.report).cloned());
            let name = entry.as_ref().map_or(report.report.clone(), |e| e.display_name().to_string());
            let symbol = entry.as_ref().and_then(|e| e.symbol.clone());
            let date = entry.as_ref().and_then(|e| e.date.clone());
            let listed = report.hits.len();
            let more = (report.paragraphs + report.notes).saturating_sub(listed);
            let id = report.report.clone();
            view! {
                <section class="found-report" data-report=id.clone()>
                    <h3 class="found-title">
                        {symbol.map(|s| view! { <span class="entry-symbol">{s}</span> " " })}
                        <a href=report_href(&id, "")>{name.clone()}</a>
                        {date.map(|d| view! { <span class="entry-meta">" · " {d}</span> })}
                    </h3>
                    <ul class="found-hits">
                        {report.hits.into_iter().map(|hit| hit_view(&id, &name, hit)).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="found-more">{format!("and {more} more in this report")}</p> })}
                </section>
            }
        })
        .collect_view()
}

/// The choices of the filters, from what the library holds.
#[derive(Clone, PartialEq)]
struct Choices {
    tags: Vec<String>,
    years: Vec<i32>,
}

fn choices(library: &Library, notes: &EveryNote) -> Choices {
    let mut tags = BTreeSet::new();
    let mut years = BTreeSet::new();
    for (_, set) in notes.iter() {
        tags.extend(set.live().flat_map(|a| a.tags.iter().cloned()));
    }
    for entry in library.entries() {
        years.extend(year_of(entry.date.as_deref(), entry.symbol.as_deref()));
    }
    Choices {
        tags: tags.into_iter().collect(),
        years: years.into_iter().rev().collect(),
    }
}

/// The search, in a part of its own fetched as the library screen shows (so the list is there
/// at once): the index read and kept current, and each report's language told to the list.
#[cfg_attr(feature = "split", lazy)]
pub async fn library_search_section(
    shelf: LibraryState,
    palette: Palette,
    languages: RwSignal<std::collections::HashMap<String, String>>,
) -> AnyView {
    let state = LibraryIndexState::start(shelf);
    Effect::new(move |_| {
        state.progress.track();
        let read = state.index.with_value(|i| i.languages());
        if languages.with_untracked(|l| *l != read) {
            languages.set(read);
        }
    });
    view! { <LibrarySearch shelf=shelf state=state palette=palette /> }.into_any()
}

#[component]
fn LibrarySearch(shelf: LibraryState, state: LibraryIndexState, palette: Palette) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let filter = RwSignal::new(Filter::default());
    let pause = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |value: String| {
        typed.set(value);
        if let Some(h) = pause.get_value() {
            h.clear();
        }
        let handle =
            set_timeout_with_handle(move || query.set(typed.get_untracked()), TYPING_PAUSE).ok();
        pause.set_value(handle);
    };
    let found = Memo::new(move |_| {
        state.progress.track();
        let (q, f) = (query.get(), filter.get());
        (!q.trim().is_empty()).then(|| answer(state, &q, &f))
    });
    let options = Memo::new(move |_| {
        state
            .notes
            .with(|notes| shelf.library.with(|l| choices(l, notes)))
    });
    let colours: Vec<(Colour, String)> = Colour::ALL
        .into_iter()
        .map(|c| (c, palette.meaning(c)))
        .collect();
    let set = move |change: fn(&mut Filter, String)| {
        move |ev: leptos::ev::Event| filter.update(|f| change(f, event_target_value(&ev)))
    };
    view! {
        <section class="library-search" aria-labelledby="library-search-heading">
            <h2 id="library-search-heading">"Search everything"</h2>
            <form role="search" class="library-search-form" on:submit=move |ev| { ev.prevent_default(); query.set(typed.get_untracked()); }>
                <input id=LIBRARY_SEARCH_ID type="search" name="q" autocomplete="off" class="library-search-field"
                    aria-label="Search every report and note in your library" placeholder="Words, or a \"phrase in quotes\""
                    prop:value=move || typed.get() on:input=move |ev| on_input(event_target_value(&ev)) />
                <button type="submit" class="primary-button">"Search"</button>
                <div class="library-filters">
                    <label>"In " <select class="bar-select" aria-label="Search in" on:change=set(|f, v| f.scope = match v.as_str() { "text" => Scope::ReportText, "notes" => Scope::Notes, _ => Scope::Everything })>
                        <option value="all">"reports and notes"</option><option value="text">"report text only"</option><option value="notes">"my notes only"</option>
                    </select></label>
                    <label>"Colour " <select class="bar-select" aria-label="Search notes of the colour" on:change=set(|f, v| f.colour = Colour::from_key(&v))>
                        <option value="">"any"</option>
                        {colours.into_iter().map(|(c, meaning)| view! { <option value=c.key()>{meaning}</option> }).collect_view()}
                    </select></label>
                    <label>"Tag " <select class="bar-select" aria-label="Search notes with the tag" on:change=set(|f, v| f.tag = (!v.is_empty()).then_some(v))>
                        <option value="">"any"</option>
                        {move || options.get().tags.into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                    </select></label>
                    <label>"Symbol begins " <input type="text" class="symbol-prefix" aria-label="Search reports whose symbol begins" size="10" placeholder="A/HRC" on:input=set(|f, v| f.symbol_prefix = v) /></label>
                    <label>"Year " <select class="bar-select" aria-label="Search reports of the year" on:change=set(|f, v| f.year = v.parse().ok())>
                        <option value="">"any"</option>
                        {move || options.get().years.into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                    </select></label>
                </div>
            </form>
            <p class="library-index-progress" aria-live="polite">{move || state.progress.get().in_words()}</p>
            <p class="library-search-status" role="status">{move || found.get().map(|f| f.summary()).unwrap_or_default()}</p>
            <div class="library-found">{move || found.get().map(|f| found_view(shelf, f))}</div>
        </section>
    }
}
