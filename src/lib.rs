//! # article-analyzer
//!
//! Finds the entities, quotations (with their speakers) and topics of a news article, entirely
//! on the reader's machine. The engine ([`engine`]) is pure Rust with no web types; the Leptos page
//! (`ui`) and the JS binding (`bindings`) are thin layers compiled only for `wasm32`.
//!
//! ```
//! let a = article_analyzer::analyze("“We won,” Jane Smith said in London.", &Default::default());
//! assert_eq!(a.quotes.len(), 1);
//! ```

pub use article_analyzer_engine as engine;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
pub mod pretty;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
pub mod wire;

pub use engine::model::*;
pub use engine::{analyze, MAX_INPUT_BYTES};
