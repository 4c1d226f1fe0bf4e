//! The body being built: headings, numbered paragraphs with their sub-paragraphs, unnumbered
//! paragraphs, and the ids they get (unique, stable, from their numbers or their words).

use std::collections::HashSet;

use crate::report::model::{Block, Heading, Paragraph, ParagraphKind, RichText};

use super::numerals::*;
use super::parts::{PartHeading, PartWord};
use super::segment::*;
use super::segments::*;
use super::text::*;
use crate::report::clauses::ends_on_joining_word;

/// Gives out ids, so that two paragraphs written with the same number still get distinct ones.
#[derive(Default)]
pub(super) struct Ids(HashSet<String>);

impl Ids {
    pub(super) fn release(&mut self, id: &str) {
        self.0.remove(id);
    }

    pub(super) fn claim(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        let mut n = 2;
        while !self.0.insert(id.clone()) {
            id = format!("{wanted}_{n}");
            n += 1;
        }
        id
    }
}

pub(super) fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        // Vowel marks and tatweel are not typed in a link: "أولاً" is "أولا".
        if matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
            continue;
        }
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The longest an annex's own title runs.
const PART_TITLE_CHARS: usize = 200;

#[derive(Default)]
pub(super) struct Body {
    pub(super) blocks: Vec<Block>,
    pub(super) ids: Ids,
    /// The id unnumbered paragraphs are named after (the last numbered paragraph or heading).
    pub(super) anchor: Option<String>,
    pub(super) unnumbered_since_anchor: u32,
    /// The top-level paragraph sub-paragraphs attach to; a heading closes it.
    pub(super) open: Option<usize>,
    /// Whether the open paragraph's first-level sub-paragraphs are numbered (i), (ii) rather than lettered.
    pub(super) first_level_roman: bool,
    /// The parts the text is in, outermost first (an annex, an appendix inside it).
    pub(super) parts: Vec<OpenPart>,
}

/// A part of the report its paragraphs are numbered in (see [`super::parts`]).
pub(super) struct OpenPart {
    pub(super) id: String,
    /// "annex II", "annex, appendix", "resolution 36/1".
    pub(super) name: String,
    pub(super) word: PartWord,
    /// Whether its own title ("Report of the Panel of Experts") may still come.
    pub(super) title_may_follow: bool,
}

impl Body {
    pub(super) fn add(&mut self, segment: &Segment) {
        let text = joined(&segment.lines);
        match &segment.marker {
            Marker::Part { part, label } => self.open_part(part, label.clone(), text),
            Marker::Heading { level, label } => {
                // A report's own numbered section after a resolution it reproduces is the
                // report again.
                if label.as_deref().is_some_and(is_section_label) {
                    self.parts
                        .retain(|p| !matches!(p.word, PartWord::Resolution | PartWord::Decision));
                }
                self.push_heading(*level, label.clone(), text);
            }
            Marker::Number(n) => {
                if *n == 1 {
                    self.numbering_starts_again();
                }
                let id = self.ids.claim(format!("{}p{n}", self.prefix()));
                self.anchor = Some(id.clone());
                self.unnumbered_since_anchor = 0;
                let name = self.named(format!("paragraph {n}"));
                let written = segment.written.clone();
                self.push_top(Paragraph {
                    id,
                    name,
                    kind: ParagraphKind::Numbered(*n),
                    written,
                    text,
                    children: Vec::new(),
                });
            }
            Marker::Sub(marker) => self.add_sub(marker, segment.written.clone(), text),
            // An annex's title with its opening run on under it in the export ("Dushanbe
            // Declaration on …" / "We, the experts of …,"): the title, then the paragraph.
            Marker::None
                if segment.lines.len() > 1
                    && segment.lines[1].plain().starts_with(char::is_uppercase)
                    && !ends_on_joining_word(&segment.lines[0].plain())
                    && joined(&segment.lines[1..])
                        .plain()
                        .trim_end()
                        .ends_with(['.', ',', ';', ':', '،', '؛'])
                    && self.is_part_title(&segment.lines[0]) =>
            {
                let (title, rest) = segment.lines.split_at(1);
                self.add(&Segment {
                    marker: Marker::None,
                    lines: title.to_vec(),
                    written: None,
                });
                self.add(&Segment {
                    marker: Marker::None,
                    lines: rest.to_vec(),
                    written: None,
                });
            }
            Marker::None if self.is_part_title(&text) => {
                // A level under its part's heading: an annex's title under "Annex II", an
                // appendix's under "Appendix".
                let level = match self.parts.last().map(|p| p.word) {
                    Some(PartWord::Annex) => 3,
                    _ => 4,
                };
                self.push_heading(level, None, text);
            }
            Marker::None => {
                if let Some(last) = self.deepest_open() {
                    // A number left alone on its line has its text after it.
                    if last.text.is_blank() || continues(&last.text.plain(), &text.plain()) {
                        last.text.join_line(&text);
                        return;
                    }
                }
                self.unnumbered_since_anchor += 1;
                let k = self.unnumbered_since_anchor;
                let (wanted, name) = match &self.anchor {
                    Some(anchor) => (
                        format!("{anchor}-u{k}"),
                        format!("unnumbered paragraph {k} after {}", self.anchor_name()),
                    ),
                    None => (
                        format!("{}u{k}", self.prefix()),
                        self.named(format!("unnumbered paragraph {k}")),
                    ),
                };
                let id = self.ids.claim(wanted);
                self.push_top(Paragraph {
                    id,
                    name,
                    kind: ParagraphKind::Unnumbered,
                    written: None,
                    text,
                    children: Vec::new(),
                });
            }
        }
    }

