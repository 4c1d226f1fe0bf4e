//! The .docx package: a zip archive of XML parts, found through its relationships. Files that
//! are not one (an old binary .doc, an encrypted document, anything else) are told apart here,
//! in the reader's words.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

/// Why a file could not be read as a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxProblem {
    /// Not a zip archive, so no .docx.
    NotZip,
    /// A zip archive with no Word document in it.
    NoDocument,
    /// A macro-enabled document (.docm).
    Macros,
    /// Encrypted with a password (Word keeps such a file in an OLE container).
    Encrypted,
    /// The binary Word format of before 2007 (.doc).
    OldWord,
    /// A part too large to be a report's: a compressed bomb, or no report.
    TooLarge,
    /// A part that cannot be read (damaged XML, an unknown compression).
    Damaged(String),
}

impl std::fmt::Display for DocxProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxProblem::NotZip => write!(f, "This file is not a Word document (.docx): a .docx is a zip archive, and this is not one."),
            DocxProblem::NoDocument => write!(f, "This zip archive has no Word document in it, so there is no report to read."),
            DocxProblem::Macros => write!(f, "This is a macro-enabled Word document (.docm); the reader does not open files that carry macros. Save it in Word as a .docx (Word Document) and open that."),
            DocxProblem::Encrypted => write!(f, "This Word document is protected by a password, so its text cannot be read. Open it in Word with its password and save a copy without one."),
            DocxProblem::OldWord => write!(f, "This is a Word document in the old .doc format, which the reader cannot read. Save it in Word as a .docx (Word Document) and open that."),
            DocxProblem::TooLarge => write!(f, "This Word document holds more text than a report: it was not read."),
            DocxProblem::Damaged(what) => write!(f, "This Word document is damaged: {what}."),
        }
    }
}

/// The largest part read, uncompressed: far more than any report's XML, far less than a bomb.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// An OLE compound file's first bytes: how Word stores encrypted documents and old .doc files.
const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const MAIN_DOCUMENT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const MACRO_DOCUMENT: &str = "application/vnd.ms-word.document.macroEnabled.main+xml";
const TEMPLATE_DOCUMENT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

/// The parts of a document that carry its report.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub document: String,
    pub styles: Option<String>,
    pub numbering: Option<String>,
    pub footnotes: Option<String>,
    /// The page headers, in the order the document refers to them.
    pub headers: Vec<String>,
}

impl Parts {
    pub fn read(bytes: &[u8]) -> Result<Parts, DocxProblem> {
        if bytes.starts_with(&OLE_SIGNATURE) {
            // An encrypted document's container holds a stream of this name (in UTF-16).
            let name: Vec<u8> = "EncryptedPackage"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect();
            let encrypted = bytes.windows(name.len()).any(|w| w == name.as_slice());
            return Err(if encrypted {
                DocxProblem::Encrypted
            } else {
                DocxProblem::OldWord
            });
        }
        let mut archive =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxProblem::NotZip)?;
        let mut read = |name: &str| -> Result<Option<String>, DocxProblem> {
            let name = name.trim_start_matches('/');
            let mut file = match archive.by_name(name) {
                Ok(file) => file,
                Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                Err(zip::result::ZipError::UnsupportedArchive(what)) => {
                    return Err(DocxProblem::Damaged(format!(
                        "{name} is stored in a way that cannot be read ({what})"
                    )))
                }
                Err(e) => return Err(DocxProblem::Damaged(format!("{name}: {e}"))),
            };
            if file.size() > MAX_PART_BYTES {
                return Err(DocxProblem::TooLarge);
            }
            let mut bytes = Vec::with_capacity(file.size() as usize);
            file.by_ref()
                .take(MAX_PART_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| DocxProblem::Damaged(format!("{name}: {e}")))?;
            if bytes.len() as u64 > MAX_PART_BYTES {
                return Err(DocxProblem::TooLarge);
            }
            String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| DocxProblem::Damaged(format!("{name} is not text")))
        };
        let types = read("[Content_Types].xml")?.unwrap_or_default();
        let main = match main_part(&types) {
            MainPart::Macros => return Err(DocxProblem::Macros),
            MainPart::Named(name) => name,
            MainPart::Unnamed => "word/document.xml".to_string(),
        };
        let document = read(&main)?.ok_or(DocxProblem::NoDocument)?;
        let directory = main.rsplit_once('/').map_or("", |(dir, _)| dir).to_string();
        let rels_name = format!(
            "{directory}/_rels/{}.rels",
            main.rsplit('/').next().unwrap_or(&main)
        );
        let relations = read(&rels_name)?
            .map(|rels| relationships(&rels))
            .unwrap_or_default();
        let target = |target: &str| {
            if target.starts_with('/') {
                target.to_string()
            } else {
                format!("{directory}/{target}")
            }
        };
        let of_kind = |kind: &str| -> Vec<String> {
            relations
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, t)| target(t))
                .collect()
        };
        let first = |kind: &str, fallback: &str| {
            of_kind(kind)
                .into_iter()
                .next()
                .unwrap_or_else(|| format!("{directory}/{fallback}"))
        };
        let (styles, numbering, footnotes) = (
            first("styles", "styles.xml"),
            first("numbering", "numbering.xml"),
            first("footnotes", "footnotes.xml"),
        );
        let header_names = of_kind("header");
        let mut headers = Vec::new();
        for name in header_names {
            headers.extend(read(&name)?);
        }
        Ok(Parts {
            document,
            styles: read(&styles)?,
            numbering: read(&numbering)?,
            footnotes: read(&footnotes)?,
            headers,
        })
    }
}

