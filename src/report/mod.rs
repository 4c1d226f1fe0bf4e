//! Reports: their structure, and how it is read from text. Pure Rust, no browser.
//!
//! Parsing runs in three passes: [`pages`] takes away what a paginated document's pages add to
//! its text (page furniture) and turns footnotes at the foot of a page into Markdown ones;
//! [`markdown`] lets pulldown-cmark find blocks and styling and keeps the lines; [`structure`]
//! recognises the title block, headings and numbered paragraphs on top.

mod cited;
pub(crate) mod clauses;
mod cover;
mod former;
pub mod html;
pub mod input;
pub mod language;
mod markdown;
mod model;
pub mod page_spans;
mod pages;
pub mod pdf;
mod structure;

pub use former::former_ids;
pub use model::{
    footnote_ids, is_cjk, Block, Contents, Cover, Footnote, FootnoteRef, Heading, PageSpan,
    Paragraph, ParagraphKind, Report, RichText, Span, Style,
};
pub use structure::parse;

/// The passes of [`parse`], one at a time, for a caller that lets the page breathe between
/// them (a long PDF's text is parsed on the page's own thread): the text without what its
/// pages added, then its structure, and last [`page_spans::page_spans`] from the text as it was.
pub fn without_page_furniture(source: &str) -> std::borrow::Cow<'_, str> {
    pages::clean(source)
}

/// The structure of a text that [`without_page_furniture`] has been through (see [`parse`]).
pub fn structure_of(text: &str) -> Report {
    structure::parse_clean(text)
}

/// The report that opens when the app starts, bundled into the build.
pub const DEFAULT_REPORT: &str = include_str!("../../reports/oic-cfm-51-cg-jk-2025.txt");
/// The default report as parsed, bundled as data (`web/default-report.json`, written by `cargo
/// run --example model`; a test fails when it is stale): the app shows it without the parser,
/// which it fetches only for other reports and for notes.
const DEFAULT_REPORT_MODEL: &str = include_str!("../../web/default-report.json");

/// The default report, as [`parse`] reads [`DEFAULT_REPORT`].
pub fn default_report() -> Report {
    serde_json::from_str(DEFAULT_REPORT_MODEL)
        .expect("web/default-report.json holds a report (a test reads it)")
}

/// The bundled report's id, under which its annotations are stored.
pub const DEFAULT_REPORT_ID: &str = "oic-cfm-51-cg-jk-2025";

/// A note's text read with the conventions reports use (emphasis, strong, code, safe links; raw
/// HTML stays text), as blocks of lines.
pub fn note_blocks(text: &str) -> Vec<Vec<RichText>> {
    markdown::source_blocks(text)
        .into_iter()
        .map(|block| block.lines)
        .filter(|lines| !lines.is_empty())
        .collect()
}
