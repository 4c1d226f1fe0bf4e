//! The views of annotations: a note as a card under its paragraph, the note editor, the buttons
//! offered beside a text selection, and the side panel that lists every highlight and note.

use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::annotations::placement::{Entry, Place};
use crate::annotations::{Anchoring, Annotation, Colour};
use crate::exchange::import::ImportPlan;
use crate::exchange::w3c;
use crate::exchange::{cited_name, to_markdown};
use crate::report::{note_blocks, Report};

use super::annotator::{Annotator, Editing};
use super::browser;
use super::browser::copy_and_tell;
use super::rich_text::rich_text;
use super::vocabulary::{capitalised, ReaderActions, Toast, Toasts, NOTES_PANEL_ID};

fn note_text(note: &str) -> impl IntoView {
    note_blocks(note)
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

fn quote_view(annotation: &Annotation) -> Option<impl IntoView> {
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
    let meaning = move || colour.map(|c| annotator.palette.with(|p| p.meaning(c)));
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
                        on:click=move |_| annotator.editing.set(Some(Editing::Existing(id.clone())))>"Edit"</button>
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
        annotator.shared.get().map(|shared| {
            let annotation = shared.annotation.clone();
            let colour = annotation.colour;
            view! {
                <div class="note-card shared-preview" data-colour=colour.map(Colour::key) role="region" aria-label="Shared note, not in your notes yet">
                    <p class="shared-label">"Shared with you · not in your notes yet"</p>
                    {quote_view(&annotation)}
                    <div class="note-body">{note_text(&annotation.note)}</div>
                    <div class="note-footer">
                        {colour.map(|c| view! { <span class="chip" data-colour=c.key()>{annotator.palette.with_untracked(|p| p.meaning(c))}</span> })}
                        <span class="note-actions">
                            <button type="button" class="primary-button" on:click=move |_| annotator.accept_shared()>"Add to my notes"</button>
                            <button type="button" class="text-button" on:click=move |_| annotator.shared.set(None)>"Dismiss"</button>
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
        let label = move || match colour {
            None => "no highlight".to_string(),
            Some(c) => annotator.palette.with(|p| p.meaning(c)),
        };
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
        Editing::Existing(id) => annotator.annotations.with_untracked(|s| s.get(id).cloned()),
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
                        annotator.editing.set(None);
                    }
                }
            ></textarea>
            <ColourChoice chosen=chosen annotator=annotator name=radio_name />
            <div class="editor-actions">
                <button type="submit" class="primary-button">"Save note"</button>
                <button type="button" class="text-button" on:click=move |_| annotator.editing.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}

/// Highlight and note buttons beside the text the reader selected.
#[component]
pub fn SelectionAdder(annotator: Annotator) -> impl IntoView {
    move || {
        annotator.selection.get().map(|selection| {
            // Set through the CSSOM (`style:`), which the Content-Security-Policy allows; a `style`
            // attribute would need 'unsafe-inline'.
            let top = format!("{}px", (selection.top - 8.0).max(8.0));
            let left = format!("{}px", selection.left.max(8.0));
            let colour_button = {
                let selection = selection.clone();
                move |colour: Colour| {
                    let selection = selection.clone();
                    let meaning = move || annotator.palette.with(|p| p.meaning(colour));
                    view! {
                        <button type="button" class="swatch" data-colour=colour.key()
                            aria-label=move || format!("Highlight selection as {} ({})", meaning(), colour.key())
                            title=move || format!("Highlight: {}", meaning())
                            on:click=move |_| {
                                annotator.highlight_selection(&selection, colour);
                                browser::clear_selection();
                            }></button>
                    }
                }
            };
            let for_note = selection.clone();
            let for_link = selection.clone();
            view! {
                <div class="selection-adder" role="toolbar" aria-label="Highlight the selected text" style:top=top style:left=left>
                    {Colour::ALL.into_iter().map(colour_button).collect_view()}
                    <button type="button" class="text-button adder-note" aria-label="Add note to selection"
                        on:click=move |_| {
                            annotator.note_on_selection(&for_note);
                            browser::clear_selection();
                        }>"Note"</button>
                    {use_context::<ReaderActions>().map(|actions| view! {
                        <button type="button" class="text-button adder-note" aria-label="Copy link to passage"
                            on:click=move |_| actions.copy_passage_link.run(for_link.clone())>"Link"</button>
                    })}
                </div>
            }
        })
    }
}

/// The name an id had in the version an annotation was made on: "paragraph 8".
fn former_name(id: &str) -> String {
    match id.strip_prefix('p') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => {
            format!("paragraph {}", rest.replace('-', " "))
        }
        _ => format!("“{id}”"),
    }
}

fn place_label(place: Place) -> Option<&'static str> {
    match place {
        Place::Passage(Anchoring::Moved { .. }) => Some("moved"),
        Place::Passage(Anchoring::Fuzzy { .. }) => Some("text changed"),
        _ => None,
    }
}

