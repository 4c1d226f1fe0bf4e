//! Paragraph styles (`styles.xml`): which make a heading, of what level, and which carry
//! automatic numbering (a numbered heading style, "I.", "A.", numbers its headings so).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// A paragraph style as far as the report is concerned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// Outline level, 0 the highest, as the style sets it.
    outline: Option<u8>,
    /// Numbering the style applies: its `numId` and level.
    numbering: Option<(String, u8)>,
}

/// What a paragraph is, by its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The document's title.
    Title,
    /// A heading, 1 the highest.
    Heading(u8),
    Text,
}

#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

pub(crate) fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok())
        .map(|v| v.into_owned())
}

impl Styles {
    pub fn parse(xml: &str) -> Styles {
        let mut reader = Reader::from_str(xml);
        let mut by_id = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        let mut num_id: Option<String> = None;
        let mut level = 0;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match &event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"style" if attribute(e, b"type").as_deref() == Some("paragraph") => {
                        current = attribute(e, b"styleId").map(|id| (id, Style::default()));
                        num_id = None;
                        level = 0;
                    }
                    b"name" => {
                        if let Some((_, style)) = &mut current {
                            style.name = attribute(e, b"val").unwrap_or_default();
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, style)) = &mut current {
                            style.based_on = attribute(e, b"val");
                        }
                    }
                    b"outlineLvl" => {
                        if let Some((_, style)) = &mut current {
                            style.outline = attribute(e, b"val")
                                .and_then(|v| v.parse().ok())
                                .filter(|l| *l < 9);
                        }
                    }
                    b"numId" => num_id = attribute(e, b"val"),
                    b"ilvl" => {
                        level = attribute(e, b"val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0)
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == b"style" => {
                    if let Some((id, mut style)) = current.take() {
                        style.numbering = num_id.take().map(|n| (n, level));
                        by_id.insert(id, style);
                    }
                }
                _ => {}
            }
        }
        Styles { by_id }
    }

    /// The style and the ones it is based on, nearest first (a loop in `basedOn` ends it).
    fn chain<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = Some(id);
        let mut steps = 0;
        std::iter::from_fn(move || {
            steps += 1;
            let style = self.by_id.get(next?).filter(|_| steps < 20)?;
            next = style.based_on.as_deref();
            Some(style)
        })
    }

    /// What a paragraph of this style is: by the style's name ("Title", "Heading 2", as Word
    /// names its built-in styles whatever the language of the interface), or by the outline
    /// level the style or the paragraph sets.
    pub fn role(&self, id: Option<&str>, own_outline: Option<u8>) -> Role {
        let styles: Vec<&Style> = id.map(|id| self.chain(id).collect()).unwrap_or_default();
        for style in &styles {
            let name = style.name.to_lowercase();
            if name == "title" {
                return Role::Title;
            }
            if let Some(n) = name
                .strip_prefix("heading ")
                .and_then(|n| n.trim().parse::<u8>().ok())
            {
                return Role::Heading(n.clamp(1, 6));
            }
        }
        own_outline
            .or_else(|| styles.iter().find_map(|s| s.outline))
            .map_or(Role::Text, |level| Role::Heading(level + 1))
    }

    /// The numbering a paragraph of this style gets when it sets none itself.
    pub fn numbering(&self, id: Option<&str>) -> Option<(String, u8)> {
        id.and_then(|id| self.chain(id).find_map(|s| s.numbering.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Berschrift2"><w:name w:val="heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="HChG"><w:name w:val="_ H _Ch_G"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My heading"/><w:basedOn w:val="Heading1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
        <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>
    </w:styles>"#;

    #[test]
    fn headings_are_known_by_name_outline_level_or_what_they_are_based_on() {
        let styles = Styles::parse(STYLES);
        assert_eq!(styles.role(Some("Title"), None), Role::Title);
        assert_eq!(styles.role(Some("Heading1"), None), Role::Heading(1));
        assert_eq!(styles.role(Some("Berschrift2"), None), Role::Heading(2));
        assert_eq!(styles.role(Some("HChG"), None), Role::Heading(2));
        assert_eq!(styles.role(Some("Mine"), None), Role::Heading(1));
        assert_eq!(styles.role(Some("Loop"), None), Role::Text);
        assert_eq!(styles.role(None, Some(2)), Role::Heading(3));
        assert_eq!(styles.role(Some("Unknown"), None), Role::Text);
        assert_eq!(styles.numbering(Some("Mine")), Some(("3".to_string(), 0)));
        assert_eq!(styles.numbering(Some("Title")), None);
    }
}
