//! Importing notes into the open report, whatever wrote them: this app's export or stored
//! document, W3C Web Annotations from other tools, or Hypothesis's API. Each reader turns its
//! format into [`Incoming`] annotations; this module places them in the report's paragraphs and
//! plans a merge that never loses either side, shown to the reader before anything changes.
//!
//! Merge rules: for the same id the newer edit wins and the older, if it says something else, is
//! kept as a second note; different ids are both kept; a deletion made here is not undone by an
//! older file. A quote that cannot be found is imported as an orphan (listed, never dropped);
//! what has nothing to place (a reply, a note on the whole page) is listed with its text.

use serde_json::Value;

use super::incoming::{ImportError, Incoming, NotPlaced};
use super::{hypothesis, w3c};
use crate::annotations::anchor::{anchor, Quote};
use crate::annotations::codec::{self, DecodeError};
use crate::annotations::placement::ParagraphIndex;
use crate::annotations::{Annotation, AnnotationSet, Colour, Millis, Palette, Target};

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
    /// Replies and page notes, which have no place in the report.
    pub not_placed: Vec<NotPlaced>,
}

impl ImportPlan {
    pub fn conflicts(&self) -> usize {
        self.kept_aside.len()
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.kept_aside.is_empty()
    }

    pub fn apply(&self, set: &mut AnnotationSet) {
        let incoming = AnnotationSet::from_annotations(
            self.added
                .iter()
                .chain(&self.updated)
                .chain(&self.kept_aside)
                .cloned(),
        );
        set.merge(&incoming);
    }

    /// "2 new, 0 updated, …": what the preview says before anything changes.
    pub fn summary(&self) -> String {
        let mut summary = format!(
            "{} new, {} updated, {} in conflict (both versions kept), {} unchanged",
            self.added.len(),
            self.updated.len(),
            self.conflicts(),
            self.unchanged
        );
        if self.not_restored > 0 {
            summary += &format!(", {} deleted here and not brought back", self.not_restored);
        }
        if self.other_reports > 0 {
            summary += &format!(", {} for other reports left out", self.other_reports);
        }
        if !self.not_placed.is_empty() {
            summary += &format!(
                ", {} with no place in the report (listed below)",
                self.not_placed.len()
            );
        }
        summary + "."
    }
}

/// Reads a file and plans its import into `report_id`'s annotations.
pub fn plan_import(
    text: &str,
    report_id: &str,
    index: &ParagraphIndex,
    local: &AnnotationSet,
    palette: &Palette,
    now: Millis,
) -> Result<ImportPlan, ImportError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) == Some(codec::FORMAT) {
        // This app's stored document, as downloaded before removing a report.
        let decoded = codec::decode_value(value).map_err(|e| match e {
            DecodeError::FutureVersion(v) => ImportError::FutureVersion(v),
            other => ImportError::WrongShape(other.to_string()),
        })?;
        if decoded.report != report_id {
            return Err(ImportError::OtherReport(decoded.report));
        }
        return Ok(plan_merge(
            decoded.annotations.live().cloned().collect(),
            local,
        ));
    }
    let (incoming, not_placed) = match hypothesis::rows(&value) {
        Some(rows) => hypothesis::read(rows, now)?,
        None => (w3c::read(&value, now)?, Vec::new()),
    };
    if incoming.is_empty() && not_placed.is_empty() {
        return Err(ImportError::WrongShape("it holds no annotations".into()));
    }
    let mut ours = Vec::new();
    let mut others: Vec<String> = Vec::new();
    let places = Places::new(index);
    for item in incoming {
        match item.source.as_deref().and_then(w3c::report_of_source) {
            Some(other) if other != report_id => others.push(other.to_string()),
            _ => ours.extend(places.annotation(item, palette)),
        }
    }
    if ours.is_empty() && not_placed.is_empty() {
        return match others.first() {
            Some(other) => Err(ImportError::OtherReport(other.clone())),
            None => Err(ImportError::WrongShape(
                "none of its annotations has a target this app can place".into(),
            )),
        };
    }
    let mut plan = plan_merge(ours, local);
    plan.other_reports = others.len();
    plan.not_placed = not_placed;
    Ok(plan)
}

/// The report's paragraphs, laid end to end once per import, to find a quote that names no
/// paragraph (or names one it is not in) wherever it is.
struct Places<'a> {
    index: &'a ParagraphIndex,
    whole: String,
    /// Each paragraph's id and the byte where its text starts in `whole`.
    starts: Vec<(String, usize)>,
}

impl<'a> Places<'a> {
    fn new(index: &'a ParagraphIndex) -> Self {
        let mut whole = String::new();
        let mut starts = Vec::new();
        for (id, text) in index.paragraphs() {
            starts.push((id, whole.len()));
            whole.push_str(text);
            whole.push('\n');
        }
        Places {
            index,
            whole,
            starts,
        }
    }

