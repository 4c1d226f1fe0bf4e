//! Moving notes without a server: export as W3C Web Annotation JSON-LD or Markdown, import
//! (this app's files, W3C annotations, Hypothesis) with a preview and a merge that never loses
//! either side, one note shared in a link's
//! fragment, citations ("…, para. 8"), and passage links in Text Fragments syntax. Pure Rust.

pub mod backup;
pub mod hypothesis;
pub mod import;
pub mod incoming;
pub mod share;
pub mod text_fragment;
pub mod w3c;

use crate::annotations::placement::{Place, Placements};
use crate::annotations::{AnnotationSet, Palette};
use crate::report::{PageSpan, Paragraph, ParagraphKind, Report};

/// How a report is named in a citation: its symbol, or failing that its title.
pub fn cited_name(report: &Report) -> String {
    report
        .cover
        .symbol
        .clone()
        .or_else(|| report.cover.title.as_ref().map(|t| t.plain()))
        .unwrap_or_else(|| "Untitled report".to_string())
}

/// "para. 8", "para. 8 (a) (i)", "annex II, para. 3", "resolution 36/1, para. 4", "unnumbered
/// paragraph 1 after para. 8".
pub fn paragraph_citation(paragraph: &Paragraph) -> String {
    match paragraph.kind {
        ParagraphKind::Numbered(_) | ParagraphKind::Sub(_)
            if paragraph.name.starts_with("paragraph ")
                || paragraph.name.contains(", paragraph ") =>
        {
            paragraph.name.replacen("paragraph ", "para. ", 1)
        }
        _ => paragraph
            .name
            .replace("after paragraph ", "after para. ")
            .replace(", paragraph ", ", para. "),
    }
}

/// "<symbol>, para. 8", and its page where the report has pages: "<symbol>, para. 8 (p. 3)".
pub fn cite(report: &Report, paragraph: &Paragraph) -> String {
    let page = report
        .pages_of(&paragraph.id)
        .map(|span| format!(" ({span})"))
        .unwrap_or_default();
    format!(
        "{}, {}{page}",
        cited_name(report),
        paragraph_citation(paragraph)
    )
}

/// "<symbol>, paras. 8–10", with their pages where the report has pages: "(pp. 3–4)".
pub fn cite_range(report: &Report, from: u32, to: u32) -> String {
    let numbers = if from == to {
        format!("para. {from}")
    } else {
        format!("paras. {from}–{to}")
    };
    let pages = match (
        report.pages_of(&format!("p{from}")),
        report.pages_of(&format!("p{to}")),
    ) {
        (Some(first), Some(last)) => format!(
            " ({})",
            PageSpan {
                first: first.first,
                last: last.last
            }
        ),
        _ => String::new(),
    };
    format!("{}, {numbers}{pages}", cited_name(report))
}

