//! A report's styled text (emphasis, strong, code, links, footnote references) as elements:
//! text is always inserted as text, never as HTML. Used by the report, the notes and the search.

use leptos::prelude::*;

use crate::citations::CitationLink;
use crate::report::{footnote_ids, FootnoteRef, RichText, Span};

use super::vocabulary::DocumentLinks;

/// Styled text as elements. Text is always inserted as text, never as HTML.
pub fn rich_text(text: &RichText) -> Vec<AnyView> {
    text.spans().iter().map(span_view).collect()
}

/// One run of styled text as an element (a passage's mark wraps such runs).
pub fn span_view(span: &Span) -> AnyView {
    if span.style.footnote != FootnoteRef::No {
        let (target, reference) = footnote_ids(&span.text);
        let id = (span.style.footnote == FootnoteRef::First).then_some(reference);
        return view! {
            <sup class="fn-ref"><a id=id href=format!("#{target}") aria-label=format!("Footnote {}", span.text)>{span.text.clone()}</a></sup>
        }
        .into_any();
    }
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
    if let Some(cited) = span.link.as_deref().and_then(CitationLink::read) {
        // To the report in the reader's library where it is there, else to its public address;
        // without either, an anchor with no address, which reads as the text it is.
        let links = use_context::<DocumentLinks>();
        let key = cited.key();
        let symbol = cited.symbol.clone();
        let destination = move || {
            links.and_then(|l| {
                l.0.with(|known| cited.destination(known.get(&key).map(String::as_str)))
            })
        };
        return view! { <a class="doc-link" href=destination title=symbol>{view}</a> }.into_any();
    }
    if let Some(href) = &span.link {
        view =
            view! { <a href=href.clone() rel="noopener noreferrer external">{view}</a> }.into_any();
    }
    view
}
