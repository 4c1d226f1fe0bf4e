//! The page's own browser APIs (address, history, clipboard, scrolling, focus), wrapped so that
//! components never call web_sys themselves.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// The fragment of the page's address, with its `#`. Chromium hides a text directive
/// (`:~:text=…`) from `location.hash`; the Navigation API's current entry keeps it.
pub fn fragment() -> String {
    let hash = window().location().hash().unwrap_or_default();
    let get = |target: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null());
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

/// Text the reader has selected inside one paragraph: characters `start..end` of its plain text,
/// and where in the page the selection is (to place the highlight buttons above it).
#[derive(Debug, Clone, PartialEq)]
pub struct TextSelection {
    pub paragraph: String,
    pub start: usize,
    pub end: usize,
    pub top: f64,
    pub left: f64,
}

fn element_of(node: &web_sys::Node) -> Option<web_sys::Element> {
    node.clone().dyn_into::<web_sys::Element>().ok().or_else(|| node.parent_element())
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
    let text = element_of(&start_node)?.closest(".para-text").ok()??;
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
    let (scroll_x, scroll_y) = (window().scroll_x().unwrap_or(0.0), window().scroll_y().unwrap_or(0.0));
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

/// Wide enough to show the notes panel beside the report.
pub fn is_wide_screen() -> bool {
    window().match_media("(min-width: 72rem)").ok().flatten().is_some_and(|q| q.matches())
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
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Fetches a file published beside the app (relative to the page), as text.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = JsFuture::from(window().fetch_with_str(url)).await.map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body".to_string())?).await.map_err(|_| "the body could not be read".to_string())?;
    text.as_string().ok_or_else(|| "the body is not text".to_string())
}

/// The bytes of a file the reader chose or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser paint (a progress message) before a long piece of work.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
    });
    let _ = JsFuture::from(promise).await;
}

/// Offers text to the reader as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(document) = window().document() {
        if let Ok(link) = document.create_element("a") {
            let link: web_sys::HtmlAnchorElement = link.unchecked_into();
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Files carried by a drop, if any.
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    let Some(files) = event.data_transfer().and_then(|d| d.files()) else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Files chosen in a file input.
pub fn chosen_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return Vec::new() };
    let files: Vec<web_sys::File> = input.files().map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect()).unwrap_or_default();
    input.set_value("");
    files
}

/// Runs `work` and records how long it took as a performance measure named `name`, which the
/// benchmark (`bench/run.mjs`) reads.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = window().performance();
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    result
}

/// HTML read by the browser's own parser: a `DOMParser` document runs no script and loads
/// nothing. Its body, as the tokens `report::input` reads.
pub fn html_tokens(html: &str) -> Vec<crate::report::input::HtmlToken> {
    use crate::report::input::HtmlToken;
    fn walk(node: &web_sys::Node, out: &mut Vec<HtmlToken>) {
        match node.node_type() {
            web_sys::Node::TEXT_NODE => out.push(HtmlToken::Text(node.node_value().unwrap_or_default())),
            web_sys::Node::ELEMENT_NODE => {
                let element: &web_sys::Element = node.unchecked_ref();
                let name = element.local_name();
                out.push(HtmlToken::Start { name: name.clone(), start: element.get_attribute("start"), self_closing: false });
                let children = node.child_nodes();
                for i in 0..children.length() {
                    if let Some(child) = children.item(i) {
                        walk(&child, out);
                    }
                }
                out.push(HtmlToken::End { name });
            }
            _ => {}
        }
    }
    let mut tokens = Vec::new();
    let parsed = web_sys::DomParser::new().and_then(|p| p.parse_from_string(html, web_sys::SupportedType::TextHtml));
    if let Some(body) = parsed.ok().and_then(|d| d.body()) {
        walk(&body, &mut tokens);
    }
    tokens
}

/// Registers the offline worker (`sw.js`, written by the build) where the browser has service
/// workers; without one, or if it fails, the app simply needs the network, as before.
pub async fn register_offline_worker() {
    let navigator = window().navigator();
    let has_workers = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_workers || !window().location().protocol().is_ok_and(|p| p.starts_with("http")) {
        return;
    }
    let _ = JsFuture::from(navigator.service_worker().register("./sw.js")).await;
}
