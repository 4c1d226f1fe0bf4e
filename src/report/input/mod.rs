//! A file a reader brings, turned into report text: its bytes decoded (UTF-8, UTF-16 with a byte
//! order mark, or Windows-1252 as the usual fallback for old exports), refused with a reason when
//! it is empty, binary or too large, and HTML read for its text structure only: its scripts,
//! styles and attributes are dropped, never run and never inserted.
//!
//! HTML is parsed by the browser's own parser (`DOMParser`, whose documents run nothing); this
//! module reads the resulting tokens, so the rules stay plain Rust and are tested natively.

mod html;

pub use html::{defuse_event_handlers, html_to_text, is_html, HtmlToken};

/// Larger files are refused: a 500-page report is a few megabytes of text.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    TooLarge { bytes: usize },
    Binary,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Empty => write!(f, "The file is empty: there is no report in it."),
            InputError::TooLarge { bytes } => write!(
                f,
                "The file is {}.{} MB; reports up to {} MB can be opened. Is it the report itself, or an archive or scan?",
                // In tenths, rounded, without floating point (whose formatting code the app need not carry).
                (bytes + 52_429) / 1_048_576,
                (bytes + 52_429) % 1_048_576 * 10 / 1_048_576,
                MAX_BYTES / 1_048_576
            ),
            InputError::Binary => write!(
                f,
                "This file is not text (it may be an image or an archive). Reports open from PDF, Word (.docx), \
                 plain text, Markdown or HTML files."
            ),
        }
    }
}

/// What reads a file: the PDF engine, the Word reader, or the text readers of this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileReader {
    Pdf,
    Word,
    Text,
}

/// The largest PDF or Word file opened: they carry fonts and pictures besides their text.
pub const MAX_DOCUMENT_BYTES: usize = 100 * 1024 * 1024;

/// Which reader a file goes to: by its first bytes where they say (`%PDF-`; a zip archive, as a
/// .docx is; an OLE container, as an old .doc or an encrypted .docx is), else by its name or
/// type. With no bytes yet, by name and type alone (to choose its size limit).
pub fn reader_for(name: &str, media_type: &str, first_bytes: &[u8]) -> FileReader {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let name = name.to_lowercase();
    if first_bytes.starts_with(b"%PDF-") {
        return FileReader::Pdf;
    }
    let word_named = [".docx", ".docm", ".dotx", ".doc"]
        .iter()
        .any(|ext| name.ends_with(ext))
        || media_type.contains("wordprocessingml")
        || media_type == "application/msword"
        || media_type.starts_with("application/vnd.ms-word");
    if first_bytes.starts_with(ZIP)
        || first_bytes.starts_with(OLE)
        || (first_bytes.is_empty() && word_named)
    {
        return FileReader::Word;
    }
    if first_bytes.is_empty() && (media_type == "application/pdf" || name.ends_with(".pdf")) {
        return FileReader::Pdf;
    }
    if word_named && !first_bytes.is_empty() {
        // Named a Word document but not one: the Word reader says what it is not.
        return FileReader::Word;
    }
    FileReader::Text
}

/// The encoding a file turned out to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Decodes a file's bytes to text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), InputError> {
    if bytes.len() > MAX_BYTES {
        return Err(InputError::TooLarge { bytes: bytes.len() });
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, u16::from_le_bytes), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(rest, u16::from_be_bytes), Encoding::Utf16Be)
    } else if looks_binary(bytes) {
        return Err(InputError::Binary);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), Encoding::Utf8),
            Err(_) => (
                bytes.iter().map(|&b| windows_1252(b)).collect(),
                Encoding::Windows1252,
            ),
        }
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    if text
        .chars()
        .take(8192)
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count()
        > 16
    {
        return Err(InputError::Binary);
    }
    Ok((text, encoding))
}

