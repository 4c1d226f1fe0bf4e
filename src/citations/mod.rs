//! References to other documents in a report's text, found by each organisation's grammar, so
//! that the reader can show them as links and list which reports cite a document ("cited by").
//!
//! Three kinds are found:
//! - symbols written out: the UN's ("A/HRC/55/23", "S/RES/2720 (2023)", "E/CN.4/2005/L.10/Add.17",
//!   "A/RES/2625 (XXV)"), the OIC's and African Union's in the same shape
//!   ("OIC/CFM-51/2025/POL/RES/FINAL"), and the EU's ("COM(2023) 123 final", "Regulation (EU)
//!   2016/679", "Council Decision (CFSP) 2024/123", "ST 12345/24") — `symbols`, `eu`;
//! - resolutions and decisions by their number alone ("resolution 58/14", "résolution 2625
//!   (XXV)", "resolución 2720 (2023)", "القرار 58/14", "Resolution No. 3/51-POL"), whose organ
//!   the words around them name or else the report's own symbol ([`Context`]) — `numbers`;
//! - with either, the paragraph the text names in it ("paragraph 12 of resolution 58/14",
//!   "S/2026/100, para. 3") — `paragraphs`.
//!
//! Pure functions over the text: no browser, and offsets in chars, as the text is shown.

mod chars;
mod eu;
mod links;
mod numbers;
mod organs;
mod paragraphs;
mod symbols;

use std::cmp::Reverse;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use chars::Text;
pub use links::{plain_key, CitationLink};
pub use organs::Context;

/// One reference to another document found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Char offsets (not bytes) of the reference in the text: what becomes the link's words.
    /// For a number alone, the number ("58/14", "2720 (2023)"), not the word before it.
    pub start: usize,
    pub end: usize,
    /// The document's symbol as the library keys it, in its usual spelling ("A/HRC/55/23",
    /// "S/RES/2720 (2023)", "A/RES/58/14", "Regulation (EU) 2016/679"). An OIC resolution,
    /// which has no symbol of its own, goes by its number: "OIC Resolution No. 3/51-POL".
    pub symbol: String,
    /// The paragraph the text names in it, when it says so ("paragraph 12 of resolution 58/14",
    /// "para. 3 of S/2026/100"): Some(12).
    pub paragraph: Option<u32>,
}

/// Every reference to another document in `text`, in order, none overlapping another. The
/// report's own symbol, where its pages print it, is among them: whoever lists what a report
/// cites leaves it out by its [`symbol_key`].
pub fn find_citations(text: &str, context: &Context) -> Vec<Citation> {
    let text = Text::new(text);
    let mut found = symbols::find(&text);
    found.extend(numbers::find(&text, context));
    found.sort_by_key(|f| (f.start, Reverse(f.end)));
    let mut citations: Vec<Citation> = Vec::with_capacity(found.len());
    for f in found {
        if citations.last().is_some_and(|last| f.start < last.end) {
            continue;
        }
        let paragraph = f
            .lead
            .and_then(|lead| paragraphs::before(&text, lead))
            .or_else(|| paragraphs::after(&text, f.end));
        citations.push(Citation {
            start: f.start,
            end: f.end,
            symbol: f.symbol,
            paragraph,
        });
    }
    citations
}

impl Citation {
    /// The link the text carries for it.
    pub fn link(&self) -> CitationLink {
        CitationLink {
            symbol: self.symbol.clone(),
            paragraph: self.paragraph,
            official: official_address(&self.symbol),
        }
    }
}

/// The key by which two spellings of one symbol are the same document: "A/HRC/55/23",
/// "a/hrc/55/23 " and "A / HRC/55/23"; "S/RES/2720(2023)" and "S/RES/2720 (2023)";
/// "ST/9456/2024/INIT" and "ST 9456/24"; "COM(2025) 104 final" and "COM(2025) 104". A
/// citation's symbol and a library entry's give the same key when they are one document.
pub fn symbol_key(symbol: &str) -> String {
    let trimmed = symbol.trim();
    let text = Text::new(trimmed);
    let whole = symbols::find(&text)
        .into_iter()
        .find(|f| f.start == 0 && f.end == text.len());
    let canonical = whole.map_or_else(|| trimmed.to_string(), |f| f.symbol);
    let upper = canonical.to_uppercase();
    let words = upper.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = ["/ ", " /", " (", "( ", " )", ". "]
        .into_iter()
        .fold(words, |key, spaced| key.replace(spaced, spaced.trim()));
    // A Commission paper is the same document with its "final" or without.
    match key.strip_suffix(" FINAL") {
        Some(paper) if paper.contains(")") => paper.to_string(),
        _ => key,
    }
}

