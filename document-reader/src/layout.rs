//! A PDF's pages as a reader reads them: positioned text runs (what a PDF engine such as pdf.js
//! gives: each run's text, baseline position and font size) in, the page's text out, in the
//! form the app's parser reads (its `report::pages` pass): lines in reading order, a blank line
//! where a paragraph ends, columns side by side kept apart by wide spaces, raised small numbers
//! glued to the word before them (footnote references, as text exports leave them), and a form
//! feed between pages. Page furniture, footnotes and structure are then found as in any text,
//! by the app's parser.

use serde::Deserialize;

/// One run of text on a page: its baseline's start (`x`, `y` from the page's bottom left, in
/// points), its width and its font size.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Run {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub size: f32,
}

/// A page: its runs, in any order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Page {
    pub runs: Vec<Run>,
}

/// A line of a page: its baseline, font size and runs from left to right.
struct Line<'a> {
    y: f32,
    size: f32,
    runs: Vec<&'a Run>,
}

/// Runs on one baseline make a line; a smaller run raised above it (a footnote's number) belongs
/// to it too.
fn lines(page: &Page) -> Vec<Line<'_>> {
    let mut runs: Vec<&Run> = page
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    // Top of the page first; on a line, left to right; full-size runs before raised ones.
    runs.sort_by(|a, b| b.size.total_cmp(&a.size).then(b.y.total_cmp(&a.y)));
    let mut lines: Vec<Line> = Vec::new();
    for run in runs {
        let same = lines.iter_mut().find(|l| {
            let raised = run.size < l.size * 0.9 && run.y > l.y && run.y - l.y < l.size * 0.6;
            (run.y - l.y).abs() < l.size.min(run.size) * 0.35 || raised
        });
        match same {
            Some(line) => line.runs.push(run),
            None => lines.push(Line {
                y: run.y,
                size: run.size,
                runs: vec![run],
            }),
        }
    }
    for line in &mut lines {
        line.runs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines.sort_by(|a, b| b.y.total_cmp(&a.y));
    lines
}

/// A line's text as a layout-keeping export writes it: indented, and its runs joined by a space
/// where there is a gap, by as many spaces as the gap is wide where it is a column's (so that the
/// head's columns stay apart, where they are), and a raised small number glued to the word
/// before it. `margin` is the page's left edge of text.
fn line_text(line: &Line, margin: f32) -> String {
    // The width of an average character, to turn distances into spaces.
    let unit = line.size * 0.5;
    let mut text = String::new();
    let mut end: Option<f32> = None;
    for run in &line.runs {
        let raised = run.size < line.size * 0.9 && run.y > line.y + line.size * 0.1;
        match end {
            None => text.push_str(&" ".repeat(((run.x - margin) / unit).round().max(0.0) as usize)),
            Some(end) => {
                let gap = run.x - end;
                if gap > line.size * 2.5 {
                    text.push_str(&" ".repeat(((gap / unit).round() as usize).max(4)));
                } else if !(raised && gap < line.size * 0.3)
                    && gap > line.size * 0.1
                    && !text.ends_with(' ')
                {
                    text.push(' ');
                }
            }
        }
        text.push_str(if end.is_none() {
            run.text.trim_start()
        } else {
            &run.text
        });
        end = Some(run.x + run.w);
    }
    text.trim_end().to_string()
}

/// Whether a character is of a script written right to left (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko, and their presentation forms).
fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether a line is written right to left: more of its letters are of such a script than not.
fn reads_right_to_left(line: &Line) -> bool {
    let (mut rtl, mut ltr) = (0, 0);
    for c in line
        .runs
        .iter()
        .flat_map(|r| r.text.chars())
        .filter(|c| c.is_alphabetic())
    {
        if is_right_to_left(c) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    rtl > ltr
}

/// A mark set on the letter before it (Arabic vowel signs and tanween, Hebrew points), which a
/// PDF may place as a glyph of its own.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0591}'..='\u{05C7}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}')
}

/// Brackets as the reading order has them: in a right-to-left line a font draws "(" as ")",
/// and the PDF names the glyph it drew.
fn mirrored(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '(' => ')',
            ')' => '(',
            '[' => ']',
            ']' => '[',
            '{' => '}',
            '}' => '{',
            '«' => '»',
            '»' => '«',
            c => c,
        })
        .collect()
}

