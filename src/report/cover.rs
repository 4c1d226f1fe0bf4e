//! The title block: which lines at the head of a report are its symbol, title, italic subtitle,
//! place and date, and which later blocks only repeat them (running headers left by page breaks).

use std::collections::HashSet;

use super::model::{Cover, RichText};

impl Cover {
    /// How the document is distributed, as its head says it ("Distr.: General").
    pub fn distribution(&self) -> Option<String> {
        self.other_lines
            .iter()
            .map(RichText::plain)
            .find(|l| is_distribution(l))
    }

    /// The language it was written in, as its head says it ("Original: English").
    pub fn original_language(&self) -> Option<String> {
        self.other_lines
            .iter()
            .map(RichText::plain)
            .find(|l| is_original_language(l))
    }
}

/// What one line of a title block looks like it is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LineClass {
    Symbol,
    /// Set in italics throughout.
    Subtitle,
    /// A date, with the place written before it on the same line, if any ("Istanbul, 22 June 2025").
    Date {
        place: Option<String>,
        date: String,
    },
    /// A labelled line of the kind UN documents carry: "Distr.: General", "Original: English".
    Meta,
    /// The organisation's name or the organ's at the head of its documents ("United Nations",
    /// "General Assembly"): shown, but never the document's title.
    Letterhead,
    /// A session or agenda line ("Fifty-ninth session", "Agenda item 3"): the block it stands
    /// in says where the document belongs, and is not its title either.
    Session,
    Plain,
}

/// Letterheads and organs, in the six languages of the United Nations, and other bodies whose
/// documents open the same way.
const LETTERHEADS: [&str; 42] = [
    "united nations",
    "nations unies",
    "naciones unidas",
    "организация объединенных наций",
    "الأمم المتحدة",
    "联合国",
    "general assembly",
    "assemblée générale",
    "asamblea general",
    "генеральная ассамблея",
    "الجمعية العامة",
    "大会",
    "security council",
    "conseil de sécurité",
    "consejo de seguridad",
    "совет безопасности",
    "مجلس الأمن",
    "安全理事会",
    "economic and social council",
    "conseil économique et social",
    "consejo económico y social",
    "экономический и социальный совет",
    "المجلس الاقتصادي والاجتماعي",
    "经济及社会理事会",
    "human rights council",
    "conseil des droits de l’homme",
    "conseil des droits de l'homme",
    "consejo de derechos humanos",
    "совет по правам человека",
    "مجلس حقوق الإنسان",
    "人权理事会",
    "african union",
    "union africaine",
    "união africana",
    "الاتحاد الأفريقي",
    "european commission",
    "commission européenne",
    "peace and security council",
    "conseil de paix et de sécurité",
    "organisation of islamic cooperation",
    "organization of islamic cooperation",
    "منظمة التعاون الإسلامي",
];

/// The language of a UN document's version, as its head names it ("Français" under "Distr.").
const LANGUAGES: [&str; 18] = [
    "english",
    "french",
    "spanish",
    "russian",
    "arabic",
    "chinese",
    "anglais",
    "français",
    "espagnol",
    "russe",
    "arabe",
    "chinois",
    "inglés",
    "francés",
    "español",
    "ruso",
    "árabe",
    "chino",
];

fn is_letterhead(lower: &str) -> bool {
    // The bodies whose names head their documents, above the title: "Committee on the Elimination
    // of Discrimination against Women", "Comité des droits de l’enfant", "Commission on the
    // Status of Women", "Conference of the Parties".
    const BODIES: [&str; 12] = [
        "committee on ",
        "committee against ",
        "comité des ",
        "comité pour ",
        "comité contre ",
        "comité de ",
        "comité para ",
        "comité contra ",
        "комитет ",
        "لجنة ",
        "commission on the ",
        "conference of the parties",
    ];
    LETTERHEADS.contains(&lower.trim_end_matches(['.', ':']))
        || (lower.split_whitespace().count() <= 12 && BODIES.iter().any(|b| lower.starts_with(b)))
}

/// The United Nations' own letterhead, in its six languages: under it, the organ's slot.
fn is_un_letterhead(lower: &str) -> bool {
    LETTERHEADS[..6].contains(&lower.trim())
}

