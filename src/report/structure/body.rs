//! The body being built: headings, numbered paragraphs with their sub-paragraphs, unnumbered
//! paragraphs, and the ids they get (unique, stable, from their numbers or their words).

use std::collections::HashSet;

use crate::report::model::{Block, Heading, Paragraph, ParagraphKind, RichText};

use super::numerals::*;
use super::segments::*;
use super::text::*;

/// Gives out ids, so that two paragraphs written with the same number still get distinct ones.
#[derive(Default)]
pub(super) struct Ids(HashSet<String>);

impl Ids {
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
}

impl Body {
    pub(super) fn add(&mut self, segment: &Segment) {
        let text = joined(&segment.lines);
        match &segment.marker {
            Marker::Heading { level, label } => {
                let words = format!("{} {}", label.as_deref().unwrap_or(""), text.plain());
                let wanted = match slug(&words) {
                    s if s.is_empty() => format!("h{}", self.blocks.len() + 1),
                    s => format!("h-{s}"),
                };
                let id = self.ids.claim(wanted);
                self.anchor = Some(id.clone());
                self.unnumbered_since_anchor = 0;
                self.open = None;
                self.blocks.push(Block::Heading(Heading {
                    id,
                    level: *level,
                    label: label.clone(),
                    text,
                }));
            }
            Marker::Number(n) => {
                let id = self.ids.claim(format!("p{n}"));
                self.anchor = Some(id.clone());
                self.unnumbered_since_anchor = 0;
                let name = format!("paragraph {n}");
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
            Marker::None => {
                if let Some(last) = self.deepest_open() {
                    if continues(&last.text.plain(), &text.plain()) {
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
                    None => (format!("u{k}"), format!("unnumbered paragraph {k}")),
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