    /// What every id inside the innermost open part starts with (`annex-ii-`), or nothing.
    pub(super) fn prefix(&self) -> String {
        self.parts
            .last()
            .map(|p| format!("{}-", p.id))
            .unwrap_or_default()
    }

    /// A paragraph's name within its part: "annex II, paragraph 3".
    fn named(&self, name: String) -> String {
        match self.parts.last() {
            Some(part) => format!("{}, {name}", part.name),
            None => name,
        }
    }

    fn push_heading(&mut self, level: u8, label: Option<String>, text: RichText) {
        let words = format!("{} {}", label.as_deref().unwrap_or(""), text.plain());
        let wanted = match slug(&words) {
            s if s.is_empty() => format!("{}h{}", self.prefix(), self.blocks.len() + 1),
            s => format!("{}h-{s}", self.prefix()),
        };
        let id = self.ids.claim(wanted);
        self.push_heading_with_id(id, level, label, text);
    }

    fn push_heading_with_id(
        &mut self,
        id: String,
        level: u8,
        label: Option<String>,
        text: RichText,
    ) {
        for part in &mut self.parts {
            part.title_may_follow = false;
        }
        self.anchor = Some(id.clone());
        self.unnumbered_since_anchor = 0;
        self.open = None;
        self.blocks.push(Block::Heading(Heading {
            id,
            level,
            label,
            text,
        }));
    }

    /// A heading that opens a part: an annex leaves whatever part was open, an appendix or a
    /// reproduced resolution sits inside the annex (or the appendix's, the resolution's) before it.
    fn open_part(&mut self, part: &PartHeading, label: Option<String>, text: RichText) {
        match part.word {
            PartWord::Annex => self
                .parts
                .retain(|p| matches!(p.word, PartWord::Resolution | PartWord::Decision)),
            PartWord::Appendix(_) => self
                .parts
                .retain(|p| !matches!(p.word, PartWord::Appendix(_))),
            PartWord::Resolution | PartWord::Decision => self
                .parts
                .retain(|p| !matches!(p.word, PartWord::Resolution | PartWord::Decision)),
        }
        // An annex of a resolution is the resolution's; a later one after the report's own text
        // went on (a roman section) is the report's.
        if part.word == PartWord::Annex
            && !self.parts.is_empty()
            && self
                .blocks
                .last()
                .is_some_and(|b| matches!(b, Block::Heading(_)))
        {
            self.parts.clear();
        }
        let id = self.ids.claim(format!("{}{}", self.prefix(), part.id()));
        let name = match self.parts.last() {
            Some(outer) => format!("{}, {}", outer.name, part.name),
            None => part.name.clone(),
        };
        let level = if matches!(part.word, PartWord::Annex) {
            2
        } else {
            3
        };
        let titled = label.is_some();
        self.push_heading_with_id(id.clone(), level, label, text);
        self.parts.push(OpenPart {
            id,
            name,
            word: part.word,
            // An annex's title is the line under its heading; so is a resolution's, where its
            // heading is its number alone ("Resolution No. 1/51-POL" / "On the Cause of Palestine").
            title_may_follow: matches!(part.word, PartWord::Annex | PartWord::Appendix(_))
                || !titled,
        });
    }

