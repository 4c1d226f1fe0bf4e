//! The parts of a report that number their paragraphs again: annexes, appendices, enclosures and
//! attachments ("Annex II", "Annex to the letter dated …", "Appendice", "المرفق الأول"), and
//! resolutions or decisions reproduced inside a session report ("36/1. Freedom of opinion"). A
//! part's paragraphs take ids scoped by it (`annex-ii-p3`, `res-36-1-p4`), so that "annex II,
//! para. 3" and the body's "para. 3" are two places, each with a stable id.

use super::numerals::{roman_value, ARABIC_ORDINALS};

/// What kind of part a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PartWord {
    Annex,
    /// An appendix, enclosure or attachment: inside the annex before it, if there is one.
    Appendix(&'static str),
    Resolution,
    Decision,
}

/// A heading that opens a part: its kind, and its number as an id writes it ("ii", "36-1").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PartHeading {
    pub(super) word: PartWord,
    pub(super) number: Option<String>,
    /// How a citation names it: "annex II", "appendix", "resolution 36/1".
    pub(super) name: String,
}

impl PartHeading {
    pub(super) fn is_resolution(&self) -> bool {
        matches!(self.word, PartWord::Resolution | PartWord::Decision)
    }

    /// The part's own id, without the part it sits in: `annex-ii`, `appendix`, `res-36-1`.
    pub(super) fn id(&self) -> String {
        let word = match self.word {
            PartWord::Annex => "annex",
            PartWord::Appendix(word) => word,
            PartWord::Resolution => "res",
            PartWord::Decision => "dec",
        };
        match &self.number {
            Some(n) => format!("{word}-{n}"),
            None => word.to_string(),
        }
    }
}

/// The words for parts in the six languages of the United Nations, each with the English word its
/// id is made of (the same document in French or Arabic has the same ids as in English).
const PART_WORDS: [(&str, PartWord); 19] = [
    ("annex", PartWord::Annex),
    ("annexe", PartWord::Annex),
    ("anexo", PartWord::Annex),
    ("приложение", PartWord::Annex),
    ("المرفق", PartWord::Annex),
    ("مرفق", PartWord::Annex),
    ("附件", PartWord::Annex),
    ("appendix", PartWord::Appendix("appendix")),
    ("appendice", PartWord::Appendix("appendix")),
    ("apéndice", PartWord::Appendix("appendix")),
    ("добавление", PartWord::Appendix("appendix")),
    ("التذييل", PartWord::Appendix("appendix")),
    ("附录", PartWord::Appendix("appendix")),
    ("enclosure", PartWord::Appendix("enclosure")),
    ("pièce jointe", PartWord::Appendix("enclosure")),
    ("الضميمة", PartWord::Appendix("enclosure")),
    ("附文", PartWord::Appendix("enclosure")),
    ("attachment", PartWord::Appendix("attachment")),
    ("documento adjunto", PartWord::Appendix("attachment")),
];

/// What follows a part's word when the part belongs to a letter or a note ("Annex to the letter
/// dated …", "Annexe à la lettre datée …", "Anexo de la carta de fecha …", "Приложение к письму").
const OF_A_LETTER: [&str; 12] = [
    "to the ", "of the ", "à la ", "au ", "de la ", "a la ", "del ", "al ", "к ", "الى ", "إلى ",
    "ل",
];

/// What an annex may belong to, in the six languages: a letter or a note.
const LETTERS: [&str; 10] = [
    "letter",
    "note",
    "lettre",
    "carta",
    "nota",
    "письм",
    "ноте",
    "رسالة",
    "مذكرة",
    "信",
];

