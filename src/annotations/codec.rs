//! The stored form of a report's annotations: a versioned JSON document, read through
//! step-by-step migrations so that data written by any earlier version still loads.
//!
//! Versions:
//! - 1: the first cut: whole-paragraph highlights only (`highlights`: id, paragraph, color,
//!   note, one `updated` time), no record of deletions.
//! - 2 (current): `annotations` on paragraphs or passages (quote and position), with created
//!   and modified times and tombstones for deletions.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Annotation, AnnotationSet, Palette};

pub const FORMAT: &str = "report-reader.annotations";
pub const CURRENT_VERSION: u64 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (truncated, overwritten by something else).
    NotJson(String),
    /// JSON, but not annotations as any version wrote them.
    WrongShape(String),
    /// Written by a newer version of the app than this one.
    FutureVersion(u64),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "it is not valid JSON ({why})"),
            DecodeError::WrongShape(why) => {
                write!(f, "it is not in the form this app stores notes in ({why})")
            }
            DecodeError::FutureVersion(v) => {
                write!(f, "it was written by a newer version of this app (format {v}; this one reads up to {CURRENT_VERSION})")
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Document {
    format: String,
    version: u64,
    report: String,
    annotations: Vec<Annotation>,
}

/// What was read: the report the annotations belong to, and the version they were stored in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub report: String,
    pub annotations: AnnotationSet,
    pub stored_version: u64,
}

pub fn encode(report: &str, annotations: &AnnotationSet) -> String {
    encode_value(report, annotations).to_string()
}

pub fn encode_value(report: &str, annotations: &AnnotationSet) -> Value {
    let document = Document {
        format: FORMAT.to_string(),
        version: CURRENT_VERSION,
        report: report.to_string(),
        annotations: annotations.all().cloned().collect(),
    };
    serde_json::to_value(&document).expect("annotations always serialise")
}

pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    // The current version is read straight into its types, without building a JSON tree first;
    // anything else goes the long way, through the migrations.
    if let Ok(document) = serde_json::from_str::<Document>(text) {
        if document.version == CURRENT_VERSION && document.format == FORMAT {
            return Ok(Decoded {
                report: document.report,
                annotations: AnnotationSet::from_annotations(document.annotations),
                stored_version: CURRENT_VERSION,
            });
        }
    }
    decode_value(serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?)
}

/// Reads a stored document already parsed as JSON, migrating it from older versions.
pub fn decode_value(mut value: Value) -> Result<Decoded, DecodeError> {
    let stored_version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| DecodeError::WrongShape("no version number".into()))?;
    if stored_version == 0 {
        return Err(DecodeError::WrongShape("version 0".into()));
    }
    if stored_version > CURRENT_VERSION {
        return Err(DecodeError::FutureVersion(stored_version));
    }
    for version in stored_version..CURRENT_VERSION {
        value = MIGRATIONS[(version - 1) as usize](value)?;
    }
    let document: Document =
        serde_json::from_value(value).map_err(|e| DecodeError::WrongShape(e.to_string()))?;
    if document.format != FORMAT {
        return Err(DecodeError::WrongShape(format!(
            "format “{}”",
            document.format
        )));
    }
    Ok(Decoded {
        report: document.report,
        annotations: AnnotationSet::from_annotations(document.annotations),
        stored_version,
    })
}

/// `MIGRATIONS[n - 1]` turns a version-n document into a version-(n + 1) one.
const MIGRATIONS: [fn(Value) -> Result<Value, DecodeError>; (CURRENT_VERSION - 1) as usize] =
    [v1_to_v2];

#[derive(Deserialize)]
struct V1Document {
    report: String,
    highlights: Vec<V1Highlight>,
}

#[derive(Deserialize)]
struct V1Highlight {
    id: String,
    paragraph: String,
    color: Option<String>,
    #[serde(default)]
    note: String,
    updated: i64,
}

fn v1_to_v2(value: Value) -> Result<Value, DecodeError> {
    let old: V1Document = serde_json::from_value(value)
        .map_err(|e| DecodeError::WrongShape(format!("version 1: {e}")))?;
    let annotations: Vec<Value> = old
        .highlights
        .into_iter()
        .map(|h| {
            serde_json::json!({
                "id": h.id,
                "target": { "kind": "paragraph", "paragraph": h.paragraph },
                "colour": h.color.filter(|c| super::Colour::from_key(c).is_some()),
                "note": h.note,
                "created": h.updated,
                "modified": h.updated,
            })
        })
        .collect();
    Ok(
        serde_json::json!({ "format": FORMAT, "version": 2, "report": old.report, "annotations": annotations }),
    )
}

/// The reader's settings that are not tied to one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u64,
    pub palette: Palette,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: 1,
            palette: Palette::default(),
        }
    }
}

pub fn encode_settings(settings: &Settings) -> String {
    serde_json::to_string(settings).expect("settings always serialise")
}

