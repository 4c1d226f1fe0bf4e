//! W3C Web Annotation Data Model (JSON-LD) export and import.
//!
//! Export: an `AnnotationCollection` whose first page holds every annotation. Each has
//! `@context`, `id`, `type`, `created`, `modified`, `motivation` (`highlighting` or
//! `commenting`), a `TextualBody` for the note and one per tag (`purpose: "tagging"`, the
//! colour's meaning), and a target whose `source` names the report and whose selector is a
//! `FragmentSelector` naming the paragraph, refined by a `TextQuoteSelector` for passages; the
//! colour is the target's `styleClass`.
//!
//! Import reads that, W3C annotations from other tools (quote selectors without a paragraph,
//! bodies as strings or arrays, single annotations or pages), and this app's stored document,
//! then plans a merge that never loses either side: for the same id the newer edit wins and the
//! older, if it says something else, is kept as a second note; different ids are both kept.

use std::time::{Duration, UNIX_EPOCH};

use serde_json::{json, Map, Value};

use crate::annotations::anchor::{anchor, Quote};
use crate::annotations::codec::{self, DecodeError};
use crate::annotations::placement::ParagraphIndex;
use crate::annotations::{Annotation, AnnotationSet, Colour, Millis, Palette, Target};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const ANNOTATION_PREFIX: &str = "urn:report-reader:annotation:";
const REPORT_PREFIX: &str = "urn:report-reader:report:";
/// The version of this app's export; a file from a later one is refused.
pub const SCHEMA_VERSION: u64 = 1;

pub fn report_source(report_id: &str) -> String {
    format!("{REPORT_PREFIX}{report_id}")
}

pub fn iso(millis: Millis) -> String {
    humantime::format_rfc3339_millis(UNIX_EPOCH + Duration::from_millis(millis.max(0) as u64)).to_string()
}

fn parse_iso(text: &str) -> Option<Millis> {
    let time = humantime::parse_rfc3339_weak(text.trim()).ok()?;
    Some(time.duration_since(UNIX_EPOCH).ok()?.as_millis() as Millis)
}

fn annotation_json(a: &Annotation, report_id: &str, palette: &Palette) -> Value {
    let mut body = Vec::new();
    if a.has_note() {
        body.push(json!({ "type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting" }));
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
    if let Some(colour) = a.colour {
        target["styleClass"] = json!(colour.key());
    }
    json!({
        "@context": CONTEXT,
        "id": format!("{ANNOTATION_PREFIX}{}", a.id),
        "type": "Annotation",
        "created": iso(a.created),
        "modified": iso(a.modified),
        "motivation": if a.has_note() { "commenting" } else { "highlighting" },
        "body": body,
        "target": target,
    })
}

/// One report's annotations as an `AnnotationCollection`.
pub fn export(report_id: &str, label: &str, set: &AnnotationSet, palette: &Palette, now: Millis) -> Value {
    export_many(&[(report_id, set)], label, palette, now)
}

/// Several reports' annotations (the whole library) as one `AnnotationCollection`.
pub fn export_many(reports: &[(&str, &AnnotationSet)], label: &str, palette: &Palette, now: Millis) -> Value {
    let items: Vec<Value> = reports.iter().flat_map(|(id, set)| set.live().map(move |a| annotation_json(a, id, palette))).collect();
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    NotJson(String),
    WrongShape(String),
    FutureVersion(u64),
    /// Every annotation in the file is for another report.
    OtherReport(String),
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
        }
    }
}

/// What an import would do, shown to the reader before it is applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// New here.
    pub added: Vec<Annotation>,
    /// Newer than the copy here, which they replace.
    pub updated: Vec<Annotation>,
    /// The same annotation edited differently on both sides: the newer wins and the older is
    /// kept as a second note (these are those second notes).
    pub kept_aside: Vec<Annotation>,
    pub unchanged: usize,
    /// Deleted here after the file was made: not brought back.
    pub not_restored: usize,
    /// For other reports.
    pub other_reports: usize,
}

impl ImportPlan {
    pub fn conflicts(&self) -> usize {
        self.kept_aside.len()
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.kept_aside.is_empty()
    }

