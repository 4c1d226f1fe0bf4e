//! Structure recognition on the bundled report and on fixtures written for the cases it lacks.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use report_reader::report::{parse, Block, ParagraphKind, Report, DEFAULT_REPORT};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn paragraph_text(report: &Report, id: &str) -> String {
    report
        .paragraphs()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no {id}"))
        .text
        .plain()
}

fn ids(report: &Report) -> Vec<String> {
    let mut ids: Vec<String> = report.blocks.iter().map(|b| b.id().to_string()).collect();
    ids.extend(report.paragraphs().map(|p| p.id.clone()));
    ids
}

#[test]
fn default_report_title_block_is_read_as_written() {
    let cover = parse(DEFAULT_REPORT).cover;
    assert_eq!(
        cover.symbol.as_deref(),
        Some(r"OIC-CFM-51\2025-CG-J&K\FINAL.REP")
    );
    assert_eq!(
        cover.title.unwrap().plain(),
        "Report of the Meeting of the OIC Contact Group on Jammu and Kashmir"
    );
    let subtitle = cover.subtitle.unwrap();
    assert_eq!(
        subtitle.plain(),
        "Held on the sidelines of the 51st session of the OIC Council of Foreign Ministers"
    );
    assert!(
        subtitle.spans().iter().all(|s| s.style.emphasis),
        "the italics run across the line break"
    );
    assert_eq!(
        cover.place.as_deref(),
        Some("Istanbul, Republic of Türkiye")
    );
    assert_eq!(cover.date.as_deref(), Some("22 June 2025"));
    assert!(
        cover.other_lines.is_empty(),
        "the repeated title block is a running header: {:?}",
        cover.other_lines
    );
}

#[test]
fn default_report_has_exactly_eleven_numbered_paragraphs_and_nothing_else() {
    let report = parse(DEFAULT_REPORT);
    let numbers: Vec<u32> = report.numbered().map(|(n, _)| n).collect();
    assert_eq!(numbers, (1..=11).collect::<Vec<_>>());
    assert_eq!(
        report.blocks.len(),
        11,
        "no heading, no stray unnumbered paragraph"
    );
    assert_eq!(
        ids(&report)[..11],
        (1..=11).map(|n| format!("p{n}")).collect::<Vec<_>>()[..]
    );
}

#[test]
fn paragraph_eight_is_whole_across_the_page_break() {
    let text = paragraph_text(&parse(DEFAULT_REPORT), "p8");
    assert!(text.starts_with("Recalling recent developments in South Asia,"));
    assert!(text.contains(
        "and the need to adhere to the agreement to protect civilians, residential areas"
    ));
    assert!(text.ends_with("which ensures security and stability in the South Asian region."));
}

#[test]
fn default_report_keeps_its_characters_exactly() {
    let report = parse(DEFAULT_REPORT);
    assert!(paragraph_text(&report, "p1").ends_with("and the Republic of Türkiye."));
    assert_eq!(
        paragraph_text(&report, "p11"),
        "The meeting adopted a Joint Communiqué on this issue."
    );
    assert!(paragraph_text(&report, "p3").contains("OIC's unwavering support"));
}

#[test]
fn every_paragraph_text_matches_the_source_line() {
    let report = parse(DEFAULT_REPORT);
    let numbered = DEFAULT_REPORT
        .lines()
        .filter_map(|l| l.split_once(". ").filter(|(n, _)| n.parse::<u32>().is_ok()));
    for (number, text) in numbered {
        let parsed = paragraph_text(&report, &format!("p{number}"));
        assert!(parsed.starts_with(text.trim()), "p{number}");
    }
}

