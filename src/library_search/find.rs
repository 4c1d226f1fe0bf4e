//! A query answered over the whole library: the index narrows each report to the paragraphs
//! holding every word, those are read to mark where (and, for phrases, to check that the words
//! stand together), and the reader's notes are read as they are, being few beside the texts.

use std::collections::{BTreeSet, HashMap};

pub use super::marks::Piece;
use super::marks::{excerpt, fragment_for, holds_all, spans_of};
use super::query::{parse, Part};
use super::record::{ReportRecord, WordList};
use crate::annotations::{Annotation, Colour};

/// Where to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Everything,
    ReportText,
    Notes,
}

/// What narrows a search, besides its words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub scope: Scope,
    /// Only notes of this colour, and text where the reader highlighted in it.
    pub colour: Option<Colour>,
    /// Only notes with this tag, and text where such a note is.
    pub tag: Option<String>,
    /// Reports whose symbol begins so ("A/HRC", "S/RES"), case aside.
    pub symbol_prefix: String,
    pub year: Option<i32>,
}

/// How many hits of one report are listed, and how many reports.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub per_report: usize,
    pub reports: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_report: 5,
            reports: 50,
        }
    }
}

/// One paragraph or note found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub paragraph: String,
    /// "para. 8"; the paragraph's id where the report's text is not indexed.
    pub citation: String,
    /// The annotation whose note was found; `None` for the report's text.
    pub note: Option<String>,
    pub excerpt: Vec<Piece>,
    /// The fragment that opens the report at the paragraph with the first match marked.
    pub fragment: String,
}

/// A report's hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportHits {
    pub report: String,
    pub hits: Vec<Hit>,
    /// Every paragraph of its text found, listed or not, and every note.
    pub paragraphs: usize,
    pub notes: usize,
}

/// What a query found, reports with the most first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    pub reports: Vec<ReportHits>,
    /// Reports with a hit, listed or not.
    pub report_count: usize,
    pub paragraphs: usize,
    pub notes: usize,
}

impl Found {
    /// "14 paragraphs and 2 notes in 5 reports", for the reader and for screen readers.
    pub fn summary(&self) -> String {
        let count = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        if self.report_count == 0 {
            return "Nothing found".to_string();
        }
        let what = match (self.paragraphs, self.notes) {
            (p, 0) => count(p, "paragraph", "paragraphs"),
            (0, n) => count(n, "note", "notes"),
            (p, n) => format!(
                "{} and {}",
                count(p, "paragraph", "paragraphs"),
                count(n, "note", "notes")
            ),
        };
        let listed = if self.reports.len() < self.report_count {
            format!("; the {} with the most are listed", self.reports.len())
        } else {
            String::new()
        };
        format!(
            "{what} in {}{listed}",
            count(self.report_count, "report", "reports")
        )
    }
}

/// A report's notes, as searching reads them.
pub struct ReportNotes<'a> {
    pub report: &'a str,
    pub symbol: Option<&'a str>,
    pub date: Option<&'a str>,
    pub annotations: Vec<&'a Annotation>,
}

struct Indexed {
    record: ReportRecord,
    words: WordList,
}

/// Every indexed report version, read for searching.
#[derive(Default)]
pub struct LibraryIndex {
    reports: Vec<Indexed>,
}

/// The year a report is of: from its date, or else a year in its symbol ("S/2026/100").
pub fn year_of(date: Option<&str>, symbol: Option<&str>) -> Option<i32> {
    let year_in = |text: &str, separators: &[char]| {
        text.split(|c: char| !c.is_ascii_digit() || separators.contains(&c))
            .filter(|n| n.len() == 4)
            .filter_map(|n| n.parse::<i32>().ok())
            .find(|y| (1945..=2100).contains(y))
    };
    date.and_then(|d| year_in(d, &[]))
        .or_else(|| symbol.and_then(|s| year_in(s, &['/'])))
}

fn symbol_begins(symbol: Option<&str>, prefix: &str) -> bool {
    let prefix = prefix.trim();
    prefix.is_empty()
        || symbol.is_some_and(|s| {
            s.to_uppercase()
                .replace(' ', "")
                .starts_with(&prefix.to_uppercase().replace(' ', ""))
        })
}