/// The organisation's address on its letterhead ("P.O. Box 3243 Tel.: +251 …").
fn is_address(lower: &str) -> bool {
    [
        "p.o. box",
        "p. o. box",
        "tel.:",
        "tel:",
        "telephone:",
        "fax:",
        "e-mail:",
        "email:",
        "website:",
        "b.p.",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Who a UN document is from, on its own line under the title ("Report of the
/// Secretary-General", "Note by the Secretariat"), in the six languages.
/// The kind of an EU document, set in capitals above its title ("COMMUNICATION FROM THE
/// COMMISSION TO …"); in small letters, it is the title itself.
fn is_document_kind(plain: &str) -> bool {
    const KINDS: [&str; 7] = [
        "communication from the commission",
        "report from the commission",
        "proposal for a",
        "commission staff working document",
        "joint communication",
        "white paper",
        "green paper",
    ];
    let lower = plain.to_lowercase();
    !plain.chars().any(char::is_lowercase) && KINDS.iter().any(|k| lower.starts_with(k))
}

fn is_byline(lower: &str) -> bool {
    const BYLINES: [&str; 14] = [
        "report of the secretary-general",
        "note by the",
        "rapport du secrétaire général",
        "note du",
        "informe del secretario general",
        "nota de la",
        "nota del",
        "доклад генерального секретаря",
        "записка",
        "تقرير الأمين العام",
        "مذكرة من",
        "秘书长的报告",
        "秘书处的说明",
        "note by the secretary-general",
    ];
    lower.split_whitespace().count() <= 6 && BYLINES.iter().any(|b| lower.starts_with(b))
}

/// "Fifty-ninth session", "Agenda item 3", "Point 3 de l’ordre du jour", "Tema 3 del programa",
/// "Пункт 3 повестки дня", "البند 3 من جدول الأعمال", "议程项目3".
fn is_session_line(lower: &str) -> bool {
    // How a resolution was adopted, and on whose report: "Resolution adopted by the General
    // Assembly on 17 December 2024", "[on the report of the Third Committee (A/79/457/Add.2)]".
    let adopted = [
        "adopted by",
        "resolution adopted",
        "résolution adoptée",
        "adoptée par",
        "aprobada por",
        "resolución aprobada",
        "принята",
        "резолюция, принятая",
        "اتخذ",
        "通过的决议",
    ];
    if adopted.iter().any(|w| lower.contains(w)) || (lower.starts_with('[') && lower.ends_with(']'))
    {
        return true;
    }
    let words = lower.split_whitespace().count();
    let session = ["session", "período de sesiones", "periodo de sesiones", "сессия", "الدورة", "届会"].iter().any(|w| lower.contains(w))
        // "1250th meeting", as the AU numbers its Peace and Security Council's.
        || (words <= 4 && lower.contains("meeting") && lower.chars().any(|c| c.is_ascii_digit()));
    let item = [
        "agenda item",
        "item ",
        "items ",
        "point ",
        "points ",
        "tema ",
        "temas ",
        "пункт",
        "البند",
        "议程项目",
    ]
    .iter()
    .any(|w| lower.starts_with(w));
    let has_number = lower.chars().any(|c| c.is_numeric());
    words <= 8 && (session || (item && has_number))
}

fn classify(line: &RichText) -> LineClass {
    let plain = line.plain();
    let plain = plain.trim();
    if looks_like_symbol(plain) {
        return LineClass::Symbol;
    }
    if let Some((place, date)) = split_date(plain) {
        return LineClass::Date { place, date };
    }
    let lower = plain.to_lowercase();
    if is_letterhead(&lower) {
        return LineClass::Letterhead;
    }
    // Set in italics, it is the title's subtitle, whatever it says ("Adopted by …").
    if line
        .spans()
        .iter()
        .filter(|s| !s.text.trim().is_empty())
        .all(|s| s.style.emphasis)
    {
        return LineClass::Subtitle;
    }
    if is_session_line(&lower) {
        return LineClass::Session;
    }
    if is_byline(&lower) || is_address(&lower) || is_document_kind(plain) {
        return LineClass::Meta;
    }
    if is_distribution(plain) || is_original_language(plain) || LANGUAGES.contains(&lower.as_str())
    {
        return LineClass::Meta;
    }
    match plain.split_once(": ") {
        Some((label, _))
            if label.chars().count() <= 20 && label.starts_with(char::is_uppercase) =>
        {
            LineClass::Meta
        }
        _ => LineClass::Plain,
    }
}

/// Builds the cover from the leading blocks of a report, one block at a time.
#[derive(Debug, Default)]
pub(crate) struct CoverBuilder {
    cover: Cover,
    /// Under "United Nations", before "Distr.": the organ's place, whatever it names ("General
    /// Assembly", or a treaty: "Convention on the Elimination of All Forms of …").
    in_un_head: bool,
    /// Every line the cover is made of, normalised, to recognise running headers.
    seen: HashSet<String>,
}

impl CoverBuilder {
    pub fn has_title(&self) -> bool {
        self.cover.title.is_some()
    }

    pub fn set_title(&mut self, title: RichText) {
        self.remember(&title.plain());
        self.cover.title = Some(title);
    }

    fn remember(&mut self, text: &str) {
        let key = normalise(text);
        if !key.is_empty() {
            self.seen.insert(key);
        }
    }

    /// A block that only repeats lines of the title block, as a page's running header does.
    pub fn is_repeat(&self, lines: &[RichText]) -> bool {
        if self.seen.is_empty() || lines.is_empty() {
            return false;
        }
        let joined = lines
            .iter()
            .map(|l| l.plain())
            .collect::<Vec<_>>()
            .join(" ");
        self.seen.contains(&normalise(&joined))
            || lines
                .iter()
                .all(|l| self.seen.contains(&normalise(&l.plain())))
    }

    /// Reads one block of the title block, line by line.
    pub fn take_block(&mut self, lines: &[RichText]) {
        let mut classes: Vec<LineClass> = lines.iter().map(classify).collect();
        for (i, line) in lines.iter().enumerate() {
            let plain = line.plain();
            if is_un_letterhead(&plain.to_lowercase()) && self.cover.title.is_none() {
                self.in_un_head = true;
            } else if is_distribution(&plain) {
                self.in_un_head = false;
            } else if self.in_un_head && classes[i] == LineClass::Plain {
                classes[i] = LineClass::Letterhead;
            }
            // A line that starts in small letters goes on with the line above it.
            let continues_above = matches!(
                classes.get(i.wrapping_sub(1)),
                Some(LineClass::Letterhead | LineClass::Session | LineClass::Meta)
            );
            if continues_above
                && plain.trim_start().starts_with(char::is_lowercase)
                && classes[i] == LineClass::Plain
            {
                classes[i] = classes[i - 1].clone();
            }
        }
        if let Some(first) = classes.iter().position(|c| *c == LineClass::Session) {
            // From its first session line on, a block gives the organ, session and agenda item
            // the document belongs to (the agenda item's title under it): kept as written, never
            // taken for the document's title. A place over a date there stays a place.
            for i in first..classes.len() {
                let before_date = matches!(
                    classes.get(i + 1),
                    Some(LineClass::Date { place: None, .. })
                );
                if matches!(classes[i], LineClass::Plain | LineClass::Subtitle) && !before_date {
                    classes[i] = LineClass::Session;
                }
            }
        }
        // The kind of an EU document runs over several lines in capitals.
        for i in 1..classes.len() {
            let capitals = |l: &RichText| {
                l.plain().chars().any(char::is_alphabetic)
                    && !l.plain().chars().any(char::is_lowercase)
            };
            if classes[i] == LineClass::Plain
                && classes[i - 1] == LineClass::Meta
                && capitals(&lines[i])
                && capitals(&lines[i - 1])
            {
                classes[i] = LineClass::Meta;
            }
        }
        let mut title_open = self.cover.title.is_none();
        let mut previous_was_subtitle = false;
        for (i, (line, class)) in lines.iter().zip(&classes).enumerate() {
            let mut is_subtitle = false;
            let date_follows = matches!(
                classes.get(i + 1),
                Some(LineClass::Date { place: None, .. })
            );
            let is_place = date_follows
                && self.cover.title.is_some()
                && self.cover.place.is_none()
                && matches!(
                    class,
                    LineClass::Plain | LineClass::Subtitle | LineClass::Session
                )
                && names_only(&line.plain());
            match class {
                LineClass::Session => self.cover.other_lines.push(line.clone()),
                _ if is_place => {
                    self.cover.place = Some(line.plain().trim().to_string());
                    title_open = false;
                }
                LineClass::Symbol if self.cover.symbol.is_none() => {
                    self.cover.symbol = Some(line.plain().trim().to_string());
                }
                LineClass::Subtitle if self.cover.subtitle.is_none() || previous_was_subtitle => {
                    title_open = false;
                    is_subtitle = true;
                    self.cover
                        .subtitle
                        .get_or_insert_with(RichText::default)
                        .join_line(line);
                }
                // Under "Distr.: General", a UN document's date of issue: its date.
                LineClass::Date { place: None, date }
                    if self.cover.date.is_none() && self.follows_distribution(lines, i) =>
                {
                    self.cover.date = Some(date.clone());
                }
                LineClass::Date { place, date } if self.cover.date.is_none() => {
                    title_open = false;
                    self.cover.date = Some(date.clone());
                    if self.cover.place.is_none() {
                        self.cover.place = place.clone();
                    }
                }
                // Where a dated document met ("Geneva, 24 February-4 April 2025" under a UN
                // resolution's title): its place, the line kept as written.
                LineClass::Date {
                    place: Some(place), ..
                } if self.cover.place.is_none() && self.cover.title.is_some() => {
                    title_open = false;
                    self.cover.place = Some(place.clone());
                    self.cover.other_lines.push(line.clone());
                }
                LineClass::Plain if title_open => {
                    // A UN title's asterisk calls a note at the foot of the page ("* Adopted by
                    // the Committee at …"): the title is the words before it.
                    let mut line = line.clone();
                    if let Some(last) = line.0.last_mut() {
                        let kept = last.text.trim_end().trim_end_matches('*').len();
                        last.text.truncate(kept);
                    }
                    self.cover
                        .title
                        .get_or_insert_with(RichText::default)
                        .join_line(&line);
                }
                _ => self.cover.other_lines.push(line.clone()),
            }
            previous_was_subtitle = is_subtitle;
            self.remember(&line.plain());
        }
        let fields: Vec<String> = [&self.cover.title, &self.cover.subtitle]
            .into_iter()
            .flatten()
            .map(|t| t.plain())
            .collect();
        for text in fields {
            self.remember(&text);
        }
        if let (Some(place), Some(date)) = (self.cover.place.clone(), self.cover.date.clone()) {
            self.remember(&format!("{place}, {date}"));
            self.remember(&place);
            self.remember(&date);
        }
    }

    /// Whether the line before line `i` of this block (or, for the first, the last line kept
    /// from the blocks before) is a distribution line ("Distr.: General").
    fn follows_distribution(&self, lines: &[RichText], i: usize) -> bool {
        let before = match i.checked_sub(1) {
            Some(previous) => lines.get(previous),
            None => self.cover.other_lines.last(),
        };
        before.is_some_and(|l| is_distribution(&l.plain()))
    }

    pub fn finish(self) -> Cover {
        self.cover
    }
}

/// A line of proper names, as places and headings are written: every word capitalised but the
/// small words between names ("Istanbul, Republic of Türkiye", "Political Affairs"), or a script
/// without capitals. "Council on the situation in the Sahel" is not one.
pub(crate) fn names_only(line: &str) -> bool {
    const SMALL: [&str; 18] = [
        "of", "and", "the", "de", "du", "des", "la", "le", "les", "et", "y", "del", "da", "do",
        "am", "an", "der", "d’",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            let first = w.trim_start_matches(['(', '“', '"']).chars().next();
            first.is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
                || SMALL.contains(&w.to_lowercase().as_str())
        })
        && !words[0].starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
}

/// "Distr.: General", "Distr. générale", "Distr. general", "Distr.: Limited", "توزيع: عام".
pub(crate) fn is_distribution(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("Distr") || line.starts_with("توزيع") || line.starts_with("分发")
}

/// "Original: English", "Original : anglais", "Original: inglés", "الأصل: بالإنكليزية", "原文：英文".
pub(crate) fn is_original_language(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("Original")
        || line.starts_with("الأصل")
        || line.starts_with("原文")
        || line.starts_with("Подлинный")
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

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
    looks_like_slash_symbol(text) || looks_like_eu_symbol(text)
}

/// The European Commission's style: `COM(2024) 123 final`, `SWD(2023) 45`.
fn looks_like_eu_symbol(text: &str) -> bool {
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

fn looks_like_slash_symbol(text: &str) -> bool {
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

/// Month names as dates write them, in the six languages of the United Nations (Russian in the
/// genitive, Arabic in its Egyptian and Levantine names); Chinese dates are numbers (see
/// [`chinese_date`]).
const MONTHS: &[&str] = &[
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
const DATE_WORDS: [&str; 4] = ["de", "del", "года", "г."];

/// A token with Arabic-Indic or Persian digits in ASCII ones ("٢٠٢٥" is "2025").
fn ascii_digits(token: &str) -> String {
    token
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

fn is_day(token: &str) -> bool {
    let token = ascii_digits(token);
    let token = token.trim_end_matches([',', '،']).trim_end_matches("er");
    token.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(token: &str) -> bool {
    let token = ascii_digits(token);
    let token = token.trim_end_matches(['.', ',', '،']);
    token.len() == 4
        && token
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2200).contains(&y))
}

fn is_iso_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    parts.len() == 3 && is_year(parts[0]) && parts[1].len() == 2 && parts[2].len() == 2
}

/// The European Commission's "12.3.2025".
fn is_dotted_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && is_day(parts[0])
        && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && is_year(parts[2])
}

/// "2025年7月9日".
fn chinese_date(token: &str) -> bool {
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
                    || t.split(['-', '–'])
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
            .any(|t| t.split(['-', '–']).any(is_month))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_recognised_in_their_usual_forms() {
        for s in [
            "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP",
            "A/RES/78/1",
            "S/2024/123",
            "E/CN.4/2005/L.10",
            "COM(2024) 123 final",
            "SWD(2023) 45",
            "S/RES/2780 (2025)",
            "PSC/PR/COMM.1250 (2025)",
        ] {
            assert!(looks_like_symbol(s), "{s}");
        }
        for s in [
            "Report",
            "and/or",
            "22 June 2025",
            "A/",
            "Istanbul, Republic of Türkiye",
            "COM(2024) draft",
            "COMMUNICATION (2024)",
        ] {
            assert!(!looks_like_symbol(s), "{s}");
        }
    }

    #[test]
    fn dates_are_found_with_or_without_a_place() {
        assert_eq!(
            split_date("22 June 2025"),
            Some((None, "22 June 2025".into()))
        );
        assert_eq!(
            split_date("June 22, 2025"),
            Some((None, "June 22, 2025".into()))
        );
        assert_eq!(
            split_date("Istanbul, 21-22 June 2025"),
            Some((Some("Istanbul".into()), "21-22 June 2025".into()))
        );
        assert_eq!(
            split_date("Genève, 1er juillet 2024"),
            Some((Some("Genève".into()), "1er juillet 2024".into()))
        );
        assert_eq!(split_date("2025-06-22"), Some((None, "2025-06-22".into())));
        assert_eq!(
            split_date("Geneva, 24 February-4 April 2025"),
            Some((Some("Geneva".into()), "24 February-4 April 2025".into()))
        );
        assert_eq!(split_date("May 2025"), Some((None, "May 2025".into())));
        assert_eq!(split_date("Report of the Meeting"), None);
        assert_eq!(split_date("In 2025"), None);
        assert_eq!(
            split_date("Resolution adopted by the General Assembly on 17 December 2024"),
            None
        );
        assert_eq!(split_date("Lettre datée du 19 février 2025"), None);
    }

    #[test]
    fn dates_are_read_in_the_six_languages_of_the_united_nations_and_the_eus_form() {
        for date in [
            "9 July 2025",
            "9 juillet 2025",
            "9 de julio de 2025",
            "9 июля 2025 года",
            "٩ يوليو ٢٠٢٥",
            "9 تموز 2025",
            "2025年7月9日",
            "9.7.2025",
        ] {
            assert_eq!(split_date(date), Some((None, date.to_string())), "{date}");
        }
        assert_eq!(
            split_date("Nueva York, 3 de abril de 2025"),
            Some((Some("Nueva York".into()), "3 de abril de 2025".into()))
        );
        assert_eq!(
            split_date("Brussels, 12.3.2025"),
            Some((Some("Brussels".into()), "12.3.2025".into()))
        );
        assert_eq!(
            split_date("Женева, 12 июня 2025 года"),
            Some((Some("Женева".into()), "12 июня 2025 года".into()))
        );
        assert_eq!(split_date("de 2025"), None);
    }
}
