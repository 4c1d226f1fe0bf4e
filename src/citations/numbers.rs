//! Resolutions and decisions cited by their number alone ("resolution 58/14", "resolutions
//! 52/11 of 3 April 2023 and 56/4", "résolution 79/214 de l’Assemblée générale", "قرار مجلس
//! الأمن 2365 (2017)", "大会第79/221号决议", "Resolution No. 3/51-POL"), and the symbols of the
//! documents they are.

use super::chars::{is_session_numeral, is_year, Found, Text};
use super::organs::{organ_at, organ_before, skip_between_words, Context, Organ, Organ::*};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Resolution,
    Decision,
}

/// How a number is written, which tells whose it can be.
enum Form {
    /// "58/14", "S-8/1", "ES-11/1": by session (General Assembly, Human Rights Council).
    Session,
    /// "2004/67": by year (Economic and Social Council, Commission on Human Rights).
    Year,
    /// "2720 (2023)": the Security Council's.
    SecurityCouncil { number: u32, year: u32 },
    /// "2625 (XXV)", "217 A (III)": the General Assembly's before 1976 (or the Economic and
    /// Social Council's before 1978), numbered across sessions.
    AcrossSessions { number: u32, session: String },
    /// "3/51-POL": the OIC's, by number, session and committee.
    Oic,
}

struct Number {
    start: usize,
    end: usize,
    form: Form,
}

pub(super) fn find(text: &Text, context: &Context) -> Vec<Found> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        match keyword_at(text, at) {
            Some((kind, end)) => {
                found.extend(cited_after(text, at, end, kind, context));
                at = end;
            }
            None => at += 1,
        }
    }
    found.extend(in_chinese(text, context));
    found
}

/// "resolution", "décision", "resoluciones", "резолюции", "بقرار" at `at`, and where it ends.
fn keyword_at(text: &Text, at: usize) -> Option<(Kind, usize)> {
    // The letters these words begin with, checked before the word is read, which costs more.
    let initial = |c: char| "rRdDрРقاوبلفم".contains(c);
    if !text.is(at, initial) || !text.starts_word(at) {
        return None;
    }
    let (word, end) = text.word(at)?;
    // Arabic joins "and", "by", "to" to the word after them: "وقرار", "بقرار", "للقرار".
    let word = word
        .strip_prefix(['و', 'ب', 'ل', 'ف'])
        .filter(|rest| rest.starts_with("قرار") || rest.contains("لقرار"))
        .unwrap_or(&word);
    let is = |stems: &[&str]| stems.iter().any(|stem| word.starts_with(stem));
    if is(&[
        "resolution",
        "résolution",
        "resoluci",
        "резолюци",
        "قرار",
        "القرار",
        "لقرار",
    ]) {
        Some((Kind::Resolution, end))
    } else if is(&["decisi", "décision", "решени"]) || word == "المقرر" || word == "مقرر"
    {
        Some((Kind::Decision, end))
    } else {
        None
    }
}

/// The numbers a keyword at `keyword` (ending at `after`) introduces, with their organ.
fn cited_after(
    text: &Text,
    keyword: usize,
    after: usize,
    kind: Kind,
    context: &Context,
) -> Vec<Found> {
    let mut at = text.skip_spaces(after);
    // Arabic names the organ between the word and the number: "قرار مجلس الأمن 2365 (2017)".
    let named_between = organ_at(text, at).map(|(organ, end)| {
        at = text.skip_spaces(end);
        organ
    });
    at = past_number_sign(text, at);
    let mut numbers = Vec::new();
    while let Some(number) = number_at(text, at) {
        let next = separator_after(text, past_date(text, number.end));
        numbers.push(number);
        match next {
            Some(next) => at = next,
            None => break,
        }
    }
    let Some(last) = numbers.last() else {
        return Vec::new();
    };
    let named = organ_after(text, past_date(text, last.end))
        .or(named_between)
        .or_else(|| organ_before(text, keyword))
        .or(context.organ());
    let lead = |i: usize| (i == 0).then_some(keyword);
    numbers
        .iter()
        .enumerate()
        .filter_map(|(i, number)| {
            Some(Found {
                start: number.start,
                end: number.end,
                symbol: symbol_of(text, number, kind, named)?,
                lead: lead(i),
            })
        })
        .collect()
}

