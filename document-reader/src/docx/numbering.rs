//! Word's automatic numbering (`numbering.xml`), counted through the document as Word counts
//! it, so that each numbered paragraph gets the number Word shows beside it.
//!
//! A list (`w:num`) draws its levels from an abstract definition (`w:abstractNum`); lists that
//! share a definition go on counting together (Word's "continue numbering"), and a list that
//! sets a level's start anew (`w:startOverride`, Word's "restart numbering") starts that level
//! again where it is first used. Numbering a level starts every deeper level again.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::styles::attribute;

/// How one level numbers: its first number, its kind of number and its text ("%1.", "(%2)").
#[derive(Debug, Clone, PartialEq, Eq)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// The level after whose numbering this one starts again (Word's `lvlRestart`, 1-based;
    /// 0: never), when it is not the one just above.
    restart_after: Option<u8>,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            format: "decimal".into(),
            text: String::new(),
            restart_after: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct List {
    definition: String,
    /// Levels this list starts anew, with their first number.
    restarts: HashMap<u8, u32>,
    /// Levels this list sets out in full itself.
    levels: HashMap<u8, Level>,
}

#[derive(Debug, Default)]
pub struct Numbering {
    definitions: HashMap<String, HashMap<u8, Level>>,
    lists: HashMap<String, List>,
    /// Each definition's counters, by level.
    counters: HashMap<String, [Option<u32>; 9]>,
    /// Each definition's levels a list has started anew, with the number they start at.
    pending: HashMap<String, [Option<u32>; 9]>,
    /// The lists whose restarts have been applied.
    started: std::collections::HashSet<String>,
}

/// What a numbered paragraph is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A number as Word shows it: "1.", "(a)", "IV.", "2.3".
    Number(String),
    /// A bullet.
    Bullet,
}

