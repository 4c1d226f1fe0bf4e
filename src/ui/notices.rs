//! What the app tells the reader outside the report: notices above the main area (about the
//! address, about saved data, the reminder to export notes) and toasts at its foot.

use leptos::prelude::*;

use super::browser;
use super::storage;
use super::vocabulary::{capitalised, now, About, Notices, Toast};

/// The reminder to export one's notes, where the browser may clear them and a month has passed
/// without an export (five days where it deletes unvisited sites' storage); dismissed, it waits
/// as long again.
#[component]
pub fn ExportReminder(shown: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="notice export-reminder" role="status">
            <p>
                {browser::storage_eviction().export_reminder()}
                <a href="?library">"Export them from your library"</a>
                "."
            </p>
            <button type="button" class="notice-dismiss" aria-label="Dismiss the reminder to export your notes"
                on:click=move |_| {
                    storage::dismiss_export_reminder(now());
                    shown.set(false);
                }>"Dismiss"</button>
        </div>
    }
}

/// The lasting notices above the main area, each dismissable.
#[component]
pub fn NoticeBar(notices: Notices) -> impl IntoView {
    let shown = move || {
        notices
            .lasting()
            .into_iter()
            .map(|notice| {
                // The address's notice is about where the reader is; the others about what is kept.
                let (class, dismiss) = match notice.about {
                    About::Address => ("notice", "Dismiss notice"),
                    About::OpenReport | About::App => {
                        ("notice storage-notice", "Dismiss storage notice")
                    }
                };
                let text = notice.text.clone();
                view! {
                    <div class=class role="alert">
                        <p>{text}</p>
                        <button type="button" class="notice-dismiss" aria-label=dismiss
                            on:click=move |_| notices.dismiss(&notice)>"Dismiss"</button>
                    </div>
                }
            })
            .collect_view()
    };
    // Sticky, so a message about saving is seen wherever the reader is in the report.
    view! { <div class="notices">{shown}</div> }
}

#[component]
pub fn ToastView(notices: Notices) -> impl IntoView {
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                notices.toast().map(|t| match t {
                    Toast::Copied { label, text } => {
                        let shown: String = text.chars().take(160).collect();
                        let more = if text.chars().count() > 160 { "…" } else { "" };
                        view! {
                            <div class="toast">
                                <p>"Copied " {label}</p>
                                <p class="toast-url">{shown}{more}</p>
                            </div>
                        }
                        .into_any()
                    }
                    Toast::Info(message) => view! { <div class="toast"><p>{message}</p></div> }.into_any(),
                    Toast::Deleted { what, undo } => view! {
                        <div class="toast toast-with-action">
                            <p>"Deleted " {what}</p>
                            <button type="button" class="toast-action" on:click=move |_| {
                                undo.run(());
                                notices.clear_toast();
                            }>"Undo"</button>
                        </div>
                    }
                    .into_any(),
                    Toast::CopyBlocked { label, text } => {
                        let field_name = capitalised(&label);
                        view! {
                            <div class="toast">
                                <p>"Copy this " {label} ":"</p>
                                <input class="toast-url-field" readonly aria-label=field_name value=text
                                    on:focus=|ev| browser::select_field_text(&ev) />
                            </div>
                        }
                        .into_any()
                    }
                })
            }}
        </div>
    }
}
