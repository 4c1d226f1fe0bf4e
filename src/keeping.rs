//! Keeping the reader's things in their browser: how the room they take is told ("12.4 MB of
//! 2.1 GB used"), and when to remind them to export their notes (where the browser has not
//! promised to keep them). Pure Rust; the browser's figures come in from `ui::text_store`.

use crate::annotations::Millis;

const DAY: Millis = 24 * 60 * 60 * 1000;

/// How long notes go without an export, where the browser may clear them, before the reader is
/// reminded.
pub const REMIND_AFTER: Millis = 30 * DAY;

/// A size as people say it: "512 KB", "12.4 MB", "2.1 GB" (decimal units, as browsers and
/// operating systems show storage).
pub fn size_in_words(bytes: f64) -> String {
    let bytes = bytes.max(0.0);
    let (value, unit) = if bytes >= 1e9 {
        (bytes / 1e9, "GB")
    } else if bytes >= 1e6 {
        (bytes / 1e6, "MB")
    } else {
        return format!("{} KB", (bytes / 1e3).round() as u64);
    };
    if value >= 100.0 {
        format!("{} {unit}", value.round() as u64)
    } else {
        // One decimal, rounded without floating-point formatting (whose code the app need not
        // carry).
        let tenths = (value * 10.0).round() as u64;
        format!("{}.{} {unit}", tenths / 10, tenths % 10)
    }
}

/// "12.4 MB of 2.1 GB used".
pub fn usage_in_words(used: f64, quota: f64) -> String {
    format!("{} of {} used", size_in_words(used), size_in_words(quota))
}

/// What the browser has said of keeping this site's storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// It has promised to keep it until the reader removes it.
    ForGood,
    /// It may clear it when space runs short.
    WhileThereIsRoom,
    /// It cannot say.
    Unknown,
}

impl Kept {
    pub fn from_answer(persisted: Option<bool>) -> Kept {
        match persisted {
            Some(true) => Kept::ForGood,
            Some(false) => Kept::WhileThereIsRoom,
            None => Kept::Unknown,
        }
    }

    pub fn in_words(self) -> &'static str {
        match self {
            Kept::ForGood => "The browser has promised to keep your reports and notes until you remove them.",
            Kept::WhileThereIsRoom => "The browser may clear your reports and notes when space runs short: export your notes now and then.",
            Kept::Unknown => "This browser does not say whether it will keep your reports and notes: export your notes now and then.",
        }
    }
}

/// Whether to remind the reader to export their notes: they have notes, the browser has not
/// promised to keep them, and for [`REMIND_AFTER`] there has been neither an export nor a
/// reminder dismissed (counted, for one who never exported, from when they first kept
/// something here).
pub fn export_reminder_due(
    now: Millis,
    kept: Kept,
    has_notes: bool,
    first_kept: Option<Millis>,
    last_export: Option<Millis>,
    dismissed: Option<Millis>,
) -> bool {
    if !has_notes || kept == Kept::ForGood {
        return false;
    }
    let Some(since) = [first_kept, last_export, dismissed]
        .into_iter()
        .flatten()
        .max()
    else {
        return false;
    };
    now - since >= REMIND_AFTER
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_told_as_people_say_them() {
        assert_eq!(size_in_words(512_000.0), "512 KB");
        assert_eq!(size_in_words(12_400_000.0), "12.4 MB");
        assert_eq!(size_in_words(2_147_483_648.0), "2.1 GB");
        assert_eq!(size_in_words(345_000_000.0), "345 MB");
        assert_eq!(size_in_words(0.0), "0 KB");
        assert_eq!(
            usage_in_words(12_400_000.0, 2_100_000_000.0),
            "12.4 MB of 2.1 GB used"
        );
    }

    #[test]
    fn the_reader_is_reminded_to_export_after_thirty_days_only_where_the_browser_may_clear_notes() {
        let day = DAY;
        let start = 1_000 * day;
        let due = |now, kept, notes, last, dismissed| {
            export_reminder_due(now, kept, notes, Some(start), last, dismissed)
        };
        assert!(
            !due(start + 29 * day, Kept::WhileThereIsRoom, true, None, None),
            "not before thirty days"
        );
        assert!(due(
            start + 30 * day,
            Kept::WhileThereIsRoom,
            true,
            None,
            None
        ));
        assert!(due(start + 30 * day, Kept::Unknown, true, None, None));
        assert!(
            !due(start + 90 * day, Kept::ForGood, true, None, None),
            "the browser keeps them"
        );
        assert!(
            !due(start + 90 * day, Kept::WhileThereIsRoom, false, None, None),
            "no notes to lose"
        );
        assert!(
            !due(
                start + 40 * day,
                Kept::WhileThereIsRoom,
                true,
                Some(start + 20 * day),
                None
            ),
            "exported ten days ago"
        );
        assert!(
            !due(
                start + 40 * day,
                Kept::WhileThereIsRoom,
                true,
                None,
                Some(start + 31 * day)
            ),
            "dismissed nine days ago"
        );
        assert!(
            due(
                start + 62 * day,
                Kept::WhileThereIsRoom,
                true,
                None,
                Some(start + 31 * day)
            ),
            "and again a month on"
        );
        assert!(
            !export_reminder_due(start, Kept::WhileThereIsRoom, true, None, None, None),
            "nothing kept yet"
        );
    }
}
