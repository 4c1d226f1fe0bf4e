//! A report as static HTML: the markup the app renders for it, without the app's buttons. The
//! build puts the default report's into the page (`web/default-report.html`, kept up to date by
//! a test), so the report is painted as soon as the page arrives, readable without JavaScript,
//! and the app replaces it, element for element, when it starts. A long report's first screen is
//! made the same way from its opening ([`first_screen`]), to be painted while the whole is
//! parsed.

use crate::citations::CitationLink;
use std::collections::BTreeMap;

use super::language::{direction, Direction};
use super::page_spans;
use super::structure::parse;
use super::{
    footnote_ids, Block, Cover, Footnote, FootnoteRef, Heading, PageSpan, Paragraph, ParagraphKind,
    Report, RichText, Span,
};

/// Blocks per chunk (`content-visibility` boxes): the app groups them the same way, so its
/// markup and this match element for element.
pub const CHUNK_BLOCKS: usize = 50;

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn span_html(span: &Span, out: &mut String) {
    if span.style.footnote != FootnoteRef::No {
        let (target, reference) = footnote_ids(&span.text);
        out.push_str("<sup class=\"fn-ref\"><a");
        if span.style.footnote == FootnoteRef::First {
            out.push_str(" id=\"");
            escape(&reference, out);
            out.push('"');
        }
        out.push_str(" href=\"#");
        escape(&target, out);
        out.push_str("\" aria-label=\"Footnote ");
        escape(&span.text, out);
        out.push_str("\">");
        escape(&span.text, out);
        out.push_str("</a></sup>");
        return;
    }
    let mut open = Vec::new();
    // A citation leads to its document's public address, where it has one.
    let cited = span.link.as_deref().and_then(CitationLink::read);
    let href = match &cited {
        Some(cited) => cited.official.as_ref(),
        None => span.link.as_ref(),
    };
    if let Some(href) = href {
        out.push_str("<a href=\"");
        escape(href, out);
        out.push_str("\" rel=\"noopener noreferrer external\">");
        open.push("</a>");
    }
    for (on, tag) in [
        (span.style.strong, "strong"),
        (span.style.emphasis, "em"),
        (span.style.code, "code"),
    ] {
        if on {
            out.push_str(&format!("<{tag}>"));
            open.push(match tag {
                "strong" => "</strong>",
                "em" => "</em>",
                _ => "</code>",
            });
        }
    }
    escape(&span.text, out);
    for close in open.iter().rev() {
        out.push_str(close);
    }
}

fn rich(text: &RichText, out: &mut String) {
    for span in text.spans() {
        span_html(span, out);
    }
}

