//! The Leptos app: it wires the report, the page address and the clipboard to the views.

mod annotator;
mod browser;
mod notes;
mod report_view;
pub mod storage;

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::annotations::placement::ParagraphIndex;
use crate::permalink::{permalink, resolve, Resolution};
use crate::report::{parse, Report, DEFAULT_REPORT, DEFAULT_REPORT_ID};

pub use annotator::Annotator;
use notes::{NotesPanel, SelectionAdder};
pub use report_view::ReportView;

/// A short confirmation that comes and goes at the foot of the page.
#[derive(Clone, PartialEq)]
enum Toast {
    Copied { name: String, url: String },
    /// The clipboard refused: the link is shown, selected, for the reader to copy by hand.
    CopyBlocked { name: String, url: String },
    /// An annotation was deleted; the toast offers to undo it.
    Deleted { what: String },
}

const TOAST_MILLIS: u64 = 4000;
/// Long enough to notice a deletion and undo it.
const UNDO_MILLIS: u64 = 10000;

#[component]
pub fn App() -> impl IntoView {
    let report = Arc::new(parse(DEFAULT_REPORT));
    browser::set_title(&page_title(&report));
    let annotator = Annotator::new(DEFAULT_REPORT_ID, ParagraphIndex::new(&report));
    annotator.load();

    let fragment = RwSignal::new(browser::fragment());
    // Link clicks, back and forward, and edits of the address all arrive here.
    window_event_listener(ev::hashchange, move |_| fragment.set(browser::fragment()));

    let resolution = Memo::new({
        let report = report.clone();
        move |_| fragment.with(|f| resolve(&report, f))
    });
    let targets = Memo::new(move |_| match resolution.get() {
        Resolution::Found { ids, .. } => ids,
        _ => Vec::new(),
    });
    let notice = RwSignal::new(None::<String>);
    // Runs after the report is in the page, and again on every change of the fragment.
    Effect::new(move |_| match resolution.get() {
        Resolution::Top => notice.set(None),
        Resolution::Found { ids, note } => {
            notice.set(note);
            browser::reveal(&ids[0]);
        }
        Resolution::NotFound { message } => notice.set(Some(message)),
    });

    let toast = RwSignal::new(None::<Toast>);
    let show_toast = move |shown: Toast, millis: u64| {
        toast.set(Some(shown.clone()));
        set_timeout(
            move || toast.update(|t| if t.as_ref() == Some(&shown) { *t = None }),
            std::time::Duration::from_millis(millis),
        );
    };
    Effect::new(move |_| {
        if let Some(deleted) = annotator.last_deleted.get() {
            let what = annotator.describe(&deleted);
            let what = if deleted.has_note() { format!("note on {what}") } else { format!("highlight on {what}") };
            show_toast(Toast::Deleted { what }, UNDO_MILLIS);
        }
    });

    // A selection made with the mouse or the keyboard is offered for highlighting.
    let offer_selection = move || annotator.selection.set(browser::current_selection());
    window_event_listener(ev::pointerup, move |_| offer_selection());
    window_event_listener(ev::keyup, move |ev| {
        if ev.key() == "Escape" {
            annotator.selection.set(None);
        } else if ev.shift_key() || ev.key() == "Shift" {
            offer_selection();
        }
    });

    let panel_open = RwSignal::new(browser::is_wide_screen());
    let note_count = move || annotator.annotations.with(|s| s.len());

    let copy_link = Callback::new({
        let report = report.clone();
        move |id: String| {
            let url = permalink(&browser::page_url(), &id);
            let name = report.describe(&id).unwrap_or_else(|| id.clone());
            spawn_local(async move {
                let shown = match browser::copy_text(&url).await {
                    Ok(()) => Toast::Copied { name, url },
                    Err(()) => Toast::CopyBlocked { name, url },
                };
                show_toast(shown, TOAST_MILLIS);
            });
        }
    });

    view! {
        <a class="skip-link" href="#report">"Skip to the report"</a>
        <header class="app-bar">
            <span class="app-name">"Report reader"</span>
            <button type="button" class="panel-toggle" aria-controls="notes-panel"
                aria-expanded=move || panel_open.get().to_string()
                on:click=move |_| panel_open.update(|o| *o = !*o)>
                "Highlights and notes " <span class="count">{note_count}</span>
            </button>
        </header>
        <NoticeBar notice=notice problems=annotator.problems />
        <div class="layout" class=("with-panel", move || panel_open.get())>
            <main id="report" tabindex="-1">
                <ReportView report=report targets=targets on_copy_link=copy_link annotator=annotator />
            </main>
            <NotesPanel annotator=annotator open=panel_open />
        </div>
        <SelectionAdder annotator=annotator />
        <ToastView toast=toast annotator=annotator />
    }
}

fn page_title(report: &Report) -> String {
    match (&report.cover.symbol, &report.cover.title) {
        (Some(symbol), Some(title)) => format!("{} — {symbol}", title.plain()),
        (None, Some(title)) => title.plain(),
        (Some(symbol), None) => symbol.clone(),
        (None, None) => "Report reader".to_string(),
    }
}

/// Messages above the report, each dismissable: about the address the page was opened with,
/// and about saved data (unreadable, not saved).
#[component]
fn NoticeBar(notice: RwSignal<Option<String>>, problems: RwSignal<Vec<String>>) -> impl IntoView {
    let link_notice = move || {
        notice.get().map(|message| {
            view! {
                <div class="notice" role="alert">
                    <p>{message}</p>
                    <button type="button" class="notice-dismiss" aria-label="Dismiss notice" on:click=move |_| notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    };
    let storage_notices = move || {
        problems
            .get()
            .into_iter()
            .map(|message| {
                let dismissed = message.clone();
                view! {
                    <div class="notice storage-notice" role="alert">
                        <p>{message}</p>
                        <button type="button" class="notice-dismiss" aria-label="Dismiss storage notice"
                            on:click=move |_| problems.update(|p| p.retain(|m| *m != dismissed))>"Dismiss"</button>
                    </div>
                }
            })
            .collect_view()
    };
    // Sticky, so a message about saving is seen wherever the reader is in the report.
    view! { <div class="notices">{storage_notices} {link_notice}</div> }
}

#[component]
fn ToastView(toast: RwSignal<Option<Toast>>, annotator: Annotator) -> impl IntoView {
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                toast.get().map(|t| match t {
                    Toast::Copied { name, url } => view! {
                        <div class="toast">
                            <p>"Copied link to " {name}</p>
                            <p class="toast-url">{url}</p>
                        </div>
                    }
                    .into_any(),
                    Toast::Deleted { what } => view! {
                        <div class="toast toast-with-action">
                            <p>"Deleted " {what}</p>
                            <button type="button" class="toast-action" on:click=move |_| {
                                annotator.undo_delete();
                                toast.set(None);
                            }>"Undo"</button>
                        </div>
                    }
                    .into_any(),
                    Toast::CopyBlocked { name, url } => {
                        let field_name = format!("Link to {name}");
                        view! {
                        <div class="toast">
                            <p>"Copy this link to " {name} ":"</p>
                            <input
                                class="toast-url-field"
                                readonly
                                aria-label=field_name
                                value=url
                                on:focus=|ev| browser::select_field_text(&ev)
                            />
                        </div>
                        }
                        .into_any()
                    }
                })
            }}
        </div>
    }
}
