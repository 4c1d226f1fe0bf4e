//! The vocabulary every reader of a notes file shares: one annotation as a file gives it
//! ([`Incoming`], before it is placed in the report), what has nothing to be placed on
//! ([`NotPlaced`]), why a file is refused ([`ImportError`]), and the dates files write. The
//! readers of each format (`w3c`, `hypothesis`) and the import that places and merges what
//! they read (`import`) all use it; it uses none of them.

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::annotations::Millis;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    NotJson(String),
    WrongShape(String),
    FutureVersion(u64),
    /// Every annotation in the file is for another report.
    OtherReport(String),
    /// A `created` or `modified` (or Hypothesis's `updated`) that is not an RFC 3339 date.
    BadDate {
        field: &'static str,
        value: String,
    },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NotJson(why) => write!(f, "This file is not valid JSON ({why}). Nothing was imported."),
            ImportError::WrongShape(why) => write!(f, "This file does not hold annotations this app can read ({why}). Nothing was imported."),
            ImportError::FutureVersion(v) => {
                write!(f, "This file was made by a newer version of this app (format {v}). Update the app to import it. Nothing was imported.")
            }
            ImportError::OtherReport(which) => write!(f, "This file holds notes on another report ({which}), not on this one. Open that report to import them. Nothing was imported."),
            ImportError::BadDate { field, value } => write!(
                f,
                "An annotation in this file has “{value}” as its {field} date, which is not a date and time (such as 2025-06-22T10:15:04Z). Nothing was imported."
            ),
        }
    }
}

/// An RFC 3339 date and time in milliseconds since the Unix epoch: any offset (`Z`, `z`,
/// `+05:30`), a fraction of any length, `T` or a space between date and time.
pub fn parse_date(text: &str, field: &'static str) -> Result<Millis, ImportError> {
    let bad = || ImportError::BadDate {
        field,
        value: text.chars().take(60).collect(),
    };
    let time = OffsetDateTime::parse(text.trim(), &Rfc3339).map_err(|_| bad())?;
    i64::try_from(time.unix_timestamp_nanos() / 1_000_000).map_err(|_| bad())
}

/// A date field of an annotation, if it has one.
pub(super) fn date_field(value: &Value, key: &'static str) -> Result<Option<Millis>, ImportError> {
    match value.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => parse_date(text, key).map(Some),
        Some(other) => Err(ImportError::BadDate {
            field: key,
            value: other.to_string(),
        }),
    }
}

/// One annotation as a file gives it, before it is placed in the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Incoming {
    pub id: String,
    /// What the annotation says it is on (a URL, or this app's name for a report).
    pub source: Option<String>,
    /// The paragraph it names, if any.
    pub paragraph: Option<String>,
    /// The words it quotes, with their context.
    pub quote: Option<(String, String, String)>,
    /// Where the quote starts in the whole text, as its tool counted: a tie-breaker only.
    pub position: Option<usize>,
    pub note: String,
    pub tags: Vec<String>,
    /// The class names of its style (this app's colours are `yellow`, `blue`, …).
    pub style_class: Option<String>,
    pub created: Millis,
    pub modified: Millis,
}

/// What kind of entry has nothing in the report to attach to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unplaceable {
    /// An answer to another annotation.
    Reply,
    /// A note on the whole page, with no quote.
    PageNote,
}

/// An entry of a file that is not imported, listed with its text so that nothing is lost
/// without the reader seeing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotPlaced {
    pub kind: Unplaceable,
    pub text: String,
}

impl std::fmt::Display for NotPlaced {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            Unplaceable::Reply => "A reply",
            Unplaceable::PageNote => "A note on the whole page",
        };
        match self.text.trim() {
            "" => write!(f, "{kind}, without text"),
            text => write!(f, "{kind}: “{}”", crate::annotations::clipped(text, 160)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_every_rfc_3339_form() {
        let at = |text: &str| parse_date(text, "created").unwrap();
        let utc = 1_750_587_304_417;
        assert_eq!(at("2025-06-22T10:15:04.417Z"), utc);
        assert_eq!(
            at("2025-06-22T10:15:04.417862+00:00"),
            utc,
            "microseconds and an offset, as Hypothesis writes them"
        );
        assert_eq!(
            at("2025-06-22T15:45:04.417+05:30"),
            utc,
            "a positive offset"
        );
        assert_eq!(
            at("2025-06-22T05:15:04.4170-05:00"),
            utc,
            "a negative offset"
        );
        assert_eq!(at("2025-06-22t10:15:04.417z"), utc, "lower case t and z");
        assert_eq!(
            at("2025-06-22 10:15:04.417Z"),
            utc,
            "a space between date and time"
        );
        assert_eq!(
            at("2025-06-22T10:15:04.417000000123Z"),
            utc,
            "a fraction of any length"
        );
        assert_eq!(at("2025-06-22T10:15:04Z"), 1_750_587_304_000, "no fraction");
    }

    #[test]
    fn a_date_that_is_not_one_is_refused_with_its_value() {
        for text in [
            "yesterday",
            "2025-06-22",
            "2025-13-01T00:00:00Z",
            "2025-06-22T10:15:04",
            "",
        ] {
            let error = parse_date(text, "modified").unwrap_err();
            assert_eq!(
                error,
                ImportError::BadDate {
                    field: "modified",
                    value: text.into()
                }
            );
            assert!(
                error.to_string().contains("modified date")
                    && error.to_string().contains("Nothing was imported"),
                "{error}"
            );
        }
    }
}
