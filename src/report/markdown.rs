//! First pass over a report's text: pulldown-cmark finds the blocks (paragraphs, list items,
//! headings) and the inline styling; this module flattens them into source blocks made of lines,
//! because the line breaks of a title block carry meaning that Markdown would throw away.
//! Raw HTML is kept as the literal text it is, never as markup.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::model::{FootnoteRef, RichText, Span, Style};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SourceKind {
    Paragraph,
    /// A Markdown heading (`#` or underlined), with its level.
    Heading(u8),
    /// The text of a footnote (`[^1]: …`), with its label.
    Footnote(String),
}

/// A block as the text laid it out: its lines, and the number when it was a list item ("8.").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceBlock {
    pub kind: SourceKind,
    pub item_number: Option<u32>,
    pub lines: Vec<RichText>,
}

#[derive(Default)]
struct Flattener {
    blocks: Vec<SourceBlock>,
    open: Option<SourceBlock>,
    line: RichText,
    emphasis: u32,
    strong: u32,
    links: Vec<Option<String>>,
    list_depth: u32,
    /// The number of a list item whose first block has not started yet.
    pending_item: Option<u32>,
    /// Inside code and HTML blocks, text events carry their own line breaks.
    literal_block: bool,
    /// Inside a footnote definition: its label.
    footnote: Option<String>,
    /// Footnote labels already referred to, so only the first reference is the one linked back to.
    referenced: Vec<String>,
}

impl Flattener {
    fn style(&self) -> Style {
        Style {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            ..Style::default()
        }
    }

    fn link(&self) -> Option<String> {
        self.links.last().cloned().flatten()
    }

    fn open_block(&mut self, kind: SourceKind) {
        self.close_block();
        let kind = match (kind, &self.footnote) {
            (SourceKind::Paragraph, Some(label)) => SourceKind::Footnote(label.clone()),
            (kind, _) => kind,
        };
        self.open = Some(SourceBlock {
            kind,
            item_number: self.pending_item.take(),
            lines: Vec::new(),
        });
    }

    fn ensure_open(&mut self) {
        // Tight list items carry their text without a paragraph around it.
        if self.open.is_none() {
            self.open_block(SourceKind::Paragraph);
        }
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line).trim();
        if let Some(block) = self.open.as_mut() {
            if !line.is_blank() {
                block.lines.push(line);
            }
        }
    }

    /// A list item with nothing after its number ("2026." alone at a wrapped line's start, "17."
    /// with its text on the next page) is kept as a block without lines, for the structure pass
    /// to read.
    fn keep_empty_item(&mut self) {
        if let Some(n) = self.pending_item.take() {
            self.blocks.push(SourceBlock {
                kind: SourceKind::Paragraph,
                item_number: Some(n),
                lines: Vec::new(),
            });
        }
    }

    fn close_block(&mut self) {
        self.end_line();
        if let Some(block) = self.open.take() {
            if !block.lines.is_empty() {
                self.blocks.push(block);
            }
        }
    }

    fn text(&mut self, text: &str, style: Style) {
        self.ensure_open();
        if self.literal_block {
            let mut parts = text.split('\n').peekable();
            while let Some(part) = parts.next() {
                self.line.push(Span {
                    text: part.to_string(),
                    style,
                    link: None,
                });
                if parts.peek().is_some() {
                    self.end_line();
                }
            }
        } else {
            let link = self.link();
            self.line.push(Span {
                text: text.to_string(),
                style,
                link,
            });
        }
    }

    fn event(&mut self, event: Event<'_>, source: &str) {
        match event {
            Event::Start(tag) => self.start(tag, source),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t, self.style()),
            Event::Code(t) => self.text(
                &t,
                Style {
                    code: true,
                    ..self.style()
                },
            ),
            Event::Html(t) | Event::InlineHtml(t) => {
                let was = std::mem::replace(&mut self.literal_block, true);
                self.text(&t, self.style());
                self.literal_block = was;
            }
            Event::SoftBreak | Event::HardBreak => self.end_line(),
            Event::Rule => self.close_block(),
            Event::FootnoteReference(label) => {
                let first = !self.referenced.contains(&label.to_string());
                if first {
                    self.referenced.push(label.to_string());
                }
                let footnote = if first {
                    FootnoteRef::First
                } else {
                    FootnoteRef::Again
                };
                self.text(
                    &label,
                    Style {
                        footnote,
                        ..self.style()
                    },
                );
            }
            Event::TaskListMarker(done) => {
                self.text(if done { "[x] " } else { "[ ] " }, self.style())
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t, self.style()),
        }
    }

    fn start(&mut self, tag: Tag<'_>, source: &str) {
        match tag {
            Tag::Paragraph => self.open_block(SourceKind::Paragraph),
            Tag::Heading { level, .. } => self.open_block(SourceKind::Heading(level as u8)),
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.open_block(SourceKind::Paragraph);
                self.literal_block = true;
            }
            Tag::List(_) => {
                self.close_block();
                self.list_depth += 1;
            }
            Tag::Item => {
                self.close_block();
                self.keep_empty_item();
                let number = item_number(source);
                if self.list_depth == 1 {
                    self.pending_item = number;
                } else if let Some(n) = number {
                    // Deeper numbered lists are not report paragraphs: keep their numbers as text.
                    self.ensure_open();
                    self.line.push(Span::plain(format!("{n}. ")));
                }
            }
            Tag::FootnoteDefinition(label) => {
                self.close_block();
                self.footnote = Some(label.to_string());
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link { dest_url, .. } => self.links.push(safe_link(&dest_url)),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item => self.close_block(),
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                self.close_block();
                self.literal_block = false;
            }
            TagEnd::List(_) => {
                self.close_block();
                self.keep_empty_item();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            TagEnd::FootnoteDefinition => {
                self.close_block();
                self.footnote = None;
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            _ => {}
        }
    }
}

