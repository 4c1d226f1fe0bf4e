//! The publishing step for reports deployed beside the app (`reports/manifest.json`): what it
//! makes of them, as plain Rust; the `first-screens` program does the reading and writing, and
//! the build runs it on the staged `reports/` (see `scripts/finish-build.mjs`).
//!
//! It makes each report's first screen, as a file of its own, `first-screens/<id>.html` beside the
//! manifest: for a long report the markup the app itself paints first ([`first_screen`]), for a
//! short one the whole report, both set out by [`report_html`]. The page's pre-paint script
//! fetches it for a `?report=<id>` link and shows it before the app has even started, so a
//! published report is on screen as soon as a static page of it would be; the app then takes that
//! markup over as its own first screen and replaces it, element for element, once it has parsed
//! the whole.

use crate::library::Manifest;
use crate::report::html::{first_screen, report_html};
use crate::report::input::published_text;
use crate::report::{parse, DEFAULT_REPORT_ID};

/// The folder, beside the manifest, that holds the first screens.
pub const FIRST_SCREENS_DIR: &str = "first-screens";

/// Where a report's first screen is published, relative to the manifest.
pub fn first_screen_path(id: &str) -> String {
    format!("{FIRST_SCREENS_DIR}/{id}.html")
}

/// A first screen to publish: for the report `id`, the markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstScreenFile {
    pub id: String,
    pub html: String,
}

/// Why the publishing step stopped: the reports as deployed would not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishError {
    Manifest(String),
    Unreadable {
        id: String,
        file: String,
        reason: String,
    },
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishError::Manifest(reason) => write!(f, "manifest.json cannot be read: {reason}"),
            PublishError::Unreadable { id, file, reason } => write!(
                f,
                "report “{id}” lists the file “{file}”, which cannot be read: {reason}"
            ),
        }
    }
}

/// The first screens of the reports a manifest lists, each read with `read` (by its path relative
/// to the manifest).
pub fn first_screens(
    manifest: &str,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Vec<FirstScreenFile>, PublishError> {
    let manifest = Manifest::parse(manifest).map_err(PublishError::Manifest)?;
    let mut files = Vec::new();
    // The page itself carries the default report's (`web/default-report.html`).
    for report in manifest
        .reports
        .iter()
        .filter(|r| r.id != DEFAULT_REPORT_ID)
    {
        let bytes = read(&report.file).map_err(|reason| PublishError::Unreadable {
            id: report.id.clone(),
            file: report.file.clone(),
            reason,
        })?;
        let text = published_text(bytes);
        // A short report is parsed whole at once: all of it is its first screen.
        let shown = first_screen(&text).unwrap_or_else(|| parse(&text));
        files.push(FirstScreenFile {
            id: report.id.clone(),
            html: report_html(&shown),
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::html::FIRST_SCREEN_FROM;

    fn long_report() -> String {
        let mut text = String::from("A/LONG/1\n\nReport of a Long Session\n\n");
        let mut n = 0;
        while text.len() < FIRST_SCREEN_FROM + 1000 {
            n += 1;
            text.push_str(&format!("{n}. The council recalls resolution {n} and reaffirms its commitment to the unity of member states.\n\n"));
        }
        text
    }

    fn reader(files: Vec<(&'static str, Vec<u8>)>) -> impl Fn(&str) -> Result<Vec<u8>, String> {
        move |path| {
            files
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, b)| b.clone())
                .ok_or_else(|| "no such file".to_string())
        }
    }

    #[test]
    fn a_long_report_gets_the_first_screen_the_app_would_paint_and_a_short_one_all_of_it() {
        let manifest = r#"{ "reports": [ { "id": "long", "file": "long.txt" }, { "id": "short", "file": "short.txt" } ] }"#;
        let long = long_report();
        let files = first_screens(
            manifest,
            reader(vec![
                ("long.txt", long.clone().into_bytes()),
                ("short.txt", b"1. One point.\n2. Another.\n".to_vec()),
            ]),
        )
        .unwrap();
        assert_eq!(
            files.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
            ["long", "short"]
        );
        assert_eq!(files[0].html, report_html(&first_screen(&long).unwrap()));
        assert!(
            files[0].html.contains("id=\"p1\"")
                && files[0].html.contains("Report of a Long Session")
        );
        let last = parse(&long).paragraphs().last().unwrap().id.clone();
        assert!(
            !files[0].html.contains(&format!("id=\"{last}\"")),
            "not the whole of a long one"
        );
        assert_eq!(
            files[1].html,
            report_html(&parse("1. One point.\n2. Another.\n"))
        );
        assert_eq!(first_screen_path("long"), "first-screens/long.html");
    }

    #[test]
    fn the_default_report_needs_none_the_page_carries_it() {
        let manifest = r#"{ "reports": [ { "id": "oic-cfm-51-cg-jk-2025", "file": "oic.txt" } ] }"#;
        assert_eq!(first_screens(manifest, reader(vec![])).unwrap(), []);
    }

    #[test]
    fn the_text_is_read_as_the_browser_reads_it() {
        let manifest = r#"{ "reports": [ { "id": "bom", "file": "bom.txt" } ] }"#;
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(long_report().into_bytes());
        let files = first_screens(manifest, reader(vec![("bom.txt", bytes)])).unwrap();
        assert_eq!(
            files[0].html,
            report_html(&first_screen(&long_report()).unwrap()),
            "the byte-order mark is not text"
        );
    }

    #[test]
    fn a_broken_manifest_or_a_missing_file_stops_the_step_with_a_reason() {
        let missing = first_screens(
            r#"{ "reports": [ { "id": "gone", "file": "gone.txt" } ] }"#,
            reader(vec![]),
        )
        .unwrap_err();
        assert_eq!(
            missing.to_string(),
            "report “gone” lists the file “gone.txt”, which cannot be read: no such file"
        );
        assert!(matches!(
            first_screens("{ not json", reader(vec![])),
            Err(PublishError::Manifest(_))
        ));
        let outside = first_screens(
            r#"{ "reports": [ { "id": "x", "file": "../secret.txt" } ] }"#,
            reader(vec![]),
        )
        .unwrap_err();
        assert!(outside.to_string().contains("not allowed"), "{outside}");
    }
}