/// A run's direction as the bidirectional algorithm sees it: Latin letters (strong left to
/// right), digits (which follow the strong letter before them), right-to-left letters, or
/// neither (spaces and punctuation).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Latin,
    Digits,
    RightToLeft,
    Neutral,
}

fn direction(text: &str) -> Direction {
    // The Arabic comma and other punctuation of those scripts are neutral, as spaces are.
    if text
        .chars()
        .any(|c| is_right_to_left(c) && c.is_alphanumeric())
    {
        Direction::RightToLeft
    } else if text.chars().any(|c| c.is_alphabetic()) {
        Direction::Latin
    } else if text.chars().any(|c| c.is_numeric()) {
        Direction::Digits
    } else {
        Direction::Neutral
    }
}

/// A right-to-left line's runs in reading order, each group drawn left to right kept whole:
/// Latin text and the digits and punctuation after it before the next right-to-left letter
/// ("S/2026/410، 12" in "S/2026/410، 12 أيار/مايو": the day follows the symbol's letters, so
/// the bidirectional algorithm sets it to the symbol's right, on the same left-to-right path).
/// Each group's runs are from left to right; the groups from right to left.
fn reading_groups<'a>(runs: &[&'a Run]) -> Vec<Vec<&'a Run>> {
    let is_mark = |run: &Run| run.text.trim().chars().all(is_combining_mark);
    let (marks, mut visual): (Vec<&Run>, Vec<&Run>) =
        runs.iter().copied().partition(|run| is_mark(run));
    visual.sort_by(|a, b| (a.x + a.w).total_cmp(&(b.x + b.w)));
    // A mark goes on the letter whose left edge is nearest its place: the pen stands there once
    // that letter is drawn, and the font shifts the mark over it.
    for mark in marks {
        let base = visual
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| (a.x - mark.x).abs().total_cmp(&(b.x - mark.x).abs()))
            .map_or(0, |(i, _)| i);
        visual.insert(base, mark);
    }
    let mut groups: Vec<Vec<&Run>> = Vec::new();
    let mut i = 0;
    while i < visual.len() {
        let mut end = i + 1;
        if direction(&visual[i].text) == Direction::Latin {
            // Through what is not right to left, up to the last letter or digit of it.
            let mut last = i;
            while end < visual.len() && direction(&visual[end].text) != Direction::RightToLeft {
                if direction(&visual[end].text) != Direction::Neutral {
                    last = end;
                }
                end += 1;
            }
            end = last + 1;
        }
        groups.push(visual[i..end].to_vec());
        i = end;
    }
    groups.reverse();
    groups
}

/// A right-to-left line's text: its runs from right to left (PDFs of such scripts place their
/// glyphs, often one a run, in visual order; the engine gives each run's own text in reading
/// order) but for the groups of Latin text set left to right inside it, a space where there is
/// a gap but none before a mark set on the letter before it, brackets turned the way the
/// reading order has them (outside runs of left-to-right text, which keep theirs), and a
/// paragraph number that the visual order wrote ".1" put back as "1.". Not indented: such
/// lines are aligned on the right.
fn right_to_left_text(line: &Line) -> String {
    let mut text = String::new();
    // The left edge of the group read before, which the next one's gap is measured from.
    let mut start: Option<f32> = None;
    let space_for = |text: &mut String, gap: f32| {
        if gap > line.size * 2.5 {
            text.push_str(&" ".repeat(((gap / (line.size * 0.5)).round() as usize).max(4)));
        } else if gap > line.size * 0.12 && !text.ends_with(' ') {
            text.push(' ');
        }
    };
    for group in reading_groups(&line.runs) {
        if let [first, .., last] = group.as_slice() {
            // Left to right inside the group, as drawn.
            if let Some(start) = start {
                space_for(&mut text, start - (last.x + last.w));
            }
            let mut end: Option<f32> = None;
            for run in &group {
                if let Some(end) = end {
                    space_for(&mut text, run.x - end);
                }
                text.push_str(if text.is_empty() {
                    run.text.trim_start()
                } else {
                    &run.text
                });
                end = Some(run.x + run.w);
            }
            start = Some(first.x);
            continue;
        }
        let run = group[0];
        if let Some(start) = start {
            space_for(&mut text, start - (run.x + run.w));
        }
        let left_to_right = run.text.chars().any(|c| c.is_ascii_alphanumeric());
        let mut own = if left_to_right {
            run.text.clone()
        } else {
            mirrored(&run.text)
        };
        // A mark sits on the letter before it, no space between; the gap after it is the
        // letter's.
        let mark = own.trim_start().starts_with(is_combining_mark);
        if mark {
            own = own.trim_start().to_string();
            text.truncate(text.trim_end().len());
        }
        // A number and the stop after it, drawn as one run in visual order: ".1" at a
        // paragraph's start, ".2023" at a sentence's end, are "1." and "2023.".
        let turned = own
            .strip_prefix(['.', ',', ':', ';', '،', '؛'])
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_numeric()))
            .map(|number| format!("{number}{}", &own[..own.len() - number.len()]));
        let own = turned.unwrap_or(own);
        text.push_str(if start.is_none() {
            own.trim_start()
        } else {
            &own
        });
        if !mark || start.is_none() {
            start = Some(run.x);
        }
    }
    text.trim_end().to_string()
}