/// The part a heading's text opens, if it is one: a part word alone with its number ("Annex",
/// "ANNEX II", "Appendix 1", "المرفق الثاني"), or opening the title of an annex to a letter.
pub(super) fn part_heading(text: &str) -> Option<PartHeading> {
    let text = text.trim().trim_end_matches([':', '.', '*']).trim();
    let lower = text.to_lowercase();
    let (word, kind) = PART_WORDS
        .iter()
        .filter(|(w, _)| lower.starts_with(w))
        .max_by_key(|(w, _)| w.len())?;
    let rest = &lower[word.len()..];
    if !(rest.is_empty() || rest.starts_with([' ', '\u{a0}'])) {
        return None;
    }
    let rest = rest.trim_start();
    let of_a_letter = |tail: &str| {
        OF_A_LETTER.iter().any(|p| tail.starts_with(p))
            && LETTERS.iter().any(|w| tail.contains(w))
            && !tail.contains(". ")
    };
    let (number, tail) = match rest.split_once(' ') {
        _ if of_a_letter(rest) => (None, rest),
        Some((first, tail)) => match part_number(first) {
            Some(n) => (Some(n), tail.trim_start()),
            None => (None, rest),
        },
        None => match part_number(rest) {
            Some(n) => (Some(n), ""),
            None => (None, rest),
        },
    };
    if !tail.is_empty() && !of_a_letter(tail) {
        return None;
    }
    let english = match kind {
        PartWord::Annex => "annex",
        PartWord::Appendix(word) => word,
        PartWord::Resolution => "resolution",
        PartWord::Decision => "decision",
    };
    let shown = number.as_deref().map(|n| match roman_value(n) {
        Some(_) => n.to_uppercase(),
        None => n.to_string(),
    });
    let name = match &shown {
        Some(n) => format!("{english} {n}"),
        None => english.to_string(),
    };
    Some(PartHeading {
        word: *kind,
        number,
        name,
    })
}

/// A part's number as its heading writes it, as an id writes it: "II" → "ii", "2" → "2", "B" →
/// "b", "الثاني" → "ii" (Arabic numbers its annexes with ordinal words).
fn part_number(token: &str) -> Option<String> {
    let token = token.trim_end_matches([':', '.']);
    let bare: String = token
        .chars()
        .filter(|c| !('\u{064B}'..='\u{065F}').contains(c))
        .collect();
    const ARABIC_ANNEX_ORDINALS: [&str; 10] = [
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
    ];
    if let Some(i) = ARABIC_ANNEX_ORDINALS
        .iter()
        .chain(ARABIC_ORDINALS.iter())
        .position(|w| *w == bare)
    {
        return Some(roman_lower((i % 10) as u32 + 1));
    }
    let roman = roman_value(token).is_some() && token.chars().count() <= 5;
    let digits = !token.is_empty() && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit());
    let letter = token.chars().count() == 1 && token.chars().all(|c| c.is_alphabetic());
    (roman || digits || letter).then(|| token.to_string())
}

fn roman_lower(n: u32) -> String {
    ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][(n as usize - 1).min(9)]
        .to_string()
}

