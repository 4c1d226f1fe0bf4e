//! The library: every report the reader can open, bundled or brought, with its symbol, title,
//! date, number of notes and when it was last opened; open, rename, remove (after asking, and
//! offering to download the notes first).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::backup_tools::BackupTools;

use crate::annotations::codec;
use crate::annotations::placement::{place, ParagraphIndex};
use crate::annotations::{AnnotationSet, Palette};
use crate::exchange::{to_markdown, w3c};
use crate::keeping::{usage_in_words, Kept};
use crate::library::{notes_phrase, Entry, Source};
use crate::permalink::Route;
use crate::report::{parse, DEFAULT_REPORT, DEFAULT_REPORT_ID};

use super::browser;
use super::library_state::LibraryState;
use super::storage;
use super::text_store;
use super::vocabulary::{now, MAIN_ID};

fn when(millis: i64) -> String {
    if millis <= 0 {
        return "not yet".to_string();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    String::from(date.to_locale_date_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}

#[component]
fn EntryRow(entry: Entry, shelf: LibraryState) -> impl IntoView {
    let id = entry.id.clone();
    let name = entry.display_name().to_string();
    let notes = storage::count_annotations(&id);
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let href = if id == DEFAULT_REPORT_ID {
        "./".to_string()
    } else {
        Route::query_for(Some(&id), None)
    };
    let bundled = matches!(entry.source, Source::Bundled { .. });
    let versions = entry.versions.len();
    // An addendum is a report of its own, shown under the name of the report it adds to.
    let parent = shelf.library.with_untracked(|l| {
        l.addendum_of(&entry)
            .map(|p| (p.id.clone(), p.display_name().to_string()))
    });
    // The reports the reader joined to this one as its versions, to separate again.
    let joined: Vec<(String, String)> = shelf.library.with_untracked(|l| {
        entry
            .joined
            .iter()
            .map(|j| {
                (
                    j.id.clone(),
                    l.all()
                        .find(|e| e.id == j.id)
                        .map_or(j.id.clone(), |e| e.display_name().to_string()),
                )
            })
            .collect()
    });
    let joinable = !bundled && shelf.library.with_untracked(|l| l.entries().len() > 1);
    let joining = RwSignal::new(false);
    let (join_id, join_name) = (id.clone(), name.clone());
    let (rename_id, remove_id) = (id.clone(), id.clone());
    let (label_name, confirm_name, link_name) = (name.clone(), name.clone(), name.clone());
    view! {
        <li class="library-entry" data-report=id.clone()>
            <div class="entry-main">
                {entry.symbol.clone().map(|s| view! { <span class="entry-symbol">{s}</span> })}
                {move || if renaming.get() {
                    let rename_id = rename_id.clone();
                    view! {
                        <form class="rename" on:submit=move |ev| {
                            ev.prevent_default();
                            let value = browser::form_value(&ev, "name");
                            shelf.rename(&rename_id, &value);
                            renaming.set(false);
                        }>
                            <input name="name" type="text" value=label_name.clone() aria-label=format!("New name for {label_name}") autofocus />
                            <button type="submit" class="primary-button">"Save name"</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <a class="entry-title" href=href.clone()>{link_name.clone()}</a> }.into_any()
                }}
                <span class="entry-meta">
                    {entry.date.clone().unwrap_or_default()}
                    {entry.date.is_some().then_some(" · ")}
                    {notes_phrase(notes)}
                    " · last opened " {when(entry.last_opened)}
                    {(versions > 1).then(|| format!(" · {versions} versions"))}
                    {parent.map(|(parent_id, parent_name)| {
                        let parent_href = if parent_id == DEFAULT_REPORT_ID { "./".to_string() } else { Route::query_for(Some(&parent_id), None) };
                        view! { " · addendum to " <a class="entry-parent" href=parent_href>{parent_name}</a> }
                    })}
                    {bundled.then_some(" · published with this reader")}
                </span>
            </div>
            <div class="entry-actions">
                <button type="button" class="text-button" aria-label=format!("Rename {name}") on:click=move |_| renaming.update(|r| *r = !*r)>"Rename"</button>
                {joinable.then(|| view! {
                    <button type="button" class="text-button" aria-label=format!("Make {name} a version of another report") aria-expanded=move || joining.get().to_string()
                        on:click=move |_| joining.update(|j| *j = !*j)>"Version of…"</button>
                })}
                {(!bundled).then(|| view! {
                    <button type="button" class="text-button" aria-label=format!("Remove {name}") on:click=move |_| confirming.set(true)>"Remove"</button>
                })}
            </div>
            {(!joined.is_empty()).then(|| {
                let into = id.clone();
                view! {
                    <p class="entry-joined">
                        "Versions you joined to it: "
                        {joined.into_iter().map(|(from, from_name)| {
                            let into = into.clone();
                            view! {
                                <span class="joined-version">{from_name.clone()}" "
                                    <button type="button" class="text-button" aria-label=format!("Separate “{from_name}” from “{}” again", name)
                                        on:click=move |_| shelf.separate(&into, &from)>"Separate"</button>
                                </span>
                            }
                        }).collect_view()}
                    </p>
                }
            })}
            {move || joining.get().then(|| view! { <JoinForm id=join_id.clone() name=join_name.clone() shelf=shelf joining=joining /> })}
            {move || confirming.get().then(|| view! { <RemoveConfirm id=remove_id.clone() name=confirm_name.clone() notes=notes shelf=shelf confirming=confirming /> })}
        </li>
    }
}

/// The form that makes a report a version of another (the others listed when it opens, not for
/// every row).
#[component]
fn JoinForm(
    id: String,
    name: String,
    shelf: LibraryState,
    joining: RwSignal<bool>,
) -> impl IntoView {
    let options: Vec<(String, String)> = shelf.library.with_untracked(|l| {
        l.entries()
            .into_iter()
            .filter(|e| e.id != id)
            .map(|e| (e.id.clone(), e.display_name().to_string()))
            .collect()
    });
    view! {
        <form class="join" on:submit=move |ev| {
            ev.prevent_default();
            let chosen = browser::form_value(&ev, "into");
            shelf.join_as_version(&id, &chosen);
            joining.set(false);
        }>
            <label>
                {format!("“{name}” is a version of ")}
                <select name="into" class="bar-select">
                    {options.into_iter().map(|(other_id, other_name)| view! { <option value=other_id>{other_name}</option> }).collect_view()}
                </select>
            </label>
            <button type="submit" class="primary-button">"Join as a version"</button>
            <button type="button" class="text-button" on:click=move |_| joining.set(false)>"Cancel"</button>
        </form>
    }
}

/// Asks before removing a report, saying how many notes go with it, and offers them first.
#[component]
fn RemoveConfirm(
    id: String,
    name: String,
    notes: usize,
    shelf: LibraryState,
    confirming: RwSignal<bool>,
) -> impl IntoView {
    let export_id = id.clone();
    view! {
        <div class="confirm" role="alertdialog" aria-label=format!("Remove {name}?")>
            <p>{format!("Remove “{name}” from this browser? {} will be deleted with it.", match notes {
                0 => "No notes".to_string(),
                n => format!("Its {}", notes_phrase(n)),
            })}</p>
            <div class="confirm-actions">
                {(notes > 0).then(|| view! {
                    <button type="button" class="text-button" on:click=move |_| {
                        if let Some(text) = storage::raw_annotations(&export_id) {
                            browser::download(&format!("notes-{export_id}.json"), "application/json", &text);
                        }
                    }>"Download the notes first"</button>
                })}
                <button type="button" class="danger-button" on:click=move |_| shelf.remove(&id)>"Remove"</button>
                <button type="button" class="text-button" on:click=move |_| confirming.set(false)>"Cancel"</button>
            </div>
        </div>
    }
}

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
                    let report = parse(&text);
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
            <p class="library-export">
                <button type="button" class="text-button" on:click=move |_| export_all_json(shelf)>"Export all notes (W3C JSON-LD)"</button>
                <button type="button" class="text-button" on:click=move |_| export_all_markdown(shelf)>"Export all notes (Markdown)"</button>
            </p>
            <ul class="library-list">
                {move || shelf.library.with(|l| l.entries().into_iter().cloned().collect::<Vec<_>>())
                    .into_iter()
                    .map(|entry| view! { <EntryRow entry=entry shelf=shelf /> })
                    .collect_view()}
                {move || published().into_iter().map(|r| {
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
            <BackupTools shelf=shelf />
        </main>
    }
}
