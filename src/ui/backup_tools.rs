//! The library's backup: "Download a backup" writes every report's notes (deletions kept as
//! tombstones), the library and the colours' meanings to a file of this project's format
//! (`exchange::backup`); "Restore from a backup…" reads such a file, from this browser or another
//! device, shows what merging it would do, and merges it on the reader's word, by the rules of
//! an import. A file that is not a backup, or a damaged one, is refused in words, nothing changed.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::library_state::LibraryState;
use super::storage::{self, Load};
use super::vocabulary::now;
use crate::annotations::codec::{self, Settings};
use crate::annotations::{AnnotationSet, StoredVersions};
use crate::exchange::backup::{self, Backup, RestorePlan};

/// Every report's annotations as stored here, tombstones included: a report whose notes were
/// all deleted still carries its deletions to the other device.
fn stored_sets(shelf: LibraryState) -> Vec<(String, AnnotationSet)> {
    shelf.library.with_untracked(|l| {
        l.all()
            .filter_map(|e| {
                let set = storage::raw_annotations(&e.id)
                    .and_then(|t| codec::decode(&t).ok())?
                    .annotations;
                (set.stored_count() > 0).then(|| (e.id.clone(), set))
            })
            .collect()
    })
}

fn settings() -> Settings {
    match storage::load_settings(now()) {
        Load::Read { value, .. } => value,
        _ => Settings::default(),
    }
}

fn download_backup(shelf: LibraryState) {
    let sets = stored_sets(shelf);
    let text = shelf.library.with_untracked(|library| {
        backup::write(
            sets.iter().map(|(id, set)| (id.as_str(), set)),
            library,
            &settings(),
            now(),
        )
    });
    browser::download("report-reader-backup.json", "application/json", &text);
    storage::remember_export(now());
}

/// Merges the backup as planned: each report's notes, then the library, then the colours'
/// meanings where this browser still has the defaults. Returns what it did, in words.
fn restore(shelf: LibraryState, backup: &Backup, plan: &RestorePlan) -> Result<String, String> {
    let now = now();
    for (id, report_plan) in &plan.reports {
        let mut set = local_set(id);
        report_plan.apply(&mut set);
        storage::save_annotations(id, &set, &StoredVersions::default(), now).map_err(|_| {
            "The notes of one report could not be saved (this browser’s storage for this site may be full). \
             Reports restored before it are kept."
                .to_string()
        })?;
    }
    shelf.merge_library(&backup.library);
    let mine = settings();
    if mine.palette == Settings::default().palette && backup.settings.palette != mine.palette {
        let _ = storage::save_settings(&backup.settings);
    }
    Ok(format!("Restored from the backup: {}", plan.summary()))
}

fn local_set(id: &str) -> AnnotationSet {
    storage::raw_annotations(id)
        .and_then(|t| codec::decode(&t).ok())
        .map(|d| d.annotations)
        .unwrap_or_default()
}

#[component]
pub fn BackupTools(shelf: LibraryState) -> impl IntoView {
    let pending = RwSignal::new(None::<(Backup, RestorePlan)>);
    let said = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let read_backup = move |ev: leptos::ev::Event| {
        let Some(file) = browser::chosen_files(&ev).into_iter().next() else {
            return;
        };
        said.set(None);
        problem.set(None);
        pending.set(None);
        spawn_local(async move {
            let text = match browser::read_file(&file).await {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(reason) => return problem.set(Some(reason.to_string())),
            };
            match backup::read(&text) {
                Ok(backup) => {
                    let plan = shelf.library.with_untracked(|library| {
                        backup::plan_restore(&backup, library, local_set)
                    });
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
            }
        });
    };
    let confirm = move |_| {
        if let Some((backup, plan)) = pending.get_untracked() {
            pending.set(None);
            match restore(shelf, &backup, &plan) {
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
