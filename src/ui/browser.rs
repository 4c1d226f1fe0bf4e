//! The page's own browser APIs (address, history, clipboard, scrolling, focus), wrapped so that
//! components never call web_sys themselves.

pub use super::vocabulary::TextSelection;
use super::vocabulary::{Toast, Toasts, PARAGRAPH_TEXT_CLASS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
};

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

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

/// Puts text on the clipboard. Fails where the page may not write to it (an insecure origin, a
/// denied permission); the caller then shows the text for the reader to copy.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

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

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's UTF-8 encoder.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encode)]
    fn encode(this: &Utf8Encoder, text: &js_sys::JsString) -> Vec<u8>;
}

/// One of the page's strings as text. The browser's encoder turns it into UTF-8 and the bytes
/// are copied in at once: several times faster, for the megabytes of a report's thousands of
/// stored notes, than the glue's own conversion, which walks the string a character at a time
/// in script. Lone surrogates become U+FFFD, as they do there.
pub fn text_of(string: &js_sys::JsString) -> String {
    let bytes = Utf8Encoder::new().encode(string);
    String::from_utf8(bytes)
        .unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned())
}

/// A text's report hash (`library::content_hash`), worked out by the browser's own SHA-256 where
/// the page may use it (a secure context: https, or this machine): for a long report that is
/// many times faster than in wasm (10,000 paragraphs: 30 to 60 ms there). Elsewhere, in wasm.
pub async fn content_hash(text: &str) -> String {
    match browser_sha256(text.as_bytes()).await {
        Some(digest) => crate::library::hash_of_digest(&digest),
        None => crate::library::content_hash(text),
    }
}

async fn browser_sha256(bytes: &[u8]) -> Option<Vec<u8>> {
    let window = window();
    if !window.is_secure_context() {
        return None;
    }
    // The bytes are copied out of the app's memory when the call is made, before it returns.
    let digest = window
        .crypto()
        .ok()?
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", bytes)
        .ok()?;
    let buffer = JsFuture::from(digest).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What `web/route.js` fetched for this address before the app was running, taken once: the
/// manifest's text, and the response for the report a `?report=` link names.
async fn prefetched(url: &str) -> Option<JsValue> {
    let started =
        js_sys::Reflect::get(&window(), &JsValue::from_str("reportReaderPrefetch")).ok()?;
    let started: js_sys::Promise = started.dyn_into().ok()?;
    let requests: js_sys::Map = JsFuture::from(started).await.ok()?.dyn_into().ok()?;
    let key = JsValue::from_str(url);
    let request = requests.get(&key);
    requests.delete(&key);
    (!request.is_undefined()).then_some(request)
}

/// Requests a file published beside the app (relative to the page), or takes over the request
/// `web/route.js` started for it.
async fn response_for(url: &str, prefetched: Option<JsValue>) -> Result<web_sys::Response, String> {
    let request = match prefetched {
        Some(request) if !request.is_string() => js_sys::Promise::resolve(&request),
        _ => window().fetch_with_str(url),
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    Ok(response)
}

/// Fetches a file published beside the app (relative to the page), as text.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let fetched = prefetched(url).await;
    if let Some(text) = fetched.as_ref().and_then(JsValue::as_string) {
        return Ok(text);
    }
    let response = response_for(url, fetched).await?;
    let text = JsFuture::from(response.text().map_err(|_| "no body".to_string())?)
        .await
        .map_err(|_| "the body could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the body is not text".to_string())
}

/// Fetches a published text file as it arrives. Once `opening_bytes` of it are in, `opening` is
/// given the text so far (whole characters only) and, if it showed something, the browser paints
/// that before the rest is read. Decoded as `Response.text()` decodes: UTF-8 without its
/// byte-order mark, invalid bytes replaced.
pub async fn fetch_text_in_steps(
    url: &str,
    opening_bytes: usize,
    opening: impl FnOnce(&str) -> bool,
) -> Result<String, String> {
    let response = response_for(url, prefetched(url).await).await?;
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let unreadable = |_| "the body could not be read".to_string();
    // Sized once from the announced length: growing by doubling would leave the wasm memory (which
    // never shrinks) half as large again as the text.
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.parse::<usize>().ok());
    let mut bytes = Vec::with_capacity(announced.unwrap_or(0));
    let mut opening = Some(opening);
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(unreadable)?;
        if js_sys::Reflect::get(&step, &JsValue::from_str("done"))
            .map_err(unreadable)?
            .is_truthy()
        {
            break;
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &JsValue::from_str("value"))
            .map_err(unreadable)?
            .unchecked_into();
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
        if bytes.len() >= opening_bytes {
            if let Some(opening) = opening.take() {
                let so_far = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
                let whole = match std::str::from_utf8(so_far) {
                    Ok(text) => text,
                    Err(e) => std::str::from_utf8(&so_far[..e.valid_up_to()]).unwrap_or_default(),
                };
                if opening(whole) {
                    after_paint().await;
                }
            }
        }
    }
    Ok(crate::report::input::published_text(bytes))
}

/// The bytes of a file the reader chose or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser paint (a progress message) before a long piece of work.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
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

/// Offers text to the reader as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(document) = window().document() {
        if let Ok(link) = document.create_element("a") {
            let link: web_sys::HtmlAnchorElement = link.unchecked_into();
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
        }
    }
    // The browser may still be reading the file when `click` returns (some save nothing if its
    // address is revoked at once): it is let go a minute later.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        DOWNLOAD_KEPT_MS,
    );
}

