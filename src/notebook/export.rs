//! Exports of a notebook selection: Markdown to read or paste, one Obsidian note per report, and
//! W3C Web Annotations that another tool (or this app, elsewhere) can import.
//!
//! Obsidian's syntax as its help describes it: YAML properties between `---` lines at the top,
//! callouts (`> [!type] Title`, the type one word, unknown types shown as notes), tags of letters,
//! digits, `_`, `-` and `/` with one character not a digit, and block ids of Latin letters,
//! digits and dashes, unique in the note; a quote or callout's id goes on a line of its own after
//! it, between blank lines.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::entry::{summary, NotebookEntry};
use crate::annotations::{AnnotationSet, Millis, Palette};
use crate::search::fold_text;

/// Entries grouped by report, reports in the order they first come, entries in the order given.
fn by_report<'a>(selected: &[&'a NotebookEntry]) -> Vec<Vec<&'a NotebookEntry>> {
    let mut groups: Vec<Vec<&NotebookEntry>> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for &e in selected {
        let i = *at.entry(&e.report.id).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[i].push(e);
    }
    groups
}

/// Whether `&` starts what Markdown would read as a character reference (`&amp;`, `&#38;`).
fn starts_entity(after: &[char]) -> bool {
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && after.get(name) == Some(&';')
}

