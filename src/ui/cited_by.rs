//! "Cited by": the reports of the reader's library that cite the open one, each with the
//! paragraphs that do (and the paragraph of this report they name), read from what every
//! report cites as the library's index keeps it. Reports not indexed yet are indexed first, in
//! the background, so the list is right however the library was filled. In a part of its own,
//! fetched once the report is shown.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::library_search::{cited_by, CitationsRecord, CitedIn, RECORD_FORMAT};

use super::browser;
use super::library_index::{current_versions, index_report, read_records};
use super::library_search::report_href;
use super::library_state::LibraryState;
use super::text_store;

/// What the library's reports cite, brought up to date with the library.
async fn every_reports_citations(shelf: LibraryState) -> Vec<CitationsRecord> {
    let stored = text_store::citations_records().await;
    let mut records: Vec<CitationsRecord> =
        read_records(stored, |r: &CitationsRecord| r.format == RECORD_FORMAT).await;
    let wanted = current_versions(shelf);
    for (entry, hash) in &wanted {
        if records
            .iter()
            .any(|r| r.report == entry.id && r.hash == *hash)
        {
            continue;
        }
        if let Some(record) = index_report(shelf, entry, hash).await {
            records.retain(|r| r.report != entry.id);
            records.push(record.citations());
        }
        browser::yield_to_page().await;
    }
    let live: HashSet<&str> = wanted.iter().map(|(e, _)| e.id.as_str()).collect();
    records.retain(|r| live.contains(r.report.as_str()));
    records
}

/// The reports citing the open one, as a section at the end of the report (nothing where none do).
#[cfg_attr(feature = "split", lazy)]
pub async fn cited_by_section(shelf: LibraryState, report: String, symbol: String) -> AnyView {
    let found = RwSignal::new(Vec::new());
    leptos::task::spawn_local(async move {
        let records = browser::timed_async("report:cited-by", every_reports_citations(shelf)).await;
        found.set(cited_by(&records, &symbol, &report));
    });
    (move || {
        found
            .with(|f| !f.is_empty())
            .then(|| view! { <CitedBy found=found.get() /> })
    })
    .into_any()
}

fn citing_view(citing: CitedIn) -> impl IntoView {
    let name = citing
        .symbol
        .clone()
        .unwrap_or_else(|| citing.title.clone());
    let id = citing.report.clone();
    view! {
        <li class="cited-by-report">
            {citing.symbol.clone().map(|s| view! { <span class="entry-symbol">{s}</span> " " })}
            <a href=report_href(&id, "")>{citing.title.clone()}</a>
            <ul class="cited-by-paragraphs">
                {citing.paragraphs.into_iter().map(|(paragraph, citation, cited)| {
                    let label = format!("{name}, {citation}");
                    view! {
                        <li>
                            <a href=report_href(&id, &paragraph)>{label}</a>
                            {cited.map(|n| view! { <span class="entry-meta">{format!(" · on paragraph {n}")}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

#[component]
fn CitedBy(found: Vec<CitedIn>) -> impl IntoView {
    let heading = match found.len() {
        1 => "Cited by 1 report in your library".to_string(),
        n => format!("Cited by {n} reports in your library"),
    };
    view! {
        <section class="cited-by" aria-labelledby="cited-by-heading">
            <h2 id="cited-by-heading">{heading}</h2>
            <ul class="cited-by-reports">{found.into_iter().map(citing_view).collect_view()}</ul>
        </section>
    }
}
