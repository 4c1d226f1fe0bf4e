//! The Leptos app: it reads what the address asks for (a report, a version, the library), and
//! wires the library, the open report and the reader's annotations to the views.

mod annotator;
mod app_bar;
mod backup_file;
mod backup_tools;
mod browser;
mod cited_by;
mod exchange_tools;
mod library_entry;
mod library_index;
mod library_list;
mod library_search;
mod library_state;
mod library_view;
mod note_card;
mod notebook_view;
mod notes_panel;
mod notices;
mod on_demand;
mod open;
mod paragraph;
mod print;
mod reader;
mod report_view;
mod rich_text;
mod search_bar;
mod selection_bar;
mod shortcuts;
pub mod storage;
pub mod text_store;
mod vocabulary;

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::keeping::{export_reminder_due, Kept};
use crate::permalink::Route;

pub use annotator::Annotator;
use app_bar::AppBar;
pub use browser::content_hash;
use library_state::{LibraryState, Missing, OpenReport};
use notices::{ExportReminder, NoticeBar, ToastView};
use open::{DropOverlay, OpenPanel, Opening};
use reader::ReaderView;
pub use report_view::ReportView;
pub use vocabulary::Notices;
use vocabulary::{now, About, DocumentLinks, Toast, MAIN_ID};

const PART_UNAVAILABLE: &str = "A part of the reader could not be fetched: you may be offline, or a newer \
     version of the reader has been published. It is fetched as soon as the connection returns, and what you \
     asked for then appears; reloading the page gets the newest version. Nothing you wrote is affected.";

/// What the main area shows.
#[derive(Clone)]
enum Screen {
    Loading,
    Reading(OpenReport),
    Library,
    /// The notebook, of one report where it names one.
    Notebook(Option<String>),
    Missing(Missing),
}

#[component]
pub fn App() -> impl IntoView {
    let shown_by_page = browser::take_over_page();
    // The offline worker fetches the whole app again to cache it: not while the first report opens.
    set_timeout(
        || spawn_local(browser::register_offline_worker()),
        Duration::from_secs(2),
    );
    let notices = Notices::new();
    browser::on_part_availability(move |arrived| {
        if arrived {
            notices.withdraw(About::App, PART_UNAVAILABLE);
        } else {
            notices.tell(About::App, PART_UNAVAILABLE);
        }
    });
    let shelf = LibraryState::new(notices);
    shelf.load();
    provide_context(DocumentLinks(Memo::new(move |_| {
        std::sync::Arc::new(shelf.library.with(crate::library::documents_by_symbol))
    })));
    backup_file::keep_in_step(
        move || shelf.library.get_untracked(),
        move |theirs| shelf.merge_library(theirs),
        notices,
    );
    let remind_to_export = keep_things_in_order(notices);
    let route = Route::from_query(&browser::query());
    let screen = RwSignal::new(Screen::Loading);
    // A long report's first screen, static markup painted while the whole is parsed: the one the
    // page already shows, if it is of this report (published with it), else made from the text.
    let shown_by_page = shown_by_page
        .filter(|(id, _)| {
            !route.library
                && !route.notebook
                && route.version.is_none()
                && route.report.as_ref() == Some(id)
        })
        .map(|(_, html)| html);
    let page_shows_first_screen = shown_by_page.is_some();
    let first_screen = RwSignal::new(shown_by_page);
    let panel_open = RwSignal::new(browser::is_wide_screen());
    let open_panel = RwSignal::new(false);
    let search_open = RwSignal::new(false);
    let help_open = RwSignal::new(false);
    open_what_the_address_asks(shelf, &route, screen, first_screen, page_shows_first_screen);

    let opening = opening(screen, first_screen, notices, open_panel);

    // A report's tools are in the bar as soon as any of it is shown (its first screen too): the bar
    // keeps its height, and so the report its place, when the whole is set out.
    let reading =
        move || matches!(screen.get(), Screen::Reading(_)) || first_screen.with(Option::is_some);
    view! {
        <a class="skip-link" href="#report">"Skip to the report"</a>
        <AppBar reading=Signal::derive(reading) open_panel=open_panel search_open=search_open help_open=help_open panel_open=panel_open notices=notices />
        {move || remind_to_export.get().then(|| view! { <ExportReminder shown=remind_to_export /> })}
        <OpenPanel open=open_panel shelf=shelf opening=opening />
        <DropOverlay shelf=shelf notices=notices opening=opening />
        <NoticeBar notices=notices />
        {move || match screen.get() {
            Screen::Loading => match first_screen.get() {
                // Markup from the report renderer (`report::html`), which escapes all text.
                Some(html) => view! {
                    <div class="layout" class=("with-panel", move || panel_open.get())>
                        <main id=MAIN_ID tabindex="-1" aria-busy="true" inner_html=html></main>
                    </div>
                }
                .into_any(),
                None => view! { <main id=MAIN_ID tabindex="-1"><p class="loading" role="status">"Opening the report…"</p></main> }.into_any(),
            },
            Screen::Reading(current) => view! { <ReaderView current=current panel_open=panel_open search_open=search_open help_open=help_open notices=notices shelf=shelf /> }.into_any(),
            Screen::Library => Suspend::new(library_view::library_screen(shelf)).into_any(),
            Screen::Notebook(scope) => Suspend::new(notebook_view::notebook_screen(shelf, scope)).into_any(),
            Screen::Missing(missing) => view! { <MissingReport missing=missing open_panel=open_panel /> }.into_any(),
        }}
        <ToastView notices=notices />
    }
}