#[test]
fn sections_sub_paragraphs_and_page_debris() {
    let report = parse(&fixture("council-resolution.txt"));
    assert_eq!(report.cover.symbol.as_deref(), Some("A/HRC/RES/58/12"));
    assert_eq!(
        report.cover.title.as_ref().unwrap().plain(),
        "Resolution on the Special Rapporteur on Cultural Rights"
    );
    assert_eq!(report.cover.place.as_deref(), Some("Geneva"));
    // A UN document's date is its date of issue, under its distribution; the session's dates
    // stay as written.
    assert_eq!(report.cover.date.as_deref(), Some("14 April 2025"));
    assert_eq!(
        report.cover.distribution().as_deref(),
        Some("Distr.: General")
    );
    assert_eq!(
        report.cover.original_language().as_deref(),
        Some("Original: English")
    );
    let other: Vec<String> = report.cover.other_lines.iter().map(|l| l.plain()).collect();
    assert_eq!(
        other,
        [
            "Distr.: General",
            "Original: English",
            "Geneva, 24 February-4 April 2025"
        ]
    );

    let headings: Vec<(String, u8, Option<String>, String)> = report
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some((h.id.clone(), h.level, h.label.clone(), h.text.plain())),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            (
                "h-i-introduction".into(),
                2,
                Some("I.".into()),
                "Introduction".into()
            ),
            (
                "h-a-background".into(),
                3,
                Some("A.".into()),
                "Background".into()
            ),
            (
                "h-ii-closing-provisions".into(),
                2,
                Some("II.".into()),
                "Closing provisions".into()
            ),
        ]
    );

    assert_eq!(
        paragraph_text(&report, "p1"),
        "The Council met in Geneva to consider the situation described in the report of the Special Rapporteur, \
         and heard statements from delegations listed in annex I."
    );
    assert_eq!(paragraph_text(&report, "p3"), "The Council decides:");
    assert_eq!(
        paragraph_text(&report, "p3-a"),
        "To extend the mandate of the Special Rapporteur for a period of one year;"
    );
    assert_eq!(
        paragraph_text(&report, "p3-b-i"),
        "To submit a report at its sixtieth session;"
    );
    assert_eq!(
        paragraph_text(&report, "p3-b-ii"),
        "To engage with all stakeholders;"
    );
    assert_eq!(
        paragraph_text(&report, "p3-c"),
        "To remain seized of the matter."
    );
    assert_eq!(
        paragraph_text(&report, "p4"),
        "The Council requests the Secretary-General to provide all the assistance necessary, \
         including adequate staff and resources, to the Special Rapporteur.",
        "the page number is dropped and the paragraph joined across the break"
    );
    assert_eq!(
        paragraph_text(&report, "h-ii-closing-provisions-u1"),
        "The Council thanked the host country for its hospitality."
    );

    let p5 = report.paragraphs().find(|p| p.id == "p5").unwrap();
    let letters: Vec<&str> = p5.children.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        letters,
        ["p5-a", "p5-b", "p5-c", "p5-d", "p5-e", "p5-f", "p5-g", "p5-h", "p5-i", "p5-j"],
        "(i) after (h) is a letter"
    );
    let p6 = report.paragraphs().find(|p| p.id == "p6").unwrap();
    assert_eq!(
        p6.children
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["p6-i", "p6-ii"]
    );
    assert_eq!(p6.children[1].label().as_deref(), Some("(ii)"));
    assert_eq!(
        report
            .paragraphs()
            .find(|p| p.id == "p3-b-ii")
            .unwrap()
            .name,
        "paragraph 3 (b) (ii)"
    );
}

#[test]
fn markdown_headings_and_unnumbered_paragraphs() {
    let report = parse(&fixture("markdown-notes.md"));
    assert_eq!(
        report.cover.title.as_ref().unwrap().plain(),
        "Summary of the Consultations"
    );
    assert_eq!(
        (report.cover.place.as_deref(), report.cover.date.as_deref()),
        (Some("Brussels"), Some("3 March 2024"))
    );
    let ids = ids(&report);
    assert_eq!(
        ids[..7],
        [
            "h-opening",
            "h-opening-u1",
            "h-opening-u2",
            "h-conclusions",
            "p1",
            "p2",
            "p2-u1"
        ]
    );
    let second = report
        .paragraphs()
        .find(|p| p.id == "h-opening-u2")
        .unwrap();
    assert_eq!(
        second.name,
        "unnumbered paragraph 2 after section “Opening”"
    );
    let styled: Vec<(&str, bool, bool, Option<&str>)> = second
        .text
        .spans()
        .iter()
        .map(|s| {
            (
                s.text.as_str(),
                s.style.strong,
                s.style.emphasis,
                s.link.as_deref(),
            )
        })
        .filter(|(_, strong, em, link)| *strong || *em || link.is_some())
        .collect();
    assert_eq!(
        styled,
        [
            ("bold", true, false, None),
            ("italic", false, true, None),
            ("reference", false, false, Some("https://example.org/doc"))
        ]
    );
    assert!(
        second.text.plain().contains("unsafe one"),
        "an unsafe link keeps its text"
    );
}

