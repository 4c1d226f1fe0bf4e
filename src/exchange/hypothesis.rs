//! Reading notes made with Hypothesis, as its API returns them (`{"total": …, "rows": [...]}`)
//! or as its client exports them (`{"annotations": [...]}`): each row's `text`, `tags`,
//! `created`/`updated` and the quote of its first target (`TextQuoteSelector`, with
//! `TextPositionSelector` as a tie-breaker; `RangeSelector`'s XPaths name Hypothesis's page,
//! not this app's, so they are not used). Replies and page notes have no quote: they are listed
//! as not placed, with their text.
//!
//! Ids become `hypothesis:<id>`, so importing the same file again places nothing twice.

use serde_json::Value;

use super::incoming::{date_field, ImportError, Incoming, NotPlaced, Unplaceable};
use crate::annotations::Millis;

const ID_PREFIX: &str = "hypothesis:";

/// The rows of a Hypothesis file, if that is what `value` is.
pub fn rows(value: &Value) -> Option<&[Value]> {
    let list = value
        .get("rows")
        .or_else(|| value.get("annotations"))?
        .as_array()?;
    let hypothesis_like = |row: &Value| row.get("uri").is_some() && row.get("target").is_some();
    (list.iter().any(hypothesis_like) || list.is_empty()).then_some(list.as_slice())
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The annotations to place, and the replies and page notes that have no place.
pub fn read(rows: &[Value], now: Millis) -> Result<(Vec<Incoming>, Vec<NotPlaced>), ImportError> {
    let (mut incoming, mut not_placed) = (Vec::new(), Vec::new());
    for row in rows {
        let created = date_field(row, "created")?.unwrap_or(now);
        let modified = date_field(row, "updated")?.unwrap_or(created);
        let text = row
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let Some(id) = row.get("id").and_then(Value::as_str) else {
            continue;
        };
        if !strings(row.get("references")).is_empty() {
            not_placed.push(NotPlaced {
                kind: Unplaceable::Reply,
                text,
            });
            continue;
        }
        let target = row
            .get("target")
            .and_then(Value::as_array)
            .and_then(|targets| targets.first());
        let selectors = target
            .and_then(|t| t.get("selector"))
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let of_type = |kind: &str| {
            selectors
                .iter()
                .find(|s| s.get("type").and_then(Value::as_str) == Some(kind))
        };
        let quote = of_type("TextQuoteSelector").and_then(|s| {
            let field = |key: &str| {
                s.get(key)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            Some((
                s.get("exact")?.as_str()?.to_string(),
                field("prefix"),
                field("suffix"),
            ))
        });
        let Some(quote) = quote.filter(|(exact, _, _)| !exact.trim().is_empty()) else {
            not_placed.push(NotPlaced {
                kind: Unplaceable::PageNote,
                text,
            });
            continue;
        };
        let tags = strings(row.get("tags"));
        // A highlight made in Hypothesis (no text, no tags) shows as a highlight here.
        let style_class = (text.trim().is_empty() && tags.is_empty()).then(|| "yellow".to_string());
        incoming.push(Incoming {
            id: format!("{ID_PREFIX}{id}"),
            source: row.get("uri").and_then(Value::as_str).map(str::to_string),
            paragraph: None,
            quote: Some(quote),
            position: of_type("TextPositionSelector")
                .and_then(|s| s.get("start")?.as_u64())
                .map(|s| s as usize),
            note: text,
            tags,
            style_class,
            created,
            modified,
        });
    }
    Ok((incoming, not_placed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::placement::ParagraphIndex;
    use crate::annotations::{AnnotationSet, Colour, Palette};
    use crate::exchange::import::plan_import;
    use crate::report::{parse, DEFAULT_REPORT};
    use serde_json::json;

    /// Plans importing a Hypothesis file into an empty set of notes on `report`.
    fn import(
        file: &Value,
        report: &str,
        index: &ParagraphIndex,
    ) -> Result<crate::exchange::import::ImportPlan, ImportError> {
        plan_import(
            &file.to_string(),
            report,
            index,
            &AnnotationSet::default(),
            &Palette::default(),
            9,
        )
    }

    fn row(id: &str, exact: &str, prefix: &str, suffix: &str, text: &str, tags: &[&str]) -> Value {
        json!({
            "id": id, "created": "2025-06-22T10:15:04.417862+00:00", "updated": "2025-06-23T08:00:00.000001+05:30",
            "user": "acct:reader@hypothes.is", "uri": "https://www.oic-oci.org/docdown/?docID=1", "text": text, "tags": tags,
            "group": "__world__", "flagged": false, "hidden": false,
            "target": [{ "source": "https://www.oic-oci.org/docdown/?docID=1", "selector": [
                { "type": "RangeSelector", "endOffset": 40, "startOffset": 0, "endContainer": "/div[1]/p[5]", "startContainer": "/div[1]/p[5]" },
                { "type": "TextPositionSelector", "start": 1200, "end": 1240 },
                { "type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix } ] }],
            "document": { "title": ["Report"] }, "links": { "html": "https://hypothes.is/a/x" }
        })
    }

    #[test]
    fn rows_are_placed_by_quote_with_their_text_tags_and_dates_and_the_rest_listed() {
        let report = parse(DEFAULT_REPORT);
        let index = ParagraphIndex::new(&report);
        let file = json!({ "total": 4, "rows": [
            row("AbC1", "Ishaq Dar", "H.E. Mohammad ", ", Deputy", "Who chaired?", &["chair", "pakistan"]),
            row("AbC2", "unwavering support", "", "", "", &[]),
            { "id": "AbC3", "created": "2025-06-22T11:00:00+00:00", "updated": "2025-06-22T11:00:00+00:00", "uri": "https://x",
              "text": "A note on the whole report.", "tags": [], "target": [{ "source": "https://x" }] },
            { "id": "AbC4", "created": "2025-06-22T12:00:00+00:00", "updated": "2025-06-22T12:00:00+00:00", "uri": "https://x",
              "text": "Agreed with this.", "tags": [], "references": ["AbC1"], "target": [{ "source": "https://x" }] },
        ]});
        let plan = import(&file, "oic", &index).unwrap();
        assert_eq!(plan.added.len(), 2);
        let chaired = plan
            .added
            .iter()
            .find(|a| a.id == "hypothesis:AbC1")
            .unwrap();
        let quote = chaired.target.quote().unwrap();
        let text = index.text(chaired.target.paragraph()).unwrap();
        assert_eq!(
            text.chars()
                .skip(quote.start)
                .take(quote.end - quote.start)
                .collect::<String>(),
            "Ishaq Dar"
        );
        assert_eq!(
            (chaired.note.as_str(), chaired.tags.clone()),
            (
                "Who chaired?",
                vec!["chair".to_string(), "pakistan".to_string()]
            )
        );
        assert_eq!(
            (chaired.created, chaired.modified),
            (1_750_587_304_417, 1_750_645_800_000)
        );
        assert_eq!(chaired.colour, None, "a note, not a highlight");
        let highlight = plan
            .added
            .iter()
            .find(|a| a.id == "hypothesis:AbC2")
            .unwrap();
        assert_eq!(
            highlight.colour,
            Some(Colour::Yellow),
            "a Hypothesis highlight is a highlight here"
        );
        let listed: Vec<String> = plan.not_placed.iter().map(ToString::to_string).collect();
        assert_eq!(
            listed,
            [
                "A note on the whole page: “A note on the whole report.”",
                "A reply: “Agreed with this.”"
            ]
        );

        let mut mine = AnnotationSet::default();
        plan.apply(&mut mine);
        let again = plan_import(
            &file.to_string(),
            "oic",
            &index,
            &mine,
            &Palette::default(),
            9,
        )
        .unwrap();
        assert_eq!(
            (again.is_empty(), again.unchanged),
            (true, 2),
            "imported again, nothing is placed twice"
        );
    }

    #[test]
    fn prefix_and_suffix_choose_among_repeated_words_across_paragraphs() {
        let report = parse("Report\n\n1. The Group met in Istanbul.\n\n2. The Group welcomed the envoy.\n\n3. The Group thanked the host.\n");
        let index = ParagraphIndex::new(&report);
        let file =
            json!({ "rows": [row("r", "The Group", "", " welcomed the", "Second one.", &[])] });
        let plan = import(&file, "x", &index).unwrap();
        assert_eq!(plan.added[0].target.paragraph(), "p2");
        let file = json!({ "rows": [row("r", "The Group", "", " thanked", "Third one.", &[])] });
        let plan = import(&file, "x", &index).unwrap();
        assert_eq!(plan.added[0].target.paragraph(), "p3");
    }

    #[test]
    fn a_quote_no_longer_in_the_report_is_an_orphan_and_a_bad_date_refuses_the_file() {
        let index = ParagraphIndex::new(&parse(DEFAULT_REPORT));
        let file =
            json!({ "rows": [row("gone", "words that are nowhere in it", "", "", "Kept.", &[])] });
        let plan = import(&file, "oic", &index).unwrap();
        assert_eq!(
            (
                plan.added[0].target.paragraph(),
                plan.added[0].note.as_str()
            ),
            ("", "Kept.")
        );
        let mut bad = row("b", "Ishaq Dar", "", "", "", &[]);
        bad["updated"] = json!("22/06/2025");
        let error = plan_import(
            &json!({ "rows": [bad] }).to_string(),
            "oic",
            &index,
            &AnnotationSet::default(),
            &Palette::default(),
            9,
        )
        .unwrap_err();
        assert_eq!(
            error,
            ImportError::BadDate {
                field: "updated",
                value: "22/06/2025".into()
            }
        );
    }
}
