//! Word documents (.docx) read as the text the reader parses into a report: each Word paragraph
//! a block, in the Markdown conventions the reader's parser knows. Pure Rust, no browser; the
//! app runs it in its document reader's web worker (`src/bin/document-reader.rs`).
//!
//! What Word keeps apart from the text is put back into it:
//! - numbers from Word's automatic numbering (`numbering.xml`), as Word shows them: UN documents
//!   number their paragraphs this way, so the numbers are nowhere in the text itself;
//! - heading styles ("Heading 1", "Title", or an outline level) as Markdown headings;
//! - footnotes (`footnotes.xml`) as Markdown footnotes, numbered as Word numbers them;
//! - bold and italic runs as `**strong**` and `*emphasis*`;
//! - the document symbol from the page header, when the body does not carry it.
//!
//! Deleted text of tracked changes and field codes are left out; inserted text is kept.

mod document;
mod numbering;
mod package;
mod styles;
mod write;

pub use package::DocxProblem;

/// The report text of a .docx file's bytes, or why it cannot be read.
pub fn text_of_docx(bytes: &[u8]) -> Result<String, DocxProblem> {
    let parts = package::Parts::read(bytes)?;
    Ok(text_of_parts(&parts))
}

/// The report text of a document's parts (its XML, as the package holds it).
pub(crate) fn text_of_parts(parts: &package::Parts) -> String {
    let styles = styles::Styles::parse(parts.styles.as_deref().unwrap_or(""));
    let mut numbering = numbering::Numbering::parse(parts.numbering.as_deref().unwrap_or(""));
    let body = document::paragraphs(&parts.document);
    let notes = parts
        .footnotes
        .as_deref()
        .map(document::footnotes)
        .unwrap_or_default();
    let headers: Vec<String> = parts
        .headers
        .iter()
        .map(|h| document::plain_text(h))
        .collect();
    write::report_text(&body, &notes, &headers, &styles, &mut numbering)
}
