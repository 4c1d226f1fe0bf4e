//! Parts of the app fetched when first used. A function marked `#[lazy]` is cut out of the
//! app's main wasm by the build (scripts/build-wasm.mjs) with all the code only it reaches, and
//! fetched the first time it is called; a view made by one is set out once it has arrived.

use std::future::Future;

use leptos::prelude::*;

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