/// The report's highlights and notes as Markdown: its symbol and title, then each note under
/// its citation with the quoted passage, in document order. Readable pasted into an email.
pub fn to_markdown(
    report: &Report,
    set: &AnnotationSet,
    placements: &Placements,
    palette: &Palette,
) -> String {
    let mut out = String::new();
    if let Some(symbol) = &report.cover.symbol {
        out.push_str(&format!("# {symbol}\n\n"));
    }
    if let Some(title) = &report.cover.title {
        out.push_str(&format!("**{}**\n\n", title.plain()));
    }
    let paragraphs: Vec<&Paragraph> = report.paragraphs().collect();
    for entry in &placements.entries {
        let Some(annotation) = set.get(&entry.id) else {
            continue;
        };
        let heading = match (
            entry.place,
            paragraphs.iter().find(|p| p.id == entry.paragraph),
        ) {
            (Place::Orphan, _) | (_, None) => {
                format!("{} (no longer in the text)", cited_name(report))
            }
            (_, Some(p)) => cite(report, p),
        };
        out.push_str(&format!("## {heading}\n\n"));
        let quoted = match annotation.target.quote() {
            Some(q) => Some(q.exact.clone()),
            None => paragraphs
                .iter()
                .find(|p| p.id == entry.paragraph)
                .map(|p| p.text.plain()),
        };
        if let Some(quoted) = quoted {
            out.push_str(&format!("> {}\n\n", quoted.replace('\n', "\n> ")));
        }
        if let Some(colour) = annotation.colour {
            out.push_str(&format!("*Highlighted: {}*\n\n", palette.meaning(colour)));
        }
        if !annotation.tags.is_empty() {
            out.push_str(&format!("*Tags: {}*\n\n", annotation.tags.join(", ")));
        }
        if annotation.has_note() {
            out.push_str(&format!("{}\n\n", annotation.note.trim()));
        }
    }
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::placement::{place, ParagraphIndex};
    use crate::annotations::{Annotation, Colour, Quote, Target};
    use crate::report::{parse, DEFAULT_REPORT};

    #[test]
    fn citations_name_the_report_and_the_paragraph() {
        let report = parse(DEFAULT_REPORT);
        let p8 = report.paragraphs().find(|p| p.id == "p8").unwrap();
        assert_eq!(
            cite(&report, p8),
            "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 8"
        );
        assert_eq!(
            cite_range(&report, 8, 10),
            "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, paras. 8–10"
        );
        let sub = parse("A/RES/1\n\n3. Decides:\n(a) one;\n(i) two.\n");
        let deepest = sub.paragraphs().find(|p| p.id == "p3-a-i").unwrap();
        assert_eq!(cite(&sub, deepest), "A/RES/1, para. 3 (a) (i)");
    }

    #[test]
    fn a_report_with_pages_is_cited_with_them() {
        let paged = parse("A/HRC/61/27\n\n1. The Council met.\n\n2. It heard statements.\n\u{c}3. It adopted the report.\n\n4. It closed.\n");
        let p2 = paged.paragraphs().find(|p| p.id == "p2").unwrap();
        assert_eq!(cite(&paged, p2), "A/HRC/61/27, para. 2 (p. 1)");
        assert_eq!(
            cite_range(&paged, 2, 3),
            "A/HRC/61/27, paras. 2–3 (pp. 1–2)"
        );
        assert_eq!(cite_range(&paged, 3, 4), "A/HRC/61/27, paras. 3–4 (p. 2)");
    }

    #[test]
    fn markdown_export_reads_as_a_cited_summary() {
        let report = parse(DEFAULT_REPORT);
        let index = ParagraphIndex::new(&report);
        let p5 = index.text("p5").unwrap();
        let start = p5.find("Ishaq Dar").unwrap();
        let set = AnnotationSet::from_annotations([
            Annotation::new(
                "b".into(),
                Target::Passage {
                    paragraph: "p5".into(),
                    quote: Quote::from_text(p5, start, start + 9).unwrap(),
                },
                Some(Colour::Blue),
                "Who briefed.",
                2,
            ),
            Annotation::new(
                "a".into(),
                Target::whole("p8", index.text("p8")),
                Some(Colour::Yellow),
                "On the ceasefire.",
                1,
            ),
        ]);
        let markdown = to_markdown(&report, &set, &place(&index, &set), &Palette::default());
        let expected_start = "# OIC-CFM-51\\2025-CG-J&K\\FINAL.REP\n\n**Report of the Meeting of the OIC Contact Group on Jammu and Kashmir**\n\n\
            ## OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 5\n\n> Ishaq Dar\n\n*Highlighted: question*\n\nWho briefed.\n\n\
            ## OIC-CFM-51\\2025-CG-J&K\\FINAL.REP, para. 8\n\n> Recalling recent developments";
        assert!(markdown.starts_with(expected_start), "{markdown}");
        assert!(markdown.ends_with("*Highlighted: important*\n\nOn the ceasefire.\n"));
    }
}