fn cover_html(cover: &Cover, out: &mut String) {
    out.push_str("<header class=\"cover\">");
    if let Some(symbol) = &cover.symbol {
        out.push_str("<p class=\"symbol\">");
        escape(symbol, out);
        out.push_str("</p>");
    }
    for (class, tag, text) in [
        ("title", "h1", &cover.title),
        ("subtitle", "p", &cover.subtitle),
    ] {
        if let Some(text) = text {
            out.push_str(&format!("<{tag} class=\"{class}\">"));
            rich(text, out);
            out.push_str(&format!("</{tag}>"));
        }
    }
    let parts: Vec<&String> = [&cover.place, &cover.date].into_iter().flatten().collect();
    if !parts.is_empty() {
        out.push_str("<p class=\"place-date\">");
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str("<bdi>");
            escape(part, out);
            out.push_str("</bdi>");
        }
        out.push_str("</p>");
    }
    if !cover.other_lines.is_empty() {
        out.push_str("<ul class=\"cover-lines\">");
        for line in &cover.other_lines {
            out.push_str("<li>");
            rich(line, out);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</header>");
}

fn heading_html(heading: &Heading, out: &mut String) {
    let tag = match heading.level {
        1 | 2 => "h2",
        3 => "h3",
        _ => "h4",
    };
    out.push_str(&format!("<{tag} id=\""));
    escape(&heading.id, out);
    out.push_str(&format!(
        "\" tabindex=\"-1\" class=\"heading\" dir=\"{}\">",
        direction(&heading.text.plain()).attribute()
    ));
    if let Some(label) = &heading.label {
        out.push_str("<span class=\"heading-label\">");
        escape(label, out);
        out.push_str(" </span>");
    }
    rich(&heading.text, out);
    out.push_str(&format!("</{tag}>"));
}

/// The pages a paragraph came from, in its margin under its number: "p. 3" to the eye, "page 3"
/// to the ear.
fn pages_html(span: PageSpan, out: &mut String) {
    out.push_str(&format!(
        "<span class=\"{PAGE_CLASS}\"><span aria-hidden=\"true\">{span}</span><span class=\"visually-hidden\">{}</span></span>",
        span.spoken()
    ));
}

/// The class of a paragraph's pages in its margin.
pub const PAGE_CLASS: &str = "para-page";

fn paragraph_html(
    paragraph: &Paragraph,
    pages: &BTreeMap<String, PageSpan>,
    parent: Option<PageSpan>,
    out: &mut String,
) {
    let own = pages.get(&paragraph.id).copied();
    let kind = match paragraph.kind {
        ParagraphKind::Numbered(_) => "numbered",
        ParagraphKind::Sub(_) => "sub",
        ParagraphKind::Unnumbered => "unnumbered",
    };
    out.push_str("<div id=\"");
    escape(&paragraph.id, out);
    out.push_str(&format!(
        "\" class=\"para\" data-kind=\"{kind}\" dir=\"{}\" tabindex=\"-1\"><div class=\"para-margin\">",
        direction(&paragraph.text.plain()).attribute()
    ));
    if let Some(label) = paragraph.label() {
        out.push_str(if paragraph.has_long_label() {
            "<span class=\"para-label long\">"
        } else {
            "<span class=\"para-label\">"
        });
        escape(&label, out);
        out.push_str("</span>");
    }
    if let Some(span) = page_spans::shown(own, parent) {
        pages_html(span, out);
    }
    out.push_str("</div><p class=\"para-text\">");
    rich(&paragraph.text, out);
    // Where the app puts the paragraph's buttons: empty, but as tall as they are where they sit
    // below the text (narrow screens), so nothing moves when they arrive.
    out.push_str("</p><span class=\"para-side\"></span>");
    if !paragraph.children.is_empty() {
        out.push_str("<div class=\"para-children\">");
        for child in &paragraph.children {
            paragraph_html(child, pages, own, out);
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
}

fn footnote_html(footnote: &Footnote, out: &mut String) {
    let (_, back) = footnote_ids(&footnote.label);
    out.push_str("<li id=\"");
    escape(&footnote.id, out);
    out.push_str("\" tabindex=\"-1\" class=\"footnote\"><span class=\"footnote-label\">");
    escape(&footnote.label, out);
    out.push_str("</span> ");
    rich(&footnote.text, out);
    out.push_str(" <a class=\"footnote-back\" href=\"#");
    escape(&back, out);
    out.push_str("\" aria-label=\"Back to the reference to footnote ");
    escape(&footnote.label, out);
    out.push_str("\">↩</a></li>");
}

/// A report's contents table as links to its headings, set under the heading it stood under:
/// that heading's id, and the `<nav>`.
pub fn contents_html(report: &Report) -> Option<(String, String)> {
    let contents = report.contents.as_ref().filter(|c| !c.entries.is_empty())?;
    let mut out = String::new();
    out.push_str("<nav class=\"report-contents\" aria-labelledby=\"");
    escape(&contents.heading, &mut out);
    out.push_str("\"><ol>");
    for id in &contents.entries {
        let Some(heading) = report.blocks.iter().find_map(|b| match b {
            Block::Heading(h) if &h.id == id => Some(h),
            _ => None,
        }) else {
            continue;
        };
        out.push_str(&format!(
            "<li class=\"contents-level-{}\"><a href=\"#",
            heading.level
        ));
        escape(id, &mut out);
        out.push_str("\">");
        if let Some(label) = &heading.label {
            out.push_str("<span class=\"heading-label\">");
            escape(label, &mut out);
            out.push_str(" </span>");
        }
        escape(&heading.text.plain(), &mut out);
        out.push_str("</a></li>");
    }
    out.push_str("</ol></nav>");
    Some((contents.heading.clone(), out))
}

/// Headings and paragraphs as the app sets them out (what a chunk holds), without buttons; the
/// report's contents (see [`contents_html`]) under their heading.
pub fn blocks_html(
    blocks: &[Block],
    pages: &BTreeMap<String, PageSpan>,
    contents: Option<&(String, String)>,
) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(heading) => {
                heading_html(heading, &mut out);
                if let Some((_, nav)) = contents.filter(|(at, _)| *at == heading.id) {
                    out.push_str("<div class=\"contents-box\">");
                    out.push_str(nav);
                    out.push_str("</div>");
                }
            }
            Block::Paragraph(paragraph) => paragraph_html(paragraph, pages, None, &mut out),
        }
    }
    out
}

