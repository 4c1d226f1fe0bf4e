//! Prints the text a PDF's positioned runs are laid out as (`report::layout`), which the
//! passes after it read: `cargo run --example pdf_text -- RUNS.json`, where RUNS.json is what
//! `tests/fixtures/corpus/capture-runs.mjs` writes for a PDF (`{"pages": [{"runs": […]}]}`).

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("the runs of a PDF, as JSON");
    match report_reader::report::layout::text_of_pdf(&std::fs::read_to_string(path)?) {
        Ok(text) => print!("{text}"),
        Err(problem) => eprintln!("{problem}"),
    }
    Ok(())
}
