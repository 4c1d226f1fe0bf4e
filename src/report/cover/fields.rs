//! The table of fields a cover note opens with ("From:", "To:", "No. prev. doc.:", "Subject:"),
//! as the Council of the European Union and others set it: the subject is the document's title.
//! Exports keep a label beside its value ("Subject: Humanitarian assistance … (15" / "December
//! 2025)"), or set every label apart from its value, the values in their order and the labels in
//! theirs, not always the label first; both are read by pairing labels and values in order.

use std::collections::VecDeque;

use crate::report::model::RichText;

/// The fields' labels, in the languages such notes are written in: those that name the subject,
/// and the others.
const SUBJECTS: [&str; 4] = ["subject", "objet", "asunto", "betreff"];
const LABELS: [&str; 12] = [
    "from",
    "on",
    "to",
    "date",
    "no. prev. doc.",
    "no. prev. docs.",
    "no. cion doc.",
    "no. cion docs.",
    "de",
    "à",
    "para",
    "destinataire",
];

#[derive(Debug, Default)]
pub(super) struct Fields {
    /// Whether the head has a fields table: its lines are the fields' values, not a title.
    seen: bool,
    /// Labels set apart (as written), waiting for their values; values waiting for labels.
    labels: VecDeque<String>,
    values: VecDeque<RichText>,
    /// The fields read, label (as written) and value, in order.
    pairs: Vec<(String, RichText)>,
    /// The value the next line goes on with, its bracket still open: a pair's, or a waiting one.
    open: Option<Open>,
}

#[derive(Debug, Clone, Copy)]
enum Open {
    Pair(usize),
    Waiting,
}

/// The label a line opens with ("Subject:"), as written, and what follows it on the line.
fn label_of(line: &str) -> Option<(&str, &str)> {
    let (label, value) = line.split_once(':')?;
    let lower = label.trim().to_lowercase();
    (SUBJECTS.contains(&lower.as_str()) || LABELS.contains(&lower.as_str()))
        .then(|| (label.trim(), value.trim()))
}

/// Whether a line is a field of the table, with or without its value ("From:", "To: Delegations").
pub(crate) fn is_field(line: &str) -> bool {
    label_of(line.trim()).is_some()
}

fn unbalanced(text: &str) -> bool {
    text.matches('(').count() > text.matches(')').count()
}

fn names_the_subject(label: &str) -> bool {
    SUBJECTS.contains(&label.to_lowercase().as_str())
}

impl Fields {
    /// The subject's value: the document's title.
    pub(super) fn subject(&self) -> Option<&RichText> {
        self.pairs
            .iter()
            .find(|(label, _)| names_the_subject(label))
            .map(|(_, value)| value)
    }

    /// The other fields as lines of the head: "From: General Secretariat of the Council".
    pub(super) fn lines(&self) -> impl Iterator<Item = RichText> + '_ {
        self.pairs
            .iter()
            .filter(|(label, _)| !names_the_subject(label))
            .map(|(label, value)| {
                let mut line = RichText(vec![crate::report::model::Span::plain(format!(
                    "{label}: "
                ))]);
                for span in value.spans() {
                    line.push(span.clone());
                }
                line
            })
    }

    /// Reads a line of the head; whether it was one of the table's (a label, a value, or more
    /// of a value).
    pub(super) fn read(&mut self, line: &RichText) -> bool {
        let plain = line.plain();
        let plain = plain.trim();
        if let Some((label, value)) = label_of(plain) {
            self.seen = true;
            if value.is_empty() {
                match self.values.pop_front() {
                    Some(value) => self.pair(label.to_string(), value),
                    None => self.labels.push_back(label.to_string()),
                }
            } else {
                let mut text = line.clone();
                if let Some(first) = text.0.first_mut() {
                    first.text = first
                        .text
                        .split_once(':')
                        .map_or(String::new(), |(_, v)| v.trim_start().to_string());
                }
                self.pair(label.to_string(), text.trim());
            }
            return true;
        }
        if !self.seen || plain.is_empty() {
            return false;
        }
        if let Some(open) = self.open {
            let value = match open {
                Open::Pair(i) => &mut self.pairs[i].1,
                Open::Waiting => match self.values.back_mut() {
                    Some(value) => value,
                    None => return false,
                },
            };
            value.join_line(line);
            if !unbalanced(&value.plain()) {
                self.open = None;
            }
            return true;
        }
        match self.labels.pop_front() {
            Some(label) => self.pair(label, line.clone()),
            None => {
                self.open = unbalanced(plain).then_some(Open::Waiting);
                self.values.push_back(line.clone());
            }
        }
        true
    }

    fn pair(&mut self, label: String, value: RichText) {
        self.open = unbalanced(&value.plain()).then_some(Open::Pair(self.pairs.len()));
        self.pairs.push((label, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::Span;

    fn line(text: &str) -> RichText {
        RichText(vec![Span::plain(text)])
    }

    #[test]
    fn the_subject_is_read_beside_its_label_or_apart_from_it() {
        let mut beside = Fields::default();
        for text in [
            "From: General Secretariat of the Council",
            "To: Delegations",
            "Subject: Humanitarian assistance – Council conclusions (15",
            "December 2025)",
        ] {
            assert!(beside.read(&line(text)), "{text}");
        }
        assert_eq!(
            beside.subject().map(RichText::plain).as_deref(),
            Some("Humanitarian assistance – Council conclusions (15 December 2025)")
        );
        let mut apart = Fields::default();
        for text in [
            "From:",
            "General Secretariat of the Council",
            "To:",
            "No. prev. doc.:",
            "Delegations",
            "14871/25",
            "Humanitarian assistance – Council conclusions (15",
            "December 2025)",
            "Subject:",
        ] {
            assert!(apart.read(&line(text)), "{text}");
        }
        assert_eq!(
            apart.subject().map(RichText::plain).as_deref(),
            Some("Humanitarian assistance – Council conclusions (15 December 2025)")
        );
        assert!(!Fields::default().read(&line("Report of the Secretary-General")));
    }
}
