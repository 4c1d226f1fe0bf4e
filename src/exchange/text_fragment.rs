//! Passage links in Text Fragments syntax, scoped to a paragraph: `#p8:~:text=prefix-,start,-suffix`.
//! Browsers that support Text Fragments highlight the words themselves; this app resolves the
//! directive as well, so the passage is marked in any browser.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use crate::annotations::anchor::{anchor, Quote};

/// Characters that must be escaped inside a text directive: its own delimiters included.
const DIRECTIVE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b',')
    .add(b'-')
    .add(b'<')
    .add(b'>')
    .add(b'`');

/// Context kept either side: enough to tell repeated words apart.
const CONTEXT_WORDS: usize = 3;

fn last_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words[words.len().saturating_sub(n)..].join(" ")
}

fn first_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The fragment for a passage of a paragraph: `p8:~:text=…`.
pub fn passage_fragment(paragraph: &str, quote: &Quote) -> String {
    let enc = |s: &str| utf8_percent_encode(s, DIRECTIVE).to_string();
    let prefix = last_words(&quote.prefix, CONTEXT_WORDS);
    let suffix = first_words(&quote.suffix, CONTEXT_WORDS);
    let mut directive = String::new();
    if !prefix.is_empty() {
        directive.push_str(&format!("{}-,", enc(&prefix)));
    }
    directive.push_str(&enc(&quote.exact));
    if !suffix.is_empty() {
        directive.push_str(&format!(",-{}", enc(&suffix)));
    }
    format!(
        "{}:~:text={directive}",
        utf8_percent_encode(paragraph, DIRECTIVE)
    )
}

/// A text directive read from a fragment: the paragraph it is scoped to and the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextDirective {
    pub paragraph: String,
    pub prefix: String,
    pub start: String,
    pub end: Option<String>,
    pub suffix: String,
}

pub fn parse(fragment: &str) -> Option<TextDirective> {
    let fragment = fragment.trim_start_matches('#');
    let (paragraph, directives) = fragment.split_once(":~:")?;
    let text = directives
        .split('&')
        .find_map(|d| d.strip_prefix("text="))?;
    let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().trim().to_string();
    let mut parts: Vec<&str> = text.split(',').collect();
    let prefix = match parts.first().copied() {
        Some(p) if p.ends_with('-') && parts.len() > 1 => {
            parts.remove(0);
            decode(&p[..p.len() - 1])
        }
        _ => String::new(),
    };
    let suffix = match parts.last().copied() {
        Some(s) if s.starts_with('-') && parts.len() > 1 => {
            parts.pop();
            decode(&s[1..])
        }
        _ => String::new(),
    };
    let start = decode(parts.first()?);
    let end = parts.get(1).map(|e| decode(e));
    if start.is_empty() || parts.len() > 2 {
        return None;
    }
    Some(TextDirective {
        paragraph: percent_decode_str(paragraph)
            .decode_utf8_lossy()
            .into_owned(),
        prefix,
        start,
        end,
        suffix,
    })
}

impl TextDirective {
    /// Where the directive's words are in the paragraph's text, in characters.
    pub fn find_in(&self, text: &str) -> Option<(usize, usize)> {
        let probe = |exact: &str, prefix: &str, suffix: &str| {
            let q = Quote {
                exact: exact.to_string(),
                prefix: format!("{prefix} "),
                suffix: format!(" {suffix}"),
                start: usize::MAX,
                end: usize::MAX,
            };
            match anchor(text, &q) {
                crate::annotations::Anchoring::Moved { start, end }
                | crate::annotations::Anchoring::Position { start, end } => Some((start, end)),
                _ => None,
            }
        };
        let (start, first_end) = probe(&self.start, &self.prefix, "")?;
        match &self.end {
            None => Some((start, first_end)),
            Some(end_words) => {
                let (_, end) = probe(end_words, "", &self.suffix)?;
                (end > first_end.min(end) && end > start).then_some((start, end))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "The Contact Group welcomed the ceasefire, and the Contact Group commended all countries.";

    #[test]
    fn a_passage_link_round_trips_and_finds_the_same_words() {
        let start = TEXT.rfind("the Contact Group").unwrap();
        let quote =
            Quote::from_text(TEXT, start, start + "the Contact Group commended".len()).unwrap();
        let fragment = passage_fragment("p8", &quote);
        assert_eq!(fragment, "p8:~:text=the%20ceasefire%2C%20and-,the%20Contact%20Group%20commended,-all%20countries.");
        let directive = parse(&fragment).unwrap();
        assert_eq!(directive.paragraph, "p8");
        assert_eq!(directive.find_in(TEXT), Some((quote.start, quote.end)));
    }

    #[test]
    fn start_and_end_form_and_bad_directives() {
        let d = parse("#p8:~:text=welcomed,ceasefire").unwrap();
        let (s, e) = d.find_in(TEXT).unwrap();
        assert_eq!(&TEXT[s..e], "welcomed the ceasefire");
        assert_eq!(parse("#p8"), None);
        assert_eq!(parse("#p8:~:text="), None);
        assert_eq!(parse("#p8:~:other=1"), None);
        assert_eq!(parse("#p8:~:text=nowhere").unwrap().find_in(TEXT), None);
    }
}
