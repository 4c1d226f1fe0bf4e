//! Sets a parsed report as a page: the title block, then headings and paragraphs, each with its
//! id, its number in the margin, and its link affordances (¶ and "Copy link").

use std::sync::Arc;

use leptos::prelude::*;

use crate::report::{Block, Cover, Heading, Paragraph, ParagraphKind, Report, RichText, Span};

/// What every paragraph view needs from the page around it.
#[derive(Clone, Copy)]
struct Wiring {
    targets: Signal<Vec<String>>,
    on_copy_link: Callback<String>,
}

#[component]
pub fn ReportView(
    report: Arc<Report>,
    /// Ids of the elements the address points at; they are marked.
    #[prop(into)]
    targets: Signal<Vec<String>>,
    /// Called with an element's id when the reader asks to copy its link.
    on_copy_link: Callback<String>,
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
    let wiring = Wiring { targets, on_copy_link };
    let blocks: Vec<AnyView> = report.blocks.iter().map(|block| block_view(block, wiring)).collect();
    view! {
        <article class="report" lang="en">
            {cover_view(&report.cover)}
            <div class="report-body">{blocks}</div>
        </article>
    }
    .into_any()
}

fn cover_view(cover: &Cover) -> impl IntoView {
    let place_date = match (&cover.place, &cover.date) {
        (Some(place), Some(date)) => Some(format!("{place}, {date}")),
        (Some(one), None) | (None, Some(one)) => Some(one.clone()),
        (None, None) => None,
    };
    view! {
        <header class="cover">
            {cover.symbol.clone().map(|symbol| view! { <p class="symbol">{symbol}</p> })}
            {cover.title.as_ref().map(|title| view! { <h1 class="title">{rich_text(title)}</h1> })}
            {cover.subtitle.as_ref().map(|subtitle| view! { <p class="subtitle">{rich_text(subtitle)}</p> })}
            {place_date.map(|text| view! { <p class="place-date">{text}</p> })}
            {(!cover.other_lines.is_empty()).then(|| view! {
                <ul class="cover-lines">
                    {cover.other_lines.iter().map(|line| view! { <li>{rich_text(line)}</li> }).collect_view()}
                </ul>
            })}
        </header>
    }
}

fn block_view(block: &Block, wiring: Wiring) -> AnyView {
    match block {
        Block::Heading(heading) => heading_view(heading, wiring),
        Block::Paragraph(paragraph) => paragraph_view(paragraph, wiring),
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

fn is_target(wiring: Wiring, id: &str) -> impl Fn() -> bool + Send + Sync + 'static {
    let id = id.to_string();
    move || wiring.targets.with(|targets| targets.contains(&id))
}

fn heading_view(heading: &Heading, wiring: Wiring) -> AnyView {
    let text = view! {
        {heading.label.clone().map(|label| view! { <span class="heading-label">{label}" "</span> })}
        {rich_text(&heading.text)}
        {link_tools(&heading.id, &heading.name(), wiring)}
    };
    let id = heading.id.clone();
    let targeted = is_target(wiring, &id);
    match heading.level {
        1 | 2 => view! { <h2 id=id tabindex="-1" class="heading" class=("is-target", targeted)>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id tabindex="-1" class="heading" class=("is-target", targeted)>{text}</h3> }.into_any(),
        _ => view! { <h4 id=id tabindex="-1" class="heading" class=("is-target", targeted)>{text}</h4> }.into_any(),
    }
}

fn paragraph_view(paragraph: &Paragraph, wiring: Wiring) -> AnyView {
    let kind = match paragraph.kind {
        ParagraphKind::Numbered(_) => "numbered",
        ParagraphKind::Sub(_) => "sub",
        ParagraphKind::Unnumbered => "unnumbered",
    };
    let children: Vec<AnyView> = paragraph.children.iter().map(|child| paragraph_view(child, wiring)).collect();
    view! {
        <div
            id=paragraph.id.clone()
            class="para"
            class=("is-target", is_target(wiring, &paragraph.id))
            data-kind=kind
            tabindex="-1"
        >
            <div class="para-margin">
                {link_tools(&paragraph.id, &paragraph.name, wiring)}
                {paragraph.label().map(|label| view! { <span class="para-label">{label}</span> })}
            </div>
            <p class="para-text">{rich_text(&paragraph.text)}</p>
            {(!children.is_empty()).then(|| view! { <div class="para-children">{children}</div> })}
        </div>
    }
    .into_any()
}

/// Styled text as elements. Text is always inserted as text, never as HTML.
pub fn rich_text(text: &RichText) -> Vec<AnyView> {
    text.spans().iter().map(span_view).collect()
}

fn span_view(span: &Span) -> AnyView {
    let mut view = span.text.clone().into_any();
    if span.style.code {
        view = view! { <code>{view}</code> }.into_any();
    }
    if span.style.emphasis {
        view = view! { <em>{view}</em> }.into_any();
    }
    if span.style.strong {
        view = view! { <strong>{view}</strong> }.into_any();
    }
    if let Some(href) = &span.link {
        view = view! { <a href=href.clone() rel="noopener noreferrer external">{view}</a> }.into_any();
    }
    view
}