#[test]
fn raw_html_is_kept_as_text() {
    let report = parse(&fixture("hostile.txt"));
    assert_eq!(
        report.cover.title.as_ref().unwrap().plain(),
        "<script>alert(\"x\")</script>"
    );
    assert_eq!(
        paragraph_text(&report, "p1"),
        "A paragraph with <img src=x onerror=\"alert(1)\"> inside."
    );
    assert_eq!(paragraph_text(&report, "p2"), "Another </mark> one.");
}

#[test]
fn empty_and_blank_text_give_an_empty_report() {
    assert!(parse("").is_empty());
    assert!(parse(" \n\n\t \n").is_empty());
}

#[test]
fn text_without_structure_still_reads() {
    let report = parse(
        "Just one line of text, nothing else, but it is a whole sentence with many words in it.",
    );
    assert_eq!(report.blocks.len(), 1);
    assert_eq!(report.blocks[0].id(), "u1");
    let arabic = parse("تقرير اجتماع فريق الاتصال\n\n1. اجتمع فريق الاتصال في إسطنبول.\n");
    assert_eq!(
        arabic.cover.title.as_ref().unwrap().plain(),
        "تقرير اجتماع فريق الاتصال"
    );
    assert_eq!(
        paragraph_text(&arabic, "p1"),
        "اجتمع فريق الاتصال في إسطنبول."
    );
}

#[test]
fn duplicate_numbers_still_get_distinct_ids() {
    let report = parse("1. One.\n2. Two.\n\n2. Two again.\n");
    assert_eq!(ids(&report), ["p1", "p2", "p2_2", "p1", "p2", "p2_2"]);
}

#[test]
fn a_year_at_the_start_of_a_wrapped_line_is_not_a_paragraph_number() {
    let report = parse("1. The meeting was held in June\n2025. It closed the same day.\n");
    assert_eq!(report.blocks.len(), 1);
    assert_eq!(
        paragraph_text(&report, "p1"),
        "The meeting was held in June 2025. It closed the same day."
    );
}

#[test]
fn any_text_parses_without_panicking_and_ids_are_unique() {
    let alphabet: Vec<char> = "ab (i)1.2. #*_\n\n\\/<>&é١-–—\t`[]()!:;".chars().collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..(seed % 200) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let report = parse(&text);
        let mut all: Vec<String> = report.paragraphs().map(|p| p.id.clone()).collect();
        all.extend(
            report
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Heading(_)))
                .map(|b| b.id().to_string()),
        );
        let unique: HashSet<&String> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "duplicate id in {text:?}: {all:?}");
        assert!(report.paragraphs().all(|p| matches!(
            p.kind,
            ParagraphKind::Numbered(_) | ParagraphKind::Sub(_) | ParagraphKind::Unnumbered
        )));
    }
}

#[test]
fn eu_style_symbol_hyphenation_footers_and_footnotes() {
    let report = parse(&fixture("eu-communication.txt"));
    assert_eq!(report.cover.symbol.as_deref(), Some("COM(2024) 123 final"));
    assert_eq!(
        report.cover.title.as_ref().unwrap().plain(),
        "Communication from the Commission on the Implementation of the Strategy"
    );
    assert_eq!(
        (report.cover.place.as_deref(), report.cover.date.as_deref()),
        (Some("Brussels"), Some("12 March 2024"))
    );
    let p1 = paragraph_text(&report, "p1");
    assert!(
        p1.contains("assessment of the implementation of the strategy"),
        "a hyphenated word is rejoined: {p1}"
    );
    assert!(
        p1.contains("the self-determination of regions"),
        "a compound keeps its hyphen: {p1}"
    );
    assert!(
        report.paragraphs().all(|p| !p.text.plain().contains("EN")),
        "running footers are dropped"
    );
    assert_eq!(report.numbered().count(), 3);
    assert_eq!(
        report.paragraphs().count(),
        5,
        "no stray paragraphs from the footers"
    );
    let notes: Vec<(&str, &str, String)> = report
        .footnotes
        .iter()
        .map(|f| (f.label.as_str(), f.id.as_str(), f.text.plain()))
        .collect();
    assert_eq!(
        notes,
        [
            ("1", "fn-1", "COM(2021) 44 final.".to_string()),
            ("2", "fn-2", "SWD(2024) 60.".to_string())
        ]
    );
    let refs: Vec<(String, report_reader::report::FootnoteRef)> = report
        .paragraphs()
        .flat_map(|p| p.text.spans().to_vec())
        .filter(|s| s.style.footnote != report_reader::report::FootnoteRef::No)
        .map(|s| (s.text, s.style.footnote))
        .collect();
    use report_reader::report::FootnoteRef::{Again, First};
    assert_eq!(
        refs,
        [
            ("1".to_string(), First),
            ("2".to_string(), First),
            ("1".to_string(), Again)
        ]
    );
    assert_eq!(report.describe("fn-2").as_deref(), Some("footnote 2"));
    assert_eq!(
        report.describe("fnref-2").as_deref(),
        Some("the reference to footnote 2")
    );
}

