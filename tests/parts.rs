//! Parts of a report that number their paragraphs again (annexes, appendices, resolutions
//! reproduced in a report), lists before the body, contents tables, and what a reader does with
//! them: cite them, link to them, keep notes made on the ids they had before.
#![cfg(not(target_arch = "wasm32"))]

use report_reader::annotations::placement::{place, ParagraphIndex, Place};
use report_reader::annotations::{Annotation, AnnotationSet, Target};
use report_reader::exchange::cite;
use report_reader::permalink::{resolve, Resolution};
use report_reader::report::{former_ids, parse, Report};

/// A letter that transmits a report with sections, as the Security Council circulates them, in
/// the text a PDF export gives (the head's two columns side by side, a page break before the annex).
const LETTER: &str = "\
United Nations                                                          S/2026/100

Security Council                                                        Distr.: General
                                                                        3 March 2026

Letter dated 2 March 2026 from the Permanent Representative of Norway to the United Nations
addressed to the President of the Security Council

I have the honour to transmit herewith the report of the meeting held in Oslo (see annex).

I should be grateful if the present letter and its annex could be circulated as a document of the
Security Council.

(Signed) Kari Nordmann
Permanent Representative

\x0c
Annex to the letter dated 2 March 2026 from the Permanent Representative of Norway to the United
Nations addressed to the President of the Security Council

Report of the Oslo meeting on the protection of civilians

I. Introduction

1. The meeting brought together forty States and the organizations of the United Nations system.

2. The participants agreed on the following:
(a) To share data on civilian casualties;
(b) To support national inquiries.

3. They will meet again in 2027.

Appendix

1. The road map has three stages.
";

fn ids(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = report.blocks.iter().map(|b| b.id().to_string()).collect();
    out.extend(report.paragraphs().map(|p| p.id.clone()));
    out.sort();
    out
}

fn paragraph<'a>(report: &'a Report, id: &str) -> &'a report_reader::report::Paragraph {
    report
        .paragraphs()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(report)))
}

#[test]
fn a_letters_annex_and_its_appendix_number_their_own_paragraphs() {
    let report = parse(LETTER);
    assert_eq!(
        report.cover.title.as_ref().map(|t| t.plain()).as_deref(),
        Some(
            "Letter dated 2 March 2026 from the Permanent Representative of Norway to the United \
             Nations addressed to the President of the Security Council"
        )
    );
    let all = ids(&report);
    for id in [
        "u1",
        "u2",
        "u3",
        "u4",
        "annex",
        "annex-h-report-of-the-oslo-meeting-on-the-protection-of-civilians",
        "annex-h-i-introduction",
        "annex-p1",
        "annex-p2-a",
        "annex-p3",
        "annex-appendix",
        "annex-appendix-p1",
    ] {
        assert!(all.contains(&id.to_string()), "{id} in {all:?}");
    }
    assert!(all.iter().all(|id| !id.contains('_')), "{all:?}");
    assert_eq!(
        paragraph(&report, "u3").text.plain(),
        "(Signed) Kari Nordmann"
    );
    assert_eq!(
        paragraph(&report, "u4").text.plain(),
        "Permanent Representative"
    );
}

#[test]
fn citations_name_the_part_and_links_to_a_number_only_a_part_has_go_there() {
    let report = parse(LETTER);
    assert_eq!(
        cite(&report, paragraph(&report, "annex-p3")),
        "S/2026/100, annex, para. 3 (p. 2)"
    );
    assert_eq!(
        cite(&report, paragraph(&report, "annex-p2-a")),
        "S/2026/100, annex, para. 2 (a) (p. 2)"
    );
    assert_eq!(
        cite(&report, paragraph(&report, "annex-appendix-p1")),
        "S/2026/100, annex, appendix, para. 1 (p. 2)"
    );
    // The letter's own paragraphs are unnumbered: "#p3" is the annex's paragraph 3.
    match resolve(&report, "#p3") {
        Resolution::Found { ids, note } => {
            assert_eq!(ids, ["annex-p3"]);
            assert!(note.is_some_and(|n| n.contains("annex")));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        resolve(&report, "#annex-appendix-p1"),
        Resolution::Found { ids, .. } if ids == ["annex-appendix-p1"]
    ));
    assert!(matches!(
        resolve(&report, "#p9"),
        Resolution::NotFound { .. }
    ));
}