impl Numbering {
    pub fn parse(xml: &str) -> Numbering {
        let mut reader = Reader::from_str(xml);
        let mut numbering = Numbering::default();
        // Where the levels being read go: an abstract definition, or a list's own override.
        let mut definition: Option<String> = None;
        let mut list: Option<(String, List)> = None;
        let mut override_level: Option<u8> = None;
        let mut level: Option<(u8, Level)> = None;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    let value = || attribute(e, b"val");
                    match e.local_name().as_ref() {
                        b"abstractNum" => {
                            definition = attribute(e, b"abstractNumId");
                            if let Some(id) = &definition {
                                numbering.definitions.entry(id.clone()).or_default();
                            }
                        }
                        b"num" => list = attribute(e, b"numId").map(|id| (id, List::default())),
                        b"abstractNumId" => {
                            if let Some((_, list)) = &mut list {
                                list.definition = value().unwrap_or_default();
                            }
                        }
                        b"lvlOverride" => {
                            override_level = attribute(e, b"ilvl").and_then(|v| v.parse().ok())
                        }
                        b"startOverride" => {
                            if let (Some((_, list)), Some(at)) = (&mut list, override_level) {
                                list.restarts
                                    .insert(at, value().and_then(|v| v.parse().ok()).unwrap_or(1));
                            }
                        }
                        b"lvl" => {
                            let at = attribute(e, b"ilvl")
                                .and_then(|v| v.parse().ok())
                                .filter(|l: &u8| *l < 9)
                                .unwrap_or(0);
                            level = Some((at, Level::default()));
                            if matches!(event, Event::Empty(_)) {
                                level = None;
                            }
                        }
                        b"start" => {
                            if let Some((_, level)) = &mut level {
                                level.start = value().and_then(|v| v.parse().ok()).unwrap_or(1);
                            }
                        }
                        b"numFmt" => {
                            if let Some((_, level)) = &mut level {
                                level.format = value().unwrap_or_default();
                            }
                        }
                        b"lvlText" => {
                            if let Some((_, level)) = &mut level {
                                level.text = value().unwrap_or_default();
                            }
                        }
                        b"lvlRestart" => {
                            if let Some((_, level)) = &mut level {
                                level.restart_after = value().and_then(|v| v.parse().ok());
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let Some((at, done)) = level.take() {
                            if let Some((_, list)) = &mut list {
                                list.levels.insert(at, done);
                            } else if let Some(id) = &definition {
                                numbering
                                    .definitions
                                    .entry(id.clone())
                                    .or_default()
                                    .insert(at, done);
                            }
                        }
                    }
                    b"abstractNum" => definition = None,
                    b"num" => {
                        if let Some((id, done)) = list.take() {
                            numbering.lists.insert(id, done);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        numbering
    }

    /// The label of the next paragraph of list `num_id` at `level`, counting it; `None` for a
    /// list that is not defined (or `numId` 0: numbering taken off).
    pub fn next(&mut self, num_id: &str, level: u8) -> Option<Label> {
        let level = level.min(8);
        let list = self.lists.get(num_id)?.clone();
        let levels = self.definitions.get(&list.definition)?;
        let level_of = |at: u8| {
            list.levels
                .get(&at)
                .or_else(|| levels.get(&at))
                .cloned()
                .unwrap_or_default()
        };
        let counters = self.counters.entry(list.definition.clone()).or_default();
        let pending = self.pending.entry(list.definition.clone()).or_default();
        if self.started.insert(num_id.to_string()) {
            // Started anew: the next paragraph at that level gets the list's own start.
            for (&at, &start) in &list.restarts {
                counters[at.min(8) as usize] = None;
                pending[at.min(8) as usize] = Some(start);
            }
        }
        let this = level_of(level);
        let n = match (counters[level as usize], pending[level as usize].take()) {
            (Some(n), _) => n + 1,
            (None, restart) => restart.unwrap_or(this.start),
        };
        counters[level as usize] = Some(n);
        for deeper in level + 1..9 {
            let restart = level_of(deeper).restart_after;
            // Word's default: a level starts again after any level above it; `lvlRestart`
            // names the one after which it does (0: never).
            if restart.is_none_or(|after| after != 0 && level < after) {
                counters[deeper as usize] = None;
            }
        }
        if this.format == "bullet" {
            return Some(Label::Bullet);
        }
        if this.format == "none" || this.text.is_empty() {
            return None;
        }
        let mut text = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let at = (d - 1) as u8;
                    let shown = level_of(at);
                    let value = if at == level {
                        n
                    } else {
                        counters[at as usize].unwrap_or(shown.start)
                    };
                    text.push_str(&formatted(value, &shown.format));
                }
                _ => text.push(c),
            }
        }
        Some(Label::Number(text))
    }
}

/// A number in one of Word's formats.
fn formatted(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        "arabicAbjad" | "arabicAlpha" => arabic_letter(n, format == "arabicAbjad"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// a, b, …, z, aa, bb, … as Word letters them.
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut out = String::new();
    for (value, numeral) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// Arabic letters, in the abjad order (أ ب ج د …) or the alphabetical one (أ ب ت ث …).
fn arabic_letter(n: u32, abjad: bool) -> String {
    const ABJAD: [char; 28] = [
        'أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص',
        'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
    ];
    const ALPHA: [char; 28] = [
        'أ', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع',
        'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
    ];
    let letters = if abjad { &ABJAD } else { &ALPHA };
    match n.checked_sub(1).and_then(|i| letters.get(i as usize)) {
        Some(letter) => letter.to_string(),
        None => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraph numbers "1." with sub-paragraphs "(a)" under them; headings "I." in a list of
    /// their own; a second list on the paragraphs' definition, which goes on counting; and a
    /// third that starts again at 1.
    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
        <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/><w:lvlRestart w:val="0"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
            <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>"#;

    fn number(numbering: &mut Numbering, list: &str, level: u8) -> String {
        match numbering.next(list, level) {
            Some(Label::Number(n)) => n,
            Some(Label::Bullet) => "•".into(),
            None => "-".into(),
        }
    }

    #[test]
    fn paragraphs_are_counted_as_word_counts_them() {
        let mut n = Numbering::parse(NUMBERING);
        let got: Vec<String> = [
            ("2", 0),
            ("1", 0),
            ("1", 0),
            ("1", 1),
            ("1", 1),
            ("1", 2),
            ("1", 1),
            ("2", 0),
            ("2", 1),
            ("1", 0),
            ("1", 1),
            ("3", 0),
            ("2", 0),
            ("2", 1),
            ("4", 0),
            ("4", 0),
            ("5", 0),
            ("5", 1),
            ("9", 0),
            ("0", 0),
        ]
        .iter()
        .map(|(list, level)| number(&mut n, list, *level))
        .collect();
        assert_eq!(
            got,
            [
                "I.", "1.", "2.", "(a)", "(b)", "(i)", "(c)", "II.", "A.", "3.", "(a)", "4.",
                "III.", "B.", "1.", "2.", "•", "1.1", "-", "-"
            ]
        );
    }

    #[test]
    fn numbers_in_every_format_word_offers_reports() {
        assert_eq!([1, 2, 26, 27, 28].map(letters), ["a", "b", "z", "aa", "bb"]);
        assert_eq!(
            [1, 4, 9, 14, 40, 1999].map(roman),
            ["I", "IV", "IX", "XIV", "XL", "MCMXCIX"]
        );
        assert_eq!(formatted(3, "decimalZero"), "03");
        assert_eq!(formatted(3, "arabicAbjad"), "ج");
        assert_eq!(formatted(3, "arabicAlpha"), "ت");
        assert_eq!(formatted(12, "ordinal"), "12");
    }
}