/// How long a download's object URL is kept after the download starts.
const DOWNLOAD_KEPT_MS: i32 = 60_000;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/web/on-demand.js")]
extern "C" {
    /// Calls `name`, exported by the module at `path` (beside the page), fetched the first time.
    #[wasm_bindgen(js_name = callOnDemand, catch)]
    async fn call_on_demand(
        path: &str,
        name: &str,
        args: js_sys::Array,
    ) -> Result<JsValue, JsValue>;
}

/// The scripts that read PDFs and Word files (`web/readers/`), fetched when first used.
const READ_PDF: &str = "readers/read-pdf.js";
const DOCUMENT_READER: &str = "readers/document-reader.js";

/// A PDF's pages, as pdf.js reads them (JSON for [`lay_out_pdf`]); pdf.js is
/// fetched the first time. `on_page(n, total)` is told of each page as it is read; reading
/// stops when `cancelled()` says so; of a long PDF, `on_first_pages` is given its first pages
/// (the same JSON) as soon as they are read. An error gives the engine's name for it and its
/// message.
pub async fn read_pdf(
    bytes: &[u8],
    on_page: impl Fn(u32, u32) + 'static,
    cancelled: impl Fn() -> bool + 'static,
    on_first_pages: impl Fn(String) + 'static,
) -> Result<String, (String, String)> {
    let on_page = Closure::<dyn Fn(u32, u32)>::new(on_page);
    let cancelled = Closure::<dyn Fn() -> bool>::new(cancelled);
    let on_first_pages = Closure::<dyn Fn(String)>::new(on_first_pages);
    let args = js_sys::Array::of4(
        &js_sys::Uint8Array::from(bytes),
        on_page.as_ref(),
        cancelled.as_ref(),
        on_first_pages.as_ref(),
    );
    let result = call_on_demand(READ_PDF, "readPdf", args).await;
    match result {
        Ok(json) => Ok(json.as_string().unwrap_or_default()),
        Err(error) => {
            let field = |name: &str| {
                js_sys::Reflect::get(&error, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            };
            Err((field("name"), field("message")))
        }
    }
}

/// The text an answer of the document reader carries, or its reason in words.
fn document_text(answer: Result<JsValue, JsValue>) -> Result<String, String> {
    match answer {
        Ok(text) => Ok(text.as_string().unwrap_or_default()),
        Err(error) => Err(js_sys::Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "it could not be read".into())),
    }
}

/// A Word document's report text, read by the document reader's worker (fetched the first
/// time); an error says in words why it cannot be read.
pub async fn read_docx(bytes: &[u8]) -> Result<String, String> {
    document_text(
        call_on_demand(
            DOCUMENT_READER,
            "readDocx",
            js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
        )
        .await,
    )
}

/// A PDF's text, laid out from its pages' runs (as [`read_pdf`] gives them) by the document
/// reader's worker; a scanned PDF is refused in words.
pub async fn lay_out_pdf(pages_json: &str) -> Result<String, String> {
    document_text(
        call_on_demand(
            DOCUMENT_READER,
            "layOutPdf",
            js_sys::Array::of1(&JsValue::from_str(pages_json)),
        )
        .await,
    )
}

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

/// Puts text on the clipboard and says so in a toast; shows it for copying by hand if the
/// browser refuses.
pub fn copy_and_tell(toasts: Toasts, label: String, text: String) {
    leptos::task::spawn_local(async move {
        let shown = match copy_text(&text).await {
            Ok(()) => Toast::Copied { label, text },
            Err(()) => Toast::CopyBlocked { label, text },
        };
        toasts.show(shown, std::time::Duration::from_secs(4));
    });
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

/// Random bytes from the browser's cryptographic generator (`crypto.getRandomValues`), for
/// ids that must not collide between tabs and devices.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// Files carried by a drop, if any.
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    let Some(files) = event.data_transfer().and_then(|d| d.files()) else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Files chosen in a file input.
pub fn chosen_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files: Vec<web_sys::File> = input
        .files()
        .map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// Runs `work` and records how long it took as a performance measure named `name`, which the
/// benchmark (`bench/run.mjs`) reads.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let started = mark_start(name);
    let result = work();
    measure_since(name, started);
    result
}

/// [`timed`], for work that is awaited.
pub async fn timed_async<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    let started = mark_start(name);
    let result = work.await;
    measure_since(name, started);
    result
}

fn mark_start(name: &str) -> Option<(web_sys::Performance, String)> {
    let performance = window().performance()?;
    let start = format!("{name}:start");
    let _ = performance.mark(&start);
    Some((performance, start))
}

fn measure_since(name: &str, started: Option<(web_sys::Performance, String)>) {
    if let Some((performance, start)) = started {
        let _ = performance.measure_with_start_mark(name, &start);
    }
}

/// HTML read by the browser's own parser: a `DOMParser` document runs no script and loads
/// nothing. Its body, as the tokens `report::input` reads.
pub fn html_tokens(html: &str) -> Vec<crate::report::input::HtmlToken> {
    use crate::report::input::HtmlToken;
    fn walk(node: &web_sys::Node, out: &mut Vec<HtmlToken>) {
        match node.node_type() {
            web_sys::Node::TEXT_NODE => {
                out.push(HtmlToken::Text(node.node_value().unwrap_or_default()))
            }
            web_sys::Node::ELEMENT_NODE => {
                let element: &web_sys::Element = node.unchecked_ref();
                let name = element.local_name();
                out.push(HtmlToken::Start {
                    name: name.clone(),
                    start: element.get_attribute("start"),
                    self_closing: false,
                });
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
    let parsed = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(html, web_sys::SupportedType::TextHtml));
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
pub fn mark_ranges(name: &str, ranges: &[(String, usize, usize)]) {
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
