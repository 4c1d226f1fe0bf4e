//! Export and import in the notes panel: W3C Web Annotation JSON-LD or Markdown out, with
//! progress; a file in (this app's, W3C, Hypothesis), with a preview of what it would change.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::exchange::import::ImportPlan;
use crate::exchange::w3c;
use crate::exchange::{cited_name, to_markdown};
use crate::report::Report;

use super::annotator::Annotator;
use super::browser;
use super::browser::copy_and_tell;
use super::vocabulary::{now, Notices, Toast};

/// Export and import, in a part of the app of its own (with the formats): fetched the first time
/// the panel's "Export and import" is opened.
#[cfg_attr(feature = "split", lazy)]
pub async fn exchange_tools(
    annotator: Annotator,
    report: Arc<Report>,
    notices: Notices,
) -> AnyView {
    view! { <ExchangeTools annotator=annotator report=report notices=notices /> }.into_any()
}

/// Export and import: W3C Web Annotation JSON-LD or Markdown out; a file in, with a preview.
#[component]
fn ExchangeTools(annotator: Annotator, report: Arc<Report>, notices: Notices) -> impl IntoView {
    let plan = RwSignal::new(None::<ImportPlan>);
    let problem = RwSignal::new(None::<String>);
    let file_stem = annotator.report_id();
    let (json_stem, md_stem) = (file_stem.clone(), file_stem.clone());
    let label = cited_name(&report);
    // What a long export or import is doing, said (and shown with a progress bar) while it runs.
    let busy = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let notes_count = move || {
        annotator
            .document
            .annotations
            .with_untracked(|set| set.len())
    };
    let export_json = move |_| {
        export_json(
            annotator,
            label.clone(),
            format!("{json_stem}-notes.jsonld"),
            busy,
            done,
        )
    };
    let markdown = move || {
        let placements = annotator.document.placements.get_untracked();
        annotator.document.annotations.with_untracked(|set| {
            to_markdown(
                &report,
                set,
                &placements,
                &annotator.document.palette.get_untracked(),
            )
        })
    };
    let markdown_for_copy = markdown.clone();
    let read_import =
        move |ev: leptos::ev::Event| read_import(ev, annotator, busy, done, problem, plan);
    let preview = move || {
        plan.get().map(|p| {
            let summary = p.summary();
            let not_placed: Vec<String> = p.not_placed.iter().map(ToString::to_string).collect();
            let empty = p.is_empty();
            let apply = p.clone();
            view! {
                <div class="import-preview" role="region" aria-label="Import preview">
                    <p>{summary}</p>
                    {(!not_placed.is_empty()).then(|| view! {
                        <ul class="import-not-placed" aria-label="Not placed in the report">
                            {not_placed.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    })}
                    <div class="editor-actions">
                        {(!empty).then(|| view! {
                            <button type="button" class="primary-button" on:click=move |_| {
                                annotator.apply_import(&apply);
                                plan.set(None);
                                notices.flash(Toast::Info("The notes were imported.".into()), Duration::from_secs(4));
                            }>"Import these notes"</button>
                        })}
                        <button type="button" class="text-button" on:click=move |_| plan.set(None)>{if empty { "Close" } else { "Cancel" }}</button>
                    </div>
                </div>
            }
        })
    };
    view! {
            <div class="exchange-buttons">
                <button type="button" class="text-button" on:click=export_json>"Export notes (W3C JSON-LD)"</button>
                <button type="button" class="text-button" on:click=move |_| {
                    let file = format!("{md_stem}-notes.md");
                    let markdown = markdown.clone();
                    busy.set(Some(format!("Preparing the export of {} highlights and notes…", notes_count())));
                    spawn_local(async move {
                        browser::next_frame().await;
                        browser::download(&file, "text/markdown", &markdown());
                        super::storage::remember_export(now());
                        busy.set(None);
                        done.set(Some(format!("Exported {} highlights and notes as “{file}”.", notes_count())));
                    });
                }>"Export notes (Markdown)"</button>
                <button type="button" class="text-button"
                    on:click=move |_| copy_and_tell(notices, "notes as Markdown".into(), markdown_for_copy())>"Copy notes as Markdown"</button>
                <label class="text-button file-label">
                    "Import notes…"
                    <input type="file" class="visually-hidden" accept=".json,.jsonld,application/json,application/ld+json"
                        aria-label="Import notes from a file" on:change=read_import />
                </label>
            </div>
            <p class="exchange-progress" role="status" aria-live="polite">
                {move || busy.get().map(|what| view! { <progress aria-label=what.clone()></progress>" "{what} })}
                {move || busy.with(Option::is_none).then(|| done.get()).flatten()}
            </p>
            {preview}
            {move || problem.get().map(|p| view! { <p class="import-problem" role="alert">{p}</p> })}
    }
}

/// Exports the annotations as W3C Web Annotation JSON-LD, saying so while it is prepared and
/// once it is done.
fn export_json(
    annotator: Annotator,
    label: String,
    file: String,
    busy: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) {
    let notes_count = move || {
        annotator
            .document
            .annotations
            .with_untracked(|set| set.len())
    };
    busy.set(Some(format!(
        "Preparing the export of {} highlights and notes…",
        notes_count()
    )));
    spawn_local(async move {
        browser::next_frame().await;
        let now = now();
        let json = annotator.document.annotations.with_untracked(|set| {
            w3c::export(
                &annotator.report_id(),
                &label,
                set,
                &annotator.document.palette.get_untracked(),
                now,
            )
        });
        browser::download(
            &file,
            "application/ld+json",
            &serde_json::to_string_pretty(&json).unwrap_or_default(),
        );
        super::storage::remember_export(now);
        busy.set(None);
        done.set(Some(format!(
            "Exported {} highlights and notes as “{file}”.",
            notes_count()
        )));
    });
}

/// Reads a file of notes chosen for import and works out what importing it would change (the
/// preview), saying what it is doing meanwhile; a file that cannot be imported is told why.
fn read_import(
    ev: leptos::ev::Event,
    annotator: Annotator,
    busy: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
    problem: RwSignal<Option<String>>,
    plan: RwSignal<Option<ImportPlan>>,
) {
    let Some(file) = browser::chosen_files(&ev).into_iter().next() else {
        return;
    };
    done.set(None);
    busy.set(Some(format!("Reading “{}”…", file.name())));
    spawn_local(async move {
        let text = match browser::read_file(&file)
            .await
            .map(|b| String::from_utf8_lossy(&b).into_owned())
        {
            Ok(text) => text,
            Err(reason) => {
                busy.set(None);
                return problem.set(Some(reason.to_string()));
            }
        };
        busy.set(Some(format!(
            "Comparing the notes in “{}” with yours…",
            file.name()
        )));
        browser::next_frame().await;
        let planned = annotator.plan_import(&text);
        busy.set(None);
        match planned {
            Ok(p) => {
                problem.set(None);
                plan.set(Some(p));
            }
            Err(e) => {
                plan.set(None);
                problem.set(Some(e.to_string()));
            }
        }
    });
}
