//! Document symbols: UN ("A/HRC/59/23"), OIC ("OIC/CFM-51/2025/REP"), EU ("COM(2025) 12
//! final") and the other slashed forms organisations use.

/// A document symbol is one token of capitals, digits and punctuation with `/` or `\` between
/// its parts: `A/RES/78/1`, `S/2024/123`, `OIC-CFM-51\2025-CG-J&K\FINAL.REP`.
pub(crate) fn looks_like_symbol(text: &str) -> bool {
    // The Security Council's and the AU's carry their year: "S/RES/2780 (2025)".
    let text = match text.rsplit_once(" (") {
        Some((symbol, year))
            if year.len() == 5
                && year.ends_with(')')
                && year[..4].bytes().all(|b| b.is_ascii_digit()) =>
        {
            symbol
        }
        _ => text,
    };
    // A document of two organs carries both their symbols: "A/80/812–S/2026/233".
    if let Some((first, second)) = text.split_once('–') {
        return looks_like_slash_symbol(first.trim()) && looks_like_slash_symbol(second.trim());
    }
    looks_like_slash_symbol(text) || looks_like_eu_symbol(text) || looks_like_council_symbol(text)
}

/// The Council of the European Union's: a number and the year, "15234/25", with what a revision
/// or an addendum adds ("15234/25 ADD 1", "15234/1/25 REV 1").
pub(super) fn looks_like_council_symbol(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(number) = words.next() else {
        return false;
    };
    let parts: Vec<&str> = number.split('/').collect();
    let digits = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let numbered = (2..=3).contains(&parts.len())
        && parts.iter().all(digits)
        && (4..=5).contains(&parts[0].len())
        && parts.last().is_some_and(|y| y.len() == 2);
    let rest: Vec<&str> = words.collect();
    numbered
        && rest.chunks(2).all(
            |pair| matches!(pair, [kind, n] if ["ADD", "REV", "COR"].contains(kind) && digits(n)),
        )
}

/// The European Commission's style: `COM(2024) 123 final`, `SWD(2023) 45`.
pub(super) fn looks_like_eu_symbol(text: &str) -> bool {
    let Some((series, rest)) = text.split_once('(') else {
        return false;
    };
    let Some((year, rest)) = rest.split_once(')') else {
        return false;
    };
    let mut words = rest.split_whitespace();
    ["COM", "SEC", "SWD", "JOIN", "C"].contains(&series)
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && words
            .next()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && words.all(|w| w == "final" || w.starts_with("ANNEX"))
}

pub(super) fn looks_like_slash_symbol(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "/\\.-&()_+".contains(c);
    (3..=80).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.contains(['/', '\\'])
        && text.chars().all(allowed)
        && text
            .split(['/', '\\'])
            .filter(|part| !part.is_empty())
            .count()
            >= 2
}
