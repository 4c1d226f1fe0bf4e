//! One note shared by link, with no server: the annotation travels in the URL's fragment (which
//! browsers never send to a server) as base64url JSON. Opening the link shows the note as a
//! preview at its paragraph, clearly not yet the reader's, until they add it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::annotations::Annotation;

/// The fragment key that carries a shared note: `#share=<payload>`.
pub const SHARE_KEY: &str = "share=";
/// Longer payloads are refused: a note link is not a way to carry a file.
pub const MAX_PAYLOAD: usize = 16 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedNote {
    /// Format version of the payload.
    pub v: u32,
    /// The report it was made on, and how a reader would recognise it.
    pub report: String,
    pub symbol: Option<String>,
    pub annotation: Annotation,
}

pub fn encode(shared: &SharedNote) -> String {
    let json = serde_json::to_vec(shared).expect("a shared note always serialises");
    format!("{SHARE_KEY}{}", URL_SAFE_NO_PAD.encode(json))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    TooLong,
    Damaged,
    FutureVersion(u32),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLong => write!(f, "This shared-note link is too long to be a note; it was not opened."),
            ShareError::Damaged => write!(f, "This shared-note link is damaged or cut short (was it copied whole?). No note was added."),
            ShareError::FutureVersion(v) => write!(f, "This shared note was made by a newer version of this app (format {v}); update the app to read it."),
        }
    }
}

/// Reads the part of a fragment after `share=`; `None` when the fragment shares nothing.
pub fn decode(fragment: &str) -> Option<Result<SharedNote, ShareError>> {
    let payload = fragment.trim_start_matches('#').strip_prefix(SHARE_KEY)?;
    Some(decode_payload(payload))
}

fn decode_payload(payload: &str) -> Result<SharedNote, ShareError> {
    if payload.len() > MAX_PAYLOAD {
        return Err(ShareError::TooLong);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| ShareError::Damaged)?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|_| ShareError::Damaged)?;
    match value.get("v").and_then(serde_json::Value::as_u64) {
        Some(1) => {}
        Some(v) => return Err(ShareError::FutureVersion(v as u32)),
        None => return Err(ShareError::Damaged),
    }
    let shared: SharedNote = serde_json::from_value(value).map_err(|_| ShareError::Damaged)?;
    if shared.annotation.deleted || shared.annotation.note.chars().count() > 20_000 {
        return Err(ShareError::Damaged);
    }
    Ok(shared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Colour, Target};

    fn note() -> SharedNote {
        SharedNote {
            v: 1,
            report: "oic-cfm-51-cg-jk-2025".into(),
            symbol: Some("OIC-CFM-51\\2025-CG-J&K\\FINAL.REP".into()),
            annotation: Annotation::new(
                "a1".into(),
                Target::whole("p8", None),
                Some(Colour::Pink),
                "See </mark><script>x()</script> — “quoted”",
                5,
            ),
        }
    }

    #[test]
    fn a_shared_note_round_trips_through_its_fragment() {
        let fragment = encode(&note());
        assert!(fragment.starts_with("share="));
        assert!(
            fragment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "=-_".contains(c)),
            "safe in a URL as it is"
        );
        assert_eq!(decode(&format!("#{fragment}")), Some(Ok(note())));
        assert_eq!(decode("#p8"), None);
    }

    #[test]
    fn hostile_or_truncated_links_are_refused() {
        let fragment = encode(&note());
        assert_eq!(
            decode(&fragment[..fragment.len() - 9]),
            Some(Err(ShareError::Damaged))
        );
        assert_eq!(decode("share=%%%%"), Some(Err(ShareError::Damaged)));
        assert_eq!(
            decode(&format!("share={}", "A".repeat(MAX_PAYLOAD + 1))),
            Some(Err(ShareError::TooLong))
        );
        let wrong_shape = URL_SAFE_NO_PAD.encode(br#"{"v":1,"report":"x","annotation":{"id":5}}"#);
        assert_eq!(
            decode(&format!("share={wrong_shape}")),
            Some(Err(ShareError::Damaged))
        );
        let future = URL_SAFE_NO_PAD.encode(br#"{"v":3}"#);
        assert_eq!(
            decode(&format!("share={future}")),
            Some(Err(ShareError::FutureVersion(3)))
        );
    }
}
