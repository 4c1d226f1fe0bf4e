//! The library's list as the reader asks for it: sorted by date, symbol, title or when last
//! opened, narrowed to an organ, a year, a language or the reports with notes, and each report's
//! addenda set under it (its versions are within its entry already).

use std::cmp::Ordering;
use std::collections::BTreeSet;

use super::entry::Entry;
use super::symbols::{addendum_parent, report_symbol};
use crate::library_search::year_of;

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    LastOpened,
    Date,
    Symbol,
    Title,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [
        SortBy::LastOpened,
        SortBy::Date,
        SortBy::Symbol,
        SortBy::Title,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SortBy::LastOpened => "opened",
            SortBy::Date => "date",
            SortBy::Symbol => "symbol",
            SortBy::Title => "title",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::LastOpened => "last opened",
            SortBy::Date => "date, newest first",
            SortBy::Symbol => "symbol",
            SortBy::Title => "title",
        }
    }

    pub fn from_key(key: &str) -> SortBy {
        SortBy::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or_default()
    }
}

/// What the reader asked the list to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    pub sort: SortBy,
    pub organ: Option<String>,
    pub year: Option<i32>,
    pub language: Option<String>,
    pub with_notes: bool,
}

/// What the list needs to know of a report beyond its entry.
pub struct Known<'a> {
    pub entry: &'a Entry,
    pub notes: usize,
    /// Its language (BCP 47), once the library's index has read it.
    pub language: Option<&'a str>,
}

/// A line of the list: a report, and its addenda under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub report: String,
    pub addenda: Vec<String>,
}