/// A PDF that has no text to lay out: pages of images, as a scanner makes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayoutProblem {
    Scanned,
    /// What the engine gave could not be read (a bug between the two, not the reader's doing).
    Unreadable(String),
}

impl std::fmt::Display for LayoutProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LayoutProblem::Scanned => write!(f, "This PDF is scanned images without text; the reader cannot read it. A version of the report with its text (a PDF made from the document, Word or text) can be opened."),
            LayoutProblem::Unreadable(what) => write!(f, "The PDF's text could not be laid out ({what})."),
        }
    }
}

/// A PDF's pages as its engine gave them (`{"pages": [{"width", "height", "runs": […]}]}`),
/// laid out as text; a PDF with no text on any page is a scan.
pub fn text_of_pdf(pages_json: &str) -> Result<String, LayoutProblem> {
    #[derive(Deserialize)]
    struct Pages {
        pages: Vec<Page>,
    }
    let pages: Pages =
        serde_json::from_str(pages_json).map_err(|e| LayoutProblem::Unreadable(e.to_string()))?;
    if pages
        .pages
        .iter()
        .all(|p| p.runs.iter().all(|r| r.text.trim().is_empty()))
    {
        return Err(LayoutProblem::Scanned);
    }
    Ok(text_of_pages(&pages.pages))
}

