//! The parsed shape of a report: a cover (symbol, title block) and a body of headings and
//! paragraphs, each with the stable id its permalink uses. Plain data, no parsing logic.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How a run of text is set. Reports use little more than italics and bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Style {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    /// The run is a footnote reference; its text is the footnote's label.
    pub footnote: FootnoteRef,
}

/// Whether a run is a footnote reference, and the first one to its footnote (which the
/// footnote links back to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FootnoteRef {
    #[default]
    No,
    First,
    Again,
}

/// A footnote: its label as written (`1`), its id (`fn-1`) and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    pub label: String,
    pub id: String,
    pub text: RichText,
}

/// The id of a footnote with this label, and of the first reference to it.
pub fn footnote_ids(label: &str) -> (String, String) {
    let mut slug: String = label
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    // The UN's asterisk notes ("*", "**") are named by their stars.
    if slug.is_empty() {
        slug = format!("star{}", label.chars().filter(|c| *c == '*').count());
    }
    (format!("fn-{slug}"), format!("fnref-{slug}"))
}

/// A run of text in one style. `link` is only ever an http(s) or mailto address, or a citation
/// of another document (`crate::citations::CitationLink`), which the views resolve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            style: Style::default(),
            link: None,
        }
    }
}

/// Prefixes that form hyphenated compounds, whose hyphen stays when a line break follows it.
const KEEP_HYPHEN: [&str; 16] = [
    "self", "non", "co", "anti", "well", "long", "short", "cross", "ex", "post", "follow", "high",
    "low", "full", "all", "so",
];

/// A character of a script written without spaces between words (Chinese, Japanese), or its
/// full-width punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Endings that are never words of their own, in the languages of the United Nations: what
/// follows a hyphen that broke a word at a line's end ("conser-vation", "desarro-llo" aside).
const WORD_ENDINGS: [&str; 34] = [
    "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ances",
    "ence", "ences", "ible", "ous", "ism", "isms", "ize", "ized", "izes", "ise", "ised", "ary",
    "ory", "ive", "ives", "ción", "ciones", "sión", "siones", "dad", "dades", "mente", "ité",
];

/// Whether the word after a line-end hyphen is only the end of a word ("vation", "mentation",
/// "nalization"): in small letters, and ending as words do that are no word alone.
fn is_word_ending(rest: &str) -> bool {
    let lower = rest.to_lowercase();
    rest.starts_with(char::is_lowercase)
        && lower.chars().count() <= 12
        && WORD_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Styled text, as a flat list of runs, so that lines can be split and joined freely.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RichText(pub Vec<Span>);

impl RichText {
    pub fn spans(&self) -> &[Span] {
        &self.0
    }

    /// The text as a reader sees it, without styling.
    pub fn plain(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|s| s.text.trim().is_empty())
    }

    /// Appends a run, merging it into the last one when they are set alike.
    pub fn push(&mut self, span: Span) {
        if span.text.is_empty() {
            return;
        }
        if let Some(last) = self.0.last_mut() {
            if last.style == span.style && last.link == span.link {
                last.text.push_str(&span.text);
                return;
            }
        }
        self.0.push(span);
    }

    /// Joins `other` after this text with a single space, as a wrapped line is read. A line
    /// that ends on a hyphen goes on without a space: the hyphen goes where it only broke a word
    /// ("conser-" + "vation", "imple-" + "mentation": the rest is an ending, never a word), and
    /// stays where it joins two words ("awareness-" + "raising", "follow-" + "up",
    /// "soixante-" + "quatrième", "Vice-" + "President", "self-" + "determination").
    pub fn join_line(&mut self, other: &RichText) {
        if self.is_blank() {
            *self = other.clone();
            return;
        }
        if let (Some(last), Some(first)) = (self.0.last_mut(), other.0.first()) {
            if let Some(stem) = last.text.strip_suffix('-') {
                let word = stem
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or_default();
                if !word.is_empty() && first.text.starts_with(char::is_alphabetic) {
                    let rest: String = first
                        .text
                        .chars()
                        .take_while(|c| c.is_alphabetic())
                        .collect();
                    if !KEEP_HYPHEN.contains(&word.to_lowercase().as_str()) && is_word_ending(&rest)
                    {
                        last.text.pop();
                    }
                    for span in &other.0 {
                        self.push(span.clone());
                    }
                    return;
                }
            }
        }
        // Chinese and Japanese set no space between words: a line goes on at once.
        if let (Some(last), Some(first)) = (
            self.0.last().and_then(|s| s.text.chars().last()),
            other.0.first().and_then(|s| s.text.chars().next()),
        ) {
            if is_cjk(last) || is_cjk(first) {
                for span in &other.0 {
                    self.push(span.clone());
                }
                return;
            }
        }
        // A range broken after its dash ("2028–" / "2037"), or two names of a month broken
        // after their slash ("حزيران/" / "يونيه", "2024/" / "2025"), is one word again.
        if let (Some(last), Some(first)) = (self.0.last(), other.0.first()) {
            let range =
                last.text.ends_with('–') && first.text.starts_with(|c: char| c.is_ascii_digit());
            let slashed = last.text.ends_with('/')
                && !last.text.ends_with(" /")
                && first.text.starts_with(char::is_alphanumeric);
            if range || slashed {
                for span in &other.0 {
                    self.push(span.clone());
                }
                return;
            }
        }
        let style = match (self.0.last(), other.0.first()) {
            // Keep the space inside a run that continues across the break (italics over two lines).
            (Some(a), Some(b)) if a.style == b.style && a.link == b.link => a.style,
            _ => Style::default(),
        };
        self.push(Span {
            text: " ".into(),
            style,
            link: None,
        });
        for span in &other.0 {
            self.push(span.clone());
        }
    }

    /// Removes leading and trailing white space, dropping runs left empty.
    pub fn trim(mut self) -> Self {
        if let Some(first) = self.0.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        if let Some(last) = self.0.last_mut() {
            last.text = last.text.trim_end().to_string();
        }
        self.0.retain(|s| !s.text.is_empty());
        self
    }
}

