//! What reads the documents people have into the text the reader parses: Word files (.docx)
//! and the positioned text runs of a PDF's pages (which pdf.js reads). Plain Rust, tested
//! natively; the app runs it in a web worker of its own (`src/bin/document-reader.rs`), fetched
//! the first time a PDF or a .docx is opened, so that none of it is in the app's first load.

pub mod docx;
pub mod layout;
