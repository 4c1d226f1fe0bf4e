//! Reports: their structure, and how it is read from text. Pure Rust, no browser.
//!
//! Parsing runs in two passes: [`markdown`] lets pulldown-cmark find blocks and styling and keeps
//! the lines; [`structure`] recognises the title block, headings and numbered paragraphs on top.

mod cover;
mod markdown;
mod model;
mod structure;

pub use model::{Block, Cover, Heading, Paragraph, ParagraphKind, Report, RichText, Span, Style};
pub use structure::parse;

/// The report that opens when the app starts, bundled into the build.
pub const DEFAULT_REPORT: &str = include_str!("../../reports/oic-cfm-51-cg-jk-2025.txt");
