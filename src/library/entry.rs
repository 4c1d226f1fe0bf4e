//! A library entry: where the report came from, its versions, the reports joined to it, and
//! what opening a text did to the library, told in words.

use serde::{Deserialize, Serialize};

use crate::annotations::Millis;

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
pub(super) struct StoredSource {
    kind: SourceKind,
    #[serde(default)]
    file: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum SourceKind {
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
