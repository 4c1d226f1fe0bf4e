//! The title block: which lines at the head of a report are its symbol, title, italic subtitle,
//! place and date, and which later blocks only repeat them (running headers left by page breaks).

use std::collections::HashSet;

use super::clauses::ends_on_joining_word;
use super::model::{Cover, RichText};

mod dates;
mod fields;
mod lines;
mod symbols;

use dates::*;
use lines::*;

pub(crate) use fields::is_field;
pub(crate) use lines::names_only;

/// Whether a line holds a date, with or without its place ("Jeddah, 14-17 December 2025").
pub(crate) fn is_dated(line: &str) -> bool {
    dates::split_date(line.trim()).is_some()
}
pub(crate) use symbols::looks_like_symbol;

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

/// A line that opens a document's title, not an organ's name under the letterhead ("Report of
/// the Committee against Torture", as an Official Records cover sets it under "United Nations").
fn opens_a_title(plain: &str) -> bool {
    let lower = plain.trim().to_lowercase();
    [
        "report of ",
        "rapport du ",
        "rapport de ",
        "informe del ",
        "informe de ",
        "доклад ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
}

fn classify(line: &RichText) -> LineClass {
    let plain = line.plain();
    let plain = plain.trim();
    // An Official Records imprint, "United Nations • New York, 2026": its place and year.
    if let Some((_, imprint)) = plain.split_once(" • ") {
        if let Some((place, year)) = imprint.rsplit_once(", ") {
            if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
                return LineClass::Date {
                    place: Some(place.trim().to_string()),
                    date: year.to_string(),
                };
            }
        }
    }
    let before_arabic_comma = plain.split('،').next().unwrap_or(plain).trim();
    if looks_like_symbol(plain) || looks_like_symbol(before_arabic_comma) {
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
    // A session line opens with its number or a capital ("60º período de sesiones", "Sixty-first
    // session"); one in small letters goes on from the line above ("Informe … sobre su 60º" /
    // "período de sesiones", a title wrapped).
    if is_session_line(&lower) && !plain.starts_with(char::is_lowercase) {
        return LineClass::Session;
    }
    // The Council of the EU's original language ("(OR. en)") and file codes ("COHAFA 112").
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let file_code = matches!(tokens.as_slice(), [code, number]
        if code.len() >= 3 && code.chars().all(|c| c.is_ascii_uppercase())
            && (1..=4).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()));
    if lower.starts_with("(or.") || file_code {
        return LineClass::Meta;
    }
    if is_byline(&lower) || is_address(&lower) || is_document_kind(plain) {
        return LineClass::Meta;
    }
    if is_distribution(plain) || is_original_language(plain) || LANGUAGES.contains(&lower.as_str())
    {
        return LineClass::Meta;
    }
    // "Chair: …", "Vice-President and Rapporteur: …": a field of the head, not the title, whose
    // label is a few words in capitals ("Situation of human rights in Yemen: report" is a title).
    let field_label = |label: &str| {
        const JOINING: [&str; 9] = ["and", "of", "the", "et", "de", "du", "y", "del", "la"];
        label.chars().count() <= 40
            && label.split_whitespace().count() <= 5
            && label
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) || JOINING.contains(&w))
    };
    match plain.split_once(": ") {
        Some((label, _))
            if label.chars().count() <= 20 && label.starts_with(char::is_uppercase) =>
        {
            LineClass::Meta
        }
        Some((label, _)) if field_label(label) => LineClass::Meta,
        _ => LineClass::Plain,
    }
}

/// "Sixty-first session", "Soixante-quatrième session": a session line proper, not how a text
/// was adopted.
fn is_session_number(lower: &str) -> bool {
    ["session", "sesiones", "сессия", "الدورة", "届会"]
        .iter()
        .any(|w| lower.contains(w))
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
    /// A cover note's table of fields ("From:", "Subject:"), where it has one.
    fields: fields::Fields,
}

impl CoverBuilder {
    pub fn title(&self) -> Option<&RichText> {
        self.cover.title.as_ref()
    }

    pub fn has_title(&self) -> bool {
        self.cover.title.is_some()
    }

    /// A title the document marks as such, in place of one guessed from its lines: the guess
    /// goes back among the head's lines.
    pub fn replace_title(&mut self, title: RichText) {
        if let Some(guess) = self.cover.title.take() {
            self.cover.other_lines.push(guess);
        }
        self.set_title(title);
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
            } else if self.in_un_head && classes[i] == LineClass::Plain && !opens_a_title(&plain) {
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
        // The body a session belongs to, on the line above it ("Commission du développement
        // social" over "Soixante-quatrième session"), is a line of the same kind.
        if classes.len() > 1
            && classes[0] == LineClass::Plain
            && classes[1] == LineClass::Session
            && is_session_number(&lines[1].plain().to_lowercase())
            && lines[0].plain().split_whitespace().count() <= 10
            && !opens_a_title(&lines[0].plain())
            && !lines[0].plain().trim_end().ends_with(['.', ',', ';', ':'])
        {
            classes[0] = LineClass::Session;
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
        // A title wrapped after a joining word ("… session of the" / "Human Rights Council") goes
        // on whatever its next line looks like alone.
        let left_open = |title: &Option<RichText>| {
            title
                .as_ref()
                .is_some_and(|t| ends_on_joining_word(&t.plain()))
        };
        let mut title_open = self.cover.title.is_none() || left_open(&self.cover.title);
        let mut previous_was_subtitle = false;
        for (i, (line, class)) in lines.iter().zip(&classes).enumerate() {
            if self.fields.read(line) {
                self.remember(&line.plain());
                continue;
            }
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
                LineClass::Session | LineClass::Letterhead | LineClass::Plain
                    if title_open && left_open(&self.cover.title) =>
                {
                    if let Some(title) = self.cover.title.as_mut() {
                        title.join_line(line);
                    }
                }
                LineClass::Session => self.cover.other_lines.push(line.clone()),
                _ if is_place => {
                    self.cover.place = Some(line.plain().trim().to_string());
                    title_open = false;
                }
                LineClass::Symbol if self.cover.symbol.is_none() => {
                    // "S/22558، 2 أيار/مايو 1991": the symbol, the Arabic comma, the date.
                    let plain = line.plain();
                    let (symbol, date) = match plain.split_once('،') {
                        Some((symbol, rest)) => (symbol, split_date(rest.trim()).map(|(_, d)| d)),
                        None => (plain.as_str(), None),
                    };
                    self.cover.symbol = Some(symbol.trim().to_string());
                    if self.cover.date.is_none() {
                        self.cover.date = date;
                    }
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

    pub fn finish(mut self) -> Cover {
        // A cover note's subject is its title, whatever its head guessed.
        if let Some(subject) = self.fields.subject().cloned() {
            if let Some(guess) = self.cover.title.replace(subject) {
                self.cover.other_lines.insert(0, guess);
            }
        }
        self.cover.other_lines.extend(self.fields.lines());
        self.cover
    }
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
