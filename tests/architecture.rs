//! The shape of the code, checked: no module of `src/` uses another that uses it back, directly
//! or through others. Dependencies go one way (the UI's views on state and vocabulary, the UI
//! on the core, never the reverse), so each module can be read, changed and tested from below.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file of `src/`, by its module path ("ui::reader", "report::pages", "ui").
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .filter(|f| {
            !f.starts_with(src.join("bin")) && f.file_name().is_some_and(|n| n != "main.rs")
        })
        .map(|file| {
            let relative = file.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            (parts.join("::"), std::fs::read_to_string(&file).unwrap())
        })
        .collect()
}

/// The code of a file without its comments and its tests.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a module's code names: `crate::a::b`, `super::x`, and its own `x::` children.
fn uses(name: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let parent: Vec<&str> = name.split("::").filter(|p| !p.is_empty()).collect();
    let mut out = BTreeSet::new();
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|w| w.contains("::"))
        .collect();
    for word in words {
        let segments: Vec<&str> = word.split("::").filter(|s| !s.is_empty()).collect();
        let (mut base, rest): (Vec<&str>, &[&str]) = match segments.first() {
            Some(&"crate") => (Vec::new(), &segments[1..]),
            Some(&"super") => (
                parent[..parent.len().saturating_sub(1)].to_vec(),
                &segments[1..],
            ),
            Some(&"self") => (parent.clone(), &segments[1..]),
            Some(first) if known.contains(&[parent.clone(), vec![*first]].concat().join("::")) => {
                (parent.clone(), &segments[..])
            }
            _ => continue,
        };
        // The longest known module the path leads into.
        let mut found = None;
        for segment in rest {
            base.push(segment);
            if known.contains(&base.join("::")) {
                found = Some(base.join("::"));
            } else {
                break;
            }
        }
        let target =
            found.unwrap_or_else(|| base[..base.len().saturating_sub(rest.len())].join("::"));
        if target != name {
            out.insert(target);
        }
    }
    out
}

#[test]
fn no_module_uses_another_that_uses_it_back() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(name, text)| (name.clone(), uses(name, &code(text), &known)))
        .collect();
    // A module and its parent are one unit only in that the parent declares it: a child using
    // what its parent defines, while the parent uses the child, is a circle like any other.
    let mut circles = Vec::new();
    for start in graph.keys() {
        // Depth-first from `start`, looking for a way back to it.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if next == start {
                    circles.push(path.join(" → ") + " → " + start);
                } else if seen.insert(next.clone()) {
                    stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
                }
            }
        }
    }
    circles.sort();
    circles.dedup();
    assert!(
        circles.is_empty(),
        "{} circles:\n{}",
        circles.len(),
        circles.join("\n")
    );
}

/// Lines of code in a file outside its tests: neither blank nor a comment.
fn lines_of_code(text: &str) -> usize {
    code(text).lines().filter(|l| !l.trim().is_empty()).count()
}

#[test]
fn no_file_holds_more_than_four_hundred_lines_of_code_outside_its_tests() {
    let long: Vec<String> = modules()
        .iter()
        .map(|(name, text)| (name, lines_of_code(text)))
        .filter(|(_, lines)| *lines > 400)
        .map(|(name, lines)| format!("{name}: {lines} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "files to split by concern:\n{}",
        long.join("\n")
    );
}

#[test]
fn no_component_is_longer_than_a_screenful_or_two() {
    let mut long = Vec::new();
    for (name, text) in modules() {
        let lines: Vec<&str> = text.lines().collect();
        for (at, _) in lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with("#[component]"))
        {
            let mut depth = 0i32;
            let mut opened = false;
            for (end, body) in lines.iter().enumerate().skip(at + 1) {
                depth += body.matches('{').count() as i32 - body.matches('}').count() as i32;
                opened |= body.contains('{');
                if opened && depth == 0 {
                    if end - at + 1 > 120 {
                        long.push(format!(
                            "{name}: {} ({} lines)",
                            lines[at + 1].trim(),
                            end - at + 1
                        ));
                    }
                    break;
                }
            }
        }
    }
    assert!(long.is_empty(), "components to split:\n{}", long.join("\n"));
}
