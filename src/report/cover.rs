//! The title block: which lines at the head of a report are its symbol, title, italic subtitle,
//! place and date, and which later blocks only repeat them (running headers left by page breaks).

use std::collections::HashSet;

use super::model::{Cover, RichText};

/// What one line of a title block looks like it is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LineClass {
    Symbol,
    /// Set in italics throughout.
    Subtitle,
    /// A date, with the place written before it on the same line, if any ("Istanbul, 22 June 2025").
    Date { place: Option<String>, date: String },
    /// A labelled line of the kind UN documents carry: "Distr.: General", "Original: English".
    Meta,
    Plain,
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
    if line.spans().iter().filter(|s| !s.text.trim().is_empty()).all(|s| s.style.emphasis) {
        return LineClass::Subtitle;
    }
    match plain.split_once(": ") {
        Some((label, _)) if label.chars().count() <= 20 && label.starts_with(char::is_uppercase) => LineClass::Meta,
        _ => LineClass::Plain,
    }
}

/// Builds the cover from the leading blocks of a report, one block at a time.
#[derive(Debug, Default)]
pub(crate) struct CoverBuilder {
    cover: Cover,
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
        let joined = lines.iter().map(|l| l.plain()).collect::<Vec<_>>().join(" ");
        self.seen.contains(&normalise(&joined)) || lines.iter().all(|l| self.seen.contains(&normalise(&l.plain())))
    }

    /// Reads one block of the title block, line by line.
    pub fn take_block(&mut self, lines: &[RichText]) {
        let classes: Vec<LineClass> = lines.iter().map(classify).collect();
        let mut title_open = self.cover.title.is_none();
        let mut previous_was_subtitle = false;
        for (i, (line, class)) in lines.iter().zip(&classes).enumerate() {
            let mut is_subtitle = false;
            let date_follows = matches!(classes.get(i + 1), Some(LineClass::Date { place: None, .. }));
            let is_place = date_follows
                && self.cover.title.is_some()
                && self.cover.place.is_none()
                && matches!(class, LineClass::Plain | LineClass::Subtitle);
            match class {
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
                    self.cover.subtitle.get_or_insert_with(RichText::default).join_line(line);
                }
                // A date above the title is the date of issue, not of the meeting.
                LineClass::Date { place, date } if self.cover.date.is_none() && self.cover.title.is_some() => {
                    title_open = false;
                    self.cover.date = Some(date.clone());
                    if self.cover.place.is_none() {
                        self.cover.place = place.clone();
                    }
                }
                LineClass::Plain if title_open => {
                    self.cover.title.get_or_insert_with(RichText::default).join_line(line);
                }
                _ => self.cover.other_lines.push(line.clone()),
            }
            previous_was_subtitle = is_subtitle;
            self.remember(&line.plain());
        }
        let fields: Vec<String> = [&self.cover.title, &self.cover.subtitle].into_iter().flatten().map(|t| t.plain()).collect();
        for text in fields {
            self.remember(&text);
        }
        if let (Some(place), Some(date)) = (self.cover.place.clone(), self.cover.date.clone()) {
            self.remember(&format!("{place}, {date}"));
            self.remember(&place);
            self.remember(&date);
        }
    }

    pub fn finish(self) -> Cover {
        self.cover
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A document symbol is one token of capitals, digits and punctuation with `/` or `\` between
/// its parts: `A/RES/78/1`, `S/2024/123`, `OIC-CFM-51\2025-CG-J&K\FINAL.REP`.
pub(crate) fn looks_like_symbol(text: &str) -> bool {
    looks_like_slash_symbol(text) || looks_like_eu_symbol(text)
}

/// The European Commission's style: `COM(2024) 123 final`, `SWD(2023) 45`.
fn looks_like_eu_symbol(text: &str) -> bool {
    let Some((series, rest)) = text.split_once('(') else { return false };
    let Some((year, rest)) = rest.split_once(')') else { return false };
    let mut words = rest.split_whitespace();
    ["COM", "SEC", "SWD", "JOIN", "C"].contains(&series)
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && words.next().is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && words.all(|w| w == "final" || w.starts_with("ANNEX"))
}

fn looks_like_slash_symbol(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "/\\.-&()_+".contains(c);
    (3..=80).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.contains(['/', '\\'])
        && text.chars().all(allowed)
        && text.split(['/', '\\']).filter(|part| !part.is_empty()).count() >= 2
}

const MONTHS: [&str; 24] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
];

fn is_day(token: &str) -> bool {
    let token = token.trim_end_matches(',').trim_end_matches("er");
    token.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(token: &str) -> bool {
    let token = token.trim_end_matches(['.', ',']);
    token.len() == 4 && token.parse::<u32>().is_ok_and(|y| (1900..=2200).contains(&y))
}

fn is_iso_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    parts.len() == 3 && is_year(parts[0]) && parts[1].len() == 2 && parts[2].len() == 2
}

/// Finds a date that ends a short line ("22 June 2025", "June 22, 2025", "2025-06-22",
/// "24 February-4 April 2025") and returns what stands before it as the place, if anything does.
pub(crate) fn split_date(line: &str) -> Option<(Option<String>, String)> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let last = tokens.len().checked_sub(1)?;
    if tokens.len() > 12 {
        return None;
    }
    let is_month = |t: &str| MONTHS.contains(&t.trim_end_matches(['.', ',']).to_lowercase().as_str());
    let start = if is_iso_date(tokens[last]) {
        last
    } else if is_year(tokens[last]) {
        // Walk back over days and months, including ranges such as "21-22" or "February-4".
        let part_of_date = |t: &str| {
            let t = t.trim_end_matches(',');
            !t.is_empty() && t.split(['-', '–']).all(|p| p.is_empty() || is_day(p) || is_month(p))
        };
        let start = (0..last).rev().take_while(|&i| part_of_date(tokens[i])).last()?;
        if !tokens[start..last].iter().any(|t| t.split(['-', '–']).any(is_month)) {
            return None;
        }
        start
    } else {
        return None;
    };
    let date = tokens[start..].join(" ");
    let place = tokens[..start].join(" ");
    let place = place.trim().trim_end_matches([',', ';', '-', '–']).trim();
    Some(((!place.is_empty()).then(|| place.to_string()), date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_recognised_in_their_usual_forms() {
        for s in ["OIC-CFM-51\\2025-CG-J&K\\FINAL.REP", "A/RES/78/1", "S/2024/123", "E/CN.4/2005/L.10", "COM(2024) 123 final", "SWD(2023) 45"] {
            assert!(looks_like_symbol(s), "{s}");
        }
        for s in ["Report", "and/or", "22 June 2025", "A/", "Istanbul, Republic of Türkiye", "COM(2024) draft", "COMMUNICATION (2024)"] {
            assert!(!looks_like_symbol(s), "{s}");
        }
    }

    #[test]
    fn dates_are_found_with_or_without_a_place() {
        assert_eq!(split_date("22 June 2025"), Some((None, "22 June 2025".into())));
        assert_eq!(split_date("June 22, 2025"), Some((None, "June 22, 2025".into())));
        assert_eq!(split_date("Istanbul, 21-22 June 2025"), Some((Some("Istanbul".into()), "21-22 June 2025".into())));
        assert_eq!(split_date("Genève, 1er juillet 2024"), Some((Some("Genève".into()), "1er juillet 2024".into())));
        assert_eq!(split_date("2025-06-22"), Some((None, "2025-06-22".into())));
        assert_eq!(split_date("Geneva, 24 February-4 April 2025"), Some((Some("Geneva".into()), "24 February-4 April 2025".into())));
        assert_eq!(split_date("May 2025"), Some((None, "May 2025".into())));
        assert_eq!(split_date("Report of the Meeting"), None);
        assert_eq!(split_date("In 2025"), None);
    }
}
