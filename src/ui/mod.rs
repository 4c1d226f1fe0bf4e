//! The Leptos app: it wires the report, the page address and the clipboard to the views.

mod browser;
mod report_view;

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::permalink::{permalink, resolve, Resolution};
use crate::report::{parse, Report, DEFAULT_REPORT};

pub use report_view::ReportView;

/// A short confirmation that comes and goes at the foot of the page.
#[derive(Clone, PartialEq)]
enum Toast {
    Copied { name: String, url: String },
    /// The clipboard refused: the link is shown, selected, for the reader to copy by hand.
    CopyBlocked { name: String, url: String },
}

const TOAST_MILLIS: u64 = 4000;

#[component]
pub fn App() -> impl IntoView {
    let report = Arc::new(parse(DEFAULT_REPORT));
    browser::set_title(&page_title(&report));

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
                toast.set(Some(shown.clone()));
                set_timeout(
                    move || toast.update(|t| if t.as_ref() == Some(&shown) { *t = None }),
                    std::time::Duration::from_millis(TOAST_MILLIS),
                );
            });
        }
    });

    view! {
        <a class="skip-link" href="#report">"Skip to the report"</a>
        <header class="app-bar">
            <span class="app-name">"Report reader"</span>
        </header>
        <NoticeBar notice=notice />
        <main id="report" tabindex="-1">
            <ReportView report=report targets=targets on_copy_link=copy_link />
        </main>
        <ToastView toast=toast />
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

/// A message about the address the page was opened with, above the report and dismissable.
#[component]
fn NoticeBar(notice: RwSignal<Option<String>>) -> impl IntoView {
    move || {
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
    }
}

#[component]
fn ToastView(toast: RwSignal<Option<Toast>>) -> impl IntoView {
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
