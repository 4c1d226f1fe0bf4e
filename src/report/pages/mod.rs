//! First of all, the text as a paginated document leaves it when it is exported or copied
//! (from a PDF, or a word processor's "save as text"): this pass takes away what belongs to the
//! page rather than to the report, and turns footnotes left at the foot of a page into Markdown
//! footnotes, so that the passes after it see the report's own text in its own order.
//!
//! - Layout: lines are trimmed and runs of spaces folded (a layout-keeping export indents and
//!   justifies with spaces); in the head of the document, two columns side by side
//!   ("United Nations        A/HRC/59/23") become their lines one after the other.
//! - Page furniture: job numbers (`GE.25-11482(E)`, `25-11482 (E)  090725  100725`), barcode
//!   leftovers (`*2511482*`), "Please recycle", page numbers (`3`, `- 3 -`, `Page 3 of 12`) and
//!   running headers and footers (the symbol, or a line that stands at the top or foot of page
//!   after page). Where furniture stood inside a paragraph, the paragraph's lines meet again.
//! - Footnotes: at the foot of a page (after a rule of underscores, or not), a line that is or
//!   starts with the number of the next footnote, glued to the end of a word in the page's text
//!   above it (`records.3`, `States,2`), starts the page's footnotes; each becomes `[^N]: …`
//!   and its reference `[^N]`. A number with no such reference above is not a footnote.
//! - A paragraph number or sub-paragraph letter left alone on its line (exports put them apart
//!   from their text) is put back at the start of its text.
//!
//! When in doubt, a line stays: a number or a symbol alone is furniture only where a page
//! breaks (beside a form feed or other furniture), or, for page numbers, when they count up
//! through the document; a line is a running header or footer only when it repeats.

use std::borrow::Cow;

mod footnotes;
mod furniture;
mod joining;
mod layout;
mod lines;

use footnotes::take_footnotes;
use furniture::{
    classify, furniture, mark_running_lines, page_of, settle_doubtful, FURNITURE_BYTES,
};
use joining::{close_gaps, part_paragraphs, rejoin_markers};
use layout::{head_symbol, looks_laid_out, regroup_head_columns, split_lines};
use lines::Kind;

/// The report's own text, without what belongs to its pages (see the module's documentation).
pub fn clean(text: &str) -> Cow<'_, str> {
    let paginated = text.bytes().any(|b| b == b'\x0c' || b == b'_')
        || looks_laid_out(text)
        || text.lines().map(str::trim).any(|l| {
            l.len() <= FURNITURE_BYTES && (furniture(l) || page_of(&l.to_lowercase()).is_some())
        });
    if !paginated {
        // Nothing paginated about it (a Markdown file, a pasted note): leave it as it is.
        return Cow::Borrowed(text);
    }
    let regrouped;
    let text = if looks_laid_out(text) {
        regrouped = regroup_head_columns(text);
        regrouped.as_str()
    } else {
        text
    };
    let mut lines = split_lines(text);
    let symbol = head_symbol(&lines);
    classify(&mut lines, symbol.as_deref());
    let footnotes = take_footnotes(&mut lines);
    settle_doubtful(&mut lines);
    mark_running_lines(&mut lines);
    rejoin_markers(&mut lines);
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    // For each line kept, whether a page broke since the line kept before it.
    let mut after_page_break: Vec<bool> = Vec::with_capacity(lines.len());
    let mut broke = false;
    for line in &lines {
        broke |= line.page_starts;
        match line.kind {
            Kind::Text => out.push(&line.text),
            Kind::Blank => out.push(""),
            _ => continue,
        }
        after_page_break.push(broke);
        broke = false;
    }
    let out = close_gaps(out, &after_page_break);
    let mut text = part_paragraphs(&out).join("\n").trim_end().to_string();
    for (label, note) in footnotes {
        text.push_str(&format!("\n\n[^{label}]: {note}"));
    }
    text.push('\n');
    Cow::Owned(text)
}

#[cfg(test)]
mod tests {
    use super::footnotes::*;
    use super::*;

    #[test]
    fn job_numbers_barcodes_and_recycling_notes_are_furniture() {
        for line in [
            "GE.25-11482(E)",
            "GE.25-11482 (E)",
            "25-11482 (E) 090725 100725",
            "*2511482*",
            "GE.25-11482(E) *2511482*",
            "Please recycle",
            "♲ Please recycle",
            "Page 3 of 12",
        ] {
            assert!(furniture(line), "{line}");
        }
        for line in [
            "2025-2026",
            "25-11482 was the number",
            "resolution 56/7",
            "Page three",
            "12 June 2025",
            "In 2025-11482 cases",
        ] {
            assert!(!furniture(line), "{line}");
        }
    }

    #[test]
    fn furniture_inside_a_paragraph_goes_and_the_paragraph_meets_again() {
        let text = "A/HRC/1/2\n\n1. The Council calls upon all States to adhere to the\nGE.25-11482\n2\n\u{c}A/HRC/1/2\nagreement and to protect civilians.\n\n2. It decides to remain seized.\n";
        assert_eq!(clean(text), "A/HRC/1/2\n\n1. The Council calls upon all States to adhere to the\nagreement and to protect civilians.\n\n2. It decides to remain seized.\n");
    }

