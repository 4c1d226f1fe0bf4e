//! The reader's library: every report they can open, bundled with the app or brought by them,
//! with the versions (revisions) of each. Pure data and rules, no browser:
//! - a bundled report is known by its manifest id; a report the reader opens by the hash of its
//!   text, so opening the same file twice is the same report;
//! - a text with the document symbol of a report already in the library is a new version of
//!   that report, and shares its annotations; so is its revision or correction (`…/Rev.1`,
//!   `…/Corr.1`, in any case, with or without a space); an addendum (`…/Add.1`) is a report of
//!   its own, listed as an addendum of its parent;
//! - two tabs' copies merge entry by entry, the later edit winning and versions never lost.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::annotations::codec::DecodeError;
use crate::annotations::Millis;
use crate::report::Report;

/// A short, stable name for a text: the first 64 bits of its SHA-256, in hex.
pub fn content_hash(text: &str) -> String {
    hash_of_digest(&Sha256::digest(text.as_bytes()))
}

/// The report hash made from a text's SHA-256 digest, however it was worked out.
pub fn hash_of_digest(digest: &[u8]) -> String {
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", try_from = "StoredSource")]
pub enum Source {
    /// Published with the app: its first version is a file beside it.
    Bundled { file: String },
    /// Opened by the reader from a file, a drop or a paste.
    Opened,
}

/// A source as stored, read without serde's buffered reading of tagged enums (see
/// `annotations::Target`; reading it this way keeps that machinery out of the app).
#[derive(Deserialize)]
#[serde(expecting = "where the report came from (published or opened)")]
struct StoredSource {
    kind: SourceKind,
    #[serde(default)]
    file: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum SourceKind {
    Bundled,
    Opened,
}

impl TryFrom<StoredSource> for Source {
    type Error = &'static str;

    fn try_from(stored: StoredSource) -> Result<Self, Self::Error> {
        match stored.kind {
            SourceKind::Bundled => Ok(Source::Bundled {
                file: stored.file.ok_or("missing field `file`")?,
            }),
            SourceKind::Opened => Ok(Source::Opened),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub hash: String,
    pub added: Millis,
    /// The file it came from, if it came from one.
    #[serde(default)]
    pub file_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub source: Source,
    pub symbol: Option<String>,
    pub title: String,
    pub date: Option<String>,
    /// The name the reader gave it, if they renamed it.
    #[serde(default)]
    pub name: Option<String>,
    /// Oldest first; the last is the current version.
    pub versions: Vec<Version>,
    pub last_opened: Millis,
    pub modified: Millis,
    #[serde(default)]
    pub removed: bool,
    /// Reports the reader said are versions of this one: their versions are this one's now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<Joined>,
    /// Versions a separation took back, so that another tab's older copy of this entry does not
    /// bring them back in a merge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub separated: Vec<String>,
}

/// A report joined to another as one of its versions: which, and the versions it brought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Joined {
    pub id: String,
    pub versions: Vec<String>,
}

/// Why two reports cannot be joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinError {
    /// One of them is not in the library.
    Unknown(String),
    /// A report cannot be a version of itself.
    Same,
    /// Reports published with the reader keep their own place.
    Published(String),
}

impl std::fmt::Display for JoinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JoinError::Unknown(id) => write!(f, "The report {id} is not in your library."),
            JoinError::Same => write!(f, "A report cannot be a version of itself."),
            JoinError::Published(name) => write!(f, "“{name}” is published with this reader, so it keeps its own place: make the other report a version of it instead."),
        }
    }
}

impl Entry {
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.title)
    }

    pub fn current(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// 1-based number of a version of this report.
    pub fn version_number(&self, hash: &str) -> Option<usize> {
        self.versions
            .iter()
            .position(|v| v.hash == hash)
            .map(|i| i + 1)
    }
}

/// What opening a text did to the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// A report not seen before.
    New { id: String },
    /// A text already in the library.
    Known { id: String },
    /// A new version of a report already in the library (same symbol, other text).
    Revision { id: String, version: usize },
}

impl Opened {
    pub fn id(&self) -> &str {
        match self {
            Opened::New { id } | Opened::Known { id } | Opened::Revision { id, .. } => id,
        }
    }

