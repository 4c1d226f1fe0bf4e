//! The `first-screens` program on a real folder, as the build runs it on the staged `reports/`.

use std::path::PathBuf;
use std::process::Command;

use report_reader::report::html::{first_screen, report_html, FIRST_SCREEN_FROM};
use report_reader::report::parse;

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("first-screens-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn long_report() -> String {
    let mut text = String::from("A/LONG/1\n\nReport of a Long Session\n\n");
    let mut n = 0;
    while text.len() < FIRST_SCREEN_FROM * 2 {
        n += 1;
        text.push_str(&format!("{n}. The council recalls resolution {n} and reaffirms its commitment to the unity of member states.\n\n"));
    }
    text
}

fn run(dir: &PathBuf) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_first-screens"))
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn writes_the_first_screen_of_each_report_and_nothing_else() {
    let dir = folder("ok");
    std::fs::write(dir.join("manifest.json"), r#"{ "reports": [ { "id": "long-1", "file": "texts/long.txt" }, { "id": "short", "file": "short.txt" } ] }"#).unwrap();
    std::fs::create_dir_all(dir.join("texts")).unwrap();
    std::fs::write(dir.join("texts/long.txt"), long_report()).unwrap();
    std::fs::write(dir.join("short.txt"), "1. One point.\n").unwrap();
    // Left by an earlier build, for a report no longer published.
    std::fs::create_dir_all(dir.join("first-screens")).unwrap();
    std::fs::write(dir.join("first-screens/withdrawn.html"), "<p>old</p>").unwrap();

    let output = run(&dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("2 first screen(s)"));
    let written = std::fs::read_to_string(dir.join("first-screens/long-1.html")).unwrap();
    assert_eq!(written, report_html(&first_screen(&long_report()).unwrap()));
    let mut names: Vec<_> = std::fs::read_dir(dir.join("first-screens"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["long-1.html", "short.html"],
        "the withdrawn report's is gone"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("first-screens/short.html")).unwrap(),
        report_html(&parse("1. One point.\n")),
        "a short report whole"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_the_manifest_lists_but_is_not_there_fails_with_the_reason() {
    let dir = folder("missing");
    std::fs::write(
        dir.join("manifest.json"),
        r#"{ "reports": [ { "id": "gone", "file": "gone.txt" } ] }"#,
    )
    .unwrap();
    let output = run(&dir);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("report “gone” lists the file “gone.txt”, which cannot be read"),
        "{said}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_without_a_manifest_publishes_nothing() {
    let dir = folder("empty");
    let output = run(&dir);
    assert!(output.status.success());
    assert!(!dir.join("first-screens").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
