//! The search bar: a query over the report and the reader's notes ([`crate::search`]), its
//! matches listed with a link to each paragraph and marked in the text, `Enter` and `Shift+Enter`
//! to go through them.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::annotations::ParagraphRange;

use crate::search::{status_line, step, Results, SearchIndex};

use super::annotator::Annotator;
use super::browser;
use super::vocabulary::{capitalised, PageText, SEARCH_FIELD_ID};

/// Matches listed and marked at most; the summary still counts them all.
const LISTED: usize = 500;
/// Typing pauses this long before the search runs.
const TYPING_PAUSE_MS: u64 = 120;

/// A query run over the report (folded for search on the first query: a pass over all of it)
/// and the reader's notes. In a part of the app of its own, with the folding's tables: fetched
/// the first time the reader searches. The bar itself is in the first load, so that what is
/// typed at once is kept.
#[cfg_attr(feature = "split", lazy)]
async fn run_search(
    annotator: Annotator,
    index: StoredValue<Option<Arc<SearchIndex>>>,
    query: String,
) -> Results {
    let index = index.get_value().unwrap_or_else(|| {
        let built = Arc::new(browser::timed("search:index", || annotator.search_index()));
        index.set_value(Some(built.clone()));
        built
    });
    browser::timed("search:query", || annotator.search(&index, &query, LISTED))
}

/// What the search answers: the results, the query they answer, and a step through them asked
/// for before they came (`Enter` typed right after the query).
#[derive(Clone, Copy)]
struct Answers {
    results: RwSignal<Results>,
    answered: RwSignal<String>,
    step_when_answered: StoredValue<Option<bool>>,
}

impl Answers {
    fn new() -> Self {
        Answers {
            results: RwSignal::new(Results::default()),
            answered: RwSignal::new(String::new()),
            step_when_answered: StoredValue::new(None),
        }
    }

    /// Answers each query as it is asked (and again when the notes change, which it searches
    /// too), and takes a step asked for meanwhile once the answer has come.
    fn follow(
        self,
        open: RwSignal<bool>,
        annotator: Annotator,
        query: RwSignal<String>,
        go_to: impl Fn(bool) + Copy + 'static,
    ) {
        let Answers {
            results,
            answered,
            step_when_answered,
        } = self;
        let index: StoredValue<Option<Arc<SearchIndex>>> = StoredValue::new(None);
        // The same query set again (the typing pause ending after Enter) is not searched again.
        let distinct_query = Memo::new(move |_| query.get());
        Effect::new(move |_| {
            let asked = distinct_query.get();
            if asked.trim().is_empty() {
                results.set(Results::default());
                answered.set(asked);
                return;
            }
            if !open.get() {
                // Searched again when the bar opens again.
                results.set(Results::default());
                answered.set(String::new());
                return;
            }
            annotator.document.annotations.track();
            spawn_local(async move {
                let found = run_search(annotator, index, asked.clone()).await;
                // A later query may have been answered first.
                if query.with_untracked(|q| *q == asked) {
                    results.set(found);
                    answered.set(asked);
                    if let Some(forward) =
                        step_when_answered.try_update_value(Option::take).flatten()
                    {
                        go_to(forward);
                    }
                }
            });
        });
    }
}