/// What a symbol may not hold as it is in an address: space, parentheses, and what would end
/// the path.
const IN_ADDRESS: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'(')
    .add(b')')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The public address of a document by its symbol, for symbols with one: a UN document's at
/// the UN's address by symbol, `https://undocs.org/en/<symbol>` (which the UN keeps resolving
/// to its Official Document System), and an EU legal act's European Legislation Identifier.
/// None for the rest: the OIC's, the African Union's, the EU's papers and Council documents,
/// and the General Assembly's decisions, which are not issued as documents of their own.
pub fn official_address(symbol: &str) -> Option<String> {
    let symbol = symbol.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(eli) = eu::eli(&symbol) {
        return Some(eli);
    }
    let series = symbol.split('/').next()?.to_uppercase();
    if !symbols::UN_SERIES.contains(&series.as_str()) || symbol.to_uppercase().starts_with("A/DEC/")
    {
        return None;
    }
    // The Official Document System spells a resolution's year or session without the space:
    // "S/RES/2720(2023)".
    let path = symbol.replace(" (", "(");
    Some(format!(
        "https://undocs.org/en/{}",
        utf8_percent_encode(&path, IN_ADDRESS)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a text cites, as (the words linked, the symbol, the paragraph).
    fn cited(text: &str, report_symbol: Option<&str>) -> Vec<(String, String, Option<u32>)> {
        let chars: Vec<char> = text.chars().collect();
        find_citations(text, &Context::of_symbol(report_symbol))
            .into_iter()
            .map(|c| {
                (
                    chars[c.start..c.end].iter().collect(),
                    c.symbol,
                    c.paragraph,
                )
            })
            .collect()
    }

    fn symbols_in(text: &str, report_symbol: Option<&str>) -> Vec<String> {
        cited(text, report_symbol)
            .into_iter()
            .map(|(_, symbol, _)| symbol)
            .collect()
    }

    fn linked_words(text: &str) -> Vec<String> {
        cited(text, None)
            .into_iter()
            .map(|(words, _, _)| words)
            .collect()
    }

    fn one(words: &str, symbol: &str) -> Vec<(String, String, Option<u32>)> {
        vec![(words.to_string(), symbol.to_string(), None)]
    }

    #[test]
    fn un_symbols_are_found_with_their_suffixes() {
        for symbol in [
            "A/HRC/55/23",
            "A/HRC/55/23/Rev.1",
            "A/HRC/55/23/Corr.1",
            "A/HRC/55/23/Add.17",
            "A/C.3/78/L.10",
            "E/CN.4/2005/L.10/Add.17",
            "A/78/10/Amend.1",
            "A/RES/78/1",
            "S/PRST/2024/1",
            "S/2026/100",
            "E/2026/12",
            "E/C.12/GC/25",
            "E/ESCWA/34/1",
            "CERD/C/GC/37",
            "CRC/C/GC/25",
            "CCPR/C/GC/36",
            "CEDAW/C/FRA/CO/9",
            "ST/SGB/2024/1",
            "ST/AI/2024/2",
            "TD/B/EX(71)/2",
            "UNEP/EA.6/Res.1",
            "A/RES/S-28/1",
            "A/RES/ES-11/1",
            "A/CONF.232/2023/4",
        ] {
            assert_eq!(
                cited(&format!("See {symbol} here."), None),
                one(symbol, symbol)
            );
        }
    }

    #[test]
    fn a_resolutions_year_or_session_is_part_of_its_symbol() {
        let text = "S/RES/2720 (2023), S/RES/2720(2023), A/RES/2625 (XXV) and A/RES/217 A (III).";
        assert_eq!(
            cited(text, None),
            [
                one("S/RES/2720 (2023)", "S/RES/2720 (2023)"),
                one("S/RES/2720(2023)", "S/RES/2720 (2023)"),
                one("A/RES/2625 (XXV)", "A/RES/2625 (XXV)"),
                one("A/RES/217 A (III)", "A/RES/217 (III)"),
            ]
            .concat()
        );
    }

    #[test]
    fn a_symbol_ends_where_the_sentence_takes_over() {
        for text in [
            "as in A/HRC/55/23.",
            "the report (A/HRC/55/23) shows",
            "the report “A/HRC/55/23”",
            "A/HRC/55/23; and",
            "A/HRC/55/23.1 The footnote’s mark is no part of it",
            "A/HRC/55/23-",
        ] {
            assert_eq!(linked_words(text), ["A/HRC/55/23"], "{text}");
        }
        assert_eq!(
            cited("A/78/10, para. 5", None),
            [("A/78/10".into(), "A/78/10".into(), Some(5))]
        );
        assert_eq!(
            linked_words("S/2026/410، 12 أيار/مايو 2026"),
            ["S/2026/410"]
        );
        assert_eq!(linked_words("见A/81/50。"), ["A/81/50"]);
    }

    #[test]
    fn dates_fractions_addresses_and_paths_are_no_symbols() {
        for text in [
            "on 12/05/2024 and 1/2 of them",
            "and/or, p. 12/13, pp. 2/4, 3/4",
            "https://undocs.org/en/A/HRC/55/23 and www.un.org/S/2024/1",
            "/home/me/A/12/file.txt and docs/S/2024/notes",
            "25-08630(E) JT/ms A4 S/O",
            "a decision-making role, the decision of 12/05/2024, resolution 12/05/2024",
            "Security Council resolution 1325 without its year, resolution 58.14",
            "the Council’s decision 2720 (2023)",
        ] {
            assert_eq!(cited(text, Some("A/78/1")), [], "{text}");
        }
    }

    #[test]
    fn symbols_in_arabic_and_chinese_text_are_found() {
        let arabic = "انظر تقرير المقررة الخاصة (A/HRC/55/23) والوثيقة S/2026/410.";
        assert_eq!(symbols_in(arabic, None), ["A/HRC/55/23", "S/2026/410"]);
        assert_eq!(
            symbols_in("见A/81/50和E/2026/12/Add.1。", None),
            ["A/81/50", "E/2026/12/Add.1"]
        );
    }

    #[test]
    fn offsets_count_chars_not_bytes() {
        let text = "Résolution présentée — voir A/HRC/55/23";
        let found = find_citations(text, &Context::default());
        let start = text.chars().count() - "A/HRC/55/23".len();
        assert_eq!((found[0].start, found[0].end), (start, start + 11));
    }

    #[test]
    fn a_bare_number_is_the_reports_organs_unless_the_words_say_whose() {
        let text = "Recalling resolution 58/14 and General Assembly resolution 60/1.";
        assert_eq!(
            symbols_in(text, Some("A/HRC/55/23")),
            ["A/HRC/RES/58/14", "A/RES/60/1"]
        );
        assert_eq!(
            symbols_in(text, Some("A/78/10")),
            ["A/RES/58/14", "A/RES/60/1"]
        );
        assert_eq!(symbols_in("resolution 58/14", None), ["A/RES/58/14"]);
        let named =
            "Human Rights Council resolution 36/1; Security Council resolution 2720 (2023); \
                     Economic and Social Council resolution 2004/67; Commission on Human Rights \
                     resolution 2005/69; the General Assembly, in its resolution 70/1";
        assert_eq!(
            symbols_in(named, Some("S/2026/100")),
            [
                "A/HRC/RES/36/1",
                "S/RES/2720 (2023)",
                "E/RES/2004/67",
                "E/CN.4/RES/2005/69",
                "A/RES/70/1"
            ]
        );
        // A number's form tells whose it can be: years are the Economic and Social Council's.
        assert_eq!(
            symbols_in("its resolution 2006/6", Some("A/81/3")),
            ["E/RES/2006/6"]
        );
        assert_eq!(
            symbols_in("resolution 2720 (2023)", Some("A/HRC/55/1")),
            ["S/RES/2720 (2023)"]
        );
        assert_eq!(
            symbols_in("United Nations Environment Assembly resolution 5/14", None),
            ["UNEP/EA.5/Res.14"]
        );
        assert_eq!(
            symbols_in("ESCWA resolution 330 (XXX)", Some("E/ESCWA/34/1")),
            [] as [&str; 0]
        );
    }

    #[test]
    fn the_context_is_read_from_the_reports_symbol() {
        for (report, expected) in [
            (Some("A/HRC/RES/61/5"), "A/HRC/RES/58/14"),
            (Some("A/81/3"), "A/RES/58/14"),
            (Some("S/2026/100"), "A/RES/58/14"),
            (Some("OIC/CFM-51/2025/POL/RES/FINAL"), "A/RES/58/14"),
            (None, "A/RES/58/14"),
        ] {
            assert_eq!(symbols_in("resolution 58/14", report), [expected]);
        }
        for (report, expected) in [
            (Some("E/2026/64"), "E/DEC/2024/205"),
            (Some("E/CN.4/2005/1"), "E/CN.4/DEC/2024/205"),
            (Some("A/HRC/55/1"), "E/DEC/2024/205"),
        ] {
            assert_eq!(symbols_in("decision 2024/205", report), [expected]);
        }
        assert_eq!(
            symbols_in("decision 55/115", Some("A/HRC/55/1")),
            ["A/HRC/DEC/55/115"]
        );
        assert_eq!(
            symbols_in("decision 78/540", Some("A/78/1")),
            ["A/DEC/78/540"]
        );
    }

    #[test]
    fn every_number_of_a_list_is_a_citation() {
        let text =
            "Recalling also its resolutions 52/11 of 3 April 2023 and 56/4 of 10 July 2024 on";
        assert_eq!(
            cited(text, Some("A/HRC/RES/61/5")),
            [
                one("52/11", "A/HRC/RES/52/11"),
                one("56/4", "A/HRC/RES/56/4")
            ]
            .concat()
        );
        let council = "Recalling its resolutions 1261 (1999) of 25 August 1999, 1265 (1999) of 17 \
                       September 1999, 1296 (2000) and 1314 (2000) of 11 August 2000, as well as";
        assert_eq!(
            symbols_in(council, Some("S/RES/1325 (2000)")),
            [
                "S/RES/1261 (1999)",
                "S/RES/1265 (1999)",
                "S/RES/1296 (2000)",
                "S/RES/1314 (2000)"
            ]
        );
        let old = "the Universal Declaration, General Assembly resolutions 217 A (III) and 2200 A (XXI), \
                   and resolutions 2625 (XXV), 3201 (S-VI) and 3411 A and B (XXX)";
        assert_eq!(
            cited(old, None)
                .into_iter()
                .map(|(w, s, _)| format!("{w} = {s}"))
                .collect::<Vec<_>>(),
            [
                "217 A (III) = A/RES/217 (III)",
                "2200 A (XXI) = A/RES/2200 (XXI)",
                "2625 (XXV) = A/RES/2625 (XXV)",
                "3201 (S-VI) = A/RES/3201 (S-VI)",
                "3411 A and B (XXX) = A/RES/3411 (XXX)",
            ]
        );
        assert_eq!(
            symbols_in("resolutions S-30/1 and ES-11/1", Some("A/ES-11/1")),
            ["A/RES/S-30/1", "A/RES/ES-11/1"]
        );
    }

    #[test]
    fn bare_numbers_are_read_in_french_spanish_arabic_russian_and_chinese() {
        for (text, report, expected) in [
            (
                "en application de la résolution 79/214 de l’Assemblée générale",
                "A/HRC/1/1",
                "A/RES/79/214",
            ),
            (
                "la résolution 33/2 du Conseil des droits de l’homme",
                "A/81/1",
                "A/HRC/RES/33/2",
            ),
            (
                "la résolution 2002/1 du Conseil économique et social",
                "E/CN.5/2026/1",
                "E/RES/2002/1",
            ),
            (
                "Dans sa décision 2025/214, le Conseil",
                "E/CN.5/2026/1",
                "E/DEC/2025/214",
            ),
            (
                "Véase la resolución 79/48 de la Asamblea General.",
                "A/80/812",
                "A/RES/79/48",
            ),
            (
                "En su resolución 52/10, el Consejo de Derechos Humanos",
                "A/HRC/62/44",
                "A/HRC/RES/52/10",
            ),
            ("القرار 58/14", "A/78/1", "A/RES/58/14"),
            (
                "عملاً بقرار مجلس حقوق الإنسان 53/7، وتتناول",
                "A/HRC/59/40",
                "A/HRC/RES/53/7",
            ),
            (
                "انظر قرار مجلس الأمن 2365 (2017).",
                "S/2026/410",
                "S/RES/2365 (2017)",
            ),
            (
                "во исполнение резолюции 80/251 Генеральной Ассамблеи",
                "A/81/196",
                "A/RES/80/251",
            ),
            ("大会在第79/221号决议中请秘书长", "A/81/207", "A/RES/79/221"),
            ("人权理事会第53/7号决议", "A/81/1", "A/HRC/RES/53/7"),
        ] {
            assert_eq!(symbols_in(text, Some(report)), [expected], "{text}");
        }
        assert_eq!(
            symbols_in("القرارين 52/11 و56/4", Some("A/HRC/61/5")),
            ["A/HRC/RES/52/11", "A/HRC/RES/56/4"]
        );
    }

    #[test]
    fn the_paragraph_a_reference_names_is_kept() {
        for (text, expected) in [
            ("paragraph 12 of resolution 58/14", Some(12)),
            (
                "in paragraph 12 of General Assembly resolution 58/14",
                Some(12),
            ),
            ("operative paragraph 4 of resolution 36/1", Some(4)),
            ("paragraphs 3 (a) and 4 of resolution 58/14", Some(3)),
            ("para. 3 of S/2026/100", Some(3)),
            ("S/2026/100, para. 3", Some(3)),
            ("(A/HRC/55/23, paras. 12–15)", Some(12)),
            ("resolution 58/14, paragraph 3", Some(3)),
            ("au paragraphe 12 de la résolution 58/14", Some(12)),
            ("Voir A/HRC/61/48, par. 12.", Some(12)),
            ("Véase E/2025/58, párr. 21.", Some(21)),
            ("en el párrafo 5 de la resolución 58/14", Some(5)),
            ("الفقرة 12 من القرار 58/14", Some(12)),
            ("в пункте 3 резолюции 58/14", Some(3)),
            (
                "paragraph 5 of the report of the Secretary-General and resolution 58/14",
                None,
            ),
            ("In paragraph 3 above, resolution 58/14 is recalled", None),
            ("adoptée par 12 voix, la résolution 58/14", None),
        ] {
            let found = find_citations(text, &Context::of_symbol(Some("A/78/1")));
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].paragraph, expected, "{text}");
        }
        let list = cited("paragraph 2 of resolutions 58/14 and 60/1", None);
        assert_eq!(
            list.iter().map(|c| c.2).collect::<Vec<_>>(),
            [Some(2), None]
        );
    }

    #[test]
    fn oic_symbols_and_resolution_numbers_are_found() {
        let text =
            "OIC/CFM-51/2025/POL/RES/FINAL: Resolution No. 1/51-POL, Resolution No.1/38-POL, \
                    resolution 45/10-P(IS) and OIC-CFM-51\\2025-CG-J&K\\FINAL.REP.";
        assert_eq!(
            cited(text, Some("OIC/CFM-51/2025/POL/RES/FINAL")),
            [
                one(
                    "OIC/CFM-51/2025/POL/RES/FINAL",
                    "OIC/CFM-51/2025/POL/RES/FINAL"
                ),
                one("1/51-POL", "OIC Resolution No. 1/51-POL"),
                one("1/38-POL", "OIC Resolution No. 1/38-POL"),
                one("45/10-P(IS)", "OIC Resolution No. 45/10-P(IS)"),
                one(
                    "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP",
                    "OIC-CFM-51\\2025-CG-J&K\\FINAL.REP"
                ),
            ]
            .concat()
        );
    }

    #[test]
    fn eu_references_are_found_under_one_spelling() {
        for (text, words, symbol) in [
            (
                "in COM(2025) 104 final,",
                "COM(2025) 104 final",
                "COM(2025) 104 final",
            ),
            ("see SWD (2023) 12.", "SWD (2023) 12", "SWD(2023) 12"),
            (
                "under Regulation (EU) 2016/679.",
                "Regulation (EU) 2016/679",
                "Regulation (EU) 2016/679",
            ),
            (
                "le règlement (UE) 2016/679",
                "règlement (UE) 2016/679",
                "Regulation (EU) 2016/679",
            ),
            (
                "Regulation (EC) No 1234/2007",
                "Regulation (EC) No 1234/2007",
                "Regulation (EC) No 1234/2007",
            ),
            (
                "Council Decision (CFSP) 2024/123 of",
                "Decision (CFSP) 2024/123",
                "Decision (CFSP) 2024/123",
            ),
            (
                "la Decisión (PESC) 2024/123",
                "Decisión (PESC) 2024/123",
                "Decision (CFSP) 2024/123",
            ),
            (
                "Council Decision 2014/145/CFSP",
                "Decision 2014/145/CFSP",
                "Decision 2014/145/CFSP",
            ),
            (
                "Directive 95/46/EC",
                "Directive 95/46/EC",
                "Directive 95/46/EC",
            ),
            (
                "Commission Implementing Regulation (EU) 2024/1207",
                "Implementing Regulation (EU) 2024/1207",
                "Implementing Regulation (EU) 2024/1207",
            ),
            ("doc. ST 12345/24 of", "ST 12345/24", "ST 12345/24"),
            (
                "ST 12345/24 REV 1",
                "ST 12345/24 REV 1",
                "ST 12345/24 REV 1",
            ),
            ("ST 12345/24 INIT", "ST 12345/24 INIT", "ST 12345/24"),
            ("ST/9456/2024/INIT", "ST/9456/2024/INIT", "ST 9456/24"),
            (
                "ST/5431/2024/REV/1",
                "ST/5431/2024/REV/1",
                "ST 5431/24 REV 1",
            ),
            ("ST 12345/24 REVIEWED", "ST 12345/24", "ST 12345/24"),
        ] {
            assert_eq!(cited(text, None), one(words, symbol), "{text}");
        }
        // A decision the EU numbers is no UN decision.
        assert_eq!(
            symbols_in("Decision 2014/145/CFSP", Some("E/2026/1")),
            ["Decision 2014/145/CFSP"]
        );
    }

    #[test]
    fn two_spellings_of_one_symbol_have_one_key() {
        for (a, b) in [
            ("A/HRC/55/23", "A/HRC/55/23 "),
            ("A/HRC/55/23", "a/hrc/55/23"),
            ("A/HRC/55/23/Rev.1", "A/HRC/55/23/Rev. 1"),
            ("S/RES/2720(2023)", "S/RES/2720 (2023)"),
            ("A/RES/217 A (III)", "A/RES/217 (III)"),
            ("ST/9456/2024/INIT", "ST 9456/24"),
            ("COM(2025) 104 final", "COM (2025) 104"),
            ("règlement (UE) 2016/679", "Regulation (EU) 2016/679"),
        ] {
            assert_eq!(symbol_key(a), symbol_key(b), "{a} / {b}");
        }
        assert_eq!(symbol_key(" a/hrc/55/23 "), "A/HRC/55/23");
        assert_ne!(symbol_key("A/HRC/55/23"), symbol_key("A/HRC/55/23/Add.1"));
        assert_ne!(
            symbol_key("S/RES/2720 (2023)"),
            symbol_key("S/RES/2720 (2024)")
        );
    }

    #[test]
    fn un_documents_and_eu_acts_have_an_official_address() {
        assert_eq!(
            official_address("A/HRC/55/23").as_deref(),
            Some("https://undocs.org/en/A/HRC/55/23")
        );
        assert_eq!(
            official_address("S/RES/2720 (2023)").as_deref(),
            Some("https://undocs.org/en/S/RES/2720%282023%29")
        );
        assert_eq!(
            official_address("A/RES/2625 (XXV)").as_deref(),
            Some("https://undocs.org/en/A/RES/2625%28XXV%29")
        );
        assert_eq!(
            official_address("E/CN.4/2005/L.10/Add.17").as_deref(),
            Some("https://undocs.org/en/E/CN.4/2005/L.10/Add.17")
        );
        assert_eq!(
            official_address("Decision (CFSP) 2024/1964").as_deref(),
            Some("http://data.europa.eu/eli/dec/2024/1964/oj")
        );
        assert_eq!(
            official_address("Regulation (EC) No 1234/2007").as_deref(),
            Some("http://data.europa.eu/eli/reg/2007/1234/oj")
        );
        assert_eq!(
            official_address("Directive 95/46/EC").as_deref(),
            Some("http://data.europa.eu/eli/dir/1995/46/oj")
        );
        for symbol in [
            "OIC/CFM-51/2025/POL/RES/FINAL",
            "OIC Resolution No. 3/51-LEG",
            "PSC/PR/COMM.1250",
            "COM(2025) 104 final",
            "ST 12345/24",
            "A/DEC/78/540",
            "15234/25",
        ] {
            assert_eq!(official_address(symbol), None, "{symbol}");
        }
    }

    /// Every text of the corpus (`tests/fixtures/corpus/*.txt`, with and without the layout
    /// kept), read with the context of its own symbol.
    #[test]
    fn the_corpus_citations_are_real_references() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        assert!(paths.len() >= 40, "{}", paths.len());
        let (mut written, mut bare) = (0, 0);
        let mut found: Vec<(String, String, Option<u32>)> = Vec::new();
        for path in &paths {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(path).unwrap();
            let own = crate::report::parse(&text).cover.symbol;
            for (words, symbol, paragraph) in cited(&text, own.as_deref()) {
                let is_date_or_number = words
                    .split(['/', '.', '-'])
                    .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
                    && words.matches(['/', '.', '-']).count() != 1;
                assert!(!is_date_or_number, "{name}: {words}");
                assert!(
                    symbol.contains(|c: char| c.is_alphabetic()),
                    "{name}: {symbol}"
                );
                if symbol_key(&words) == symbol_key(&symbol) {
                    written += 1;
                } else {
                    // A number alone: the symbol is made of it ("217 A (III)" → "A/RES/217 (III)").
                    let number = words.split(' ').next().unwrap();
                    assert!(symbol.contains(number), "{name}: {words} → {symbol}");
                    bare += 1;
                }
                found.push((name.clone(), symbol, paragraph));
            }
        }
        eprintln!(
            "{} texts: {written} symbols written out, {bare} numbers alone",
            paths.len()
        );
        for (file, symbol, paragraph) in [
            ("un-sc-resolution-en.txt", "S/RES/2738 (2024)", Some(1)),
            ("un-sc-resolution-en.txt", "S/RES/2746 (2024)", None),
            ("un-hrc-resolution-en.txt", "A/HRC/RES/52/11", None),
            ("un-hrc-resolution-en.txt", "A/HRC/RES/56/4", None),
            ("un-hrc-resolution-en.txt", "A/RES/217 (III)", None),
            ("un-hrc-report-ar.txt", "A/HRC/RES/53/7", None),
            ("un-sc-letter-annex-ar.txt", "S/RES/2365 (2017)", None),
            ("un-ga-report-annex-zh.txt", "A/RES/79/221", None),
            ("un-ga-report-annex-ru.txt", "A/RES/80/251", None),
            ("un-sg-report-annexes-fr.txt", "A/RES/79/214", None),
            ("un-ga-letter-annex-es.txt", "A/RES/79/48", None),
            ("un-ecosoc-decisions-en.txt", "E/DEC/2026/205", None),
            ("un-ecosoc-decisions-en.txt", "A/RES/68/261", None),
            ("un-hrc-wg-report-en.txt", "E/CN.4/RES/1991/42", None),
            ("un-hrc-report-fr.txt", "A/HRC/RES/52/9", None),
            ("un-hrc-session-report-fr.txt", "A/HRC/61/48", Some(12)),
            ("un-ga-sg-report-contents-en.txt", "A/80/212", Some(14)),
            (
                "un-ga-report-rapporteur-ru.txt",
                "A/C.3/81/L.55/Rev.1",
                None,
            ),
            ("un-sc-sg-report-en.txt", "S/PRST/2026/2", None),
            ("oic-resolution-en.txt", "OIC Resolution No. 3/51-LEG", None),
            ("eu-communication-en.txt", "COM(2025) 104 final", None),
            ("au-psc-communique-en.txt", "PSC/PR/COMM.1250", None),
        ] {
            let expected = (file.to_string(), symbol.to_string(), paragraph);
            assert!(
                found.contains(&expected),
                "{file}: {symbol} ({paragraph:?})"
            );
        }
    }
}