impl Filter {
    fn takes_report(&self, symbol: Option<&str>, date: Option<&str>) -> bool {
        symbol_begins(symbol, &self.symbol_prefix)
            && self.year.is_none_or(|y| year_of(date, symbol) == Some(y))
    }

    fn takes_note(&self, annotation: &Annotation) -> bool {
        self.colour.is_none_or(|c| annotation.colour == Some(c))
            && self
                .tag
                .as_ref()
                .is_none_or(|t| annotation.tags.iter().any(|have| have == t))
    }

    fn narrows_text(&self) -> bool {
        self.colour.is_some() || self.tag.is_some()
    }
}

impl LibraryIndex {
    /// Adds a report version's record, in place of the report's earlier one.
    pub fn insert(&mut self, record: ReportRecord) {
        self.remove(&record.report.clone());
        let words = WordList::read(&record.words);
        self.reports.push(Indexed { record, words });
    }

    pub fn remove(&mut self, report: &str) {
        self.reports.retain(|r| r.record.report != report);
    }

    /// Whether the report is indexed in this version.
    pub fn holds(&self, report: &str, hash: &str) -> bool {
        self.reports
            .iter()
            .any(|r| r.record.report == report && r.record.hash == hash)
    }

    /// The reports indexed, as (report, version hash).
    pub fn indexed(&self) -> Vec<(String, String)> {
        self.reports
            .iter()
            .map(|r| (r.record.report.clone(), r.record.hash.clone()))
            .collect()
    }

    pub fn len(&self) -> usize {
        self.reports.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }

    /// Each indexed report's language.
    pub fn languages(&self) -> std::collections::HashMap<String, String> {
        self.reports
            .iter()
            .map(|r| (r.record.report.clone(), r.record.language.clone()))
            .collect()
    }

    /// A report's record, if it is indexed.
    pub fn record(&self, report: &str) -> Option<&ReportRecord> {
        self.reports
            .iter()
            .find(|r| r.record.report == report)
            .map(|r| &r.record)
    }

