//! A backup file of everything a reader keeps here, to outlive the browser and to carry notes
//! between devices: every report's annotations as stored (deletions kept as tombstones, so that
//! a note deleted on one device does not come back from another), the library's index (so that a
//! report whose text is not in this browser is listed, and asks for its file), and the colours'
//! meanings. A versioned format of this project:
//!
//! ```json
//! { "format": "report-reader.backup", "version": 1, "written": 1765000000000,
//!   "library": { "format": "report-reader.library", "version": 1, "entries": [ … ] },
//!   "settings": { "version": 1, "palette": { … } },
//!   "reports": { "<report id>": { "format": "report-reader.annotations", "version": 2, … } } }
//! ```
//!
//! Restoring merges by the rules of an import (the newer edit of an annotation wins, the older
//! kept as a second note where both say something different, a deletion is not undone by an
//! older copy), shown as a plan before anything changes; the library merges as two tabs' do.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::annotations::codec::{self, DecodeError, Settings};
use crate::annotations::{AnnotationSet, Millis};
use crate::library::{self, Library};

use super::import::{plan_merge, ImportPlan};

pub const FORMAT: &str = "report-reader.backup";
pub const CURRENT_VERSION: u64 = 1;

/// What a backup file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// When it was written, by the device that wrote it.
    pub written: Millis,
    pub library: Library,
    pub settings: Settings,
    /// Every report's annotations, tombstones included, by report id.
    pub reports: BTreeMap<String, AnnotationSet>,
}

/// Why a file cannot be restored: said in words, and nothing is changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    NotJson(String),
    /// JSON, but not a backup of this reader (another app's file, or this app's export).
    NotABackup(String),
    Damaged(String),
    FutureVersion(u64),
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupError::NotJson(why) => write!(f, "This file is not a backup: it is not valid JSON ({why}). Nothing was changed."),
            BackupError::NotABackup(what) => write!(f, "This file is not a backup of this reader ({what}). To bring in exported notes, open the report and use “Import notes…”. Nothing was changed."),
            BackupError::Damaged(why) => write!(f, "This backup is damaged and cannot be read ({why}). Nothing was changed."),
            BackupError::FutureVersion(v) => write!(f, "This backup was written by a newer version of this reader (format {v}). Update the reader to restore it. Nothing was changed."),
        }
    }
}

/// Writes a backup of these reports' annotations, the library and the settings.
pub fn write<'a>(
    reports: impl IntoIterator<Item = (&'a str, &'a AnnotationSet)>,
    library: &Library,
    settings: &Settings,
    now: Millis,
) -> String {
    let reports: serde_json::Map<String, Value> = reports
        .into_iter()
        .map(|(id, set)| (id.to_string(), codec::encode_value(id, set)))
        .collect();
    let backup = json!({
        "format": FORMAT,
        "version": CURRENT_VERSION,
        "written": now,
        "library": library::encode_value(library),
        "settings": settings,
        "reports": reports,
    });
    serde_json::to_string_pretty(&backup).expect("a backup always serialises")
}

/// Reads a backup file, refusing anything that is not one, whole.
pub fn read(text: &str) -> Result<Backup, BackupError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(FORMAT) {
        let what = match format {
            Some(other) => format!("its format is “{other}”"),
            None if value.get("@context").is_some() => "it is a W3C annotations file".into(),
            None => "it names no format".into(),
        };
        return Err(BackupError::NotABackup(what));
    }
    let version = value.get("version").and_then(Value::as_u64);
    match version {
        Some(v) if v > CURRENT_VERSION => return Err(BackupError::FutureVersion(v)),
        Some(v) if v >= 1 => {}
        _ => return Err(BackupError::Damaged("no version number".into())),
    }
    let damaged = |what: &str, e: DecodeError| BackupError::Damaged(format!("{what}: {e}"));
    let written = value
        .get("written")
        .and_then(Value::as_i64)
        .ok_or_else(|| BackupError::Damaged("no date of writing".into()))?;
    let (library, _) = library::decode_value(value.get("library").cloned().unwrap_or(Value::Null))
        .map_err(|e| damaged("its library", e))?;
    let settings =
        codec::decode_settings_value(value.get("settings").cloned().unwrap_or(Value::Null))
            .map_err(|e| damaged("its settings", e))?;
    let mut reports = BTreeMap::new();
    let stored = value
        .get("reports")
        .and_then(Value::as_object)
        .ok_or_else(|| BackupError::Damaged("no reports".into()))?;
    for (id, document) in stored {
        let decoded = codec::decode_value(document.clone())
            .map_err(|e| damaged(&format!("the notes of {id}"), e))?;
        if decoded.report != *id {
            return Err(BackupError::Damaged(format!(
                "the notes filed under {id} are for {}",
                decoded.report
            )));
        }
        reports.insert(id.clone(), decoded.annotations);
    }
    Ok(Backup {
        written,
        library,
        settings,
        reports,
    })
}

