//! Symbols written out in full: the UN's ("A/HRC/55/23", "S/RES/2720 (2023)",
//! "E/CN.4/2005/L.10/Add.17", "A/RES/2625 (XXV)"), and those of the OIC and the African Union
//! that take the same shape ("OIC/CFM-51/2025/POL/RES/FINAL", "PSC/PR/COMM.1250").

use super::chars::{is_session_numeral, is_year, joins, Found, Text};
use super::eu;

/// The first parts of UN symbols: the principal organs', and those of the bodies with series
/// of their own (research.un.org/en/docs/symbols; ST/LIB/SER.B/5/Rev.5).
pub(super) const UN_SERIES: &[&str] = &[
    "A", "S", "E", "T", "ST", "DP", "TD", "UNEP", "UNCTAD", "CRC", "CCPR", "CEDAW", "CERD", "CAT",
    "CMW", "CRPD", "CED", "HRI", "SPT", "CD", "FCCC", "ECE", "ICCD", "UNW", "JIU", "ISBA", "SPLOS",
    "CTOC", "CAC", "PBC", "HSP", "APLC", "CCW", "BWC", "NPT", "IDB", "PCNICC", "UNODC", "ITLOS",
];

/// Organisations whose symbols take the UN's shape, for which no public address is known.
const OTHER_SERIES: &[&str] = &["OIC", "PSC"];

/// Every symbol written out in the text, the EU's among them, in order.
pub(super) fn find(text: &Text) -> Vec<Found> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let symbol = starts_symbol(text, at)
            .then(|| eu::reference_at(text, at).or_else(|| un_symbol_at(text, at)))
            .flatten();
        match symbol {
            Some(symbol) => {
                at = symbol.end;
                found.push(symbol);
            }
            None => at += 1,
        }
    }
    found
}

/// Whether a symbol can begin at `at`: not inside a word, a number, an address or a path
/// ("undocs.org/en/A/HRC/55/23", "C:\A\1").
fn starts_symbol(text: &Text, at: usize) -> bool {
    at == 0 || !text.is(at - 1, |c| joins(c) || "/\\.-_:@#=&?%+~".contains(c))
}

fn un_symbol_at(text: &Text, at: usize) -> Option<Found> {
    let mut end = at;
    while text.is(end, |c| c.is_ascii_uppercase()) {
        end += 1;
    }
    let series = text.slice(at, end);
    if !UN_SERIES.contains(&series.as_str()) && !OTHER_SERIES.contains(&series.as_str()) {
        return None;
    }
    // The OIC writes some symbols with dashes and backslashes: "OIC-CFM-51\2025-CG-J&K\FINAL.REP".
    let oic = series == "OIC";
    if oic && text.at(end) == Some('-') {
        end = part_end(text, at)?;
    }
    let separators: &[char] = if oic { &['/', '\\'] } else { &['/'] };
    let after_series = end;
    while text.is(end, |c| separators.contains(&c)) {
        match part_end(text, end + 1) {
            Some(part) => end = part,
            None => break,
        }
    }
    let rest = text.slice(after_series, end);
    // The EU Council's "ST/9456/2024/INIT" is not the UN Secretariat's "ST/SGB/2024/1".
    let eu_council = series == "ST" && text.is(after_series + 1, |c| c.is_ascii_digit());
    if !rest.contains(|c: char| c.is_ascii_digit()) || eu_council {
        return None;
    }
    let (end, symbol) = match session_after(text, at, end) {
        Some((session_end, session)) => {
            (session_end, format!("{} ({session})", text.slice(at, end)))
        }
        None => (end, spaced_session(&text.slice(at, end))),
    };
    Some(Found {
        start: at,
        end,
        symbol,
        lead: Some(at),
    })
}

/// Where the part of a symbol at `at` ends ("HRC", "C.3", "L.10", "Rev.1", "COP(16)"), without
/// the sentence's punctuation after it ("A/HRC/55/23.", "(A/HRC/55/23)").
fn part_end(text: &Text, at: usize) -> Option<usize> {
    // No part of a symbol begins in lower case, as the parts of a path or an address may.
    if !text.is(at, |c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    // A number's part takes no dot: "A/HRC/55/23.1" is a symbol and a footnote's mark.
    let number = text.is(at, |c| c.is_ascii_digit());
    let (mut end, mut depth, mut opened) = (at, 0, at);
    while let Some(c) = text.at(end) {
        match c {
            '.' if number && depth == 0 => break,
            '(' => {
                opened = if depth == 0 { end } else { opened };
                depth += 1;
            }
            ')' if depth > 0 => depth -= 1,
            c if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '&') => {}
            _ => break,
        }
        end += 1;
    }
    if depth > 0 {
        end = opened;
    }
    while end > at && text.is(end - 1, |c| c == '.' || c == '-') {
        end -= 1;
    }
    (end > at).then_some(end)
}

/// A resolution's year or session after its number, part of its symbol: "S/RES/2720 (2023)",
/// "A/RES/217 A (III)" (whose letter names one text of the document "A/RES/217 (III)").
fn session_after(text: &Text, start: usize, end: usize) -> Option<(usize, String)> {
    if !text.slice(start, end).contains("/RES/") || !text.is(end - 1, |c| c.is_ascii_digit()) {
        return None;
    }
    let mut open = text.skip_spaces(end);
    if text.is(open, |c| ('A'..='H').contains(&c)) && text.ends_word(open + 1) {
        open = text.skip_spaces(open + 1);
    }
    if text.at(open) != Some('(') {
        return None;
    }
    let close = (open + 1..open + 12).find(|&i| text.at(i) == Some(')'))?;
    let inside = text.slice(open + 1, close);
    is_session_or_year(&inside).then_some((close + 1, inside))
}

/// "S/RES/2720(2023)" as the UN writes it in text: "S/RES/2720 (2023)".
fn spaced_session(symbol: &str) -> String {
    let split = symbol.strip_suffix(')').and_then(|s| s.rsplit_once('('));
    match split {
        Some((number, session))
            if number.ends_with(|c: char| c.is_ascii_digit()) && is_session_or_year(session) =>
        {
            format!("{number} ({session})")
        }
        _ => symbol.to_string(),
    }
}

fn is_session_or_year(inside: &str) -> bool {
    is_session_numeral(inside) || (inside.len() == 4 && inside.parse().is_ok_and(is_year))
}
