//! The notebook: every highlight and note across the library (or of one report) as one list,
//! filtered by colour and its meaning, tag, report, kind and date, searched by its words, sorted
//! by report order or by date; some or all selected and exported as Markdown, as a W3C Web
//! Annotation collection, or as Obsidian notes (one file per report). In a part of its own.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::annotations::placement::{place, ParagraphIndex};
use crate::annotations::{Colour, Palette};
use crate::notebook::{
    entries_of, entries_without_text, select_positions, summary, tags_of, to_markdown, to_obsidian,
    to_w3c, zip_files, Filter, Kind, NotebookEntry, Order, ReportInfo,
};
use crate::permalink::Route;
use crate::report::{self, DEFAULT_REPORT, DEFAULT_REPORT_ID};

use super::browser;
use super::library_index::current_text;
use super::library_state::LibraryState;
use super::on_demand::parse_report;
use super::storage;
use super::vocabulary::{now, MAIN_ID};

/// Entries set out at first, and each time the reader asks for more: a notebook of 10,000
/// entries is filtered whole, but its page holds what a reader scrolls through.
const PAGE: usize = 200;

/// Every entry of the reports in scope, report by report, the page free between two.
async fn gather(
    shelf: LibraryState,
    scope: Option<String>,
    read: RwSignal<(usize, usize)>,
) -> Vec<NotebookEntry> {
    let reports: Vec<_> = shelf.library.with_untracked(|l| {
        l.entries()
            .into_iter()
            .filter(|e| scope.as_ref().is_none_or(|id| *id == e.id))
            .map(|e| (e.clone(), storage::stored_annotations(&e.id)))
            .filter(|(_, set)| set.live().next().is_some())
            .collect()
    });
    let mut entries = Vec::new();
    read.set((0, reports.len()));
    for (done, (entry, set)) in reports.into_iter().enumerate() {
        let link = format!(
            "{}{}",
            browser::app_url(),
            Route::address_of(&entry.id).trim_start_matches("./")
        );
        let info = ReportInfo::of_entry(&entry, &link);
        let parsed = match current_text(shelf, &entry).await {
            Some(text) if entry.id == DEFAULT_REPORT_ID && text == DEFAULT_REPORT => {
                Some(report::default_report())
            }
            Some(text) => Some(parse_report(text).await),
            None => None,
        };
        entries.extend(match parsed {
            Some(parsed) => {
                let placements = place(&ParagraphIndex::new(&parsed), &set);
                entries_of(info, &parsed, &set, &placements)
            }
            None => entries_without_text(info, &set),
        });
        read.set((done + 1, read.get_untracked().1));
        browser::yield_to_page().await;
    }
    entries
}

/// The notebook screen, fetched the first time it is shown.
#[cfg_attr(feature = "split", lazy)]
pub async fn notebook_screen(shelf: LibraryState, scope: Option<String>) -> AnyView {
    view! { <NotebookView shelf=shelf scope=scope /> }.into_any()
}

fn export(chosen: &[&NotebookEntry], palette: &Palette, format: &str, title: &str) {
    match format {
        "markdown" => browser::download(
            "notebook.md",
            "text/markdown",
            &to_markdown(chosen, palette, title),
        ),
        "w3c" => {
            let json = to_w3c(chosen, title, palette, now());
            browser::download(
                "notebook.jsonld",
                "application/ld+json",
                &serde_json::to_string_pretty(&json).unwrap_or_default(),
            );
        }
        _ => match to_obsidian(chosen, palette).as_slice() {
            [(name, text)] => browser::download(name, "text/markdown", text),
            files => browser::download_bytes(
                "notebook-obsidian.zip",
                "application/zip",
                &zip_files(files),
            ),
        },
    }
    storage::remember_export(now());
}