#[test]
fn french_and_arabic_reports_keep_their_text() {
    let french = parse(&fixture("french-report.txt"));
    assert_eq!(
        french.cover.symbol.as_deref(),
        Some("OCI/CMAE-51/2025/RAP/FINAL")
    );
    assert_eq!(
        french.cover.title.as_ref().unwrap().plain(),
        "Rapport de la réunion du Groupe de contact de l’OCI sur le Jammu-et-Cachemire"
    );
    assert_eq!(
        (french.cover.place.as_deref(), french.cover.date.as_deref()),
        (
            Some("Istanbul, République de Türkiye"),
            Some("22 juin 2025")
        )
    );
    assert_eq!(paragraph_text(&french, "p2"), "La réunion a adopté un communiqué conjoint « sur cette question », qualifié d’« étape importante ».");

    let arabic = parse(&fixture("arabic-report.txt"));
    assert_eq!(
        arabic.cover.title.as_ref().unwrap().plain(),
        "تقرير اجتماع فريق الاتصال التابع لمنظمة التعاون الإسلامي بشأن جامو وكشمير"
    );
    assert_eq!(
        arabic.cover.place.as_deref(),
        Some("إسطنبول، الجمهورية التركية")
    );
    assert_eq!(
        paragraph_text(&arabic, "p2"),
        "اعتمد الاجتماع بيانا مشتركا بشأن هذه المسألة."
    );
    assert_eq!(arabic.numbered().count(), 2);
}

#[test]
fn the_revised_default_report_is_read_with_its_new_numbering() {
    let revised = parse(&fixture("oic-cfm-51-cg-jk-2025-rev2.txt"));
    assert_eq!(
        revised.numbered().map(|(n, _)| n).collect::<Vec<_>>(),
        (1..=12).collect::<Vec<_>>()
    );
    assert!(
        paragraph_text(&revised, "p9").starts_with("Recalling recent developments in South Asia")
    );
    assert!(paragraph_text(&revised, "p3").starts_with("The Secretary General of the OIC"));
}

#[test]
fn html_reports_are_read_for_their_structure() {
    let html = "<html><body><p>A/RES/78/1</p><h1>Resolution on <em>peace</em></h1><ol><li>Decides to act.</li><li>Requests a report.</li></ol><script>x()</script></body></html>";
    let report = parse(&report_reader::report::input::html_to_text(tokens(html)));
    assert_eq!(report.cover.symbol.as_deref(), Some("A/RES/78/1"));
    assert_eq!(
        report.cover.title.as_ref().unwrap().plain(),
        "Resolution on peace"
    );
    assert_eq!(paragraph_text(&report, "p2"), "Requests a report.");
    assert!(report.paragraphs().all(|p| !p.text.plain().contains("x()")));
}

/// HTML tokenised the way the browser's parser would report it (html5gum, in tests only).
fn tokens(html: &str) -> Vec<report_reader::report::input::HtmlToken> {
    use html5gum::{Token, Tokenizer};
    use report_reader::report::input::HtmlToken;
    let name = |n: &[u8]| String::from_utf8_lossy(n).into_owned();
    Tokenizer::new(html)
        .flatten()
        .filter_map(|token| match token {
            Token::StartTag(tag) => Some(HtmlToken::Start {
                name: name(&tag.name),
                start: None,
                self_closing: tag.self_closing,
            }),
            Token::EndTag(tag) => Some(HtmlToken::End {
                name: name(&tag.name),
            }),
            Token::String(text) => Some(HtmlToken::Text(name(&text))),
            _ => None,
        })
        .collect()
}

