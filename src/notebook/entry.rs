//! One entry of the notebook and how the entries of a report are made: from its parsed text
//! and where its annotations landed, or from the annotations alone when its text is not here.

use std::collections::HashMap;
use std::sync::Arc;

use crate::annotations::placement::{Place, Placements};
use crate::annotations::{Annotation, AnnotationSet, Target};
use crate::exchange::paragraph_citation;
use crate::exchange::text_fragment::passage_fragment;
use crate::report::{Paragraph, Report};
use crate::search::fold_text;

/// What the notebook shows of the report an entry is in: shared by all its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportInfo {
    pub id: String,
    /// How entries name the report: its symbol, or failing that the reader's name for it.
    pub name: String,
    pub symbol: Option<String>,
    pub title: String,
    pub date: Option<String>,
    /// The report's address: `Route::query_for(Some(id), None)`, or `./` for the default report
    /// (an empty string links to whatever page the notebook is on). Entries' links are this with a
    /// fragment; exports carry links only when it is absolute (`https://…/?report=…`), since a
    /// relative one leads nowhere outside the app.
    pub link: String,
}

impl ReportInfo {
    /// From the report's own cover.
    pub fn of_report(id: &str, report: &Report, link: &str) -> Self {
        let title = report.cover.title.as_ref().map(|t| t.plain());
        ReportInfo {
            id: id.to_string(),
            name: crate::exchange::cited_name(report),
            symbol: report.cover.symbol.clone(),
            title: title.unwrap_or_else(|| crate::exchange::cited_name(report)),
            date: report.cover.date.clone(),
            link: link.to_string(),
        }
    }

    /// From the library's entry for it (when its text is not at hand).
    pub fn of_entry(entry: &crate::library::Entry, link: &str) -> Self {
        ReportInfo {
            id: entry.id.clone(),
            name: entry
                .symbol
                .clone()
                .unwrap_or_else(|| entry.display_name().to_string()),
            symbol: entry.symbol.clone(),
            title: entry.display_name().to_string(),
            date: entry.date.clone(),
            link: link.to_string(),
        }
    }
}

/// One highlight or note, as the notebook lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotebookEntry {
    pub report: Arc<ReportInfo>,
    pub annotation: Annotation,
    /// "A/HRC/55/23, para. 8 (p. 3)"; "A/HRC/55/23 (no longer in the text)" for an orphan.
    pub citation: String,
    /// The citation without the report's name: "para. 8 (p. 3)", "no longer in the text".
    pub place: String,
    /// The paragraph it is in now; none for an orphan.
    pub paragraph_id: Option<String>,
    /// Its place among its report's entries in reading order (orphans last).
    pub order: usize,
    /// The words marked, or the opening words of a paragraph marked whole.
    pub quote: String,
    /// A link to it: the report's link and `#p8`, or `#p8:~:text=…` for a passage.
    pub href: String,
    /// Quote, note and tags folded as searching folds them, once, for [`select`].
    pub(super) folded: String,
    /// Its tags folded, for the tag filter and [`tags_of`].
    pub(super) folded_tags: Vec<String>,
}

impl NotebookEntry {
    fn new(
        report: &Arc<ReportInfo>,
        annotation: &Annotation,
        (place, paragraph_id): (String, Option<String>),
        quote: String,
        href: String,
    ) -> Self {
        let citation = match paragraph_id {
            Some(_) => format!("{}, {place}", report.name),
            None => format!("{} ({place})", report.name),
        };
        let searched = format!(
            "{quote}\n{}\n{}",
            annotation.note,
            annotation.tags.join("\n")
        );
        NotebookEntry {
            report: Arc::clone(report),
            annotation: annotation.clone(),
            citation,
            place,
            paragraph_id,
            order: 0,
            quote,
            href,
            folded: fold_text(&searched),
            folded_tags: annotation.tags.iter().map(|t| fold_text(t)).collect(),
        }
    }

    /// Names it among all entries (an annotation's id is its report's own).
    pub fn key(&self) -> String {
        format!("{}/{}", self.report.id, self.annotation.id)
    }
}

/// How many characters of a paragraph's opening stand for a paragraph marked whole.
pub(super) const OPENING_CHARS: usize = 160;
const GONE: &str = "no longer in the text";

/// The first words of a text, cut between words, with "…" where it goes on.
fn opening_words(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(OPENING_CHARS) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = head
                .rfind(char::is_whitespace)
                .map_or(head, |at| &head[..at]);
            format!("{}…", head.trim_end())
        }
    }
}

/// The link to a passage or a paragraph of a report.
fn href_of(report: &ReportInfo, paragraph: &str, annotation: &Annotation) -> String {
    match annotation.target.quote() {
        Some(q) => format!("{}#{}", report.link, passage_fragment(paragraph, q)),
        None => crate::permalink::permalink(&report.link, paragraph),
    }
}