/// Past "No.", "n°", "núm.", "رقم" before a number.
fn past_number_sign(text: &Text, at: usize) -> usize {
    let Some((word, mut end)) = text.word(at) else {
        return at;
    };
    if !["no", "nos", "n", "nº", "núm", "nr", "رقم"].contains(&word.as_str()) {
        return at;
    }
    while text.is(end, |c| matches!(c, '.' | '°' | 'º')) {
        end += 1;
    }
    let end = text.skip_spaces(end);
    if text.is(end, |c| c.is_ascii_digit()) {
        end
    } else {
        at
    }
}

fn number_at(text: &Text, at: usize) -> Option<Number> {
    let special = ["ES-", "S-"]
        .into_iter()
        .find(|prefix| text.has(at, prefix));
    let digits_at = at + special.map_or(0, str::len);
    let (first, first_end) = text.digits(digits_at)?;
    if text.at(first_end) == Some('/') && text.is(first_end + 1, |c| c.is_ascii_digit()) {
        let (_, end) = text.digits(first_end + 1)?;
        if text.at(end) == Some('-') && special.is_none() {
            return oic_number(text, at, end);
        }
        // More numbers and slashes make a date or a symbol ("12/05/2024", "2014/145/CFSP"); a
        // dot and a number, a footnote's mark ("resolution 52/9.1").
        let goes_on = text.at(end) == Some('/') && text.is(end + 1, char::is_alphanumeric);
        if goes_on || !text.ends_word(end) {
            return None;
        }
        let form = match first_end - digits_at {
            4 if is_year(first) && special.is_none() => Form::Year,
            1 | 2 if first > 0 => Form::Session,
            _ => return None,
        };
        return Some(Number {
            start: at,
            end,
            form,
        });
    }
    if special.is_some() || !text.ends_word(first_end) {
        return None;
    }
    let after_letters = past_letters(text, first_end);
    let open = text.skip_spaces(after_letters);
    if text.at(open) != Some('(') {
        return None;
    }
    let close = (open + 1..open + 12).find(|&i| text.at(i) == Some(')'))?;
    let inside = text.slice(open + 1, close);
    let form = match inside.parse() {
        Ok(year) if is_year(year) && inside.len() == 4 && after_letters == first_end => {
            Form::SecurityCouncil {
                number: first,
                year,
            }
        }
        Err(_) if is_session_numeral(&inside) => Form::AcrossSessions {
            number: first,
            session: inside,
        },
        _ => return None,
    };
    Some(Number {
        start: at,
        end: close + 1,
        form,
    })
}

/// "3/51-POL", "45/10-P(IS)": an OIC number, whose committee follows its dash at `dash`.
fn oic_number(text: &Text, start: usize, dash: usize) -> Option<Number> {
    let mut end = dash + 1;
    while text.is(end, |c| c.is_ascii_uppercase()) {
        end += 1;
    }
    if text.at(end) == Some('(') {
        end = (end + 1..end + 6).find(|&i| text.at(i) == Some(')'))? + 1;
    }
    (end > dash + 1 && text.ends_word(end)).then_some(Number {
        start,
        end,
        form: Form::Oic,
    })
}

/// Past the letters that tell apart resolutions adopted under one number ("217 A (III)",
/// "3411 A and B (XXX)", "3419 A to D (XXX)").
fn past_letters(text: &Text, at: usize) -> usize {
    let letter_at = |i: usize| text.is(i, |c| ('A'..='H').contains(&c)) && text.ends_word(i + 1);
    let first = text.skip_spaces(at);
    if !letter_at(first) {
        return at;
    }
    let mut end = first + 1;
    loop {
        let joiner = text.skip_spaces(end);
        let next = match text.word(joiner) {
            Some((word, word_end))
                if ["and", "to", "et", "à", "y", "a"].contains(&word.as_str()) =>
            {
                text.skip_spaces(word_end)
            }
            _ if text.at(joiner) == Some(',') => text.skip_spaces(joiner + 1),
            _ => return end,
        };
        if !letter_at(next) {
            return end;
        }
        end = next + 1;
    }
}

/// Where the next number of a list begins, if a comma or an "and" says one follows.
fn separator_after(text: &Text, at: usize) -> Option<usize> {
    let mut next = text.skip_spaces(at);
    let mut joined = false;
    if text.at(next) == Some(',') {
        next = text.skip_spaces(next + 1);
        joined = true;
    }
    if let Some((word, end)) = text.word(next) {
        if ["and", "et", "y", "e", "or", "ou", "o", "и", "или", "و"].contains(&word.as_str()) {
            next = text.skip_spaces(end);
            joined = true;
        }
    }
    joined.then_some(next)
}