/// Annotations to an agenda in Arabic, as a layout-keeping export with pages gives them: the
/// agenda's last item at the foot of page 1, the annotation headings ("9 - …", a script without
/// capitals) each right above its paragraph, and a month's two names broken after their slash.
#[test]
fn numbered_headings_in_a_script_without_capitals_and_items_at_a_pages_foot_are_read() {
    // Lines as wide as wrapped text fills them.
    let line = "وتنظر اللجنة في التقارير المعروضة عليها وتتخذ ما تراه مناسباً من قرارات بشأنها";
    let text = format!(
        "E/ESCWA/34/1\n\nأولاً - جدول الأعمال المؤقت\n\n1 - افتتاح الدورة\n\n2 - انتخاب أعضاء المكتب\n\n\
         3 - اعتماد التقرير\n\nGE.26-06215\n\u{c}E/ESCWA/34/1\n\nثانياً - الشروح\n\n1 - افتتاح الدورة\n\
         1 - {line} في الجلسة الأولى يوم 15 حزيران/\nيونيه 2026 في بيروت.\n\n\
         2 - انتخاب أعضاء المكتب\n\
         2 - {line} في الجلسة الثانية\nمن الدورة.\n\n3 - {line} في الجلسة الثالثة\nمن الدورة.\n\n\
         3 - اعتماد التقرير\n\nGE.26-06215\n\u{c}E/ESCWA/34/1\n\n4 - {line} في الجلسة الختامية\nمن الدورة.\n"
    );
    let report = parse(&text);
    let all = ids(&report);
    for id in [
        "h-أولا-جدول-الأعمال-المؤقت-item-3",
        "h-1-افتتاح-الدورة",
        "h-2-انتخاب-أعضاء-المكتب",
        "h-3-اعتماد-التقرير",
        "p1",
        "p4",
    ] {
        assert!(all.contains(&id.to_string()), "{id} in {all:?}");
    }
    assert!(!all.iter().any(|id| id.contains("_2")), "{all:?}");
    assert!(paragraph_text(&report, "p1").contains("حزيران/يونيه 2026"));
}

/// A title wrapped onto a line that says "período de sesiones" keeps it; the session line of
/// the head, with its number, stays a session line.
#[test]
fn a_title_wrapped_onto_words_of_a_session_line_keeps_them() {
    let report = parse(
        "A/HRC/60/2\n\nConsejo de Derechos Humanos\n60º período de sesiones\n\n\
         Informe del Consejo de Derechos Humanos sobre su 60º\nperíodo de sesiones\n\n\
         1. El Consejo celebró su período de sesiones.\n",
    );
    assert_eq!(
        report.cover.title.as_ref().map(|t| t.plain()).as_deref(),
        Some("Informe del Consejo de Derechos Humanos sobre su 60º período de sesiones")
    );
}

/// A contents entry labelled with a resolution's number leads to the resolution reproduced in
/// the report.
#[test]
fn a_contents_entry_naming_a_resolution_leads_to_it() {
    let report = parse(
        "A/HRC/60/2\n\nInforme del Consejo\n\nÍndice\n\nPárrafos Página\n\
         I. Resoluciones . . . . . . . . . . . . 2\n\
         60/1. Derecho a una vivienda adecuada . . . . . . 2\n\
         II. Cuestiones de organización . . . . . . . 1–2 3\n\n\
         I. Resoluciones\n\n60/1. Derecho a una vivienda adecuada\n\n\
         El Consejo de Derechos Humanos,\n\n1. Decide seguir ocupándose de la cuestión.\n\n\
         II. Cuestiones de organización\n\n1. El Consejo celebró su período de sesiones.\n\n\
         2. Aprobó el informe.\n",
    );
    let contents = report.contents.as_ref().expect("a contents table");
    assert_eq!(
        contents.entries,
        [
            "h-i-resoluciones",
            "res-60-1",
            "h-ii-cuestiones-de-organización"
        ]
    );
}
