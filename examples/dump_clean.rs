fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    println!("{}", report_reader::report::without_page_furniture(&text));
}
