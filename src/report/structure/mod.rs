//! Second pass: recognises a report's structure in the source blocks: the title block, section
//! headings, numbered paragraphs with their "(a)" and "(i)" sub-paragraphs, unnumbered paragraphs,
//! and the debris of page breaks (a paragraph cut in two, a repeated title, a page number).
//! It gives every heading and paragraph the stable id its permalink uses.

use std::collections::HashSet;

use super::cover::{is_field, names_only, CoverBuilder};
use super::markdown::{source_blocks, SourceBlock, SourceKind};
use super::model::{footnote_ids, Block, Contents, Footnote, Report};

mod body;
mod contents;
mod headings;
mod lists;
mod numerals;
mod parts;
mod segment;
mod segments;
mod text;

use body::*;
use headings::*;
use segment::*;
use segments::*;
use text::*;

/// Parses a report's text (plain text with Markdown conventions) into its structure.
pub fn parse(source: &str) -> Report {
    let mut report = parse_clean(&super::pages::clean(source));
    report.pages = super::page_spans::page_spans(source, &report);
    report
}

/// The structure of a text its pages have been taken from ([`super::pages::clean`]).
pub(super) fn parse_clean(text: &str) -> Report {
    let (notes, mut blocks): (Vec<SourceBlock>, Vec<SourceBlock>) = source_blocks(text)
        .into_iter()
        .partition(|b| matches!(b.kind, SourceKind::Footnote(_)));
    let footnotes = notes
        .into_iter()
        .filter_map(|b| match b.kind {
            SourceKind::Footnote(label) => Some(Footnote {
                id: footnote_ids(&label).0,
                label,
                text: joined(&b.lines),
            }),
            _ => None,
        })
        .collect();
    let contents = contents::take_contents(&mut blocks);
    let segments = segments(&blocks);
    let repeated = repeated_lines(&segments);
    let mut cover = CoverBuilder::default();
    let mut rest = segments.as_slice();
    while let Some((segment, tail)) = rest.split_first() {
        // A named part of a document ("Summary", "Contents") is never its title.
        let title_heading = matches!(segment.marker, Marker::Heading { label: None, .. })
            && !cover.has_title()
            && segment
                .lines
                .first()
                .is_none_or(|line| section_word(line).is_none());
        // The document's title as its file marks it (Word's Title style, Markdown's "#") is the
        // title, whatever the lines above it looked like.
        let marked_title = matches!(
            segment.marker,
            Marker::Heading {
                level: 1,
                label: None
            }
        ) && cover.has_title();
        if title_heading {
            cover.set_title(joined(&segment.lines));
        } else if marked_title {
            cover.replace_title(joined(&segment.lines));
        } else if let (Marker::Part { label, part }, false) = (&segment.marker, cover.has_title()) {
            if !part.is_resolution() {
                break;
            }
            // A resolution's own number and title are its title, not a part of it.
            let text = joined(&segment.lines);
            cover.set_title(match label {
                Some(label) => prefixed(&text, &format!("{label} ")),
                None => text,
            });
        } else if segment.marker != Marker::None
            || (is_prose(&segment.lines) && !segment.lines.iter().any(|l| is_field(&l.plain())))
            || (cover.has_title() && opens_body(&segment.lines))
            || (cover.has_title() && heads_paragraph_1(segment, tail.first()))
        {
            break;
        } else if !cover.is_repeat(&segment.lines) {
            cover.take_block(&segment.lines);
        }
        rest = tail;
    }
    let mut rest = rest.to_vec();
    if let Some(title) = cover.title() {
        complete_letter_annex_headings(&mut rest, &title.plain());
    }
    numbered_headings(&mut rest);
    let rest = rest.as_slice();
    let mut body = Body::default();
    for (i, segment) in rest.iter().enumerate() {
        // Only unmarked segments can be debris; a repeated line is one line long (see
        // `repeated_lines`), so longer ones need no key.
        let debris = segment.marker == Marker::None
            && (cover.is_repeat(&segment.lines)
                || is_page_number(&segment.lines)
                || (segment.lines.len() == 1
                    && !repeated.is_empty()
                    && repeated.contains(&line_key(&segment.lines))));
        if debris {
            continue;
        }
        // A line of names alone above a numbered paragraph is the heading of what follows
        // ("Political Affairs"), as reports without numbered sections set them.
        let next_numbered = rest
            .get(i + 1)
            .is_some_and(|next| matches!(next.marker, Marker::Number(_)));
        if next_numbered && segment.marker == Marker::None && segment.lines.len() == 1 {
            let plain = segment.lines[0].plain();
            if (names_only(&plain) || is_sentence_case_heading(&plain))
                && !ends_sentence(&plain)
                && !plain.trim_end().ends_with([',', '،'])
            {
                body.add(&Segment::heading(2, None, joined(&segment.lines)));
                continue;
            }
        }
        body.add(segment);
    }
    let contents = contents.and_then(|entries| {
        let heading = body.blocks.iter().find_map(|b| match b {
            Block::Heading(h) if contents::is_contents_heading(&h.text.plain()) => {
                Some(h.id.clone())
            }
            _ => None,
        })?;
        Some(Contents {
            heading,
            entries: contents::targets(&entries, &body.blocks),
        })
    });
    let mut report = Report {
        cover: cover.finish(),
        blocks: body.blocks,
        footnotes,
        pages: Default::default(),
        contents,
    };
    super::cited::link_citations(&mut report);
    report
}

