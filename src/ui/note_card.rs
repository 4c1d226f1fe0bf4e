//! A note as a card under its paragraph (with its passage, colour and actions), a note shared by
//! link shown before the reader adds it, and the note editor with its colour choices.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::annotations::{Annotation, Colour};
use crate::report::RichText;

use super::annotator::{Annotator, Editing};
use super::on_demand::read_note;
use super::rich_text::rich_text;
use super::vocabulary::ReaderActions;

/// A note's text, its Markdown read by the parser's part (fetched with the first note shown).
/// Until that has come, the text as written: never a card without its words.
pub(super) fn note_text(note: &str) -> impl IntoView {
    let blocks = RwSignal::new(None::<Vec<Vec<RichText>>>);
    let written = note.to_string();
    spawn_local(async move { blocks.set(Some(read_note(written).await)) });
    let note = note.to_string();
    move || match blocks.get() {
        Some(blocks) => note_blocks_view(blocks).into_any(),
        None => as_written(&note).into_any(),
    }
}

/// A note's text as written: its paragraphs (apart where a line is blank) and lines.
fn as_written(note: &str) -> impl IntoView {
    note.split("\n\n")
        .filter(|paragraph| !paragraph.trim().is_empty())
        .map(|paragraph| {
            let lines: Vec<AnyView> = paragraph
                .trim()
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    let gap = (i > 0).then(|| view! { <br /> });
                    view! { {gap} {line.to_string()} }.into_any()
                })
                .collect();
            view! { <p>{lines}</p> }
        })
        .collect_view()
}

fn note_blocks_view(blocks: Vec<Vec<RichText>>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|lines| {
            let count = lines.len();
            let lines: Vec<AnyView> = lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    view! { {rich_text(line)} {(i + 1 < count).then(|| view! { <br /> })} }
                        .into_any()
                })
                .collect();
            view! { <p>{lines}</p> }
        })
        .collect_view()
}

pub(super) fn quote_view(annotation: &Annotation) -> Option<impl IntoView> {
    annotation
        .target
        .quote()
        .map(|q| view! { <blockquote class="note-quote">{q.exact.clone()}</blockquote> })
}

