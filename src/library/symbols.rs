//! Document symbols as the library compares them: a revision or correction (`…/Rev.1`,
//! `…/Corr.1`) is the same report, an addendum (`…/Add.1`) one of its own with a parent.

/// A symbol as it is compared: capitals, and no space around its slashes ("a/hrc/59/23 /Rev. 1"
/// is "A/HRC/59/23/REV.1").
pub(super) fn normalised_symbol(symbol: &str) -> String {
    let upper = symbol.trim().to_uppercase();
    let mut out = String::with_capacity(upper.len());
    for part in upper.split('/') {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(&part.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    out.replace(". ", ".")
}

/// The last part of a symbol if it is a revision, correction or addendum ("REV.1"): its kind
/// and number.
pub(super) fn suffix(part: &str) -> Option<(&'static str, u32)> {
    ["REV", "CORR", "ADD"].into_iter().find_map(|kind| {
        let number = part.strip_prefix(kind)?.trim_start_matches('.').trim();
        number.parse().ok().map(|n| (kind, n))
    })
}

/// What a document symbol names whatever its revisions and corrections: "A/HRC/59/23/Rev.1",
/// "A/HRC/59/23/Corr.2" and "A/HRC/59/23" are the same report. An addendum is not: it keeps
/// its "/ADD.1".
pub fn report_symbol(symbol: &str) -> String {
    let mut parts: Vec<String> = normalised_symbol(symbol)
        .split('/')
        .map(str::to_string)
        .collect();
    while parts.len() > 1
        && parts
            .last()
            .and_then(|p| suffix(p))
            .is_some_and(|(kind, _)| kind != "ADD")
    {
        parts.pop();
    }
    parts.join("/")
}

/// The symbol of the report an addendum adds to: "A/HRC/59/23/Add.1" → "A/HRC/59/23".
pub fn addendum_parent(symbol: &str) -> Option<String> {
    let base = report_symbol(symbol);
    let (parent, last) = base.rsplit_once('/')?;
    suffix(last)
        .filter(|(kind, _)| *kind == "ADD")
        .map(|_| report_symbol(parent))
}

pub(super) fn same_symbol(a: &str, b: &str) -> bool {
    report_symbol(a) == report_symbol(b)
}
