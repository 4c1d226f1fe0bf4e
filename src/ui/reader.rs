//! Reading one report: its text with permalinks marked, the reader's annotations on it, the
//! panel listing them, and which version of the report this is.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::annotations::placement::ParagraphIndex;
use crate::permalink::{permalink, resolve, Resolution, Route};
use crate::report::Report;

use super::annotator::Annotator;
use super::browser;
use super::notes::{NotesPanel, SelectionAdder};
use super::report_view::ReportView;
use super::shelf::Current;
use super::{Toast, Toasts};

fn page_title(report: &Report) -> String {
    match (&report.cover.symbol, &report.cover.title) {
        (Some(symbol), Some(title)) => format!("{} — {symbol}", title.plain()),
        (None, Some(title)) => title.plain(),
        (Some(symbol), None) => symbol.clone(),
        (None, None) => "Report reader".to_string(),
    }
}

/// "Version 2 of 3", with the others to switch to.
#[component]
fn VersionBar(current: Current) -> impl IntoView {
    let id = current.id.clone();
    let href = move |v: usize| Route::query_for(Some(&id), (v != current.versions).then_some(v));
    let links: Vec<AnyView> = (1..=current.versions)
        .map(|v| {
            if v == current.version {
                view! { <span class="version is-current" aria-current="page">{format!("version {v}")}</span> }.into_any()
            } else {
                view! { <a class="version" href=href(v)>{format!("version {v}")}</a> }.into_any()
            }
        })
        .collect();
    view! {
        <nav class="version-bar" aria-label="Versions of this report">
            <span class="version-status">{format!("You are reading version {} of {}.", current.version, current.versions)}</span>
            " "
            {links}
        </nav>
    }
}

#[component]
pub fn ReaderView(current: Current, panel_open: RwSignal<bool>, notices: RwSignal<Vec<String>>, toasts: Toasts) -> impl IntoView {
    let report = current.report.clone();
    browser::set_title(&page_title(&report));
    let annotator = Annotator::new(&current.id, ParagraphIndex::new(&report));
    annotator.load();

    let fragment = RwSignal::new(browser::fragment());
    // Link clicks, back and forward, and edits of the address all arrive here.
    let hash_listener = window_event_listener(ev::hashchange, move |_| fragment.set(browser::fragment()));
    on_cleanup(move || hash_listener.remove());

    let resolution = Memo::new({
        let report = report.clone();
        move |_| fragment.with(|f| resolve(&report, f))
    });
    let targets = Memo::new(move |_| match resolution.get() {
        Resolution::Found { ids, .. } => ids,
        _ => Vec::new(),
    });
    let link_notice = RwSignal::new(None::<String>);
    // Runs after the report is in the page, and again on every change of the fragment.
    Effect::new(move |_| match resolution.get() {
        Resolution::Top => link_notice.set(None),
        Resolution::Found { ids, note } => {
            link_notice.set(note);
            browser::reveal(&ids[0]);
        }
        Resolution::NotFound { message } => link_notice.set(Some(message)),
    });

    Effect::new(move |_| {
        if let Some(deleted) = annotator.last_deleted.get() {
            let what = annotator.describe(&deleted);
            let what = if deleted.has_note() { format!("note on {what}") } else { format!("highlight on {what}") };
            toasts.show(Toast::Deleted { what, annotator }, Duration::from_secs(10));
        }
    });
    // Annotations carried over from another version: say how they fared.
    if current.versions > 1 {
        Effect::new(move |previous: Option<()>| {
            if previous.is_none() {
                let placements = annotator.placements.get_untracked();
                let moved = placements.entries.iter().filter(|e| e.moved_from.is_some()).count();
                let orphans = placements.orphans().count();
                if moved + orphans > 0 {
                    notices.update(|n| {
                        n.push(format!(
                            "In this version, {moved} of your highlights and notes moved with their text and {orphans} could \
                             not be placed; the panel lists both."
                        ))
                    });
                }
            }
        });
    }

    // A selection made with the mouse or the keyboard is offered for highlighting.
    let offer_selection = move || annotator.selection.set(browser::current_selection());
    let pointer = window_event_listener(ev::pointerup, move |_| offer_selection());
    let keys = window_event_listener(ev::keyup, move |ev| {
        if ev.key() == "Escape" {
            annotator.selection.set(None);
        } else if ev.shift_key() || ev.key() == "Shift" {
            offer_selection();
        }
    });
    on_cleanup(move || {
        pointer.remove();
        keys.remove();
    });

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
                toasts.show(shown, Duration::from_secs(4));
            });
        }
    });

    view! {
        <super::NoticeBar link_notice=link_notice lists=vec![annotator.problems, notices] />
        <div class="layout" class=("with-panel", move || panel_open.get())>
            <main id="report" tabindex="-1">
                {(current.versions > 1).then(|| view! { <VersionBar current=current.clone() /> })}
                <ReportView report=report targets=targets on_copy_link=copy_link annotator=annotator />
            </main>
            <NotesPanel annotator=annotator open=panel_open />
        </div>
        <SelectionAdder annotator=annotator />
    }
}