pub fn decode_settings(text: &str) -> Result<Settings, DecodeError> {
    decode_settings_value(
        serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?,
    )
}

pub fn decode_settings_value(value: Value) -> Result<Settings, DecodeError> {
    match value.get("version").and_then(Value::as_u64) {
        Some(1) => {
            serde_json::from_value(value).map_err(|e| DecodeError::WrongShape(e.to_string()))
        }
        Some(v) if v > 1 => Err(DecodeError::FutureVersion(v)),
        _ => Err(DecodeError::WrongShape("no version number".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Colour, Quote, Target};

    fn sample() -> AnnotationSet {
        let passage = Target::Passage {
            paragraph: "p5".into(),
            quote: Quote {
                exact: "Ishaq Dar".into(),
                prefix: "Excellency ".into(),
                suffix: ", Deputy".into(),
                start: 16,
                end: 25,
            },
        };
        let mut set = AnnotationSet::from_annotations([
            Annotation {
                id: "a1".into(),
                target: Target::whole("p8", None),
                colour: Some(Colour::Pink),
                note: "Check \"this\" — <b>".into(),
                tags: vec!["to check".into()],
                created: 1,
                modified: 2,
                deleted: false,
            },
            Annotation {
                id: "a2".into(),
                target: passage,
                colour: None,
                note: "".into(),
                tags: Vec::new(),
                created: 3,
                modified: 3,
                deleted: false,
            },
            Annotation {
                id: "a3".into(),
                target: Target::whole("p1", None),
                colour: None,
                note: "gone".into(),
                tags: Vec::new(),
                created: 1,
                modified: 1,
                deleted: false,
            },
        ]);
        set.delete("a3", 9);
        set
    }

    #[test]
    fn round_trip_keeps_everything_including_tombstones() {
        let text = encode("oic", &sample());
        let decoded = decode(&text).unwrap();
        assert_eq!(
            decoded,
            Decoded {
                report: "oic".into(),
                annotations: sample(),
                stored_version: CURRENT_VERSION
            }
        );
    }

    #[test]
    fn a_stored_version_1_document_is_migrated() {
        let v1 = include_str!("../../tests/fixtures/storage/annotations-v1.json");
        let decoded = decode(v1).unwrap();
        assert_eq!(decoded.stored_version, 1);
        assert_eq!(decoded.report, "oic-cfm-51-cg-jk-2025");
        let live: Vec<(&str, &str, Option<Colour>, &str, i64)> = decoded
            .annotations
            .live()
            .map(|a| {
                (
                    a.id.as_str(),
                    a.target.paragraph(),
                    a.colour,
                    a.note.as_str(),
                    a.modified,
                )
            })
            .collect();
        assert_eq!(
            live,
            [
                (
                    "h-1719000000000-1",
                    "p8",
                    Some(Colour::Yellow),
                    "The ceasefire paragraph: compare with the communiqué.",
                    1_719_000_000_000
                ),
                (
                    "h-1719000100000-2",
                    "p3",
                    None,
                    "Statement on behalf of the Secretary General.",
                    1_719_000_100_000
                ),
                (
                    "h-1719000200000-3",
                    "p11",
                    Some(Colour::Green),
                    "",
                    1_719_000_200_000
                ),
            ]
        );
        let again = decode(&encode(&decoded.report, &decoded.annotations)).unwrap();
        assert_eq!(
            again.annotations, decoded.annotations,
            "saved back in the current version"
        );
    }

    #[test]
    fn bad_documents_are_refused_with_a_reason() {
        assert!(matches!(
            decode("{\"version\": 2, \"annot"),
            Err(DecodeError::NotJson(_))
        ));
        assert!(matches!(
            decode("[1, 2, 3]"),
            Err(DecodeError::WrongShape(_))
        ));
        assert!(matches!(
            decode("{\"version\": 2, \"report\": \"x\"}"),
            Err(DecodeError::WrongShape(_))
        ));
        assert!(matches!(
            decode("{\"version\": 1, \"report\": \"x\", \"highlights\": 5}"),
            Err(DecodeError::WrongShape(_))
        ));
        assert_eq!(
            decode("{\"version\": 7, \"whatever\": true}"),
            Err(DecodeError::FutureVersion(7))
        );
        let other_format = encode("x", &sample()).replace(FORMAT, "something.else");
        assert!(matches!(
            decode(&other_format),
            Err(DecodeError::WrongShape(_))
        ));
    }

    #[test]
    fn settings_round_trip_and_refuse_the_future() {
        let mut settings = Settings::default();
        settings.palette.rename(Colour::Blue, "ask the delegation");
        assert_eq!(
            decode_settings(&encode_settings(&settings)).unwrap(),
            settings
        );
        assert_eq!(
            decode_settings("{\"version\": 2}"),
            Err(DecodeError::FutureVersion(2))
        );
        assert!(decode_settings("nope").is_err());
    }
}
