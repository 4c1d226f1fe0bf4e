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

/// The paths a `use` declaration brings in, each whole: `use super::{a, b::{c, self}};` gives
/// `super::a`, `super::b::c` and `super::b`; `as` renames and globs name their module.
fn use_paths(tree: &str) -> Vec<String> {
    fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
        let tree = tree.trim();
        if tree.is_empty() {
            return;
        }
        // The first brace at the top opens a group: what is before it is every member's prefix.
        if let Some(open) = tree.find('{') {
            let close = tree.rfind('}').unwrap_or(tree.len());
            let stem = format!("{prefix}{}", &tree[..open]);
            let mut depth = 0;
            let mut from = open + 1;
            for (at, c) in tree[..close].char_indices().skip(open + 1) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&stem, &tree[from..at], out);
                        from = at + 1;
                    }
                    _ => {}
                }
            }
            expand(&stem, &tree[from..close], out);
            return;
        }
        let item = tree.split(" as ").next().unwrap_or(tree).trim();
        let path = format!("{prefix}{item}");
        let path = path
            .strip_suffix("::*")
            .or_else(|| path.strip_suffix("::self"))
            .unwrap_or(&path);
        out.push(path.to_string());
    }
    let mut out = Vec::new();
    let compact: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let compact = compact.replace(":: ", "::").replace(" ::", "::");
    expand("", &compact, &mut out);
    out
}

/// Every `use` declaration of a text (`use …;`, `pub use …;`, `pub(crate) use …;`), its tree.
fn use_trees(text: &str) -> Vec<&str> {
    let mut trees = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().next_back();
        let starts = before.is_none_or(|c| c.is_whitespace() || c == ';' || c == '{' || c == ')');
        let after = &rest[at + 4..];
        // Only a path may follow: "use" in a string or a text is no declaration.
        let is_tree = |tree: &str| {
            tree.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '{' || c == ':')
                && tree
                    .chars()
                    .all(|c| c.is_alphanumeric() || c.is_whitespace() || "_:{},*".contains(c))
        };
        match after.find(';') {
            Some(end) if starts && is_tree(&after[..end]) => {
                trees.push(&after[..end]);
                rest = &after[end..];
            }
            _ => rest = after,
        }
    }
    trees
}

/// The modules a module's code names: in its `use` declarations, every form of them, and in
/// paths written out in its code (`crate::a::b`, `super::x`, its own `x::` children).
fn uses(name: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let parent: Vec<&str> = name.split("::").filter(|p| !p.is_empty()).collect();
    let mut out = BTreeSet::new();
    let declared: Vec<String> = use_trees(text).into_iter().flat_map(use_paths).collect();
    let written = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|w| w.contains("::"))
        .map(str::to_string);
    for word in declared.into_iter().chain(written) {
        let segments: Vec<&str> = word.split("::").filter(|s| !s.is_empty()).collect();
        let (mut base, rest): (Vec<&str>, &[&str]) = match segments.first() {
            Some(&"crate") => (Vec::new(), &segments[1..]),
            Some(&"super") => {
                // `super::super::x`: each one a level up.
                let ups = segments.iter().take_while(|s| **s == "super").count();
                (
                    parent[..parent.len().saturating_sub(ups)].to_vec(),
                    &segments[ups..],
                )
            }
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

/// Every circle of modules that use each other, directly or through others ("a → b → a").
fn circles(modules: &BTreeMap<String, String>) -> Vec<String> {
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
    circles
}

#[test]
fn no_module_uses_another_that_uses_it_back() {
    let circles = circles(&modules());
    assert!(
        circles.is_empty(),
        "{} circles:\n{}",
        circles.len(),
        circles.join("\n")
    );
}

#[test]
fn every_form_of_use_is_read() {
    let read = |tree: &str| use_paths(tree);
    assert_eq!(read("super::w3c::read"), ["super::w3c::read"]);
    assert_eq!(
        read("super::{hypothesis, w3c}"),
        ["super::hypothesis", "super::w3c"]
    );
    assert_eq!(
        read("crate::x::{y, z::w}"),
        ["crate::x::y", "crate::x::z::w"]
    );
    assert_eq!(
        read("crate::a::{self, b::{c, d::{e, f}}, g as h}"),
        [
            "crate::a",
            "crate::a::b::c",
            "crate::a::b::d::e",
            "crate::a::b::d::f",
            "crate::a::g"
        ]
    );
    assert_eq!(read("super::*"), ["super"]);
    assert_eq!(
        read("crate::annotations::{\n    anchor::{anchor, Quote},\n    codec,\n}"),
        [
            "crate::annotations::anchor::anchor",
            "crate::annotations::anchor::Quote",
            "crate::annotations::codec"
        ]
    );
    assert_eq!(
        use_trees("use a::b;\npub use super::{c, d};\npub(crate) use crate::e;\nfn fuse() {}\nlet reuse = 1;"),
        ["a::b", "super::{c, d}", "crate::e"]
    );
}

#[test]
fn a_grouped_import_that_closes_a_circle_is_found() {
    let modules = |import: &str| -> BTreeMap<String, String> {
        [
            ("exchange", "pub mod import;\npub mod w3c;\n"),
            ("exchange::import", import),
            (
                "exchange::w3c",
                "use super::import::Incoming;\npub fn read() {}\n",
            ),
        ]
        .into_iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
    };
    for import in [
        "use super::{hypothesis, w3c};\n",
        "use super::{\n    w3c::{self, read},\n};\n",
        "use crate::exchange::{w3c as formats};\n",
        "use crate::exchange::w3c::read;\n",
        "fn f() { super::w3c::read() }\n",
    ] {
        let found = circles(&modules(import));
        assert!(
            found
                .iter()
                .any(|c| c.contains("exchange::import → exchange::w3c")),
            "{import:?}: {found:?}"
        );
    }
    assert!(circles(&modules("use super::share;\n")).is_empty());
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