/// Text made literal in Markdown: what would start a heading, quote, list, rule or table at the
/// start of a line, and emphasis, code, links, HTML and character references anywhere, are
/// escaped with a backslash. For Obsidian, tags (`#`), block ids (`^`), maths (`$`), comments
/// (`%%`) and highlights (`==`) too. A backslash is doubled only where it would escape.
fn escape(text: &str, obsidian: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let chars: Vec<char> = line.trim().chars().collect();
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            let escaped = (i == 0 && matches!(c, '#' | '>' | '-' | '+' | '=' | '|'))
                || (i == digits && digits > 0 && matches!(c, '.' | ')'))
                || matches!(c, '`' | '*' | '_' | '[' | ']' | '<' | '~')
                || (c == '\\' && next.is_none_or(|n| n.is_ascii_punctuation()))
                || (c == '&' && starts_entity(&chars[i + 1..]))
                || (obsidian
                    && (matches!(c, '#' | '^' | '$')
                        || (matches!(c, '%' | '=') && next == Some(c))));
            if escaped {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A link to an entry, when it leads somewhere outside the app: its address, with what would end
/// a Markdown link's destination encoded.
fn outside_link(href: &str) -> Option<String> {
    let head = href.split(['?', '#']).next().unwrap_or_default();
    head.contains("://").then(|| {
        href.replace(' ', "%20")
            .replace('(', "%28")
            .replace(')', "%29")
            .replace('<', "%3C")
            .replace('>', "%3E")
    })
}

/// An entry's note, as the reader wrote it (in Markdown already).
fn note(out: &mut String, e: &NotebookEntry) {
    if e.annotation.has_note() {
        out.push_str(&format!("{}\n\n", e.annotation.note.trim()));
    }
}

/// A link back to an entry, where it can lead somewhere.
fn link(out: &mut String, e: &NotebookEntry) {
    if let Some(url) = outside_link(&e.href) {
        out.push_str(&format!("[Open in the reader]({url})\n\n"));
    }
}

/// The selection as one Markdown document: report by report, each entry under its citation with
/// its quote, the colour's meaning, its tags, its note and a link to it.
pub fn to_markdown(selected: &[&NotebookEntry], palette: &Palette, title: &str) -> String {
    let mut out = format!(
        "# {}\n\n{}.\n\n",
        escape(title, false),
        summary(selected.iter().copied())
    );
    for group in by_report(selected) {
        let report = &group[0].report;
        let heading = match report.title == report.name {
            true => report.name.clone(),
            false => format!("{} — {}", report.name, report.title),
        };
        out.push_str(&format!("## {}\n\n", escape(&heading, false)));
        if let Some(date) = &report.date {
            out.push_str(&format!("*{}*\n\n", escape(date, false)));
        }
        for e in group {
            out.push_str(&format!("### {}\n\n", escape(&e.citation, false)));
            if !e.quote.is_empty() {
                let quote = escape(&e.quote, false).replace('\n', "\n> ");
                out.push_str(&format!("> {quote}\n\n"));
            }
            if let Some(colour) = e.annotation.colour {
                let meaning = escape(&palette.meaning(colour), false);
                out.push_str(&format!("*Highlighted: {meaning}*\n\n"));
            }
            if !e.annotation.tags.is_empty() {
                let tags: Vec<String> =
                    e.annotation.tags.iter().map(|t| escape(t, false)).collect();
                out.push_str(&format!("*Tags: {}*\n\n", tags.join(", ")));
            }
            note(&mut out, e);
            link(&mut out, e);
        }
    }
    out.trim_end().to_string() + "\n"
}

/// A callout type of a colour's meaning: one word, small letters and digits joined by dashes
/// ("follow up" is `follow-up`).
fn callout_type(meaning: &str) -> String {
    let mut out = String::new();
    for c in meaning.trim().chars().flat_map(char::to_lowercase) {
        match c.is_alphanumeric() {
            true => out.push(c),
            false if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            false => {}
        }
    }
    match out.trim_end_matches('-') {
        "" => "note".to_string(),
        slug => slug.to_string(),
    }
}

/// An Obsidian tag for a reader's tag (`human rights` is `#human-rights`), if anything of it is left.
fn obsidian_tag(tag: &str) -> Option<String> {
    let mut out = String::new();
    for c in tag.trim().chars() {
        match c.is_alphanumeric() || c == '_' || c == '/' {
            true => out.push(c),
            false if !out.ends_with('-') => out.push('-'),
            false => {}
        }
    }
    let out = out.trim_matches(['-', '/']);
    match out {
        "" => None,
        digits if digits.chars().all(char::is_numeric) => Some(format!("#tag-{digits}")),
        tag => Some(format!("#{tag}")),
    }
}

/// A block id for an entry on a paragraph, unique in the note: `p8`, then `p8-2`, `p8-3`.
fn block_id(paragraph: &str, taken: &mut HashSet<String>) -> String {
    let mut base = String::new();
    for c in fold_text(paragraph).chars() {
        match c.is_ascii_alphanumeric() {
            true => base.push(c),
            false if !base.is_empty() && !base.ends_with('-') => base.push('-'),
            false => {}
        }
    }
    let base = match base.trim_end_matches('-') {
        "" => "note",
        base => base,
    };
    (1..)
        .map(|n| match n {
            1 => base.to_string(),
            n => format!("{base}-{n}"),
        })
        .find(|id| taken.insert(id.clone()))
        .expect("some number is free")
}

/// A file name for a report's note that every system accepts and no other note of the export has
/// (compared without case, as Windows and macOS compare them).
fn file_name(name: &str, taken: &mut HashSet<String>) -> String {
    let safe: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '^' | '[' | ']' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let safe = safe.split_whitespace().collect::<Vec<_>>().join(" ");
    let safe: String = safe.chars().take(100).collect();
    let mut base = safe.trim_matches(['.', ' ', '-']).to_string();
    let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&base.to_uppercase().as_str())
        || (base.len() == 4
            && base
                .get(..3)
                .is_some_and(|d| ["COM", "LPT"].contains(&d.to_uppercase().as_str()))
            && base.as_bytes()[3].is_ascii_digit());
    if base.is_empty() {
        base = "Report".to_string();
    } else if reserved {
        base.push_str(" report");
    }
    (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => format!("{base} ({n})"),
        })
        .find(|name| taken.insert(name.to_lowercase()))
        .map(|name| format!("{name}.md"))
        .expect("some number is free")
}

/// A YAML string that reads back as the text: single-quoted, on one line.
fn yaml(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("'{}'", one_line.replace('\'', "''"))
}

