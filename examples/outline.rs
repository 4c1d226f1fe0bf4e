//! Prints the structure the parser finds in a report file: `cargo run --example outline -- FILE`.
//! With no file, the bundled default report. A paragraph's pages follow its id, where the text
//! has pages.

use report_reader::report::{parse, Block, Paragraph, Report, DEFAULT_REPORT};

fn print_paragraph(report: &Report, p: &Paragraph, depth: usize) {
    let text = p.text.plain();
    let short: String = text.chars().take(70).collect();
    let label = p.label().unwrap_or_default();
    let pages = report
        .pages_of(&p.id)
        .map(|span| format!(" ({span})"))
        .unwrap_or_default();
    println!(
        "{}#{}{pages} {label} {short}{}",
        "  ".repeat(depth),
        p.id,
        if text.chars().count() > 70 { "…" } else { "" }
    );
    for child in &p.children {
        print_paragraph(report, child, depth + 1);
    }
}

fn main() -> std::io::Result<()> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => DEFAULT_REPORT.to_string(),
    };
    let report = parse(&text);
    let cover = &report.cover;
    let plain = |t: &Option<report_reader::report::RichText>| t.as_ref().map(|t| t.plain());
    println!(
        "symbol: {:?}\ntitle: {:?}\nsubtitle: {:?}\nplace: {:?}\ndate: {:?}",
        cover.symbol,
        plain(&cover.title),
        plain(&cover.subtitle),
        cover.place,
        cover.date
    );
    for line in &cover.other_lines {
        println!("  | {}", line.plain());
    }
    for block in &report.blocks {
        match block {
            Block::Heading(h) => println!(
                "#{} [h{}] {} {}",
                h.id,
                h.level,
                h.label.clone().unwrap_or_default(),
                h.text.plain()
            ),
            Block::Paragraph(p) => print_paragraph(&report, p, 0),
        }
    }
    for note in &report.footnotes {
        println!("[^{}] {}", note.label, note.text.plain());
    }
    Ok(())
}