/// A line alone right above paragraph 1 that reads as a heading ("Introduction"): the body's
/// first heading, not a line of the title page.
fn heads_paragraph_1(segment: &Segment, next: Option<&Segment>) -> bool {
    let [line] = segment.lines.as_slice() else {
        return false;
    };
    let plain = line.plain();
    next.is_some_and(|n| n.marker == Marker::Number(1))
        && !ends_sentence(&plain)
        && (names_only(&plain) || is_sentence_case_heading(&plain))
        && !cover_line(&plain)
}

/// A line of a title page's kind, which may stand above paragraph 1 (a place and date).
fn cover_line(plain: &str) -> bool {
    super::cover::looks_like_symbol(plain.trim()) || super::cover::is_dated(plain)
}

/// "Annex to the letter dated … from … addressed to …" repeats the letter's title, which the text
/// may wrap onto lines of their own: the lines that go on with the title go on with the heading
/// (and the annex's own title under it stays apart).
fn complete_letter_annex_headings(segments: &mut Vec<Segment>, title: &str) {
    fn words(text: &str) -> Vec<String> {
        text.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    }
    let title = words(title);
    let Some(first) = title.first() else { return };
    let mut i = 0;
    while i + 1 < segments.len() {
        let Marker::Part { .. } = segments[i].marker else {
            i += 1;
            continue;
        };
        let heading = words(&joined(&segments[i].lines).plain());
        let Some(from) = heading.iter().position(|w| w == first) else {
            i += 1;
            continue;
        };
        let mut matched = heading.len() - from;
        if title.get(..matched) != heading.get(from..) {
            i += 1;
            continue;
        }
        while matched < title.len() && segments[i + 1].marker == Marker::None {
            let Some(line) = segments[i + 1].lines.first().cloned() else {
                break;
            };
            let more = words(&line.plain());
            if more.is_empty() || title.get(matched..matched + more.len()) != Some(more.as_slice())
            {
                break;
            }
            matched += more.len();
            let mut text = joined(&segments[i].lines);
            text.join_line(&line);
            segments[i].lines = vec![text];
            segments[i + 1].lines.remove(0);
            if segments[i + 1].lines.is_empty() {
                segments.remove(i + 1);
                if i + 1 >= segments.len() {
                    break;
                }
            }
        }
        i += 1;
    }
}