/// The selection as Obsidian notes, one per report: `(file name, contents)`. Each note has the
/// report's properties, a heading per paragraph with its citation, and under it each entry's
/// quote as a callout named by its colour's meaning (`quote` for a note without a colour), a
/// block id to link to it by, its note, its tags and a link back. Entries go as the report reads.
pub fn to_obsidian(selected: &[&NotebookEntry], palette: &Palette) -> Vec<(String, String)> {
    let mut names = HashSet::new();
    by_report(selected)
        .into_iter()
        .map(|mut group| {
            group.sort_by_key(|e| e.order);
            let name = file_name(&group[0].report.name, &mut names);
            (name, obsidian_note(&group, palette))
        })
        .collect()
}

fn obsidian_note(group: &[&NotebookEntry], palette: &Palette) -> String {
    let report = &group[0].report;
    let mut out = String::from("---\n");
    if let Some(symbol) = &report.symbol {
        out.push_str(&format!("symbol: {}\n", yaml(symbol)));
    }
    out.push_str(&format!("title: {}\n", yaml(&report.title)));
    if let Some(date) = &report.date {
        out.push_str(&format!("date: {}\n", yaml(date)));
    }
    out.push_str("tags:\n  - report-reader\n---\n\n");
    out.push_str(&format!("# {}\n\n", escape(&report.title, true)));
    let mut ids = HashSet::new();
    let mut heading: Option<&str> = None;
    for e in group {
        if heading != Some(e.citation.as_str()) {
            out.push_str(&format!("## {}\n\n", escape(&e.citation, true)));
            heading = Some(&e.citation);
        }
        let (kind, title) = match e.annotation.colour {
            Some(colour) => {
                let meaning = palette.meaning(colour);
                (callout_type(&meaning), format!("{} — {meaning}", e.place))
            }
            None => ("quote".to_string(), e.place.clone()),
        };
        out.push_str(&format!("> [!{kind}] {}\n", escape(&title, true)));
        for line in escape(&e.quote, true).lines() {
            out.push_str(&format!("> {line}\n"));
        }
        let paragraph = e
            .paragraph_id
            .as_deref()
            .unwrap_or(e.annotation.target.paragraph());
        out.push_str(&format!("\n^{}\n\n", block_id(paragraph, &mut ids)));
        note(&mut out, e);
        let tags: Vec<String> = e
            .annotation
            .tags
            .iter()
            .filter_map(|t| obsidian_tag(t))
            .collect();
        if !tags.is_empty() {
            out.push_str(&format!("{}\n\n", tags.join(" ")));
        }
        link(&mut out, e);
    }
    out.trim_end().to_string() + "\n"
}

/// Files (an Obsidian export's notes) as one zip archive, to download at once.
pub fn zip_files(files: &[(String, String)]) -> Vec<u8> {
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, contents) in files {
        // Writing to memory fails only for a name zip cannot hold, which file names never are.
        if archive.start_file(name.as_str(), options).is_ok() {
            let _ = std::io::Write::write_all(&mut archive, contents.as_bytes());
        }
    }
    archive
        .finish()
        .map(|cursor| cursor.into_inner())
        .unwrap_or_default()
}