    /// Paragraphs 1 to 5 of a numbered report, with paragraph `n` cut by a page break after a
    /// full line that ends a sentence, and the next page opening with `next`.
    fn cut_after_a_sentence(next: &str) -> String {
        let mut text = String::from("A/HRC/1/2\n\n");
        for n in 1..=5 {
            text.push_str(&format!("{n}. The Council recalls its resolutions on the situation and reaffirms its commitment to the\nsovereignty of member states and welcomes the efforts of the secretary general and envoy.\n\n"));
        }
        text.push_str("6. The Council calls upon all parties to respect international humanitarian law and all\nto facilitate safe and unhindered access for all humanitarian personnel in the region.\n\nGE.25-11482\n\u{c}A/HRC/1/2\n\n");
        text.push_str(next);
        text
    }

    #[test]
    fn across_a_page_break_a_numbered_reports_paragraph_goes_on_after_a_sentence_unless_a_block_opens(
    ) {
        let goes_on = clean(&cut_after_a_sentence("It requests the Secretary-General to report on the implementation within ninety days.\n")).into_owned();
        assert!(
            goes_on.contains("humanitarian personnel in the region.\nIt requests"),
            "{goes_on}"
        );
        for opens in ["7. It requests the Secretary-General to report on the implementation within ninety days.\n", "(a) To report on the implementation of this resolution within ninety days of its adoption;\n", "B. Follow-up\n"] {
            let parted = clean(&cut_after_a_sentence(opens)).into_owned();
            let first = opens.split_whitespace().next().unwrap();
            assert!(parted.contains(&format!("\n\n{first}")) && !parted.contains(&format!("region.\n{first}")), "{parted}");
        }
        // A report without numbered paragraphs: no telling a paragraph from its continuation.
        let unnumbered = cut_after_a_sentence("It requests the Secretary-General to report on the implementation within ninety days.\n").replace(". The Council", " The Council");
        assert!(
            !clean(&unnumbered).contains("in the region.\nIt requests"),
            "{}",
            clean(&unnumbered)
        );
    }

    #[test]
    fn a_number_or_the_symbol_alone_in_the_body_stays_text_when_no_page_breaks_there() {
        // A table's figure and a reference to the document, each a paragraph of its own, in a
        // text whose pages are marked (a job number on each).
        let text = "A/HRC/1/2\n\n1. The votes cast in favour were:\n\n128\n\n2. The reference is:\n\nA/HRC/1/2\n\n3. The Council adopted the text.\n\nGE.25-11482\n";
        let cleaned = clean(text);
        assert!(cleaned.contains("\n128\n"), "{cleaned}");
        assert_eq!(cleaned.matches("A/HRC/1/2").count(), 2, "{cleaned}");
        assert!(!cleaned.contains("GE.25"), "{cleaned}");
    }

    #[test]
    fn page_numbers_that_count_up_go_and_so_does_a_pages_own_number() {
        let text = "1. First.\n\n2\n\n2. Second.\n\n3\n\n3. Third.\n\n4\n";
        assert_eq!(
            clean(&format!("{text}\u{c}"))
                .matches(char::is_numeric)
                .count(),
            3,
            "only the paragraph numbers are left"
        );
        let paged = "1. First paragraph goes\n\u{c}2\non here.\n";
        assert_eq!(clean(paged), "1. First paragraph goes\non here.\n");
    }

    #[test]
    fn running_headers_repeated_at_the_top_of_pages_go() {
        let page = |n: u32| {
            format!("Report of the Working Group\n\n{n}. Paragraph {n} of the report.\n\n")
        };
        let text = format!("{}\u{c}{}\u{c}{}", page(1), page(2), page(3));
        let cleaned = clean(&text);
        assert!(!cleaned.contains("Working Group"), "{cleaned}");
        assert_eq!(cleaned.matches("Paragraph").count(), 3);
    }

    #[test]
    fn footnotes_at_the_foot_of_a_page_become_markdown_footnotes() {
        let text = "1. The Council recalled its records.1 It noted resolution 56/7 of 2024.\n\n______\n1 A/HRC/56/7, para. 2.\n\u{c}2. Next page.\n";
        let cleaned = clean(text);
        assert!(
            cleaned.contains("records.[^1] It noted resolution 56/7 of 2024."),
            "{cleaned}"
        );
        assert!(
            cleaned.ends_with("[^1]: A/HRC/56/7, para. 2.\n"),
            "{cleaned}"
        );
        assert!(!cleaned.contains("______"));
        // A number with no reference above it is no footnote: the line stays.
        let unreferenced =
            "1. The Council met in 2024.\n\n______\n2 Something else.\n\u{c}2. Next.\n";
        assert!(clean(unreferenced).contains("2 Something else."));
    }

    #[test]
    fn footnote_references_are_numbers_glued_to_words_not_numbers_in_sentences() {
        let at = |text: &str, label: &str| {
            text.find(label)
                .map(|i| glued_reference(text, i, label))
                .unwrap_or(false)
        };
        assert!(at("as in its records.3 The", "3"));
        assert!(at("Member States,2 and", "2"));
        assert!(at("the “Pact”4 says", "4"));
        assert!(at("human rights12", "12"));
        assert!(!at("resolution 56/7 of", "7"));
        assert!(!at("in 2026.", "2026"));
        assert!(!at("paragraph 5.2 above", "2"));
        assert!(
            at("en application de sa résolution 52/9.1", "1"),
            "at the end of a sentence that ends with a number"
        );
        assert!(at("resolution 52/9.1 The next", "1"));
        assert!(!at("A/HRC/59/23", "23"));
    }
}
