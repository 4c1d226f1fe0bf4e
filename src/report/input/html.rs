//! HTML read for its text structure only (headings, paragraphs, numbered lists, emphasis): the
//! tokens come from the browser's own parser (`DOMParser`, whose documents run nothing; html5gum in
//! native tests); scripts, styles, event handlers and link targets are dropped, never run and
//! never inserted, and text that Markdown would read as markup is escaped.

/// Whether a file is HTML, by its name or, failing that, by how it starts.
pub fn is_html(file_name: &str, text: &str) -> bool {
    let name = file_name.to_ascii_lowercase();
    if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
        return true;
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Renames every event-handler attribute (`onclick=`, `onerror=`…) inside the tags of an HTML
/// text to `data-defused-on…`, leaving text, comments and other attributes as they are.
///
/// The browser's parser that reads opened HTML files has scripting off, so no handler could run
/// anyway; but under the page's Content-Security-Policy it still reports each handler it meets
/// as a violation. Defused first, a hostile file is read without any.
pub fn defuse_event_handlers(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + 16);
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        let opens_tag = bytes[i] == b'<' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if !opens_tag {
            if bytes[i..].starts_with(b"<!--") {
                i = html[i..].find("-->").map_or(bytes.len(), |end| i + end + 3);
            } else {
                i += 1;
            }
            continue;
        }
        // Inside a start tag: the name, then attributes until `>`, quotes respected.
        let name_start = i + 1;
        i = name_start;
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
            )
        {
            i += 1;
        }
        let tag = html[name_start..i].to_ascii_lowercase();
        loop {
            while i < bytes.len()
                && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/')
            {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let attr_start = i;
            i += 1; // an attribute name may begin with `=`
            while i < bytes.len()
                && !matches!(
                    bytes[i],
                    b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'='
                )
            {
                i += 1;
            }
            if i - attr_start > 2 && bytes[attr_start..attr_start + 2].eq_ignore_ascii_case(b"on") {
                out.push_str(&html[copied..attr_start]);
                out.push_str("data-defused-");
                copied = attr_start;
            }
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                i += 1;
            }
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
                {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        i = html[i + 1..]
                            .find(quote as char)
                            .map_or(bytes.len(), |end| i + 1 + end + 1);
                    }
                    _ => {
                        while i < bytes.len()
                            && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>')
                        {
                            i += 1;
                        }
                    }
                }
            }
        }
        i += 1;
        // The text of these elements is raw: a `<` in it opens no tag.
        if matches!(
            tag.as_str(),
            "script"
                | "style"
                | "textarea"
                | "title"
                | "xmp"
                | "iframe"
                | "noembed"
                | "noframes"
                | "plaintext"
        ) {
            let close = format!("</{tag}");
            i = html[i.min(bytes.len())..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(bytes.len(), |at| i + at);
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// Elements whose content is never text of the report.
const SKIPPED: [&str; 8] = [
    "script", "style", "template", "noscript", "head", "svg", "iframe", "object",
];
/// Elements that begin a new block of text.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dd",
    "dt",
    "pre",
];

/// What an HTML parser reports, as far as reading text structure needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlToken {
    /// An element opens; `start` is an ordered list's `start` attribute.
    Start {
        name: String,
        start: Option<String>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Text(String),
}

/// Reads HTML tokens for their text structure: headings become `#` lines, paragraphs and list
/// items become blocks (items of numbered lists keep their numbers), emphasis is kept, and
/// everything else (scripts, styles, attributes, event handlers, links' targets) is dropped.
pub fn html_to_text(tokens: impl IntoIterator<Item = HtmlToken>) -> String {
    let mut out = String::new();
    let mut skip_depth: Vec<String> = Vec::new();
    let mut lists: Vec<Option<u32>> = Vec::new();
    let mut pending_prefix = String::new();
    for token in tokens {
        match token {
            HtmlToken::Start {
                name,
                start,
                self_closing,
            } => {
                let name = name.to_ascii_lowercase();
                if !skip_depth.is_empty() || SKIPPED.contains(&name.as_str()) {
                    if !self_closing
                        && !matches!(
                            name.as_str(),
                            "br" | "img" | "hr" | "meta" | "link" | "input"
                        )
                    {
                        skip_depth.push(name);
                    }
                    continue;
                }
                match name.as_str() {
                    "br" => out.push('\n'),
                    "ol" => {
                        let start = start.and_then(|v| v.trim().parse().ok());
                        lists.push(Some(start.unwrap_or(1)));
                    }
                    "ul" => lists.push(None),
                    "em" | "i" | "cite" => out.push('*'),
                    "strong" | "b" => out.push_str("**"),
                    _ => {}
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.push_str("\n\n");
                    pending_prefix = match name.as_str() {
                        h if h.len() == 2 && h.starts_with('h') => {
                            format!("{} ", "#".repeat(h[1..].parse().unwrap_or(1)))
                        }
                        "li" => match lists.last_mut() {
                            Some(Some(n)) => {
                                *n += 1;
                                format!("{}. ", *n - 1)
                            }
                            _ => "- ".to_string(),
                        },
                        _ => String::new(),
                    };
                }
            }
            HtmlToken::End { name } => {
                let name = name.to_ascii_lowercase();
                if let Some(open) = skip_depth.last() {
                    if *open == name {
                        skip_depth.pop();
                    }
                    continue;
                }
                match name.as_str() {
                    "ol" | "ul" => {
                        lists.pop();
                    }
                    "em" | "i" | "cite" => out.push('*'),
                    "strong" | "b" => out.push_str("**"),
                    _ => {}
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.push_str("\n\n");
                }
            }
            HtmlToken::Text(text) if skip_depth.is_empty() => {
                let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if collapsed.is_empty() {
                    if !text.is_empty() && !out.ends_with([' ', '\n']) {
                        out.push(' ');
                    }
                    continue;
                }
                if !pending_prefix.is_empty() {
                    out.push_str(&std::mem::take(&mut pending_prefix));
                }
                if text.starts_with(char::is_whitespace) && !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
                // Characters that would read as Markdown or HTML are escaped: the text is text.
                let at_line_start = out.is_empty() || out.ends_with('\n');
                out.push_str(&escape_markdown(&collapsed, at_line_start));
                if text.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    tidy(&out)
}

/// `text` with a backslash before each character Markdown would read as markup: emphasis, code,
/// HTML, links, entities (`&amp;` in the text stays `&amp;`), and at the start of a line the
/// characters that begin a heading, a quote, a list, a rule or a fence. A number at the start of
/// a line is left alone: it is the paragraph's number.
fn escape_markdown(text: &str, at_line_start: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let starts_a_block =
            i == 0 && at_line_start && matches!(c, '#' | '>' | '-' | '+' | '=' | '~' | '|');
        if starts_a_block || matches!(c, '*' | '_' | '`' | '<' | '[' | ']' | '\\' | '&') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Trims every line and keeps at most one blank line between blocks.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = true;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line == "*" || line == "**" {
            if !blank {
                out.push('\n');
                blank = true;
            }
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    out.trim_end().to_string() + "\n"
}
