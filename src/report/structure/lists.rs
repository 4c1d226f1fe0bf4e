//! Lists that are not the body's paragraphs: an agenda, participants, documents, numbered
//! before the body numbers its own paragraphs from 1. Found when the numbering starts again,
//! by the evidence of the list itself, and given ids of their own (`h-agenda-item-3`).

use crate::report::model::{Block, Paragraph, ParagraphKind};

use super::body::{Body, Ids};

/// The longest a list item runs: agenda items, names and document titles are short.
const LIST_ITEM_CHARS: usize = 200;

/// Words of headings over lists that are not the body's paragraphs, in the six languages.
const LIST_HEADINGS: [&str; 12] = [
    "agenda",
    "ordre du jour",
    "programa",
    "повестк",
    "جدول الأعمال",
    "议程",
    "participants",
    "list of",
    "liste des",
    "lista de",
    "participantes",
    "список",
];

impl Body {
    /// A paragraph 1 in a part that already has one: the paragraphs from that first paragraph
    /// 1 on were a list (an agenda, participants) if their items are short and no sentences, or
    /// the heading over them says they are one. A list's items keep their numbers but not the
    /// body's ids: `h-agenda-item-3`, and what hangs from them follows (`h-agenda-item-3-a`).
    pub(super) fn numbering_starts_again(&mut self) {
        let prefix = self.prefix();
        let first = format!("{prefix}p1");
        let Some(start) = self.blocks.iter().rposition(|b| b.id() == first) else {
            return;
        };
        let Some(Block::Heading(heading)) = start.checked_sub(1).map(|i| &self.blocks[i]) else {
            return;
        };
        let heading_id = heading.id.clone();
        let heading_text = heading.text.plain();
        let items: Vec<(String, u32)> = self.blocks[start..]
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => match p.kind {
                    ParagraphKind::Numbered(n) if p.id == format!("{prefix}p{n}") => {
                        Some((p.id.clone(), n))
                    }
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let paragraphs = || {
            self.blocks[start..].iter().filter_map(|b| match b {
                Block::Paragraph(p) if matches!(p.kind, ParagraphKind::Numbered(_)) => Some(p),
                _ => None,
            })
        };
        let short = |p: &Paragraph| {
            p.text.plain().chars().count() <= LIST_ITEM_CHARS
                && p.children
                    .iter()
                    .all(|c| c.text.plain().chars().count() <= LIST_ITEM_CHARS)
        };
        let unpunctuated = paragraphs()
            .filter(|p| {
                !p.text
                    .plain()
                    .trim_end()
                    .ends_with(['.', '!', '?', '。', '؟'])
            })
            .count();
        let lower = heading_text.to_lowercase();
        let named_a_list = LIST_HEADINGS.iter().any(|w| lower.contains(w));
        let is_list = items.len() >= 2
            && paragraphs().all(short)
            && (3 * unpunctuated >= 2 * items.len() || named_a_list);
        if !is_list {
            return;
        }
        for block in &mut self.blocks[start..] {
            let Block::Paragraph(p) = block else { continue };
            let Some((old, n)) = items.iter().find(|(old, _)| within(&p.id, old)) else {
                continue;
            };
            let new = format!("{heading_id}-item-{n}");
            rename(p, old, &new, &mut self.ids);
            if matches!(p.kind, ParagraphKind::Numbered(_)) {
                p.name = format!("item {n} under “{heading_text}”");
            }
        }
        if let Some((old, n)) = self
            .anchor
            .as_deref()
            .and_then(|a| items.iter().find(|(old, _)| within(a, old)))
        {
            self.anchor = self
                .anchor
                .as_deref()
                .map(|a| a.replacen(old.as_str(), &format!("{heading_id}-item-{n}"), 1));
        }
    }
}

/// Gives a paragraph and what hangs from it (its sub-paragraphs) the id `new` in place of `old`.
fn rename(p: &mut Paragraph, old: &str, new: &str, ids: &mut Ids) {
    if let Some(rest) = p.id.strip_prefix(old).filter(|_| within(&p.id, old)) {
        let renamed = format!("{new}{rest}");
        ids.release(&p.id);
        p.id = ids.claim(renamed);
    }
    for child in &mut p.children {
        rename(child, old, new, ids);
    }
}

/// Whether `id` is `of` or an id made from it (`p3-a`, `p3-u1` of `p3`; not `p30`).
fn within(id: &str, of: &str) -> bool {
    id.strip_prefix(of)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
}
