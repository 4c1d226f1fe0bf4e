//! The web worker that reads documents for the app (`web/document-reader.js` starts it). Each
//! message asks for one thing: `{docx: bytes}` (a Word file) or `{pdfPages: json}` (a PDF's
//! text runs, as pdf.js read them, to lay out); each answer is `{text}` or `{problem}` in the
//! reader's words. It says `{ready: true}` once it can take messages.

/// The text a request asks for, or why there is none.
fn answer(docx: Option<Vec<u8>>, pdf_pages: Option<String>) -> Result<String, String> {
    match (docx, pdf_pages) {
        (Some(bytes), _) => document_reader::docx::text_of_docx(&bytes).map_err(|p| p.to_string()),
        (None, Some(json)) => {
            document_reader::layout::text_of_pdf(&json).map_err(|p| p.to_string())
        }
        (None, None) => Err("nothing was asked of the document reader".into()),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let reply = move |key: &str, value: &str| {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &JsValue::from_str(value));
        let _ = reply_to.post_message(&message);
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(name))
                    .ok()
                    .filter(|v| !v.is_undefined())
            };
            let docx = field("docx").map(|bytes| js_sys::Uint8Array::new(&bytes).to_vec());
            let pdf_pages = field("pdfPages").and_then(|json| json.as_string());
            match answer(docx, pdf_pages) {
                Ok(text) => reply("text", &text),
                Err(problem) => reply("problem", &problem),
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &JsValue::from_str("ready"), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

/// Natively, a file's text on standard output, for looking at what the reader makes of it:
/// `cargo run -p document-reader -- FILE.docx`, or `-- RUNS.json` for a PDF's runs as
/// `tests/fixtures/corpus/capture-runs.mjs` writes them.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("a .docx file, or a PDF's runs as JSON");
    let bytes = std::fs::read(&path).expect("the file can be read");
    let result = if path.ends_with(".json") {
        answer(None, Some(String::from_utf8_lossy(&bytes).into_owned()))
    } else {
        answer(Some(bytes), None)
    };
    match result {
        Ok(text) => print!("{text}"),
        Err(problem) => {
            eprintln!("{problem}");
            std::process::exit(1);
        }
    }
}
