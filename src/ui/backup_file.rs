//! The backup of everything kept here (`exchange::backup`): made from what is stored, merged back
//! into it, and, where the browser has the File System Access API, kept in a file the reader
//! chose once (its handle in IndexedDB, through `web/backup-file.js`): written again a few
//! seconds after each change, read when the app starts and when its tab is shown again, so that
//! what another device wrote to the same file (brought by the reader's own sync: a synced folder,
//! a USB stick) is merged here by an import's rules. A merge with conflicts waits for the reader
//! in the library, with its preview.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::storage::{self, Load};
use super::vocabulary::{now, About, Notices, Toast};
use crate::annotations::codec::{self, Settings};
use crate::annotations::{AnnotationSet, Millis, StoredVersions};
use crate::exchange::backup::{self, Backup, RestorePlan};
use crate::library::Library;

#[wasm_bindgen(module = "/web/backup-file.js")]
extern "C" {
    #[wasm_bindgen(js_name = canChoose)]
    fn can_choose_js() -> bool;
    #[wasm_bindgen(js_name = choose, catch)]
    async fn choose_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = keptName, catch)]
    async fn kept_name_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = forget, catch)]
    async fn forget_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = write, catch)]
    async fn write_js(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = read, catch)]
    async fn read_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = askAgain, catch)]
    async fn ask_again_js() -> Result<JsValue, JsValue>;
}

/// How long after the last change the kept file is written.
const WRITE_AFTER: Duration = Duration::from_secs(2);

thread_local! {
    static PENDING_WRITE: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    /// The `written` time of the last backup this browser wrote or merged: a file that is not
    /// newer holds nothing new.
    static SEEN: Cell<Millis> = const { Cell::new(0) };
}

/// Every report's annotations as stored here, tombstones included.
fn stored_sets(library: &Library) -> Vec<(String, AnnotationSet)> {
    library
        .all()
        .filter_map(|e| Some((e.id.clone(), local_set(&e.id)?)))
        .filter(|(_, set)| set.stored_count() > 0)
        .collect()
}

fn local_set(id: &str) -> Option<AnnotationSet> {
    storage::raw_annotations(id)
        .and_then(|t| codec::decode(&t).ok())
        .map(|d| d.annotations)
}

fn settings() -> Settings {
    match storage::load_settings(now()) {
        Load::Read { value, .. } => value,
        _ => Settings::default(),
    }
}

/// Everything kept here, as a backup file's text.
pub fn current_backup(library: &Library, now: Millis) -> String {
    let sets = stored_sets(library);
    backup::write(
        sets.iter().map(|(id, set)| (id.as_str(), set)),
        library,
        &settings(),
        now,
    )
}

/// What restoring `backup` here would do.
pub fn plan(backup: &Backup, library: &Library) -> RestorePlan {
    backup::plan_restore(backup, library, |id| local_set(id).unwrap_or_default())
}

/// Merges the backup as planned: each report's notes, then the library (through `merge_library`),
/// then the colours' meanings where this browser still has the defaults; every write announced
/// to this tab as another tab's would be. Returns what it did, in words.
pub fn restore(
    backup: &Backup,
    plan: &RestorePlan,
    merge_library: impl FnOnce(&Library),
) -> Result<String, String> {
    let now = now();
    for (id, report_plan) in &plan.reports {
        let mut set = local_set(id).unwrap_or_default();
        report_plan.apply(&mut set);
        storage::save_annotations(id, &set, &StoredVersions::default(), now).map_err(|_| {
            "The notes of one report could not be saved (this browser’s storage for this site may be full). \
             Reports restored before it are kept."
                .to_string()
        })?;
        storage::announce_written(&storage::annotations_key(id));
    }
    merge_library(&backup.library);
    let mine = settings();
    if mine.palette == Settings::default().palette && backup.settings.palette != mine.palette {
        let _ = storage::save_settings(&backup.settings);
        storage::announce_written(storage::SETTINGS_KEY);
    }
    SEEN.with(|seen| seen.set(seen.get().max(backup.written)));
    Ok(format!("Restored from the backup: {}", plan.summary()))
}

/// Whether a file can be chosen to keep the backup in.
pub fn can_keep_a_file() -> bool {
    can_choose_js()
}

/// Asks the reader where to keep the backup; its file's name.
pub async fn choose() -> Option<String> {
    choose_js().await.ok().and_then(|name| name.as_string())
}

