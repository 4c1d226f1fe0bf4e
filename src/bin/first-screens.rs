//! The publishing step, run by the build on the staged `reports/` (and by anyone deploying
//! reports by hand): writes each long published report's first screen beside the manifest, in
//! `first-screens/` (see [`report_reader::publish`]).
//!
//!     cargo run --bin first-screens -- dist/reports
//!
//! The folder is made anew each time, so a report taken out of the manifest leaves no first screen
//! behind. A manifest that cannot be read, or a file it lists that is not there, stops the step
//! (and so the build) with the reason.

use std::path::Path;
use std::process::ExitCode;

use report_reader::publish::{first_screen_path, first_screens, FIRST_SCREENS_DIR};

fn publish(reports: &Path) -> Result<String, String> {
    let manifest = match std::fs::read_to_string(reports.join("manifest.json")) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok("no manifest.json, no reports published".into())
        }
        Err(e) => return Err(format!("manifest.json cannot be read: {e}")),
    };
    let files = first_screens(&manifest, |file| {
        std::fs::read(reports.join(file)).map_err(|e| e.to_string())
    })
    .map_err(|e| e.to_string())?;
    let out = reports.join(FIRST_SCREENS_DIR);
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("{} cannot be emptied: {e}", out.display()))?;
    }
    if !files.is_empty() {
        std::fs::create_dir_all(&out)
            .map_err(|e| format!("{} cannot be made: {e}", out.display()))?;
    }
    for file in &files {
        let path = reports.join(first_screen_path(&file.id));
        std::fs::write(&path, &file.html)
            .map_err(|e| format!("{} cannot be written: {e}", path.display()))?;
    }
    Ok(format!(
        "{} first screen(s) in {}",
        files.len(),
        out.display()
    ))
}

fn main() -> ExitCode {
    let Some(reports) = std::env::args_os().nth(1) else {
        eprintln!("usage: first-screens REPORTS_DIR (the folder holding manifest.json)");
        return ExitCode::from(2);
    };
    match publish(Path::new(&reports)) {
        Ok(summary) => {
            println!("first-screens: {summary}");
            ExitCode::SUCCESS
        }
        Err(reason) => {
            eprintln!("first-screens: {reason}");
            ExitCode::FAILURE
        }
    }
}
