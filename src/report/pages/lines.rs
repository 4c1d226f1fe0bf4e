//! The lines of a paginated text, and what the pass has found each to be; the small tests on a
//! line that every part of the pass asks (does it start a numbered paragraph, end a sentence).

/// One line of the text, and what this pass has found it to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line {
    pub(super) text: String,
    /// A form feed stood before it: a new page starts here.
    pub(super) page_starts: bool,
    pub(super) kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Blank,
    /// Certainly furniture: a job number, a barcode, "Please recycle", "Page 3 of 12".
    Furniture,
    /// A number alone, or the symbol alone: furniture only beside a page break.
    MaybePageNumber,
    MaybeHeader,
    /// A rule of underscores: footnotes may follow.
    FootnoteRule,
    /// Part of a footnote, which leaves the text for the footnotes at its end.
    Footnote,
}

/// How many lines at the head of a document are read as its title block, for columns.
pub(super) const HEAD_LINES: usize = 40;

/// "1. The Council", "12. Decides": where a report's numbered body starts.
pub(super) fn starts_numbered(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && line[digits..].starts_with(". ")
}

/// Whether a line ends a sentence, a footnote reference after it aside (`States.[^1]`).
pub(super) fn ends_sentence(line: &str) -> bool {
    let mut line = line.trim_end();
    if let Some(at) = line.rfind("[^").filter(|_| line.ends_with(']')) {
        line = &line[..at];
    }
    line.trim_end_matches(['”', '’', '"', ')'])
        .ends_with(['.', ':', ';', '!', '?', '؟', '。'])
}

/// A line's width in columns, as the page sets it: a Chinese or Japanese character (and the
/// full-width punctuation among them) takes two, as wide as two Latin letters.
pub(super) fn columns(line: &str) -> usize {
    if line.is_ascii() {
        return line.len();
    }
    line.chars()
        .map(|c| {
            if crate::report::model::is_cjk(c) {
                2
            } else {
                1
            }
        })
        .sum()
}
