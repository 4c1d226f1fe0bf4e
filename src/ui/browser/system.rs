//! Files that come from the system: opened with the installed reader (`launchQueue`), or shared
//! to it from another app (the share target); and whether the app's own parts can be fetched.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen::prelude::wasm_bindgen(module = "/web/launch.js")]
extern "C" {
    #[wasm_bindgen(js_name = onLaunchedFiles)]
    fn on_launched_files_js(open: &js_sys::Function);
    #[wasm_bindgen(js_name = takeShared, catch)]
    async fn take_shared_js() -> Result<JsValue, JsValue>;
}

/// Calls `open` with each file the system asks the installed reader to open (its file
/// handlers, through `launchQueue`); nothing where the browser has no such thing.
pub fn on_launched_files(open: impl Fn(web_sys::File) + 'static) {
    let open = Closure::<dyn Fn(web_sys::File)>::new(open);
    on_launched_files_js(open.as_ref().unchecked_ref());
    // The page's own: launches may come at any time while it is open.
    open.forget();
}

/// What another app shared to the reader.
pub enum Shared {
    File(web_sys::File),
    /// Only a web address came.
    Link(String),
}

/// What another app shared to the reader (kept by the offline worker), taken once.
pub async fn take_shared() -> Option<Shared> {
    let shared = take_shared_js().await.ok().filter(|v| !v.is_undefined())?;
    let field = |name: &str| {
        js_sys::Reflect::get(&shared, &name.into())
            .ok()
            .filter(|v| !v.is_undefined())
    };
    match (field("file"), field("link")) {
        (Some(file), _) => file.dyn_into::<web_sys::File>().ok().map(Shared::File),
        (None, Some(link)) => link.as_string().map(Shared::Link),
        _ => None,
    }
}

/// Tells `told(false)` each time a part of the app fetched on first use could not be fetched (its
/// loader, written by scripts/build-wasm.mjs, tries again when the browser is back online), and
/// `told(true)` when one has arrived after all.
pub fn on_part_availability(told: impl Fn(bool) + Clone + 'static) {
    let arrived = told.clone();
    // The page's own, for as long as it is open.
    let _ = leptos::prelude::window_event_listener_untyped(
        "report-reader:part-unavailable",
        move |_| told(false),
    );
    let _ =
        leptos::prelude::window_event_listener_untyped("report-reader:part-arrived", move |_| {
            arrived(true)
        });
}

/// When this browser may delete what the site keeps, by its engine and whether the reader runs
/// as an app of its own (added to the Dock or the Home Screen: `display-mode: standalone`, or
/// Safari's `navigator.standalone`).
pub fn storage_eviction() -> crate::keeping::Eviction {
    let window = web_sys::window().expect("a window");
    let user_agent = window.navigator().user_agent().unwrap_or_default();
    let standalone = ["(display-mode: standalone)", "(display-mode: fullscreen)"]
        .iter()
        .any(|query| {
            window
                .match_media(query)
                .ok()
                .flatten()
                .is_some_and(|q| q.matches())
        });
    let ios_standalone = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    crate::keeping::Eviction::of(&user_agent, standalone || ios_standalone)
}
