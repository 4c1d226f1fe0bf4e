//! The corpus of reports as people have them (`tests/fixtures/corpus/`, made by its `make.mjs`:
//! UN, OIC, EU and AU documents printed to PDF as published and exported to text with the layout
//! kept and without; some also in Word, made by its `make-docx.py`). For every report, in every
//! form: the outline its source gives (title, symbol, date, language, every id in order, the
//! footnotes), and every word of its body, in order, with nothing of the page's furniture among
//! them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use document_reader::{docx, layout};
use report_reader::report::language::language;
use report_reader::report::{is_cjk, parse, Block, FootnoteRef, Paragraph, Report, RichText};
use serde_json::Value;

fn corpus() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut reports: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".expected.json")?.to_string();
            // `CORPUS_ONLY=un-hrc-report-ar cargo test --test corpus`: that report alone.
            if std::env::var("CORPUS_ONLY").is_ok_and(|only| !only.split(',').any(|o| o == stem)) {
                return None;
            }
            let expected =
                serde_json::from_str(&std::fs::read_to_string(dir.join(&name)).ok()?).ok()?;
            Some((stem, expected))
        })
        .collect();
    reports.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        reports.len() >= 12 || std::env::var("CORPUS_ONLY").is_ok(),
        "a dozen reports at least: {}",
        reports.len()
    );
    reports
}

/// A report's texts as readers have them: exported with the layout kept, without, read from
/// its PDF by pdf.js (its positioned runs, laid out by `report::layout`), and, where the report
/// has a Word form (`<name>.docx`), read from it as the app reads a Word file (the document
/// reader's `docx::text_of_docx`, the text its worker gives the parser).
fn forms(stem: &str) -> Vec<(String, &'static str)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let read = |name: String| std::fs::read_to_string(dir.join(name));
    let mut forms = vec![
        (read(format!("{stem}.layout.txt")).unwrap(), "layout kept"),
        (read(format!("{stem}.txt")).unwrap(), "plain"),
    ];
    if let Ok(runs) = read(format!("{stem}.runs.json")) {
        let pdf: PdfRuns = serde_json::from_str(&runs).unwrap();
        forms.push((layout::text_of_pages(&pdf.pages), "PDF"));
    }
    if let Ok(bytes) = std::fs::read(dir.join(format!("{stem}.docx"))) {
        let text = docx::text_of_docx(&bytes)
            .unwrap_or_else(|problem| panic!("{stem}.docx cannot be read: {problem}"));
        forms.push((text, "Word"));
    }
    forms
}

#[derive(serde::Deserialize)]
struct PdfRuns {
    pages: Vec<layout::Page>,
}

fn ids(report: &Report) -> Vec<String> {
    fn walk(p: &Paragraph, out: &mut Vec<String>) {
        out.push(p.id.clone());
        p.children.iter().for_each(|c| walk(c, out));
    }
    let mut out = Vec::new();
    for block in &report.blocks {
        match block {
            Block::Heading(h) => out.push(h.id.clone()),
            Block::Paragraph(p) => walk(p, &mut out),
        }
    }
    out
}

/// The words of a text as a reader reads them, footnote references aside.
fn words_of(text: &RichText, out: &mut Vec<String>) {
    let plain: String = text
        .spans()
        .iter()
        .filter(|s| s.style.footnote == FootnoteRef::No)
        .map(|s| s.text.as_str())
        .collect();
    out.extend(words(&plain));
}

/// Words, without the dashes that stand alone between them ("أولاً - مقدمة"), and without the
/// hyphens inside them: pdftotext takes the hyphen out of a compound it finds at a line's end
/// ("high-" + "level" comes out "highlevel"), which no reader of the text can put back.
fn words(text: &str) -> impl Iterator<Item = String> {
    // Chinese sets no space between words: each of its characters counts as one.
    let spaced: String = text
        .chars()
        .flat_map(|c| {
            if is_cjk(c) {
                vec![' ', c, ' ']
            } else {
                vec![c]
            }
        })
        .collect();
    spaced
        .split_whitespace()
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| w.replace(['-', '‐'], ""))
}

