//! Sets a parsed report as a page: the title block, then headings and paragraphs, each with its
//! id, its number in the margin, and its link affordances (¶ and "Copy link").

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::report::html::{blocks_html, contents_html, CHUNK_BLOCKS};
use crate::report::language::{direction, Direction};
use crate::report::{footnote_ids, Block, Cover, Footnote, Heading, Paragraph, Report};

use super::annotator::Annotator;
use super::browser;
use super::rich_text::rich_text;
use super::vocabulary::PageText;

use super::paragraph::{is_target, link_tools, paragraph_view, ReportContext};

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
    let wiring = ReportContext {
        target_flags: StoredValue::new(HashMap::new()),
        targets,
        on_copy_link,
        annotator,
        pages: StoredValue::new(report.pages.clone()),
        contents: StoredValue::new(contents_html(&report)),
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
    // is set out at once, in one longer frame rather than one frame per few chunks, which lands
    // sooner.
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
                {chunk_view(chunk, report.clone(), wiring, page_text)}
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

fn block_view(block: &Block, wiring: ReportContext, awake: Signal<bool>) -> AnyView {
    match block {
        Block::Heading(heading) => {
            let nav = wiring.contents.with_value(|contents| {
                contents
                    .as_ref()
                    .filter(|(at, _)| *at == heading.id)
                    .map(|(_, nav)| nav.clone())
            });
            match nav {
                Some(nav) => view! { {heading_view(heading, wiring, awake)}<div class="contents-box" inner_html=nav></div> }.into_any(),
                None => heading_view(heading, wiring, awake),
            }
        }
        Block::Paragraph(paragraph) => paragraph_view(paragraph, None, wiring, awake),
    }
}

fn heading_view(heading: &Heading, wiring: ReportContext, awake: Signal<bool>) -> AnyView {
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

/// A footnote at the foot of the report, linked back to where it is referred to.
fn footnote_view(footnote: &Footnote, wiring: ReportContext) -> AnyView {
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

/// One chunk of the report's blocks: a box the browser lays out only near the screen.
fn chunk_view(
    chunk: usize,
    report: Arc<Report>,
    wiring: ReportContext,
    page_text: Option<PageText>,
) -> impl IntoView {
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
            || wiring
                .targets
                .with(|targets| targets.iter().any(|t| ids.contains(t)))
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
            return view! { <div class="chunk-markup" inner_html=wiring.pages.with_value(|pages| wiring.contents.with_value(|contents| blocks_html(blocks, pages, contents.as_ref())))></div> }.into_any();
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
        blocks
            .iter()
            .map(|block| block_view(block, wiring, awake.into()))
            .collect::<Vec<_>>()
            .into_any()
    };
    view! { <div class="chunk" on:contentvisibilityautostatechange=wake>{content}</div> }
}
