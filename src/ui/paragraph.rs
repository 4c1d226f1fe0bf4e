//! A paragraph as the app sets it out: its number and pages in the margin, its text with the
//! reader's highlights marked, its link, highlight, note and citation buttons, its notes and its
//! sub-paragraphs; and what the report's views share to set out headings and paragraphs alike.

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;

use crate::annotations::marks::{split, Piece};
use crate::annotations::Colour;
use crate::report::html::PAGE_CLASS;
use crate::report::language::direction;
use crate::report::page_spans;
use crate::report::{PageSpan, Paragraph, ParagraphKind};

use super::annotator::{Annotator, Editing};
use super::note_card::{NoteCard, NoteEditor, SharedPreview};
use super::rich_text::span_view;
use super::vocabulary::{ReaderActions, PARAGRAPH_TEXT_CLASS};

/// What every paragraph view needs from the page around it.
#[derive(Clone, Copy)]
pub(super) struct ReportContext {
    /// Whether each element is a target of the address, one signal per element, so a new
    /// address wakes the elements it marks or unmarks and no others.
    pub(super) target_flags: StoredValue<HashMap<String, RwSignal<bool>>>,
    pub(super) targets: Signal<Vec<String>>,
    pub(super) on_copy_link: Callback<String>,
    pub(super) annotator: Annotator,
    /// The pages each paragraph came from, where the report has pages.
    pub(super) pages: StoredValue<BTreeMap<String, PageSpan>>,
    /// The report's contents as links, and the heading they stand under (`html::contents_html`).
    pub(super) contents: StoredValue<Option<(String, String)>>,
}

/// The ¶ link and the copy button that every addressable element carries in its margin.
pub(super) fn link_tools(id: &str, name: &str, wiring: ReportContext) -> impl IntoView {
    let copy_id = id.to_string();
    view! {
        <span class="link-tools">
            <a class="self-link" href=format!("#{id}") aria-label=format!("Link to {name}")>"¶"</a>
            <button
                type="button"
                class="copy-link"
                aria-label=format!("Copy link to {name}")
                title=format!("Copy link to {name}")
                on:click=move |_| wiring.on_copy_link.run(copy_id.clone())
            >
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.7-3.7L5.3 7.8" />
                </svg>
            </button>
        </span>
    }
}

/// "Copy citation for paragraph 8", where the reader view offers it.
pub(super) fn citation_button(id: &str, name: &str) -> Option<impl IntoView> {
    let actions = use_context::<ReaderActions>()?;
    let id = id.to_string();
    Some(view! {
        <button type="button" class="tool cite" aria-label=format!("Copy citation for {name}") title=format!("Copy citation for {name}")
            on:click=move |_| actions.copy_citation.run(id.clone())>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 6.5h3v3.5H4zM4 10c0 1.5-.5 2.5-1.5 3M9.5 6.5h3v3.5h-3zM9.5 10c0 1.5-.5 2.5-1.5 3" /></svg>
        </button>
    })
}

pub(super) fn is_target(
    wiring: ReportContext,
    id: &str,
) -> impl Fn() -> bool + Send + Sync + 'static {
    let flag = match wiring.target_flags.with_value(|f| f.get(id).copied()) {
        Some(flag) => flag,
        None => {
            let flag = RwSignal::new(wiring.targets.with_untracked(|t| t.iter().any(|x| x == id)));
            wiring.target_flags.update_value(|f| {
                f.insert(id.to_string(), flag);
            });
            flag
        }
    };
    move || flag.get()
}

/// The highlight and note buttons in a paragraph's margin.
pub(super) fn annotation_tools(id: &str, name: &str, annotator: Annotator) -> impl IntoView {
    let (toggle_id, note_id) = (id.to_string(), id.to_string());
    let state = annotator.paragraph_state(id);
    let highlighted = move || state.with(|s| s.whole.as_ref().is_some_and(|a| a.colour.is_some()));
    let has_note = move || state.with(|s| s.whole.as_ref().is_some_and(|a| a.has_note()));
    let note_label = {
        let name = name.to_string();
        move || {
            if has_note() {
                format!("Edit note on {name}")
            } else {
                format!("Add note to {name}")
            }
        }
    };
    view! {
        <span class="annotation-tools">
            <button type="button" class="tool highlight-toggle" aria-label=format!("Highlight {name}")
                aria-pressed=move || highlighted().to_string()
                on:click=move |_| annotator.toggle_paragraph_highlight(&toggle_id)>
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 13h4M4.5 11.5l-1-1 6.8-6.8 2 2-6.8 6.8z" /></svg>
            </button>
            <button type="button" class="tool note-button" aria-label=note_label
                on:click=move |_| annotator.open_paragraph_note(&note_id)>
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 3.5h10v7H8l-3 2.5v-2.5H3z" /></svg>
            </button>
        </span>
    }
}

/// The paragraph's text, with its highlighted passages marked.
pub(super) fn marked_text(paragraph: &Paragraph, annotator: Annotator) -> impl IntoView {
    let text = paragraph.text.clone();
    let state = annotator.paragraph_state(&paragraph.id);
    let marks = Memo::new(move |_| state.with(|s| s.marks.clone()));
    move || {
        marks.with(|marks| {
            let mut seen = std::collections::HashSet::new();
            split(&text, marks)
                .iter()
                .map(|piece| {
                    let first = piece
                        .marks
                        .last()
                        .is_some_and(|m| seen.insert(m.annotation.clone()));
                    piece_view(piece, first, annotator)
                })
                .collect::<Vec<_>>()
        })
    }
}

