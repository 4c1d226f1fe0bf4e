//! The text as chars, which is what a citation's offsets count, and the ways of reading it that
//! every grammar shares.

/// A reference one grammar found, before the words around it are read for a paragraph.
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub symbol: String,
    /// Where words naming a paragraph of it would end ("paragraph 3 of |resolution 58/14"): none
    /// for the later numbers of a list, which such words do not name.
    pub lead: Option<usize>,
}

pub(super) struct Text {
    chars: Vec<char>,
}

impl Text {
    pub fn new(text: &str) -> Self {
        Text {
            chars: text.chars().collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn at(&self, at: usize) -> Option<char> {
        self.chars.get(at).copied()
    }

    pub fn is(&self, at: usize, test: impl Fn(char) -> bool) -> bool {
        self.at(at).is_some_and(test)
    }

    pub fn slice(&self, from: usize, to: usize) -> String {
        let to = to.min(self.len());
        self.chars[from.min(to)..to].iter().collect()
    }

    /// Whether `word` is written at `at`, letter for letter.
    pub fn has(&self, at: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(i, c)| self.at(at + i) == Some(c))
    }

    /// Whether nothing of a word or number goes on before `at`.
    pub fn starts_word(&self, at: usize) -> bool {
        at == 0 || !self.is(at - 1, joins)
    }

    pub fn ends_word(&self, at: usize) -> bool {
        !self.is(at, joins)
    }

    pub fn skip_spaces(&self, mut at: usize) -> usize {
        while self.is(at, char::is_whitespace) {
            at += 1;
        }
        at
    }

    /// The run of ASCII digits at `at`: its value and where it ends.
    pub fn digits(&self, at: usize) -> Option<(u32, usize)> {
        let mut end = at;
        while end - at < 9 && self.is(end, |c| c.is_ascii_digit()) {
            end += 1;
        }
        let value = self.slice(at, end).parse().ok()?;
        Some((value, end))
    }

    /// The word at `at` in lower case, and where it ends.
    pub fn word(&self, at: usize) -> Option<(String, usize)> {
        let mut end = at;
        while self.is(end, char::is_alphabetic) {
            end += 1;
        }
        (end > at).then(|| (self.slice(at, end).to_lowercase(), end))
    }

    /// Where the sentence that `at` is in begins, looking back `reach` chars at most: what
    /// another sentence says is not about the reference at `at`.
    pub fn sentence_start(&self, at: usize, reach: usize) -> usize {
        let floor = at.saturating_sub(reach);
        (floor..at)
            .rev()
            .find(|&i| match self.chars[i] {
                ';' | '؛' | '。' => true,
                // Not the dot of "para. 3" or "e.g. the".
                '.' => {
                    let next = self.skip_spaces(i + 1);
                    next > i + 1 && !self.is(next, |c| c.is_lowercase() || c.is_ascii_digit())
                }
                '\n' => self.is_blank_line_after(i),
                _ => false,
            })
            .map_or(floor, |i| i + 1)
    }

    fn is_blank_line_after(&self, newline: usize) -> bool {
        let mut at = newline + 1;
        while self.is(at, |c| c == ' ' || c == '\t') {
            at += 1;
        }
        self.at(at) == Some('\n')
    }
}

/// A roman numeral as old resolutions write their session ("XXV"), or a special session's
/// ("S-VI", "ES-V").
pub(super) fn is_session_numeral(text: &str) -> bool {
    let roman = text
        .strip_prefix("ES-")
        .or_else(|| text.strip_prefix("S-"))
        .unwrap_or(text);
    !roman.is_empty() && roman.len() <= 8 && roman.chars().all(|c| "IVXLC".contains(c))
}

/// Whether a char goes on the word or number next to it: Chinese, written without spaces,
/// does not ("第79/221号决议", "见A/81/50。").
pub(super) fn joins(c: char) -> bool {
    c.is_alphanumeric() && !('\u{3000}'..='\u{9FFF}').contains(&c)
}

pub(super) fn is_year(value: u32) -> bool {
    (1946..=2100).contains(&value)
}
