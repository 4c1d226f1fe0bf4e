//! Lines as a layout-keeping export leaves them: indented and justified with spaces, the head's
//! two columns side by side, a right-to-left export's direction marks; and the symbol in the head.

use std::borrow::Cow;

use crate::report::cover::looks_like_symbol;

use super::furniture::*;
use super::lines::*;

/// Whether a text keeps a page's layout with spaces (indented or column lines).
pub(super) fn looks_laid_out(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(200)
        .collect();
    let spaced = lines
        .iter()
        .filter(|l| l.starts_with("    ") || l.trim().contains("     "))
        .count();
    !lines.is_empty() && spaced * 5 >= lines.len()
}

/// A layout-keeping export of a two-column head (a UN document's: letterhead and organ on the
/// left; symbol, distribution, date and language on the right) gives each line both columns,
/// so a name that wraps on the left ("Convention on the Elimination of All / Forms of
/// Discrimination against / Women") is cut by the right column's lines. Where lines of the head
/// have text in the right half, the left column's lines are put first, then the right's.
pub(super) fn regroup_head_columns(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    // The head ends where running text starts: a line of one column and full width.
    let running = |l: &&str| !l.trim().contains("   ") && l.trim().chars().count() >= 70;
    let head = lines
        .iter()
        .position(running)
        .unwrap_or(lines.len())
        .min(HEAD_LINES);
    let width = lines[..head]
        .iter()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let middle = width * 2 / 5;
    // Each line's parts (three spaces or more apart) with the column each starts at.
    let parts = |line: &str| -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut column = 0;
        for piece in line.split("   ") {
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let at = column + piece.chars().take_while(|c| c.is_whitespace()).count();
                out.push((at, trimmed.to_string()));
            }
            column += piece.chars().count() + 3;
        }
        out
    };
    let in_right =
        |line: &str| parts(line).iter().any(|(at, _)| *at >= middle) && !line.contains('\u{c}');
    let both = |line: &str| in_right(line) && parts(line).iter().any(|(at, _)| *at < middle);
    // The head's two columns: from its first line with text on both sides, as long as the right
    // column goes on (a blank line between its entries, not two).
    let Some(first) = lines[..head].iter().position(|l| both(l)) else {
        return text.to_string();
    };
    let mut last = first;
    for (i, line) in lines.iter().enumerate().take(head).skip(first + 1) {
        if in_right(line) {
            last = i;
        } else if i > last + 1 {
            break;
        }
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for line in &lines[first..=last] {
        let (l, r): (Vec<_>, Vec<_>) = parts(line).into_iter().partition(|(at, _)| *at < middle);
        if !l.is_empty() {
            left.push(l.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" "));
        }
        if !r.is_empty() {
            right.push(r.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" "));
        }
    }
    let mut out: Vec<String> = lines[..first].iter().map(|l| l.to_string()).collect();
    out.extend(left);
    out.push(String::new());
    out.extend(right);
    out.extend(lines[last + 1..].iter().map(|l| l.to_string()));
    out.join("\n")
}

pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut in_head = true;
    for raw in text.split('\n') {
        let raw = raw.trim_end_matches('\r');
        // A form feed may stand alone, or at the start of the next page's first line.
        let mut page_starts = false;
        let mut rest = raw;
        while let Some(i) = rest.find('\u{c}') {
            let before = &rest[..i];
            if !before.trim().is_empty() {
                push_line(&mut lines, before, page_starts, in_head);
            }
            page_starts = true;
            rest = &rest[i + 1..];
        }
        if in_head && (lines.len() > HEAD_LINES || starts_numbered(rest.trim())) {
            in_head = false;
        }
        push_line(&mut lines, rest, page_starts, in_head);
    }
    lines
}

/// Characters that only steer the direction of text (embeddings, isolates, marks), which exports
/// from right-to-left documents scatter through every line; they carry none of the text.
pub(super) fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub(super) fn push_line(lines: &mut Vec<Line>, raw: &str, page_starts: bool, in_head: bool) {
    let raw: Cow<str> = if raw.chars().any(is_direction_control) {
        Cow::Owned(raw.chars().filter(|c| !is_direction_control(*c)).collect())
    } else {
        Cow::Borrowed(raw)
    };
    let raw = raw.as_ref();
    let folded = |s: &str| {
        let s = s.trim();
        if s.contains("  ") || s.chars().any(|c| c.is_whitespace() && c != ' ') {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            s.to_string()
        }
    };
    // Columns side by side: three spaces or more between them.
    let parts: Vec<String> = raw
        .split("   ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(folded)
        .collect();
    if parts.is_empty() {
        lines.push(Line {
            text: String::new(),
            page_starts,
            kind: Kind::Blank,
        });
        return;
    }
    let footer_like = |part: &String| furniture(part) || page_of(&part.to_lowercase()).is_some();
    if !in_head && parts.len() > 1 && parts.iter().all(footer_like) {
        // A footer or header laid out in columns: "2      GE.25-11482".
        lines.push(Line {
            text: parts.join(" "),
            page_starts,
            kind: Kind::Furniture,
        });
        return;
    }
    // In the head, the columns are read one after the other ("United Nations", then its
    // symbol), and a letterhead written on the symbol's line is parted from it; in the body,
    // wide spaces are a justified line's.
    let parts = if in_head {
        parts
            .into_iter()
            .flat_map(|p| letterhead_and_symbol(&p))
            .collect()
    } else {
        vec![folded(raw)]
    };
    for (i, text) in parts.into_iter().enumerate() {
        lines.push(Line {
            text,
            page_starts: page_starts && i == 0,
            kind: Kind::Text,
        });
    }
}

/// "United Nations A/HRC/59/23" is two lines of the head: the letterhead, then the symbol.
pub(super) fn letterhead_and_symbol(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split(' ').collect();
    // The symbol is the last word, or the last two when it ends with its year ("(2025)").
    for take in [1, 2] {
        if words.len() > take {
            let (before, symbol) = (
                words[..words.len() - take].join(" "),
                words[words.len() - take..].join(" "),
            );
            if looks_like_symbol(&symbol) && !looks_like_symbol(&before) && !before.contains('/') {
                return vec![before, symbol];
            }
        }
    }
    vec![line.to_string()]
}

/// The document symbol, as the head of the document gives it.
pub(super) fn head_symbol(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .take(HEAD_LINES)
        .flat_map(|l| {
            l.text
                .split_whitespace()
                .rev()
                .take(1)
                .chain(std::iter::once(l.text.as_str()))
                // "S/2026/410، 12 أيار/مايو 2026": the symbol before the Arabic comma.
                .chain(l.text.split('،').next().map(str::trim))
        })
        .find(|t| looks_like_symbol(t))
        .map(str::to_string)
}