/// How many note editors this page has opened, to name each one's colour choices apart.
static EDITORS_OPENED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A written note under its paragraph, with its passage, colour and actions.
#[component]
pub fn NoteCard(annotation: Annotation, annotator: Annotator) -> impl IntoView {
    let what = annotator.describe(&annotation);
    let id = annotation.id.clone();
    let delete_id = id.clone();
    let share_id = id.clone();
    let share_what = what.clone();
    let card_id = format!("note-{id}");
    let colour = annotation.colour;
    let meaning = move || colour.map(|c| annotator.document.palette.with(|p| p.meaning(c)));
    let tags = (!annotation.tags.is_empty()).then(|| {
        view! {
            <ul class="note-tags" aria-label="Tags">
                {annotation.tags.iter().map(|tag| view! { <li class="chip">{tag.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <div class="note-card" data-colour=colour.map(Colour::key) id=card_id>
            {quote_view(&annotation)}
            <div class="note-body">{note_text(&annotation.note)}</div>
            <div class="note-footer">
                {move || meaning().map(|m| view! { <span class="chip" data-colour=colour.map(Colour::key)>{m}</span> })}
                {tags}
                <span class="note-actions">
                    <button type="button" class="text-button" aria-label=format!("Edit note on {what}")
                        on:click=move |_| annotator.session.editing.set(Some(Editing::Existing(id.clone())))>"Edit"</button>
                    {use_context::<ReaderActions>().map(|actions| {
                        let share_id = share_id.clone();
                        view! {
                            <button type="button" class="text-button" aria-label=format!("Share note on {share_what}")
                                on:click=move |_| actions.share_note.run(share_id.clone())>"Share"</button>
                        }
                    })}
                    <button type="button" class="text-button" aria-label=format!("Delete note on {what}")
                        on:click=move |_| annotator.delete(&delete_id)>"Delete"</button>
                </span>
            </div>
        </div>
    }
}

/// A note someone shared by link, at its paragraph: clearly not the reader's until added.
#[component]
pub fn SharedPreview(annotator: Annotator) -> impl IntoView {
    move || {
        annotator.session.shared.get().map(|shared| {
            let annotation = shared.annotation.clone();
            let colour = annotation.colour;
            view! {
                <div class="note-card shared-preview" data-colour=colour.map(Colour::key) role="region" aria-label="Shared note, not in your notes yet">
                    <p class="shared-label">"Shared with you · not in your notes yet"</p>
                    {quote_view(&annotation)}
                    <div class="note-body">{note_text(&annotation.note)}</div>
                    <div class="note-footer">
                        {colour.map(|c| view! { <span class="chip" data-colour=c.key()>{annotator.document.palette.with_untracked(|p| p.meaning(c))}</span> })}
                        <span class="note-actions">
                            <button type="button" class="primary-button" on:click=move |_| annotator.accept_shared()>"Add to my notes"</button>
                            <button type="button" class="text-button" on:click=move |_| annotator.session.shared.set(None)>"Dismiss"</button>
                        </span>
                    </div>
                </div>
            }
        })
    }
}

/// Colour choices for a highlight: none, or one of the palette's colours by its meaning.
#[component]
fn ColourChoice(
    chosen: RwSignal<Option<Colour>>,
    annotator: Annotator,
    name: String,
) -> impl IntoView {
    let option = move |colour: Option<Colour>| {
        let label = move || annotator.document.palette.with(|p| p.name_of(colour));
        view! {
            <label class="colour-option" data-colour=colour.map(Colour::key)>
                <input type="radio" name=name.clone() prop:checked=move || chosen.get() == colour
                    on:change=move |_| chosen.set(colour) />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <fieldset class="colour-choice">
            <legend>"Highlight"</legend>
            {option(None)}
            {Colour::ALL.into_iter().map(|c| option(Some(c))).collect_view()}
        </fieldset>
    }
}

/// Writes or rewrites a note. Ctrl+Enter saves, Escape cancels.
#[component]
pub fn NoteEditor(editing: Editing, annotator: Annotator) -> impl IntoView {
    let existing = match &editing {
        Editing::Existing(id) => annotator
            .document
            .annotations
            .with_untracked(|s| s.get(id).cloned()),
        Editing::New { .. } => None,
    };
    let (what, quote, initial_note, initial_colour) = match (&editing, &existing) {
        (_, Some(a)) => (
            annotator.describe(a),
            a.target.quote().cloned(),
            a.note.clone(),
            a.colour,
        ),
        (
            Editing::New {
                paragraph,
                quote,
                colour,
            },
            None,
        ) => {
            let name = annotator.paragraph_name(paragraph);
            let what = match quote {
                Some(q) => format!(
                    "passage “{}” in {name}",
                    q.exact.chars().take(40).collect::<String>()
                ),
                None => name,
            };
            (what, quote.clone(), String::new(), *colour)
        }
        (Editing::Existing(_), None) => (String::new(), None, String::new(), None),
    };
    let draft = RwSignal::new(initial_note);
    let chosen = RwSignal::new(initial_colour);
    let field = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(field) = field.get() {
            let _ = field.focus();
        }
    });
    let save = {
        let editing = editing.clone();
        move || annotator.save_note(&editing, &draft.get_untracked(), chosen.get_untracked())
    };
    let save_on_submit = save.clone();
    // One name per editor on the page, so that each editor's colours are a group of their own.
    let radio_name = format!(
        "colour-{}",
        EDITORS_OPENED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    view! {
        <form class="note-editor" on:submit=move |ev| { ev.prevent_default(); save_on_submit(); }>
            {quote.map(|q| view! { <blockquote class="note-quote">{q.exact}</blockquote> })}
            <textarea
                node_ref=field
                class="note-field"
                rows="4"
                aria-label=format!("Note on {what}")
                placeholder="Write a note (Markdown: *italic*, **bold**, [link](https://…))"
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        save();
                    } else if ev.key() == "Escape" {
                        ev.prevent_default();
                        annotator.session.editing.set(None);
                    }
                }
            ></textarea>
            <ColourChoice chosen=chosen annotator=annotator name=radio_name />
            <div class="editor-actions">
                <button type="submit" class="primary-button">"Save note"</button>
                <button type="button" class="text-button" on:click=move |_| annotator.session.editing.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}