    pub fn apply(&self, set: &mut AnnotationSet) {
        let incoming = AnnotationSet::from_annotations(self.added.iter().chain(&self.updated).chain(&self.kept_aside).cloned());
        set.merge(&incoming);
    }
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
    if let Some(version) = value.pointer("/generator/schemaVersion").and_then(Value::as_u64) {
        if version > SCHEMA_VERSION {
            return Err(ImportError::FutureVersion(version));
        }
    }
    let kind = value.get("type").and_then(Value::as_str).unwrap_or_default();
    let list = match (value, kind) {
        (Value::Array(items), _) => items.iter().collect(),
        (_, "Annotation") => vec![value],
        (_, "AnnotationPage") => value.get("items").map(as_list).unwrap_or_default(),
        (_, "AnnotationCollection") => value.pointer("/first/items").or_else(|| value.get("items")).map(as_list).unwrap_or_default(),
        _ => return Err(ImportError::WrongShape("no Annotation, AnnotationPage or AnnotationCollection".into())),
    };
    Ok(list.into_iter().filter(|v| v.get("type").and_then(Value::as_str) == Some("Annotation")).collect())
}

/// Reads one W3C annotation into this app's model, placed against the report's paragraphs.
fn from_json(value: &Value, index: &ParagraphIndex, palette: &Palette, now: Millis) -> Option<(Annotation, Option<String>)> {
    let id = string(value, "id")?;
    let id = id.strip_prefix(ANNOTATION_PREFIX).map(str::to_string).unwrap_or(id);
    let target = as_list(value.get("target")?).into_iter().next()?;
    let (source, target) = match target {
        Value::String(source) => (Some(source.clone()), &Value::Null),
        object => (string(object, "source"), object),
    };
    let mut paragraph: Option<String> = None;
    let mut quote: Option<(String, String, String)> = None;
    let mut pending: Vec<&Value> = target.get("selector").map(as_list).unwrap_or_default();
    while let Some(selector) = pending.pop() {
        match selector.get("type").and_then(Value::as_str) {
            Some("FragmentSelector") => paragraph = string(selector, "value").map(|v| v.trim_start_matches('#').to_string()),
            Some("TextQuoteSelector") => {
                let exact = string(selector, "exact")?;
                quote = Some((exact, string(selector, "prefix").unwrap_or_default(), string(selector, "suffix").unwrap_or_default()));
            }
            _ => {}
        }
        if let Some(refined) = selector.get("refinedBy") {
            pending.extend(as_list(refined));
        }
    }
    let (mut note, mut tags) = (Vec::new(), Vec::new());
    if let Some(text) = string(value, "bodyValue") {
        note.push(text);
    }
    for body in value.get("body").map(as_list).unwrap_or_default() {
        match body {
            Value::String(text) => note.push(text.clone()),
            object => {
                let text = string(object, "value").unwrap_or_default();
                if object.get("purpose").and_then(Value::as_str) == Some("tagging") {
                    tags.push(text);
                } else if !text.is_empty() {
                    note.push(text);
                }
            }
        }
    }
    let colour = string(target, "styleClass")
        .and_then(|c| c.split_whitespace().find_map(Colour::from_key))
        .or_else(|| tags.iter().find_map(|t| Colour::ALL.into_iter().find(|c| palette.meaning(*c).eq_ignore_ascii_case(t.trim()))));
    let created = string(value, "created").and_then(|t| parse_iso(&t)).unwrap_or(now);
    let modified = string(value, "modified").and_then(|t| parse_iso(&t)).unwrap_or(created);
    let target = match quote {
        Some((exact, prefix, suffix)) => {
            let probe = Quote { exact, prefix, suffix, start: 0, end: 0 };
            // Place the quote: in its paragraph if it names one, else wherever its words are.
            let found = paragraph
                .iter()
                .filter_map(|p| index.text(p).map(|t| (p.clone(), t)))
                .chain(index.paragraphs())
                .find_map(|(p, text)| anchor(text, &probe).range().map(|r| (p, r)));
            let (paragraph, (start, end)) = match found {
                Some(found) => found,
                None => (paragraph.unwrap_or_default(), (0, probe.exact.chars().count())),
            };
            Target::Passage { paragraph, quote: Quote { start, end, ..probe } }
        }
        None => {
            let paragraph = paragraph?;
            Target::whole(&paragraph, index.text(&paragraph))
        }
    };
    let annotation = Annotation { id, target, colour, note: note.join("\n\n"), created, modified: modified.max(created), deleted: false };
    Some((annotation, source))
}