/// The title block at the head of a report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Cover {
    /// The document symbol, e.g. `OIC-CFM-51\2025-CG-J&K\FINAL.REP`.
    pub symbol: Option<String>,
    pub title: Option<RichText>,
    /// The italic line under the title ("Held on the sidelines of …").
    pub subtitle: Option<RichText>,
    pub place: Option<String>,
    pub date: Option<String>,
    /// Any other lines of the title block ("Distr.: General", "Original: English"), in order.
    pub other_lines: Vec<RichText>,
}

impl Cover {
    pub fn is_empty(&self) -> bool {
        *self == Cover::default()
    }
}

/// What a paragraph is, which decides its label and its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParagraphKind {
    /// "8." in the text: id `p8`.
    Numbered(u32),
    /// "(a)" or "(i)" under another paragraph: id `<parent>-a`.
    Sub(String),
    /// No number: id relative to the anchor before it, e.g. `p8-u1`.
    Unnumbered,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: String,
    /// How a reader names it: "paragraph 8", "paragraph 8 (a) (i)".
    pub name: String,
    pub kind: ParagraphKind,
    /// Its number or letter as the text writes it ("١.", "(أ)", "a)"), which is what a reader
    /// sees; the id takes the usual form ("p1", "p2-a").
    pub written: Option<String>,
    pub text: RichText,
    pub children: Vec<Paragraph>,
}

impl Paragraph {
    /// The label set in the margin: "8." or "(a)".
    pub fn label(&self) -> Option<String> {
        if let Some(written) = &self.written {
            return Some(written.clone());
        }
        match &self.kind {
            ParagraphKind::Numbered(n) => Some(format!("{n}.")),
            ParagraphKind::Sub(marker) => Some(format!("({marker})")),
            ParagraphKind::Unnumbered => None,
        }
    }

    /// Whether its label is five characters or more ("1000.", "(viii)"): such labels are set
    /// smaller where the margin is narrow, so that they fit it.
    pub fn has_long_label(&self) -> bool {
        self.label().is_some_and(|label| label.chars().count() >= 5)
    }

    /// How a reader would name it: "paragraph 8", "paragraph 8 (a) (i)".
    pub fn name(&self) -> &str {
        &self.name
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    pub id: String,
    /// 1 is the highest; numbered "I." sections are 2, lettered "A." subsections 3.
    pub level: u8,
    /// "I." or "A." when the heading carries one.
    pub label: Option<String>,
    pub text: RichText,
}

impl Heading {
    pub fn name(&self) -> String {
        format!("section “{}”", self.text.plain())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
}

impl Block {
    pub fn id(&self) -> &str {
        match self {
            Block::Heading(h) => &h.id,
            Block::Paragraph(p) => &p.id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Report {
    pub cover: Cover,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// The pages each paragraph came from, by id, where the text had pages.
    pub pages: BTreeMap<String, PageSpan>,
    /// The report's own contents table, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contents: Option<Contents>,
}

/// A contents table as the report gives it, read as links: the heading it stands under
/// ("Contents"), and the headings its entries lead to, in its order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contents {
    pub heading: String,
    pub entries: Vec<String>,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.cover.is_empty() && self.blocks.is_empty()
    }

    /// Every paragraph, sub-paragraphs included, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        fn walk<'a>(p: &'a Paragraph, out: &mut Vec<&'a Paragraph>) {
            out.push(p);
            for c in &p.children {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for block in &self.blocks {
            if let Block::Paragraph(p) = block {
                walk(p, &mut out);
            }
        }
        out.into_iter()
    }

    /// The report's language (BCP 47), judged from its title and first paragraphs.
    pub fn language(&self) -> &'static str {
        let title = self.cover.title.as_ref().map(RichText::plain);
        let paragraphs: Vec<String> = self.paragraphs().take(40).map(|p| p.text.plain()).collect();
        super::language::language(
            title
                .iter()
                .map(String::as_str)
                .chain(paragraphs.iter().map(String::as_str)),
        )
    }

