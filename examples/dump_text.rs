fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let report = report_reader::report::parse(&text);
    for p in report.paragraphs() {
        println!("{} | {}", p.id, p.text.plain());
    }
}