    /// The annotation an incoming one becomes here; `None` if it has no target at all.
    fn annotation(&self, item: Incoming, palette: &Palette) -> Option<Annotation> {
        let colour = item
            .style_class
            .as_deref()
            .and_then(|c| c.split_whitespace().find_map(Colour::from_key))
            .or_else(|| {
                item.tags.iter().find_map(|t| {
                    Colour::ALL
                        .into_iter()
                        .find(|c| palette.meaning(*c).eq_ignore_ascii_case(t.trim()))
                })
            });
        // A tag that only says the colour's meaning is the colour, not a tag of its own.
        let tags = item
            .tags
            .into_iter()
            .filter(|t| !colour.is_some_and(|c| palette.meaning(c).eq_ignore_ascii_case(t.trim())))
            .collect();
        let target = match item.quote {
            Some((exact, prefix, suffix)) => {
                let probe = Quote {
                    exact,
                    prefix,
                    suffix,
                    start: 0,
                    end: 0,
                };
                let (paragraph, (start, end)) = self
                    .place(item.paragraph.as_deref(), &probe, item.position)
                    .unwrap_or_else(|| {
                        (
                            item.paragraph.clone().unwrap_or_default(),
                            (0, probe.exact.chars().count()),
                        )
                    });
                Target::Passage {
                    paragraph,
                    quote: Quote {
                        start,
                        end,
                        ..probe
                    },
                }
            }
            None => {
                let paragraph = item.paragraph?;
                Target::whole(&paragraph, self.index.text(&paragraph))
            }
        };
        Some(Annotation {
            id: item.id,
            target,
            colour,
            note: item.note,
            tags,
            created: item.created,
            modified: item.modified.max(item.created),
            deleted: false,
        })
    }

    /// Where a quote lands: in the paragraph it names if it is there (exactly or nearly), else
    /// where its exact words are, the context choosing among repeats and then the position
    /// nearest to `near`; else nearly, in a paragraph that has its longest word.
    fn place(
        &self,
        named: Option<&str>,
        probe: &Quote,
        near: Option<usize>,
    ) -> Option<(String, (usize, usize))> {
        if let Some((id, text)) = named.and_then(|p| self.index.text(p).map(|t| (p, t))) {
            if let Some(range) = anchor(text, probe).range() {
                return Some((id.to_string(), range));
            }
        }
        self.best_exact(probe, near).or_else(|| {
            let longest = probe
                .exact
                .split_whitespace()
                .max_by_key(|w| w.chars().count())?;
            self.index
                .paragraphs()
                .filter(|(_, text)| text.contains(longest))
                .find_map(|(id, text)| anchor(text, probe).range().map(|r| (id, r)))
        })
    }

    fn best_exact(&self, probe: &Quote, near: Option<usize>) -> Option<(String, (usize, usize))> {
        let exact = probe.exact.as_str();
        if exact.is_empty() {
            return None;
        }
        let shared_before = |at: usize| {
            self.whole[..at]
                .chars()
                .rev()
                .zip(probe.prefix.chars().rev())
                .take_while(|(a, b)| a == b)
                .count()
        };
        let shared_after = |end: usize| {
            self.whole[end..]
                .chars()
                .zip(probe.suffix.chars())
                .take_while(|(a, b)| a == b)
                .count()
        };
        // Where each match starts in characters, counted as the matches go by (the position
        // the file gives is in characters).
        let mut counted = (0, 0);
        let (at, _) = self
            .whole
            .match_indices(exact)
            // Within one paragraph: the text joins paragraphs with a line break.
            .filter(|(at, _)| !self.whole[*at..*at + exact.len()].contains('\n'))
            .map(|(at, _)| {
                counted = (at, counted.1 + self.whole[counted.0..at].chars().count());
                let distance = near.map_or(0, |n| n.abs_diff(counted.1));
                (
                    at,
                    (
                        shared_before(at) + shared_after(at + exact.len()),
                        std::cmp::Reverse(distance),
                    ),
                )
            })
            .max_by_key(|(_, score)| *score)?;
        let which = self.starts.partition_point(|(_, start)| *start <= at) - 1;
        let (id, start) = &self.starts[which];
        let from = self.whole[*start..at].chars().count();
        Some((id.clone(), (from, from + exact.chars().count())))
    }
}

/// The losing side of a conflict, kept as a note of its own.
fn second_note(older: &Annotation) -> Annotation {
    Annotation {
        id: format!("{}~{}", older.id, older.modified),
        ..older.clone()
    }
}

fn same_content(a: &Annotation, b: &Annotation) -> bool {
    // A deletion is a change of its own: one file's tombstone is not the other's live note.
    a.deleted == b.deleted
        && a.note == b.note
        && a.colour == b.colour
        && a.tags == b.tags
        && a.target.paragraph() == b.target.paragraph()
        && a.target.quote().map(|q| &q.exact) == b.target.quote().map(|q| &q.exact)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::placement::ParagraphIndex;
    use crate::exchange::incoming::Unplaceable;

    #[test]
    fn a_quote_with_no_context_to_tell_repeats_apart_goes_to_the_one_nearest_its_position() {
        let report =
            crate::report::parse("Report\n\n1. Alpha beta gamma.\n\n2. Alpha beta gamma.\n");
        let index = ParagraphIndex::new(&report);
        let places = Places::new(&index);
        let probe = Quote {
            exact: "beta".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: 0,
        };
        assert_eq!(
            places.place(None, &probe, Some(3)),
            Some(("p1".to_string(), (6, 10)))
        );
        assert_eq!(
            places.place(None, &probe, Some(30)),
            Some(("p2".to_string(), (6, 10)))
        );
        assert_eq!(
            places.place(Some("p2"), &probe, None),
            Some(("p2".to_string(), (6, 10))),
            "the paragraph it names first"
        );
    }

    #[test]
    fn the_summary_says_what_would_happen() {
        let plan = ImportPlan {
            unchanged: 2,
            not_placed: vec![NotPlaced {
                kind: Unplaceable::Reply,
                text: "Agreed.".into(),
            }],
            ..ImportPlan::default()
        };
        assert_eq!(plan.summary(), "0 new, 0 updated, 0 in conflict (both versions kept), 2 unchanged, 1 with no place in the report (listed below).");
        assert_eq!(plan.not_placed[0].to_string(), "A reply: “Agreed.”");
        assert_eq!(
            NotPlaced {
                kind: Unplaceable::PageNote,
                text: " ".into()
            }
            .to_string(),
            "A note on the whole page, without text"
        );
    }
}
