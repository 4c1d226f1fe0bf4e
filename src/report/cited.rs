//! The documents a report cites, linked in its text: each citation its grammar finds
//! ([`crate::citations`]) becomes a run of its own carrying a [`crate::citations::CitationLink`], in paragraphs
//! and footnotes alike. The report's own symbol (which its pages may print) is not a citation.

use crate::citations::{find_citations, plain_key, Context};

use super::model::{FootnoteRef, Paragraph, Report, RichText, Span};

/// Links every citation in the report's paragraphs and footnotes.
pub fn link_citations(report: &mut Report) {
    let own = report.cover.symbol.as_deref().map(plain_key);
    let context = Context::of_symbol(report.cover.symbol.as_deref());
    let link = |text: &mut RichText| link_text(text, &context, own.as_deref());
    fn walk(p: &mut Paragraph, link: &impl Fn(&mut RichText)) {
        link(&mut p.text);
        for child in &mut p.children {
            walk(child, link);
        }
    }
    for block in &mut report.blocks {
        if let super::model::Block::Paragraph(p) = block {
            walk(p, &link);
        }
    }
    for note in &mut report.footnotes {
        link(&mut note.text);
    }
}

fn link_text(text: &mut RichText, context: &Context, own: Option<&str>) {
    let plain = text.plain();
    let found: Vec<_> = find_citations(&plain, context)
        .into_iter()
        .filter(|c| own != Some(plain_key(&c.symbol).as_str()))
        .collect();
    if found.is_empty() {
        return;
    }
    let mut spans = Vec::with_capacity(text.0.len() + 2 * found.len());
    let mut at = 0;
    for span in std::mem::take(&mut text.0) {
        let len = span.text.chars().count();
        let (from, to) = (at, at + len);
        at = to;
        if span.link.is_some() || span.style.footnote != FootnoteRef::No {
            spans.push(span);
            continue;
        }
        // Cut the run where citations begin and end inside it.
        let chars: Vec<char> = span.text.chars().collect();
        let mut cut = from;
        for citation in found.iter().filter(|c| c.start < to && c.end > from) {
            let (start, end) = (citation.start.max(from), citation.end.min(to));
            if start > cut {
                spans.push(piece(&span, &chars[cut - from..start - from], None));
            }
            let href = citation.link().href();
            spans.push(piece(&span, &chars[start - from..end - from], Some(href)));
            cut = end;
        }
        if cut < to {
            spans.push(piece(&span, &chars[cut - from..], None));
        }
    }
    text.0 = spans;
}

fn piece(span: &Span, chars: &[char], link: Option<String>) -> Span {
    Span {
        text: chars.iter().collect(),
        style: span.style,
        link,
    }
}

#[cfg(test)]
mod tests {
    use crate::citations::CitationLink;
    use crate::report::parse;

    fn links(text: &str) -> Vec<(String, CitationLink)> {
        let report = parse(text);
        report
            .paragraphs()
            .flat_map(|p| p.text.spans().to_vec())
            .chain(
                report
                    .footnotes
                    .iter()
                    .flat_map(|f| f.text.spans().to_vec()),
            )
            .filter_map(|s| Some((s.text.clone(), CitationLink::read(s.link.as_deref()?)?)))
            .collect()
    }

    #[test]
    fn citations_are_links_and_the_text_is_unchanged() {
        let text = "A/HRC/58/10\n\n1. The Council recalls its resolution 52/11 and paragraph 3 of *S/2026/100*.\n";
        let found = links(text);
        let shown: Vec<(&str, &str, Option<u32>)> = found
            .iter()
            .map(|(words, l)| (words.as_str(), l.symbol.as_str(), l.paragraph))
            .collect();
        assert_eq!(
            shown,
            [
                ("52/11", "A/HRC/RES/52/11", None),
                ("S/2026/100", "S/2026/100", Some(3))
            ]
        );
        assert!(found[1]
            .1
            .official
            .as_deref()
            .unwrap()
            .ends_with("/S/2026/100"));
        let report = parse(text);
        let first = report.paragraphs().next().unwrap();
        assert_eq!(
            first.text.plain(),
            "The Council recalls its resolution 52/11 and paragraph 3 of S/2026/100."
        );
        // The emphasis of the run it was cut from stays on the link.
        assert!(first
            .text
            .spans()
            .iter()
            .any(|s| s.link.is_some() && s.style.emphasis));
    }

    #[test]
    fn the_reports_own_symbol_is_no_citation_and_written_links_stay() {
        let found = links("A/HRC/58/10\n\n1. This report, A/HRC/58/10, follows [A/HRC/55/2](https://example.org/x).\n");
        assert!(found.is_empty(), "{found:?}");
    }
}