/// The body that issued a symbol: its segments before the first that is a number or a year
/// ("A/HRC/55/23" → "A/HRC", "S/2026/100" → "S", "E/CN.4/2005/L.10" → "E/CN.4").
pub fn organ_of(symbol: &str) -> Option<String> {
    let segments: Vec<&str> = symbol
        .split('/')
        .map(str::trim)
        .take_while(|s| !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    (!segments.is_empty() && segments.len() < symbol.split('/').count())
        .then(|| segments.join("/").to_uppercase())
}

fn compare(sort: SortBy, a: &Entry, b: &Entry) -> Ordering {
    let name = |e: &Entry| e.display_name().to_lowercase();
    match sort {
        SortBy::LastOpened => b.last_opened.cmp(&a.last_opened),
        SortBy::Date => {
            let key = |e: &Entry| e.date.as_deref().and_then(date_key);
            // Undated reports last.
            match (key(a), key(b)) {
                (Some(x), Some(y)) => y.cmp(&x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        SortBy::Symbol => match (&a.symbol, &b.symbol) {
            (Some(x), Some(y)) => natural(x, y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortBy::Title => name(a).cmp(&name(b)),
    }
    .then_with(|| name(a).cmp(&name(b)))
    .then_with(|| a.id.cmp(&b.id))
}

const MONTH_NAMES: [[&str; 4]; 12] = [
    ["jan", "janv", "ene", "янв"],
    ["feb", "févr", "feb", "фев"],
    ["mar", "mars", "mar", "мар"],
    ["apr", "avr", "abr", "апр"],
    ["may", "mai", "may", "мая"],
    ["jun", "juin", "jun", "июн"],
    ["jul", "juil", "jul", "июл"],
    ["aug", "août", "ago", "авг"],
    ["sep", "sept", "set", "сен"],
    ["oct", "oct", "oct", "окт"],
    ["nov", "nov", "nov", "ноя"],
    ["dec", "déc", "dic", "дек"],
];

/// A report's date as (year, month, day) to sort by, from the forms its title block writes
/// ("12 May 2026", "9 juillet 2025", "3 de abril de 2025", "2026-05-12", "12.3.2025",
/// "2025年7月9日"); a month or day it cannot read counts as 0, so the year still sorts.
pub fn date_key(date: &str) -> Option<(u32, u32, u32)> {
    let numbers: Vec<u32> = date
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let year = *numbers.iter().find(|&&n| (1900..=2200).contains(&n))?;
    let words: Vec<String> = date
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect();
    let named = words.iter().find_map(|w| {
        MONTH_NAMES
            .iter()
            .position(|names| names.iter().any(|n| w.starts_with(n)))
            .map(|m| m as u32 + 1)
    });
    let others: Vec<u32> = numbers.iter().copied().filter(|&n| n != year).collect();
    let (month, day) = match (named, others.as_slice()) {
        (Some(m), [d, ..]) => (m, *d),
        (Some(m), []) => (m, 0),
        // ISO and Chinese dates put the year first, the month then the day.
        (None, [m, d]) if numbers.first() == Some(&year) => (*m, *d),
        // "12.3.2025": the day, then the month.
        (None, [d, m]) => (*m, *d),
        _ => (0, 0),
    };
    Some((year, month.min(12), day.min(31)))
}

/// Symbols compared with their numbers as numbers ("A/HRC/55/9" before "A/HRC/55/23").
fn natural(a: &str, b: &str) -> Ordering {
    fn pieces(s: &str) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        let mut number = String::new();
        let mut text = String::new();
        for c in s.to_uppercase().chars() {
            if c.is_ascii_digit() {
                if !text.is_empty() {
                    out.push((0, std::mem::take(&mut text)));
                }
                number.push(c);
            } else {
                if !number.is_empty() {
                    out.push((number.parse().unwrap_or(u64::MAX), String::new()));
                    number.clear();
                }
                text.push(c);
            }
        }
        if !number.is_empty() {
            out.push((number.parse().unwrap_or(u64::MAX), String::new()));
        }
        if !text.is_empty() {
            out.push((0, text));
        }
        out
    }
    pieces(a).cmp(&pieces(b))
}

impl Listing {
    fn takes(&self, known: &Known) -> bool {
        let entry = known.entry;
        self.organ
            .as_ref()
            .is_none_or(|organ| entry.symbol.as_deref().and_then(organ_of).as_ref() == Some(organ))
            && self
                .year
                .is_none_or(|y| year_of(entry.date.as_deref(), entry.symbol.as_deref()) == Some(y))
            && self
                .language
                .as_ref()
                .is_none_or(|l| known.language == Some(l.as_str()))
            && (!self.with_notes || known.notes > 0)
    }

    /// The rows of the list. An addendum whose report is listed is set under it; one whose
    /// report is narrowed away, or not in the library, is a row of its own.
    pub fn rows(&self, reports: &[Known]) -> Vec<Row> {
        let mut shown: Vec<&Known> = reports.iter().filter(|k| self.takes(k)).collect();
        shown.sort_by(|a, b| compare(self.sort, a.entry, b.entry));
        let parent_of = |k: &Known| -> Option<String> {
            let parent = addendum_parent(k.entry.symbol.as_deref()?)?;
            shown
                .iter()
                .find(|p| {
                    p.entry.id != k.entry.id
                        && p.entry
                            .symbol
                            .as_deref()
                            .is_some_and(|s| report_symbol(s) == parent)
                })
                .map(|p| p.entry.id.clone())
        };
        let parents: Vec<Option<String>> = shown.iter().map(|k| parent_of(k)).collect();
        let mut rows: Vec<Row> = Vec::new();
        for (k, parent) in shown.iter().zip(&parents) {
            if parent.is_none() {
                rows.push(Row {
                    report: k.entry.id.clone(),
                    addenda: Vec::new(),
                });
            }
        }
        for (k, parent) in shown.iter().zip(&parents) {
            if let Some(parent) = parent {
                if let Some(row) = rows.iter_mut().find(|r| &r.report == parent) {
                    row.addenda.push(k.entry.id.clone());
                }
            }
        }
        rows
    }
}

/// The reports of a library by the key of their symbol ([`crate::citations::plain_key`]), each
/// with its address: where a citation of it in another report's text leads.
pub fn documents_by_symbol(
    library: &super::index::Library,
) -> std::collections::HashMap<String, String> {
    library
        .entries()
        .into_iter()
        .filter_map(|e| {
            Some((
                crate::citations::plain_key(e.symbol.as_deref()?),
                crate::permalink::Route::address_of(&e.id),
            ))
        })
        .collect()
}

/// The organs, years and languages of the reports: the choices of the list's filters.
pub fn choices(reports: &[Known]) -> (Vec<String>, Vec<i32>, Vec<String>) {
    let mut organs = BTreeSet::new();
    let mut years = BTreeSet::new();
    let mut languages = BTreeSet::new();
    for k in reports {
        organs.extend(k.entry.symbol.as_deref().and_then(organ_of));
        years.extend(year_of(k.entry.date.as_deref(), k.entry.symbol.as_deref()));
        languages.extend(k.language.map(str::to_string));
    }
    (
        organs.into_iter().collect(),
        years.into_iter().rev().collect(),
        languages.into_iter().collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Entry, Source};

    fn entry(
        id: &str,
        symbol: Option<&str>,
        title: &str,
        date: Option<&str>,
        opened: i64,
    ) -> Entry {
        Entry {
            id: id.into(),
            source: Source::Opened,
            symbol: symbol.map(str::to_string),
            title: title.into(),
            date: date.map(str::to_string),
            name: None,
            versions: Vec::new(),
            last_opened: opened,
            modified: 0,
            removed: false,
            joined: Vec::new(),
            separated: Vec::new(),
        }
    }

    fn library() -> Vec<Entry> {
        vec![
            entry(
                "hrc-23",
                Some("A/HRC/55/23"),
                "Arbitrary detention",
                Some("12 May 2024"),
                3,
            ),
            entry(
                "hrc-9",
                Some("A/HRC/55/9"),
                "Business and rights",
                Some("2024-02-01"),
                1,
            ),
            entry(
                "hrc-23-add",
                Some("A/HRC/55/23/Add.1"),
                "Visit to a State",
                Some("9 juillet 2024"),
                5,
            ),
            entry(
                "s-100",
                Some("S/2026/100"),
                "Letter on health",
                Some("3 de abril de 2026"),
                2,
            ),
            entry("notes", None, "my notes", None, 4),
        ]
    }

    fn ids(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                if r.addenda.is_empty() {
                    r.report.clone()
                } else {
                    format!("{} [{}]", r.report, r.addenda.join(", "))
                }
            })
            .collect()
    }

    fn known(entries: &[Entry]) -> Vec<Known<'_>> {
        entries
            .iter()
            .map(|e| Known {
                entry: e,
                notes: usize::from(e.id == "s-100"),
                language: Some(if e.id == "s-100" { "fr" } else { "en" }),
            })
            .collect()
    }

    #[test]
    fn the_list_sorts_four_ways_with_addenda_under_their_report() {
        let entries = library();
        let reports = known(&entries);
        let rows = |sort| {
            Listing {
                sort,
                ..Listing::default()
            }
            .rows(&reports)
        };
        assert_eq!(
            ids(&rows(SortBy::LastOpened)),
            ["notes", "hrc-23 [hrc-23-add]", "s-100", "hrc-9"]
        );
        assert_eq!(
            ids(&rows(SortBy::Date)),
            ["s-100", "hrc-23 [hrc-23-add]", "hrc-9", "notes"]
        );
        assert_eq!(
            ids(&rows(SortBy::Symbol)),
            ["hrc-9", "hrc-23 [hrc-23-add]", "s-100", "notes"]
        );
        assert_eq!(
            ids(&rows(SortBy::Title)),
            ["hrc-23 [hrc-23-add]", "hrc-9", "s-100", "notes"]
        );
    }

    #[test]
    fn filters_narrow_by_organ_year_language_and_notes() {
        let entries = library();
        let reports = known(&entries);
        let organ = Listing {
            organ: Some("A/HRC".into()),
            ..Listing::default()
        };
        assert_eq!(ids(&organ.rows(&reports)), ["hrc-23 [hrc-23-add]", "hrc-9"]);
        let year = Listing {
            year: Some(2026),
            ..Listing::default()
        };
        assert_eq!(ids(&year.rows(&reports)), ["s-100"]);
        let french = Listing {
            language: Some("fr".into()),
            ..Listing::default()
        };
        assert_eq!(ids(&french.rows(&reports)), ["s-100"]);
        let noted = Listing {
            with_notes: true,
            ..Listing::default()
        };
        assert_eq!(ids(&noted.rows(&reports)), ["s-100"]);
        // An addendum whose report is narrowed away stands on its own.
        let entries = vec![entry("add", Some("A/HRC/55/23/Add.1"), "Visit", None, 1)];
        assert_eq!(ids(&Listing::default().rows(&known(&entries))), ["add"]);
        let (organs, years, languages) = choices(&reports);
        assert_eq!(organs, ["A/HRC", "S"]);
        assert_eq!(years, [2026, 2024]);
        assert_eq!(languages, ["en", "fr"]);
    }

    #[test]
    fn organs_and_dates_are_read_from_their_usual_forms() {
        assert_eq!(
            organ_of("E/CN.4/2005/L.10/Add.17").as_deref(),
            Some("E/CN.4")
        );
        assert_eq!(organ_of("S/RES/2720 (2023)").as_deref(), Some("S/RES"));
        assert_eq!(organ_of("OIC"), None);
        assert_eq!(date_key("12 May 2026"), Some((2026, 5, 12)));
        assert_eq!(date_key("2025年7月9日"), Some((2025, 7, 9)));
        assert_eq!(date_key("12.3.2025"), Some((2025, 3, 12)));
        assert_eq!(date_key("12 июня 2025 года"), Some((2025, 6, 12)));
        assert_eq!(date_key("Istanbul, 22 June 2025"), Some((2025, 6, 22)));
        assert_eq!(date_key("undated"), None);
    }
}
