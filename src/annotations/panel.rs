//! What the notes panel lists, worked out without a browser: every placed entry in runs of
//! neighbouring paragraphs (each run a box the page lays out only near the screen), with a
//! fingerprint of what each run shows so that a run is built again only when it changes, then
//! the entries that could not be placed; colours the reader hides left out.

use std::hash::{Hash, Hasher};

use super::placement::{ParagraphIndex, Place, Placements};
use super::{Anchoring, AnnotationSet, Colour};

/// The places in the placements' entries the panel lists (places, so that working the lists
/// out after an edit copies no annotation).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PanelLists {
    pub groups: Vec<PanelGroup>,
    pub orphans: Vec<usize>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct PanelGroup {
    /// The stretch of the report the run covers.
    pub key: usize,
    /// A hash of what the run's entries show.
    pub fingerprint: u64,
    pub entries: Vec<usize>,
}

impl PanelLists {
    pub fn group(&self, key: usize) -> Option<&PanelGroup> {
        self.groups
            .binary_search_by_key(&key, |g| g.key)
            .ok()
            .map(|at| &self.groups[at])
    }
}

/// What an entry's place says beside it: "moved", "text changed", or nothing.
pub fn place_label(place: Place) -> Option<&'static str> {
    match place {
        Place::Passage(Anchoring::Moved { .. }) => Some("moved"),
        Place::Passage(Anchoring::Fuzzy { .. }) => Some("text changed"),
        _ => None,
    }
}

/// The panel's lists, without the colours in `hidden`.
pub fn panel_lists(
    index: &ParagraphIndex,
    placements: &Placements,
    set: &AnnotationSet,
    hidden: &[Option<Colour>],
) -> PanelLists {
    let shown = placements.entries.iter().enumerate().filter_map(|(i, e)| {
        let annotation = set.get(&e.id)?;
        (!hidden.contains(&annotation.colour)).then_some((i, e, annotation.modified))
    });
    let (placed, orphans): (Vec<_>, Vec<_>) = shown.partition(|(_, e, _)| e.place != Place::Orphan);
    let groups = index
        .group_by_place(placed.iter().map(|&(i, e, modified)| (e, (i, e, modified))))
        .into_iter()
        .map(|(key, members)| {
            let mut hasher = std::hash::DefaultHasher::new();
            for &(_, e, modified) in &members {
                (
                    &e.id,
                    &e.paragraph,
                    &e.moved_from,
                    place_label(e.place),
                    modified,
                )
                    .hash(&mut hasher);
            }
            PanelGroup {
                key,
                fingerprint: hasher.finish(),
                entries: members.into_iter().map(|(i, ..)| i).collect(),
            }
        })
        .collect();
    PanelLists {
        groups,
        orphans: orphans.into_iter().map(|(i, ..)| i).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::placement::place;
    use crate::annotations::{Annotation, Quote, Target};
    use crate::report::{parse, DEFAULT_REPORT};

    fn whole(id: &str, paragraph: &str, colour: Colour) -> Annotation {
        Annotation::new(
            id.into(),
            Target::whole(paragraph, None),
            Some(colour),
            "",
            1,
        )
    }

    #[test]
    fn entries_are_listed_in_runs_by_place_with_hidden_colours_left_out_and_orphans_last() {
        let index = ParagraphIndex::new(&parse(DEFAULT_REPORT));
        let gone = Annotation::new(
            "z".into(),
            Target::Passage {
                paragraph: "p99".into(),
                quote: Quote::from_text("Words no report has.", 0, 5).unwrap(),
            },
            None,
            "",
            1,
        );
        let mut set = AnnotationSet::from_annotations([
            whole("a", "p2", Colour::Yellow),
            whole("b", "p9", Colour::Blue),
            gone,
        ]);
        let placements = place(&index, &set);
        let lists = panel_lists(&index, &placements, &set, &[]);
        let listed: Vec<&str> = lists
            .groups
            .iter()
            .flat_map(|g| g.entries.iter())
            .map(|&i| placements.entries[i].id.as_str())
            .collect();
        assert_eq!(listed, ["a", "b"]);
        assert_eq!(
            lists
                .orphans
                .iter()
                .map(|&i| placements.entries[i].id.as_str())
                .collect::<Vec<_>>(),
            ["z"]
        );
        assert!(lists.group(lists.groups[0].key).is_some());
        let blue_hidden = panel_lists(&index, &placements, &set, &[Some(Colour::Blue)]);
        assert_eq!(
            blue_hidden
                .groups
                .iter()
                .map(|g| g.entries.len())
                .sum::<usize>(),
            1
        );
        // An edit changes its run's fingerprint, and no other run's.
        let before = lists
            .groups
            .iter()
            .map(|g| (g.key, g.fingerprint))
            .collect::<Vec<_>>();
        set.recolour("a", Some(Colour::Green), 5);
        let after = panel_lists(&index, &place(&index, &set), &set, &[])
            .groups
            .iter()
            .map(|g| (g.key, g.fingerprint))
            .collect::<Vec<_>>();
        let changed: Vec<bool> = before.iter().zip(&after).map(|(b, a)| b != a).collect();
        assert_eq!(
            changed.iter().filter(|c| **c).count(),
            1,
            "{before:?} {after:?}"
        );
    }
}
