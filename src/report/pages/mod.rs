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
    if !paginated && !ends_with_footnotes(text) {
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

/// Whether a text ends with its footnotes, as a word processor's "save as text" gathers them:
/// its last paragraphs each start with a note's number, counting up from 1 to the last.
fn ends_with_footnotes(text: &str) -> bool {
    let mut expected = None;
    for paragraph in text.trim_end().rsplit("\n\n").map(str::trim) {
        let Some((label, rest)) = footnotes::footnote_start(paragraph) else {
            return false;
        };
        let Ok(n) = label.parse::<u32>() else {
            return false;
        };
        if rest.is_empty() || expected.is_some_and(|e| e != n) {
            return false;
        }
        if n == 1 {
            return true;
        }
        expected = Some(n - 1);
    }
    false
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
            "26-12034 (C) 050826 060826 *2612034* 请回收",
            "GE.25-11482(E) *2511482* ♲ Please recycle",
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
    fn footnotes_gathered_at_the_end_of_a_text_without_pages_are_found_there() {
        // As a word processor saves a document as text: no page breaks, no rule, the notes at
        // the end; an Arabic paragraph number ("1 - ") is never a note.
        let text = "1 - عُقد الاجتماع في عمّان بحضور المجتمع المدني1.\n\n2 - وأشار القرار 2365 (2017) إلى ذلك2.\n\n1 يمكن الحصول على القائمة.\n\n2 انظر القرار.\n";
        let cleaned = clean(text);
        assert!(cleaned.contains("المدني[^1]."), "{cleaned}");
        assert!(cleaned.contains("ذلك[^2]."), "{cleaned}");
        assert!(
            cleaned.ends_with("[^1]: يمكن الحصول على القائمة.\n\n[^2]: انظر القرار.\n"),
            "{cleaned}"
        );
        // Numbered paragraphs at a text's end are no notes: they do not count up from 1.
        let plain = "Text.\n\n2 Two.\n\n3 Three.\n";
        assert_eq!(clean(plain), plain);
    }

    #[test]
    fn a_star_glued_to_its_note_and_a_job_number_with_please_recycle_are_read() {
        let text = "A/81/207\n\n初步清单*项目25\n\n摘要\n\n本报告介绍了最新趋势。\n\n*A/81/50。\n\n26-12034 (C) 050826 060826 *2612034* 请回收\n\u{c}A/81/207\n\n一、导言\n";
        let cleaned = clean(text);
        assert!(cleaned.contains("清单[^*]项目25"), "{cleaned}");
        assert!(cleaned.ends_with("[^*]: A/81/50。\n"), "{cleaned}");
        assert!(!cleaned.contains("请回收"), "{cleaned}");
    }

    #[test]
    fn a_paragraph_number_set_after_its_first_line_goes_back_before_it() {
        // pdftotext may set "2." below its paragraph's first line, a full one that goes on.
        let line = "本报告借鉴了会员国和联合国系统各实体提供的资料，以及粮食及农业组织和国际农业发展基金的数";
        let text = format!("A/81/207\n\n1.\n{line}\n报告即是应这一要求提交的。\n{line}\n2.\n据，并且作了一些分析。\n\x0cA/81/207\n");
        let cleaned = clean(&text);
        assert!(
            cleaned.contains(&format!("要求提交的。\n\n2. {line}\n据，")),
            "{cleaned}"
        );
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
