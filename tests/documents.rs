//! Word documents (`tests/fixtures/docx/`, made by its `make.py` on Word's own template) read
//! by the document reader and parsed as the app parses them: the numbers Word's automatic
//! numbering shows, headings, footnotes and the symbol are the report's; the files the reader
//! cannot read are refused in words.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use document_reader::docx::{text_of_docx, DocxProblem};
use report_reader::report::{parse, Block, Report};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/docx")
            .join(name),
    )
    .unwrap()
}

fn ids(report: &Report) -> Vec<String> {
    report
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Heading(h) => vec![h.id.clone()],
            Block::Paragraph(_) => Vec::new(),
        })
        .chain(report.paragraphs().map(|p| p.id.clone()))
        .collect()
}

#[test]
fn a_un_report_in_word_has_its_automatic_numbers_headings_footnotes_and_head() {
    let text = text_of_docx(&fixture("un-hrc-upr-report.docx")).unwrap();
    let report = parse(&text);
    assert_eq!(report.cover.symbol.as_deref(), Some("A/HRC/61/27"));
    assert_eq!(
        report.cover.title.as_ref().map(|t| t.plain()).as_deref(),
        Some("Report of the Working Group on the Universal Periodic Review")
    );
    assert_eq!(report.cover.date.as_deref(), Some("12 January 2026"));
    let ids = ids(&report);
    for id in [
        "h-i-introduction",
        "h-ii-summary-of-the-proceedings-of-the-review-process",
        "h-iii-conclusions-and-or-recommendations",
        "p1",
        "p2",
        "p3",
        "p3-a",
        "p3-b",
        "p3-c",
        "p4",
        "p5",
        "p6",
    ] {
        assert!(ids.contains(&id.to_string()), "{id} in {ids:?}");
    }
    assert_eq!(
        report
            .paragraphs()
            .filter(|p| p.id.starts_with('p'))
            .count(),
        9,
        "{ids:?}"
    );
    let p2 = report.paragraphs().find(|p| p.id == "p2").unwrap();
    assert!(
        p2.text
            .spans()
            .iter()
            .any(|s| s.style.emphasis && s.text == "took note"),
        "italic kept"
    );
    let p5 = report
        .paragraphs()
        .find(|p| p.id == "p5")
        .unwrap()
        .text
        .plain();
    assert!(
        p5.ends_with("made statements. Recommendations are listed below."),
        "tracked changes as accepted: {p5}"
    );
    let notes: Vec<(String, String)> = report
        .footnotes
        .iter()
        .map(|n| (n.label.clone(), n.text.plain()))
        .collect();
    assert_eq!(
        notes,
        [
            ("1".into(), "See A/HRC/5/21, annex.".into()),
            (
                "2".into(),
                "The full statement is on the Extranet of the Council.".into()
            )
        ]
    );
}

#[test]
fn a_communique_takes_its_symbol_from_the_page_header_and_a_restarted_list_counts_again() {
    let report = parse(&text_of_docx(&fixture("oic-communique.docx")).unwrap());
    assert_eq!(
        report.cover.symbol.as_deref(),
        Some("OIC/EX-CFM/2026/PAL/FC")
    );
    assert_eq!(
        report.cover.title.as_ref().map(|t| t.plain()).as_deref(),
        Some("Final Communiqué of the Extraordinary Session of the Council of Foreign Ministers")
    );
    let numbers: Vec<String> = report.paragraphs().filter_map(|p| p.label()).collect();
    assert_eq!(numbers, ["1.", "2.", "3.", "1.", "2."]);
    assert_eq!(report.footnotes.len(), 1);
}

#[test]
fn files_the_reader_cannot_read_are_refused_in_words() {
    assert_eq!(
        text_of_docx(&fixture("encrypted.docx")),
        Err(DocxProblem::Encrypted)
    );
    assert_eq!(
        text_of_docx(&fixture("macros.docm")),
        Err(DocxProblem::Macros)
    );
    assert_eq!(
        text_of_docx(&fixture("no-document.docx")),
        Err(DocxProblem::NoDocument)
    );
    assert_eq!(
        text_of_docx(b"1. A report saved as text, named .docx."),
        Err(DocxProblem::NotZip)
    );
    let report = fixture("un-hrc-upr-report.docx");
    assert!(
        matches!(
            text_of_docx(&report[..report.len() / 2]),
            Err(DocxProblem::NotZip | DocxProblem::Damaged(_))
        ),
        "a file cut short"
    );
}
