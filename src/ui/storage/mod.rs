//! The one module that touches localStorage (through gloo-storage). It reads and writes the
//! versioned documents of `annotations::codec`, one key per report plus one for settings, and
//! the library's index (report texts are in IndexedDB: [`super::text_store`]), and keeps its
//! promises:
//! - a value that cannot be read is copied aside, byte for byte, before anything replaces it;
//! - a save reads what is stored first and merges it in, so a write from another tab is never
//!   overwritten (read, merge, write, in one task);
//! - a save writes only what changed: large sets to a small journal beside the document, folded
//!   into it now and then, so one change costs the same among ten or ten thousand annotations;
//! - a full quota is reported as such, and nothing already stored is touched.

mod annotations;
mod library;
mod raw;
mod settings;

pub use annotations::*;
pub use library::*;
pub use raw::{annotations_key, announce_written, Load, SaveError, LIBRARY_KEY, SETTINGS_KEY};
pub(crate) use raw::{is_quota_exceeded, js_error_words};
pub use settings::*;
