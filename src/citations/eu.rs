//! The EU's references: the Commission's papers ("COM(2023) 123 final", "SWD(2023) 12 final"),
//! legal acts ("Regulation (EU) 2016/679", "Council Decision (CFSP) 2024/123", "Decision
//! 2014/145/CFSP", "règlement (UE) 2016/679"), and the Council's documents ("ST 12345/24",
//! "ST/9456/2024/INIT"), each under one spelling whatever the language.

use super::chars::{is_year, Found, Text};

/// The kinds of legal act, in the languages the reports come in, and their ELI names.
const ACTS: &[(&str, &str, &str)] = &[
    ("regulation", "Regulation", "reg"),
    ("règlement", "Regulation", "reg"),
    ("reglamento", "Regulation", "reg"),
    ("directive", "Directive", "dir"),
    ("directiva", "Directive", "dir"),
    ("decision", "Decision", "dec"),
    ("décision", "Decision", "dec"),
    ("decisión", "Decision", "dec"),
];

/// The treaties an act is under, as written in English, French and Spanish.
const TREATIES: &[(&str, &str)] = &[
    ("EU", "EU"),
    ("UE", "EU"),
    ("EC", "EC"),
    ("CE", "EC"),
    ("EEC", "EEC"),
    ("CEE", "EEC"),
    ("CFSP", "CFSP"),
    ("PESC", "CFSP"),
    ("JHA", "JHA"),
    ("JAI", "JHA"),
    ("Euratom", "Euratom"),
    ("EU, Euratom", "EU, Euratom"),
    ("UE, Euratom", "EU, Euratom"),
];

struct Act {
    found: Found,
    /// The act's ELI: "dec/2024/1964".
    eli: String,
}

pub(super) fn reference_at(text: &Text, at: usize) -> Option<Found> {
    paper_at(text, at)
        .or_else(|| act_at(text, at).map(|act| act.found))
        .or_else(|| council_document_at(text, at))
}

/// The European Legislation Identifier of an act, its permanent public address.
pub(super) fn eli(symbol: &str) -> Option<String> {
    let text = Text::new(symbol);
    let act = act_at(&text, 0).filter(|act| act.found.end == text.len())?;
    Some(format!("http://data.europa.eu/eli/{}/oj", act.eli))
}

/// "COM(2025) 104 final".
fn paper_at(text: &Text, at: usize) -> Option<Found> {
    let series = ["COM", "SWD", "JOIN", "SEC", "C"]
        .into_iter()
        .find(|s| text.has(at, s) && matches!(text.at(at + s.len()), Some('(' | ' ')))?;
    let open = text.skip_spaces(at + series.len());
    let (year, year_end) = text
        .digits(open + 1)
        .filter(|(y, end)| is_year(*y) && end - open == 5)?;
    if text.at(open) != Some('(') || text.at(year_end) != Some(')') {
        return None;
    }
    let (number, mut end) = text.digits(text.skip_spaces(year_end + 1))?;
    let last = text.skip_spaces(end);
    let is_final = text.word(last).is_some_and(|(word, _)| word == "final");
    if is_final {
        end = last + "final".len();
    }
    let symbol = format!(
        "{series}({year}) {number}{}",
        if is_final { " final" } else { "" }
    );
    text.ends_word(end).then_some(Found {
        start: at,
        end,
        symbol,
        lead: Some(at),
    })
}