/// A resolution or decision reproduced in a report, as its heading opens: "36/1. Title",
/// "Resolution 36/1", "Decision 36/101: Title". Gives the part, and the heading's label and text
/// ("36/1.", "Title") where the heading has text after its number.
pub(super) fn resolution_heading(text: &str) -> Option<(PartHeading, Option<String>, String)> {
    let text = text.trim();
    let lower = text.to_lowercase();
    let (word, rest) = [
        ("resolution ", PartWord::Resolution),
        ("résolution ", PartWord::Resolution),
        ("resolución ", PartWord::Resolution),
        ("decision ", PartWord::Decision),
        ("décision ", PartWord::Decision),
        ("decisión ", PartWord::Decision),
    ]
    .iter()
    .find_map(|(w, kind)| {
        lower
            .starts_with(w)
            .then(|| (*kind, text[w.len()..].trim_start()))
    })
    .unwrap_or((PartWord::Resolution, text));
    // "Resolution No. 1/51-POL", as the OIC numbers its resolutions: the number and its series.
    let numbered = ["no. ", "n° ", "núm. ", "№ "]
        .iter()
        .find_map(|n| rest.to_lowercase().starts_with(n).then(|| &rest[n.len()..]));
    let rest = numbered.unwrap_or(rest);
    let number_end = rest
        .find(|c: char| {
            !(c.is_ascii_digit()
                || c == '/'
                || (numbered.is_some() && (c == '-' || c.is_ascii_uppercase())))
        })
        .unwrap_or(rest.len());
    let number = rest[..number_end].trim_end_matches('-');
    let (session, item) = number.split_once('/')?;
    let sound = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let item_number = item.split('-').next().unwrap_or(item);
    if !sound(session) || !sound(item_number) {
        return None;
    }
    let after = &rest[number.len()..];
    let title = after
        .strip_prefix(['.', ':'])
        .map(str::trim)
        .unwrap_or_else(|| after.trim());
    let bare = word != PartWord::Resolution || text.len() != rest.len();
    // "36/1. Title": the number's point, then a title in capitals; "Resolution 36/1" may stand alone.
    let titled = after.starts_with(['.', ':'])
        && title.starts_with(|c: char| c.is_uppercase())
        && !title.ends_with(['.', ';', ',']);
    if !(titled || (bare && title.is_empty())) {
        return None;
    }
    let part = PartHeading {
        word,
        number: Some(format!("{session}-{item}").to_lowercase()),
        name: format!(
            "{} {number}",
            if word == PartWord::Decision {
                "decision"
            } else {
                "resolution"
            }
        ),
    };
    let label = titled.then(|| format!("{number}."));
    let shown = if titled {
        title.to_string()
    } else {
        text.to_string()
    };
    Some((part, label, shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> Option<String> {
        part_heading(text).map(|p| p.id())
    }

    #[test]
    fn parts_are_named_by_their_word_and_number_in_every_language() {
        assert_eq!(id("Annex"), Some("annex".into()));
        assert_eq!(id("ANNEX II"), Some("annex-ii".into()));
        assert_eq!(id("Annex 2:"), Some("annex-2".into()));
        assert_eq!(id("Annexe III"), Some("annex-iii".into()));
        assert_eq!(id("Anexo"), Some("annex".into()));
        assert_eq!(id("Appendix I"), Some("appendix-i".into()));
        assert_eq!(id("Apéndice"), Some("appendix".into()));
        assert_eq!(id("Enclosure"), Some("enclosure".into()));
        assert_eq!(id("Pièce jointe"), Some("enclosure".into()));
        assert_eq!(id("المرفق الثاني"), Some("annex-ii".into()));
        assert_eq!(id("Приложение I"), Some("annex-i".into()));
        assert_eq!(
            id("Annex to the letter dated 3 March 2026 from the Permanent Representative of Norway"),
            Some("annex".into())
        );
        assert_eq!(
            id("Anexo de la carta de fecha 2 de marzo de 2026 dirigida al Secretario General"),
            Some("annex".into())
        );
        assert_eq!(
            id("Annexe à la lettre datée du 4 mars 2026"),
            Some("annex".into())
        );
        assert_eq!(part_heading("Annex II").unwrap().name, "annex II");
    }

    #[test]
    fn sentences_about_annexes_open_no_part() {
        for text in [
            "Annexes to the present report",
            "Annex I contains the list of participants.",
            "Annexed to the present letter",
            "Appendix material is available online",
        ] {
            assert_eq!(id(text), None, "{text}");
        }
    }

    #[test]
    fn resolutions_are_found_by_their_number() {
        let (part, label, text) =
            resolution_heading("36/1. Freedom of opinion and expression").unwrap();
        assert_eq!(part.id(), "res-36-1");
        assert_eq!(part.name, "resolution 36/1");
        assert_eq!(label.as_deref(), Some("36/1."));
        assert_eq!(text, "Freedom of opinion and expression");
        assert_eq!(
            resolution_heading("Decision 36/101").unwrap().0.id(),
            "dec-36-101"
        );
        assert_eq!(
            resolution_heading("Resolution 61/4").unwrap().0.id(),
            "res-61-4"
        );
        assert_eq!(
            resolution_heading("Resolution No. 1/51-POL")
                .unwrap()
                .0
                .id(),
            "res-1-51-pol"
        );
        for text in [
            "36/1. The Council adopted the text.",
            "2025/26. of the session",
            "1/2 of the members",
            "Resolution 61/4 was adopted without a vote.",
        ] {
            assert!(resolution_heading(text).is_none(), "{text}");
        }
    }
}
