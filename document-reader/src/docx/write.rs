//! The document written out as the text the reader parses: each paragraph a block with its
//! number in front, headings as Markdown headings, bold and italic as Markdown, footnotes as
//! Markdown footnotes numbered in the order they are referred to (as Word numbers them), and
//! the symbol from the page header first when the body does not carry it. Text that Markdown
//! would read as markup is escaped, so that it stays text.

use std::collections::HashMap;

use super::document::{Footnote, Paragraph, Run};
use super::numbering::{Label, Numbering};
use super::styles::{Role, Styles};

pub fn report_text(
    body: &[Paragraph],
    notes: &[Footnote],
    headers: &[String],
    styles: &Styles,
    numbering: &mut Numbering,
) -> String {
    let mut blocks: Vec<String> = Vec::new();
    // Footnote labels in the order the text refers to them.
    let mut labels: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for paragraph in body {
        for run in &paragraph.runs {
            if let Some(id) = &run.footnote {
                if !labels.contains_key(id) {
                    order.push(id.clone());
                    labels.insert(id.clone(), order.len());
                }
            }
        }
    }
    if let Some(symbol) = header_symbol(headers) {
        if !body.iter().any(|p| p.plain().contains(&symbol)) {
            blocks.push(escaped_start(&escape(&symbol)));
        }
    }
    // Above the title, a tab parts the columns of the head ("United Nations", a tab, the symbol),
    // as a layout-keeping export sets them side by side: each its own line.
    let title_at = body
        .iter()
        .position(|p| styles.role(p.style.as_deref(), p.outline) == Role::Title);
    for (at, paragraph) in body.iter().enumerate() {
        let in_head = title_at.is_some_and(|title| at < title);
        let text = runs_text(&paragraph.runs, &labels, in_head);
        let own_numbering = paragraph
            .numbering
            .clone()
            .or_else(|| styles.numbering(paragraph.style.as_deref()));
        let label = match own_numbering {
            Some((list, level)) => numbering.next(&list, level),
            None => None,
        };
        if text.trim().is_empty() {
            continue;
        }
        let text = text.trim().to_string();
        let block = match (
            styles.role(paragraph.style.as_deref(), paragraph.outline),
            label,
        ) {
            (Role::Title, _) => format!("# {}", one_line(&text)),
            (Role::Heading(level), label) => {
                let hashes = "#".repeat(usize::from(level.saturating_add(1).min(6)));
                match label {
                    Some(Label::Number(number)) => {
                        format!("{hashes} {} {}", escape(&number), one_line(&text))
                    }
                    _ => format!("{hashes} {}", one_line(&text)),
                }
            }
            (Role::Text, Some(Label::Number(number))) => format!("{} {text}", escape(&number)),
            (Role::Text, Some(Label::Bullet)) => format!("- {text}"),
            (Role::Text, None) => escaped_start(&text),
        };
        blocks.push(block);
    }
    for id in &order {
        let Some(note) = notes.iter().find(|n| &n.id == id) else {
            continue;
        };
        let text: Vec<String> = note
            .paragraphs
            .iter()
            .map(|p| {
                runs_text(&p.runs, &HashMap::new(), false)
                    .trim()
                    .to_string()
            })
            .filter(|t| !t.is_empty())
            .collect();
        blocks.push(format!("[^{}]: {}", labels[id], one_line(&text.join(" "))));
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// A heading's lines (a line break in Word) as one.
fn one_line(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The document symbol a page header carries: the one header line that is a single word with a
/// slash, a backslash or a dot and a digit ("A/HRC/59/23", "S/RES/2719 (2023)" aside).
fn header_symbol(headers: &[String]) -> Option<String> {
    headers
        .iter()
        .flat_map(|h| h.lines())
        .map(str::trim)
        .find(|line| {
            let word = !line.contains(char::is_whitespace) && (3..=60).contains(&line.len());
            word && line.contains(['/', '\\'])
                && line.chars().any(|c| c.is_ascii_digit())
                && line.chars().any(|c| c.is_ascii_uppercase())
        })
        .map(str::to_string)
}

/// Runs as Markdown: bold and italic marked (with spaces kept outside the marks, where
/// Markdown wants them), footnote marks as `[^N]`, tabs as spaces (in the head, line breaks).
fn runs_text(runs: &[Run], labels: &HashMap<String, usize>, in_head: bool) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < runs.len() {
        let run = &runs[i];
        if let Some(id) = &run.footnote {
            if let Some(label) = labels.get(id) {
                out.push_str(&format!("[^{label}]"));
            }
            i += 1;
            continue;
        }
        // Runs set alike are one span: Word splits runs for its own reasons.
        let mut text = run.text.clone();
        while let Some(next) = runs
            .get(i + 1)
            .filter(|n| n.footnote.is_none() && n.bold == run.bold && n.italic == run.italic)
        {
            text.push_str(&next.text);
            i += 1;
        }
        let text = text.replace('\t', if in_head { "\n" } else { " " });
        let marks = match (run.bold, run.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let escaped = escape(&text);
        let core = escaped.trim();
        if marks.is_empty() || core.is_empty() {
            out.push_str(&escaped);
        } else {
            let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
            let tail = &escaped[escaped.trim_end().len()..];
            out.push_str(&format!("{lead}{marks}{core}{marks}{tail}"));
        }
        i += 1;
    }
    out
}

/// Text with the characters Markdown reads as markup escaped. An underscore is written as its
/// character reference: a backslash before it would still leave underscores in the text, which
/// the parser takes for a rule above footnotes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '_' => out.push_str("&#95;"),
            '\\' | '*' | '[' | ']' | '<' | '>' | '`' | '&' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push('\n'),
            _ => out.push(c),
        }
    }
    out
}

/// A plain paragraph whose first character Markdown would read as a block's mark (a heading's
/// `#`, a list's `-` or `+`, a rule's `=`) starts with it escaped.
fn escaped_start(text: &str) -> String {
    match text.chars().next() {
        Some('#' | '-' | '+' | '=') => format!("\\{text}"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, bold: bool, italic: bool) -> Run {
        Run {
            text: text.into(),
            bold,
            italic,
            footnote: None,
        }
    }

    #[test]
    fn runs_are_marked_with_their_spaces_outside_and_markup_in_text_escaped() {
        let runs = [
            run("The ", false, false),
            run("Council ", true, false),
            run("recalled", false, true),
            run(" *all* [1] A_B", false, false),
        ];
        assert_eq!(
            runs_text(&runs, &HashMap::new(), false),
            "The **Council** *recalled* \\*all\\* \\[1\\] A&#95;B"
        );
        assert_eq!(escaped_start("- not a list"), "\\- not a list");
    }

    #[test]
    fn the_symbol_comes_from_a_header_line_that_is_one() {
        assert_eq!(
            header_symbol(&["Page 3".into(), "A/HRC/59/23\n".into()]).as_deref(),
            Some("A/HRC/59/23")
        );
        assert_eq!(
            header_symbol(&["OIC-CFM-51\\2025-CG-J&K\\FINAL.REP".into()]).as_deref(),
            Some("OIC-CFM-51\\2025-CG-J&K\\FINAL.REP")
        );
        assert_eq!(
            header_symbol(&["United Nations".into(), "2/3".into()]),
            None
        );
    }
}
