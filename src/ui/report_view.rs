//! Sets a parsed report as a page: the title block, then headings and paragraphs, each with its
//! id, its number in the margin, and its link affordances (¶ and "Copy link").

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use leptos::prelude::*;

use crate::annotations::marks::{split, Piece};
use crate::annotations::Colour;
use crate::report::html::{blocks_html, CHUNK_BLOCKS, PAGE_CLASS};
use crate::report::language::{direction, Direction};
use crate::report::page_spans;
use crate::report::{
    footnote_ids, Block, Cover, Footnote, Heading, PageSpan, Paragraph, ParagraphKind, Report,
};

use super::annotator::{Annotator, Editing};
use super::browser;
use super::note_card::{NoteCard, NoteEditor, SharedPreview};
use super::rich_text::{rich_text, span_view};
use super::vocabulary::{PageText, ReaderActions, PARAGRAPH_TEXT_CLASS};

/// Chunks built per frame after the first.
const CHUNKS_PER_FRAME: usize = 16;

/// The ids of these blocks' headings and paragraphs, sub-paragraphs included.
fn block_ids(blocks: &[Block]) -> Vec<String> {
    fn paragraph_ids(paragraph: &Paragraph, out: &mut Vec<String>) {
        out.push(paragraph.id.clone());
        for child in &paragraph.children {
            paragraph_ids(child, out);
        }
    }
    let mut ids = Vec::new();
    for block in blocks {
        match block {
            Block::Heading(heading) => ids.push(heading.id.clone()),
            Block::Paragraph(paragraph) => paragraph_ids(paragraph, &mut ids),
        }
    }
    ids
}

/// What every paragraph view needs from the page around it.
#[derive(Clone, Copy)]
struct Wiring {
    /// Whether each element is a target of the address, one signal per element, so a new
    /// address wakes the elements it marks or unmarks and no others.
    target_flags: StoredValue<HashMap<String, RwSignal<bool>>>,
    targets: Signal<Vec<String>>,
    on_copy_link: Callback<String>,
    annotator: Annotator,
    /// The pages each paragraph came from, where the report has pages.
    pages: StoredValue<BTreeMap<String, PageSpan>>,
}

