//! Prints the default report as parsed, as JSON, for `web/default-report.json` (the app shows the
//! default report from it, without the parser): `cargo run --example model >
//! web/default-report.json`. A test fails when it is stale.

use report_reader::report::{parse, DEFAULT_REPORT};

fn main() {
    println!(
        "{}",
        serde_json::to_string(&parse(DEFAULT_REPORT)).expect("a report is plain data")
    );
}
