//! What the library's index keeps of one report version: its paragraphs (to show and mark what
//! was found) and its words, each with the paragraphs it is in. One record per version, keyed by
//! the version's hash beside its text, so that a report opened, versioned or removed changes
//! one record; a record of another format is made again from the text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::terms::words;
use crate::citations::{plain_key, CitationLink};
use crate::exchange::paragraph_citation;
use crate::report::{Paragraph, Report};

/// The format of records; one written by another is made again from its report's text.
pub const RECORD_FORMAT: u32 = 3;

/// A paragraph as the index keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedParagraph {
    pub id: String,
    /// "para. 8", "annex II, para. 3": how a hit is cited.
    pub citation: String,
    pub text: String,
}

/// A citation of another document in a report: what "cited by" lists are made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cite {
    /// The cited document's key ([`plain_key`] of its symbol) and symbol.
    pub key: String,
    pub symbol: String,
    /// The citing paragraph: its id and how it is cited ("para. 12").
    pub paragraph: String,
    pub citation: String,
    /// The paragraph of the cited document the text names, if it names one.
    pub cited: Option<u32>,
}

/// What a report cites, kept apart from its search record: small enough for the reader to
/// read every report's when it shows which cite the open one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitationsRecord {
    pub format: u32,
    pub report: String,
    pub hash: String,
    pub symbol: Option<String>,
    pub title: String,
    pub cites: Vec<Cite>,
}

/// Every citation in a report's paragraphs, in reading order.
fn cites_of(report: &Report) -> Vec<Cite> {
    let own = report.cover.symbol.as_deref().map(plain_key);
    let mut cites = Vec::new();
    let mut add = |p: &Paragraph| {
        for span in p.text.spans() {
            let Some(link) = span.link.as_deref().and_then(CitationLink::read) else {
                continue;
            };
            if own.as_deref() == Some(link.key().as_str()) {
                continue;
            }
            cites.push(Cite {
                key: link.key(),
                symbol: link.symbol.clone(),
                paragraph: p.id.clone(),
                citation: paragraph_citation(p),
                cited: link.paragraph,
            });
        }
    };
    for p in report.paragraphs() {
        add(p);
    }
    cites
}

/// The index's record of one report version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRecord {
    pub format: u32,
    /// The library entry and the version (its hash) it was made from.
    pub report: String,
    pub hash: String,
    pub symbol: Option<String>,
    pub title: String,
    pub date: Option<String>,
    pub language: String,
    pub paragraphs: Vec<IndexedParagraph>,
    /// Every folded word, sorted, with the paragraphs (by position) it is in: one line each,
    /// `word<TAB>3,14,23`, each number counted from the one before (3, 17, 40), which keeps
    /// the lists of common words short. A string rather than a map, so that reading a hundred records from
    /// storage is one string each, not a million small objects.
    pub words: String,
    /// The documents it cites.
    #[serde(default)]
    pub cites: Vec<Cite>,
}

impl ReportRecord {
    /// The record of a parsed report version.
    pub fn of(report_id: &str, hash: &str, report: &Report) -> ReportRecord {
        let paragraphs: Vec<IndexedParagraph> = report
            .paragraphs()
            .map(|p| IndexedParagraph {
                id: p.id.clone(),
                citation: paragraph_citation(p),
                text: p.text.plain(),
            })
            .collect();
        let mut postings: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (at, paragraph) in paragraphs.iter().enumerate() {
            for word in words(&paragraph.text) {
                let list = postings.entry(word.folded).or_default();
                if list.last() != Some(&(at as u32)) {
                    list.push(at as u32);
                }
            }
        }
        let mut encoded = String::new();
        for (word, list) in &postings {
            encoded.push_str(word);
            encoded.push('\t');
            let mut before = 0;
            for (i, &at) in list.iter().enumerate() {
                if i > 0 {
                    encoded.push(',');
                }
                encoded.push_str(&(at - before).to_string());
                before = at;
            }
            encoded.push('\n');
        }
        ReportRecord {
            format: RECORD_FORMAT,
            report: report_id.to_string(),
            hash: hash.to_string(),
            symbol: report.cover.symbol.clone(),
            title: report
                .cover
                .title
                .as_ref()
                .map(|t| t.plain())
                .unwrap_or_default(),
            date: report.cover.date.clone(),
            language: report.language().to_string(),
            paragraphs,
            words: encoded,
            cites: cites_of(report),
        }
    }

    /// What it cites, to keep apart.
    pub fn citations(&self) -> CitationsRecord {
        CitationsRecord {
            format: self.format,
            report: self.report.clone(),
            hash: self.hash.clone(),
            symbol: self.symbol.clone(),
            title: self.title.clone(),
            cites: self.cites.clone(),
        }
    }

    /// Whether it was made by this version of the index.
    pub fn is_current(&self) -> bool {
        self.format == RECORD_FORMAT
    }
}

/// A report that cites another: which, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedIn {
    pub report: String,
    pub symbol: Option<String>,
    pub title: String,
    /// The citing paragraphs: id, how it is cited, and the paragraph of the cited report named.
    pub paragraphs: Vec<(String, String, Option<u32>)>,
}

/// The reports that cite the document whose symbol is `symbol`, other than `except` (the report
/// itself, or its other versions), each with its citing paragraphs in reading order.
pub fn cited_by(records: &[CitationsRecord], symbol: &str, except: &str) -> Vec<CitedIn> {
    let key = plain_key(symbol);
    records
        .iter()
        .filter(|r| r.report != except)
        .filter_map(|r| {
            let mut paragraphs: Vec<(String, String, Option<u32>)> = Vec::new();
            for cite in r.cites.iter().filter(|c| c.key == key) {
                if !paragraphs
                    .iter()
                    .any(|(id, _, cited)| *id == cite.paragraph && *cited == cite.cited)
                {
                    paragraphs.push((cite.paragraph.clone(), cite.citation.clone(), cite.cited));
                }
            }
            (!paragraphs.is_empty()).then(|| CitedIn {
                report: r.report.clone(),
                symbol: r.symbol.clone(),
                title: r.title.clone(),
                paragraphs,
            })
        })
        .collect()
}

/// A record's words, read for searching: sorted words and their paragraphs.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    words: Vec<String>,
    paragraphs: Vec<Vec<u32>>,
}

impl WordList {
    /// Reads a record's `words`; a line it cannot read is left out (a damaged record finds less,
    /// and is made again when its format changes).
    pub fn read(encoded: &str) -> WordList {
        let mut list = WordList::default();
        for line in encoded.lines() {
            let Some((word, at)) = line.split_once('\t') else {
                continue;
            };
            list.words.push(word.to_string());
            let mut before = 0u32;
            list.paragraphs.push(
                at.split(',')
                    .filter_map(|n| n.parse::<u32>().ok())
                    .map(|step| {
                        before = before.saturating_add(step);
                        before
                    })
                    .collect(),
            );
        }
        list
    }

    /// The paragraphs (by position, ascending) holding a word that begins with `prefix`.
    pub fn paragraphs_with_prefix(&self, prefix: &str) -> Vec<u32> {
        let from = self.words.partition_point(|w| w.as_str() < prefix);
        let mut found: Vec<u32> = Vec::new();
        for at in from..self.words.len() {
            if !self.words[at].starts_with(prefix) {
                break;
            }
            found.extend(&self.paragraphs[at]);
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}