#[component]
pub fn ReportView(
    report: Arc<Report>,
    /// Ids of the elements the address points at; they are marked.
    #[prop(into)]
    targets: Signal<Vec<String>>,
    /// Called with an element's id when the reader asks to copy its link.
    on_copy_link: Callback<String>,
    /// The reader's highlights and notes on this report.
    annotator: Annotator,
) -> impl IntoView {
    if report.is_empty() {
        return view! {
            <div class="empty-state">
                <h1>"This report is empty"</h1>
                <p>"There is no text in it to show."</p>
            </div>
        }
        .into_any();
    }
    let wiring = Wiring {
        target_flags: StoredValue::new(HashMap::new()),
        targets,
        on_copy_link,
        annotator,
        pages: StoredValue::new(report.pages.clone()),
    };
    Effect::new(move |previous: Option<Vec<String>>| {
        let now = targets.get();
        let flags = wiring.target_flags;
        for id in previous.iter().flatten().filter(|id| !now.contains(id)) {
            if let Some(flag) = flags.with_value(|f| f.get(id).copied()) {
                flag.set(false);
            }
        }
        for id in &now {
            if let Some(flag) = flags.with_value(|f| f.get(id).copied()) {
                flag.set(true);
            }
        }
        now
    });
    // The report is built in chunks of blocks: the first at once, the rest a few per frame, so
    // a long report is readable before all of it is in the page. Each chunk is a box the
    // browser can skip laying out and painting while it is off screen.
    let total = report.blocks.len().div_ceil(CHUNK_BLOCKS);
    // A link to somewhere past the first chunk lands only once all is set out (what is set out
    // above it would move it), and the reader sees nothing of the report before: then all of it
    // is set out at once, in one longer frame rather than one frame per few chunks (a link to
    // the end of 10,000 paragraphs lands about 0.2 s sooner).
    let first_chunk = block_ids(&report.blocks[..CHUNK_BLOCKS.min(report.blocks.len())]);
    let far_target = targets
        .with_untracked(|ids| !ids.is_empty() && !ids.iter().any(|id| first_chunk.contains(id)));
    let shown = RwSignal::new(if far_target { total } else { total.min(1) });
    // Each step waits for the frame to be painted first (a timeout queued from the frame's
    // callback runs after its paint), so the first screen shows before any more is built.
    Effect::new(move |_| {
        if shown.get() < total {
            request_animation_frame(move || {
                set_timeout(
                    move || shown.update(|n| *n = (*n + CHUNKS_PER_FRAME).min(total)),
                    std::time::Duration::ZERO,
                )
            });
        }
    });
    let page_text = use_context::<PageText>();
    let body_report = report.clone();
    let blocks = move || {
        let report = body_report.clone();
        view! {
            <For each=move || 0..shown.get() key=|i| *i let:chunk>
                {
                    let range = chunk * CHUNK_BLOCKS..((chunk + 1) * CHUNK_BLOCKS).min(report.blocks.len());
                    // A chunk far from the screen is plain markup (`report::html`, the same as a
                    // first screen): ids, numbers and text, addressable and findable, without a
                    // signal or an effect per paragraph. It is set out live, for good, once it
                    // comes near the screen (the browser says so for `content-visibility: auto`;
                    // without that event every chunk is live), or holds a target of the address
                    // or anything of the annotations. Its paragraphs get their buttons when it is
                    // near the screen.
                    let awake = RwSignal::new(chunk == 0 || !browser::tells_visibility_changes());
                    let ids = block_ids(&report.blocks[range.clone()]);
                    let annotator = wiring.annotator;
                    let live = Memo::new(move |was: Option<&bool>| {
                        was == Some(&true)
                            || awake.get()
                            || annotator.in_use(&ids)
                            || wiring.targets.with(|targets| targets.iter().any(|t| ids.contains(t)))
                    });
                    let wake = move |ev: leptos::ev::Event| {
                        if !browser::was_skipped(&ev) {
                            awake.set(true);
                        }
                    };
                    let report = report.clone();
                    let was_markup = StoredValue::new(false);
                    // The chunk's element stays when its content is set out live, so the browser
                    // keeps its size and its place on screen.
                    let content = move || {
                        let blocks = &report.blocks[range.clone()];
                        if !live.get() {
                            was_markup.set_value(true);
                            return view! { <div class="chunk-markup" inner_html=wiring.pages.with_value(|pages| blocks_html(blocks, pages))></div> }.into_any();
                        }
                        if was_markup.get_value() {
                            // The markup it replaces may hold the keyboard focus, and the search's
                            // marks: both are put back on the new elements.
                            let focused = browser::focused_id();
                            request_animation_frame(move || {
                                if let Some(id) = focused {
                                    browser::refocus_id(&id);
                                }
                                if let Some(PageText(changed)) = page_text {
                                    changed.update(|n| *n += 1);
                                }
                            });
                        }
                        blocks.iter().map(|block| block_view(block, wiring, awake.into())).collect::<Vec<_>>().into_any()
                    };
                    view! { <div class="chunk" on:contentvisibilityautostatechange=wake>{content}</div> }
                }
            </For>
        }
    };
    let report_direction = report
        .cover
        .title
        .as_ref()
        .map_or(Direction::Ltr, |t| direction(&t.plain()))
        .attribute();
    let footnotes: Vec<AnyView> = report
        .footnotes
        .iter()
        .map(|f| footnote_view(f, wiring))
        .collect();
    view! {
        <article class="report" lang=report.language() dir=report_direction>
            {cover_view(&report.cover)}
            <div class="report-body">{blocks}</div>
            {(!footnotes.is_empty()).then(|| view! {
                <section class="footnotes" aria-label="Footnotes">
                    <ol>{footnotes}</ol>
                </section>
            })}
        </article>
    }
    .into_any()
}

fn cover_view(cover: &Cover) -> impl IntoView {
    // Each part isolated, so an English date keeps its order beside an Arabic place name.
    let place_date = match (&cover.place, &cover.date) {
        (Some(place), Some(date)) => {
            Some(view! { <bdi>{place.clone()}</bdi>", "<bdi>{date.clone()}</bdi> }.into_any())
        }
        (Some(one), None) | (None, Some(one)) => {
            Some(view! { <bdi>{one.clone()}</bdi> }.into_any())
        }
        (None, None) => None,
    };
    view! {
        <header class="cover">
            {cover.symbol.clone().map(|symbol| view! { <p class="symbol">{symbol}</p> })}
            {cover.title.as_ref().map(|title| view! { <h1 class="title">{rich_text(title)}</h1> })}
            {cover.subtitle.as_ref().map(|subtitle| view! { <p class="subtitle">{rich_text(subtitle)}</p> })}
            {place_date.map(|parts| view! { <p class="place-date">{parts}</p> })}
            {(!cover.other_lines.is_empty()).then(|| view! {
                <ul class="cover-lines">
                    {cover.other_lines.iter().map(|line| view! { <li>{rich_text(line)}</li> }).collect_view()}
                </ul>
            })}
        </header>
    }
}

