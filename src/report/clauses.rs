//! How the clauses of formal texts open and close, read from a line's words alone: a
//! resolution's preambular clause ("Recalling", "Profondément préoccupé", "إذ تشير") or an
//! operative one without a number ("Solemnly proclaims"), the line that closes a resolution
//! ("57th plenary meeting"), a letter's signature ("(Signed) Name"). Both the pages pass (where a
//! paragraph ends) and the structure pass (what a segment is) ask them.

/// The opening of a preambular paragraph: a participle or an adjective of concern, in the
/// languages resolutions are adopted in ("Recalling", "Deeply concerned", "Rappelant",
/// "Convaincue", "Reconociendo", "Ссылаясь", "وإذ تؤكد").
pub(crate) fn opens_preamble(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches([',', '،']);
    if ["إذ", "وإذ"].contains(&first) {
        return true;
    }
    if !first.starts_with(char::is_uppercase) || first.chars().count() < 5 {
        return false;
    }
    let lower = first.to_lowercase();
    // A clause goes on in small letters ("Recalling its", "Deeply concerned"); a name does not
    // ("Assistant Secretary-General"), unless an English participle names what it recalls
    // ("Recalling General Assembly resolution 64/292").
    if words
        .next()
        .is_some_and(|second| second.starts_with(char::is_uppercase))
        && !(lower.ends_with("ing") && first.is_ascii())
    {
        return false;
    }
    const ADJECTIVES: [&str; 30] = [
        "concerned",
        "convinced",
        "mindful",
        "aware",
        "deeply",
        "gravely",
        "alarmed",
        "conscious",
        "determined",
        "guided",
        "bearing",
        "profondément",
        "convaincu",
        "préoccupé",
        "conscient",
        "résolu",
        "déterminé",
        "gravement",
        "alarmé",
        "inquiet",
        "vivement",
        "consciente",
        "convencid",
        "preocupad",
        "profundamente",
        "decidid",
        "alarmad",
        "будучи",
        "глубоко",
        "sachant",
    ];
    let participle = (lower.ends_with("ing")
        && !["during", "nothing", "something", "king"].contains(&lower.as_str()))
        || ["ant", "ando", "iendo", "ая", "яя", "ясь"]
            .iter()
            .any(|e| lower.ends_with(e))
        || (lower.ends_with('я') && first.chars().all(|c| c.is_alphabetic() && !c.is_ascii()));
    participle || ADJECTIVES.iter().any(|a| lower.starts_with(a))
}

/// The opening of an operative clause that carries no number: an adverb and the verb in the
/// third person ("Solemnly proclaims the present Declaration:", "Strongly condemns").
pub(crate) fn opens_operative(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    first.starts_with(char::is_uppercase)
        && first.len() > 4
        && first.ends_with("ly")
        && second.starts_with(char::is_lowercase)
        && second.len() > 3
        && second.ends_with('s')
}

/// How the six languages mark a signature in a published letter: "(Signed) Name", "(Signé)",
/// "(Firmado)", "(Подпись)", "(توقيع)", "（签名）".
const SIGNATURE_MARKS: [&str; 8] = [
    "(signed)",
    "(sgd.)",
    "(signé)",
    "(signée)",
    "(firmado)",
    "(подпись)",
    "(توقيع)",
    "（签名）",
];

/// Whether a line opens with a signature mark: it, and the signatory's title under it, stand
/// apart from the letter's text and from each other.
pub(crate) fn is_signature(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    SIGNATURE_MARKS.iter().any(|m| lower.starts_with(m))
}

/// The line that closes a resolution: its meeting and date ("57th plenary meeting 17 December
/// 2025", "46th meeting", "57e séance plénière", "57ª sesión plenaria", "57-е пленарное
/// заседание", "الجلسة العامة 57").
pub(crate) fn is_meeting_line(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let digits = lower.chars().take_while(char::is_ascii_digit).count();
    let rest = &lower[digits..];
    let ordinal = digits > 0
        && ["st ", "nd ", "rd ", "th ", "e ", "ª ", "a ", "-е ", "-я "]
            .iter()
            .any(|o| rest.starts_with(o));
    let words = ["meeting", "séance", "sesión", "заседание"];
    (ordinal && words.iter().any(|w| rest.contains(w)) && lower.chars().count() <= 80)
        || lower.starts_with("الجلسة العامة")
}

/// Words a line does not end on unless what it says goes on below it: a title's, a heading's,
/// a contents entry's.
const JOINING_WORDS: [&str; 24] = [
    "of", "and", "the", "for", "on", "to", "in", "with", "a", "an", "de", "des", "du", "la", "le",
    "et", "y", "del", "en", "los", "las", "и", "по", "о",
];

pub(crate) fn ends_on_joining_word(text: &str) -> bool {
    text.split_whitespace()
        .last()
        .is_some_and(|w| JOINING_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A part's word heading its page ("ANNEX", "Annex II", "Anexo"): the EU's documents repeat it as
/// the running header of every page of the annex, the first of them its heading.
pub(crate) fn is_part_word(line: &str) -> bool {
    const WORDS: [&str; 10] = [
        "annex",
        "annexe",
        "anexo",
        "appendix",
        "appendice",
        "apéndice",
        "enclosure",
        "приложение",
        "المرفق",
        "附件",
    ];
    let lower = line.trim().to_lowercase();
    let mut words = lower.split_whitespace();
    words.next().is_some_and(|w| WORDS.contains(&w))
        && words.next().is_none_or(|n| n.chars().count() <= 4)
        && words.next().is_none()
}

/// A letter that may open a sentence or a heading: a capital, or a letter of a script without
/// capitals (Arabic, Chinese, Hebrew), where any letter opens one.
pub(crate) fn opens_like_a_capital(c: char) -> bool {
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}