#[component]
fn NotebookView(shelf: LibraryState, scope: Option<String>) -> impl IntoView {
    let scope_name = scope.as_ref().map(|id| {
        shelf.library.with_untracked(|l| {
            l.get(id)
                .map_or(id.clone(), |e| e.display_name().to_string())
        })
    });
    browser::set_title(&match &scope_name {
        Some(name) => format!("Notebook: {name} — Report reader"),
        None => "Notebook — Report reader".to_string(),
    });
    let palette = match storage::load_settings(now()) {
        storage::Load::Read { value, .. } => value.palette,
        _ => Palette::default(),
    };
    let read = RwSignal::new((0, 0));
    let all = RwSignal::new(None::<Arc<Vec<NotebookEntry>>>);
    let gathering = scope.clone();
    spawn_local(async move {
        let entries = browser::timed_async("notebook:gather", gather(shelf, gathering, read)).await;
        all.set(Some(Arc::new(entries)));
    });
    let filter = RwSignal::new(Filter::default());
    let order = RwSignal::new(Order::ReportOrder);
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let limit = RwSignal::new(PAGE);
    // The positions of the entries shown, in order: what the list, the summary and the exports read.
    let shown = Memo::new(move |_| {
        let (f, o) = (filter.get(), order.get());
        all.with(|all| {
            all.as_ref().map(|entries| {
                browser::timed("notebook:select", || select_positions(entries, &f, o))
            })
        })
    });
    let heading = scope_name
        .clone()
        .map_or("Notebook".to_string(), |n| format!("Notebook: {n}"));
    let title = StoredValue::new(heading.clone());
    let export_palette = StoredValue::new(palette.clone());
    let on_export = move |format: &'static str| {
        let positions = shown.get_untracked().unwrap_or_default();
        let picked = chosen.get_untracked();
        all.with_untracked(|all| {
            let Some(entries) = all else { return };
            let wanted: Vec<&NotebookEntry> = positions
                .iter()
                .map(|&at| &entries[at])
                .filter(|e| picked.is_empty() || picked.contains(&e.key()))
                .collect();
            export_palette.with_value(|palette| {
                title.with_value(|title| export(&wanted, palette, format, title))
            });
        });
    };
    view! {
        <main id=MAIN_ID class="library notebook" tabindex="-1">
            <h1>{heading}</h1>
            <p class="library-help">
                "Every highlight and note you wrote"
                {if scope.is_some() { " on this report" } else { " across your library" }}
                ". " <a href="?library">"Your library"</a>
                {scope.is_some().then(|| view! { " · " <a href=Route::notebook_for(None)>"The whole notebook"</a> })}
            </p>
            <p class="library-index-progress" aria-live="polite">{move || {
                let (done, of) = read.get();
                if all.with(Option::is_some) { String::new() } else { format!("Reading your notes: {done} of {of} reports…") }
            }}</p>
            <NotebookFilters filter=filter order=order palette=palette.clone() all=all scoped=scope.is_some() limit=limit />
            <div class="notebook-actions">
                <p class="library-search-status" role="status">{move || all.with(|all| shown.with(|positions| match (all, positions) {
                    (Some(entries), Some(positions)) => summary(positions.iter().map(|&at| &entries[at])),
                    _ => String::new(),
                }))}</p>
                <button type="button" class="text-button" on:click=move |_| {
                    let keys = all.with_untracked(|all| shown.with_untracked(|positions| match (all, positions) {
                        (Some(entries), Some(positions)) => positions.iter().map(|&at| entries[at].key()).collect(),
                        _ => BTreeSet::new(),
                    }));
                    chosen.set(keys);
                }>"Select all shown"</button>
                <button type="button" class="text-button" on:click=move |_| chosen.set(BTreeSet::new())>"Clear the selection"</button>
                <span class="notebook-chosen" aria-live="polite">{move || match chosen.with(BTreeSet::len) {
                    0 => "Exports take every entry shown.".to_string(),
                    n => format!("{n} selected: exports take those."),
                }}</span>
                <button type="button" class="text-button" on:click=move |_| on_export("markdown")>"Export as Markdown"</button>
                <button type="button" class="text-button" on:click=move |_| on_export("w3c")>"Export as W3C Web Annotations"</button>
                <button type="button" class="text-button" on:click=move |_| on_export("obsidian")>"Export for Obsidian"</button>
            </div>
            <NotebookList all=all shown=shown chosen=chosen limit=limit palette=palette />
        </main>
    }
}