/// The name of the file the backup is kept in, if one is.
pub async fn kept_name() -> Option<String> {
    kept_name_js().await.ok().and_then(|name| name.as_string())
}

pub async fn stop_keeping() {
    let _ = forget_js().await;
}

/// Asks again for the permission to write the kept file, which the browser wants from time to
/// time (on a click: it needs the reader's gesture).
pub async fn ask_again() -> bool {
    ask_again_js()
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The library as stored.
fn stored_library() -> Library {
    match storage::load_library(now()) {
        Load::Read { value, .. } => value,
        _ => Library::default(),
    }
}

/// Writes the kept file now (if there is one): "written", "none" or "permission". In a part of
/// the app of its own, with the backup's format: fetched only where a file is kept.
#[cfg_attr(feature = "split", lazy)]
pub async fn write_kept_file() -> String {
    let written = now();
    let text = current_backup(&stored_library(), written);
    let answer = write_js(&text)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "failed".into());
    if answer == "written" {
        SEEN.with(|seen| seen.set(seen.get().max(written)));
        storage::remember_export(written);
    }
    answer
}

/// Something kept here changed: the kept file is written again a little later.
pub fn changed(notices: Notices) {
    // Without the File System Access API no file can be kept: nothing to write, nor to open.
    if !can_keep_a_file() {
        return;
    }
    PENDING_WRITE.with(|pending| {
        if let Some(handle) = pending.borrow_mut().take() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                spawn_local(async move {
                    if kept_name().await.is_some() && write_kept_file().await == "permission" {
                        notices.tell(About::App, PERMISSION.to_string());
                    }
                });
            },
            WRITE_AFTER,
        )
        .ok();
        *pending.borrow_mut() = handle;
    });
}

const PERMISSION: &str =
    "The backup file could not be written: the browser asks again for permission to write it. \
     Open the library and choose “Keep writing the backup file”.";

/// The kept file's text, if there is one and the browser lets it be read.
pub async fn read_kept() -> Option<String> {
    read_js()
        .await
        .ok()
        .and_then(|v| v.as_string())
        .filter(|t| t != "permission")
}

/// Reads the kept file and merges what another device wrote to it since: at once where nothing
/// conflicts (told in a toast), else the reader is sent to the library's preview. In the part of
/// the app that writes the file.
#[cfg_attr(feature = "split", lazy)]
pub async fn merge_kept_file(library: Library, merge_library: Callback<Library>, notices: Notices) {
    let Some(text) = read_kept().await else {
        return;
    };
    let backup = match backup::read(&text) {
        Ok(backup) => backup,
        Err(refused) => {
            return notices.tell(
                About::App,
                format!("The backup file you keep could not be read. {refused}"),
            );
        }
    };
    if backup.written <= SEEN.with(Cell::get) {
        return;
    }
    let plan = plan(&backup, &library);
    if plan.is_empty() {
        SEEN.with(|seen| seen.set(backup.written));
    } else if plan.conflicts() > 0 {
        notices.tell(
            About::App,
            format!(
                "Your backup file holds notes another device wrote, {} of them in conflict with yours. \
                 Open the library and choose “Review the backup file” to see what would change.",
                plan.conflicts()
            ),
        );
    } else {
        match restore(&backup, &plan, |theirs| merge_library.run(theirs.clone())) {
            Ok(_) => notices.flash(
                Toast::Info(format!(
                    "Merged the notes another device wrote to your backup file: {}",
                    plan.summary()
                )),
                Duration::from_secs(8),
            ),
            Err(failed) => notices.tell(About::App, failed),
        }
    }
}

/// Keeps this browser and the kept file in step: what another device wrote to it is merged when
/// the app starts and each time its tab is shown again.
pub fn keep_in_step(
    library: impl Fn() -> Library + Copy + Send + Sync + 'static,
    merge_library: impl Fn(&Library) + Copy + Send + Sync + 'static,
    notices: Notices,
) {
    if !can_keep_a_file() {
        return;
    }
    let merge = move || {
        spawn_local(async move {
            if kept_name().await.is_some() {
                let merge_library = Callback::new(move |theirs: Library| merge_library(&theirs));
                merge_kept_file(library(), merge_library, notices).await;
            }
        })
    };
    set_timeout(merge, Duration::from_secs(1));
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| !d.hidden());
        if visible {
            merge();
        }
    });
    on_cleanup(move || shown.remove());
}
