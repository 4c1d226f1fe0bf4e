//! The library as stored: a versioned JSON document (`report-reader.library`, version 1).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::annotations::codec::DecodeError;

use super::entry::*;
use super::index::Library;

pub const FORMAT: &str = "report-reader.library";

pub const CURRENT_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
pub(super) struct Document {
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
