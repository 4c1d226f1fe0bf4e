//! Dates as reports write them, in English, French, Spanish, Russian, Arabic and Chinese, ISO
//! and dotted, and a place before a date ("Istanbul, 22 June 2025").

/// Month names as dates write them, in the six languages of the United Nations (Russian in the
/// genitive, Arabic in its Egyptian and Levantine names); Chinese dates are numbers (see
/// [`chinese_date`]).
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
    "الثاني",
    "الأول",
];

/// Words that stand between the parts of a date ("3 de abril de 2025") or after it
/// ("12 июня 2025 года").
pub(super) const DATE_WORDS: [&str; 4] = ["de", "del", "года", "г."];

/// A token with Arabic-Indic or Persian digits in ASCII ones ("٢٠٢٥" is "2025").
pub(super) fn ascii_digits(token: &str) -> String {
    token
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

pub(super) fn is_day(token: &str) -> bool {
    let token = ascii_digits(token);
    let token = token.trim_end_matches([',', '،']).trim_end_matches("er");
    token.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

pub(super) fn is_year(token: &str) -> bool {
    let token = ascii_digits(token);
    let token = token.trim_end_matches(['.', ',', '،']);
    token.len() == 4
        && token
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2200).contains(&y))
}

pub(super) fn is_iso_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    parts.len() == 3 && is_year(parts[0]) && parts[1].len() == 2 && parts[2].len() == 2
}

/// The European Commission's "12.3.2025".
pub(super) fn is_dotted_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && is_day(parts[0])
        && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && is_year(parts[2])
}

/// "2025年7月9日".
pub(super) fn chinese_date(token: &str) -> bool {
    let Some((year, rest)) = token.split_once('年') else {
        return false;
    };
    let Some((month, rest)) = rest.split_once('月') else {
        return false;
    };
    is_year(year)
        && month.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && rest.strip_suffix('日').is_some_and(is_day)
}

/// Finds a date that ends a short line ("22 June 2025", "June 22, 2025", "2025-06-22",
/// "24 February-4 April 2025", "9 juillet 2025", "3 de abril de 2025", "12 июня 2025 года",
/// "٩ يوليو ٢٠٢٥", "2025年7月9日", "12.3.2025") and returns what stands before it as the place,
/// if anything does.
pub(crate) fn split_date(line: &str) -> Option<(Option<String>, String)> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 12 {
        return None;
    }
    // A closing word ("года") belongs to the date.
    let mut last = tokens.len() - 1;
    if last > 0 && DATE_WORDS.contains(&tokens[last]) {
        last -= 1;
    }
    let is_month =
        |t: &str| MONTHS.contains(&t.trim_end_matches(['.', ',']).to_lowercase().as_str());
    let start = if is_iso_date(tokens[last])
        || is_dotted_date(tokens[last])
        || chinese_date(tokens[last])
    {
        last
    } else if is_year(tokens[last]) {
        // Walk back over days, months and the words between them, including ranges such as
        // "21-22" or "February-4".
        let part_of_date = |t: &str| {
            let t = t.trim_end_matches([',', '،']);
            !t.is_empty()
                && (DATE_WORDS.contains(&t)
                    // Arabic names a month twice, "أيار/مايو".
                    || t.split(['-', '–', '/'])
                        .all(|p| p.is_empty() || is_day(p) || is_month(p)))
        };
        let mut start = (0..last)
            .rev()
            .take_while(|&i| part_of_date(tokens[i]))
            .last()?;
        // A date starts with a day or a month, not with "de".
        while DATE_WORDS.contains(&tokens[start]) && start < last {
            start += 1;
        }
        if !tokens[start..last]
            .iter()
            .any(|t| t.split(['-', '–', '/']).any(is_month))
        {
            return None;
        }
        start
    } else {
        return None;
    };
    let date = tokens[start..].join(" ");
    let place = tokens[..start].join(" ");
    let place = place
        .trim()
        .trim_end_matches([',', ';', '-', '–', '،'])
        .trim();
    // A place never ends with a word in small letters ("adopted on", "dated", "datée du"), save
    // the article some languages put before a date ("Genève, le").
    let last_word = place.split_whitespace().last().unwrap_or_default();
    if last_word.starts_with(char::is_lowercase) && !["le", "el", "den", "am"].contains(&last_word)
    {
        return None;
    }
    Some(((!place.is_empty()).then(|| place.to_string()), date))
}