enum MainPart {
    Named(String),
    Unnamed,
    Macros,
}

/// The main document's part name, from `[Content_Types].xml`.
fn main_part(types: &str) -> MainPart {
    let mut reader = Reader::from_str(types);
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == b"Override" => {
                let (mut name, mut kind) = (None, None);
                for attribute in e.attributes().flatten() {
                    let value = attribute
                        .unescape_value()
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    match attribute.key.local_name().as_ref() {
                        b"PartName" => name = Some(value),
                        b"ContentType" => kind = Some(value),
                        _ => {}
                    }
                }
                match (name, kind.as_deref()) {
                    (_, Some(MACRO_DOCUMENT)) => return MainPart::Macros,
                    (Some(name), Some(MAIN_DOCUMENT | TEMPLATE_DOCUMENT)) => {
                        return MainPart::Named(name.trim_start_matches('/').to_string())
                    }
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => return MainPart::Unnamed,
            _ => {}
        }
    }
}

/// A part's relationships: the last word of each one's type ("styles", "footnotes", "header")
/// and its target, in order.
fn relationships(rels: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(rels);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == b"Relationship" => {
                let (mut kind, mut target, mut external) = (String::new(), String::new(), false);
                for attribute in e.attributes().flatten() {
                    let value = attribute
                        .unescape_value()
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    match attribute.key.local_name().as_ref() {
                        b"Type" => kind = value.rsplit('/').next().unwrap_or_default().to_string(),
                        b"Target" => target = value,
                        b"TargetMode" => external = value == "External",
                        _ => {}
                    }
                }
                if !external {
                    out.push((kind, target));
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_are_no_docx_are_told_apart() {
        assert_eq!(
            Parts::read(b"just some text").unwrap_err(),
            DocxProblem::NotZip
        );
        let mut old = OLE_SIGNATURE.to_vec();
        old.extend_from_slice(&[0; 600]);
        assert_eq!(Parts::read(&old).unwrap_err(), DocxProblem::OldWord);
        old.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(Parts::read(&old).unwrap_err(), DocxProblem::Encrypted);
        assert!(DocxProblem::Encrypted
            .to_string()
            .contains("protected by a password"));
    }

    #[test]
    fn the_main_part_is_found_by_its_content_type_and_a_macro_document_is_named() {
        let types = r#"<Types><Override PartName="/word/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
        assert!(matches!(main_part(types), MainPart::Named(name) if name == "word/main.xml"));
        let macros = r#"<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>"#;
        assert!(matches!(main_part(macros), MainPart::Macros));
        assert!(matches!(main_part("<Types/>"), MainPart::Unnamed));
    }

    #[test]
    fn relationships_name_their_kind_and_leave_out_external_targets() {
        let rels = r#"<Relationships>
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://undocs.org" TargetMode="External"/>
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
        </Relationships>"#;
        assert_eq!(
            relationships(rels),
            [
                ("styles".to_string(), "styles.xml".to_string()),
                ("header".to_string(), "header1.xml".to_string())
            ]
        );
    }
}