/// The selection as a W3C `AnnotationCollection` (as [`crate::exchange::w3c::export_many`] makes
/// for the library), holding the selected annotations and no others.
pub fn to_w3c(selected: &[&NotebookEntry], label: &str, palette: &Palette, now: Millis) -> Value {
    let sets: Vec<(String, AnnotationSet)> = by_report(selected)
        .into_iter()
        .map(|group| {
            let annotations = group.iter().map(|e| e.annotation.clone());
            (
                group[0].report.id.clone(),
                AnnotationSet::from_annotations(annotations),
            )
        })
        .collect();
    let reports: Vec<(&str, &AnnotationSet)> =
        sets.iter().map(|(id, set)| (id.as_str(), set)).collect();
    crate::exchange::w3c::export_many(&reports, label, palette, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Colour;
    use crate::notebook::tests::{built, library, on, HRC};
    use crate::notebook::{select, Filter, Order};
    use crate::report::parse;

    #[test]
    fn files_are_zipped_and_read_back_whole() {
        let files = vec![
            (
                "A-HRC-55-23.md".to_string(),
                "# Report\n\n^p8\n".to_string(),
            ),
            ("Letter.md".to_string(), "Une note accentuée.\n".to_string()),
        ];
        let bytes = zip_files(&files);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("Letter.md").unwrap(), &mut text)
            .unwrap();
        assert_eq!(text, "Une note accentuée.\n");
    }

    #[test]
    fn an_obsidian_note_has_properties_callouts_block_ids_tags_and_links() {
        let report = parse(HRC);
        let mut a = on(
            &report,
            ("a", "p1", Some("places of Détention")),
            Some(Colour::Green),
            "Ask for the list.",
            2,
        );
        a.tags = vec!["Détention".into(), "human rights".into(), "2024".into()];
        let entries = built(
            "hrc",
            "https://example.org/reader/?report=hrc",
            &report,
            vec![
                a,
                on(&report, ("b", "p1", None), Some(Colour::Yellow), "", 1),
                on(&report, ("c", "p3", None), None, "Compare with 2023.", 3),
            ],
        );
        // Selected newest first; the note reads as the report does.
        let selected: Vec<&NotebookEntry> = entries.iter().rev().collect();
        let notes = to_obsidian(&selected, &Palette::default());
        let expected = "---
symbol: 'A/HRC/55/23'
title: 'Report of the Special Rapporteur on detention'
date: '12 March 2024'
tags:
  - report-reader
---

# Report of the Special Rapporteur on detention

## A/HRC/55/23, para. 1 (p. 1)

> [!important] para. 1 (p. 1) — important
> The Special Rapporteur visited places of Détention in March.

^p1

[Open in the reader](https://example.org/reader/?report=hrc#p1)

> [!follow-up] para. 1 (p. 1) — follow up
> places of Détention

^p1-2

Ask for the list.

#Détention #human-rights #tag-2024

[Open in the reader](https://example.org/reader/?report=hrc#p1:~:text=Special%20Rapporteur%20visited-,places%20of%20D%C3%A9tention,-in%20March.)

## A/HRC/55/23, para. 3 (p. 2)

> [!quote] para. 3 (p. 2)
> Conditions in the camps were poor.

^p3

Compare with 2023.

[Open in the reader](https://example.org/reader/?report=hrc#p3)
";
        assert_eq!(
            notes,
            [("A-HRC-55-23.md".to_string(), expected.to_string())]
        );
    }

    #[test]
    fn obsidian_names_ids_types_and_tags_are_valid_and_unique() {
        let mut taken = HashSet::new();
        let ids: Vec<String> = ["p8", "p8", "p8-2", "h-économie", "", "p8"]
            .iter()
            .map(|p| block_id(p, &mut taken))
            .collect();
        assert_eq!(ids, ["p8", "p8-2", "p8-2-2", "h-economie", "note", "p8-3"]);
        assert!(ids
            .iter()
            .all(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')));

        let mut taken = HashSet::new();
        let names: Vec<String> = [
            "A/HRC/55/23",
            "A/HRC/55/23",
            "a-hrc-55-23",
            "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP",
            "What? <Draft>: \"x\" | y*",
            "",
            "CON",
            "..hidden. ",
        ]
        .iter()
        .map(|n| file_name(n, &mut taken))
        .collect();
        assert_eq!(
            names,
            [
                "A-HRC-55-23.md",
                "A-HRC-55-23 (2).md",
                "a-hrc-55-23 (3).md",
                "OIC-CFM-51-2025-CG-J&K-FINAL.REP.md",
                "What- -Draft-- -x- - y.md",
                "Report.md",
                "CON report.md",
                "hidden.md",
            ]
        );
        for name in &names {
            assert!(
                !name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']),
                "{name}"
            );
        }

        assert_eq!(callout_type("follow up"), "follow-up");
        assert_eq!(callout_type("  To Do!! "), "to-do");
        assert_eq!(callout_type("à revoir"), "à-revoir");
        assert_eq!(callout_type("!!"), "note");
        let tags: Vec<Option<String>> =
            ["human rights", "2024", "inbox/to read", "#already", "!!!"]
                .iter()
                .map(|t| obsidian_tag(t))
                .collect();
        assert_eq!(
            tags,
            [
                Some("#human-rights".into()),
                Some("#tag-2024".into()),
                Some("#inbox/to-read".into()),
                Some("#already".into()),
                None
            ]
        );
    }

    #[test]
    fn quotes_are_escaped_so_that_they_read_as_written() {
        assert_eq!(escape("# of cases", false), "\\# of cases");
        assert_eq!(
            escape("1. First\n- item\n> not a quote", false),
            "1\\. First\n\\- item\n\\> not a quote"
        );
        assert_eq!(
            escape(
                "*stars* [annex] `code` <b> &amp; C:\\path\\* J&K 10^3",
                false
            ),
            "\\*stars\\* \\[annex\\] \\`code\\` \\<b> \\&amp; C:\\path\\\\\\* J&K 10^3"
        );
        assert_eq!(
            escape("see #tag, 10^3, $5 and $6, ==mark== 50%% off", true),
            "see \\#tag, 10\\^3, \\$5 and \\$6, \\==mark\\== 50\\%% off"
        );
        assert_eq!(yaml("It's\n two lines"), "'It''s two lines'");
    }

    #[test]
    fn markdown_groups_the_selection_by_report() {
        let entries = library();
        let newest = select(&entries, &Filter::default(), Order::Newest);
        let markdown = to_markdown(&newest, &Palette::default(), "Notes on #detention");
        assert!(markdown.starts_with("# Notes on #detention\n\n5 highlights and notes in 2 reports.\n\n## OIC-CFM-51\\2025-CG-J&K\\FINAL.REP — Report of the Meeting"), "{markdown}");
        let at = |text: &str| {
            markdown
                .find(text)
                .unwrap_or_else(|| panic!("{text} in {markdown}"))
        };
        // The newest entry's report comes first; each report's entries keep the order chosen.
        assert!(at("## OIC-CFM") < at("### OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 8"));
        assert!(at("para. 8") < at("### OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 5"));
        assert!(at("para. 5") < at("## A/HRC/55/23 — Report of the Special Rapporteur on detention\n\n*12 March 2024*"));
        assert!(at("### A/HRC/55/23, para. 3 (p. 2)") < at("### A/HRC/55/23, para. 2 (p. 1)"));
        assert!(markdown.contains("### A/HRC/55/23, para. 1 (p. 1)\n\n> places of Détention\n\n*Highlighted: follow up*\n\nAsk for the list.\n"));
        assert!(markdown.contains("*Highlighted: disagree*\n\n*Tags: Camps, human rights*\n\n"));
        assert!(
            !markdown.contains("Open in the reader"),
            "relative links lead nowhere outside the app"
        );
        assert!(markdown.ends_with("Ask for the list.\n"));
    }

    #[test]
    fn the_w3c_export_holds_the_selected_annotations_and_only_them() {
        let entries = library();
        let camps = Filter {
            tag: Some("camps".into()),
            ..Filter::default()
        };
        let selected = select(&entries, &camps, Order::ReportOrder);
        let value = to_w3c(&selected, "Camps", &Palette::default(), 1_000);
        assert_eq!(value["total"], 2);
        let items = value["first"]["items"].as_array().unwrap();
        let found: Vec<(&str, &str)> = items
            .iter()
            .map(|a| {
                (
                    a["id"].as_str().unwrap(),
                    a["target"]["source"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "urn:report-reader:annotation:t",
                    "urn:report-reader:report:hrc"
                ),
                (
                    "urn:report-reader:annotation:c",
                    "urn:report-reader:report:oic"
                ),
            ]
        );
        assert_eq!(value["label"], "Camps");
        let none = to_w3c(&[], "Nothing", &Palette::default(), 1_000);
        assert_eq!(none["total"], 0);
    }
}