/// "Regulation (EU) 2016/679", "Regulation (EC) No 1234/2007", "Decision 2014/145/CFSP".
fn act_at(text: &Text, at: usize) -> Option<Act> {
    if !text.is(at, |c| "rRdDiI".contains(c)) {
        return None;
    }
    let (mut word, mut end) = text.word(at)?;
    let qualifier = match word.as_str() {
        "implementing" => "Implementing ",
        "delegated" => "Delegated ",
        _ => "",
    };
    if !qualifier.is_empty() {
        (word, end) = text.word(text.skip_spaces(end))?;
    }
    let &(_, kind, code) = ACTS.iter().find(|(name, ..)| *name == word)?;
    let mut next = text.skip_spaces(end);
    let treaty_before = if text.at(next) == Some('(') {
        let close = (next + 1..next + 14).find(|&i| text.at(i) == Some(')'))?;
        let treaty = treaty(&text.slice(next + 1, close))?;
        next = text.skip_spaces(close + 1);
        Some(treaty)
    } else {
        None
    };
    // Acts before 2015 put their number first: "Regulation (EC) No 1234/2007".
    let numbered = text
        .word(next)
        .is_some_and(|(w, _)| ["no", "n", "nº"].contains(&w.as_str()));
    if numbered {
        next = text.word(next)?.1;
        while text.is(next, |c| matches!(c, '.' | '°' | 'º' | ' ')) {
            next += 1;
        }
    }
    let (first, first_end) = text.digits(next)?;
    let (second, mut end) = text
        .digits(first_end + 1)
        .filter(|_| text.at(first_end) == Some('/'))?;
    let number = format!("{}{first}/{second}", if numbered { "No " } else { "" });
    let symbol = match treaty_before {
        Some(treaty) => format!("{qualifier}{kind} ({treaty}) {number}"),
        None => {
            // "Decision 2014/145/CFSP": the treaty after the number.
            let mut tag_end = end + 1;
            while text.is(tag_end, |c| c.is_ascii_alphabetic()) {
                tag_end += 1;
            }
            let treaty =
                treaty(&text.slice(end + 1, tag_end)).filter(|_| text.at(end) == Some('/'))?;
            end = tag_end;
            format!("{qualifier}{kind} {number}/{treaty}")
        }
    };
    let (year, number) = if numbered {
        (second, first)
    } else {
        (first, second)
    };
    let year = match year {
        0..=49 => year + 2000,
        50..=99 => year + 1900,
        _ => year,
    };
    let code = format!(
        "{code}{}",
        match qualifier {
            "Implementing " => "_impl",
            "Delegated " => "_del",
            _ => "",
        }
    );
    let found = Found {
        start: at,
        end,
        symbol,
        lead: Some(at),
    };
    text.ends_word(end).then_some(Act {
        found,
        eli: format!("{code}/{year}/{number}"),
    })
}

fn treaty(written: &str) -> Option<&'static str> {
    TREATIES
        .iter()
        .find(|(w, _)| *w == written)
        .map(|(_, treaty)| *treaty)
}

/// "ST 12345/24", "ST 12345/24 REV 1", "ST/9456/2024/INIT": one document, "ST 9456/24", in
/// the Council's own spelling and EUR-Lex's. "INIT", its first version, is the document itself.
fn council_document_at(text: &Text, at: usize) -> Option<Found> {
    if !text.has(at, "ST") {
        return None;
    }
    let slashed = text.at(at + 2) == Some('/');
    if !slashed && text.at(at + 2) != Some(' ') {
        return None;
    }
    let (number, number_end) = text.digits(at + 3).filter(|(_, end)| end - (at + 3) >= 3)?;
    let (year, mut end) = text
        .digits(number_end + 1)
        .filter(|_| text.at(number_end) == Some('/'))?;
    let year_digits = end - (number_end + 1);
    if (slashed && year_digits != 4) || (!slashed && year_digits != 2) {
        return None;
    }
    // Its version: " REV 1" in the Council's spelling, "/REV/1" in EUR-Lex's.
    let separator = if slashed { '/' } else { ' ' };
    let mut version = String::new();
    let kind = ["INIT", "REV", "ADD", "COR"].into_iter().find(|kind| {
        text.at(end) == Some(separator)
            && text.has(end + 1, kind)
            && text.ends_word(end + 1 + kind.len())
    });
    if let Some(kind) = kind {
        end += 1 + kind.len();
        let number = text
            .digits(end + 1)
            .filter(|_| text.at(end) == Some(separator));
        if let Some((n, number_end)) = number.filter(|_| kind != "INIT") {
            version = format!(" {kind} {n}");
            end = number_end;
        }
    }
    let symbol = format!("ST {number}/{:02}{version}", year % 100);
    text.ends_word(end).then_some(Found {
        start: at,
        end,
        symbol,
        lead: Some(at),
    })
}