/// Past the date a number may have after it ("of 3 April 2023", "du 3 avril 2023", "de 3 de
/// abril de 2023", "المؤرخ 3 نيسان/أبريل 2023"), so that a list goes on after it.
fn past_date(text: &Text, at: usize) -> usize {
    let start = text.skip_spaces(at);
    let Some((word, word_end)) = text.word(start) else {
        return at;
    };
    if !["of", "du", "de", "del", "dated", "от", "المؤرخ", "المؤرخة"].contains(&word.as_str())
    {
        return at;
    }
    let mut end = text.skip_spaces(word_end);
    match text.digits(end) {
        Some((day, day_end)) if (1..=31).contains(&day) => end = day_end,
        _ => return at,
    }
    for _ in 0..5 {
        end = text.skip_spaces(end);
        if let Some((year, year_end)) = text.digits(end) {
            return if is_year(year) && year_end - end == 4 {
                year_end
            } else {
                at
            };
        }
        match text.word(end) {
            Some((_, word_end)) => end = word_end,
            None if text.at(end) == Some('/') => end += 1,
            None => return at,
        }
    }
    at
}

/// The organ named right after a list ("de l’Assemblée générale", "del Consejo Económico y
/// Social", "Генеральной Ассамблеи", "of the General Assembly").
fn organ_after(text: &Text, at: usize) -> Option<Organ> {
    let mut next = text.skip_spaces(at);
    for _ in 0..4 {
        if let Some((organ, _)) = organ_at(text, next) {
            return Some(organ);
        }
        let (word, end) = text.word(next)?;
        if !["of", "the", "de", "la", "l", "du", "del"].contains(&word.as_str()) {
            return None;
        }
        next = skip_between_words(text, end);
    }
    None
}

/// "第79/221号决议": Chinese puts the number between "第" and the word for resolution.
fn in_chinese(text: &Text, context: &Context) -> Vec<Found> {
    (0..text.len())
        .filter(|&at| text.at(at) == Some('第'))
        .filter_map(|at| {
            let number = number_at(text, text.skip_spaces(at + 1))?;
            let after = text.skip_spaces(number.end);
            let kind = match () {
                _ if text.has(after, "号决议") => Kind::Resolution,
                _ if text.has(after, "号决定") => Kind::Decision,
                _ => return None,
            };
            let named = organ_before(text, at).or(context.organ());
            Some(Found {
                start: number.start,
                end: number.end,
                symbol: symbol_of(text, &number, kind, named)?,
                lead: None,
            })
        })
        .collect()
}

/// The symbol of the document a number is, once its organ is settled: the one the words or
/// the report name if the number's form fits it, else the one that form is most often.
fn symbol_of(text: &Text, number: &Number, kind: Kind, named: Option<Organ>) -> Option<String> {
    let written = text.slice(number.start, number.end);
    let (series, word) = match kind {
        Kind::Resolution => ("RES", "Resolution"),
        Kind::Decision => ("DEC", "Decision"),
    };
    let organ = match (&number.form, named) {
        (Form::Oic, _) => return Some(format!("OIC {word} No. {written}")),
        // The Security Council does not number its decisions.
        (Form::SecurityCouncil { number, year }, _) => {
            return (kind == Kind::Resolution).then(|| format!("S/RES/{number} ({year})"));
        }
        (
            Form::Session,
            Some(organ @ (GeneralAssembly | HumanRightsCouncil | EnvironmentAssembly)),
        ) => organ,
        (Form::Session, _) => GeneralAssembly,
        (Form::Year, Some(organ @ (EconomicAndSocialCouncil | CommissionOnHumanRights))) => organ,
        (Form::Year, _) => EconomicAndSocialCouncil,
        (Form::AcrossSessions { number, session }, named) => {
            // Decisions had no numbers before 1976, and regional commissions' resolutions
            // ("330 (XXX)") have no symbol of their own.
            let organ = match named {
                _ if kind == Kind::Decision => return None,
                Some(RegionalCommission) => return None,
                Some(EconomicAndSocialCouncil) => "E",
                _ => "A",
            };
            return Some(format!("{organ}/RES/{number} ({session})"));
        }
    };
    let prefix = match organ {
        HumanRightsCouncil => "A/HRC",
        EconomicAndSocialCouncil => "E",
        CommissionOnHumanRights => "E/CN.4",
        EnvironmentAssembly => {
            let (session, number) = written.split_once('/')?;
            return Some(format!("UNEP/EA.{session}/{}.{number}", &word[..3]));
        }
        _ => "A",
    };
    Some(format!("{prefix}/{series}/{written}"))
}
