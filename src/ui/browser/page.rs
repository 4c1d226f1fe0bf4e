//! The page itself: its address and title, the theme attribute, printing, frames and paints,
//! the offline worker, and what an event says of where it happened.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

/// The fragment of the page's address, with its `#`. Chromium hides a text directive
/// (`:~:text=…`) from `location.hash`; the Navigation API's current entry keeps it.
pub fn fragment() -> String {
    let hash = window().location().hash().unwrap_or_default();
    let get = |target: &JsValue, key: &str| {
        js_sys::Reflect::get(target, &key.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let full = get(&window(), "navigation")
        .and_then(|n| get(&n, "currentEntry"))
        .and_then(|e| get(&e, "url"))
        .and_then(|u| u.as_string())
        .and_then(|url| url.split_once('#').map(|(_, f)| format!("#{f}")));
    match full {
        Some(full) if !hash.is_empty() && full.starts_with(&hash) => full,
        _ => hash,
    }
}

/// The page's full address, which permalinks are made from.
pub fn page_url() -> String {
    window().location().href().unwrap_or_default()
}

/// The app's own address, without query or fragment: what links that leave the app (in an
/// export) begin with.
pub fn app_url() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// A day as the reader's browser writes it short ("8 Dec 2026").
pub fn short_date(millis: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(millis as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "short"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(date.to_locale_date_string("en-GB", &options))
}

/// Milliseconds since 1970 of a date field's value ("2026-12-08"), at its start or its end;
/// `None` for an empty or unreadable value.
pub fn date_field_millis(value: &str, end_of_day: bool) -> Option<i64> {
    let millis = js_sys::Date::parse(&format!("{value}T00:00:00"));
    (!millis.is_nan()).then(|| millis as i64 + if end_of_day { 86_400_000 - 1 } else { 0 })
}

pub fn set_title(title: &str) {
    if let Some(document) = window().document() {
        document.set_title(title);
    }
}

/// Wide enough to show the notes panel beside the report.
pub fn is_wide_screen() -> bool {
    window()
        .match_media("(min-width: 72rem)")
        .ok()
        .flatten()
        .is_some_and(|q| q.matches())
}

/// The query string of the page's address (`?report=…`).
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// Puts a new query string in the address bar without reloading, dropping the fragment.
pub fn show_query(query: &str) {
    let path = window().location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Lets the browser paint (a progress message) before a long piece of work.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
    });
    let _ = JsFuture::from(promise).await;
}

/// Lets the page answer (a key, a click, a paint) between two pieces of background work,
/// without waiting for a frame as [`next_frame`] does.
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves once the browser has painted what is in the page: a timeout queued from a frame's
/// callback runs after that frame is painted. A hidden tab paints no frames, so it waits at most
/// a tenth of a second.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let painted = resolve.clone();
        leptos::prelude::request_animation_frame(move || {
            let _ = window().set_timeout_with_callback(&painted);
        });
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = JsFuture::from(promise).await;
}

/// The value of the control named `name` in the form an event was submitted from ("" if none).
pub fn form_value(event: &web_sys::Event, name: &str) -> String {
    let form = event
        .target()
        .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
    form.and_then(|f| f.elements().named_item(name))
        .and_then(|control| js_sys::Reflect::get(&control, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// Registers the offline worker (`sw.js`, written by the build) where the browser has service
/// workers; without one, or if it fails, the app simply needs the network, as before.
pub async fn register_offline_worker() {
    let navigator = window().navigator();
    let has_workers = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_workers
        || !window()
            .location()
            .protocol()
            .is_ok_and(|p| p.starts_with("http"))
    {
        return;
    }
    let _ = JsFuture::from(navigator.service_worker().register("./sw.js")).await;
}

/// Whether a key event comes from a place where keys are text (a field, an editable element).
pub fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(
        element.local_name().as_str(),
        "input" | "textarea" | "select"
    ) || element
        .dyn_ref::<HtmlElement>()
        .is_some_and(|e| e.is_content_editable())
}

/// Whether a key event comes from inside an open dialog (the help), which handles its own keys.
pub fn in_dialog(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| {
            e.closest("[role=dialog], [role=alertdialog]")
                .ok()
                .flatten()
        })
        .is_some()
}

/// Whether an event happened on the element that listens, not on something inside it (a click
/// on an overlay's backdrop rather than on its dialog).
pub fn is_event_on_itself(event: &web_sys::Event) -> bool {
    match (event.target(), event.current_target()) {
        (Some(target), Some(current)) => target == current,
        _ => false,
    }
}

/// Sets the page's colour theme (`data-theme` on the root element); `None` follows the system.
pub fn set_theme_attribute(theme: Option<&str>) {
    let Some(root) = window().document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match theme {
        Some(theme) => root.set_attribute("data-theme", theme),
        None => root.remove_attribute("data-theme"),
    };
}

/// Calls `changed(true)` when the page starts being printed and `changed(false)` after, for as
/// long as the calling view lives. Both the print events and the print media query are heard,
/// so that printing to PDF and print emulation are seen too.
pub fn on_print(changed: impl Fn(bool) + Clone + 'static) {
    use leptos::prelude::{on_cleanup, window_event_listener};
    let before = {
        let changed = changed.clone();
        window_event_listener(leptos::ev::beforeprint, move |_| changed(true))
    };
    let after = {
        let changed = changed.clone();
        window_event_listener(leptos::ev::afterprint, move |_| changed(false))
    };
    let query = window().match_media("print").ok().flatten();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |event: web_sys::MediaQueryListEvent| changed(event.matches()),
    );
    if let Some(query) = &query {
        let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    }
    let listener = send_wrapper::SendWrapper::new((query, listener));
    on_cleanup(move || {
        before.remove();
        after.remove();
        let (query, listener) = listener.take();
        if let Some(query) = query {
            let _ = query
                .remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        }
    });
}

/// Whether this browser tells elements with `content-visibility: auto` when they start or stop
/// being skipped (the `contentvisibilityautostatechange` event).
pub fn tells_visibility_changes() -> bool {
    js_sys::Reflect::has(&window(), &"oncontentvisibilityautostatechange".into()).unwrap_or(false)
}

/// For a `contentvisibilityautostatechange` event: whether the element is now skipped (far off
/// screen) rather than relevant to the reader.
pub fn was_skipped(event: &web_sys::Event) -> bool {
    js_sys::Reflect::get(event, &"skipped".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The app takes over the page: the static copy of the report the page was served with goes (the
/// app's own view replaces it in the same task, so nothing flickers), and the page is marked as
/// running the app. Returns the first screen of a published report the page was showing
/// (`web/route.js`), as the report's id and its markup, for the app to keep on screen.
pub fn take_over_page() -> Option<(String, String)> {
    let document = window().document()?;
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "running");
    }
    let copy = document.get_element_by_id("prerendered")?;
    let shown = copy.get_attribute("data-first-screen").zip(
        copy.query_selector("main")
            .ok()
            .flatten()
            .map(|main| main.inner_html()),
    );
    copy.remove();
    shown
}

/// The page's window, which every part of this module starts from.
pub(super) fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}