/// Reads a file and plans its import into `report_id`'s annotations.
pub fn plan_import(text: &str, report_id: &str, index: &ParagraphIndex, local: &AnnotationSet, palette: &Palette, now: Millis) -> Result<ImportPlan, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let incoming: Vec<Annotation> = if value.get("format").and_then(Value::as_str) == Some(codec::FORMAT) {
        // This app's stored document, as downloaded before removing a report.
        let decoded = codec::decode_value(value).map_err(|e| match e {
            DecodeError::FutureVersion(v) => ImportError::FutureVersion(v),
            other => ImportError::WrongShape(other.to_string()),
        })?;
        if decoded.report != report_id {
            return Err(ImportError::OtherReport(decoded.report));
        }
        decoded.annotations.live().cloned().collect()
    } else {
        let mut ours = Vec::new();
        let mut others: Vec<String> = Vec::new();
        let list = items(&value)?;
        if list.is_empty() {
            return Err(ImportError::WrongShape("it holds no annotations".into()));
        }
        for item in list {
            let Some((annotation, source)) = from_json(item, index, palette, now) else { continue };
            match source.as_deref().and_then(|s| s.strip_prefix(REPORT_PREFIX)) {
                Some(other) if other != report_id => others.push(other.to_string()),
                _ => ours.push(annotation),
            }
        }
        if ours.is_empty() {
            return match others.first() {
                Some(other) => Err(ImportError::OtherReport(other.clone())),
                None => Err(ImportError::WrongShape("none of its annotations has a target this app can place".into())),
            };
        }
        let mut plan = plan_merge(ours, local);
        plan.other_reports = others.len();
        return Ok(plan);
    };
    Ok(plan_merge(incoming, local))
}

/// The losing side of a conflict, kept as a note of its own.
fn second_note(older: &Annotation) -> Annotation {
    Annotation { id: format!("{}~{}", older.id, older.modified), ..older.clone() }
}

fn same_content(a: &Annotation, b: &Annotation) -> bool {
    a.note == b.note && a.colour == b.colour && a.target.paragraph() == b.target.paragraph() && a.target.quote().map(|q| &q.exact) == b.target.quote().map(|q| &q.exact)
}

/// Plans merging annotations into a local set (see the module's rules).
pub fn plan_merge(incoming: Vec<Annotation>, local: &AnnotationSet) -> ImportPlan {
    let mut plan = ImportPlan::default();
    for theirs in incoming {
        match local.all().find(|a| a.id == theirs.id) {
            None => plan.added.push(theirs),
            Some(mine) if mine.deleted => {
                if theirs.modified > mine.modified {
                    plan.updated.push(theirs);
                } else {
                    plan.not_restored += 1;
                }
            }
            Some(mine) if same_content(mine, &theirs) => plan.unchanged += 1,
            Some(mine) if theirs.modified > mine.modified => {
                plan.updated.push(theirs.clone());
                if mine.has_note() && mine.note != theirs.note {
                    plan.kept_aside.push(second_note(mine));
                }
            }
            Some(mine) => {
                if theirs.has_note() && theirs.note != mine.note {
                    plan.kept_aside.push(second_note(&theirs));
                } else {
                    plan.unchanged += 1;
                }
            }
        }
    }
    plan
}