/// The number an ordered list item was written with: Markdown renumbers items, reports do not.
fn item_number(item_source: &str) -> Option<u32> {
    let digits: String = item_source
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Only addresses a reader can follow safely become links; anything else stays plain text.
fn safe_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
        .then(|| url.trim().to_string())
}

pub(crate) fn source_blocks(text: &str) -> Vec<SourceBlock> {
    let mut flattener = Flattener::default();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_FOOTNOTES).into_offset_iter() {
        let source = text.get(range).unwrap_or_default();
        flattener.event(event, source);
    }
    flattener.close_block();
    flattener.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_lines(block: &SourceBlock) -> Vec<String> {
        block.lines.iter().map(|l| l.plain()).collect()
    }

    #[test]
    fn list_items_keep_the_numbers_they_were_written_with() {
        let blocks = source_blocks("3. Third.\n7. Seventh.\n");
        assert_eq!(
            blocks.iter().map(|b| b.item_number).collect::<Vec<_>>(),
            [Some(3), Some(7)]
        );
        assert_eq!(plain_lines(&blocks[1]), ["Seventh."]);
    }

    #[test]
    fn soft_breaks_become_separate_lines_and_emphasis_survives_them() {
        let blocks = source_blocks("Title\n*Held on the\nsidelines*\n");
        assert_eq!(
            plain_lines(&blocks[0]),
            ["Title", "Held on the", "sidelines"]
        );
        assert!(blocks[0].lines[2].spans()[0].style.emphasis);
    }

    #[test]
    fn raw_html_stays_literal_text() {
        let blocks =
            source_blocks("<script>alert(1)</script>\n\nA <b onclick=\"x()\">bold</b> claim.\n");
        let all: Vec<String> = blocks.iter().flat_map(plain_lines).collect();
        assert_eq!(
            all,
            [
                "<script>alert(1)</script>",
                "A <b onclick=\"x()\">bold</b> claim."
            ]
        );
    }

    #[test]
    fn only_safe_links_are_kept() {
        let blocks = source_blocks("[ok](https://example.org) and [bad](javascript:alert(1))\n");
        let links: Vec<_> = blocks[0].lines[0]
            .spans()
            .iter()
            .map(|s| s.link.clone())
            .collect();
        assert_eq!(links, [Some("https://example.org".to_string()), None]);
    }

    #[test]
    fn indented_text_is_read_as_text_not_code() {
        let blocks = source_blocks("1. Chapeau:\n\n        (a) first;\n        (b) second.\n");
        let all: Vec<String> = blocks.iter().flat_map(plain_lines).collect();
        assert_eq!(all, ["Chapeau:", "(a) first;", "(b) second."]);
        assert!(blocks.iter().all(|b| b
            .lines
            .iter()
            .all(|l| l.spans().iter().all(|s| !s.style.code))));
    }

    #[test]
    fn footnote_references_and_definitions_are_kept_apart() {
        let blocks = source_blocks(
            "1. As decided.[^1] Again.[^1]

[^1]: Resolution 2625 (XXV).
",
        );
        let refs: Vec<(&str, FootnoteRef)> = blocks[0].lines[0]
            .spans()
            .iter()
            .filter(|s| s.style.footnote != FootnoteRef::No)
            .map(|s| (s.text.as_str(), s.style.footnote))
            .collect();
        assert_eq!(refs, [("1", FootnoteRef::First), ("1", FootnoteRef::Again)]);
        assert_eq!(blocks[1].kind, SourceKind::Footnote("1".into()));
        assert_eq!(plain_lines(&blocks[1]), ["Resolution 2625 (XXV)."]);
    }
}