/// The report's `<article>`, as the app sets it out.
pub fn report_html(report: &Report) -> String {
    let mut out = String::new();
    let dir = report
        .cover
        .title
        .as_ref()
        .map_or(Direction::Ltr, |t| direction(&t.plain()))
        .attribute();
    out.push_str(&format!(
        "<article class=\"report\" lang=\"{}\" dir=\"{dir}\">",
        report.language()
    ));
    cover_html(&report.cover, &mut out);
    out.push_str("<div class=\"report-body\">");
    let contents = contents_html(report);
    for chunk in report.blocks.chunks(CHUNK_BLOCKS) {
        out.push_str("<div class=\"chunk\">");
        out.push_str(&blocks_html(chunk, &report.pages, contents.as_ref()));
        out.push_str("</div>");
    }
    out.push_str("</div>");
    if !report.footnotes.is_empty() {
        out.push_str("<section class=\"footnotes\" aria-label=\"Footnotes\"><ol>");
        for footnote in &report.footnotes {
            footnote_html(footnote, &mut out);
        }
        out.push_str("</ol></section>");
    }
    out.push_str("</article>");
    out
}

/// Texts shorter than this are parsed whole at once (a few milliseconds); longer ones get a first
/// screen while they are.
pub const FIRST_SCREEN_FROM: usize = 64 * 1024;
/// How much of a long text the first screen is made from: more than the tallest screen shows.
const FIRST_SCREEN_BYTES: usize = 24 * 1024;
/// How far past that a paragraph break is looked for before settling for a line break.
const BREAK_SEARCH: usize = 16 * 1024;

/// What the first screen of a long report shows (set out with [`report_html`]), read from its
/// opening alone: the blocks before the last one seen there, which may be cut short or run on
/// across a page break. `None` for a text short enough to parse whole at once.
pub fn first_screen(text: &str) -> Option<Report> {
    first_screen_from(parse(long_opening(text)?))
}

/// The opening of a long report that its first screen is read from; `None` for a text short
/// enough to parse whole at once.
pub fn long_opening(text: &str) -> Option<&str> {
    if text.len() < FIRST_SCREEN_FROM {
        return None;
    }
    opening(text)
}

/// The first screen, from the opening ([`long_opening`]) parsed.
pub fn first_screen_from(mut report: Report) -> Option<Report> {
    report.blocks.pop();
    // Footnotes sit at the end of a report; those seen this early are not all of them.
    report.footnotes.clear();
    (!report.blocks.is_empty()).then_some(report)
}