#[component]
fn NotebookFilters(
    filter: RwSignal<Filter>,
    order: RwSignal<Order>,
    palette: Palette,
    all: RwSignal<Option<Arc<Vec<NotebookEntry>>>>,
    scoped: bool,
    limit: RwSignal<usize>,
) -> impl IntoView {
    let change = move |f: Box<dyn FnOnce(&mut Filter)>| {
        filter.update(f);
        limit.set(PAGE);
    };
    let tags = Memo::new(move |_| {
        all.with(|all| all.as_ref().map(|e| tags_of(e.iter())).unwrap_or_default())
    });
    let reports = Memo::new(move |_| {
        all.with(|all| {
            let mut seen: Vec<(String, String)> = Vec::new();
            for e in all.iter().flat_map(|a| a.iter()) {
                if !seen.iter().any(|(id, _)| *id == e.report.id) {
                    seen.push((e.report.id.clone(), e.report.name.clone()));
                }
            }
            seen
        })
    });
    let colours: Vec<(Option<Colour>, String)> = Colour::ALL
        .into_iter()
        .map(|c| (Some(c), palette.meaning(c)))
        .chain([(None, "no colour".to_string())])
        .collect();
    view! {
        <form role="search" class="library-search-form notebook-filters" on:submit=|ev| ev.prevent_default()>
            <input type="search" class="library-search-field" aria-label="Search the notebook's quotes, notes and tags" placeholder="Words in a quote, a note or a tag"
                on:input=move |ev| { let text = event_target_value(&ev); change(Box::new(move |f| f.text = text)) } />
            <fieldset class="library-filters notebook-colours">
                <legend>"Colours"</legend>
                {colours.into_iter().map(|(colour, meaning)| view! {
                    <label><input type="checkbox" aria-label=format!("Show entries marked “{meaning}”")
                        on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |f| { if on { f.colours.insert(colour); } else { f.colours.remove(&colour); } })) } />
                        {meaning.clone()}</label>
                }).collect_view()}
            </fieldset>
            <div class="library-filters">
                <label>"Show " <select class="bar-select" aria-label="Show which entries" on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.kind = match v.as_str() { "highlights" => Kind::HighlightsOnly, "notes" => Kind::WithNotes, _ => Kind::All })) }>
                    <option value="all">"highlights and notes"</option><option value="highlights">"highlights without a note"</option><option value="notes">"entries with a note"</option>
                </select></label>
                <label>"Tag " <select class="bar-select" aria-label="Show the entries with the tag" on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.tag = (!v.is_empty()).then_some(v))) }>
                    <option value="">"any"</option>
                    {move || tags.get().into_iter().map(|(t, n)| view! { <option value=t.clone()>{format!("{t} ({n})")}</option> }).collect_view()}
                </select></label>
                {(!scoped).then(|| view! {
                    <label>"Report " <select class="bar-select" aria-label="Show the entries of the report" on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.report = (!v.is_empty()).then_some(v))) }>
                        <option value="">"all"</option>
                        {move || reports.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select></label>
                })}
                <label>"From " <input type="date" aria-label="Show entries last edited from the date" on:change=move |ev| { let v = browser::date_field_millis(&event_target_value(&ev), false); change(Box::new(move |f| f.from = v)) } /></label>
                <label>"To " <input type="date" aria-label="Show entries last edited up to the date" on:change=move |ev| { let v = browser::date_field_millis(&event_target_value(&ev), true); change(Box::new(move |f| f.to = v)) } /></label>
                <label>"Sort " <select class="bar-select" aria-label="Sort the entries" on:change=move |ev| order.set(match event_target_value(&ev).as_str() { "newest" => Order::Newest, "oldest" => Order::Oldest, _ => Order::ReportOrder })>
                    <option value="report">"as the reports read"</option><option value="newest">"newest first"</option><option value="oldest">"oldest first"</option>
                </select></label>
            </div>
        </form>
    }
}

#[component]
fn NotebookList(
    all: RwSignal<Option<Arc<Vec<NotebookEntry>>>>,
    shown: Memo<Option<Vec<usize>>>,
    chosen: RwSignal<BTreeSet<String>>,
    limit: RwSignal<usize>,
    palette: Palette,
) -> impl IntoView {
    let entry_view = move |e: &NotebookEntry| {
        let key = e.key();
        let (toggle, checked) = (key.clone(), key.clone());
        let meaning = palette.name_of(e.annotation.colour);
        let colour = e.annotation.colour.map(Colour::key).unwrap_or("none");
        view! {
            <li class="notebook-entry" data-key=key data-colour=colour>
                <label class="notebook-pick"><input type="checkbox" aria-label=format!("Select {}", e.citation)
                    prop:checked=move || chosen.with(|c| c.contains(&checked))
                    on:change=move |ev| { let on = event_target_checked(&ev); let k = toggle.clone(); chosen.update(|c| { if on { c.insert(k); } else { c.remove(&k); } }) } /></label>
                <div class="notebook-body">
                    <p class="notebook-where"><a href=e.href.clone()>{e.citation.clone()}</a>
                        <span class="entry-meta">{format!(" · {meaning} · {}", browser::short_date(e.annotation.modified))}</span></p>
                    <blockquote class="notebook-quote" data-highlight=colour>{e.quote.clone()}</blockquote>
                    {e.annotation.has_note().then(|| view! { <p class="notebook-note">{e.annotation.note.clone()}</p> })}
                    {(!e.annotation.tags.is_empty()).then(|| view! {
                        <ul class="note-tags" aria-label="Tags">{e.annotation.tags.iter().map(|t| view! { <li class="chip">{t.clone()}</li> }).collect_view()}</ul>
                    })}
                </div>
            </li>
        }
    };
    view! {
        <ol class="notebook-list">
            {move || all.with(|all| shown.with(|positions| {
                let (Some(entries), Some(positions)) = (all, positions) else { return Vec::new() };
                positions.iter().take(limit.get()).map(|&at| entry_view(&entries[at]).into_any()).collect::<Vec<_>>()
            }))}
        </ol>
        {move || shown.with(|keys| {
            let more = keys.as_ref().map_or(0, |k| k.len().saturating_sub(limit.get()));
            (more > 0).then(|| view! {
                <button type="button" class="text-button notebook-more" on:click=move |_| limit.update(|l| *l += PAGE)>{format!("Show {} more of {more}", more.min(PAGE))}</button>
            })
        })}
    }
}
