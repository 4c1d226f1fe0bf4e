//! Permalinks: the URL fragment that names a paragraph (`#p8`) or a run of them (`#p8-10`), how a
//! fragment a person typed, pasted or mangled is read, and what it points at in a report.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use crate::report::{Paragraph, Report};

/// What a fragment points at, once read against a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// No fragment: the top of the report.
    Top,
    /// Elements to mark, in order; the first is the one to bring into view. `note` says what part
    /// of a range is missing, if any is.
    Found {
        ids: Vec<String>,
        note: Option<String>,
    },
    /// Nothing in the report answers to the fragment; the message says so in plain words.
    NotFound { message: String },
}

/// Reads the fragment (with or without its `#`) of the page's address against a report.
pub fn resolve(report: &Report, fragment: &str) -> Resolution {
    let decoded = decode(fragment);
    // A text directive (`:~:text=`) belongs to the browser, not to the paragraph id.
    let name = decoded.split(":~:").next().unwrap_or_default().trim();
    if name.is_empty() {
        return Resolution::Top;
    }
    if report.describe(name).is_some() {
        return Resolution::Found {
            ids: vec![name.to_string()],
            note: None,
        };
    }
    let numbered: Vec<(u32, String)> = report.numbered().map(|(n, p)| (n, p.id.clone())).collect();
    let range = match paragraph_numbers(name) {
        Some(range) => range,
        None => {
            return not_found(format!(
                "“#{}” does not point to a paragraph of this report.",
                shorten(name)
            ))
        }
    };
    let (from, to) = range;
    let mut ids: Vec<String> = numbered
        .iter()
        .filter(|(n, _)| (from..=to).contains(n))
        .map(|(_, id)| id.clone())
        .collect();
    // A number the body does not have may be an annex's own ("#p3" of a letter whose text is
    // all in its annex): the first part that has it.
    let mut in_part = None;
    if ids.is_empty() {
        for part in report.parts() {
            let found: Vec<&Paragraph> = report
                .numbered_in(&part)
                .filter(|(n, _)| (from..=to).contains(n))
                .map(|(_, p)| p)
                .collect();
            if let Some(first) = found.first() {
                in_part = first.name.split(", paragraph").next().map(str::to_string);
                ids = found.iter().map(|p| p.id.clone()).collect();
                break;
            }
        }
    }
    let span = |a: u32, b: u32| {
        if a == b {
            format!("paragraph {a}")
        } else {
            format!("paragraphs {a}–{b}")
        }
    };
    let extent = match (numbered.first(), numbered.last()) {
        (Some((first, _)), Some((last, _))) => {
            format!("its numbered paragraphs run from {first} to {last}")
        }
        _ => "it has no numbered paragraphs".to_string(),
    };
    if ids.is_empty() {
        return not_found(format!("This report has no {}: {extent}.", span(from, to)));
    }
    let missing = (to - from + 1) as usize != ids.len();
    let note = match &in_part {
        Some(part) => Some(format!(
            "The body of this report has no {}: this is {part}’s.",
            span(from, to)
        )),
        None => missing.then(|| {
            format!(
                "Not all of {} are in this report: {extent}.",
                span(from, to)
            )
        }),
    };
    Resolution::Found { ids, note }
}

fn not_found(message: String) -> Resolution {
    Resolution::NotFound { message }
}

/// Reads "8", "p8", "para-8", "paragraph8" as one paragraph and "p8-10", "8–10", "p8-p10" as a
/// range, in either order.
fn paragraph_numbers(name: &str) -> Option<(u32, u32)> {
    // Every prefix read is ASCII.
    let lower = name.to_ascii_lowercase();
    let strip_prefix = |s: &str| -> String {
        let s = s.trim();
        let s = ["paragraphs", "paragraph", "paras", "para", "§", "p"]
            .iter()
            .find_map(|p| s.strip_prefix(p))
            .unwrap_or(s);
        s.trim_start_matches(['-', '.', '_', ' ']).to_string()
    };
    let number = |s: &str| -> Option<u32> {
        let s = strip_prefix(s);
        (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let body = strip_prefix(&lower);
    match body.split_once(['-', '–', '—']) {
        Some((a, b)) => {
            let (a, b) = (number(a)?, number(b)?);
            Some((a.min(b), a.max(b)))
        }
        None => number(&body).map(|n| (n, n)),
    }
}

fn decode(fragment: &str) -> String {
    let raw = fragment.strip_prefix('#').unwrap_or(fragment);
    percent_decode_str(raw).decode_utf8_lossy().into_owned()
}

/// A fragment as it may be shown back to a reader: printable and short.
fn shorten(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    crate::annotations::clipped(&clean, 40)
}

/// Whether what the fragment points at is in this report, or this part of one: the top, or an
/// element in it. A part that does not hold it is not worth showing first (the reader would see
/// the wrong place, then be moved).
pub fn lands_within(report: &Report, fragment: &str) -> bool {
    matches!(
        resolve(report, fragment),
        Resolution::Top | Resolution::Found { .. }
    )
}

/// Characters that must be escaped in a fragment so a link survives email and chat clients.
const FRAGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'#')
    .add(b'%');

/// The absolute link to an element: the page's address with its fragment replaced by the id.
/// How a reader names a paragraph from its id alone, where the report that had it is not at hand
/// (the version a note was made on): "paragraph 8", "paragraph 8 a i"; any other id quoted.
pub fn name_of_id(id: &str) -> String {
    match id.strip_prefix('p') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => {
            format!("paragraph {}", rest.replace('-', " "))
        }
        _ => format!("“{id}”"),
    }
}

