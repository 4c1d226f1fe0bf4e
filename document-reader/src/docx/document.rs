//! The paragraphs of a document part (`document.xml`, a footnote, a header) as Word holds them:
//! each with its style, its numbering and its runs of text, bold or italic or a footnote's mark.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::styles::attribute;

/// A run of text set one way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// The run is the mark of this footnote (its id in `footnotes.xml`).
    pub footnote: Option<String>,
}

/// A Word paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub style: Option<String>,
    /// Its own numbering: list (`numId`) and level.
    pub numbering: Option<(String, u8)>,
    /// Its own outline level, 0 the highest.
    pub outline: Option<u8>,
    pub runs: Vec<Run>,
}

impl Paragraph {
    pub fn plain(&self) -> String {
        self.runs
            .iter()
            .filter(|r| r.footnote.is_none())
            .map(|r| r.text.as_str())
            .collect()
    }
}

/// A footnote: its id and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    pub id: String,
    pub paragraphs: Vec<Paragraph>,
}

/// Whether a toggle property (`<w:b/>`, `<w:i w:val="0"/>`) is on.
fn on(e: &BytesStart) -> bool {
    !matches!(
        attribute(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Reads paragraphs out of a part, event by event.
struct Walker {
    paragraphs: Vec<Paragraph>,
    /// Paragraphs being read: a text box's paragraphs sit inside another's run.
    open: Vec<Paragraph>,
    run: Run,
    in_text: bool,
    in_paragraph_properties: bool,
    in_run_properties: bool,
    /// Inside what is not shown: deleted text, a field's code, the fallback copy of a drawing.
    hidden: usize,
}

impl Walker {
    fn new() -> Walker {
        Walker {
            paragraphs: Vec::new(),
            open: Vec::new(),
            run: Run::default(),
            in_text: false,
            in_paragraph_properties: false,
            in_run_properties: false,
            hidden: 0,
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.hidden > 0 || self.open.is_empty() {
            return;
        }
        self.run.text.push_str(text);
    }

    fn end_run(&mut self) {
        let run = std::mem::take(&mut self.run);
        if let Some(paragraph) = self.open.last_mut() {
            if !run.text.is_empty() || run.footnote.is_some() {
                paragraph.runs.push(run);
            }
        }
    }

    fn take(&mut self, event: &Event) {
        match event {
            Event::Start(e) => self.start(e, false),
            Event::Empty(e) => self.start(e, true),
            Event::End(e) => match e.local_name().as_ref() {
                b"p" => {
                    self.end_run();
                    if let Some(paragraph) = self.open.pop() {
                        self.paragraphs.push(paragraph);
                    }
                }
                b"r" => self.end_run(),
                b"t" => self.in_text = false,
                b"pPr" => self.in_paragraph_properties = false,
                b"rPr" => self.in_run_properties = false,
                b"del" | b"moveFrom" | b"instrText" | b"delText" | b"Fallback" => {
                    self.hidden = self.hidden.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(t) if self.in_text => {
                if let Ok(text) = t.unescape() {
                    self.push_text(&text);
                }
            }
            Event::CData(t) if self.in_text => {
                let text = String::from_utf8_lossy(t).into_owned();
                self.push_text(&text);
            }
            _ => {}
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        match name.as_ref() {
            b"p" if !empty => {
                // A paragraph inside another's run (a text box): the run so far stays with its own.
                self.end_run();
                self.open.push(Paragraph::default());
            }
            b"pPr" if !empty => self.in_paragraph_properties = true,
            b"rPr" if !empty => self.in_run_properties = true,
            b"r" => self.end_run(),
            b"t" if !empty => self.in_text = true,
            b"del" | b"moveFrom" | b"instrText" | b"delText" | b"Fallback" if !empty => {
                self.hidden += 1
            }
            b"tab" | b"ptab" if !self.in_paragraph_properties => self.push_text("\t"),
            b"br" | b"cr" => self.push_text("\n"),
            b"noBreakHyphen" => self.push_text("\u{2011}"),
            b"footnoteReference" if self.hidden == 0 => {
                self.end_run();
                self.run.footnote = attribute(e, b"id");
                self.end_run();
            }
            b"pStyle" if self.in_paragraph_properties => {
                if let Some(p) = self.open.last_mut() {
                    p.style = attribute(e, b"val");
                }
            }
            b"ilvl" if self.in_paragraph_properties => {
                if let Some(p) = self.open.last_mut() {
                    let level = attribute(e, b"val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    p.numbering =
                        Some((p.numbering.take().map(|n| n.0).unwrap_or_default(), level));
                }
            }
            b"numId" if self.in_paragraph_properties => {
                if let Some(p) = self.open.last_mut() {
                    let level = p.numbering.as_ref().map_or(0, |n| n.1);
                    p.numbering = Some((attribute(e, b"val").unwrap_or_default(), level));
                }
            }
            b"outlineLvl" if self.in_paragraph_properties => {
                if let Some(p) = self.open.last_mut() {
                    p.outline = attribute(e, b"val")
                        .and_then(|v| v.parse().ok())
                        .filter(|l| *l < 9);
                }
            }
            b"b" if self.in_run_properties && !self.in_paragraph_properties => {
                self.run.bold = on(e)
            }
            b"i" if self.in_run_properties && !self.in_paragraph_properties => {
                self.run.italic = on(e)
            }
            _ => {}
        }
    }
}

/// The paragraphs of a part, in order (table cells row by row).
pub fn paragraphs(xml: &str) -> Vec<Paragraph> {
    let mut reader = Reader::from_str(xml);
    let mut walker = Walker::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => walker.take(&event),
        }
    }
    walker.paragraphs
}

/// The text of a part (a header), its paragraphs one a line.
pub fn plain_text(xml: &str) -> String {
    paragraphs(xml)
        .iter()
        .map(Paragraph::plain)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The footnotes of `footnotes.xml`, without the separators Word keeps among them.
pub fn footnotes(xml: &str) -> Vec<Footnote> {
    let mut reader = Reader::from_str(xml);
    let mut notes = Vec::new();
    let mut current: Option<(String, Walker)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match &event {
            Event::Start(e) if e.local_name().as_ref() == b"footnote" => {
                let separator = attribute(e, b"type").is_some_and(|t| t != "normal");
                current = attribute(e, b"id")
                    .filter(|_| !separator)
                    .map(|id| (id, Walker::new()));
            }
            Event::End(e) if e.local_name().as_ref() == b"footnote" => {
                if let Some((id, walker)) = current.take() {
                    notes.push(Footnote {
                        id,
                        paragraphs: walker.paragraphs,
                    });
                }
            }
            _ => {
                if let Some((_, walker)) = &mut current {
                    walker.take(&event);
                }
            }
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_their_style_numbering_runs_and_footnote_marks() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:pPr><w:pStyle w:val="SingleTxt"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr><w:rPr><w:b/></w:rPr></w:pPr>
                <w:r><w:t xml:space="preserve">The Council </w:t></w:r>
                <w:r><w:rPr><w:i/></w:rPr><w:t>recalled</w:t></w:r>
                <w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> its resolution &amp; decision.</w:t></w:r>
                <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>
                <w:del><w:r><w:delText>Gone.</w:delText></w:r></w:del>
                <w:ins><w:r><w:t xml:space="preserve"> Added.</w:t></w:r></w:ins>
                <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
            </w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>United Nations</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A/HRC/59/23</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        </w:body></w:document>"#;
        let paragraphs = paragraphs(xml);
        assert_eq!(paragraphs.len(), 3);
        let first = &paragraphs[0];
        assert_eq!(first.style.as_deref(), Some("SingleTxt"));
        assert_eq!(first.numbering, Some(("7".to_string(), 1)));
        assert_eq!(
            first.plain(),
            "The Council recalled its resolution & decision. Added."
        );
        assert!(
            !first.runs[0].bold,
            "the paragraph mark's bold is not the text's"
        );
        assert!(first.runs[1].italic);
        assert_eq!(first.runs[3].footnote.as_deref(), Some("2"));
        assert_eq!(
            [paragraphs[1].plain(), paragraphs[2].plain()],
            ["United Nations", "A/HRC/59/23"]
        );
    }

    #[test]
    fn footnotes_leave_out_word_separators() {
        let xml = r#"<w:footnotes xmlns:w="w">
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
            <w:footnote w:id="2"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See A/HRC/56/7.</w:t></w:r></w:p></w:footnote>
        </w:footnotes>"#;
        let notes = footnotes(xml);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].id, "2");
        assert_eq!(notes[0].paragraphs[0].plain(), " See A/HRC/56/7.");
    }
}