/// One run of text; a highlighted run opens its editor when clicked, and the first run of each
/// highlight is a keyboard stop too (Enter or Space opens it).
pub(super) fn piece_view(piece: &Piece, first_of_its_mark: bool, annotator: Annotator) -> AnyView {
    let inner = span_view(&piece.span);
    match piece.marks.last() {
        None => inner,
        Some(mark) if mark.annotation.is_empty() => {
            view! { <mark class="passage-target">{inner}</mark> }.into_any()
        }
        Some(mark) => {
            let id = mark.annotation.clone();
            let key_id = mark.annotation.clone();
            view! {
                <mark class="hl" data-colour=mark.colour.map(Colour::key) data-annotation=mark.annotation.clone()
                    tabindex=first_of_its_mark.then_some("0") title="Edit this highlight or its note"
                    on:click=move |_| annotator.session.editing.set(Some(Editing::Existing(id.clone())))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            annotator.session.editing.set(Some(Editing::Existing(key_id.clone())));
                        }
                    }>{inner}</mark>
            }
            .into_any()
        }
    }
}

/// The notes written on a paragraph and its passages, and the editor when it is open here.
pub(super) fn paragraph_notes(paragraph: &Paragraph, annotator: Annotator) -> impl IntoView {
    let state = annotator.paragraph_state(&paragraph.id);
    let shown =
        Memo::new(move |_| state.with(|s| (s.cards.clone(), s.new_note.clone(), s.shared_here)));
    move || {
        let (cards, new_here, preview) = shown.get();
        if cards.is_empty() && new_here.is_none() && !preview {
            return None;
        }
        let views: Vec<AnyView> = cards
            .into_iter()
            .map(|(annotation, editing)| {
                if editing {
                    view! { <NoteEditor editing=Editing::Existing(annotation.id.clone()) annotator=annotator /> }.into_any()
                } else {
                    view! { <NoteCard annotation=annotation annotator=annotator /> }.into_any()
                }
            })
            .collect();
        Some(view! {
            <div class="para-notes">
                {preview.then(|| view! { <SharedPreview annotator=annotator /> })}
                {views}
                {new_here.map(|editing| view! { <NoteEditor editing=editing annotator=annotator /> })}
            </div>
        })
    }
}

pub(super) fn paragraph_view(
    paragraph: &Paragraph,
    parent_pages: Option<PageSpan>,
    wiring: ReportContext,
    awake: Signal<bool>,
) -> AnyView {
    let pages = wiring
        .pages
        .with_value(|pages| pages.get(&paragraph.id).copied());
    let kind = match paragraph.kind {
        ParagraphKind::Numbered(_) => "numbered",
        ParagraphKind::Sub(_) => "sub",
        ParagraphKind::Unnumbered => "unnumbered",
    };
    let annotator = wiring.annotator;
    let children: Vec<AnyView> = paragraph
        .children
        .iter()
        .map(|child| paragraph_view(child, pages, wiring, awake))
        .collect();
    let state = annotator.paragraph_state(&paragraph.id);
    let colour = move || state.with(|s| s.whole.as_ref().and_then(|a| a.colour).map(Colour::key));
    let has_note = Memo::new(move |_| state.with(|s| s.has_note));
    let (id, name) = (paragraph.id.clone(), paragraph.name.clone());
    let (side_id, side_name) = (paragraph.id.clone(), paragraph.name.clone());
    view! {
        <div
            id=paragraph.id.clone()
            class="para"
            class=("is-target", is_target(wiring, &paragraph.id))
            data-kind=kind
            dir=direction(&paragraph.text.plain()).attribute()
            data-highlight=colour
            data-has-note=move || has_note.get().then_some("true")
            tabindex="-1"
        >
            <div class="para-margin">
                {move || awake.get().then(|| link_tools(&id, &name, wiring))}
                {paragraph.label().map(|label| view! { <span class="para-label" class=("long", paragraph.has_long_label())>{label}</span> })}
                {page_spans::shown(pages, parent_pages).map(|span| view! {
                    <span class=PAGE_CLASS><span aria-hidden="true">{span.to_string()}</span><span class="visually-hidden">{span.spoken()}</span></span>
                })}
            </div>
            <p class=PARAGRAPH_TEXT_CLASS>{marked_text(paragraph, annotator)}</p>
            {move || awake.get().then(|| view! {
                <span class="para-side">
                    {annotation_tools(&side_id, &side_name, annotator)}
                    {citation_button(&side_id, &side_name)}
                    <span class="note-marker" title="Has a note" aria-hidden="true" hidden=move || !has_note.get()>
                        <svg viewBox="0 0 16 16" focusable="false"><path d="M3 3.5h10v7H8l-3 2.5v-2.5H3z" /></svg>
                    </span>
                </span>
            })}
            {paragraph_notes(paragraph, annotator)}
            {(!children.is_empty()).then(|| view! { <div class="para-children">{children}</div> })}
        </div>
    }
    .into_any()
}
