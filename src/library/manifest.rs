//! The manifest of reports published beside the app (`reports/manifest.json`).

use serde::Deserialize;

/// A publisher's list of the reports deployed beside the app, `reports/manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Manifest {
    pub reports: Vec<ManifestReport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ManifestReport {
    pub id: String,
    /// Path of the report's text, relative to the manifest.
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub symbol: Option<String>,
}

impl Manifest {
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let manifest: Manifest = serde_json::from_str(text).map_err(|e| e.to_string())?;
        // `r-<16 hex digits>` names a report a reader opened themselves (`Library::open_text`).
        let readers_own = |id: &str| {
            id.strip_prefix("r-")
                .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        let valid_id = |id: &str| {
            !id.is_empty()
                && id.len() <= 100
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                && !readers_own(id)
        };
        let valid_file = |f: &str| {
            !f.is_empty() && !f.contains("..") && !f.starts_with('/') && !f.contains("://")
        };
        match manifest
            .reports
            .iter()
            .find(|r| !valid_id(&r.id) || !valid_file(&r.file))
        {
            Some(bad) => Err(format!(
                "report “{}” has an id or file path that is not allowed",
                bad.id
            )),
            None => Ok(manifest),
        }
    }

    pub fn find(&self, id: &str) -> Option<&ManifestReport> {
        self.reports.iter().find(|r| r.id == id)
    }
}
