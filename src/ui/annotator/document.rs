//! The open report's annotations, where each sits in it, and the colours' names: what is saved
//! and what the panel, the paragraphs and the exports read.

use leptos::prelude::*;

use crate::annotations::placement::{
    place, place_cached, ParagraphIndex, PlacementCache, Placements,
};
use crate::annotations::{AnnotationSet, Palette};
use crate::ui::browser;

#[derive(Clone, Copy, PartialEq)]
/// What the reader wrote on this report and where it sits in it.
pub struct AnnotatedDocument {
    pub(super) report_id: StoredValue<String>,
    pub(super) index: StoredValue<ParagraphIndex>,
    pub annotations: RwSignal<AnnotationSet>,
    /// Each annotation's paragraph (or none: an orphan), worked out again on every change.
    pub placements: Memo<Placements>,
    /// The colours' names.
    pub palette: RwSignal<Palette>,
}

impl AnnotatedDocument {
    pub(super) fn new(report_id: &str, index: ParagraphIndex) -> Self {
        let index = StoredValue::new(index);
        let annotations = RwSignal::new(AnnotationSet::default());
        let cache = StoredValue::new(PlacementCache::default());
        // Not compared with the last placements before it is passed on: they change with almost
        // every edit, and comparing all their entries and maps costs more than what follows.
        let placements = Memo::new_with_compare(
            move |_| {
                index.with_value(|index| {
                    annotations.with(|set| {
                        browser::timed("annotations:place", || {
                            cache
                                .try_update_value(|cache| place_cached(index, set, cache))
                                .unwrap_or_else(|| place(index, set))
                        })
                    })
                })
            },
            |_, _| true,
        );
        AnnotatedDocument {
            report_id: StoredValue::new(report_id.to_string()),
            index,
            annotations,
            placements,
            palette: RwSignal::new(Palette::default()),
        }
    }
}
