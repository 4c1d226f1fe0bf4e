//! Prints the default report as static HTML (`report::html`), for `web/default-report.html`:
//! `cargo run --example prerender > web/default-report.html`. A test fails when it is stale.

use report_reader::report::{html::report_html, parse, DEFAULT_REPORT};

fn main() {
    println!("{}", report_html(&parse(DEFAULT_REPORT)));
}