/// Every highlight and note of the report in document order, filtered by colour, with the
/// colours' meanings to rename, and orphans listed last.
/// Export and import: W3C Web Annotation JSON-LD or Markdown out; a file in, with a preview.
#[component]
fn ExchangeTools(annotator: Annotator, report: Arc<Report>, toasts: Toasts) -> impl IntoView {
    let plan = RwSignal::new(None::<ImportPlan>);
    let problem = RwSignal::new(None::<String>);
    let file_stem = annotator.report_id();
    let (json_stem, md_stem) = (file_stem.clone(), file_stem.clone());
    let label = cited_name(&report);
    // What a long export or import is doing, said (and shown with a progress bar) while it runs.
    let busy = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let notes_count = move || annotator.annotations.with_untracked(|set| set.len());
    let export_json = move |_| {
        let label = label.clone();
        let file = format!("{json_stem}-notes.jsonld");
        busy.set(Some(format!(
            "Preparing the export of {} highlights and notes…",
            notes_count()
        )));
        spawn_local(async move {
            browser::next_frame().await;
            let now = js_sys::Date::now() as i64;
            let json = annotator.annotations.with_untracked(|set| {
                w3c::export(
                    &annotator.report_id(),
                    &label,
                    set,
                    &annotator.palette.get_untracked(),
                    now,
                )
            });
            browser::download(
                &file,
                "application/ld+json",
                &serde_json::to_string_pretty(&json).unwrap_or_default(),
            );
            super::storage::remember_export(now);
            busy.set(None);
            done.set(Some(format!(
                "Exported {} highlights and notes as “{file}”.",
                notes_count()
            )));
        });
    };
    let markdown = move || {
        let placements = annotator.placements.get_untracked();
        annotator.annotations.with_untracked(|set| {
            to_markdown(
                &report,
                set,
                &placements,
                &annotator.palette.get_untracked(),
            )
        })
    };
    let markdown_for_copy = markdown.clone();
    let read_import = move |ev: leptos::ev::Event| {
        let Some(file) = browser::chosen_files(&ev).into_iter().next() else {
            return;
        };
        done.set(None);
        busy.set(Some(format!("Reading “{}”…", file.name())));
        spawn_local(async move {
            let text = match browser::read_file(&file)
                .await
                .map(|b| String::from_utf8_lossy(&b).into_owned())
            {
                Ok(text) => text,
                Err(reason) => {
                    busy.set(None);
                    return problem.set(Some(reason));
                }
            };
            busy.set(Some(format!(
                "Comparing the notes in “{}” with yours…",
                file.name()
            )));
            browser::next_frame().await;
            let planned = annotator.plan_import(&text);
            busy.set(None);
            match planned {
                Ok(p) => {
                    problem.set(None);
                    plan.set(Some(p));
                }
                Err(e) => {
                    plan.set(None);
                    problem.set(Some(e.to_string()));
                }
            }
        });
    };
    let preview = move || {
        plan.get().map(|p| {
            let summary = p.summary();
            let not_placed: Vec<String> = p.not_placed.iter().map(ToString::to_string).collect();
            let empty = p.is_empty();
            let apply = p.clone();
            view! {
                <div class="import-preview" role="region" aria-label="Import preview">
                    <p>{summary}</p>
                    {(!not_placed.is_empty()).then(|| view! {
                        <ul class="import-not-placed" aria-label="Not placed in the report">
                            {not_placed.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    })}
                    <div class="editor-actions">
                        {(!empty).then(|| view! {
                            <button type="button" class="primary-button" on:click=move |_| {
                                annotator.apply_import(&apply);
                                plan.set(None);
                                toasts.show(Toast::Info("The notes were imported.".into()), Duration::from_secs(4));
                            }>"Import these notes"</button>
                        })}
                        <button type="button" class="text-button" on:click=move |_| plan.set(None)>{if empty { "Close" } else { "Cancel" }}</button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <details class="exchange">
            <summary>"Export and import"</summary>
            <div class="exchange-buttons">
                <button type="button" class="text-button" on:click=export_json>"Export notes (W3C JSON-LD)"</button>
                <button type="button" class="text-button" on:click=move |_| {
                    let file = format!("{md_stem}-notes.md");
                    let markdown = markdown.clone();
                    busy.set(Some(format!("Preparing the export of {} highlights and notes…", notes_count())));
                    spawn_local(async move {
                        browser::next_frame().await;
                        browser::download(&file, "text/markdown", &markdown());
                        super::storage::remember_export(js_sys::Date::now() as i64);
                        busy.set(None);
                        done.set(Some(format!("Exported {} highlights and notes as “{file}”.", notes_count())));
                    });
                }>"Export notes (Markdown)"</button>
                <button type="button" class="text-button"
                    on:click=move |_| copy_and_tell(toasts, "notes as Markdown".into(), markdown_for_copy())>"Copy notes as Markdown"</button>
                <label class="text-button file-label">
                    "Import notes…"
                    <input type="file" class="visually-hidden" accept=".json,.jsonld,application/json,application/ld+json"
                        aria-label="Import notes from a file" on:change=read_import />
                </label>
            </div>
            <p class="exchange-progress" role="status" aria-live="polite">
                {move || busy.get().map(|what| view! { <progress aria-label=what.clone()></progress>" "{what} })}
                {move || busy.with(Option::is_none).then(|| done.get()).flatten()}
            </p>
            {preview}
            {move || problem.get().map(|p| view! { <p class="import-problem" role="alert">{p}</p> })}
        </details>
    }
}

/// One line of the notes panel: where an annotation is placed, and the annotation.
type PanelItem = (Entry, Annotation);

/// What the notes panel lists, as places in the placements' entries (so that working it out
/// after an edit copies no annotation): placed ones in runs keyed by the stretch of the report
/// they are in, then those that could not be placed.
struct PanelLists {
    groups: Vec<PanelGroup>,
    orphans: Vec<usize>,
}

struct PanelGroup {
    key: usize,
    /// A hash of what the run's entries show: the run is looked at again only when it changes.
    fingerprint: u64,
    entries: Vec<usize>,
}

impl PanelLists {
    fn group(&self, key: usize) -> Option<&PanelGroup> {
        self.groups
            .binary_search_by_key(&key, |g| g.key)
            .ok()
            .map(|at| &self.groups[at])
    }
}

/// The entries at these places, with their annotations, as the panel shows them.
fn panel_items(annotator: Annotator, places: &[usize]) -> Vec<PanelItem> {
    annotator.placements.with_untracked(|placements| {
        annotator.annotations.with_untracked(|set| {
            places
                .iter()
                .filter_map(|&i| placements.entries.get(i))
                .filter_map(|e| set.get(&e.id).map(|a| (e.clone(), a.clone())))
                .collect()
        })
    })
}

#[component]
pub fn NotesPanel(
    annotator: Annotator,
    open: RwSignal<bool>,
    report: Arc<Report>,
    toasts: Toasts,
) -> impl IntoView {
    let hidden_colours = RwSignal::new(Vec::<Option<Colour>>::new());
    // The list, in runs of neighbouring paragraphs: each run is one box that the browser lays out
    // only near the screen (one box per entry had it check 10,000 boxes every frame), and a run
    // is built again only when what it shows changed. Passed on without comparing it with the
    // last one: each run's own memo below does that, by its fingerprint.
    let lists = Memo::new_with_compare(
        move |_| {
            let hidden = hidden_colours.get();
            annotator.placements.with(|placements| {
                annotator.annotations.with(|set| {
                    let shown = placements.entries.iter().enumerate().filter_map(|(i, e)| {
                        let annotation = set.get(&e.id)?;
                        (!hidden.contains(&annotation.colour)).then_some((
                            i,
                            e,
                            annotation.modified,
                        ))
                    });
                    let (placed, orphans): (Vec<_>, Vec<_>) =
                        shown.partition(|(_, e, _)| e.place != Place::Orphan);
                    let groups = annotator
                        .group_by_place(
                            placed.iter().map(|&(i, e, modified)| (e, (i, e, modified))),
                        )
                        .into_iter()
                        .map(|(key, members)| {
                            let mut hasher = std::hash::DefaultHasher::new();
                            for &(_, e, modified) in &members {
                                (
                                    &e.id,
                                    &e.paragraph,
                                    &e.moved_from,
                                    place_label(e.place),
                                    modified,
                                )
                                    .hash(&mut hasher);
                            }
                            PanelGroup {
                                key,
                                fingerprint: hasher.finish(),
                                entries: members.into_iter().map(|(i, ..)| i).collect(),
                            }
                        })
                        .collect();
                    PanelLists {
                        groups,
                        orphans: orphans.into_iter().map(|(i, ..)| i).collect(),
                    }
                })
            })
        },
        |_, _| true,
    );
    let orphans = Memo::new(move |_| lists.with(|l| panel_items(annotator, &l.orphans)));
    // An entry is rebuilt only when what it shows changes, so one edit does not redraw thousands.
    let entry_key = |(entry, annotation): &PanelItem| {
        (
            annotation.id.clone(),
            annotation.modified,
            entry.paragraph.clone(),
            entry.moved_from.clone(),
            place_label(entry.place),
        )
    };
    let entry_view = move |(entry, annotation): PanelItem| {
        let what = annotator.describe(&annotation);
        let place_name = annotator.paragraph_name(&entry.paragraph);
        let delete_id = annotation.id.clone();
        let kind = if annotation.has_note() {
            "note"
        } else {
            "highlight"
        };
        let orphan = entry.place == Place::Orphan;
        let excerpt = match annotation.target.quote() {
            Some(q) => q.exact.clone(),
            None => annotator
                .paragraph_text(&entry.paragraph)
                .map(|t| crate::annotations::clipped(&t, 120))
                .unwrap_or_default(),
        };
        // Only the place is the link, so its name ("Go to paragraph 8") holds all its visible text.
        let place_text = if orphan {
            format!("Was in {place_name}")
        } else {
            place_name.clone()
        };
        let place = if orphan {
            view! { <span class="entry-place">{place_text}</span> }.into_any()
        } else {
            view! { <a class="entry-place" href=format!("#{}", entry.paragraph) aria-label=format!("Go to {what}")>{place_text}</a> }.into_any()
        };
        let link = view! {
            <div class="entry-link">
                <span>
                    {place}
                    {place_label(entry.place).map(|l| view! { <span class="entry-flag">{l}</span> })}
                    {entry.moved_from.as_deref().map(|old| view! { <span class="entry-flag">{format!("moved, was {}", former_name(old))}</span> })}
                </span>
                <span class="entry-quote">{excerpt}</span>
                {annotation.has_note().then(|| view! { <span class="entry-note">{note_text(&annotation.note)}</span> })}
            </div>
        };
        view! {
            <div role="listitem" class="entry" data-colour=annotation.colour.map(Colour::key) data-annotation=annotation.id.clone()>
                {link}
                <button type="button" class="text-button entry-delete" aria-label=format!("Delete {kind} on {what}")
                    on:click=move |_| annotator.delete(&delete_id)>"Delete"</button>
            </div>
        }
    };
    let group_view = move |key: usize| {
        let shows = Memo::new(move |_| {
            lists.with(|l| l.group(key).map(|g| (g.fingerprint, g.entries.len())))
        });
        let items = move || {
            shows.track();
            lists.with_untracked(|l| {
                l.group(key)
                    .map(|g| panel_items(annotator, &g.entries))
                    .unwrap_or_default()
            })
        };
        // The box's height before it is first laid out comes from its count of entries (see the
        // style sheet).
        view! {
            <div class="entry-group" role="none" data-count=move || shows.get().map_or(0, |(_, count)| count)>
                <For each=items key=entry_key children=entry_view />
            </div>
        }
    };
    let filter_button = move |colour: Option<Colour>| {
        let label = move || match colour {
            None => "no colour".to_string(),
            Some(c) => annotator.palette.with(|p| p.meaning(c)),
        };
        let shown = move || !hidden_colours.with(|h| h.contains(&colour));
        view! {
            <button type="button" class="filter" data-colour=colour.map(Colour::key)
                aria-pressed=move || shown().to_string()
                aria-label=move || format!("Show {} ({})", label(), colour.map_or("none", Colour::key))
                on:click=move |_| hidden_colours.update(|h| if let Some(i) = h.iter().position(|c| *c == colour) { h.remove(i); } else { h.push(colour); })>
                {label}
            </button>
        }
    };
    let meaning_field = move |colour: Colour| {
        view! {
            <label class="meaning" data-colour=colour.key()>
                <span class="swatch" aria-hidden="true"></span>
                <input type="text" maxlength="40"
                    aria-label=format!("Meaning of {} highlights", colour.key())
                    prop:value=move || annotator.palette.with(|p| p.meaning(colour))
                    on:change=move |ev| annotator.rename_colour(colour, &event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <aside id=NOTES_PANEL_ID class="notes-panel" aria-label="Highlights and notes" hidden=move || !open.get()>
            <div class="panel-head">
                <h2>"Highlights and notes"</h2>
                <button type="button" class="text-button" aria-label="Close highlights and notes" on:click=move |_| open.set(false)>"Close"</button>
            </div>
            <ExchangeTools annotator=annotator report=report toasts=toasts />
            <details class="palette">
                <summary>"Colours and their meanings"</summary>
                {Colour::ALL.into_iter().map(meaning_field).collect_view()}
            </details>
            <div class="filters" role="group" aria-label="Filter by colour">
                {Colour::ALL.into_iter().map(|c| filter_button(Some(c))).collect_view()}
                {filter_button(None)}
            </div>
            {move || lists.with(|l| l.groups.is_empty() && l.orphans.is_empty()).then(|| view! {
                <p class="panel-empty">"No highlights or notes yet. Select text, or use the highlight and note buttons beside a paragraph."</p>
            })}
            <div class="entries" role="list">
                <For each=move || lists.with(|l| l.groups.iter().map(|g| g.key).collect::<Vec<_>>()) key=|key| *key children=group_view />
            </div>
            {move || {
                let orphans = orphans.get();
                (!orphans.is_empty()).then(|| view! {
                    <h3 class="orphans-head">"Could not be placed"</h3>
                    <p class="orphans-help">"The text these were made on is no longer in the report. They are kept here with their quote and note."</p>
                    <div class="entries orphans" role="list">{orphans.into_iter().map(entry_view).collect_view()}</div>
                })
            }}
        </aside>
    }
}

/// The reader's notes as numbered endnotes, for printing: built only while the page is being
/// printed (the style sheet numbers the notes in the text to match, in the same order).
#[component]
pub fn PrintEndnotes(annotator: Annotator) -> impl IntoView {
    let printing = RwSignal::new(false);
    browser::on_print(move |now| printing.set(now));
    move || {
        printing.get().then(|| {
            let notes: Vec<(String, Annotation, bool)> = annotator.placements.with_untracked(|placements| {
                annotator.annotations.with_untracked(|set| {
                    placements
                        .entries
                        .iter()
                        .filter_map(|entry| {
                            let annotation = set.get(&entry.id).filter(|a| a.has_note())?.clone();
                            Some((capitalised(&annotator.paragraph_name(&entry.paragraph)), annotation, entry.place == Place::Orphan))
                        })
                        .collect()
                })
            });
            (!notes.is_empty()).then(|| {
                view! {
                    <section class="print-endnotes" aria-label="Notes">
                        <h2>"Notes"</h2>
                        <ol>
                            {notes
                                .into_iter()
                                .map(|(place, annotation, orphan)| view! {
                                    <li>
                                        <p class="endnote-place">
                                            {place}
                                            {orphan.then_some(" (not found in this version)")}
                                        </p>
                                        {quote_view(&annotation)}
                                        <div class="endnote-body">{note_text(&annotation.note)}</div>
                                    </li>
                                })
                                .collect_view()}
                        </ol>
                    </section>
                }
            })
        })
    }
}
