//! Settings (colours' meanings), the theme, and the dates the reminder to export notes reads.

use gloo_storage::{LocalStorage, Storage};

use crate::annotations::codec::{self, Settings};
use crate::annotations::Millis;

use super::raw::*;

pub fn load_settings(now: Millis) -> Load<Settings> {
    load(
        SETTINGS_KEY,
        now,
        |text| codec::decode_settings(text).map(|s| (s, 1)),
        1,
    )
}

pub fn save_settings(settings: &Settings) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(SETTINGS_KEY, settings).map_err(from_storage_error)
}

/// The settings another tab just stored, if the event is about them.
pub fn settings_changed_elsewhere(event: &web_sys::StorageEvent) -> Option<Settings> {
    if event.key()? != SETTINGS_KEY {
        return None;
    }
    codec::decode_settings(&event.new_value()?).ok()
}

pub const THEME_KEY: &str = "report-reader:theme";

/// The colour theme the reader chose; like the system when none was, or when what is stored is
/// not a theme (it is then left as it is until the reader chooses again).
pub fn load_theme() -> crate::theme::Theme {
    available()
        .then(|| LocalStorage::raw().get_item(THEME_KEY).ok().flatten())
        .flatten()
        .and_then(|key| crate::theme::Theme::from_key(&key))
        .unwrap_or_default()
}

pub fn save_theme(theme: crate::theme::Theme) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(THEME_KEY, theme.key())
        .map_err(|_| SaveError::Full)
}

/// The theme another tab just chose, if the event is about it.
pub fn theme_changed_elsewhere(event: &web_sys::StorageEvent) -> Option<crate::theme::Theme> {
    if event.key()? != THEME_KEY {
        return None;
    }
    crate::theme::Theme::from_key(&event.new_value()?)
}

pub(super) const LAST_EXPORT_KEY: &str = "report-reader:last-export";

pub(super) const REMINDER_DISMISSED_KEY: &str = "report-reader:export-reminder-dismissed";

/// Notes that the reader exported their notes just now (for the reminder to export them).
pub fn remember_export(now: Millis) {
    if available() {
        let _ = LocalStorage::raw().set_item(LAST_EXPORT_KEY, &now.to_string());
    }
}

/// When the reader last exported their notes, if ever in this browser.
pub fn last_export() -> Option<Millis> {
    read_millis(LAST_EXPORT_KEY)
}

/// Notes that the reader dismissed the reminder to export their notes.
pub fn dismiss_export_reminder(now: Millis) {
    if available() {
        let _ = LocalStorage::raw().set_item(REMINDER_DISMISSED_KEY, &now.to_string());
    }
}

/// When the reader dismissed the reminder to export their notes, if they did.
pub fn export_reminder_dismissed() -> Option<Millis> {
    read_millis(REMINDER_DISMISSED_KEY)
}

pub(super) const FIRST_KEPT_KEY: &str = "report-reader:first-kept";

/// Notes when the reader first kept something of their own here (a note, a report opened),
/// if that is not known yet.
pub fn remember_first_kept(now: Millis) {
    if available() && read_millis(FIRST_KEPT_KEY).is_none() {
        let _ = LocalStorage::raw().set_item(FIRST_KEPT_KEY, &now.to_string());
    }
}

/// When the reader first kept something of their own here.
pub fn first_kept() -> Option<Millis> {
    read_millis(FIRST_KEPT_KEY)
}

pub(super) const SEVEN_DAY_RULE_TOLD_KEY: &str = "report-reader:seven-day-rule-told";

/// Remembers that the reader has been told of Safari's seven-day rule.
pub fn remember_seven_day_rule_told(now: Millis) {
    if available() {
        let _ = LocalStorage::raw().set_item(SEVEN_DAY_RULE_TOLD_KEY, &now.to_string());
    }
}

/// Whether the reader has been told of Safari's seven-day rule.
pub fn seven_day_rule_told() -> bool {
    read_millis(SEVEN_DAY_RULE_TOLD_KEY).is_some()
}
