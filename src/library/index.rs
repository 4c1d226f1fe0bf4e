//! The library itself: every report by id, with the rules for opening a text into it (a new
//! report, the same one again, or a new version of one), renaming, removing, joining and
//! separating versions, and merging another tab's copy.

use crate::annotations::Millis;
use crate::report::Report;

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

use super::entry::*;
use super::symbols::*;

/// A short, stable name for a text: the first 64 bits of its SHA-256, in hex.
pub fn content_hash(text: &str) -> String {
    hash_of_digest(&Sha256::digest(text.as_bytes()))
}

/// The report hash made from a text's SHA-256 digest, however it was worked out.
pub fn hash_of_digest(digest: &[u8]) -> String {
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    pub(super) entries: BTreeMap<String, Entry>,
}

fn title_of(report: &Report) -> String {
    report
        .cover
        .title
        .as_ref()
        .map(|t| t.plain())
        .or_else(|| report.cover.symbol.clone())
        .or_else(|| {
            report
                .paragraphs()
                .next()
                .map(|p| p.text.plain().chars().take(80).collect())
        })
        .unwrap_or_else(|| "Untitled report".to_string())
}

impl Library {
    /// Whether it has an entry for this id, a removed one included.
    pub fn holds(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id).filter(|e| !e.removed)
    }

    /// The reports in the library, the most recently opened first.
    pub fn entries(&self) -> Vec<&Entry> {
        let mut live: Vec<&Entry> = self.entries.values().filter(|e| !e.removed).collect();
        live.sort_by(|a, b| {
            b.last_opened
                .cmp(&a.last_opened)
                .then_with(|| a.id.cmp(&b.id))
        });
        live
    }

    /// Every record, removed ones included, for storage.
    pub fn all(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// The report an entry is an addendum of, if the library holds it.
    pub fn addendum_of(&self, entry: &Entry) -> Option<&Entry> {
        let parent = addendum_parent(entry.symbol.as_deref()?)?;
        self.entries().into_iter().find(|e| {
            e.id != entry.id
                && e.symbol
                    .as_deref()
                    .is_some_and(|s| report_symbol(s) == parent)
        })
    }

    /// Records a bundled report (from the manifest) if the library does not know it yet.
    pub fn ensure_bundled(
        &mut self,
        id: &str,
        file: &str,
        report: &Report,
        hash: &str,
        now: Millis,
    ) {
        if self.holds(id) {
            return;
        }
        self.entries.insert(
            id.to_string(),
            Entry {
                id: id.to_string(),
                source: Source::Bundled {
                    file: file.to_string(),
                },
                symbol: report.cover.symbol.clone(),
                title: title_of(report),
                date: report.cover.date.clone(),
                name: None,
                versions: vec![Version {
                    hash: hash.to_string(),
                    added: 0,
                    file_name: Some(file.to_string()),
                }],
                last_opened: 0,
                modified: now,
                removed: false,
                joined: Vec::new(),
                separated: Vec::new(),
            },
        );
    }

    /// Adds a text the reader opened: the same text is the same report; the same symbol with
    /// another text is a new version of it; anything else is a new report.
    pub fn open_text(
        &mut self,
        report: &Report,
        hash: &str,
        file_name: Option<&str>,
        now: Millis,
    ) -> Opened {
        let by_hash = self
            .entries
            .values()
            .find(|e| !e.removed && e.versions.iter().any(|v| v.hash == hash))
            .map(|e| e.id.clone());
        if let Some(id) = by_hash {
            self.touch(&id, now);
            return Opened::Known { id };
        }
        let by_symbol = report.cover.symbol.as_deref().and_then(|symbol| {
            self.entries
                .values()
                .filter(|e| {
                    !e.removed && e.symbol.as_deref().is_some_and(|s| same_symbol(s, symbol))
                })
                .max_by_key(|e| e.last_opened)
                .map(|e| e.id.clone())
        });
        let version = Version {
            hash: hash.to_string(),
            added: now,
            file_name: file_name.map(str::to_string),
        };
        if let Some(id) = by_symbol {
            let entry = self.entries.get_mut(&id).expect("found above");
            entry.versions.push(version);
            entry.title = title_of(report);
            entry.symbol = report.cover.symbol.clone().or(entry.symbol.take());
            entry.date = report.cover.date.clone().or(entry.date.take());
            entry.last_opened = now;
            entry.modified = now;
            let number = entry.versions.len();
            return Opened::Revision {
                id,
                version: number,
            };
        }
        let id = format!("r-{hash}");
        // A report the reader removed and now opens again comes back as new.
        self.entries.insert(
            id.clone(),
            Entry {
                id: id.clone(),
                source: Source::Opened,
                symbol: report.cover.symbol.clone(),
                title: title_of(report),
                date: report.cover.date.clone(),
                name: None,
                versions: vec![version],
                last_opened: now,
                modified: now,
                removed: false,
                joined: Vec::new(),
                separated: Vec::new(),
            },
        );
        Opened::New { id }
    }

    /// Notes that a report was opened now (the library lists the most recent first).
    pub fn touch(&mut self, id: &str, now: Millis) {
        if let Some(entry) = self.entries.get_mut(id).filter(|e| !e.removed) {
            entry.last_opened = now;
            entry.modified = now.max(entry.modified + 1);
        }
    }

    pub fn rename(&mut self, id: &str, name: &str, now: Millis) {
        if let Some(entry) = self.entries.get_mut(id).filter(|e| !e.removed) {
            let name = name.trim();
            entry.name =
                (!name.is_empty() && name != entry.title).then(|| name.chars().take(200).collect());
            entry.modified = now.max(entry.modified + 1);
        }
    }

    /// Removes a report; its record stays as a tombstone so another tab does not bring it back.
    /// Returns the hashes of its versions, whose texts can be dropped.
    pub fn remove(&mut self, id: &str, now: Millis) -> Vec<String> {
        match self.entries.get_mut(id).filter(|e| !e.removed) {
            Some(entry) => {
                entry.removed = true;
                entry.modified = now.max(entry.modified + 1);
                entry.versions.iter().map(|v| v.hash.clone()).collect()
            }
            None => Vec::new(),
        }
    }

    /// Merges another copy: per entry the later edit wins, and no version either side has is lost.
    /// The reader says `from` is a version of `into`: its versions become `into`'s (the newest
    /// last), and `from` leaves the list; its address opens `into`. Undone by [`Library::separate`].
    pub fn join_as_version(
        &mut self,
        from: &str,
        into: &str,
        now: Millis,
    ) -> Result<(), JoinError> {
        if from == into {
            return Err(JoinError::Same);
        }
        let source = self
            .get(from)
            .ok_or_else(|| JoinError::Unknown(from.to_string()))?
            .clone();
        if self.get(into).is_none() {
            return Err(JoinError::Unknown(into.to_string()));
        }
        if matches!(source.source, Source::Bundled { .. }) {
            return Err(JoinError::Published(source.display_name().to_string()));
        }
        let target = self.entries.get_mut(into).expect("checked above");
        let mut brought = Vec::new();
        for version in source.versions {
            if !target.versions.iter().any(|v| v.hash == version.hash) {
                brought.push(version.hash.clone());
                target.separated.retain(|h| *h != version.hash);
                target.versions.push(version);
            }
        }
        target.versions.sort_by_key(|v| v.added);
        target.joined.push(Joined {
            id: from.to_string(),
            versions: brought,
        });
        target.modified = now;
        let joined = self.entries.get_mut(from).expect("checked above");
        joined.removed = true;
        joined.modified = now;
        Ok(())
    }

    /// Undoes [`Library::join_as_version`]: `from` is a report of its own again, with the
    /// versions it brought.
    pub fn separate(&mut self, into: &str, from: &str, now: Millis) -> bool {
        let Some(target) = self.entries.get_mut(into) else {
            return false;
        };
        let Some(at) = target.joined.iter().position(|j| j.id == from) else {
            return false;
        };
        let joined = target.joined.remove(at);
        target
            .versions
            .retain(|v| !joined.versions.contains(&v.hash));
        target.separated.extend(joined.versions);
        target.modified = now;
        if let Some(entry) = self.entries.get_mut(from) {
            entry.removed = false;
            entry.modified = now;
            entry.last_opened = now;
        }
        true
    }

    /// The report an address names: itself, or the report it was joined to as a version.
    pub fn resolve(&self, id: &str) -> Option<&Entry> {
        self.get(id).or_else(|| {
            self.entries()
                .into_iter()
                .find(|e| e.joined.iter().any(|j| j.id == id))
        })
    }

    pub fn merge(&mut self, other: &Library) -> bool {
        let mut changed = false;
        for theirs in other.entries.values() {
            match self.entries.get_mut(&theirs.id) {
                None => {
                    self.entries.insert(theirs.id.clone(), theirs.clone());
                    changed = true;
                }
                Some(mine) => {
                    let mut merged =
                        if (theirs.modified, theirs.removed) > (mine.modified, mine.removed) {
                            theirs.clone()
                        } else {
                            mine.clone()
                        };
                    for v in mine.versions.iter().chain(&theirs.versions) {
                        if !merged.versions.iter().any(|m| m.hash == v.hash) {
                            merged.versions.push(v.clone());
                        }
                    }
                    // Taken back by a separation on the side that wins: not brought back.
                    let separated = merged.separated.clone();
                    merged.versions.retain(|v| !separated.contains(&v.hash));
                    merged.versions.sort_by_key(|v| v.added);
                    merged.last_opened = mine.last_opened.max(theirs.last_opened);
                    if merged != *mine {
                        *mine = merged;
                        changed = true;
                    }
                }
            }
        }
        changed
    }
}