    /// The body's top-level numbered paragraphs, in order: not those of an annex or a
    /// reproduced resolution, which number their own (`annex-p3`), nor a list's items.
    pub fn numbered(&self) -> impl Iterator<Item = (u32, &Paragraph)> {
        self.numbered_in("")
    }

    /// The top-level numbered paragraphs of one part of the report (`annex-ii`; `""` is the body).
    pub fn numbered_in<'a>(
        &'a self,
        part: &'a str,
    ) -> impl Iterator<Item = (u32, &'a Paragraph)> + 'a {
        let prefix = if part.is_empty() {
            "p".to_string()
        } else {
            format!("{part}-p")
        };
        self.blocks.iter().filter_map(move |b| match b {
            Block::Paragraph(p) => match p.kind {
                ParagraphKind::Numbered(n)
                    if p.id.strip_prefix(&prefix).is_some_and(|rest| {
                        rest.split('_').next() == Some(n.to_string().as_str())
                    }) =>
                {
                    Some((n, p))
                }
                _ => None,
            },
            _ => None,
        })
    }

    /// The parts that number their paragraphs again (annexes, appendices, reproduced
    /// resolutions), by the id their paragraphs' ids begin with, in reading order.
    pub fn parts(&self) -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        for (n, p) in self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => match p.kind {
                ParagraphKind::Numbered(n) => Some((n, p)),
                _ => None,
            },
            _ => None,
        }) {
            let own = format!("-p{n}");
            let Some(at) = p.id.rfind(&own) else { continue };
            let part = &p.id[..at];
            let rest = &p.id[at + own.len()..];
            if (rest.is_empty() || rest.starts_with('_')) && !parts.iter().any(|x| x == part) {
                parts.push(part.to_string());
            }
        }
        parts
    }

    /// The page's title for this report: "<title> — <symbol>", or whichever of them it has.
    pub fn page_title(&self) -> String {
        match (&self.cover.symbol, &self.cover.title) {
            (Some(symbol), Some(title)) => format!("{} — {symbol}", title.plain()),
            (None, Some(title)) => title.plain(),
            (Some(symbol), None) => symbol.clone(),
            (None, None) => "Report reader".to_string(),
        }
    }

    /// The pages the paragraph with this id came from, where the text had pages.
    pub fn pages_of(&self, id: &str) -> Option<PageSpan> {
        self.pages.get(id).copied()
    }

    /// How a reader names the heading or paragraph with this id, if there is one.
    pub fn describe(&self, id: &str) -> Option<String> {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Heading(h) if h.id == id => Some(h.name()),
                _ => None,
            })
            .or_else(|| {
                self.paragraphs()
                    .find(|p| p.id == id)
                    .map(|p| p.name.clone())
            })
            .or_else(|| {
                self.footnotes
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| format!("footnote {}", f.label))
            })
            .or_else(|| {
                self.footnotes
                    .iter()
                    .find(|f| footnote_ids(&f.label).1 == id)
                    .map(|f| format!("the reference to footnote {}", f.label))
            })
    }
}

/// The first and last page a paragraph is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSpan {
    pub first: u32,
    pub last: u32,
}

impl std::fmt::Display for PageSpan {
    /// "p. 3", or "pp. 3–4" across a page break.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "p. {}", self.first)
        } else {
            write!(f, "pp. {}–{}", self.first, self.last)
        }
    }
}

impl PageSpan {
    /// As a reader hears it: "page 3", "pages 3 to 4".
    pub fn spoken(&self) -> String {
        if self.first == self.last {
            format!("page {}", self.first)
        } else {
            format!("pages {} to {}", self.first, self.last)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::parse;

    #[test]
    fn a_reports_page_is_titled_by_its_title_and_symbol() {
        assert_eq!(
            parse("A/HRC/61/27\n\n# Report of the Council\n\n1. Text.\n").page_title(),
            "Report of the Council — A/HRC/61/27"
        );
        assert_eq!(
            parse("# Report of the Council\n\n1. Text.\n").page_title(),
            "Report of the Council"
        );
        assert_eq!(parse("").page_title(), "Report reader");
    }
}