    /// Answers `query` over every indexed report's text and every report's notes.
    pub fn search(
        &self,
        query: &str,
        notes: &[ReportNotes],
        filter: &Filter,
        limits: Limits,
    ) -> Found {
        let parts = parse(query);
        if parts.is_empty() {
            return Found::default();
        }
        let mut by_report: HashMap<&str, ReportHits> = HashMap::new();
        // The paragraphs to list of each report, made into hits once the reports are ranked.
        let mut pending: HashMap<&str, Vec<u32>> = HashMap::new();
        let notes_of: HashMap<&str, &ReportNotes> = notes.iter().map(|n| (n.report, n)).collect();
        if filter.scope != Scope::Notes {
            for indexed in &self.reports {
                let record = &indexed.record;
                if !filter.takes_report(record.symbol.as_deref(), record.date.as_deref()) {
                    continue;
                }
                let allowed: Option<BTreeSet<&str>> = filter.narrows_text().then(|| {
                    notes_of
                        .get(record.report.as_str())
                        .map(|n| {
                            n.annotations
                                .iter()
                                .filter(|a| filter.takes_note(a))
                                .map(|a| a.target.paragraph())
                                .collect()
                        })
                        .unwrap_or_default()
                });
                let (count, first) =
                    text_matches(indexed, &parts, allowed.as_ref(), limits.per_report);
                if count > 0 {
                    by_report.insert(
                        &record.report,
                        ReportHits {
                            report: record.report.clone(),
                            hits: Vec::new(),
                            paragraphs: count,
                            notes: 0,
                        },
                    );
                    pending.insert(&record.report, first);
                }
            }
        }
        if filter.scope != Scope::ReportText {
            for report_notes in notes {
                if !filter.takes_report(report_notes.symbol, report_notes.date) {
                    continue;
                }
                let record = self.record(report_notes.report);
                for annotation in &report_notes.annotations {
                    if !filter.takes_note(annotation) {
                        continue;
                    }
                    let searched = format!("{}\n{}", annotation.note, annotation.tags.join(" "));
                    let Some(spans) = spans_of(&searched, &parts) else {
                        continue;
                    };
                    let paragraph = annotation.target.paragraph();
                    let entry =
                        by_report
                            .entry(report_notes.report)
                            .or_insert_with(|| ReportHits {
                                report: report_notes.report.to_string(),
                                hits: Vec::new(),
                                paragraphs: 0,
                                notes: 0,
                            });
                    entry.notes += 1;
                    if entry.hits.len() < limits.per_report * 2 {
                        let citation = record
                            .and_then(|r| r.paragraphs.iter().find(|p| p.id == paragraph))
                            .map_or_else(|| paragraph.to_string(), |p| p.citation.clone());
                        entry.hits.push(Hit {
                            paragraph: paragraph.to_string(),
                            citation,
                            note: Some(annotation.id.clone()),
                            excerpt: excerpt(&searched, &spans),
                            fragment: paragraph.to_string(),
                        });
                    }
                }
            }
        }
        let mut reports: Vec<ReportHits> = by_report.into_values().collect();
        reports.sort_by(|a, b| {
            (b.paragraphs + b.notes)
                .cmp(&(a.paragraphs + a.notes))
                .then_with(|| a.report.cmp(&b.report))
        });
        let mut found = Found {
            report_count: reports.len(),
            paragraphs: reports.iter().map(|r| r.paragraphs).sum(),
            notes: reports.iter().map(|r| r.notes).sum(),
            reports: Vec::new(),
        };
        reports.truncate(limits.reports);
        for report in &mut reports {
            if let (Some(first), Some(record)) = (
                pending.get(report.report.as_str()),
                self.record(&report.report),
            ) {
                let mut hits = listed_hits(record, &parts, first);
                hits.append(&mut report.hits);
                report.hits = hits;
            }
        }
        found.reports = reports;
        found
    }
}

/// The paragraphs of one report holding every part: how many, and the first `listed` of them
/// (by position), whose excerpts are made only if the report is among those listed.
fn text_matches(
    indexed: &Indexed,
    parts: &[Part],
    allowed: Option<&BTreeSet<&str>>,
    listed: usize,
) -> (usize, Vec<u32>) {
    let record = &indexed.record;
    let mut candidates: Option<Vec<u32>> = None;
    for word in parts.iter().flat_map(|p| &p.words) {
        let with = indexed.words.paragraphs_with_prefix(word);
        candidates = Some(match candidates {
            None => with,
            Some(have) => have
                .into_iter()
                .filter(|at| with.binary_search(at).is_ok())
                .collect(),
        });
    }
    let mut candidates = candidates.unwrap_or_default();
    if let Some(allowed) = allowed {
        candidates.retain(|&at| allowed.contains(record.paragraphs[at as usize].id.as_str()));
    }
    // Words found at a word's start are what the index says; phrases must be read to be sure.
    let must_read = parts.iter().any(|p| p.phrase.is_some());
    let mut buffer = String::new();
    let mut count = 0;
    let mut first = Vec::new();
    for at in candidates {
        let Some(paragraph) = record.paragraphs.get(at as usize) else {
            continue;
        };
        if must_read && !holds_all(&paragraph.text, parts, &mut buffer) {
            continue;
        }
        count += 1;
        if first.len() < listed {
            first.push(at);
        }
    }
    (count, first)
}

/// The hits of the paragraphs found, with their words marked.
fn listed_hits(record: &ReportRecord, parts: &[Part], first: &[u32]) -> Vec<Hit> {
    first
        .iter()
        .filter_map(|&at| {
            let paragraph = record.paragraphs.get(at as usize)?;
            let spans = spans_of(&paragraph.text, parts)?;
            Some(Hit {
                paragraph: paragraph.id.clone(),
                citation: paragraph.citation.clone(),
                note: None,
                excerpt: excerpt(&paragraph.text, &spans),
                fragment: fragment_for(&paragraph.id, &paragraph.text, spans[0]),
            })
        })
        .collect()
}
