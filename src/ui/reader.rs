//! Reading one report: its text with permalinks marked, the reader's annotations on it, the
//! panel listing them, and which version of the report this is.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::annotations::placement::ParagraphIndex;
use crate::annotations::Quote;
use crate::exchange::share::{self, SharedNote};
use crate::exchange::{cite, cite_range, text_fragment};
use crate::permalink::{permalink, resolve, with_fragment, Resolution, Route};
use crate::report::{ParagraphKind, Report};

use super::annotator::Annotator;
use super::browser::{self, copy_and_tell};
use super::cited_by::cited_by_section;
use super::library_state::{LibraryState, OpenReport};
use super::notes_panel::NotesPanel;
use super::on_demand::when_first_wanted;
use super::print::PrintEndnotes;
use super::report_view::ReportView;
use super::search_bar::SearchBar;
use super::selection_bar::SelectionAdder;
use super::shortcuts::{self, help_overlay, ShortcutTargets};
use super::vocabulary::{About, Notices, PageText, ReaderActions, TextSelection, Toast, MAIN_ID};

/// "Version 2 of 3", with the others to switch to.
#[component]
fn VersionBar(current: OpenReport) -> impl IntoView {
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

/// The reports of the library citing this one, fetched a moment after it is shown (only where
/// it has a symbol to be cited by, and the library other reports to cite it).
fn cited_by(shelf: LibraryState, id: &str, report: &Report) -> impl IntoView {
    let wanted = RwSignal::new(false);
    let symbol = report.cover.symbol.clone().unwrap_or_default();
    if !symbol.is_empty() && shelf.library.with_untracked(|l| l.entries().len() > 1) {
        set_timeout(move || wanted.set(true), Duration::from_millis(1500));
    }
    let id = id.to_string();
    when_first_wanted(
        move || wanted.get(),
        move || cited_by_section(shelf, id.clone(), symbol.clone()),
    )
}

#[component]
pub fn ReaderView(
    current: OpenReport,
    panel_open: RwSignal<bool>,
    /// The search bar and the shortcuts' help, opened from the app bar or by keys.
    search_open: RwSignal<bool>,
    help_open: RwSignal<bool>,
    notices: Notices,
    shelf: LibraryState,
) -> impl IntoView {
    let report = current.report.clone();
    browser::set_title(&report.page_title());
    let annotator = Annotator::new(&current.id, ParagraphIndex::new(&report), notices);
    annotator.load();

    let targets = follow_the_address(report.clone(), &current, annotator, notices);
    // What was told about this report and its address is no longer true once another opens.
    on_cleanup(move || {
        notices.withdraw_all(About::Address);
        notices.withdraw_all(About::OpenReport);
    });
    offer_undo(annotator, notices);
    if current.versions > 1 {
        tell_how_notes_fared(annotator, notices);
    }
    offer_selections(annotator);

    let copy_link = Callback::new({
        let report = report.clone();
        move |id: String| {
            let url = permalink(&browser::page_url(), &id);
            let name = report.describe(&id).unwrap_or_else(|| id.clone());
            copy_and_tell(notices, format!("link to {name}"), url);
        }
    });
    let actions = reader_actions(report.clone(), &current, annotator, notices);
    provide_context(actions);
    provide_context(PageText(RwSignal::new(0)));

    let current_paragraph = RwSignal::new(None::<String>);
    shortcuts::install(ShortcutTargets {
        annotator,
        order: std::sync::Arc::new(annotator.paragraph_order()),
        current: current_paragraph,
        help_open,
        search_open,
        copy_link,
        notices,
    });

    let range_citation = range_citation(report.clone(), targets);

    view! {
        {move || range_citation.get().map(|citation| {
            let text = citation.clone();
            view! {
                <div class="range-bar" role="region" aria-label="Paragraphs the link points to">
                    <span>{citation}</span>
                    <button type="button" class="text-button" on:click=move |_| copy_and_tell(notices, "citation".to_string(), text.clone())>"Copy citation"</button>
                </div>
            }
        })}
        <SearchBar open=search_open annotator=annotator />
        <div class="layout" class=("with-panel", move || panel_open.get())>
            <main id=MAIN_ID tabindex="-1">
                {(current.versions > 1).then(|| view! { <VersionBar current=current.clone() /> })}
                <ReportView report=report.clone() targets=targets on_copy_link=copy_link annotator=annotator />
                <PrintEndnotes annotator=annotator />
                {cited_by(shelf, &current.id, &report)}
            </main>
            <NotesPanel annotator=annotator open=panel_open report=report.clone() notices=notices />
        </div>
        <SelectionAdder annotator=annotator />
        {when_first_wanted(move || help_open.get(), move || help_overlay(help_open, current_paragraph))}
        <p class="visually-hidden" role="status" aria-live="polite">{move || annotator.session.announcement.get()}</p>
    }
}

/// Follows the address: the ids its fragment points at (a paragraph, a range, a shared note's
/// paragraph, a passage's), the shared note and passage handed to the views, and what to tell
/// the reader when it points nowhere.
fn follow_the_address(
    report: Arc<Report>,
    current: &OpenReport,
    annotator: Annotator,
    notices: Notices,
) -> Memo<Vec<String>> {
    let fragment = RwSignal::new(browser::fragment());
    // Link clicks, back and forward, and edits of the address all arrive here.
    let hash_listener =
        window_event_listener(ev::hashchange, move |_| fragment.set(browser::fragment()));
    on_cleanup(move || hash_listener.remove());

    // A shared note (`#share=…`) is a preview at its paragraph, not a paragraph id.
    let shared = Memo::new(move |_| fragment.with(|f| share::decode(f)));
    let resolution = Memo::new({
        let report = report.clone();
        let current_id = current.id.clone();
        move |_| {
            match shared.get() {
            Some(Ok(note)) if note.report == current_id => {
                let paragraph = annotator.place_one(&note.annotation);
                match report.describe(&paragraph) {
                    Some(_) => Resolution::Found { ids: vec![paragraph], note: None },
                    None => Resolution::NotFound { message: "The shared note’s paragraph is not in this version of the report.".into() },
                }
            }
            Some(Ok(note)) => Resolution::NotFound {
                message: format!(
                    "This shared note is about another report ({}). Open that report, then the link again.",
                    note.symbol.unwrap_or(note.report)
                ),
            },
            Some(Err(problem)) => Resolution::NotFound { message: problem.to_string() },
            None => fragment.with(|f| resolve(&report, f)),
        }
        }
    });
    // The shared note to preview, and a passage a link names (`#p8:~:text=…`), for the views.
    let current_id = current.id.clone();
    Effect::new(move |_| {
        let note = shared
            .get()
            .and_then(Result::ok)
            .filter(|n| n.report == current_id);
        annotator.session.shared.set(note);
        let passage = fragment.with(|f| text_fragment::parse(f)).and_then(|d| {
            let text = annotator.paragraph_text(&d.paragraph)?;
            d.find_in(&text)
                .map(|(start, end)| (d.paragraph.clone(), start, end))
        });
        annotator.session.target_passage.set(passage);
    });
    let targets = Memo::new(move |_| match resolution.get() {
        Resolution::Found { ids, .. } => ids,
        _ => Vec::new(),
    });
    // Runs after the report is in the page, and again on every change of the fragment.
    Effect::new(move |_| {
        notices.withdraw_all(About::Address);
        match resolution.get() {
            Resolution::Top => {}
            Resolution::Found { ids, note } => {
                if let Some(note) = note {
                    notices.tell(About::Address, note);
                }
                browser::reveal(&ids[0]);
            }
            Resolution::NotFound { message } => notices.tell(About::Address, message),
        }
    });
    targets
}

/// A deletion is told, with a way to undo it.
fn offer_undo(annotator: Annotator, notices: Notices) {
    Effect::new(move |_| {
        if let Some(deleted) = annotator.session.last_deleted.get() {
            let what = annotator.describe(&deleted);
            let what = if deleted.has_note() {
                format!("note on {what}")
            } else {
                format!("highlight on {what}")
            };
            notices.flash(
                Toast::Deleted {
                    what,
                    undo: Callback::new(move |()| annotator.undo_delete()),
                },
                Duration::from_secs(10),
            );
        }
    });
}

/// Annotations carried over from another version: the reader is told how they fared.
fn tell_how_notes_fared(annotator: Annotator, notices: Notices) {
    Effect::new(move |previous: Option<()>| {
        if previous.is_none() {
            let placements = annotator.document.placements.get_untracked();
            let moved = placements
                .entries
                .iter()
                .filter(|e| e.moved_from.is_some())
                .count();
            let orphans = placements.orphans().count();
            if moved + orphans > 0 {
                notices.tell(
                    About::OpenReport,
                    format!(
                        "In this version, {moved} of your highlights and notes moved with their text and {orphans} could \
                         not be placed; the panel lists both."
                    ),
                );
            }
        }
    });
}

/// A selection made with the mouse or the keyboard is offered for highlighting.
fn offer_selections(annotator: Annotator) {
    let offer_selection = move || {
        annotator
            .session
            .selection
            .set(browser::current_selection())
    };
    let pointer = window_event_listener(ev::pointerup, move |_| offer_selection());
    let keys = window_event_listener(ev::keyup, move |ev| {
        if ev.key() == "Escape" {
            annotator.session.selection.set(None);
        } else if ev.shift_key() || ev.key() == "Shift" {
            offer_selection();
        }
    });
    on_cleanup(move || {
        pointer.remove();
        keys.remove();
    });
}

/// What the reader can copy or share from anywhere in the report: citations, a note's link, a
/// passage's link.
fn reader_actions(
    report: Arc<Report>,
    current: &OpenReport,
    annotator: Annotator,
    notices: Notices,
) -> ReaderActions {
    ReaderActions {
        copy_citation: Callback::new({
            let report = report.clone();
            move |id: String| {
                if let Some(paragraph) = report.paragraphs().find(|p| p.id == id) {
                    copy_and_tell(
                        notices,
                        format!("citation of {}", paragraph.name),
                        cite(&report, paragraph),
                    );
                }
            }
        }),
        share_note: Callback::new({
            let symbol = report.cover.symbol.clone();
            let report_id = current.id.clone();
            move |id: String| {
                let Some(annotation) = annotator
                    .document
                    .annotations
                    .with_untracked(|s| s.get(&id).cloned())
                else {
                    return;
                };
                let what = annotator.describe(&annotation);
                let note = SharedNote {
                    v: 1,
                    report: report_id.clone(),
                    symbol: symbol.clone(),
                    annotation,
                };
                let url = with_fragment(&browser::page_url(), &share::encode(&note));
                copy_and_tell(notices, format!("link to the note on {what}"), url);
            }
        }),
        copy_passage_link: Callback::new(move |selection: TextSelection| {
            let Some(text) = annotator.paragraph_text(&selection.paragraph) else {
                return;
            };
            let Some(quote) = Quote::from_text(&text, selection.start, selection.end) else {
                return;
            };
            let url = with_fragment(
                &browser::page_url(),
                &text_fragment::passage_fragment(&selection.paragraph, &quote),
            );
            annotator.session.selection.set(None);
            copy_and_tell(
                notices,
                format!(
                    "link to the passage in {}",
                    annotator.paragraph_name(&selection.paragraph)
                ),
                url,
            );
        }),
    }
}

/// A link to several numbered paragraphs (#p8-10) is cited as a whole.
fn range_citation(report: Arc<Report>, targets: Memo<Vec<String>>) -> Memo<Option<String>> {
    Memo::new(move |_| {
        let ids = targets.get();
        let numbers: Vec<u32> = ids
            .iter()
            .filter_map(|id| report.paragraphs().find(|p| &p.id == id))
            .filter_map(|p| match p.kind {
                ParagraphKind::Numbered(n) => Some(n),
                _ => None,
            })
            .collect();
        (numbers.len() > 1)
            .then(|| cite_range(&report, numbers[0], *numbers.last().unwrap_or(&numbers[0])))
    })
}
