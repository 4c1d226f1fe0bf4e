//! Bringing a report in: a file picker, a paste box, and dropping a file anywhere on the page.
//! Files are read in the browser and never leave it. Reading shows its progress, and a file that
//! cannot be a report is refused with the reason, leaving everything stored as it was.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::permalink::Route;
use crate::report::html::report_html;
use crate::report::input::{reader_for, FileReader, InputError, MAX_BYTES, MAX_DOCUMENT_BYTES};
use crate::report::parse;
use crate::report::pdf::PdfProblem;

use super::browser::{self, Shared};
use super::library_state::{LibraryState, OpenReport};
use super::on_demand::when_first_wanted;
use super::vocabulary::{About, Notices, OPEN_PANEL_ID};

/// What opening is doing, shown in a live region.
#[derive(Clone, PartialEq)]
enum Progress {
    Idle,
    Working(String),
    /// Reading a PDF's pages, which the reader can stop.
    ReadingPdf(String),
    Failed(String),
}

/// Where an opened file goes: the report, once open; and, while a long PDF is read, a first
/// screen of its first pages (`None` when there is none to show any more: it failed or was
/// stopped).
#[derive(Clone, Copy)]
pub struct Opening {
    pub opened: Callback<(OpenReport, Option<String>)>,
    pub first_screen: Callback<Option<String>>,
}

/// A PDF's text, read page by page with the reader told which page, until they stop it; its
/// first pages are shown while the rest is read.
async fn pdf_text(
    bytes: &[u8],
    name: &str,
    progress: RwSignal<Progress>,
    stop: RwSignal<bool>,
    opening: Opening,
) -> Result<String, String> {
    stop.set(false);
    let label = name.to_string();
    let on_page = move |n: u32, total: u32| {
        progress.set(Progress::ReadingPdf(format!(
            "Reading page {n} of {total} of “{label}”…"
        )))
    };
    let on_first_pages = move |json: String| {
        spawn_local(async move {
            let Ok(text) = browser::lay_out_pdf(&json).await else {
                return;
            };
            // Only while the rest is still being read: the whole may be open already.
            if matches!(progress.get_untracked(), Progress::ReadingPdf(_)) {
                opening.first_screen.run(Some(report_html(&parse(&text))));
            }
        });
    };
    let json = browser::read_pdf(bytes, on_page, move || stop.get_untracked(), on_first_pages)
        .await
        .map_err(|(name, message)| PdfProblem::named(&name, &message).to_string())?;
    progress.set(Progress::Working(format!(
        "Laying out the pages of “{name}”…"
    )));
    browser::lay_out_pdf(&json).await
}

/// Reads a file and opens it, telling the reader how it goes. In a part of the app of its own
/// (with the readers of every kind of file), fetched the first time a file is opened.
#[cfg_attr(feature = "split", lazy)]
async fn open_file(
    file: browser::File,
    shelf: LibraryState,
    progress: RwSignal<Progress>,
    stop: RwSignal<bool>,
    opening: Opening,
) {
    let name = file.name();
    let size = file.size() as usize;
    let media_type = file.type_();
    let document = reader_for(&name, &media_type, &[]) != FileReader::Text;
    let limit = if document {
        MAX_DOCUMENT_BYTES
    } else {
        MAX_BYTES
    };
    if size > limit {
        let problem = if document {
            format!(
                "the file is {} MB; PDF and Word files up to {} MB can be opened.",
                (size + 524_288) / 1_048_576,
                MAX_DOCUMENT_BYTES / 1_048_576
            )
        } else {
            InputError::TooLarge { bytes: size }.to_string()
        };
        progress.set(Progress::Failed(format!("“{name}”: {problem}")));
        return;
    }
    progress.set(Progress::Working(format!(
        "Reading “{name}” ({} KB)…",
        (size + 512) / 1024
    )));
    spawn_local(async move {
        let bytes = match browser::read_file(&file).await {
            Ok(bytes) => bytes,
            Err(reason) => {
                return progress.set(Progress::Failed(format!(
                    "“{name}” could not be read: {reason}."
                )))
            }
        };
        let text = match reader_for(&name, &media_type, &bytes[..bytes.len().min(8)]) {
            FileReader::Pdf => pdf_text(&bytes, &name, progress, stop, opening)
                .await
                .map(Some),
            FileReader::Word => {
                progress.set(Progress::Working(format!(
                    "Reading the Word document “{name}”…"
                )));
                browser::read_docx(&bytes).await.map(Some)
            }
            FileReader::Text => Ok(None),
        };
        let opened = match text {
            Err(problem) => Err(problem),
            Ok(text) => {
                progress.set(Progress::Working(format!("Setting out “{name}”…")));
                browser::next_frame().await;
                match text {
                    Some(text) => {
                        shelf
                            .open_text(&text, Some(&name), Some((&name, &media_type, &bytes)))
                            .await
                    }
                    None => shelf.open_bytes(&bytes, Some(&name)).await,
                }
            }
        };
        match opened {
            Ok((current, opened, warning)) => {
                progress.set(Progress::Idle);
                opening.opened.run((current, opened.message(warning)));
            }
            Err(reason) => {
                opening.first_screen.run(None);
                progress.set(Progress::Failed(format!(
                    "“{name}” was not opened. {reason}"
                )));
            }
        }
    });
}

