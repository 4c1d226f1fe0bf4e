//! What the library's index keeps of one report version: its paragraphs (to show and mark what
//! was found) and its words, each with the paragraphs it is in. One record per version, keyed by
//! the version's hash beside its text, so that a report opened, versioned or removed changes
//! one record; a record of another format is made again from the text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::terms::words;
use crate::exchange::paragraph_citation;
use crate::report::Report;

/// The format of records; one written by another is made again from its report's text.
pub const RECORD_FORMAT: u32 = 1;

/// A paragraph as the index keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedParagraph {
    pub id: String,
    /// "para. 8", "annex II, para. 3": how a hit is cited.
    pub citation: String,
    pub text: String,
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
    /// `word<TAB>3,17,40`. A string rather than a map, so that reading a hundred records from
    /// storage is one string each, not a million small objects.
    pub words: String,
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
            for (i, at) in list.iter().enumerate() {
                if i > 0 {
                    encoded.push(',');
                }
                encoded.push_str(&at.to_string());
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
        }
    }

    /// Whether it was made by this version of the index.
    pub fn is_current(&self) -> bool {
        self.format == RECORD_FORMAT
    }
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
            list.paragraphs
                .push(at.split(',').filter_map(|n| n.parse().ok()).collect());
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