/// The entries of one report, in reading order (orphans last), from its parsed text, its
/// annotations and where they were placed.
pub fn entries_of(
    report_info: ReportInfo,
    report: &Report,
    set: &AnnotationSet,
    placements: &Placements,
) -> Vec<NotebookEntry> {
    let info = Arc::new(report_info);
    let paragraphs: HashMap<&str, &Paragraph> =
        report.paragraphs().map(|p| (p.id.as_str(), p)).collect();
    let mut entries = Vec::with_capacity(placements.entries.len());
    // A paragraph marked many times is made plain text once.
    let mut openings: HashMap<&str, String> = HashMap::new();
    for placed in &placements.entries {
        let Some(annotation) = set.get(&placed.id) else {
            continue;
        };
        let paragraph = match placed.place {
            Place::Orphan => None,
            _ => paragraphs.get(placed.paragraph.as_str()),
        };
        let entry = match paragraph {
            Some(p) => {
                let pages = report.pages_of(&p.id).map(|s| format!(" ({s})"));
                let place = paragraph_citation(p) + &pages.unwrap_or_default();
                let quote = match annotation.target.quote() {
                    Some(q) => q.exact.clone(),
                    None => openings
                        .entry(&p.id)
                        .or_insert_with(|| opening_words(&p.text.plain()))
                        .clone(),
                };
                let href = href_of(&info, &p.id, annotation);
                NotebookEntry::new(&info, annotation, (place, Some(p.id.clone())), quote, href)
            }
            None => orphan(&info, annotation),
        };
        entries.push(NotebookEntry {
            order: entries.len(),
            ..entry
        });
    }
    entries
}

/// An annotation whose words could not be found: named, quoted from what it kept, and linked to
/// its report.
fn orphan(info: &Arc<ReportInfo>, annotation: &Annotation) -> NotebookEntry {
    let place = (GONE.to_string(), None);
    NotebookEntry::new(
        info,
        annotation,
        place,
        kept_words(annotation),
        info.link.clone(),
    )
}

/// The words an annotation kept of the text: its passage, or its paragraph's opening.
fn kept_words(annotation: &Annotation) -> String {
    match &annotation.target {
        Target::Passage { quote, .. } => quote.exact.clone(),
        Target::Paragraph {
            excerpt: Some(q), ..
        } => opening_words(&q.exact),
        Target::Paragraph { excerpt: None, .. } => String::new(),
    }
}

/// "para. 3 (a) (i)" for `p3-a-i`: the citation a numbered paragraph's id spells; any other id
/// as it is.
fn citation_from_id(id: &str) -> String {
    let mut parts = id.split('-');
    let number = parts.next().and_then(|p| p.strip_prefix('p'));
    let subs: Vec<&str> = parts.collect();
    match number {
        Some(n)
            if !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
                && subs
                    .iter()
                    .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic())) =>
        {
            let subs: String = subs.iter().map(|s| format!(" ({s})")).collect();
            format!("para. {n}{subs}")
        }
        _ => id.to_string(),
    }
}

/// Where a paragraph id says a paragraph sits: the body's numbered paragraphs by number, any
/// other id after them.
fn id_order(id: &str) -> (u8, u64) {
    let number = id.strip_prefix('p').map(|rest| {
        rest.split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or("")
    });
    match number.and_then(|n| n.parse().ok()) {
        Some(n) => (0, n),
        None => (1, 0),
    }
}

/// The entries of a report whose text is not in this browser: from the annotations alone, quoted
/// from the words they kept and cited by their paragraph's id, in the order the ids suggest.
pub fn entries_without_text(report_info: ReportInfo, set: &AnnotationSet) -> Vec<NotebookEntry> {
    let info = Arc::new(report_info);
    let mut live: Vec<&Annotation> = set.live().collect();
    live.sort_by_cached_key(|a| {
        let paragraph = a.target.paragraph();
        let start = a.target.quote().map_or(0, |q| q.start + 1);
        (id_order(paragraph), paragraph.to_string(), start, a.created)
    });
    live.into_iter()
        .enumerate()
        .map(|(order, a)| {
            let paragraph = a.target.paragraph();
            let place = (citation_from_id(paragraph), Some(paragraph.to_string()));
            let href = href_of(&info, paragraph, a);
            NotebookEntry {
                order,
                ..NotebookEntry::new(&info, a, place, kept_words(a), href)
            }
        })
        .collect()
}

/// "124 highlights and notes in 9 reports", "1 highlight or note in 1 report".
pub fn summary<'a>(entries: impl IntoIterator<Item = &'a NotebookEntry>) -> String {
    let mut count = 0;
    let mut reports: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for e in entries {
        count += 1;
        reports.insert(&e.report.id);
    }
    match (count, reports.len()) {
        (0, _) => "No highlights or notes".to_string(),
        (n, 1) => format!("{} in 1 report", crate::library::notes_phrase(n)),
        (n, r) => format!("{} in {r} reports", crate::library::notes_phrase(n)),
    }
}