/// Once the report is open: texts kept in localStorage before texts moved to IndexedDB move now,
/// and whether the reader is to be reminded to export their notes.
fn keep_things_in_order(notices: Notices) -> RwSignal<bool> {
    let remind_to_export = RwSignal::new(false);
    set_timeout(
        move || {
            spawn_local(async move {
                if let Err(problem) = text_store::move_old_texts().await {
                    notices.tell(About::App, problem);
                }
                let kept = Kept::from_answer(text_store::persisted().await);
                let eviction = browser::storage_eviction();
                let due_with_notes = |has_notes| {
                    export_reminder_due(
                        now(),
                        kept,
                        eviction,
                        has_notes,
                        storage::first_kept(),
                        storage::last_export(),
                        storage::export_reminder_dismissed(),
                    )
                };
                // Reading every report's notes only when the rest says a reminder may be due.
                remind_to_export.set(due_with_notes(true) && due_with_notes(storage::has_notes()));
            })
        },
        Duration::from_secs(1),
    );
    remind_to_export
}

/// Opens what the address asks for: the library, the default report, or a report by id (a long
/// one's first screen painted before the whole is parsed).
fn open_what_the_address_asks(
    shelf: LibraryState,
    route: &Route,
    screen: RwSignal<Screen>,
    first_screen: RwSignal<Option<String>>,
    page_shows_first_screen: bool,
) {
    let route = route.clone();
    match (&route.library, &route.report) {
        _ if route.notebook => screen.set(Screen::Notebook(route.report.clone())),
        (true, _) => screen.set(Screen::Library),
        // The bundled report at once (the page shows it already), unless the reader opened a
        // revision of it, whose text is read from storage first.
        (false, None) if shelf.default_revision().is_some() => {
            spawn_local(async move { screen.set(Screen::Reading(shelf.latest_default().await)) })
        }
        (false, None) => screen.set(Screen::Reading(shelf.default_current())),
        (false, Some(id)) => {
            let id = id.clone();
            // Any report but the bundled one is parsed: the parser's part is fetched at once,
            // beside its text.
            if id != crate::report::DEFAULT_REPORT_ID || route.version.is_some() {
                spawn_local(async {
                    on_demand::parse_report(String::new()).await;
                });
            }
            spawn_local(async move {
                screen.set(
                    match shelf
                        .resolve(&id, route.version, page_shows_first_screen, move |html| {
                            first_screen.set(html)
                        })
                        .await
                    {
                        Ok(current) => Screen::Reading(current),
                        Err(missing) => Screen::Missing(missing),
                    },
                );
                first_screen.set(None);
            });
        }
    }
    if route.library {
        spawn_local(async move {
            shelf.fetch_manifest().await;
        });
    }
}

/// Where an opened file goes: shown, its address in the bar; and, while a long PDF is read, its
/// first screen in place of what was on screen, which comes back if it is not opened after all.
fn opening(
    screen: RwSignal<Screen>,
    first_screen: RwSignal<Option<String>>,
    notices: Notices,
    open_panel: RwSignal<bool>,
) -> Opening {
    let before_first_screen = StoredValue::new(None::<Screen>);
    let show_first_screen = Callback::new(move |html: Option<String>| match html {
        Some(html) => {
            if before_first_screen.with_value(Option::is_none) {
                before_first_screen.set_value(Some(screen.get_untracked()));
            }
            first_screen.set(Some(html));
            screen.set(Screen::Loading);
        }
        None => {
            if let Some(before) = before_first_screen.with_value(Clone::clone) {
                before_first_screen.set_value(None);
                first_screen.set(None);
                screen.set(before);
            }
        }
    });
    // Called with a report the reader just opened: show it, and put its address in the bar.
    let show_opened = Callback::new(move |(current, message): (OpenReport, Option<String>)| {
        before_first_screen.set_value(None);
        first_screen.set(None);
        browser::show_query(&Route::query_for(Some(&current.id), None));
        if let Some(message) = message {
            notices.flash(Toast::Info(message), Duration::from_secs(8));
        }
        open_panel.set(false);
        screen.set(Screen::Reading(current));
    });
    Opening {
        opened: show_opened,
        first_screen: show_first_screen,
    }
}

/// A permalink to a report this browser does not have: say so, and offer to open its file.
#[component]
fn MissingReport(missing: Missing, open_panel: RwSignal<bool>) -> impl IntoView {
    let (heading, detail) = match missing {
        Missing::Unknown(id) => (
            "This report is not in your library".to_string(),
            format!(
                "The link asks for the report “{id}”, which this browser has not opened and which is not published with \
                 this reader. Reports you open stay in your own browser, so a link to one works only where it was opened. \
                 If you have the report’s file, open it here and the link will work."
            ),
        ),
        Missing::TextNotKept { title, .. } => (
            format!("“{title}” needs its file again"),
            "Its text could not be kept in this browser’s storage when it was opened (storage was full). Open the file \
             again to read it; your notes on it are still here."
                .to_string(),
        ),
        Missing::Unreachable { id, reason } => (
            "This report could not be fetched".to_string(),
            format!("The report “{id}” is published with this reader, but its file could not be loaded ({reason})."),
        ),
    };
    view! {
        <main id=MAIN_ID class="missing-report" tabindex="-1">
            <h1>{heading}</h1>
            <p>{detail}</p>
            <p class="missing-actions">
                <button type="button" class="primary-button" on:click=move |_| open_panel.set(true)>"Open the report’s file"</button>
                " "
                <a href="?library">"Go to your library"</a>
            </p>
        </main>
    }
}
