//! Moving the reader: scrolling to an element and focusing it (smoothly, unless the reader asks
//! for reduced motion), the paragraph in view, and focus kept when elements are replaced.

use wasm_bindgen::JsCast;
use web_sys::{
    FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
};

use super::page::window;

/// Brings the element with this id to the top of the view and moves keyboard focus to it, so
/// that reading and tabbing go on from there. A long report is still being built when a link
/// to its end is opened: then this waits, frame by frame, for the element to be there.
pub fn reveal(id: &str) {
    reveal_within(id.to_string(), 600);
}

fn reveal_within(id: String, frames_left: u32) {
    let Some(element) = window().document().and_then(|d| d.get_element_by_id(&id)) else {
        if frames_left > 0 {
            leptos::prelude::request_animation_frame(move || reveal_within(id, frames_left - 1));
        }
        return;
    };
    scroll_and_focus(element, ScrollLogicalPosition::Start, ScrollBehavior::Auto);
}

/// Scrolls an element to `block` (instantly when the reader asked for reduced motion) and
/// focuses it without a second scroll.
fn scroll_and_focus(
    element: web_sys::Element,
    block: ScrollLogicalPosition,
    behaviour: ScrollBehavior,
) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_behavior(if prefers_reduced_motion() {
        ScrollBehavior::Instant
    } else {
        behaviour
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(element) = element.dyn_into::<HtmlElement>() {
        let focus = FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = element.focus_with_options(&focus);
    }
}

/// The paragraph an event happened in (a click, a focus), by its id.
pub fn paragraph_of(event: &web_sys::Event) -> Option<String> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let paragraph = element.closest(".para[id]").ok()??;
    Some(paragraph.id())
}

/// The paragraph at the top of the reading area, found by what is drawn there.
pub fn paragraph_in_view() -> Option<String> {
    let document = window().document()?;
    let report = document.query_selector(".report-body").ok()??;
    let rect = report.get_bounding_client_rect();
    let x = (rect.left() + rect.width() / 2.0) as f32;
    let height = window().inner_height().ok()?.as_f64()?;
    (0..12)
        .map(|step| (80.0 + step as f64 * height / 16.0) as f32)
        .find_map(|y| {
            let hit = document.element_from_point(x, y)?;
            hit.closest(".para[id]").ok().flatten().map(|p| p.id())
        })
}

/// Moves to a paragraph: scrolled into view only as far as needed, and focused.
pub fn go_to_paragraph(id: &str) {
    if let Some(element) = window().document().and_then(|d| d.get_element_by_id(id)) {
        scroll_and_focus(
            element,
            ScrollLogicalPosition::Nearest,
            ScrollBehavior::Smooth,
        );
    }
}

/// Scrolls an element to the middle of the view without taking the keyboard focus (the search
/// field keeps it, so `Enter` goes on to the next match).
pub fn show_centred(id: &str) {
    let Some(element) = window().document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The id of the element that has the keyboard focus, if it has one.
pub fn focused_id() -> Option<String> {
    let id = window().document()?.active_element()?.id();
    (!id.is_empty()).then_some(id)
}

/// Gives the keyboard focus back to the element with this id where it was lost (to the page's
/// body) because the element it was on was replaced; the view does not move.
pub fn refocus_id(id: &str) {
    let Some(document) = window().document() else {
        return;
    };
    let body: Option<web_sys::Element> = document.body().map(Into::into);
    if document
        .active_element()
        .is_some_and(|active| Some(active) != body)
    {
        return;
    }
    if let Some(element) = document
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// Moves the keyboard focus to the element with this id, once it is in the page.
pub fn focus_id(id: &str) {
    let id = id.to_string();
    leptos::prelude::request_animation_frame(move || {
        if let Some(element) = window()
            .document()
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Moves the keyboard focus to the next (or previous) element matching `selector` from the one
/// that has it, as the arrow keys move through a list; `false` if there is none to go to.
pub fn focus_next(selector: &str, forward: bool) -> bool {
    let Some(document) = window().document() else {
        return false;
    };
    let Ok(found) = document.query_selector_all(selector) else {
        return false;
    };
    let items: Vec<HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    let active = document.active_element();
    let at = items.iter().position(|item| {
        active
            .as_ref()
            .is_some_and(|a| a == item.as_ref() as &web_sys::Element)
    });
    let next = match (at, forward) {
        (Some(i), true) => i + 1,
        (Some(0), false) | (None, false) => return false,
        (Some(i), false) => i - 1,
        (None, true) => 0,
    };
    match items.get(next) {
        Some(item) => item.focus().is_ok(),
        None => false,
    }
}
