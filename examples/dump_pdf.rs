fn main() {
    #[derive(serde::Deserialize)]
    struct R {
        pages: Vec<document_reader::layout::Page>,
    }
    let runs: R =
        serde_json::from_str(&std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap())
            .unwrap();
    println!("{}", document_reader::layout::text_of_pages(&runs.pages));
}
