//! The library: every report the reader can open, bundled or brought, with its symbol, title,
//! date, number of notes and when it was last opened; open, rename, remove (after asking, and
//! offering to download the notes first).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::backup_tools::BackupTools;
use super::library_list::LibraryList;
use super::library_search::library_search_section;
use super::on_demand::{parse_report, when_first_wanted};

use crate::annotations::codec;
use crate::annotations::placement::{place, ParagraphIndex};
use crate::annotations::{AnnotationSet, Palette};
use crate::exchange::{to_markdown, w3c};
use crate::keeping::{usage_in_words, Kept};
use crate::library::Entry;
use crate::permalink::Route;
use crate::report::{DEFAULT_REPORT, DEFAULT_REPORT_ID};

use super::browser;
use super::library_state::LibraryState;
use super::storage;
use super::text_store;
use super::vocabulary::{now, MAIN_ID};

/// Every report's stored annotations.
fn all_notes(shelf: LibraryState) -> Vec<(Entry, AnnotationSet)> {
    shelf.library.with_untracked(|l| {
        l.entries()
            .into_iter()
            .filter_map(|e| {
                let set = storage::raw_annotations(&e.id)
                    .and_then(|t| codec::decode(&t).ok())?
                    .annotations;
                (!set.is_empty()).then(|| (e.clone(), set))
            })
            .collect()
    })
}

fn export_all_json(shelf: LibraryState) {
    let notes = all_notes(shelf);
    let reports: Vec<(&str, &AnnotationSet)> =
        notes.iter().map(|(e, set)| (e.id.as_str(), set)).collect();
    let json = w3c::export_many(&reports, "All notes", &Palette::default(), now());
    browser::download(
        "all-notes.jsonld",
        "application/ld+json",
        &serde_json::to_string_pretty(&json).unwrap_or_default(),
    );
    storage::remember_export(now());
}

/// Every report's notes under their citations, each report read from its stored text.
fn export_all_markdown(shelf: LibraryState) {
    spawn_local(async move {
        let mut sections = Vec::new();
        for (entry, set) in all_notes(shelf) {
            let text = match entry.current() {
                _ if entry.id == DEFAULT_REPORT_ID && shelf.default_revision().is_none() => {
                    Some(DEFAULT_REPORT.to_string())
                }
                Some(version) => text_store::load_text(&version.hash).await,
                None => None,
            };
            sections.push(match text {
                Some(text) => {
                    let report = parse_report(text).await;
                    let placements = place(&ParagraphIndex::new(&report), &set);
                    to_markdown(&report, &set, &placements, &Palette::default())
                }
                None => format!("# {}\n\n({} notes; the report's text is not in this browser, export them as JSON-LD)\n", entry.display_name(), set.len()),
            });
        }
        browser::download("all-notes.md", "text/markdown", &sections.join("\n---\n\n"));
        storage::remember_export(now());
    });
}

/// The library screen, in a part of the app of its own: fetched the first time it is shown.
#[cfg_attr(feature = "split", lazy)]
pub async fn library_screen(shelf: LibraryState) -> AnyView {
    view! { <LibraryView shelf=shelf /> }.into_any()
}

#[component]
fn LibraryView(shelf: LibraryState) -> impl IntoView {
    browser::set_title("Library — Report reader");
    let languages = RwSignal::new(std::collections::HashMap::new());
    let palette = match storage::load_settings(now()) {
        storage::Load::Read { value, .. } => value.palette,
        _ => Palette::default(),
    };
    let published = move || {
        let known: Vec<String> = shelf
            .library
            .with(|l| l.entries().iter().map(|e| e.id.clone()).collect());
        shelf
            .manifest
            .get()
            .map(|m| {
                m.reports
                    .into_iter()
                    .filter(|r| !known.contains(&r.id))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    // What the library takes of the browser's storage, and whether the browser will keep it.
    let storage_said = RwSignal::new(None::<String>);
    spawn_local(async move {
        let used = text_store::usage()
            .await
            .map(|(used, quota)| usage_in_words(used, quota));
        let kept = browser::storage_eviction()
            .kept_in_words(Kept::from_answer(text_store::persisted().await));
        storage_said.set(Some(match used {
            Some(used) => format!("Storage: {used}. {kept}"),
            None => kept.to_string(),
        }));
    });
    view! {
        <main id=MAIN_ID class="library" tabindex="-1">
            <h1>"Your library"</h1>
            <p class="library-help">"Reports you have opened, and those published with this reader. Everything stays in this browser."</p>
            <p class="library-storage" aria-live="polite">{move || storage_said.get()}</p>
            <div class="library-search-slot">
                {when_first_wanted(|| true, move || library_search_section(shelf, palette.clone(), languages))}
            </div>
            <p class="library-notebook"><a href=Route::notebook_for(None)>"Notebook: every highlight and note, to filter and export"</a></p>
            <p class="library-export">
                <button type="button" class="text-button" on:click=move |_| export_all_json(shelf)>"Export all notes (W3C JSON-LD)"</button>
                <button type="button" class="text-button" on:click=move |_| export_all_markdown(shelf)>"Export all notes (Markdown)"</button>
            </p>
            <LibraryList shelf=shelf languages=languages />
            {move || {
                let published = published();
                (!published.is_empty()).then(|| view! {
                    <section class="library-published" aria-labelledby="library-published-heading">
                        <h2 id="library-published-heading">"Published with this reader"</h2>
                        <ul class="library-list published-list">
                            {published.into_iter().map(|r| {
                                let title = r.title.clone().unwrap_or_else(|| r.id.clone());
                                view! {
                                    <li class="library-entry" data-report=r.id.clone()>
                                        <div class="entry-main">
                                            {r.symbol.clone().map(|s| view! { <span class="entry-symbol">{s}</span> })}
                                            <a class="entry-title" href=Route::query_for(Some(&r.id), None)>{title}</a>
                                            <span class="entry-meta">"published with this reader · not opened yet"</span>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            <BackupTools shelf=shelf />
        </main>
    }
}
