//! The writing direction and language of a report's text, so that Arabic paragraphs run right
//! to left (numbers and margins mirrored) and the page tells browsers and screen readers which
//! language they are reading. OIC and UN reports come in Arabic, English and French, and one
//! report can mix them.

/// Which way a run of text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

fn is_rtl_letter(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && c.is_alphabetic()
}

/// The direction of a text, by its first letter (digits, numbering and punctuation do not
/// count), as the Unicode bidirectional algorithm's first strong character does.
pub fn direction(text: &str) -> Direction {
    match text.chars().find(|c| c.is_alphabetic()) {
        Some(c) if is_rtl_letter(c) => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// Letters of the Arabic script that Persian and Urdu use and Arabic does not.
fn persian_or_urdu(c: char) -> Option<&'static str> {
    match c {
        // Urdu: tteh, ddal, rreh, noon ghunna, heh doachashmee, heh goal, yeh barree.
        'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ھ' | 'ہ' | 'ے' => Some("ur"),
        // Persian (Urdu shares them): peh, tcheh, jeh, gaf, keheh, farsi yeh.
        'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => Some("fa"),
        _ => None,
    }
}

/// A language's name as its speakers write it ("Français"), for lists a reader chooses from;
/// the tag itself for one this reader does not tell apart.
pub fn language_name(tag: &str) -> &str {
    match tag {
        "ar" => "العربية",
        "en" => "English",
        "es" => "Español",
        "fa" => "فارسی",
        "fr" => "Français",
        "ru" => "Русский",
        "ur" => "اردو",
        "zh" => "中文",
        other => other,
    }
}

/// The language of a report's text, as a BCP 47 tag. By script first: Arabic letters make it
/// Arabic, or Urdu or Persian where their own letters are common; Cyrillic, Russian; Han,
/// Chinese. Then, in Latin script, by the function words each language uses most: French,
/// Spanish, else English.
pub fn language<'a>(texts: impl IntoIterator<Item = &'a str>) -> &'static str {
    let (mut arabic, mut cyrillic, mut han, mut latin, mut urdu, mut persian) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut french, mut spanish, mut english) = (0usize, 0usize, 0usize);
    for text in texts {
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            if is_rtl_letter(c) {
                arabic += 1;
                match persian_or_urdu(c) {
                    Some("ur") => urdu += 1,
                    Some(_) => persian += 1,
                    None => {}
                }
            } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
                cyrillic += 1;
            } else if ('\u{4E00}'..='\u{9FFF}').contains(&c)
                || ('\u{3400}'..='\u{4DBF}').contains(&c)
            {
                han += 1;
            } else {
                latin += 1;
            }
        }
        for word in text.split(|c: char| !c.is_alphabetic() && c != '’' && c != '\'') {
            // The words looked for are ASCII: case is folded as ASCII, with no Unicode tables.
            match word.to_ascii_lowercase().as_str() {
                "le" | "les" | "des" | "du" | "et" | "est" | "une" | "dans" | "sur" | "pour"
                | "aux" | "au" | "qui" => french += 1,
                "el" | "los" | "las" | "del" | "y" | "que" | "con" | "por" | "una" | "para"
                | "es" | "lo" => spanish += 1,
                "the" | "of" | "and" | "is" | "a" | "in" | "on" | "for" | "to" | "with" | "by" => {
                    english += 1
                }
                _ => {}
            }
        }
    }
    let most = arabic.max(cyrillic).max(han).max(latin);
    if most == 0 {
        return "en";
    }
    if most == arabic {
        // Urdu and Persian write a few of their own letters in nearly every sentence.
        if (urdu + persian) * 50 >= arabic {
            return if urdu * 4 >= urdu + persian {
                "ur"
            } else {
                "fa"
            };
        }
        return "ar";
    }
    if most == cyrillic {
        return "ru";
    }
    if most == han {
        return "zh";
    }
    if french > english && french >= spanish {
        "fr"
    } else if spanish > english {
        "es"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_follows_the_first_letter_not_numbers_or_punctuation() {
        assert_eq!(direction("عقد اجتماع فريق الاتصال"), Direction::Rtl);
        assert_eq!(
            direction("1. ٨ — «عقد الاجتماع» in Istanbul"),
            Direction::Rtl
        );
        assert_eq!(direction("22 June 2025, اسطنبول"), Direction::Ltr);
        assert_eq!(direction("La réunion"), Direction::Ltr);
        assert_eq!(direction("שלום"), Direction::Rtl);
        assert_eq!(
            direction("123 ..."),
            Direction::Ltr,
            "no letter: left to right"
        );
        assert_eq!(Direction::Rtl.attribute(), "rtl");
    }

    #[test]
    fn language_is_told_by_script_then_by_common_words() {
        assert_eq!(
            language([
                "تقرير اجتماع فريق الاتصال",
                "1. عقد الاجتماع في 22 يونيو 2025"
            ]),
            "ar"
        );
        assert_eq!(
            language([
                "Compte rendu de la réunion",
                "La réunion s’est tenue à Genève et les membres ont adopté le texte."
            ]),
            "fr"
        );
        assert_eq!(
            language(["Report of the Meeting of the OIC Contact Group on Jammu and Kashmir"]),
            "en"
        );
        assert_eq!(language([]), "en");
        assert_eq!(
            language(["Report of the meeting", "قرار"]),
            "en",
            "a few Arabic words do not make an Arabic report"
        );
        assert_eq!(language(["El Consejo Económico y Social examinó el informe de la Comisión y aprobó las recomendaciones que figuran en él."]), "es");
        assert_eq!(
            language(["Генеральная Ассамблея рассмотрела доклад Генерального секретаря."]),
            "ru"
        );
        assert_eq!(language(["大会审议了秘书长的报告。"]), "zh");
        assert_eq!(
            language(["اقوام متحدہ کی جنرل اسمبلی نے سیکرٹری جنرل کی رپورٹ پر غور کیا۔"]),
            "ur"
        );
        assert_eq!(
            language([
                "مجمع عمومی سازمان ملل متحد گزارش دبیرکل را بررسی کرد و پیشنهادهای آن را پذیرفت."
            ]),
            "fa"
        );
    }
}
