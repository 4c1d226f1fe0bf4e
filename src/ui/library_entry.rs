//! One report of the library's list: its symbol, title, date, number of notes and when it was
//! last opened; open, rename, join as a version of another, separate, remove (after asking, and
//! offering to download the notes first).

use leptos::prelude::*;

use crate::library::{notes_phrase, Entry, Source};
use crate::permalink::Route;

use super::browser;
use super::library_state::LibraryState;
use super::storage;

fn when(millis: i64) -> String {
    if millis <= 0 {
        return "not yet".to_string();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    String::from(date.to_locale_date_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}

#[component]
pub fn EntryRow(
    entry: Entry,
    shelf: LibraryState,
    #[prop(optional)] addenda: Vec<Entry>,
) -> impl IntoView {
    let id = entry.id.clone();
    let name = entry.display_name().to_string();
    let notes = storage::count_annotations(&id);
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let href = Route::address_of(&id);
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
                        let parent_href = Route::address_of(&parent_id);
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
            {(!addenda.is_empty()).then(|| {
                let label = format!("Addenda to {}", entry.display_name());
                view! {
                    <ul class="entry-addenda" aria-label=label>
                        {addenda.into_iter().map(|a| view! { <EntryRow entry=a shelf=shelf /> }.into_any()).collect_view()}
                    </ul>
                }
            })}
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
