//! A private reader and annotator for formal reports.
//!
//! The pure core ([`report`], [`permalink`], [`annotations`], [`library`], [`exchange`],
//! [`search`], [`keyboard`], [`theme`], and [`publish`], the publishing step's) has no browser
//! dependency and is tested natively; [`ui`] is the Leptos app that wires it to the page, built for wasm32 only.

pub mod annotations;
pub mod citations;
pub mod exchange;
pub mod keeping;
pub mod keyboard;
pub mod library;
pub mod library_search;
pub mod notebook;
pub mod permalink;
pub mod publish;
pub mod report;
pub mod search;
pub mod theme;

#[cfg(target_arch = "wasm32")]
pub mod ui;