#[component]
pub fn SearchBar(open: RwSignal<bool>, annotator: Annotator) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let at = RwSignal::new(None::<usize>);
    let pending = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);

    let answers = Answers::new();
    let results = answers.results;
    let go_to = move |forward: bool| {
        let count = results.with_untracked(|r| r.hits.len());
        if count == 0 {
            return;
        }
        let Some(next) = step(at.get_untracked(), count, forward) else {
            return;
        };
        at.set(Some(next));
        if let Some(paragraph) =
            results.with_untracked(|r| r.hits.get(next).map(|h| h.paragraph.clone()))
        {
            browser::show_centred(&paragraph);
        }
    };
    answers.follow(open, annotator, query, go_to);
    mark_matches(results, at);
    let on_input = move |ev: leptos::ev::Event| {
        typed.set(event_target_value(&ev));
        at.set(None);
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || query.set(typed.get_untracked()),
            std::time::Duration::from_millis(TYPING_PAUSE_MS),
        )
        .ok();
        pending.set_value(handle);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            // Enter right after typing searches what is typed, then goes to its first match.
            if query.get_untracked() != typed.get_untracked() {
                query.set(typed.get_untracked());
            }
            if answers
                .answered
                .with_untracked(|a| *a == query.get_untracked())
            {
                go_to(!ev.shift_key());
            } else {
                answers.step_when_answered.set_value(Some(!ev.shift_key()));
            }
        }
        "Escape" => {
            ev.prevent_default();
            open.set(false);
        }
        _ => {}
    };
    // Until the answer to what was asked has come (the first query fetches search itself).
    let status = move || {
        if answers.answered.get() != query.get() {
            return "Searching…".to_string();
        }
        results.with(|r| query.with(|q| status_line(q, r, at.get())))
    };
    let hits = move || hits_view(results, at, annotator);
    let close = move |_| open.set(false);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        // Asked for from the bar while the report was still being set out: the field is ready now.
        if is_open && was_open.is_none() {
            request_animation_frame(|| browser::focus_id(SEARCH_FIELD_ID));
        }
        if !is_open && was_open == Some(true) {
            request_animation_frame(|| {
                browser::mark_ranges("search-hit", &[]);
                browser::mark_ranges("search-current", &[]);
            });
        }
        is_open
    });

    move || {
        open.get().then(|| {
            view! {
                <section class="search-bar" role="search" aria-label="Search the report and your notes">
                    <div class="search-row">
                        <input id=SEARCH_FIELD_ID type="search" class="search-field" placeholder="Search the report and your notes"
                            aria-label="Search the report and your notes" aria-describedby="search-status" autocomplete="off"
                            prop:value=move || typed.get() on:input=on_input on:keydown=on_keydown />
                        <button type="button" class="text-button" aria-label="Previous match" on:click=move |_| go_to(false)>"Previous"</button>
                        <button type="button" class="text-button" aria-label="Next match" on:click=move |_| go_to(true)>"Next"</button>
                        <button type="button" class="text-button" aria-label="Close search" on:click=close>"Close"</button>
                    </div>
                    <p id="search-status" class="search-status" role="status" aria-live="polite">{status}</p>
                    <ol class="search-hits" aria-label="Matches">{hits}</ol>
                </section>
            }
        })
    }
}

/// Marks the matches in the text, the current one apart, once the page has caught up with any
/// change to it (a chunk of plain markup set out live).
fn mark_matches(results: RwSignal<Results>, at: RwSignal<Option<usize>>) {
    let page_text = use_context::<PageText>();
    Effect::new(move |_| {
        if let Some(PageText(changed)) = page_text {
            changed.track();
        }
        let ranges: Vec<ParagraphRange> = results.with(|r| {
            r.hits
                .iter()
                .filter(|h| h.note.is_none())
                .map(|h| (h.paragraph.clone(), h.start, h.end))
                .collect()
        });
        let current = at.get().and_then(|i| {
            results.with(|r| {
                r.hits
                    .get(i)
                    .filter(|h| h.note.is_none())
                    .map(|h| (h.paragraph.clone(), h.start, h.end))
            })
        });
        request_animation_frame(move || {
            browser::mark_ranges("search-hit", &ranges);
            browser::mark_ranges("search-current", &current.into_iter().collect::<Vec<_>>());
        });
    });
}

/// The list of matches: where each is (the paragraph, or a note on it) and its words in context.
fn hits_view(
    results: RwSignal<Results>,
    at: RwSignal<Option<usize>>,
    annotator: Annotator,
) -> impl IntoView {
    results.with(|r| {
        r.hits
            .iter()
            .enumerate()
            .map(|(i, hit)| {
                let name = annotator.paragraph_name(&hit.paragraph);
                let where_ = match hit.note {
                    Some(_) => format!("In your note on {name}"),
                    None => capitalised(&name),
                };
                let excerpt = hit.excerpt.clone();
                view! {
                    <li class="search-hit" class:is-current=move || at.get() == Some(i)>
                        <a href=format!("#{}", hit.paragraph) class="hit-link" aria-label=format!("Go to {name}: {where_}, “{}”", excerpt.matched)>
                            {where_.clone()}
                        </a>
                        <span class="hit-excerpt">{excerpt.before}<mark>{excerpt.matched.clone()}</mark>{excerpt.after}</span>
                    </li>
                }
            })
            .collect_view()
    })
}
