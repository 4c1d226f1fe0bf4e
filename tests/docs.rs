//! The README and the manual in `docs/` hold together: every relative link in them leads to a
//! file of the repository, and a link to a heading (`tests.md#how-long-it-takes`) to a heading
//! that file has. The front door stays short enough to read in five minutes.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The README and every Markdown file of `docs/`.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("a docs/ folder")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// The targets of a Markdown text's links (`[text](target)`, `![alt](target)`), outside code.
fn link_targets(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        // Inline code is no link: "`[a](b)`".
        let outside_code: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect::<Vec<_>>()
            .join(" ");
        let mut rest = outside_code.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            targets.push(after[..end].trim().to_string());
            rest = &after[end..];
        }
    }
    targets
}

/// A heading's anchor as GitHub and most Markdown renderers make it: lower case, spaces to
/// dashes, punctuation other than dashes and underscores dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(text: &str) -> Vec<String> {
    let mut in_fence = false;
    text.lines()
        .filter(|line| {
            if line.trim_start().starts_with("```") {
                in_fence = !in_fence;
            }
            !in_fence
        })
        .filter_map(|line| line.strip_prefix('#'))
        .map(|line| anchor(line.trim_start_matches('#')))
        .collect()
}

/// What is wrong with one relative link from `page`, if anything.
fn broken(page: &Path, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("mailto:") {
        return None;
    }
    let (file, fragment) = match target.split_once('#') {
        Some((file, fragment)) => (file, Some(fragment)),
        None => (target, None),
    };
    let path = if file.is_empty() {
        page.to_path_buf()
    } else {
        page.parent().unwrap().join(file)
    };
    if !path.exists() {
        return Some(format!("{target}: no such file"));
    }
    let fragment = fragment.filter(|f| !f.is_empty())?;
    let text = std::fs::read_to_string(&path).ok()?;
    (path.extension().is_some_and(|e| e == "md") && !anchors(&text).iter().any(|a| a == fragment))
        .then(|| format!("{target}: no heading with that anchor"))
}

#[test]
fn every_relative_link_of_the_readme_and_the_manual_leads_somewhere() {
    let mut problems = Vec::new();
    let mut links = 0;
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for target in link_targets(&text) {
            links += 1;
            if let Some(problem) = broken(&page, &target) {
                let name = page.strip_prefix(root()).unwrap().display().to_string();
                problems.push(format!("{name}: {problem}"));
            }
        }
    }
    assert!(links >= 10, "the README links into the manual: {links}");
    assert!(
        problems.is_empty(),
        "{} broken links:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_link_checker_finds_what_a_broken_link_looks_like() {
    let page = root().join("README.md");
    assert_eq!(
        link_targets(
            "See [tests](docs/tests.md#how-long-it-takes), `[not](a-link)`, ![pic](x.png)."
        ),
        ["docs/tests.md#how-long-it-takes", "x.png"]
    );
    assert!(broken(&page, "docs/tests.md#how-long-it-takes").is_none());
    assert!(broken(&page, "docs/no-such-page.md").is_some());
    assert!(broken(&page, "docs/tests.md#no-such-heading").is_some());
    assert!(broken(&page, "https://example.org/anything").is_none());
    assert_eq!(
        anchor("The first load and the parts fetched on first use"),
        "the-first-load-and-the-parts-fetched-on-first-use"
    );
    assert_eq!(
        anchor("Links, ids and citations"),
        "links-ids-and-citations"
    );
}

#[test]
fn the_readme_is_a_front_door_read_in_five_minutes() {
    let text = std::fs::read_to_string(root().join("README.md")).unwrap();
    let lines = text.lines().count();
    assert!(
        lines <= 150,
        "the README is {lines} lines: the rest belongs in docs/"
    );
    for page in pages().iter().skip(1) {
        let name = page.file_name().unwrap().to_string_lossy();
        assert!(
            text.contains(&format!("(docs/{name})")),
            "the README links to docs/{name}"
        );
    }
}
