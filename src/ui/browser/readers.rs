//! The PDF and Word readers: scripts fetched the first time a PDF or a .docx is opened
//! (`web/readers/`, through `web/on-demand.js`), and the document reader's worker behind them.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

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