/// The page's address with another fragment: `…/?report=r-1#share=…`, `…#p8:~:text=…`.
pub fn with_fragment(page_url: &str, fragment: &str) -> String {
    format!(
        "{}#{fragment}",
        permalink(page_url, "").trim_end_matches('#')
    )
}

pub fn permalink(page_url: &str, id: &str) -> String {
    let base = page_url.split('#').next().unwrap_or(page_url);
    format!("{base}#{}", utf8_percent_encode(id, FRAGMENT))
}

/// What the page's query string asks for: `?report=<id>` (optionally `&version=<n>`), or
/// `?library`. Nothing means the default report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub report: Option<String>,
    pub version: Option<usize>,
    pub library: bool,
    /// The notebook: every highlight and note (of `report` alone, where it names one).
    pub notebook: bool,
    /// Something was shared to the reader from another app (`?shared`, where the offline
    /// worker sends the manifest's share target): it is to be opened.
    pub shared: bool,
}

impl Route {
    pub fn from_query(query: &str) -> Route {
        let mut route = Route::default();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode_str(&value.replace('+', " "))
                .decode_utf8_lossy()
                .trim()
                .to_string();
            match key {
                "report" if !value.is_empty() => route.report = Some(value),
                "version" => route.version = value.parse().ok().filter(|&v| v > 0),
                "library" => route.library = true,
                "notebook" => route.notebook = true,
                "shared" => route.shared = true,
                _ => {}
            }
        }
        route
    }

    /// The query string of the notebook, of one report's notes where it names one.
    pub fn notebook_for(report: Option<&str>) -> String {
        match report {
            Some(id) => format!("?notebook&report={}", utf8_percent_encode(id, FRAGMENT)),
            None => "?notebook".to_string(),
        }
    }

    /// A report's address within the app: `./` for the bundled default report (the app's own
    /// page), `?report=<id>` for any other.
    pub fn address_of(report: &str) -> String {
        if report == crate::report::DEFAULT_REPORT_ID {
            "./".to_string()
        } else {
            Route::query_for(Some(report), None)
        }
    }

    /// The query string for a report (empty for the default one).
    pub fn query_for(report: Option<&str>, version: Option<usize>) -> String {
        let mut query = String::new();
        if let Some(id) = report {
            query = format!("?report={}", utf8_percent_encode(id, FRAGMENT));
            if let Some(v) = version {
                query.push_str(&format!("&version={v}"));
            }
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse;

    fn report() -> Report {
        parse("1. One.\n2. Two.\n3. Three:\n(a) first;\n(b) second.\n4. Four.\n")
    }

    fn found(ids: &[&str]) -> Resolution {
        Resolution::Found {
            ids: ids.iter().map(|s| s.to_string()).collect(),
            note: None,
        }
    }

    #[test]
    fn the_default_report_is_the_apps_own_page_and_any_other_is_named_by_id() {
        assert_eq!(Route::address_of(crate::report::DEFAULT_REPORT_ID), "./");
        assert_eq!(Route::address_of("r-1"), "?report=r-1");
    }

    #[test]
    fn the_notebook_has_an_address_of_its_own_and_of_one_reports_notes() {
        let all = Route::from_query(&Route::notebook_for(None));
        assert!(all.notebook && all.report.is_none() && !all.library);
        let one = Route::from_query(&Route::notebook_for(Some("r-1 2")));
        assert!(one.notebook);
        assert_eq!(one.report.as_deref(), Some("r-1 2"));
    }

    #[test]
    fn a_paragraph_id_resolves_to_itself() {
        assert_eq!(resolve(&report(), "#p2"), found(&["p2"]));
        assert_eq!(resolve(&report(), "p3-b"), found(&["p3-b"]));
    }

    #[test]
    fn a_part_of_a_report_holds_the_top_and_what_is_in_it() {
        let part = parse("1. One.\n2. Two.\n");
        for fragment in ["", "#p1", "p2", "#p2:~:text=Two", "#p2-4"] {
            assert!(lands_within(&part, fragment), "{fragment}");
        }
        for fragment in ["#p3", "#p3-b", "#p40", "#nowhere"] {
            assert!(!lands_within(&part, fragment), "{fragment}");
        }
    }

    #[test]
    fn the_empty_fragment_is_the_top() {
        assert_eq!(resolve(&report(), ""), Resolution::Top);
        assert_eq!(resolve(&report(), "#"), Resolution::Top);
    }

    #[test]
    fn ways_people_write_a_paragraph_number_all_work() {
        for fragment in [
            "#8",
            "#P8",
            "#para-8",
            "#paragraph8",
            "#%70%38",
            "#p8:~:text=foo",
        ] {
            let report = parse(
                &(1..=9)
                    .map(|n| format!("{n}. Text {n}.\n"))
                    .collect::<String>(),
            );
            assert_eq!(resolve(&report, fragment), found(&["p8"]), "{fragment}");
        }
    }

    #[test]
    fn ranges_mark_every_paragraph_in_them_in_either_order() {
        assert_eq!(resolve(&report(), "#p2-4"), found(&["p2", "p3", "p4"]));
        assert_eq!(resolve(&report(), "#p4-p2"), found(&["p2", "p3", "p4"]));
        assert_eq!(resolve(&report(), "#2%E2%80%933"), found(&["p2", "p3"]));
    }

    #[test]
    fn a_range_running_past_the_end_marks_what_exists_and_says_so() {
        let Resolution::Found { ids, note } = resolve(&report(), "#p3-9") else {
            panic!()
        };
        assert_eq!(ids, ["p3", "p4"]);
        assert_eq!(note.unwrap(), "Not all of paragraphs 3–9 are in this report: its numbered paragraphs run from 1 to 4.");
    }

    #[test]
    fn unknown_and_hostile_fragments_get_a_plain_message() {
        let message = |f: &str| match resolve(&report(), f) {
            Resolution::NotFound { message } => message,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            message("#p99"),
            "This report has no paragraph 99: its numbered paragraphs run from 1 to 4."
        );
        assert_eq!(
            message("#nowhere"),
            "“#nowhere” does not point to a paragraph of this report."
        );
        assert!(message("#%3Cscript%3Ealert(1)%3C/script%3E").contains("<script>"));
        assert!(message(&format!("#{}", "x".repeat(5000))).chars().count() < 120);
        assert!(matches!(
            resolve(&report(), "#%FF%FE"),
            Resolution::NotFound { .. }
        ));
        assert!(matches!(
            resolve(&report(), "#p99999999999999"),
            Resolution::NotFound { .. }
        ));
    }

    #[test]
    fn a_page_address_takes_another_fragment() {
        assert_eq!(
            with_fragment("https://example.org/viewer/?report=r-1#p8", "share=abc"),
            "https://example.org/viewer/?report=r-1#share=abc"
        );
        assert_eq!(
            with_fragment("https://example.org/", "p8:~:text=word"),
            "https://example.org/#p8:~:text=word"
        );
    }

    #[test]
    fn an_id_is_named_without_its_report() {
        assert_eq!(name_of_id("p8"), "paragraph 8");
        assert_eq!(name_of_id("p8-a-i"), "paragraph 8 a i");
        assert_eq!(name_of_id("h-introduction"), "“h-introduction”");
    }

    #[test]
    fn routes_are_read_from_the_query() {
        assert_eq!(Route::from_query(""), Route::default());
        assert_eq!(
            Route::from_query("?report=r-abc&version=2"),
            Route {
                report: Some("r-abc".into()),
                version: Some(2),
                ..Route::default()
            }
        );
        assert_eq!(
            Route::from_query("?shared"),
            Route {
                shared: true,
                ..Route::default()
            }
        );
        assert_eq!(
            Route::from_query("?library"),
            Route {
                library: true,
                ..Route::default()
            }
        );
        assert_eq!(
            Route::from_query("?report=&version=x&other=1"),
            Route::default()
        );
        assert_eq!(
            Route::from_query("?report=a%20b"),
            Route {
                report: Some("a b".into()),
                ..Route::default()
            }
        );
        assert_eq!(
            Route::query_for(Some("r-1"), Some(3)),
            "?report=r-1&version=3"
        );
        assert_eq!(Route::query_for(None, None), "");
    }

    #[test]
    fn permalinks_replace_the_fragment_and_keep_the_path() {
        assert_eq!(
            permalink("http://h/viewer/?report=x#p2", "p8"),
            "http://h/viewer/?report=x#p8"
        );
        assert_eq!(
            permalink("http://h/", "h-économie"),
            "http://h/#h-%C3%A9conomie"
        );
    }
}
