//! A citation as a link in a report's text: which document (its symbol), which paragraph of it,
//! and its public address where it has one, written into the text's link as
//! `cite:<symbol>?p=<paragraph>&at=<address>`. The parser writes it once; whoever shows the
//! text reads it back and chooses where it leads: the report in the reader's library when it
//! is there (to the paragraph named), else the public address, else nowhere (the words stay
//! text). Reading it back needs none of the grammar, so the app's first load does not carry it.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

const SCHEME: &str = "cite:";

/// What a link's parts may not hold as they are.
const IN_LINK: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'=');

/// A citation as the text's link holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationLink {
    pub symbol: String,
    pub paragraph: Option<u32>,
    /// The document's public address, where it has one.
    pub official: Option<String>,
}

/// The key by which a library entry's symbol and a citation's are one document, without the
/// grammar: case and spaces aside ("S/RES/2720 (2023)" is "S/RES/2720(2023)").
pub fn plain_key(symbol: &str) -> String {
    symbol
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

impl CitationLink {
    /// The link written into the text.
    pub fn href(&self) -> String {
        let enc = |s: &str| utf8_percent_encode(s, IN_LINK).to_string();
        let mut href = format!("{SCHEME}{}", enc(&self.symbol));
        let mut parts = Vec::new();
        if let Some(n) = self.paragraph {
            parts.push(format!("p={n}"));
        }
        if let Some(at) = &self.official {
            parts.push(format!("at={}", enc(at)));
        }
        if !parts.is_empty() {
            href.push('?');
            href.push_str(&parts.join("&"));
        }
        href
    }

    /// A link read back; `None` for any other link.
    pub fn read(href: &str) -> Option<CitationLink> {
        let rest = href.strip_prefix(SCHEME)?;
        let dec = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
        let (symbol, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut link = CitationLink {
            symbol: dec(symbol),
            paragraph: None,
            official: None,
        };
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("p", n)) => link.paragraph = n.parse().ok(),
                Some(("at", at)) => link.official = Some(dec(at)).filter(|a| a.starts_with("http")),
                _ => {}
            }
        }
        (!link.symbol.is_empty()).then_some(link)
    }

    pub fn key(&self) -> String {
        plain_key(&self.symbol)
    }

    /// Where the link leads: to `in_library` (the address of the cited report in the reader's
    /// library, when it is there) at the paragraph named, else to its public address.
    pub fn destination(&self, in_library: Option<&str>) -> Option<String> {
        match in_library {
            Some(report) => Some(match self.paragraph {
                Some(n) => format!("{report}#p{n}"),
                None => report.to_string(),
            }),
            None => self.official.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reads_back_as_written_and_leads_where_the_reader_has_the_document() {
        let link = CitationLink {
            symbol: "S/RES/2720 (2023)".into(),
            paragraph: Some(12),
            official: Some("https://undocs.org/en/S/RES/2720%282023%29".into()),
        };
        let href = link.href();
        assert!(
            href.starts_with("cite:S/RES/2720%20(2023)?p=12&at="),
            "{href}"
        );
        assert_eq!(CitationLink::read(&href), Some(link.clone()));
        assert_eq!(link.key(), "S/RES/2720(2023)");
        assert_eq!(plain_key(" s/res/2720(2023) "), link.key());
        assert_eq!(
            link.destination(Some("?report=r-1")).as_deref(),
            Some("?report=r-1#p12")
        );
        assert_eq!(link.destination(None), link.official);
        assert_eq!(CitationLink::read("https://example.org"), None);
        // An address that is not the web's is never one.
        let bare =
            CitationLink::read("cite:OIC%20Resolution%20No.%203/51-LEG?at=javascript:x()").unwrap();
        assert_eq!((bare.destination(None), bare.official), (None, None));
    }
}
