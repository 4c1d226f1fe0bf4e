//! The organs whose resolutions a bare number ("resolution 58/14") can be: named by the words
//! around it, in the languages the reports come in, or else known from the report's own symbol.

use super::chars::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Organ {
    GeneralAssembly,
    HumanRightsCouncil,
    SecurityCouncil,
    EconomicAndSocialCouncil,
    CommissionOnHumanRights,
    EnvironmentAssembly,
    /// ESCWA, ECLAC and the others, whose resolutions ("330 (XXX)") have no symbol to link to.
    RegionalCommission,
}

use Organ::*;

/// Each organ's names, word by word; a word of the text answers to one it begins with, so
/// that inflected forms ("Совета Безопасности", "Генеральной Ассамблеи") are found too. Chinese,
/// written without spaces, gives each name whole.
const NAMES: &[(Organ, &[&str])] = &[
    (GeneralAssembly, &["general", "assembly"]),
    (GeneralAssembly, &["assemblée", "générale"]),
    (GeneralAssembly, &["asamblea", "general"]),
    (GeneralAssembly, &["الجمعية", "العامة"]),
    (GeneralAssembly, &["генеральн", "ассамбле"]),
    (GeneralAssembly, &["大会"]),
    (HumanRightsCouncil, &["human", "rights", "council"]),
    (
        HumanRightsCouncil,
        &["conseil", "des", "droits", "de", "l", "homme"],
    ),
    (
        HumanRightsCouncil,
        &["consejo", "de", "derechos", "humanos"],
    ),
    (HumanRightsCouncil, &["مجلس", "حقوق", "الإنسان"]),
    (HumanRightsCouncil, &["совет", "по", "правам", "человека"]),
    (HumanRightsCouncil, &["人权理事会"]),
    (SecurityCouncil, &["security", "council"]),
    (SecurityCouncil, &["conseil", "de", "sécurité"]),
    (SecurityCouncil, &["consejo", "de", "seguridad"]),
    (SecurityCouncil, &["مجلس", "الأمن"]),
    (SecurityCouncil, &["совет", "безопасности"]),
    (SecurityCouncil, &["安全理事会"]),
    (SecurityCouncil, &["安理会"]),
    (
        EconomicAndSocialCouncil,
        &["economic", "and", "social", "council"],
    ),
    (
        EconomicAndSocialCouncil,
        &["conseil", "économique", "et", "social"],
    ),
    (
        EconomicAndSocialCouncil,
        &["consejo", "económico", "y", "social"],
    ),
    (
        EconomicAndSocialCouncil,
        &["المجلس", "الاقتصادي", "والاجتماعي"],
    ),
    (
        EconomicAndSocialCouncil,
        &["экономическ", "и", "социальн", "совет"],
    ),
    (EconomicAndSocialCouncil, &["经济及社会理事会"]),
    (EconomicAndSocialCouncil, &["经社理事会"]),
    (
        CommissionOnHumanRights,
        &["commission", "on", "human", "rights"],
    ),
    (
        CommissionOnHumanRights,
        &["commission", "des", "droits", "de", "l", "homme"],
    ),
    (
        CommissionOnHumanRights,
        &["comisión", "de", "derechos", "humanos"],
    ),
    (CommissionOnHumanRights, &["لجنة", "حقوق", "الإنسان"]),
    (
        CommissionOnHumanRights,
        &["комисси", "по", "правам", "человека"],
    ),
    (CommissionOnHumanRights, &["人权委员会"]),
    (EnvironmentAssembly, &["environment", "assembly"]),
    (
        RegionalCommission,
        &["economic", "and", "social", "commission"],
    ),
    (RegionalCommission, &["economic", "commission"]),
    (RegionalCommission, &["commission", "économique"]),
    (RegionalCommission, &["comisión", "económica"]),
    (RegionalCommission, &["escwa"]),
    (RegionalCommission, &["eclac"]),
    (RegionalCommission, &["escap"]),
];