    /// What the reader is told of it (nothing for a report new to the library), with a
    /// `warning` after it (that its text could not be kept, say).
    pub fn message(&self, warning: Option<String>) -> Option<String> {
        let said = match self {
            Opened::Revision { version, .. } => Some(format!(
                "Opened as version {version} of a report already in your library: your highlights and notes were carried over."
            )),
            Opened::Known { .. } => Some("This report was already in your library; it is the same text.".to_string()),
            Opened::New { .. } => None,
        };
        match (said, warning) {
            (Some(s), Some(w)) => Some(format!("{s} {w}")),
            (s, w) => s.or(w),
        }
    }
}

/// How many notes a report has, in words: "no notes", "1 highlight or note", "3 highlights and
/// notes".
pub fn notes_phrase(count: usize) -> String {
    match count {
        0 => "no notes".to_string(),
        1 => "1 highlight or note".to_string(),
        n => format!("{n} highlights and notes"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    entries: BTreeMap<String, Entry>,
}

fn title_of(report: &Report) -> String {
    report
        .cover
        .title
        .as_ref()
        .map(|t| t.plain())
        .or_else(|| report.cover.symbol.clone())
        .or_else(|| {
            report
                .paragraphs()
                .next()
                .map(|p| p.text.plain().chars().take(80).collect())
        })
        .unwrap_or_else(|| "Untitled report".to_string())
}

/// A symbol as it is compared: capitals, and no space around its slashes ("a/hrc/59/23 /Rev. 1"
/// is "A/HRC/59/23/REV.1").
fn normalised_symbol(symbol: &str) -> String {
    let upper = symbol.trim().to_uppercase();
    let mut out = String::with_capacity(upper.len());
    for part in upper.split('/') {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(&part.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    out.replace(". ", ".")
}

/// The last part of a symbol if it is a revision, correction or addendum ("REV.1"): its kind
/// and number.
fn suffix(part: &str) -> Option<(&'static str, u32)> {
    ["REV", "CORR", "ADD"].into_iter().find_map(|kind| {
        let number = part.strip_prefix(kind)?.trim_start_matches('.').trim();
        number.parse().ok().map(|n| (kind, n))
    })
}

/// What a document symbol names whatever its revisions and corrections: "A/HRC/59/23/Rev.1",
/// "A/HRC/59/23/Corr.2" and "A/HRC/59/23" are the same report. An addendum is not: it keeps
/// its "/ADD.1".
pub fn report_symbol(symbol: &str) -> String {
    let mut parts: Vec<String> = normalised_symbol(symbol)
        .split('/')
        .map(str::to_string)
        .collect();
    while parts.len() > 1
        && parts
            .last()
            .and_then(|p| suffix(p))
            .is_some_and(|(kind, _)| kind != "ADD")
    {
        parts.pop();
    }
    parts.join("/")
}

/// The symbol of the report an addendum adds to: "A/HRC/59/23/Add.1" → "A/HRC/59/23".
pub fn addendum_parent(symbol: &str) -> Option<String> {
    let base = report_symbol(symbol);
    let (parent, last) = base.rsplit_once('/')?;
    suffix(last)
        .filter(|(kind, _)| *kind == "ADD")
        .map(|_| report_symbol(parent))
}

fn same_symbol(a: &str, b: &str) -> bool {
    report_symbol(a) == report_symbol(b)
}

impl Library {
    /// Whether it has an entry for this id, a removed one included.
    pub fn holds(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id).filter(|e| !e.removed)
    }

    /// The reports in the library, the most recently opened first.
    pub fn entries(&self) -> Vec<&Entry> {
        let mut live: Vec<&Entry> = self.entries.values().filter(|e| !e.removed).collect();
        live.sort_by(|a, b| {
            b.last_opened
                .cmp(&a.last_opened)
                .then_with(|| a.id.cmp(&b.id))
        });
        live
    }

    /// Every record, removed ones included, for storage.
    pub fn all(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// The report an entry is an addendum of, if the library holds it.
    pub fn addendum_of(&self, entry: &Entry) -> Option<&Entry> {
        let parent = addendum_parent(entry.symbol.as_deref()?)?;
        self.entries().into_iter().find(|e| {
            e.id != entry.id
                && e.symbol
                    .as_deref()
                    .is_some_and(|s| report_symbol(s) == parent)
        })
    }

    /// Records a bundled report (from the manifest) if the library does not know it yet.
    pub fn ensure_bundled(
        &mut self,
        id: &str,
        file: &str,
        report: &Report,
        hash: &str,
        now: Millis,
    ) {
        if self.holds(id) {
            return;
        }
        self.entries.insert(
            id.to_string(),
            Entry {
                id: id.to_string(),
                source: Source::Bundled {
                    file: file.to_string(),
                },
                symbol: report.cover.symbol.clone(),
                title: title_of(report),
                date: report.cover.date.clone(),
                name: None,
                versions: vec![Version {
                    hash: hash.to_string(),
                    added: 0,
                    file_name: Some(file.to_string()),
                }],
                last_opened: 0,
                modified: now,
                removed: false,
                joined: Vec::new(),
                separated: Vec::new(),
            },
        );
    }

    /// Adds a text the reader opened: the same text is the same report; the same symbol with
    /// another text is a new version of it; anything else is a new report.
    pub fn open_text(
        &mut self,
        report: &Report,
        hash: &str,
        file_name: Option<&str>,
        now: Millis,
    ) -> Opened {
        let by_hash = self
            .entries
            .values()
            .find(|e| !e.removed && e.versions.iter().any(|v| v.hash == hash))
            .map(|e| e.id.clone());
        if let Some(id) = by_hash {
            self.touch(&id, now);
            return Opened::Known { id };
        }
        let by_symbol = report.cover.symbol.as_deref().and_then(|symbol| {
            self.entries
                .values()
                .filter(|e| {
                    !e.removed && e.symbol.as_deref().is_some_and(|s| same_symbol(s, symbol))
                })
                .max_by_key(|e| e.last_opened)
                .map(|e| e.id.clone())
        });
        let version = Version {
            hash: hash.to_string(),
            added: now,
            file_name: file_name.map(str::to_string),
        };
        if let Some(id) = by_symbol {
            let entry = self.entries.get_mut(&id).expect("found above");
            entry.versions.push(version);
            entry.title = title_of(report);
            entry.symbol = report.cover.symbol.clone().or(entry.symbol.take());
            entry.date = report.cover.date.clone().or(entry.date.take());
            entry.last_opened = now;
            entry.modified = now;
            let number = entry.versions.len();
            return Opened::Revision {
                id,
                version: number,
            };
        }
        let id = format!("r-{hash}");
        // A report the reader removed and now opens again comes back as new.
        self.entries.insert(
            id.clone(),
            Entry {
                id: id.clone(),
                source: Source::Opened,
                symbol: report.cover.symbol.clone(),
                title: title_of(report),
                date: report.cover.date.clone(),
                name: None,
                versions: vec![version],
                last_opened: now,
                modified: now,
                removed: false,
                joined: Vec::new(),
                separated: Vec::new(),
            },
        );
        Opened::New { id }
    }

    /// Notes that a report was opened now (the library lists the most recent first).
    pub fn touch(&mut self, id: &str, now: Millis) {
        if let Some(entry) = self.entries.get_mut(id).filter(|e| !e.removed) {
            entry.last_opened = now;
            entry.modified = now.max(entry.modified + 1);
        }
    }

    pub fn rename(&mut self, id: &str, name: &str, now: Millis) {
        if let Some(entry) = self.entries.get_mut(id).filter(|e| !e.removed) {
            let name = name.trim();
            entry.name =
                (!name.is_empty() && name != entry.title).then(|| name.chars().take(200).collect());
            entry.modified = now.max(entry.modified + 1);
        }
    }

    /// Removes a report; its record stays as a tombstone so another tab does not bring it back.
    /// Returns the hashes of its versions, whose texts can be dropped.
    pub fn remove(&mut self, id: &str, now: Millis) -> Vec<String> {
        match self.entries.get_mut(id).filter(|e| !e.removed) {
            Some(entry) => {
                entry.removed = true;
                entry.modified = now.max(entry.modified + 1);
                entry.versions.iter().map(|v| v.hash.clone()).collect()
            }
            None => Vec::new(),
        }
    }

    /// Merges another copy: per entry the later edit wins, and no version either side has is lost.
    /// The reader says `from` is a version of `into`: its versions become `into`'s (the newest
    /// last), and `from` leaves the list; its address opens `into`. Undone by [`Library::separate`].
    pub fn join_as_version(
        &mut self,
        from: &str,
        into: &str,
        now: Millis,
    ) -> Result<(), JoinError> {
        if from == into {
            return Err(JoinError::Same);
        }
        let source = self
            .get(from)
            .ok_or_else(|| JoinError::Unknown(from.to_string()))?
            .clone();
        if self.get(into).is_none() {
            return Err(JoinError::Unknown(into.to_string()));
        }
        if matches!(source.source, Source::Bundled { .. }) {
            return Err(JoinError::Published(source.display_name().to_string()));
        }
        let target = self.entries.get_mut(into).expect("checked above");
        let mut brought = Vec::new();
        for version in source.versions {
            if !target.versions.iter().any(|v| v.hash == version.hash) {
                brought.push(version.hash.clone());
                target.separated.retain(|h| *h != version.hash);
                target.versions.push(version);
            }
        }
        target.versions.sort_by_key(|v| v.added);
        target.joined.push(Joined {
            id: from.to_string(),
            versions: brought,
        });
        target.modified = now;
        let joined = self.entries.get_mut(from).expect("checked above");
        joined.removed = true;
        joined.modified = now;
        Ok(())
    }

    /// Undoes [`Library::join_as_version`]: `from` is a report of its own again, with the
    /// versions it brought.
    pub fn separate(&mut self, into: &str, from: &str, now: Millis) -> bool {
        let Some(target) = self.entries.get_mut(into) else {
            return false;
        };
        let Some(at) = target.joined.iter().position(|j| j.id == from) else {
            return false;
        };
        let joined = target.joined.remove(at);
        target
            .versions
            .retain(|v| !joined.versions.contains(&v.hash));
        target.separated.extend(joined.versions);
        target.modified = now;
        if let Some(entry) = self.entries.get_mut(from) {
            entry.removed = false;
            entry.modified = now;
            entry.last_opened = now;
        }
        true
    }

    /// The report an address names: itself, or the report it was joined to as a version.
    pub fn resolve(&self, id: &str) -> Option<&Entry> {
        self.get(id).or_else(|| {
            self.entries()
                .into_iter()
                .find(|e| e.joined.iter().any(|j| j.id == id))
        })
    }

    pub fn merge(&mut self, other: &Library) -> bool {
        let mut changed = false;
        for theirs in other.entries.values() {
            match self.entries.get_mut(&theirs.id) {
                None => {
                    self.entries.insert(theirs.id.clone(), theirs.clone());
                    changed = true;
                }
                Some(mine) => {
                    let mut merged =
                        if (theirs.modified, theirs.removed) > (mine.modified, mine.removed) {
                            theirs.clone()
                        } else {
                            mine.clone()
                        };
                    for v in mine.versions.iter().chain(&theirs.versions) {
                        if !merged.versions.iter().any(|m| m.hash == v.hash) {
                            merged.versions.push(v.clone());
                        }
                    }
                    // Taken back by a separation on the side that wins: not brought back.
                    let separated = merged.separated.clone();
                    merged.versions.retain(|v| !separated.contains(&v.hash));
                    merged.versions.sort_by_key(|v| v.added);
                    merged.last_opened = mine.last_opened.max(theirs.last_opened);
                    if merged != *mine {
                        *mine = merged;
                        changed = true;
                    }
                }
            }
        }
        changed
    }
}

pub const FORMAT: &str = "report-reader.library";
pub const CURRENT_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Document {
    format: String,
    version: u64,
    entries: Vec<Entry>,
}

pub fn encode_value(library: &Library) -> Value {
    serde_json::to_value(Document {
        format: FORMAT.into(),
        version: CURRENT_VERSION,
        entries: library.all().cloned().collect(),
    })
    .expect("the library always serialises")
}

pub fn decode_value(value: Value) -> Result<(Library, u64), DecodeError> {
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| DecodeError::WrongShape("no version number".into()))?;
    if version > CURRENT_VERSION {
        return Err(DecodeError::FutureVersion(version));
    }
    let document: Document =
        serde_json::from_value(value).map_err(|e| DecodeError::WrongShape(e.to_string()))?;
    if document.format != FORMAT {
        return Err(DecodeError::WrongShape(format!(
            "format “{}”",
            document.format
        )));
    }
    Ok((
        Library {
            entries: document
                .entries
                .into_iter()
                .map(|e| (e.id.clone(), e))
                .collect(),
        },
        version,
    ))
}

pub fn decode(text: &str) -> Result<Library, DecodeError> {
    decode_value(serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?)
        .map(|(l, _)| l)
}

/// A publisher's list of the reports deployed beside the app, `reports/manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Manifest {
    pub reports: Vec<ManifestReport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ManifestReport {
    pub id: String,
    /// Path of the report's text, relative to the manifest.
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub symbol: Option<String>,
}

impl Manifest {
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let manifest: Manifest = serde_json::from_str(text).map_err(|e| e.to_string())?;
        // `r-<16 hex digits>` names a report a reader opened themselves (`Library::open_text`).
        let readers_own = |id: &str| {
            id.strip_prefix("r-")
                .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        let valid_id = |id: &str| {
            !id.is_empty()
                && id.len() <= 100
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                && !readers_own(id)
        };
        let valid_file = |f: &str| {
            !f.is_empty() && !f.contains("..") && !f.starts_with('/') && !f.contains("://")
        };
        match manifest
            .reports
            .iter()
            .find(|r| !valid_id(&r.id) || !valid_file(&r.file))
        {
            Some(bad) => Err(format!(
                "report “{}” has an id or file path that is not allowed",
                bad.id
            )),
            None => Ok(manifest),
        }
    }

    pub fn find(&self, id: &str) -> Option<&ManifestReport> {
        self.reports.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_opening_did_is_told_in_words_with_any_warning_after_it() {
        let new = Opened::New { id: "r-1".into() };
        assert_eq!(new.message(None), None);
        assert_eq!(
            new.message(Some("Not kept.".into())).as_deref(),
            Some("Not kept.")
        );
        let known = Opened::Known { id: "r-1".into() };
        assert_eq!(
            known.message(Some("Not kept.".into())).as_deref(),
            Some("This report was already in your library; it is the same text. Not kept.")
        );
        assert!(Opened::Revision {
            id: "r-1".into(),
            version: 2
        }
        .message(None)
        .unwrap()
        .starts_with("Opened as version 2 of a report"));
        assert_eq!(
            [0, 1, 3].map(notes_phrase),
            ["no notes", "1 highlight or note", "3 highlights and notes"]
        );
    }
    use crate::report::{parse, DEFAULT_REPORT};

    fn revised() -> String {
        DEFAULT_REPORT.replace("sincere efforts", "genuine efforts")
    }

    #[test]
    fn hashes_are_stable_and_short() {
        assert_eq!(content_hash("abc"), "ba7816bf8f01cfea");
        assert_ne!(content_hash(DEFAULT_REPORT), content_hash(&revised()));
    }

    #[test]
    fn the_same_text_twice_is_the_same_report() {
        let mut library = Library::default();
        let report = parse("Some notes\n\n1. First point.\n");
        let hash = content_hash("Some notes\n\n1. First point.\n");
        let first = library.open_text(&report, &hash, Some("notes.txt"), 10);
        assert!(matches!(first, Opened::New { .. }));
        assert_eq!(
            library.open_text(&report, &hash, Some("copy of notes.txt"), 20),
            Opened::Known {
                id: first.id().into()
            }
        );
        assert_eq!(library.entries().len(), 1);
        assert_eq!(library.get(first.id()).unwrap().last_opened, 20);
    }

    #[test]
    fn the_same_symbol_with_other_text_is_a_new_version_of_the_bundled_report() {
        let mut library = Library::default();
        let original = parse(DEFAULT_REPORT);
        library.ensure_bundled(
            "oic",
            "oic.txt",
            &original,
            &content_hash(DEFAULT_REPORT),
            1,
        );
        let text = revised();
        let opened = library.open_text(&parse(&text), &content_hash(&text), Some("rev.txt"), 50);
        assert_eq!(
            opened,
            Opened::Revision {
                id: "oic".into(),
                version: 2
            }
        );
        let entry = library.get("oic").unwrap();
        assert_eq!(entry.versions.len(), 2);
        assert_eq!(entry.current().unwrap().hash, content_hash(&text));
        assert_eq!(entry.version_number(&content_hash(DEFAULT_REPORT)), Some(1));
    }

    #[test]
    fn revisions_and_corrections_are_versions_and_an_addendum_is_a_report_of_its_own() {
        for (symbol, report) in [
            ("A/HRC/59/23/Rev.1", "A/HRC/59/23"),
            ("a/hrc/59/23/rev.2", "A/HRC/59/23"),
            ("A/HRC/59/23/Rev. 1", "A/HRC/59/23"),
            ("A/HRC/59/23 /Corr.1", "A/HRC/59/23"),
            ("A/HRC/59/23/Rev.1/Corr.1", "A/HRC/59/23"),
            ("A/HRC/59/23/Add.1", "A/HRC/59/23/ADD.1"),
            ("A/HRC/59/23/Add.1/Corr.1", "A/HRC/59/23/ADD.1"),
            (
                "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP/Rev.1",
                "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP",
            ),
            ("S/RES/2780 (2025)", "S/RES/2780 (2025)"),
        ] {
            assert_eq!(report_symbol(symbol), report, "{symbol}");
        }
        assert_eq!(
            addendum_parent("A/HRC/59/23/Add.1").as_deref(),
            Some("A/HRC/59/23")
        );
        assert_eq!(addendum_parent("A/HRC/59/23/Rev.1"), None);
        assert_eq!(
            addendum_parent("A/RES/79/1"),
            None,
            "a number is not an addendum"
        );

        let mut library = Library::default();
        let report = |symbol: &str| {
            parse(&format!(
                "{symbol}\n\nReport of the Working Group\n\n1. Text of {symbol}.\n"
            ))
        };
        let original = library.open_text(&report("A/HRC/59/23"), "h1", None, 10);
        let revision = library.open_text(&report("A/HRC/59/23/Rev.1"), "h2", None, 20);
        assert_eq!(
            revision,
            Opened::Revision {
                id: original.id().into(),
                version: 2
            }
        );
        assert_eq!(
            library.get(original.id()).unwrap().symbol.as_deref(),
            Some("A/HRC/59/23/Rev.1"),
            "the entry shows its current symbol"
        );
        let correction = library.open_text(&report("A/HRC/59/23/REV.1/Corr.1"), "h3", None, 30);
        assert_eq!(
            correction,
            Opened::Revision {
                id: original.id().into(),
                version: 3
            }
        );
        let addendum = library.open_text(&report("A/HRC/59/23/Add.1"), "h4", None, 40);
        assert!(matches!(addendum, Opened::New { .. }));
        let added = library.get(addendum.id()).unwrap();
        assert_eq!(
            library.addendum_of(added).map(|e| e.id.as_str()),
            Some(original.id())
        );
        assert_eq!(
            library.addendum_of(library.get(original.id()).unwrap()),
            None
        );
    }

    #[test]
    fn a_report_the_reader_says_is_a_version_of_another_joins_it_and_can_be_separated_again() {
        let mut library = Library::default();
        library.ensure_bundled("oic", "oic.txt", &parse(DEFAULT_REPORT), "h0", 1);
        let a = library
            .open_text(&parse("Draft of the report\n\n1. First.\n"), "ha", None, 10)
            .id()
            .to_string();
        let b = library
            .open_text(
                &parse("Final report\n\n1. First, revised.\n"),
                "hb",
                None,
                20,
            )
            .id()
            .to_string();
        let before = library.clone();
        assert_eq!(library.join_as_version(&a, &a, 30), Err(JoinError::Same));
        assert_eq!(
            library.join_as_version("oic", &a, 30),
            Err(JoinError::Published(
                "Report of the Meeting of the OIC Contact Group on Jammu and Kashmir".into()
            ))
        );
        assert_eq!(
            library.join_as_version("nope", &a, 30),
            Err(JoinError::Unknown("nope".into()))
        );
        assert_eq!(library, before, "a refused join changes nothing");

        library.join_as_version(&b, &a, 30).unwrap();
        let hashes = |l: &Library, id: &str| {
            l.get(id).map(|e| {
                e.versions
                    .iter()
                    .map(|v| v.hash.clone())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            hashes(&library, &a),
            Some(vec!["ha".to_string(), "hb".to_string()]),
            "the newer text is the current version"
        );
        assert!(library.get(&b).is_none(), "no longer listed on its own");
        assert_eq!(
            library.resolve(&b).map(|e| e.id.as_str()),
            Some(a.as_str()),
            "its address opens the report it joined"
        );
        let stale_tab = library.clone();

        assert!(library.separate(&a, &b, 40));
        assert_eq!(hashes(&library, &a), Some(vec!["ha".to_string()]));
        assert_eq!(hashes(&library, &b), Some(vec!["hb".to_string()]));
        assert_eq!(library.resolve(&b).map(|e| e.id.as_str()), Some(b.as_str()));
        assert!(!library.separate(&a, &b, 50), "nothing left to separate");

        // Another tab that still has them joined does not join them again.
        let mut other = stale_tab;
        other.merge(&library);
        assert_eq!(hashes(&other, &a), Some(vec!["ha".to_string()]));
        assert!(other.get(&b).is_some());
        library.merge(&other);
        assert_eq!(hashes(&library, &a), Some(vec!["ha".to_string()]));
    }

    #[test]
    fn rename_remove_and_merge_across_tabs() {
        let mut a = Library::default();
        let r = parse("Title line\n\n1. Text.\n");
        let id = a.open_text(&r, "h1", None, 10).id().to_string();
        let mut b = a.clone();
        a.rename(&id, "My copy", 20);
        assert_eq!(a.get(&id).unwrap().display_name(), "My copy");
        let other = b
            .open_text(&parse("Other\n\n1. X.\n"), "h2", None, 30)
            .id()
            .to_string();
        assert!(a.merge(&b));
        assert_eq!(a.entries().len(), 2);
        assert_eq!(
            a.get(&id).unwrap().display_name(),
            "My copy",
            "the newer rename wins"
        );
        assert_eq!(a.remove(&other, 40), ["h2"]);
        assert!(b.merge(&a));
        assert!(b.get(&other).is_none(), "the removal reaches the other tab");
        a.rename(&id, "", 50);
        assert_eq!(
            a.get(&id).unwrap().display_name(),
            "Title line",
            "an empty name goes back to the title"
        );
    }

    #[test]
    fn versions_from_both_tabs_survive_a_merge() {
        let mut a = Library::default();
        let base = parse(DEFAULT_REPORT);
        a.ensure_bundled("oic", "oic.txt", &base, "h0", 1);
        let mut b = a.clone();
        a.open_text(&base, "h1", None, 10);
        b.open_text(&base, "h2", None, 20);
        a.merge(&b);
        let hashes: Vec<&str> = a
            .get("oic")
            .unwrap()
            .versions
            .iter()
            .map(|v| v.hash.as_str())
            .collect();
        assert_eq!(hashes, ["h0", "h1", "h2"]);
    }

    #[test]
    fn the_library_round_trips_and_refuses_the_future() {
        let mut library = Library::default();
        library.open_text(&parse("T\n\n1. X.\n"), "h", Some("t.txt"), 5);
        let (back, _) = decode_value(encode_value(&library)).unwrap();
        assert_eq!(back, library);
        assert_eq!(
            decode("{\"version\": 9}"),
            Err(DecodeError::FutureVersion(9))
        );
        assert!(decode("nope").is_err());
    }

    #[test]
    fn a_source_is_read_with_its_fields_in_any_order() {
        let read = |json: &str| serde_json::from_str::<Source>(json).map_err(|e| e.to_string());
        for source in [
            Source::Bundled {
                file: "oic.txt".into(),
            },
            Source::Opened,
        ] {
            assert_eq!(read(&serde_json::to_string(&source).unwrap()), Ok(source));
        }
        assert_eq!(
            read(r#"{"file":"oic.txt","kind":"bundled"}"#),
            Ok(Source::Bundled {
                file: "oic.txt".into()
            })
        );
        assert!(read(r#"{"kind":"bundled"}"#)
            .unwrap_err()
            .contains("missing field `file`"));
        assert!(read(r#"{"kind":"borrowed"}"#)
            .unwrap_err()
            .contains("unknown variant `borrowed`"));
    }

    #[test]
    fn manifests_are_checked() {
        let ok = Manifest::parse(
            r#"{"reports":[{"id":"oic-cfm-51","file":"oic.txt","title":"Report"}]}"#,
        )
        .unwrap();
        assert_eq!(ok.find("oic-cfm-51").unwrap().file, "oic.txt");
        assert!(Manifest::parse(r#"{"reports":[{"id":"x","file":"../secret"}]}"#).is_err());
        assert!(Manifest::parse(r#"{"reports":[{"id":"a b","file":"x.txt"}]}"#).is_err());
        assert!(Manifest::parse("{").is_err());
        // A reader's own reports are named `r-<hash>`: a published one may not take such a name.
        assert!(
            Manifest::parse(r#"{"reports":[{"id":"r-0123456789abcdef","file":"x.txt"}]}"#).is_err()
        );
        assert!(Manifest::parse(r#"{"reports":[{"id":"r-annual-2025","file":"x.txt"}]}"#).is_ok());
    }
}