/// Short unnumbered lines that stand alone three times or more, page numbers aside, are running
/// headers or footers left by page breaks ("EN 2 EN", "GE.25-04512"), not text of the report.
fn repeated_lines(segments: &[Segment]) -> HashSet<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for segment in segments
        .iter()
        .filter(|s| s.marker == Marker::None && s.lines.len() == 1)
    {
        let key = line_key(&segment.lines);
        // A clause that repeats ("The Human Rights Council," atop each resolution) is text.
        let clause = key.ends_with([',', '،', ';', ':']);
        if !key.is_empty() && key.chars().count() <= 100 && !clause {
            *counts.entry(key).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(k, _)| k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::numerals::*;
    use super::*;

    use crate::report::model::{Block, Paragraph, RichText};

    #[test]
    fn continuation_needs_an_unfinished_sentence() {
        assert!(continues(
            "and the need to adhere to the",
            "agreement to protect civilians"
        ));
        assert!(continues("between the", "Islamic Republic of Pakistan and"));
        assert!(!continues(
            "in the South Asian region.",
            "The meeting adopted"
        ));
        assert!(!continues("Jammu and Kashmir", "Istanbul"));
    }

    #[test]
    fn roman_numerals_are_small_and_canonical_enough() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xii"), Some(12));
        assert_eq!(roman_value("c"), None);
        assert_eq!(roman_value("l"), None);
        assert_eq!(roman_value("b"), None);
    }

    #[test]
    fn page_numbers_are_recognised_by_their_form() {
        for text in ["- 12 -", "Page 3", "Page 3 of 9", "– 4 –"] {
            assert!(
                is_page_number(&[RichText(vec![crate::report::model::Span::plain(text)])]),
                "{text}"
            );
        }
        for text in ["12 June", "12"] {
            assert!(
                !is_page_number(&[RichText(vec![crate::report::model::Span::plain(text)])]),
                "{text}: a number alone may be text"
            );
        }
    }

    #[test]
    fn numbers_letters_and_sections_of_other_scripts_get_the_usual_ids() {
        let ids = |text: &str| {
            fn walk(p: &Paragraph, out: &mut Vec<(String, Option<String>)>) {
                out.push((p.id.clone(), p.label()));
                p.children.iter().for_each(|c| walk(c, out));
            }
            let mut out = Vec::new();
            for block in parse(text).blocks {
                match block {
                    Block::Heading(h) => out.push((h.id, h.label)),
                    Block::Paragraph(p) => walk(&p, &mut out),
                }
            }
            out
        };
        let pair = |id: &str, label: &str| (id.to_string(), Some(label.to_string()));
        assert_eq!(
            ids("تقرير\n\nأولاً - مقدمة\n\n١. يرحب المجلس بالتقرير.\n(أ) أولاً؛\n(ب) ثانياً.\n\n۲. يقرر المجلس.\n"),
            [pair("h-أولا-مقدمة", "أولاً"), pair("p1", "١."), pair("p1-a", "(أ)"), pair("p1-b", "(ب)"), pair("p2", "۲.")]
        );
        assert_eq!(
            ids("报告\n\n一、导言\n\n1. 大会审议了报告。\n\n二、建议\n\n2. 大会决定。\n"),
            [
                pair("h-一-导言", "一"),
                pair("p1", "1."),
                pair("h-二-建议", "二"),
                pair("p2", "2.")
            ]
        );
        assert_eq!(
            ids("Informe\n\n1. El Consejo decide:\na) aprobar el informe;\nb) seguir ocupándose de la cuestión.\n"),
            [pair("p1", "1."), pair("p1-a", "a)"), pair("p1-b", "b)")]
        );
    }

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slug("I. Introduction"), "i-introduction");
        assert_eq!(slug("Économie & société"), "économie-société");
        assert_eq!(slug("   "), "");
    }
}