/// What the surrounding report tells about bare resolution numbers: the organ whose
/// resolutions "58/14" or "2625 (XXV)" are when the words around them do not say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    organ: Option<Organ>,
}

impl Context {
    /// The context of a report by its own symbol: a General Assembly report ("A/…") cites the
    /// Assembly's resolutions, a Human Rights Council one ("A/HRC/…") the Council's, and so on.
    /// No symbol, or one of no UN organ (OIC, EU), leaves the numbers to their own form.
    pub fn of_symbol(symbol: Option<&str>) -> Self {
        let symbol = symbol.unwrap_or_default().trim().to_uppercase();
        let organ = [
            ("A/HRC/", HumanRightsCouncil),
            ("A/", GeneralAssembly),
            ("S/", SecurityCouncil),
            ("E/CN.4/", CommissionOnHumanRights),
            ("E/ESCWA/", RegionalCommission),
            ("E/ESCAP/", RegionalCommission),
            ("E/ECA/", RegionalCommission),
            ("E/CEPAL/", RegionalCommission),
            ("LC/", RegionalCommission),
            ("ECE/", RegionalCommission),
            ("E/", EconomicAndSocialCouncil),
            ("UNEP/EA", EnvironmentAssembly),
        ]
        .into_iter()
        .find(|(prefix, _)| symbol.starts_with(prefix))
        .map(|(_, organ)| organ);
        Context { organ }
    }

    pub(super) fn organ(&self) -> Option<Organ> {
        self.organ
    }
}

/// The organ named at `at`, and where its name ends.
pub(super) fn organ_at(text: &Text, at: usize) -> Option<(Organ, usize)> {
    let chinese = NAMES.iter().filter(|(_, words)| is_chinese(words));
    if let Some((organ, [name])) = chinese.clone().find(|(_, words)| text.has(at, words[0])) {
        return Some((*organ, at + name.chars().count()));
    }
    if !text.starts_word(at) {
        return None;
    }
    // The first word is read once for all the names it may begin.
    let (first, first_end) = text.word(at)?;
    NAMES
        .iter()
        .filter(|(_, words)| !is_chinese(words) && first.starts_with(words[0]))
        .find_map(|(organ, words)| {
            rest_of_name(text, first_end, &words[1..]).map(|end| (*organ, end))
        })
}

/// The organ named last before `at` in its sentence ("General Assembly resolution", "the
/// Council, in its resolution").
pub(super) fn organ_before(text: &Text, at: usize) -> Option<Organ> {
    (text.sentence_start(at, 80)..at)
        .rev()
        .find_map(|from| organ_at(text, from).filter(|(_, end)| *end <= at))
        .map(|(organ, _)| organ)
}

/// Whether a word is one of an organ's names ("General", "Council"), which may stand between a
/// paragraph and the resolution it is in ("paragraph 3 of General Assembly resolution 58/14").
pub(super) fn is_name_word(word: &str) -> bool {
    NAMES
        .iter()
        .any(|(_, words)| words.len() > 1 && words.iter().any(|w| word.starts_with(w)))
}

fn is_chinese(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
}

/// Where a name whose first word ends at `end` ends, if its other `words` follow.
fn rest_of_name(text: &Text, mut end: usize, words: &[&str]) -> Option<usize> {
    for expected in words {
        let next = skip_between_words(text, end);
        if next == end {
            return None;
        }
        let (word, word_end) = text.word(next)?;
        if !word.starts_with(expected) {
            return None;
        }
        end = word_end;
    }
    Some(end)
}

/// Past the spaces and the apostrophe between the words of a name ("l’homme").
pub(super) fn skip_between_words(text: &Text, at: usize) -> usize {
    let mut end = at;
    while text.is(end, |c| c.is_whitespace() || c == '\'' || c == '’') {
        end += 1;
    }
    end
}