/// Keys a W3C annotation must have, for checking an export.
pub fn missing_required(annotation: &Map<String, Value>) -> Vec<&'static str> {
    ["@context", "id", "type", "created", "modified", "motivation", "target"]
        .into_iter()
        .filter(|k| !annotation.contains_key(*k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{parse, DEFAULT_REPORT};

    fn index() -> ParagraphIndex {
        ParagraphIndex::new(&parse(DEFAULT_REPORT))
    }

    fn sample(index: &ParagraphIndex) -> AnnotationSet {
        let p5 = index.text("p5").unwrap();
        let start = p5.find("Ishaq Dar").unwrap();
        AnnotationSet::from_annotations([
            Annotation::new("whole".into(), Target::whole("p8", index.text("p8")), Some(Colour::Yellow), "On *the* ceasefire.", 1_750_000_000_123),
            Annotation::new(
                "passage".into(),
                Target::Passage { paragraph: "p5".into(), quote: Quote::from_text(p5, start, start + 9).unwrap() },
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
            assert_eq!(missing_required(item.as_object().unwrap()), Vec::<&str>::new());
            assert_eq!(item["target"]["source"], "urn:report-reader:report:oic");
            assert_eq!(item["target"]["selector"]["type"], "FragmentSelector");
        }
        let by_id = |id: &str| items.iter().find(|i| i["id"] == format!("{ANNOTATION_PREFIX}{id}")).unwrap();
        let whole = by_id("whole");
        assert_eq!(whole["motivation"], "commenting");
        assert_eq!(whole["created"], "2025-06-15T15:06:40.123Z");
        assert_eq!(whole["body"][0]["value"], "On *the* ceasefire.");
        assert_eq!(whole["body"][1], json!({ "type": "TextualBody", "value": "important", "purpose": "tagging" }));
        assert_eq!(whole["target"]["styleClass"], "yellow");
        let passage = by_id("passage");
        assert_eq!(passage["motivation"], "highlighting");
        assert_eq!(passage["target"]["selector"]["value"], "p5");
        assert_eq!(passage["target"]["selector"]["refinedBy"]["exact"], "Ishaq Dar");
        assert_eq!(passage["target"]["selector"]["refinedBy"]["type"], "TextQuoteSelector");
    }

    #[test]
    fn export_then_import_into_an_empty_browser_gives_the_same_annotations() {
        let index = index();
        let original = sample(&index);
        let text = export("oic", "Report", &original, &Palette::default(), 5).to_string();
        let plan = plan_import(&text, "oic", &index, &AnnotationSet::default(), &Palette::default(), 9).unwrap();
        assert_eq!((plan.added.len(), plan.updated.len(), plan.conflicts()), (2, 0, 0));
        let mut imported = AnnotationSet::default();
        plan.apply(&mut imported);
        assert_eq!(imported, original);
        let again = plan_import(&text, "oic", &index, &imported, &Palette::default(), 9).unwrap();
        assert_eq!((again.is_empty(), again.unchanged), (true, 2), "importing twice changes nothing");
    }

    #[test]
    fn merging_keeps_both_sides_of_a_conflict() {
        let index = index();
        let base = sample(&index);
        let mut theirs = base.clone();
        theirs.edit("whole", 1_760_000_000_000, |a| a.note = "Their newer note.".into());
        theirs.add(Annotation::new("new-there".into(), Target::whole("p2", index.text("p2")), None, "Only there.", 1_760_000_000_000));
        let mut mine = base.clone();
        mine.edit("whole", 1_755_000_000_000, |a| a.note = "My older note.".into());
        mine.edit("passage", 1_770_000_000_000, |a| a.note = "Mine is newer here.".into());
        theirs.edit("passage", 1_765_000_000_000, |a| a.note = "Theirs is older here.".into());
        let text = export("oic", "Report", &theirs, &Palette::default(), 5).to_string();
        let plan = plan_import(&text, "oic", &index, &mine, &Palette::default(), 9).unwrap();
        assert_eq!(plan.added.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["new-there"]);
        assert_eq!(plan.updated.iter().map(|a| a.note.as_str()).collect::<Vec<_>>(), ["Their newer note."]);
        let mut kept: Vec<&str> = plan.kept_aside.iter().map(|a| a.note.as_str()).collect();
        kept.sort();
        assert_eq!(kept, ["My older note.", "Theirs is older here."]);
        plan.apply(&mut mine);
        let notes: Vec<&str> = mine.live().map(|a| a.note.as_str()).collect();
        for expected in ["Their newer note.", "My older note.", "Mine is newer here.", "Theirs is older here.", "Only there."] {
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
        let plan = plan_import(&foreign.to_string(), "oic", &index, &AnnotationSet::default(), &Palette::default(), 9).unwrap();
        let a = &plan.added[0];
        assert_eq!((a.id.as_str(), a.note.as_str(), a.target.paragraph()), ("https://example.org/anno/1", "A plain string body", "p3"));
        let q = a.target.quote().unwrap();
        assert_eq!(index.text("p3").unwrap().chars().skip(q.start).take(q.end - q.start).collect::<String>(), "unwavering support");
        assert_eq!(a.created, 1_751_364_000_000);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let index = index();
        let local = AnnotationSet::default();
        let plan = |text: &str| plan_import(text, "oic", &index, &local, &Palette::default(), 9);
        assert!(matches!(plan("{not json"), Err(ImportError::NotJson(_))));
        assert!(matches!(plan("{\"hello\": 1}"), Err(ImportError::WrongShape(_))));
        assert!(matches!(plan("{\"type\": \"AnnotationCollection\", \"first\": {\"items\": []}}"), Err(ImportError::WrongShape(_))));
        let future = json!({ "type": "AnnotationCollection", "generator": { "schemaVersion": 7 }, "first": { "items": [] } });
        assert_eq!(plan(&future.to_string()), Err(ImportError::FutureVersion(7)));
        let other = export("another-report", "Other", &sample(&index), &Palette::default(), 5).to_string();
        assert_eq!(plan(&other), Err(ImportError::OtherReport("another-report".into())));
        assert!(ImportError::OtherReport("x".into()).to_string().contains("Nothing was imported"));
    }

    #[test]
    fn the_apps_own_stored_document_imports_too() {
        let index = index();
        let text = codec::encode("oic", &sample(&index));
        let plan = plan_import(&text, "oic", &index, &AnnotationSet::default(), &Palette::default(), 9).unwrap();
        assert_eq!(plan.added.len(), 2);
        assert!(matches!(plan_import(&text, "other", &index, &AnnotationSet::default(), &Palette::default(), 9), Err(ImportError::OtherReport(_))));
    }
}
