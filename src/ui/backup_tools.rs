//! The library's backup: "Download a backup" writes every report's notes (deletions kept as
//! tombstones), the library and the colours' meanings to a file of this project's format
//! (`exchange::backup`); "Restore from a backup…" reads such a file, from this browser or another
//! device, shows what merging it would do, and merges it on the reader's word, by the rules of
//! an import. A file that is not a backup, or a damaged one, is refused in words, nothing changed.
//! Where the browser can keep a file (`backup_file`): "Keep a backup file…", the file kept, its
//! preview on demand ("Review the backup file"), permission asked again, or stop keeping it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::backup_file;
use super::browser;
use super::library_state::LibraryState;
use super::storage;
use super::vocabulary::now;
use crate::exchange::backup::{self, Backup, RestorePlan};

fn download_backup(shelf: LibraryState) {
    let text = shelf
        .library
        .with_untracked(|library| backup_file::current_backup(library, now()));
    browser::download("report-reader-backup.json", "application/json", &text);
    storage::remember_export(now());
}

#[component]
pub fn BackupTools(shelf: LibraryState) -> impl IntoView {
    let pending = RwSignal::new(None::<(Backup, RestorePlan)>);
    let said = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    // A backup's text, from a chosen file or the kept one: its preview, or why it is refused.
    let consider = move |text: String| match backup::read(&text) {
        Ok(backup) => {
            let plan = shelf
                .library
                .with_untracked(|library| backup_file::plan(&backup, library));
            if plan.is_empty() {
                said.set(Some(format!(
                    "This backup holds nothing this browser does not have already ({} report{} the same). Nothing was changed.",
                    plan.unchanged,
                    if plan.unchanged == 1 { "" } else { "s" }
                )));
            } else {
                pending.set(Some((backup, plan)));
            }
        }
        Err(refused) => problem.set(Some(refused.to_string())),
    };
    let read_backup = move |ev: leptos::ev::Event| {
        let Some(file) = browser::chosen_files(&ev).into_iter().next() else {
            return;
        };
        said.set(None);
        problem.set(None);
        pending.set(None);
        spawn_local(async move {
            match browser::read_file(&file).await {
                Ok(bytes) => consider(String::from_utf8_lossy(&bytes).into_owned()),
                Err(reason) => problem.set(Some(reason.to_string())),
            }
        });
    };
    let confirm = move |_| {
        if let Some((backup, plan)) = pending.get_untracked() {
            pending.set(None);
            match backup_file::restore(&backup, &plan, |theirs| shelf.merge_library(theirs)) {
                Ok(done) => said.set(Some(done)),
                Err(failed) => problem.set(Some(failed)),
            }
        }
    };
    view! {
        <section class="library-backup" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Backup"</h2>
            <p class="library-help">"A backup file holds every report’s notes (and what you deleted), your library and your colours’ meanings. Keep it outside the browser, or restore it on another device: it is merged with what is there, newer edits winning, both versions kept where they differ."</p>
            <p class="library-export">
                <button type="button" class="text-button" on:click=move |_| download_backup(shelf)>"Download a backup"</button>
                <label class="text-button file-label">
                    "Restore from a backup…"
                    <input type="file" class="visually-hidden" accept=".json,application/json"
                        aria-label="Restore from a backup file" on:change=read_backup />
                </label>
            </p>
            {backup_file::can_keep_a_file().then(|| view! {
                <KeptFileTools said=said problem=problem consider=Callback::new(consider) />
            })}
            {move || pending.get().map(|(_, plan)| view! {
                <div class="import-preview" role="region" aria-label="Backup preview">
                    <p>{format!("Restoring this backup would bring in: {}", plan.summary())}</p>
                    <button type="button" class="primary-button" on:click=confirm>"Restore these notes"</button>
                    <button type="button" class="text-button" on:click=move |_| pending.set(None)>"Cancel"</button>
                </div>
            })}
            <p class="backup-status" role="status">{move || said.get()}</p>
            {move || problem.get().map(|p| view! { <p class="import-problem backup-problem" role="alert">{p}</p> })}
        </section>
    }
}

/// The file the backup is kept in, where the browser can keep one: choose it, review what it
/// holds, let the browser write it again, or stop keeping it.
#[component]
fn KeptFileTools(
    said: RwSignal<Option<String>>,
    problem: RwSignal<Option<String>>,
    consider: Callback<String>,
) -> impl IntoView {
    let review_kept = move |_| {
        said.set(None);
        problem.set(None);
        spawn_local(async move {
            match backup_file::read_kept().await {
                Some(text) => consider.run(text),
                None => problem.set(Some(
                    "The backup file could not be read: choose “Keep writing the backup file” to let the browser open it again."
                        .to_string(),
                )),
            }
        });
    };
    // Where the browser can keep a file (the File System Access API): which one, if any.
    let kept = RwSignal::new(None::<String>);
    spawn_local(async move { kept.set(backup_file::kept_name().await) });
    let keep_file = move |_| {
        spawn_local(async move {
            if let Some(name) = backup_file::choose().await {
                kept.set(Some(name.clone()));
                let done = match backup_file::write_kept_file().await.as_str() {
                    "written" => {
                        format!("The backup is kept in “{name}”, written again after each change.")
                    }
                    _ => format!("“{name}” could not be written. Nothing else was changed."),
                };
                said.set(Some(done));
            }
        });
    };
    let write_again = move |_| {
        spawn_local(async move {
            if backup_file::ask_again().await && backup_file::write_kept_file().await == "written" {
                said.set(Some("The backup file is written again.".to_string()));
            }
        });
    };
    let stop_keeping = move |_| {
        spawn_local(async move {
            backup_file::stop_keeping().await;
            kept.set(None);
            said.set(Some(
                "The backup file is no longer written; it stays where it is.".to_string(),
            ));
        });
    };
    move || {
        match kept.get() {
            None => view! {
                <p class="library-export">
                    <button type="button" class="text-button" on:click=keep_file>"Keep a backup file…"</button>
                </p>
            }
            .into_any(),
            Some(name) => view! {
                <p class="library-export">
                    <span class="backup-kept">{format!("Backup kept in “{name}”, written after each change and read when the reader opens.")}</span>
                    <button type="button" class="text-button" on:click=review_kept>"Review the backup file"</button>
                    <button type="button" class="text-button" on:click=write_again>"Keep writing the backup file"</button>
                    <button type="button" class="text-button" on:click=stop_keeping>"Stop keeping it"</button>
                </p>
            }
            .into_any(),
    }
    }
}