    /// Whether a line right under an annex's heading is the annex's own title: short, and no
    /// sentence ("Report of the Panel of Experts on Yemen").
    fn is_part_title(&self, text: &RichText) -> bool {
        let plain = text.plain();
        let plain = plain.trim();
        self.parts.last().is_some_and(|p| p.title_may_follow)
            && self
                .blocks
                .last()
                .is_some_and(|b| matches!(b, Block::Heading(_)))
            && plain.chars().count() <= PART_TITLE_CHARS
            && !ends_sentence(plain)
            && !plain.ends_with([',', '،', '-'])
            && plain.starts_with(|c: char| !c.is_lowercase())
    }

    pub(super) fn anchor_name(&self) -> String {
        let anchor = self.anchor.as_deref().unwrap_or_default();
        self.blocks
            .iter()
            .rev()
            .find(|b| b.id() == anchor)
            .map(|b| match b {
                Block::Heading(h) => h.name(),
                Block::Paragraph(p) => p.name.clone(),
            })
            .unwrap_or_default()
    }

    pub(super) fn push_top(&mut self, paragraph: Paragraph) {
        for part in &mut self.parts {
            part.title_may_follow = false;
        }
        self.open = Some(self.blocks.len());
        self.first_level_roman = false;
        self.blocks.push(Block::Paragraph(paragraph));
    }

    pub(super) fn open_paragraph(&mut self) -> Option<&mut Paragraph> {
        match self.blocks.get_mut(self.open?) {
            Some(Block::Paragraph(p)) => Some(p),
            _ => None,
        }
    }

    /// The paragraph text is currently being added to: the last sub-paragraph of the open one.
    pub(super) fn deepest_open(&mut self) -> Option<&mut Paragraph> {
        let mut p = self.open_paragraph()?;
        while !p.children.is_empty() {
            p = p.children.last_mut()?;
        }
        Some(p)
    }

    pub(super) fn add_sub(&mut self, marker: &str, written: Option<String>, text: RichText) {
        if self.open.is_none() {
            // A sub-paragraph with nothing above it: an unnumbered paragraph that keeps its label.
            self.unnumbered_since_anchor += 1;
            let wanted = match &self.anchor {
                Some(anchor) => format!("{anchor}-{marker}"),
                None => format!("u{}-{marker}", self.unnumbered_since_anchor),
            };
            let id = self.ids.claim(wanted);
            let name = format!("paragraph ({marker})");
            self.push_top(Paragraph {
                id,
                name,
                kind: ParagraphKind::Sub(marker.to_string()),
                written,
                text,
                children: Vec::new(),
            });
            return;
        }
        let Some(Block::Paragraph(top)) = self.open.and_then(|i| self.blocks.get_mut(i)) else {
            return;
        };
        // "(i)" after "(h)" is a letter; otherwise a small numeral is a roman sub-sub-paragraph.
        let follows_letter = top.children.last().is_some_and(|c| {
            matches!(&c.kind, ParagraphKind::Sub(m) if letter_before(marker).is_some_and(|l| m.len() == 1 && m.starts_with(l)))
        });
        let is_roman = roman_value(marker).is_some() && (!follows_letter || self.first_level_roman);
        if top.children.is_empty() {
            self.first_level_roman = is_roman;
        }
        let nest = is_roman && !self.first_level_roman;
        let parent = match top.children.last_mut() {
            Some(last) if nest => last,
            _ => top,
        };
        let id = self.ids.claim(format!("{}-{marker}", parent.id));
        let name = format!("{} ({marker})", parent.name);
        parent.children.push(Paragraph {
            id,
            name,
            kind: ParagraphKind::Sub(marker.to_string()),
            written,
            text,
            children: Vec::new(),
        });
    }
}

/// "I.", "XII." or "B.": the label of a report's own section or subsection.
fn is_section_label(label: &str) -> bool {
    let bare = label.trim_end_matches('.');
    !bare.is_empty()
        && (bare.chars().all(|c| "IVXLC".contains(c))
            || (bare.len() == 1 && bare.chars().all(|c| c.is_ascii_uppercase())))
}
