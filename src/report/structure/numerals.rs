//! Numbers as reports write them: Arabic-Indic digits, abjad letters, roman numerals, Arabic
//! ordinals and Chinese numerals in section headings, and which number may follow another.

/// A digit's value, in Western, Arabic-Indic or Persian digits.
pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Arabic texts letter sub-paragraphs in the abjad order (أ ب ج د هـ و ز ح ط ي …): the Latin
/// letter in the same place gives the same id, so "(ب)" of paragraph 2 is `p2-b`.
pub(super) fn arabic_letter(marker: &str) -> Option<char> {
    const ABJAD: [&str; 26] = [
        "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
        "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
    ];
    let marker = if marker == "ه" { "هـ" } else { marker };
    ABJAD
        .iter()
        .position(|l| *l == marker)
        .map(|i| (b'a' + i as u8) as char)
}

/// Arabic section numbers are ordinal words ("أولاً - مقدمة"); Chinese ones, numerals ("一、").
pub(super) const ARABIC_ORDINALS: [&str; 12] = [
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "حادي عشر",
    "ثاني عشر",
];

pub(super) const CHINESE_NUMERALS: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// "أولاً - مقدمة" or "一、导言": the section's label and its text.
pub(super) fn other_script_section(plain: &str) -> Option<(String, String)> {
    let plain = plain.trim();
    if let Some((label, rest)) = plain.split_once('、').or_else(|| plain.split_once(". ")) {
        if CHINESE_NUMERALS.contains(&label) && !rest.trim().is_empty() {
            return Some((label.to_string(), rest.trim().to_string()));
        }
    }
    let (label, rest) = plain
        .split_once(" - ")
        .or_else(|| plain.split_once(" – "))
        .or_else(|| plain.split_once('-'))?;
    let bare: String = label
        .trim()
        .chars()
        .filter(|c| !('\u{064B}'..='\u{065F}').contains(c))
        .collect();
    (ARABIC_ORDINALS.contains(&bare.as_str()) && !rest.trim().is_empty())
        .then(|| (label.trim().to_string(), rest.trim().to_string()))
}

/// Whether `n` can be the number of the paragraph after `last`: numbering may skip or repeat a
/// little in real reports, but does not leap from 1 to 2025.
pub(super) fn plausible_next(n: u32, last: Option<u32>) -> bool {
    match last {
        None => n < 1000,
        Some(last) => n + 5 >= last && n <= last + 50,
    }
}

pub(super) fn roman_value(numeral: &str) -> Option<u32> {
    const TABLE: [(&str, u32); 9] = [
        ("xl", 40),
        ("x", 10),
        ("ix", 9),
        ("v", 5),
        ("iv", 4),
        ("i", 1),
        ("l", 50),
        ("xc", 90),
        ("c", 100),
    ];
    let mut rest = numeral;
    let mut value = 0;
    'outer: while !rest.is_empty() {
        for (symbol, v) in TABLE {
            if let Some(tail) = rest.strip_prefix(symbol) {
                value += v;
                rest = tail;
                continue 'outer;
            }
        }
        return None;
    }
    // Only the small numerals sub-paragraphs use; "(c)" or "(l)" are letters.
    (1..=39).contains(&value).then_some(value)
}

pub(super) fn letter_before(marker: &str) -> Option<char> {
    let mut chars = marker.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c > 'a').then(|| (c as u8 - 1) as char)
}
