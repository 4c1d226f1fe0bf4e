//! What comes in: reports fetched (streamed, or taken from the pre-paint script's requests),
//! files chosen or dropped, HTML parsed by the browser's own parser, the page's strings as text.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::page::{after_paint, window};

/// Why a file published beside the app could not be fetched, in the reader's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer: offline, or the request was refused.
    Network,
    /// The server answered, but not with the file (404, 500, …).
    Status(u16),
    /// The answer's body could not be read as text.
    Unreadable,
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network => write!(f, "the network request failed"),
            FetchError::Status(404) => write!(f, "the server has no such file (404)"),
            FetchError::Status(status) => write!(f, "the server answered {status}"),
            FetchError::Unreadable => write!(f, "what the server sent could not be read"),
        }
    }
}

/// A file the reader chose that the browser could not read (moved, deleted, or unreadable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileUnreadable;

impl std::fmt::Display for FileUnreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the file could not be read")
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
async fn response_for(
    url: &str,
    prefetched: Option<JsValue>,
) -> Result<web_sys::Response, FetchError> {
    let request = match prefetched {
        Some(request) if !request.is_string() => js_sys::Promise::resolve(&request),
        _ => window().fetch_with_str(url),
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    Ok(response)
}

/// Fetches a file published beside the app (relative to the page), as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let fetched = prefetched(url).await;
    if let Some(text) = fetched.as_ref().and_then(JsValue::as_string) {
        return Ok(text);
    }
    let response = response_for(url, fetched).await?;
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Unreadable)?)
        .await
        .map_err(|_| FetchError::Unreadable)?;
    text.as_string().ok_or(FetchError::Unreadable)
}

/// Fetches a published text file as it arrives. Once `opening_bytes` of it are in, `opening` is
/// given the text so far (whole characters only) and, if it showed something (its answer), the
/// browser paints that before the rest is read. Decoded as `Response.text()` decodes: UTF-8 without its
/// byte-order mark, invalid bytes replaced.
pub async fn fetch_text_in_steps<Shown: std::future::Future<Output = bool>>(
    url: &str,
    opening_bytes: usize,
    opening: impl FnOnce(String) -> Shown,
) -> Result<String, FetchError> {
    let response = response_for(url, prefetched(url).await).await?;
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let unreadable = |_| FetchError::Unreadable;
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
                if opening(whole.to_string()).await {
                    after_paint().await;
                }
            }
        }
    }
    Ok(crate::report::input::published_text(bytes))
}

/// The bytes of a file the reader chose or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, FileUnreadable> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileUnreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
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