/// The pages' text (see the module's documentation).
pub fn text_of_pages(pages: &[Page]) -> String {
    let mut out = String::new();
    for (n, page) in pages.iter().enumerate() {
        if n > 0 {
            out.push('\u{c}');
        }
        let lines = lines(page);
        let margin = page.runs.iter().map(|r| r.x).fold(f32::INFINITY, f32::min);
        // The usual distance between lines of running text: a larger one ends a paragraph.
        let mut steps: Vec<f32> = lines
            .windows(2)
            .map(|w| w[0].y - w[1].y)
            .filter(|d| *d > 0.0)
            .collect();
        steps.sort_by(f32::total_cmp);
        let step = steps.get(steps.len() / 3).copied().unwrap_or(14.0);
        let mut previous: Option<&Line> = None;
        for line in &lines {
            if let Some(previous) = previous {
                // Larger type has wider lines: a title's lines are not paragraphs of their own.
                let usual = step.max(previous.size.max(line.size) * 1.2);
                if previous.y - line.y > usual * 1.3 {
                    out.push('\n');
                }
            }
            let text = if reads_right_to_left(line) {
                right_to_left_text(line)
            } else {
                line_text(line, margin)
            };
            out.push_str(&text);
            out.push('\n');
            previous = Some(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One glyph of a right-to-left line as a PDF places it, on the baseline at 700.
    fn glyph(text: &str, x: f32, w: f32) -> Run {
        Run {
            text: text.into(),
            x,
            y: 700.0,
            w,
            size: 11.0,
        }
    }

    fn run(text: &str, x: f32, y: f32, size: f32) -> Run {
        Run {
            text: text.into(),
            x,
            y,
            w: text.chars().count() as f32 * size * 0.5,
            size,
        }
    }

    #[test]
    fn a_pdf_without_text_is_a_scan_told_in_words() {
        assert_eq!(
            text_of_pdf(r#"{"pages":[{"runs":[]},{"runs":[]}]}"#),
            Err(LayoutProblem::Scanned)
        );
        let one =
            r#"{"pages":[{"runs":[{"text":"1. A paragraph.","x":68,"y":700,"w":80,"size":11}]}]}"#;
        assert_eq!(text_of_pdf(one).as_deref(), Ok("1. A paragraph.\n"));
        assert!(LayoutProblem::Scanned
            .to_string()
            .starts_with("This PDF is scanned images without text; the reader cannot read it"));
    }

    #[test]
    fn a_right_to_left_line_is_read_from_the_right_with_its_letters_marks_brackets_and_number() {
        // "1. (أ) عملاً بلا" as a PDF gives it: glyphs in visual order, left to right (their
        // presentation forms already letters again: web/readers/read-pdf.js), brackets drawn
        // mirrored, the tanween a glyph of its own on its letter, and the number with its period
        // before it.
        let page = Page {
            runs: vec![
                glyph("لا", 100.0, 6.0),
                glyph("ب", 106.0, 4.0),
                glyph(" ً", 112.0, 0.0),
                glyph("ا", 114.0, 4.0),
                glyph("ل", 118.0, 4.0),
                glyph("م", 122.0, 5.0),
                glyph("ع", 127.0, 5.0),
                glyph("(", 140.0, 3.0),
                glyph("أ", 143.0, 4.0),
                glyph(")", 147.0, 3.0),
                glyph(".1", 160.0, 8.0),
            ],
        };
        assert_eq!(text_of_pages(&[page]), "1. (أ) عملاً بلا\n");
    }

    #[test]
    fn inside_a_right_to_left_line_latin_text_and_the_number_after_it_read_left_to_right() {
        // "S/2026/410، 12 أيار 2026." as drawn: the symbol, its comma and the day after it go
        // left to right (the day follows the symbol's letters); the month and year from the
        // right, the year's stop drawn before it in one run; the damma of "عُ" a glyph of its
        // own, just left of its letter.
        let page = Page {
            runs: vec![
                glyph(".2026", 100.0, 25.0),
                glyph("ر", 130.0, 4.0),
                glyph("ا", 134.0, 3.0),
                glyph("ي", 137.0, 3.0),
                glyph("أ", 140.0, 3.0),
                glyph("S/2026/410", 150.0, 50.0),
                glyph("،", 200.0, 3.0),
                glyph("12", 206.0, 11.0),
                glyph("د", 230.0, 5.0),
                glyph("ق", 235.0, 5.0),
                glyph("ُ", 239.7, 0.0),
                glyph("ع", 240.0, 6.0),
            ],
        };
        assert_eq!(text_of_pages(&[page]), "عُقد S/2026/410، 12 أيار 2026.\n");
    }

    #[test]
    fn runs_become_lines_paragraphs_columns_and_glued_footnote_numbers() {
        let page = Page {
            runs: vec![
                run("United Nations", 68.0, 780.0, 16.0),
                run("A/HRC/59/23", 420.0, 780.0, 16.0),
                run("submissions, including from 31 States.", 68.0, 647.0, 11.0),
                run("1", 279.0, 651.4, 9.2),
                run("The submissions are", 286.0, 647.0, 11.0),
                run("1.", 68.0, 664.9, 11.0),
                run("The Special Rapporteur thanks", 96.9, 664.9, 11.0),
                run("together with the summary.", 68.0, 632.7, 11.0),
                run("2.", 68.0, 600.0, 11.0),
                run("Next paragraph.", 96.0, 600.0, 11.0),
            ],
        };
        let text = text_of_pages(&[page.clone(), page]);
        let first = text.split('\u{c}').next().unwrap();
        assert_eq!(
            first,
            format!("United Nations{}A/HRC/59/23\n\n1. The Special Rapporteur thanks\nsubmissions, including from 31 States.1 The submissions are\ntogether with the summary.\n\n2. Next paragraph.\n", " ".repeat(30))
        );
        assert_eq!(
            text.matches('\u{c}').count(),
            1,
            "a form feed between the two pages"
        );
    }
}