#[test]
fn resolutions_in_a_session_report_are_parts_and_the_report_goes_on_after_them() {
    let report = parse(
        "A/HRC/61/2\n\nReport of the Human Rights Council on its sixty-first session\n\n\
         I. Resolutions\n\n61/1. Rights of older persons\n\nThe Human Rights Council,\n\n\
         Recalling its resolution 54/1,\n\n1. Calls upon States to act;\n\n\
         2. Decides to remain seized of the matter.\n\n45th meeting 4 April 2026\n\n\
         61/2. Freedom of expression\n\nThe Human Rights Council,\n\n\
         1. Reaffirms the right to freedom of expression.\n\n\
         II. Organizational matters\n\n1. The Council held its session in Geneva.\n",
    );
    let all = ids(&report);
    for id in [
        "res-61-1",
        "res-61-1-u1",
        "res-61-1-u2",
        "res-61-1-p2",
        "res-61-1-p2-u1",
        "res-61-2-p1",
        "h-ii-organizational-matters",
        "p1",
    ] {
        assert!(all.contains(&id.to_string()), "{id} in {all:?}");
    }
    assert_eq!(
        cite(&report, paragraph(&report, "res-61-2-p1")),
        "A/HRC/61/2, resolution 61/2, para. 1"
    );
}

#[test]
fn an_agenda_before_the_body_keeps_its_numbers_but_not_the_bodys_ids() {
    let report = parse(
        "E/CN.5/2026/1\n\nProvisional agenda and annotations\n\nI. Provisional agenda\n\n\
         1. Election of officers\n\n2. Adoption of the agenda\n\n3. Follow-up to the World Summit\n\n\
         II. Annotations\n\n1. The Commission will elect its Chair at the opening meeting.\n\n\
         2. It will then adopt its agenda, as set out above.\n",
    );
    let all = ids(&report);
    for id in [
        "h-i-provisional-agenda-item-1",
        "h-i-provisional-agenda-item-3",
        "p1",
        "p2",
    ] {
        assert!(all.contains(&id.to_string()), "{id} in {all:?}");
    }
    assert!(paragraph(&report, "p1")
        .text
        .plain()
        .starts_with("The Commission"));
    assert_eq!(
        paragraph(&report, "h-i-provisional-agenda-item-2")
            .label()
            .as_deref(),
        Some("2.")
    );
}

#[test]
fn a_contents_table_is_read_as_links_to_the_headings_it_names() {
    let report = parse(
        "A/81/100\n\nInternational Year of Volunteers, 2026\n\nReport of the Secretary-General\n\nContents\n\n\
         Paragraphs Page\n\
         I. Introduction . . . . . . . . . . . . . . . 1–2 2\n\
         II. Activities of the Office . . . . . . . . 3 2\n\
         Annex\n\
         Information received from Member States . . . . . 3\n\n\
         I. Introduction\n\n1. The present report is submitted pursuant to resolution 79/1.\n\n\
         2. It covers the year 2025.\n\nII. Activities of the Office\n\n\
         3. The Office held ten meetings.\n\nAnnex\n\n\
         Information received from Member States\n\n1. Forty States replied.\n",
    );
    let contents = report.contents.as_ref().expect("a contents table");
    assert_eq!(contents.heading, "h-contents");
    assert_eq!(
        contents.entries,
        [
            "h-i-introduction",
            "h-ii-activities-of-the-office",
            // "Annex" and its title under it are one entry, which leads to the annex.
            "annex",
        ]
    );
    // No dot leaders, no page numbers in any paragraph.
    assert!(report
        .paragraphs()
        .all(|p| !p.text.plain().contains(". . .")));
    assert_eq!(
        paragraph(&report, "annex-p1").text.plain(),
        "Forty States replied."
    );
}

#[test]
fn a_hyphen_at_a_lines_end_goes_where_it_broke_a_word_and_stays_in_a_compound() {
    let report = parse(
        "Report\n\n1. The programmes for the conser-\nvation of forests, for awareness-\n\
         raising and for the follow-\nup of the Vice-\nPresident's imple-\nmentation plan.\n",
    );
    assert_eq!(
        paragraph(&report, "p1").text.plain(),
        "The programmes for the conservation of forests, for awareness-raising and for the \
         follow-up of the Vice-President's implementation plan."
    );
}

