//! The ids paragraphs had before the reader knew a report's parts: every paragraph numbered N,
//! in reading order, was `pN`, `pN_2`, `pN_3` (an annex's paragraph 1 after the body's was
//! `p1_2`, an agenda's item 3 was `p3`), its sub-paragraphs and the unnumbered paragraphs after
//! it were named after that, and a heading of an annex after one of the body with the same words
//! was `h-…_2`. Notes stored on those ids follow to the ids the same paragraphs have now.

use std::collections::{HashMap, HashSet};

use super::model::{Block, Paragraph, ParagraphKind, Report};

/// For each paragraph whose id is not what the reader used to give it: its former id, and its id
/// now. A former id that a paragraph has now as well is left out: it names that paragraph.
pub fn former_ids(report: &Report) -> HashMap<String, String> {
    let mut claimed: HashSet<String> = HashSet::new();
    let mut claim = |wanted: String| {
        let mut id = wanted.clone();
        let mut n = 2;
        while !claimed.insert(id.clone()) {
            id = format!("{wanted}_{n}");
            n += 1;
        }
        id
    };
    // Anchors (numbered paragraphs and headings) by their id now, with their former id.
    let mut anchors: HashMap<String, String> = HashMap::new();
    let mut out = HashMap::new();
    for block in &report.blocks {
        match block {
            Block::Heading(h) => {
                // `annex-ii-h-introduction` was `h-introduction`.
                let former = match h.id.find("h-") {
                    Some(at) if at > 0 => claim(trim_suffix(&h.id[at..]).to_string()),
                    _ => claim(trim_suffix(&h.id).to_string()),
                };
                anchors.insert(h.id.clone(), former);
            }
            Block::Paragraph(p) => {
                let former_top = match p.kind {
                    ParagraphKind::Numbered(n) => {
                        let former = claim(format!("p{n}"));
                        anchors.insert(p.id.clone(), former.clone());
                        Some((p.id.clone(), former))
                    }
                    // `annex-p3-u1` was `p3_2-u1`: named after its anchor as it was then.
                    _ => {
                        p.id.rsplit_once('-')
                            .and_then(|(anchor, _)| anchors.get_key_value(anchor))
                            .map(|(now, former)| (now.clone(), former.clone()))
                    }
                };
                if let Some((now, former)) = former_top {
                    rename_all(p, &now, &former, &mut out);
                }
            }
        }
    }
    let current: HashSet<&str> = report.paragraphs().map(|p| p.id.as_str()).collect();
    out.retain(|former, now| former != now && !current.contains(former.as_str()));
    out
}

/// "h-summary_2" is "h-summary" claimed twice: the words it was made of.
fn trim_suffix(id: &str) -> &str {
    match id.rsplit_once('_') {
        Some((stem, n)) if n.bytes().all(|b| b.is_ascii_digit()) => stem,
        _ => id,
    }
}

fn rename_all(p: &Paragraph, now: &str, former: &str, out: &mut HashMap<String, String>) {
    if let Some(rest) = p.id.strip_prefix(now) {
        out.insert(format!("{former}{rest}"), p.id.clone());
    }
    for child in &p.children {
        rename_all(child, now, former, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse;

    #[test]
    fn an_annexs_paragraphs_were_the_bodys_numbers_claimed_again() {
        let report = parse(
            "S/2026/1\n\nLetter dated 1 March 2026 from the Representative\n\n\
             1. The letter says one thing here.\n\n2. It says another thing here.\n\n\
             Annex\n\n1. The annex opens with this.\n(a) And lists this;\n(b) And this.\n\n\
             2. It closes with that.\n",
        );
        let former = former_ids(&report);
        assert_eq!(former.get("p1_2").map(String::as_str), Some("annex-p1"));
        assert_eq!(former.get("p1_2-a").map(String::as_str), Some("annex-p1-a"));
        assert_eq!(former.get("p2_2").map(String::as_str), Some("annex-p2"));
        assert!(!former.contains_key("p1"), "p1 is still the body's");
    }
}