#[component]
pub fn OpenPanel(open: RwSignal<bool>, shelf: LibraryState, opening: Opening) -> impl IntoView {
    view! {
        <section id=OPEN_PANEL_ID class="open-panel" aria-label="Open a report" hidden=move || !open.get()>
            {when_first_wanted(move || open.get(), move || open_tools(open, shelf, opening))}
        </section>
    }
}

/// What the "Open a report" panel holds, in the part of the app that opens files: fetched the
/// first time the panel is opened.
#[cfg_attr(feature = "split", lazy)]
async fn open_tools(open: RwSignal<bool>, shelf: LibraryState, opening: Opening) -> AnyView {
    view! { <OpenTools open=open shelf=shelf opening=opening /> }.into_any()
}

#[component]
fn OpenTools(open: RwSignal<bool>, shelf: LibraryState, opening: Opening) -> impl IntoView {
    let progress = RwSignal::new(Progress::Idle);
    let stop = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let open_pasted = move || {
        let text = pasted.get_untracked();
        spawn_local(async move {
            match shelf.open_text(&text, None, None).await {
                Ok((current, opened, warning)) => {
                    pasted.set(String::new());
                    progress.set(Progress::Idle);
                    opening.opened.run((current, opened.message(warning)));
                }
                Err(reason) => progress.set(Progress::Failed(format!(
                    "The pasted text was not opened. {reason}"
                ))),
            }
        });
    };
    view! {
            <div class="open-row">
                <label class="file-button">
                    <input type="file" class="visually-hidden" accept=".txt,.md,.markdown,.text,.html,.htm,.pdf,.docx,.doc,.docm,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        aria-label="Choose a report file"
                        on:change=move |ev| {
                            if let Some(file) = browser::chosen_files(&ev).into_iter().next() {
                                spawn_local(open_file(file, shelf, progress, stop, opening));
                            }
                        } />
                    <span aria-hidden="true">"Choose a file…"</span>
                </label>
                <span class="open-hint">"or drop a file anywhere on the page. PDF, Word (.docx), plain text, Markdown or HTML; it stays in your browser."</span>
            </div>
            <label class="paste-label" for="paste-box">"Or paste the report’s text"</label>
            <textarea id="paste-box" class="paste-box" rows="5" prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <div class="open-row">
                <button type="button" class="primary-button" on:click=move |_| open_pasted()>"Open pasted text"</button>
                <button type="button" class="text-button" on:click=move |_| open.set(false)>"Close"</button>
            </div>
            <p class="open-progress" role="status" aria-live="polite">
                {move || match progress.get() {
                    Progress::Idle => None,
                    Progress::Working(message) => Some(view! { <span class="working">{message}</span> }.into_any()),
                    Progress::ReadingPdf(message) => Some(view! {
                        <span class="working">{message}</span>" "
                        <button type="button" class="text-button" on:click=move |_| stop.set(true)>"Stop reading the PDF"</button>
                    }.into_any()),
                    Progress::Failed(message) => Some(view! { <span class="failed">{message}</span> }.into_any()),
                }}
            </p>
    }
}

/// Files that come from outside the page: dropped anywhere on it, opened with the installed
/// reader from the system (its file handlers), or shared to it from another app (its share
/// target, `?shared`). Each opens as a chosen file does.
#[component]
pub fn DropOverlay(shelf: LibraryState, notices: Notices, opening: Opening) -> impl IntoView {
    let over = RwSignal::new(false);
    let progress = RwSignal::new(Progress::Idle);
    let stop = RwSignal::new(false);
    browser::on_launched_files(move |file| {
        spawn_local(open_file(file, shelf, progress, stop, opening))
    });
    if Route::from_query(&browser::query()).shared {
        spawn_local(async move {
            match browser::take_shared().await {
                Some(Shared::File(file)) => open_file(file, shelf, progress, stop, opening).await,
                Some(Shared::Link(link)) => notices.tell(About::App, format!(
                    "A web address was shared to the reader ({link}). It opens reports from files and text, not from addresses: save the report from that page, then open the file here."
                )),
                None => {}
            }
        });
    }
    let enter = window_event_listener(ev::dragover, move |ev| {
        ev.prevent_default();
        over.set(true);
    });
    let leave = window_event_listener(ev::dragleave, move |ev| {
        if ev.related_target().is_none() {
            over.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |ev| {
        ev.prevent_default();
        over.set(false);
        if let Some(file) = browser::dropped_files(&ev).into_iter().next() {
            spawn_local(open_file(file, shelf, progress, stop, opening));
        }
    });
    on_cleanup(move || {
        enter.remove();
        leave.remove();
        drop.remove();
    });
    // Problems with a dropped file are told like any other notice.
    Effect::new(move |_| {
        if let Progress::Failed(message) = progress.get() {
            notices.tell(About::App, message);
            progress.set(Progress::Idle);
        }
    });
    view! {
        <div class="drop-overlay" hidden=move || !over.get() aria-hidden="true">"Drop the report file to open it"</div>
        <p class="drop-progress" role="status" aria-live="polite">
            {move || match progress.get() {
                Progress::Working(message) => Some(view! { {message} }.into_any()),
                Progress::ReadingPdf(message) => Some(view! {
                    {message}" "
                    <button type="button" class="text-button" on:click=move |_| stop.set(true)>"Stop reading the PDF"</button>
                }.into_any()),
                _ => None,
            }}
        </p>
    }
}