/// The text up to the first paragraph break (else line break) after `FIRST_SCREEN_BYTES`.
fn opening(text: &str) -> Option<&str> {
    let from = (FIRST_SCREEN_BYTES..text.len()).find(|&i| text.is_char_boundary(i))?;
    let window = &text[from..text.len().min(from + BREAK_SEARCH)];
    let end = window
        .find("\n\n")
        .or_else(|| window.find("\r\n\r\n"))
        .or_else(|| window.find('\n'))?;
    Some(&text[..from + end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{parse, DEFAULT_REPORT};

    #[test]
    fn the_default_reports_static_page_is_up_to_date() {
        let expected = report_html(&parse(DEFAULT_REPORT));
        assert!(
            include_str!("../../web/default-report.html").trim_end() == expected,
            "web/default-report.html is out of date: run `cargo run --example prerender > web/default-report.html`"
        );
    }

    #[test]
    fn the_default_reports_bundled_model_is_up_to_date() {
        let parsed = parse(DEFAULT_REPORT);
        assert!(
            include_str!("../../web/default-report.json").trim_end()
                == serde_json::to_string(&parsed).unwrap(),
            "web/default-report.json is out of date: run `cargo run --example model > web/default-report.json`"
        );
        assert_eq!(crate::report::default_report(), parsed);
    }

    #[test]
    fn the_static_page_has_every_paragraph_with_its_id_number_and_text() {
        let html = report_html(&parse(DEFAULT_REPORT));
        for n in 1..=11 {
            assert!(html.contains(&format!("<div id=\"p{n}\" class=\"para\" data-kind=\"numbered\" dir=\"ltr\" tabindex=\"-1\"><div class=\"para-margin\"><span class=\"para-label\">{n}.</span>")));
        }
        assert!(html.contains("<h1 class=\"title\">Report of the Meeting of the OIC Contact Group on Jammu and Kashmir</h1>"));
        assert!(
            html.contains("OIC-CFM-51\\2025-CG-J&amp;K\\FINAL.REP"),
            "text is escaped"
        );
    }

    #[test]
    fn markup_in_a_report_stays_text() {
        let html = report_html(&parse("1. A <script>alert(1)</script> and <img src=x onerror=\"y()\"> and a [link](javascript:z()).\n"));
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            !html.contains("javascript:"),
            "unsafe links are not links: {html}"
        );
    }

    /// A long report in the shape of the benchmark's: sections, numbered paragraphs, sub-paragraphs.
    fn long_report() -> String {
        let mut text =
            String::from("A/TEST/1\n\nReport of a Long Session\n\nGeneva, 3 March 2025\n\n");
        for n in 1..=1000 {
            if n % 40 == 1 {
                let roman = ["", "X", "XX"][n / 400].to_string()
                    + ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n / 40 % 10];
                text.push_str(&format!("{roman}. Section {}\n\n", n / 40 + 1));
            }
            text.push_str(&format!("{n}. The council recalls its resolution {n} and <reaffirms> its commitment to the matter in hand.\n"));
            if n % 7 == 0 {
                text.push_str("(a) Welcomes the efforts;\n(b) Calls upon all parties.\n");
            }
            text.push('\n');
        }
        text
    }

    fn first_screen_html_of(text: &str) -> Option<String> {
        first_screen(text).map(|report| report_html(&report))
    }

    #[test]
    fn a_long_reports_first_screen_is_the_start_of_its_whole_markup() {
        let text = long_report();
        assert!(text.len() > FIRST_SCREEN_FROM);
        let first = first_screen_html_of(&text).expect("a long report has a first screen");
        let whole = report_html(&parse(&text));
        // Same markup, element for element, so nothing moves when the whole replaces it.
        let open = first
            .strip_suffix("</div></div></article>")
            .expect("ends with its chunk, body and article");
        assert!(
            whole.starts_with(open),
            "the first screen is a prefix of the whole report's markup"
        );
        assert!(
            first.contains("id=\"p1\"") && first.contains("id=\"p7-a\""),
            "paragraphs and sub-paragraphs with their ids"
        );
        let shown = first
            .matches("class=\"para\" data-kind=\"numbered\"")
            .count();
        assert!(
            (40..400).contains(&shown),
            "more than a screen, far less than the report: {shown} of 800"
        );
        assert!(
            first.contains("&lt;reaffirms&gt;"),
            "text is escaped as in the whole"
        );
        assert!(
            whole.contains("<span class=\"para-label long\">1000.</span>")
                && whole.contains("<span class=\"para-label\">999.</span>")
        );
    }

    #[test]
    fn the_first_screen_never_shows_a_block_that_may_be_cut() {
        let text = long_report();
        let cut = opening(&text).unwrap();
        let last_in_opening = parse(cut).blocks.len();
        let first = first_screen_html_of(&text).unwrap();
        let whole = parse(&text);
        let Block::Paragraph(last_shown) = &whole.blocks[last_in_opening - 2] else {
            panic!("a paragraph")
        };
        let Block::Paragraph(held_back) = &whole.blocks[last_in_opening - 1] else {
            panic!("a paragraph")
        };
        assert!(first.contains(&format!("id=\"{}\"", last_shown.id)));
        assert!(
            !first.contains(&format!("id=\"{}\"", held_back.id)),
            "the last block of the opening waits for the whole"
        );
    }

    #[test]
    fn a_first_screen_keeps_markup_in_the_report_as_text() {
        let text = format!("1. A <script>alert(1)</script> and <img src=x onerror=\"y()\"> and [a](javascript:z()).\n\n{}", long_report());
        let first = first_screen_html_of(&text).unwrap();
        assert!(
            !first.contains("<script") && !first.contains("<img") && !first.contains("javascript:"),
            "{}",
            &first[..600]
        );
        assert!(first.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn short_texts_and_texts_without_breaks_are_parsed_whole_at_once() {
        assert_eq!(first_screen_html_of(DEFAULT_REPORT), None);
        assert_eq!(
            first_screen_html_of(&"word ".repeat(30_000)),
            None,
            "no line break to cut at"
        );
        let crlf = long_report().replace('\n', "\r\n");
        assert!(
            first_screen_html_of(&crlf).unwrap().contains("id=\"p1\""),
            "Windows line ends"
        );
        let arabic: String = (1..3000)
            .map(|n| format!("{n}. نص الفقرة من التقرير، وهي فقرة طويلة بعض الشيء.\n\n"))
            .collect();
        let opening = opening(&arabic).expect("an opening");
        assert!(
            opening.len() >= FIRST_SCREEN_BYTES && arabic.starts_with(opening),
            "cut on a character boundary"
        );
        assert!(first_screen_html_of(&arabic)
            .unwrap()
            .contains("dir=\"rtl\""));
    }
}
