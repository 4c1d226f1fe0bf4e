//! The page's own browser APIs (address, history, clipboard, scrolling, focus), wrapped so that
//! components never call web_sys themselves.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// The fragment of the page's address, with its `#`, as the browser reports it.
pub fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page's full address, which permalinks are made from.
pub fn page_url() -> String {
    window().location().href().unwrap_or_default()
}

pub fn set_title(title: &str) {
    if let Some(document) = window().document() {
        document.set_title(title);
    }
}

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Brings the element with this id to the top of the view and moves keyboard focus to it, so
/// that reading and tabbing go on from there.
pub fn reveal(id: &str) {
    let Some(element) = window().document().and_then(|d| d.get_element_by_id(id)) else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(if prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Auto });
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(element) = element.dyn_into::<HtmlElement>() {
        let focus = FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = element.focus_with_options(&focus);
    }
}

/// Puts text on the clipboard. Fails where the page may not write to it (an insecure origin, a
/// denied permission); the caller then shows the text for the reader to copy.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ()).map_err(|_| ())
}

/// Selects the whole text of the field an event came from, ready for the reader to copy.
pub fn select_field_text(event: &web_sys::Event) {
    if let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.select();
    }
}
