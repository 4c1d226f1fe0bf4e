//! The reader's text selection inside a paragraph, and the search's marks drawn over ranges of
//! paragraphs' text.

use wasm_bindgen::{JsCast, JsValue};

use super::page::window;
use crate::annotations::ParagraphRange;
use crate::ui::vocabulary::{TextSelection, PARAGRAPH_TEXT_CLASS};

/// Selects the whole text of the field an event came from, ready for the reader to copy.
pub fn select_field_text(event: &web_sys::Event) {
    if let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

fn element_of(node: &web_sys::Node) -> Option<web_sys::Element> {
    node.clone()
        .dyn_into::<web_sys::Element>()
        .ok()
        .or_else(|| node.parent_element())
}

/// The current selection, if it starts inside a paragraph's text. A selection that runs on into
/// the next paragraph is cut at the end of the first.
pub fn current_selection() -> Option<TextSelection> {
    let selection = window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start_node = range.start_container().ok()?;
    let text = element_of(&start_node)?
        .closest(&format!(".{PARAGRAPH_TEXT_CLASS}"))
        .ok()??;
    let paragraph = text.closest(".para").ok()??.id();
    let document = window().document()?;
    let before = document.create_range().ok()?;
    before.select_node_contents(&text).ok()?;
    let chars_before = |node: &web_sys::Node, offset: u32| -> Option<usize> {
        before.set_end(node, offset).ok()?;
        Some(String::from(before.to_string()).chars().count())
    };
    let start = chars_before(&start_node, range.start_offset().ok()?)?;
    let end_node = range.end_container().ok()?;
    let end = if text.contains(Some(&end_node)) {
        chars_before(&end_node, range.end_offset().ok()?)?
    } else {
        text.text_content().unwrap_or_default().chars().count()
    };
    let rect = range.get_bounding_client_rect();
    let (scroll_x, scroll_y) = (
        window().scroll_x().unwrap_or(0.0),
        window().scroll_y().unwrap_or(0.0),
    );
    (end > start).then(|| TextSelection {
        paragraph,
        start,
        end,
        top: rect.top() + scroll_y,
        left: rect.left() + rect.width() / 2.0 + scroll_x,
    })
}

/// Empties the page's text selection (once it has been turned into a highlight).
pub fn clear_selection() {
    if let Ok(Some(selection)) = window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
}

/// The DOM range of characters `start..end` of a paragraph's text.
fn text_range(
    document: &web_sys::Document,
    paragraph: &str,
    start: usize,
    end: usize,
) -> Option<web_sys::Range> {
    let text = document
        .get_element_by_id(paragraph)?
        .query_selector(&format!(":scope > .{PARAGRAPH_TEXT_CLASS}"))
        .ok()??;
    let walker = document
        .create_tree_walker_with_what_to_show(&text, 4 /* NodeFilter.SHOW_TEXT */)
        .ok()?;
    let range = document.create_range().ok()?;
    let (mut seen, mut started) = (0usize, false);
    while let Some(node) = walker.next_node().ok()? {
        let data = node.node_value().unwrap_or_default();
        let length = data.chars().count();
        // DOM offsets count UTF-16 units; the search counts characters.
        let utf16_at =
            |chars: usize| data.chars().take(chars).map(char::len_utf16).sum::<usize>() as u32;
        if !started && start < seen + length {
            range.set_start(&node, utf16_at(start - seen)).ok()?;
            started = true;
        }
        if started && end <= seen + length {
            range.set_end(&node, utf16_at(end - seen)).ok()?;
            return Some(range);
        }
        seen += length;
    }
    None
}

/// Marks text ranges with the CSS Custom Highlight API (`::highlight(name)` in the style sheet):
/// nothing in the page's markup changes, so marking thousands of matches costs no re-render.
/// `ranges`: paragraph id and character range. Without the API, nothing is marked.
pub fn mark_ranges(name: &str, ranges: &[ParagraphRange]) {
    let get = |target: &JsValue, key: &str| {
        js_sys::Reflect::get(target, &key.into())
            .ok()
            .filter(|v| !v.is_undefined())
    };
    let (Some(css), Some(document)) = (get(&window(), "CSS"), window().document()) else {
        return;
    };
    let (Some(registry), Some(constructor)) =
        (get(&css, "highlights"), get(&window(), "Highlight"))
    else {
        return;
    };
    let Ok(constructor) = constructor.dyn_into::<js_sys::Function>() else {
        return;
    };
    let list = js_sys::Array::new();
    for (paragraph, start, end) in ranges {
        if let Some(range) = text_range(&document, paragraph, *start, *end) {
            list.push(&range);
        }
    }
    let method =
        |name: &str| get(&registry, name).and_then(|m| m.dyn_into::<js_sys::Function>().ok());
    if list.length() == 0 {
        if let Some(delete) = method("delete") {
            let _ = delete.call1(&registry, &name.into());
        }
    } else if let (Ok(highlight), Some(set)) = (
        js_sys::Reflect::construct(&constructor, &list),
        method("set"),
    ) {
        let _ = set.call2(&registry, &name.into(), &highlight);
    }
}