/// What restoring a backup would do, report by report, before anything changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RestorePlan {
    /// Each report's plan, for the reports whose notes would change.
    pub reports: Vec<(String, ImportPlan)>,
    /// Reports the backup lists that this browser's library does not.
    pub new_reports: Vec<String>,
    /// Reports whose notes would not change.
    pub unchanged: usize,
}

impl RestorePlan {
    pub fn is_empty(&self) -> bool {
        self.reports.is_empty() && self.new_reports.is_empty()
    }

    pub fn conflicts(&self) -> usize {
        self.reports.iter().map(|(_, plan)| plan.conflicts()).sum()
    }

    /// What the preview says: "3 new, 1 updated, 1 deleted, 0 in conflict, in 2 reports; 1
    /// report new to this browser."
    pub fn summary(&self) -> String {
        let count = |f: &dyn Fn(&ImportPlan) -> usize| -> usize {
            self.reports.iter().map(|(_, plan)| f(plan)).sum()
        };
        let added = count(&|p| p.added.iter().filter(|a| !a.deleted).count());
        let deleted = count(&|p| p.updated.iter().filter(|a| a.deleted).count());
        let updated = count(&|p| p.updated.iter().filter(|a| !a.deleted).count());
        let mut summary = format!(
            "{added} new, {updated} updated, {deleted} deleted on the other device, {} in conflict (both versions kept), in {} report{}",
            self.conflicts(),
            self.reports.len(),
            if self.reports.len() == 1 { "" } else { "s" }
        );
        if !self.new_reports.is_empty() {
            summary += &format!(
                "; {} report{} new to this browser (listed in the library, asking for the file)",
                self.new_reports.len(),
                if self.new_reports.len() == 1 { "" } else { "s" }
            );
        }
        summary + "."
    }
}