fn body_words(report: &Report) -> Vec<String> {
    fn walk(p: &Paragraph, out: &mut Vec<String>) {
        words_of(&p.text, out);
        p.children.iter().for_each(|c| walk(c, out));
    }
    let mut out = Vec::new();
    for block in &report.blocks {
        match block {
            Block::Heading(h) => {
                out.extend(h.label.iter().flat_map(|l| words(l).collect::<Vec<_>>()));
                words_of(&h.text, &mut out);
            }
            Block::Paragraph(p) => walk(p, &mut out),
        }
    }
    out
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_report_in_both_forms_has_the_outline_its_source_gives() {
    let mut failures = Vec::new();
    for (stem, expected) in corpus() {
        for (text, form) in forms(&stem) {
            let report = parse(&text);
            let cover = &report.cover;
            let found = [
                (
                    "title",
                    cover.title.as_ref().map(RichText::plain),
                    expected["title"].as_str().map(str::to_string),
                ),
                (
                    "symbol",
                    cover.symbol.clone(),
                    expected["symbol"].as_str().map(str::to_string),
                ),
                (
                    "date",
                    cover.date.clone(),
                    expected["date"].as_str().map(str::to_string),
                ),
            ];
            for (what, got, want) in found {
                if got != want {
                    failures.push(format!("{stem} ({form}): {what} is {got:?}, not {want:?}"));
                }
            }
            let got_ids = ids(&report);
            let want_ids = strings(&expected["ids"]);
            if got_ids != want_ids {
                failures.push(format!(
                    "{stem} ({form}): ids\n    got  {got_ids:?}\n    want {want_ids:?}"
                ));
            }
            // A contents table is read as the headings its entries lead to.
            let entries: Vec<String> = report
                .contents
                .as_ref()
                .map(|c| c.entries.clone())
                .unwrap_or_default();
            let want_entries: Vec<String> = expected["contents"]
                .as_array()
                .map(|list| {
                    list.iter()
                        .map(|e| e["target"].as_str().unwrap().to_string())
                        .collect()
                })
                .unwrap_or_default();
            if entries != want_entries {
                failures.push(format!(
                    "{stem} ({form}): contents\n    got  {entries:?}\n    want {want_entries:?}"
                ));
            }
            let notes: Vec<(String, String)> = report
                .footnotes
                .iter()
                .map(|n| (n.label.clone(), n.text.plain()))
                .collect();
            let want_notes: Vec<(String, String)> = expected["footnotes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| {
                    (
                        n["label"].as_str().unwrap().to_string(),
                        n["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            if notes != want_notes {
                failures.push(format!(
                    "{stem} ({form}): footnotes\n    got  {notes:?}\n    want {want_notes:?}"
                ));
            }
            let texts: Vec<String> = report.paragraphs().map(|p| p.text.plain()).collect();
            let lang = language(texts.iter().map(String::as_str));
            if Some(lang) != expected["language"].as_str() {
                failures.push(format!(
                    "{stem} ({form}): language {lang}, not {}",
                    expected["language"]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn nothing_of_a_reports_own_text_is_lost_and_no_furniture_is_left_in_it() {
    let mut failures = Vec::new();
    for (stem, expected) in corpus() {
        let want: Vec<String> = strings(&expected["words"])
            .iter()
            .flat_map(|w| words(w).collect::<Vec<_>>())
            .collect();
        for (text, form) in forms(&stem) {
            let got = body_words(&parse(&text));
            if got != want {
                let at = got
                    .iter()
                    .zip(&want)
                    .position(|(a, b)| a != b)
                    .unwrap_or(got.len().min(want.len()));
                let around = |list: &[String]| {
                    list[at.saturating_sub(5)..(at + 6).min(list.len())].join(" ")
                };
                failures.push(format!(
                    "{stem} ({form}): word {at} differs\n    got  …{}…\n    want …{}…",
                    around(&got),
                    around(&want)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_paragraph_of_a_paginated_form_knows_its_pages_and_every_form_agrees() {
    let mut failures = Vec::new();
    let mut paginated = 0;
    for (stem, _) in corpus() {
        let mut agreed: Option<(String, Vec<(String, String)>)> = None;
        for (text, form) in forms(&stem) {
            let pages = text.matches('\u{c}').count() as u32 + 1;
            if pages == 1 {
                continue;
            }
            let report = parse(&text);
            let mut spans = Vec::new();
            let mut before = 1;
            for paragraph in report.paragraphs() {
                let Some(span) = report.pages_of(&paragraph.id) else {
                    failures.push(format!("{stem} ({form}): {} has no page", paragraph.id));
                    continue;
                };
                if span.first < before
                    || span.last < span.first
                    || span.last > pages
                    || span.last > span.first + 1
                {
                    failures.push(format!(
                        "{stem} ({form}): {} is on {span} (after p. {before}, of {pages} pages)",
                        paragraph.id
                    ));
                }
                before = span.first;
                spans.push((paragraph.id.clone(), span.to_string()));
            }
            // The body runs from the first pages to the last (an annex or a page of footnotes
            // may follow it).
            let last = spans
                .last()
                .map(|(_, span)| span.clone())
                .unwrap_or_default();
            let last_page: u32 = last
                .rsplit(['.', '–', ' '])
                .next()
                .unwrap_or("0")
                .parse()
                .unwrap_or(0);
            if last_page + 1 < pages {
                failures.push(format!(
                    "{stem} ({form}): the last paragraph is on {last}, of {pages} pages"
                ));
            }
            match &agreed {
                Some((other, theirs)) if *theirs != spans => {
                    let at = theirs.iter().zip(&spans).find(|(a, b)| a != b);
                    failures.push(format!("{stem}: {form} and {other} differ: {at:?}"));
                }
                Some(_) => {}
                None => agreed = Some((form.to_string(), spans)),
            }
        }
        paginated += usize::from(agreed.is_some());
    }
    assert!(
        paginated >= 10 || std::env::var("CORPUS_ONLY").is_ok(),
        "most of the corpus runs over pages: {paginated}"
    );
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