#[test]
fn notes_made_on_the_ids_an_annex_had_before_follow_it() {
    let report = parse(LETTER);
    let former = former_ids(&report);
    assert_eq!(former.get("p1").map(String::as_str), Some("annex-p1"));
    assert_eq!(former.get("p2-a").map(String::as_str), Some("annex-p2-a"));
    assert_eq!(
        former.get("p1_2").map(String::as_str),
        Some("annex-appendix-p1")
    );
    // A note on the whole of what was `p2-a`, kept without its words (as older notes were).
    let mut set = AnnotationSet::default();
    set.add(Annotation::new(
        "n1".into(),
        Target::Paragraph {
            paragraph: "p2-a".into(),
            excerpt: None,
        },
        None,
        "check the data",
        1,
    ));
    let placements = place(&ParagraphIndex::new(&report), &set);
    let entry = &placements.entries[0];
    assert_eq!(entry.paragraph, "annex-p2-a");
    assert_eq!(entry.place, Place::Paragraph);
    assert_eq!(entry.moved_from, None);
}

#[test]
fn arabic_paragraph_numbers_with_a_dash_and_a_symbol_before_the_arabic_comma_are_read() {
    let report = parse(
        "S/2026/410، 12 أيار/مايو 2026\n\nتقرير الأمين العام\n\nأولاً - مقدمة\n\n\
         1 - يقدم هذا التقرير عملاً بقرار مجلس الأمن.\n\n\
         ٢ - ويتناول التقرير ما يلي:\n(أ) الحالة الأمنية؛\n(ب) الحالة الإنسانية.\n",
    );
    assert_eq!(report.cover.symbol.as_deref(), Some("S/2026/410"));
    assert!(report.cover.date.is_some(), "{:?}", report.cover);
    let all = ids(&report);
    for id in ["h-أولا-مقدمة", "p1", "p2", "p2-a", "p2-b"] {
        assert!(all.contains(&id.to_string()), "{id} in {all:?}");
    }
    assert_eq!(paragraph(&report, "p1").label().as_deref(), Some("1 -"));
    assert!(paragraph(&report, "p1").text.plain().starts_with("يقدم"));
}

#[test]
fn footnotes_under_a_rule_are_found_by_a_spaced_call_and_stay_out_of_the_body() {
    let report = parse(
        "A/80/200\n\nReport of the Secretary-General\n\n\
         1. The Fund received contributions from 40 States and from intergovernmental and \
         non-governmental organizations 1.\n\n\
         2. Its expenditure is set out in the annex to paragraph 1.\n\n\
         __________________\n\
         * A/80/100.\n\
         1 The contributions received after 31 March are not included.\n\
         \x0c3. The Fund will report again in 2027.\n",
    );
    let notes: Vec<(String, String)> = report
        .footnotes
        .iter()
        .map(|n| (n.label.clone(), n.text.plain()))
        .collect();
    assert!(
        notes.contains(&(
            "1".into(),
            "The contributions received after 31 March are not included.".into()
        )),
        "{notes:?}"
    );
    assert!(paragraph(&report, "p1")
        .text
        .plain()
        .ends_with("organizations 1."));
    assert!(paragraph(&report, "p2")
        .text
        .plain()
        .ends_with("paragraph 1."));
    assert!(report
        .paragraphs()
        .all(|p| !p.text.plain().contains("contributions received after")));
}

#[test]
fn chinese_lines_join_without_a_space_and_its_contents_labels_are_set_off_by_a_comma() {
    let report = parse(
        "A/81/300\n\n农业技术促进可持续发展\n\n目录\n\n段次 页次\n\
         一、导言 . . . . . . . . . 1-2 2\n二、建议 . . . . . . . . . 3 3\n\n\
         一、导言\n\n1. 本报告是根据大会决议提交的，介绍了\n农业技术的最新趋势。\n\n\
         2. 报告还介绍了联合国系统的支助。\n\n二、建议\n\n3. 大会不妨鼓励会员国。\n",
    );
    assert_eq!(
        paragraph(&report, "p1").text.plain(),
        "本报告是根据大会决议提交的，介绍了农业技术的最新趋势。"
    );
    let contents = report.contents.as_ref().expect("a contents table");
    assert_eq!(contents.entries, ["h-一-导言", "h-二-建议"]);
}
