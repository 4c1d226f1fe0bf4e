//! Parts of the app fetched when first used. A function marked
//! `#[cfg_attr(feature = "split", lazy)]` is cut out of the app's main wasm by the build
//! (scripts/build-wasm.mjs, with the `split` feature) with all the code only it reaches, and
//! fetched the first time it is called; without the feature (tests, lints) it is a plain async
//! function. A view made by one is set out once it has arrived.

use std::future::Future;

use leptos::prelude::*;

use super::browser;
use crate::report::{html, note_blocks, parse, Report, RichText};

/// Sets out the view `make` gives the first time `wanted` holds, and keeps it from then on (it
/// hides itself as it likes): so a part is fetched only by a reader who uses it, and what it
/// holds (a query typed, a file being read) lives on when it is closed.
pub fn when_first_wanted<Made>(
    wanted: impl Fn() -> bool + Send + Sync + 'static,
    make: impl Fn() -> Made + Send + Sync + 'static,
) -> impl IntoView
where
    Made: Future<Output = AnyView> + Send + 'static,
{
    let asked =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || wanted());
    move || asked.get().then(|| Suspend::new(make()))
}

/// A report's text parsed. In a part of the app of its own, with the parser and the Markdown
/// reader under it: the default report is bundled parsed ([`crate::report::default_report`]), so
/// a reader of it fetches this only to open another report or to read a note.
#[cfg_attr(feature = "split", lazy)]
pub async fn parse_report(text: String) -> Report {
    browser::timed("report:parse", || parse(&text))
}

/// A note's text read as blocks of styled lines (its Markdown), in the parser's part.
#[cfg_attr(feature = "split", lazy)]
pub async fn read_note(text: String) -> Vec<Vec<RichText>> {
    note_blocks(&text)
}

/// The first screen of a long report, from its opening parsed (see [`html::first_screen`]).
pub async fn first_screen_of(text: &str) -> Option<Report> {
    let opening = html::long_opening(text)?.to_string();
    html::first_screen_from(parse_report(opening).await)
}