fn block_view(block: &Block, wiring: Wiring, awake: Signal<bool>) -> AnyView {
    match block {
        Block::Heading(heading) => heading_view(heading, wiring, awake),
        Block::Paragraph(paragraph) => paragraph_view(paragraph, None, wiring, awake),
    }
}

/// The ¶ link and the copy button that every addressable element carries in its margin.
fn link_tools(id: &str, name: &str, wiring: Wiring) -> impl IntoView {
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
fn citation_button(id: &str, name: &str) -> Option<impl IntoView> {
    let actions = use_context::<ReaderActions>()?;
    let id = id.to_string();
    Some(view! {
        <button type="button" class="tool cite" aria-label=format!("Copy citation for {name}") title=format!("Copy citation for {name}")
            on:click=move |_| actions.copy_citation.run(id.clone())>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 6.5h3v3.5H4zM4 10c0 1.5-.5 2.5-1.5 3M9.5 6.5h3v3.5h-3zM9.5 10c0 1.5-.5 2.5-1.5 3" /></svg>
        </button>
    })
}

fn is_target(wiring: Wiring, id: &str) -> impl Fn() -> bool + Send + Sync + 'static {
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

fn heading_view(heading: &Heading, wiring: Wiring, awake: Signal<bool>) -> AnyView {
    let (id, name) = (heading.id.clone(), heading.name());
    let text = view! {
        {heading.label.clone().map(|label| view! { <span class="heading-label">{label}" "</span> })}
        {rich_text(&heading.text)}
        {move || awake.get().then(|| link_tools(&id, &name, wiring))}
    };
    let id = heading.id.clone();
    let targeted = is_target(wiring, &id);
    let dir = direction(&heading.text.plain()).attribute();
    match heading.level {
        1 | 2 => view! { <h2 id=id tabindex="-1" class="heading" dir=dir class=("is-target", targeted)>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id tabindex="-1" class="heading" dir=dir class=("is-target", targeted)>{text}</h3> }.into_any(),
        _ => view! { <h4 id=id tabindex="-1" class="heading" dir=dir class=("is-target", targeted)>{text}</h4> }.into_any(),
    }
}

/// The highlight and note buttons in a paragraph's margin.
fn annotation_tools(id: &str, name: &str, annotator: Annotator) -> impl IntoView {
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
fn marked_text(paragraph: &Paragraph, annotator: Annotator) -> impl IntoView {
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
fn piece_view(piece: &Piece, first_of_its_mark: bool, annotator: Annotator) -> AnyView {
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
                    on:click=move |_| annotator.editing.set(Some(Editing::Existing(id.clone())))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            annotator.editing.set(Some(Editing::Existing(key_id.clone())));
                        }
                    }>{inner}</mark>
            }
            .into_any()
        }
    }
}

/// The notes written on a paragraph and its passages, and the editor when it is open here.
fn paragraph_notes(paragraph: &Paragraph, annotator: Annotator) -> impl IntoView {
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

fn paragraph_view(
    paragraph: &Paragraph,
    parent_pages: Option<PageSpan>,
    wiring: Wiring,
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

/// A footnote at the foot of the report, linked back to where it is referred to.
fn footnote_view(footnote: &Footnote, wiring: Wiring) -> AnyView {
    let (_, back) = footnote_ids(&footnote.label);
    view! {
        <li id=footnote.id.clone() tabindex="-1" class="footnote" class=("is-target", is_target(wiring, &footnote.id))>
            <span class="footnote-label">{footnote.label.clone()}</span>
            " "
            {rich_text(&footnote.text)}
            " "
            <a class="footnote-back" href=format!("#{back}") aria-label=format!("Back to the reference to footnote {}", footnote.label)>"↩"</a>
        </li>
    }
    .into_any()
}
