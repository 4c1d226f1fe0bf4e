//! The browser's SHA-256 and its random numbers.

use wasm_bindgen_futures::JsFuture;

use super::page::window;

/// A text's report hash (`library::content_hash`), worked out by the browser's own SHA-256 where
/// the page may use it (a secure context: https, or this machine): for a long report that is
/// many times faster than in wasm. Where it may not, in wasm.
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

/// Random bytes from the browser's cryptographic generator (`crypto.getRandomValues`), for
/// ids that must not collide between tabs and devices.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}
