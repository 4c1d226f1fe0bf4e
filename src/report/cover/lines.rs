//! The kinds of line a report's head holds: letterheads ("United Nations", "Organisation of
//! Islamic Cooperation"), addresses, the document's kind, bylines, session lines, distribution
//! and original language, and names alone on a line.

/// Letterheads and organs, in the six languages of the United Nations, and other bodies whose
/// documents open the same way.
pub(super) const LETTERHEADS: [&str; 47] = [
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
    // The Council's letterhead, set over two lines as it is ("Council of the" / "European Union").
    "council of the european union",
    "council of the",
    "european union",
    "conseil de l'union européenne",
    "conseil de l’union européenne",
    "peace and security council",
    "conseil de paix et de sécurité",
    "organisation of islamic cooperation",
    "organization of islamic cooperation",
    "منظمة التعاون الإسلامي",
];

/// The language of a UN document's version, as its head names it ("Français" under "Distr.").
pub(super) const LANGUAGES: [&str; 18] = [
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

pub(super) fn is_letterhead(lower: &str) -> bool {
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
pub(super) fn is_un_letterhead(lower: &str) -> bool {
    LETTERHEADS[..6].contains(&lower.trim())
}

/// The organisation's address on its letterhead ("P.O. Box 3243 Tel.: +251 …").
pub(super) fn is_address(lower: &str) -> bool {
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
pub(super) fn is_document_kind(plain: &str) -> bool {
    const KINDS: [&str; 11] = [
        "outcome of proceedings",
        "cover note",
        "information note",
        "note",
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

pub(super) fn is_byline(lower: &str) -> bool {
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
    // A Main Committee's report on an item: "Report of the Third Committee", "Rapport de la
    // Troisième Commission", "Informe de la Tercera Comisión", "Доклад Третьего комитета".
    let committee = [
        ("report of the", "committee"),
        ("rapport de la", "commission"),
        ("informe de la", "comisión"),
        ("доклад", "комитета"),
    ]
    .iter()
    .any(|(start, end)| lower.starts_with(start) && lower.trim_end().ends_with(end));
    lower.split_whitespace().count() <= 6
        && (committee || BYLINES.iter().any(|b| lower.starts_with(b)))
}

/// "Fifty-ninth session", "Agenda item 3", "Point 3 de l’ordre du jour", "Tema 3 del programa",
/// "Пункт 3 повестки дня", "البند 3 من جدول الأعمال", "议程项目3".
pub(super) fn is_session_line(lower: &str) -> bool {
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
    // The formula opens its line ("Adopted by …"); a title may say "adopted by" further on
    // ("Resolutions on Political Affairs adopted by the 51st Session").
    let opens = |w: &&str| {
        if w.is_ascii() || w.starts_with('r') {
            lower.starts_with(*w)
        } else {
            lower.contains(*w)
        }
    };
    if adopted.iter().any(opens) || (lower.starts_with('[') && lower.ends_with(']')) {
        return true;
    }
    let words = lower.split_whitespace().count();
    let session = ["session", "período de sesiones", "periodo de sesiones", "сессия", "الدورة", "届会"].iter().any(|w| lower.contains(w))
        // "1250th meeting", as the AU numbers its Peace and Security Council's.
        || (words <= 4 && lower.contains("meeting") && lower.chars().any(|c| c.is_ascii_digit()))
        // The Security Council counts years, not sessions: "Eightieth year", "Octogésimo primer
        // año", "Quatre-vingt-unième année", "Восемьдесят первый год", "السنة الحادية والثمانون".
        || (words <= 4
            && ([" year", " année", " año", " год"].iter().any(|w| lower.ends_with(w))
                || lower.starts_with("السنة ")
                || (lower.starts_with('第') && lower.ends_with('年'))));
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

pub(super) fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
