//! Keeping the reader's things in their browser: how the room they take is told ("12.4 MB of
//! 2.1 GB used"), and when to remind them to export their notes (where the browser has not
//! promised to keep them). Pure Rust; the browser's figures come in from `ui::text_store`.

use crate::annotations::Millis;

const DAY: Millis = 24 * 60 * 60 * 1000;

/// How long notes go without an export, where the browser may clear them, before the reader is
/// reminded.
pub const REMIND_AFTER: Millis = 30 * DAY;

/// The same where the browser deletes a site's storage after seven days of use without a visit
/// (Safari): before a week is out.
pub const REMIND_AFTER_SEVEN_DAY_RULE: Millis = 5 * DAY;

/// When the browser may delete what this site keeps, by its engine's known policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eviction {
    /// WebKit (Safari on a Mac, every browser on an iPhone or iPad) deletes a site's
    /// script-written storage after seven days of use of the browser without a visit to the site,
    /// unless the site runs as a web app added to the Dock or the Home Screen.
    AfterSevenDaysWithoutAVisit,
    /// Chromium and Firefox may clear storage that is not persistent when the disk fills.
    WhenSpaceRunsShort,
}

impl Eviction {
    /// The policy of the engine a user agent string names; `installed`: the site runs as an app
    /// of its own (added to the Dock or the Home Screen).
    pub fn of(user_agent: &str, installed: bool) -> Eviction {
        // Chromium and Firefox name themselves beside "AppleWebKit"; on an iPhone every browser
        // is WebKit ("CriOS", "FxiOS" are not the engines they name).
        let other_engine = ["Chrome/", "Chromium/", "Firefox/", "Edg/", "OPR/"]
            .iter()
            .any(|name| user_agent.contains(name));
        if user_agent.contains("AppleWebKit/") && !other_engine && !installed {
            Eviction::AfterSevenDaysWithoutAVisit
        } else {
            Eviction::WhenSpaceRunsShort
        }
    }

    /// The reminder to export, by what the browser may do.
    pub fn export_reminder(self) -> &'static str {
        match self {
            Eviction::AfterSevenDaysWithoutAVisit => "Your notes are kept only in this browser, which deletes them after seven days without a visit, and you have not exported them for five days. ",
            Eviction::WhenSpaceRunsShort => "Your notes are kept only in this browser, which may clear them when space runs short, and you have not exported them for a month. ",
        }
    }

    /// What the browser has said of keeping this site's storage, with what its engine does.
    pub fn kept_in_words(self, kept: Kept) -> &'static str {
        match (self, kept) {
            (Eviction::AfterSevenDaysWithoutAVisit, Kept::WhileThereIsRoom | Kept::Unknown) => {
                "Safari deletes what this site keeps after seven days without a visit: add the reader to the Dock or the Home Screen, or export your notes now and then."
            }
            _ => kept.in_words(),
        }
    }

    fn remind_after(self) -> Millis {
        match self {
            Eviction::AfterSevenDaysWithoutAVisit => REMIND_AFTER_SEVEN_DAY_RULE,
            Eviction::WhenSpaceRunsShort => REMIND_AFTER,
        }
    }
}

/// What a reader of Safari is told, once, the first time they save a note there while the
/// browser has not promised to keep it.
pub const SEVEN_DAY_RULE: &str = "Safari deletes what this site keeps after seven days without a visit, \
     your notes with it. To keep them, add the reader to the Dock (on a Mac, in Safari: File › Add to Dock) \
     or to the Home Screen (on an iPhone or iPad: Share › Add to Home Screen), or export your notes \
     from the library now and then; you will be reminded every five days.";

/// Whether to tell the reader of the seven-day rule now: their browser follows it, has not
/// promised to keep this site's storage, and they have not been told before.
pub fn seven_day_rule_to_tell(eviction: Eviction, kept: Kept, told_before: bool) -> bool {
    eviction == Eviction::AfterSevenDaysWithoutAVisit && kept != Kept::ForGood && !told_before
}

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
/// promised to keep them, and for [`REMIND_AFTER`] ([`REMIND_AFTER_SEVEN_DAY_RULE`] where the
/// browser deletes unvisited sites' storage) there has been neither an export nor a
/// reminder dismissed (counted, for one who never exported, from when they first kept
/// something here).
pub fn export_reminder_due(
    now: Millis,
    kept: Kept,
    eviction: Eviction,
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
    now - since >= eviction.remind_after()
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
            export_reminder_due(
                now,
                kept,
                Eviction::WhenSpaceRunsShort,
                notes,
                Some(start),
                last,
                dismissed,
            )
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
            !export_reminder_due(
                start,
                Kept::WhileThereIsRoom,
                Eviction::WhenSpaceRunsShort,
                true,
                None,
                None,
                None
            ),
            "nothing kept yet"
        );
    }

    #[test]
    fn safari_is_known_by_its_engine_and_its_readers_are_told_and_reminded_sooner() {
        let safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
        let iphone_chrome = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0 Mobile/15E148 Safari/604.1";
        let minibrowser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";
        for webkit in [safari, iphone_chrome, minibrowser] {
            assert_eq!(
                Eviction::of(webkit, false),
                Eviction::AfterSevenDaysWithoutAVisit,
                "{webkit}"
            );
            assert_eq!(
                Eviction::of(webkit, true),
                Eviction::WhenSpaceRunsShort,
                "added to the Dock"
            );
        }
        for other in [chrome, firefox] {
            assert_eq!(
                Eviction::of(other, false),
                Eviction::WhenSpaceRunsShort,
                "{other}"
            );
        }
        let seven = Eviction::AfterSevenDaysWithoutAVisit;
        assert!(seven_day_rule_to_tell(seven, Kept::WhileThereIsRoom, false));
        assert!(seven_day_rule_to_tell(seven, Kept::Unknown, false));
        assert!(
            !seven_day_rule_to_tell(seven, Kept::ForGood, false),
            "promised to keep it"
        );
        assert!(
            !seven_day_rule_to_tell(seven, Kept::Unknown, true),
            "told once"
        );
        assert!(!seven_day_rule_to_tell(
            Eviction::WhenSpaceRunsShort,
            Kept::Unknown,
            false
        ));

        let start = 1_000 * DAY;
        let due = |now, eviction| {
            export_reminder_due(
                now,
                Kept::WhileThereIsRoom,
                eviction,
                true,
                Some(start),
                None,
                None,
            )
        };
        assert!(due(start + 5 * DAY, seven), "five days in Safari");
        assert!(!due(start + 4 * DAY, seven));
        assert!(
            !due(start + 5 * DAY, Eviction::WhenSpaceRunsShort),
            "thirty elsewhere"
        );
    }
}