/// The text of a report published beside the app, decoded as a browser's `Response.text()` decodes
/// it: UTF-8 without its byte-order mark, invalid bytes replaced. The app and the publishing step
/// (which makes first screens from the same text) both read it this way.
pub fn published_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes)
        .unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned())
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| read([pair[0], pair[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Text has no NUL bytes; PDFs, images, archives and word-processor files have many.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Windows-1252, the encoding old "plain text" exports from office software use: Latin-1, with
/// typographic punctuation in 0x80–0x9F. (Table from the WHATWG Encoding Standard.)
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

#[cfg(test)]
mod file_reader_tests {
    use super::*;

    #[test]
    fn files_go_to_the_reader_their_bytes_or_names_say() {
        assert_eq!(
            reader_for("report.pdf", "application/pdf", b"%PDF-1.7\n"),
            FileReader::Pdf
        );
        assert_eq!(reader_for("scan", "", b"%PDF-1.4"), FileReader::Pdf);
        assert_eq!(
            reader_for("report.docx", "", b"PK\x03\x04rest"),
            FileReader::Word
        );
        assert_eq!(
            reader_for("report.zip", "application/zip", b"PK\x03\x04rest"),
            FileReader::Word,
            "any zip: the Word reader says whether it holds a document"
        );
        assert_eq!(
            reader_for(
                "old.doc",
                "application/msword",
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
            ),
            FileReader::Word
        );
        assert_eq!(
            reader_for("pretend.docx", "", b"just text"),
            FileReader::Word
        );
        assert_eq!(
            reader_for("report.txt", "text/plain", b"1. A paragraph."),
            FileReader::Text
        );
        assert_eq!(
            reader_for("pretend.pdf", "application/pdf", b"1. A paragraph."),
            FileReader::Text
        );
        // Before reading, for the size limit.
        assert_eq!(reader_for("big.PDF", "", b""), FileReader::Pdf);
        assert_eq!(reader_for("big.docx", "", b""), FileReader::Word);
        assert_eq!(
            reader_for(
                "x",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                b""
            ),
            FileReader::Word
        );
        assert_eq!(reader_for("big.txt", "", b""), FileReader::Text);
    }
}

/// HTML tokenised with html5gum, for tests that run without a browser.
#[cfg(test)]
pub(crate) fn tokenize(html: &str) -> Vec<HtmlToken> {
    use html5gum::{Token, Tokenizer};
    let name = |n: &[u8]| String::from_utf8_lossy(n).into_owned();
    Tokenizer::new(html)
        .flatten()
        .filter_map(|token| match token {
            Token::StartTag(tag) => Some(HtmlToken::Start {
                name: name(&tag.name),
                start: tag.attributes.get(b"start".as_slice()).map(|v| name(v)),
                self_closing: tag.self_closing,
            }),
            Token::EndTag(tag) => Some(HtmlToken::End {
                name: name(&tag.name),
            }),
            Token::String(text) => Some(HtmlToken::Text(name(&text))),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every attribute name html5gum sees in start tags, lowercased.
    fn attribute_names(html: &str) -> Vec<String> {
        html5gum::Tokenizer::new(html)
            .flatten()
            .filter_map(|t| match t {
                html5gum::Token::StartTag(tag) => Some(
                    tag.attributes
                        .keys()
                        .map(|k| String::from_utf8_lossy(k).to_lowercase())
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .flatten()
            .collect()
    }

    #[test]
    fn event_handlers_are_defused_wherever_a_parser_would_find_them() {
        let hostile = [
            r#"<body onload="x()"><p>One</p></body>"#,
            r#"<img src=x onerror="alert(1)">"#,
            "<img/onerror=alert(1)>",
            "<svg><image href=x ONERROR='a()'/></svg>",
            r#"<p a="1"onclick="b()">t</p>"#,
            "<div\n\tonmouseover = 'c()'>x</div>",
            r#"<a title='>' onfocus=d() href=x>k</a>"#,
            "<p title=x onclick=e()>y</p>",
        ];
        for html in hostile {
            let defused = defuse_event_handlers(html);
            let names = attribute_names(&defused);
            assert!(
                names.iter().all(|n| !n.starts_with("on")),
                "{html} -> {defused}: {names:?}"
            );
            assert!(
                names.iter().any(|n| n.starts_with("data-defused-on")),
                "{html} -> {defused}"
            );
            assert_eq!(
                html_to_text(tokenize(&defused)),
                html_to_text(tokenize(html)),
                "the text is unchanged"
            );
        }
    }

    #[test]
    fn text_comments_and_raw_text_are_left_as_they_are() {
        let html = "<p>Say onclick=hello and <b>one=1</b></p><!-- <p onclick=x> --><script>if (a<b) { on=1 }</script><title>a <p onx=1></title>";
        assert_eq!(defuse_event_handlers(html), html);
        let arabic = "<p dir=\"rtl\">الفقرة ٨ <span onclick=x>نص</span></p>";
        assert_eq!(
            defuse_event_handlers(arabic),
            "<p dir=\"rtl\">الفقرة ٨ <span data-defused-onclick=x>نص</span></p>"
        );
        // Attributes are never read for text (only `start`), so an `on…` that is no handler loses nothing.
        assert_eq!(
            defuse_event_handlers("<ol on=1 one start=3>x</ol>"),
            "<ol on=1 data-defused-one start=3>x</ol>"
        );
        assert_eq!(
            defuse_event_handlers("unfinished <p onclick"),
            "unfinished <p data-defused-onclick"
        );
    }

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        assert_eq!(
            decode("Türkiye".as_bytes()),
            Ok(("Türkiye".into(), Encoding::Utf8))
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFCommuniqu\xC3\xA9"),
            Ok(("Communiqué".into(), Encoding::Utf8))
        );
    }

    #[test]
    fn utf16_is_detected_by_its_byte_order_mark() {
        let text = "1. Réunion à Genève";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), Ok((text.into(), Encoding::Utf16Le)));
        assert_eq!(decode(&be), Ok((text.into(), Encoding::Utf16Be)));
    }

    #[test]
    fn text_that_is_not_utf8_falls_back_to_windows_1252() {
        let bytes = b"Communiqu\xE9 \x93final\x94 \x96 T\xFCrkiye";
        assert_eq!(
            decode(bytes),
            Ok(("Communiqué “final” – Türkiye".into(), Encoding::Windows1252))
        );
    }

    #[test]
    fn empty_binary_and_huge_files_are_refused() {
        assert_eq!(decode(b""), Err(InputError::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(InputError::Empty));
        assert_eq!(
            decode(b"%PDF-1.7\n\x00\x01\x02binary"),
            Err(InputError::Binary)
        );
        assert_eq!(
            decode(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
            Err(InputError::Binary)
        );
        let huge = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(
            decode(&huge),
            Err(InputError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
        assert!(InputError::TooLarge {
            bytes: 50 * 1_048_576
        }
        .to_string()
        .starts_with("The file is 50.0 MB"));
        for (bytes, shown) in [
            (11_492_000, "11.0"),
            (12_940_000, "12.3"),
            (10_485_761, "10.0"),
            (10_380_000, "9.9"),
        ] {
            assert!(
                InputError::TooLarge { bytes }
                    .to_string()
                    .starts_with(&format!("The file is {shown} MB")),
                "{bytes}"
            );
        }
    }

    #[test]
    fn html_is_recognised_by_name_or_start() {
        assert!(is_html("report.HTM", "anything"));
        assert!(is_html("report.txt", "  <!DOCTYPE html><html>"));
        assert!(!is_html("report.txt", "1. The <b>Council</b>"));
    }

    #[test]
    fn html_keeps_its_text_structure_and_nothing_else() {
        let html = r#"<!doctype html><html><head><title>T</title><style>p{color:red}</style>
            <script>alert("x")</script></head><body onload="steal()">
            <p class="symbol">A/RES/78/1</p>
            <h1>Report of the <em>Meeting</em></h1>
            <ol><li>The Council <b>met</b> in Geneva.</li><li onclick="x()">It decided
            to act.<script>document.cookie</script></li></ol>
            <p>A <a href="javascript:alert(1)">link</a> &amp; an <img src=x onerror=alert(1)> image, *stars* and &lt;tags&gt;.</p>
            </body></html>"#;
        assert_eq!(
            html_to_text(tokenize(html)),
            "A/RES/78/1\n\n# Report of the *Meeting*\n\n1. The Council **met** in Geneva.\n\n2. It decided to act.\n\n\
             A link \\& an image, \\*stars\\* and \\<tags>.\n"
        );
    }

    #[test]
    fn html_text_that_looks_like_markdown_reads_as_the_text_it_is() {
        let html = "<h1>Report on &amp;amp; entities</h1><p>1. Still the first numbered paragraph.</p>\
            <p># Not a heading, &amp; not &amp;amp; an entity.</p>\
            <p>&gt; Not a quote.</p><p>- Not a list.</p><p>+ Nor this.</p><p>Line one.<br>=== Not a heading rule.<br>--- Nor a rule.</p>";
        let report = crate::report::parse(&html_to_text(tokenize(html)));
        assert_eq!(
            report.cover.title.as_ref().map(|t| t.plain()).as_deref(),
            Some("Report on &amp; entities")
        );
        let texts: Vec<String> = report.paragraphs().map(|p| p.text.plain()).collect();
        assert!(
            texts.contains(&"# Not a heading, & not &amp; an entity.".to_string()),
            "{texts:?}"
        );
        for expected in ["> Not a quote.", "- Not a list.", "+ Nor this."] {
            assert!(
                texts.iter().any(|t| t == expected),
                "{expected:?} in {texts:?}"
            );
        }
        assert!(
            texts.iter().any(|t| t.contains("Line one.")
                && t.contains("=== Not a heading rule.")
                && t.contains("--- Nor a rule.")),
            "{texts:?}"
        );
        assert_eq!(
            report
                .paragraphs()
                .find(|p| p.id == "p1")
                .map(|p| p.text.plain())
                .as_deref(),
            Some("Still the first numbered paragraph.")
        );
    }

    #[test]
    fn html_ordered_lists_keep_their_start_number() {
        assert_eq!(
            html_to_text(tokenize("<ol start=\"9\"><li>Nine.</li><li>Ten.</li></ol>")),
            "9. Nine.\n\n10. Ten.\n"
        );
    }
}
