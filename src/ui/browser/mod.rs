//! The page's own browser APIs, wrapped so that components never call `web_sys` themselves:
//! this module and its parts, one concern each, are the only users of `web_sys` in the UI
//! (with `storage` and `text_store` for localStorage and IndexedDB).

mod clipboard;
mod crypto;
mod fetch;
mod focus;
mod page;
mod readers;
mod selection;
mod system;
mod timing;

pub use clipboard::*;
pub use crypto::*;
pub use fetch::*;
pub use focus::*;
pub use page::*;
pub use readers::*;
pub use selection::*;
pub use system::*;
pub use timing::*;

/// A file the reader chose, dropped or had the system open.
pub use web_sys::File;
