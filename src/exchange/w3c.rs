//! W3C Web Annotation Data Model (JSON-LD) export, and reading W3C annotations for import.
//!
//! Export: an `AnnotationCollection` whose first page holds every annotation. Each has
//! `@context`, `id`, `type`, `created`, `modified`, `motivation` (`highlighting` or
//! `commenting`), a `TextualBody` for the note and one per tag (`purpose: "tagging"`: the
//! reader's tags, and the colour's meaning), and a target whose `source` names the report and
//! whose selector is a `FragmentSelector` naming the paragraph, refined by a `TextQuoteSelector`
//! for passages. The colour is the target's `styleClass`, defined by the annotation's
//! `CssStylesheet`, so that another tool can show it. Every export meets each MUST of the W3C
//! Web Annotation test suite (`tests/e2e/exchange.test.mjs` checks it with JSON Schemas).
//!
//! Reading takes this export, W3C annotations from other tools (quote selectors without a
//! paragraph, bodies as strings or arrays, single annotations, pages or collections) into
//! [`Incoming`] annotations, which `import` places and merges.

use serde_json::{json, Value};
use time::OffsetDateTime;

use super::incoming::{date_field, ImportError, Incoming};
use crate::annotations::{Annotation, AnnotationSet, Millis, Palette};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const ANNOTATION_PREFIX: &str = "urn:report-reader:annotation:";
const REPORT_PREFIX: &str = "urn:report-reader:report:";
/// The version of this app's export; a file from a later one is refused.
pub const SCHEMA_VERSION: u64 = 1;

pub fn report_source(report_id: &str) -> String {
    format!("{REPORT_PREFIX}{report_id}")
}

/// The report a target's `source` names, if it is one of this app's.
pub fn report_of_source(source: &str) -> Option<&str> {
    source.strip_prefix(REPORT_PREFIX)
}

/// RFC 3339 in UTC with milliseconds: `2025-06-15T15:06:40.123Z`.
pub fn iso(millis: Millis) -> String {
    let time = OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis.max(0)) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        time.year(),
        u8::from(time.month()),
        time.day(),
        time.hour(),
        time.minute(),
        time.second(),
        time.millisecond()
    )
}