/// Plans restoring `backup` over what is kept here: `local` gives a report's annotations as
/// stored (tombstones included), `library` the library here.
pub fn plan_restore(
    backup: &Backup,
    library: &Library,
    local: impl Fn(&str) -> AnnotationSet,
) -> RestorePlan {
    let mut plan = RestorePlan {
        new_reports: backup
            .library
            .all()
            .filter(|e| !library.holds(&e.id))
            .map(|e| e.id.clone())
            .collect(),
        ..RestorePlan::default()
    };
    for (id, theirs) in &backup.reports {
        let report_plan = plan_merge(theirs.all().cloned().collect(), &local(id));
        if report_plan.is_empty() {
            plan.unchanged += 1;
        } else {
            plan.reports.push((id.clone(), report_plan));
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Annotation, Colour, Target};

    fn note(id: &str, paragraph: &str, text: &str, modified: Millis) -> Annotation {
        Annotation::new(
            id.into(),
            Target::whole(paragraph, None),
            Some(Colour::Yellow),
            text,
            modified,
        )
    }

    fn library() -> Library {
        library::decode(r#"{"format": "report-reader.library", "version": 1, "entries": []}"#)
            .unwrap()
    }

    #[test]
    fn a_backup_reads_back_as_written_deletions_included() {
        let mut set = AnnotationSet::from_annotations([
            note("a", "p1", "First.", 10),
            note("b", "p2", "Second.", 20),
        ]);
        set.delete("b", 30);
        let text = write([("r-1", &set)], &library(), &Settings::default(), 99);
        let backup = read(&text).unwrap();
        assert_eq!(backup.written, 99);
        assert_eq!(backup.reports["r-1"], set);
        assert!(
            backup.reports["r-1"]
                .all()
                .any(|a| a.id == "b" && a.deleted),
            "the tombstone kept"
        );
        assert_eq!(backup.library, library());
    }

    #[test]
    fn two_devices_merge_edits_conflicts_and_deletions_and_nothing_comes_back() {
        // Device A wrote a backup: note a edited at 50, note b deleted at 40, note c new.
        let mut a = AnnotationSet::from_annotations([
            note("a", "p1", "Edited on A.", 50),
            note("b", "p2", "To go.", 20),
            note("c", "p3", "New on A.", 45),
        ]);
        a.delete("b", 40);
        let backup = read(&write([("r-1", &a)], &library(), &Settings::default(), 60)).unwrap();
        // Device B still has b, and edited a too, earlier (30) and differently.
        let b = AnnotationSet::from_annotations([
            note("a", "p1", "Edited on B.", 30),
            note("b", "p2", "To go.", 20),
        ]);
        let plan = plan_restore(&backup, &library(), |id| {
            assert_eq!(id, "r-1");
            b.clone()
        });
        assert_eq!(plan.conflicts(), 1, "a edited on both sides");
        assert_eq!(plan.summary(), "1 new, 1 updated, 1 deleted on the other device, 1 in conflict (both versions kept), in 1 report.");
        let mut merged = b.clone();
        plan.reports[0].1.apply(&mut merged);
        assert_eq!(
            merged.get("a").unwrap().note,
            "Edited on A.",
            "the newer edit wins"
        );
        assert!(
            merged.live().any(|x| x.note == "Edited on B."),
            "the older is kept as a second note"
        );
        assert!(
            merged.all().any(|a| a.id == "b" && a.deleted),
            "the deletion made on A stays"
        );
        assert!(merged.get("c").is_some_and(|c| !c.deleted));
        // The same backup again changes nothing; an older backup does not bring b back.
        let again = plan_restore(&backup, &library(), |_| merged.clone());
        assert!(again.is_empty(), "{}", again.summary());
        let older = read(&write([("r-1", &b)], &library(), &Settings::default(), 35)).unwrap();
        let mut after = merged.clone();
        for (_, report) in plan_restore(&older, &library(), |_| merged.clone()).reports {
            report.apply(&mut after);
        }
        assert!(
            after.all().any(|a| a.id == "b" && a.deleted),
            "a deletion is not undone by an older copy"
        );
    }

    #[test]
    fn what_is_not_a_backup_is_refused_in_words() {
        let refused = |text: &str| read(text).unwrap_err().to_string();
        assert!(refused("{not json").starts_with("This file is not a backup: it is not valid JSON"));
        assert!(refused(
            r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}"#
        )
        .contains("it is a W3C annotations file"));
        assert!(
            refused(r#"{"format": "report-reader.annotations", "version": 2}"#)
                .contains("its format is “report-reader.annotations”")
        );
        assert!(
            refused(r#"{"format": "report-reader.backup", "version": 7}"#)
                .contains("newer version of this reader (format 7)")
        );
        let good = write(
            [("r-1", &AnnotationSet::default())],
            &library(),
            &Settings::default(),
            1,
        );
        let cut = &good[..good.len() / 2];
        assert!(refused(cut).contains("not valid JSON"));
        let wrong = good.replace("\"report\": \"r-1\"", "\"report\": \"r-2\"");
        assert!(
            refused(&wrong).starts_with("This backup is damaged"),
            "{}",
            refused(&wrong)
        );
        for message in [refused("{}"), refused(cut)] {
            assert!(message.ends_with("Nothing was changed."));
        }
    }
}