fn annotation_json(a: &Annotation, report_id: &str, palette: &Palette) -> Value {
    let mut body = Vec::new();
    if a.has_note() {
        body.push(json!({ "type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting" }));
    }
    for tag in &a.tags {
        body.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    if let Some(colour) = a.colour {
        body.push(json!({ "type": "TextualBody", "value": palette.meaning(colour), "purpose": "tagging" }));
    }
    let mut selector = json!({
        "type": "FragmentSelector",
        "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
        "value": a.target.paragraph(),
    });
    if let Some(q) = a.target.quote() {
        selector["refinedBy"] = json!({ "type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix });
    }
    let mut target = json!({ "source": report_source(report_id), "selector": selector });
    let mut annotation = json!({
        "@context": CONTEXT,
        "id": format!("{ANNOTATION_PREFIX}{}", a.id),
        "type": "Annotation",
        "created": iso(a.created),
        "modified": iso(a.modified),
        "motivation": if a.has_note() { "commenting" } else { "highlighting" },
        "body": body,
    });
    if let Some(colour) = a.colour {
        target["styleClass"] = json!(colour.key());
        annotation["stylesheet"] = json!({
            "type": "CssStylesheet",
            "value": format!(".{} {{ background-color: {}; }}", colour.key(), colour.light_tint()),
        });
    }
    annotation["target"] = target;
    annotation
}

/// One report's annotations as an `AnnotationCollection`.
pub fn export(
    report_id: &str,
    label: &str,
    set: &AnnotationSet,
    palette: &Palette,
    now: Millis,
) -> Value {
    export_many(&[(report_id, set)], label, palette, now)
}

/// Several reports' annotations (the whole library) as one `AnnotationCollection`.
pub fn export_many(
    reports: &[(&str, &AnnotationSet)],
    label: &str,
    palette: &Palette,
    now: Millis,
) -> Value {
    let items: Vec<Value> = reports
        .iter()
        .flat_map(|(id, set)| set.live().map(move |a| annotation_json(a, id, palette)))
        .collect();
    json!({
        "@context": CONTEXT,
        "id": format!("urn:report-reader:export:{now}"),
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "generator": { "type": "Software", "name": "Report reader", "schemaVersion": SCHEMA_VERSION },
        "generated": iso(now),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

fn as_list(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

fn string(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

/// The annotations in a file, however it groups them.
fn items(value: &Value) -> Result<Vec<&Value>, ImportError> {
    if let Some(version) = value
        .pointer("/generator/schemaVersion")
        .and_then(Value::as_u64)
    {
        if version > SCHEMA_VERSION {
            return Err(ImportError::FutureVersion(version));
        }
    }
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let list = match (value, kind) {
        (Value::Array(items), _) => items.iter().collect(),
        (_, "Annotation") => vec![value],
        (_, "AnnotationPage") => value.get("items").map(as_list).unwrap_or_default(),
        (_, "AnnotationCollection") => value
            .pointer("/first/items")
            .or_else(|| value.get("items"))
            .map(as_list)
            .unwrap_or_default(),
        _ => {
            return Err(ImportError::WrongShape(
                "no Annotation, AnnotationPage or AnnotationCollection".into(),
            ))
        }
    };
    Ok(list
        .into_iter()
        .filter(|v| v.get("type").and_then(Value::as_str) == Some("Annotation"))
        .collect())
}

/// The W3C annotations in a file (a collection, a page, a list or one annotation).
pub fn read(value: &Value, now: Millis) -> Result<Vec<Incoming>, ImportError> {
    items(value)?
        .into_iter()
        .filter_map(|item| read_one(item, now).transpose())
        .collect()
}

/// One W3C annotation; `None` if it has no id or no target.
fn read_one(value: &Value, now: Millis) -> Result<Option<Incoming>, ImportError> {
    let created = date_field(value, "created")?.unwrap_or(now);
    let modified = date_field(value, "modified")?.unwrap_or(created);
    let Some(id) = string(value, "id") else {
        return Ok(None);
    };
    let id = id
        .strip_prefix(ANNOTATION_PREFIX)
        .map(str::to_string)
        .unwrap_or(id);
    let Some(target) = value
        .get("target")
        .map(as_list)
        .and_then(|list| list.into_iter().next())
    else {
        return Ok(None);
    };
    let (source, target) = match target {
        Value::String(source) => (Some(source.clone()), &Value::Null),
        object => (string(object, "source"), object),
    };
    let mut incoming = Incoming {
        id,
        source,
        created,
        modified,
        style_class: string(target, "styleClass"),
        ..Incoming::default()
    };
    let mut pending: Vec<&Value> = target.get("selector").map(as_list).unwrap_or_default();
    while let Some(selector) = pending.pop() {
        match selector.get("type").and_then(Value::as_str) {
            Some("FragmentSelector") => {
                incoming.paragraph =
                    string(selector, "value").map(|v| v.trim_start_matches('#').to_string())
            }
            Some("TextQuoteSelector") => {
                if let Some(exact) = string(selector, "exact") {
                    incoming.quote = Some((
                        exact,
                        string(selector, "prefix").unwrap_or_default(),
                        string(selector, "suffix").unwrap_or_default(),
                    ));
                }
            }
            Some("TextPositionSelector") => {
                incoming.position = selector
                    .get("start")
                    .and_then(Value::as_u64)
                    .map(|s| s as usize)
            }
            _ => {}
        }
        if let Some(refined) = selector.get("refinedBy") {
            pending.extend(as_list(refined));
        }
    }
    let mut note = Vec::new();
    if let Some(text) = string(value, "bodyValue") {
        note.push(text);
    }
    for body in value.get("body").map(as_list).unwrap_or_default() {
        match body {
            Value::String(text) => note.push(text.clone()),
            object => {
                let text = string(object, "value").unwrap_or_default();
                if object.get("purpose").and_then(Value::as_str) == Some("tagging") {
                    incoming.tags.push(text);
                } else if !text.is_empty() {
                    note.push(text);
                }
            }
        }
    }
    incoming.note = note.join("\n\n");
    Ok(Some(incoming))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::anchor::Quote;
    use crate::annotations::placement::ParagraphIndex;
    use crate::annotations::{codec, Colour, Target};
    use crate::exchange::import::plan_import;
    use crate::report::{parse, DEFAULT_REPORT};

    fn index() -> ParagraphIndex {
        ParagraphIndex::new(&parse(DEFAULT_REPORT))
    }

    fn sample(index: &ParagraphIndex) -> AnnotationSet {
        let p5 = index.text("p5").unwrap();
        let start = p5.find("Ishaq Dar").unwrap();
        AnnotationSet::from_annotations([
            Annotation::new(
                "whole".into(),
                Target::whole("p8", index.text("p8")),
                Some(Colour::Yellow),
                "On *the* ceasefire.",
                1_750_000_000_123,
            ),
            Annotation::new(
                "passage".into(),
                Target::Passage {
                    paragraph: "p5".into(),
                    quote: Quote::from_text(p5, start, start + 9).unwrap(),
                },
                Some(Colour::Blue),
                "",
                1_750_000_100_000,
            ),
        ])
    }

    #[test]
    fn every_exported_annotation_has_the_models_required_fields() {
        let index = index();
        let export = export("oic", "Report", &sample(&index), &Palette::default(), 5);
        assert_eq!(export["type"], "AnnotationCollection");
        assert_eq!(export["@context"], CONTEXT);
        let items = export["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 2);
        for item in items {
            for key in [
                "@context",
                "id",
                "type",
                "created",
                "modified",
                "motivation",
                "target",
            ] {
                assert!(item.get(key).is_some(), "{key} in {item}");
            }
            assert_eq!(item["target"]["source"], "urn:report-reader:report:oic");
            assert_eq!(item["target"]["selector"]["type"], "FragmentSelector");
        }
        let by_id = |id: &str| {
            items
                .iter()
                .find(|i| i["id"] == format!("{ANNOTATION_PREFIX}{id}"))
                .unwrap()
        };
        let whole = by_id("whole");
        assert_eq!(whole["motivation"], "commenting");
        assert_eq!(whole["created"], "2025-06-15T15:06:40.123Z");
        assert_eq!(whole["body"][0]["value"], "On *the* ceasefire.");
        assert_eq!(
            whole["body"][1],
            json!({ "type": "TextualBody", "value": "important", "purpose": "tagging" })
        );
        assert_eq!(whole["target"]["styleClass"], "yellow");
        let passage = by_id("passage");
        assert_eq!(passage["motivation"], "highlighting");
        assert_eq!(passage["target"]["selector"]["value"], "p5");
        assert_eq!(
            passage["target"]["selector"]["refinedBy"]["exact"],
            "Ishaq Dar"
        );
        assert_eq!(
            passage["target"]["selector"]["refinedBy"]["type"],
            "TextQuoteSelector"
        );
    }

    #[test]
    fn each_colour_is_a_style_class_its_annotation_defines_in_a_css_stylesheet() {
        let index = index();
        let set = AnnotationSet::from_annotations(Colour::ALL.into_iter().map(|colour| {
            Annotation::new(
                colour.key().into(),
                Target::whole("p2", index.text("p2")),
                Some(colour),
                "",
                1,
            )
        }));
        let export = export("oic", "Report", &set, &Palette::default(), 5);
        for item in export["first"]["items"].as_array().unwrap() {
            let class = item["target"]["styleClass"].as_str().unwrap();
            assert_eq!(item["stylesheet"]["type"], "CssStylesheet");
            let css = item["stylesheet"]["value"].as_str().unwrap();
            assert!(
                css.starts_with(&format!(".{class} {{ background-color: #")),
                "{css}"
            );
        }
        let plain = AnnotationSet::from_annotations([Annotation::new(
            "n".into(),
            Target::whole("p2", None),
            None,
            "A note.",
            1,
        )]);
        let item =
            &export_many(&[("oic", &plain)], "x", &Palette::default(), 5)["first"]["items"][0];
        assert!(
            item.get("stylesheet").is_none() && item["target"].get("styleClass").is_none(),
            "no colour, no style"
        );
    }

    #[test]
    fn tags_travel_as_tagging_bodies_beside_the_colours_meaning() {
        let index = index();
        let mut tagged = Annotation::new(
            "t".into(),
            Target::whole("p4", index.text("p4")),
            Some(Colour::Green),
            "Check.",
            1,
        );
        tagged.tags = vec!["ceasefire".into(), "follow-up call".into()];
        let set = AnnotationSet::from_annotations([tagged]);
        let text = export("oic", "Report", &set, &Palette::default(), 5).to_string();
        let plan = plan_import(
            &text,
            "oic",
            &index,
            &AnnotationSet::default(),
            &Palette::default(),
            9,
        )
        .unwrap();
        assert_eq!(plan.added[0].tags, ["ceasefire", "follow-up call"]);
        assert_eq!(
            plan.added[0].colour,
            Some(Colour::Green),
            "the meaning \"follow up\" is the colour, not a tag"
        );
    }

    #[test]
    fn dates_with_offsets_are_read_as_the_moment_they_name() {
        let index = index();
        let foreign = json!({
            "@context": CONTEXT, "id": "x", "type": "Annotation", "body": "Note",
            "created": "2025-06-22T15:45:04.417862+05:30", "modified": "2025-06-22T10:20:00.5-00:00",
            "target": { "source": "urn:report-reader:report:oic", "selector": { "type": "FragmentSelector", "value": "p3" } }
        });
        let plan = plan_import(
            &foreign.to_string(),
            "oic",
            &index,
            &AnnotationSet::default(),
            &Palette::default(),
            9,
        )
        .unwrap();
        assert_eq!(
            (plan.added[0].created, plan.added[0].modified),
            (1_750_587_304_417, 1_750_587_600_500)
        );
        let broken = foreign
            .to_string()
            .replace("2025-06-22T10:20:00.5-00:00", "last Tuesday");
        let error = plan_import(
            &broken,
            "oic",
            &index,
            &AnnotationSet::default(),
            &Palette::default(),
            9,
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .contains("“last Tuesday” as its modified date"),
            "{error}"
        );
    }

    #[test]
    fn export_then_import_into_an_empty_browser_gives_the_same_annotations() {
        let index = index();
        let original = sample(&index);
        let text = export("oic", "Report", &original, &Palette::default(), 5).to_string();
        let plan = plan_import(
            &text,
            "oic",
            &index,
            &AnnotationSet::default(),
            &Palette::default(),
            9,
        )
        .unwrap();
        assert_eq!(
            (plan.added.len(), plan.updated.len(), plan.conflicts()),
            (2, 0, 0)
        );
        let mut imported = AnnotationSet::default();
        plan.apply(&mut imported);
        assert_eq!(imported, original);
        let again = plan_import(&text, "oic", &index, &imported, &Palette::default(), 9).unwrap();
        assert_eq!(
            (again.is_empty(), again.unchanged),
            (true, 2),
            "importing twice changes nothing"
        );
    }

    #[test]
    fn merging_keeps_both_sides_of_a_conflict() {
        let index = index();
        let base = sample(&index);
        let mut theirs = base.clone();
        theirs.edit("whole", 1_760_000_000_000, |a| {
            a.note = "Their newer note.".into()
        });
        theirs.add(Annotation::new(
            "new-there".into(),
            Target::whole("p2", index.text("p2")),
            None,
            "Only there.",
            1_760_000_000_000,
        ));
        let mut mine = base.clone();
        mine.edit("whole", 1_755_000_000_000, |a| {
            a.note = "My older note.".into()
        });
        mine.edit("passage", 1_770_000_000_000, |a| {
            a.note = "Mine is newer here.".into()
        });
        theirs.edit("passage", 1_765_000_000_000, |a| {
            a.note = "Theirs is older here.".into()
        });
        let text = export("oic", "Report", &theirs, &Palette::default(), 5).to_string();
        let plan = plan_import(&text, "oic", &index, &mine, &Palette::default(), 9).unwrap();
        assert_eq!(
            plan.added.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["new-there"]
        );
        assert_eq!(
            plan.updated
                .iter()
                .map(|a| a.note.as_str())
                .collect::<Vec<_>>(),
            ["Their newer note."]
        );
        let mut kept: Vec<&str> = plan.kept_aside.iter().map(|a| a.note.as_str()).collect();
        kept.sort();
        assert_eq!(kept, ["My older note.", "Theirs is older here."]);
        plan.apply(&mut mine);
        let notes: Vec<&str> = mine.live().map(|a| a.note.as_str()).collect();
        for expected in [
            "Their newer note.",
            "My older note.",
            "Mine is newer here.",
            "Theirs is older here.",
            "Only there.",
        ] {
            assert!(notes.contains(&expected), "{expected} is kept: {notes:?}");
        }
    }

    #[test]
    fn a_deletion_here_is_not_undone_by_an_older_file() {
        let index = index();
        let base = sample(&index);
        let text = export("oic", "Report", &base, &Palette::default(), 5).to_string();
        let mut mine = base.clone();
        mine.delete("whole", 1_800_000_000_000);
        let plan = plan_import(&text, "oic", &index, &mine, &Palette::default(), 9).unwrap();
        assert_eq!((plan.not_restored, plan.unchanged), (1, 1));
    }

    #[test]
    fn annotations_from_other_tools_are_placed_by_their_quote() {
        let index = index();
        let foreign = json!([{
            "@context": CONTEXT, "id": "https://example.org/anno/1", "type": "Annotation",
            "body": "A plain string body", "created": "2025-07-01T10:00:00Z",
            "target": { "source": "https://example.org/report.html", "selector": [
                { "type": "TextPositionSelector", "start": 10, "end": 20 },
                { "type": "TextQuoteSelector", "exact": "unwavering support", "prefix": "emphasizing the OIC's ", "suffix": " for the people" } ] }
        }]);
        let plan = plan_import(
            &foreign.to_string(),
            "oic",
            &index,
            &AnnotationSet::default(),
            &Palette::default(),
            9,
        )
        .unwrap();
        let a = &plan.added[0];
        assert_eq!(
            (a.id.as_str(), a.note.as_str(), a.target.paragraph()),
            ("https://example.org/anno/1", "A plain string body", "p3")
        );
        let q = a.target.quote().unwrap();
        assert_eq!(
            index
                .text("p3")
                .unwrap()
                .chars()
                .skip(q.start)
                .take(q.end - q.start)
                .collect::<String>(),
            "unwavering support"
        );
        assert_eq!(a.created, 1_751_364_000_000);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let index = index();
        let local = AnnotationSet::default();
        let plan = |text: &str| plan_import(text, "oic", &index, &local, &Palette::default(), 9);
        assert!(matches!(plan("{not json"), Err(ImportError::NotJson(_))));
        assert!(matches!(
            plan("{\"hello\": 1}"),
            Err(ImportError::WrongShape(_))
        ));
        assert!(matches!(
            plan("{\"type\": \"AnnotationCollection\", \"first\": {\"items\": []}}"),
            Err(ImportError::WrongShape(_))
        ));
        let future = json!({ "type": "AnnotationCollection", "generator": { "schemaVersion": 7 }, "first": { "items": [] } });
        assert_eq!(
            plan(&future.to_string()),
            Err(ImportError::FutureVersion(7))
        );
        let other = export(
            "another-report",
            "Other",
            &sample(&index),
            &Palette::default(),
            5,
        )
        .to_string();
        assert_eq!(
            plan(&other),
            Err(ImportError::OtherReport("another-report".into()))
        );
        assert!(ImportError::OtherReport("x".into())
            .to_string()
            .contains("Nothing was imported"));
    }

    #[test]
    fn the_apps_own_stored_document_imports_too() {
        let index = index();
        let text = codec::encode("oic", &sample(&index));
        let plan = plan_import(
            &text,
            "oic",
            &index,
            &AnnotationSet::default(),
            &Palette::default(),
            9,
        )
        .unwrap();
        assert_eq!(plan.added.len(), 2);
        assert!(matches!(
            plan_import(
                &text,
                "other",
                &index,
                &AnnotationSet::default(),
                &Palette::default(),
                9
            ),
            Err(ImportError::OtherReport(_))
        ));
    }
}
