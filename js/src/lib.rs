//! The npm package's wasm: re-exports the engine's JS binding (`analyze`, `maxInputBytes`).
#[cfg(target_arch = "wasm32")]
pub use article_analyzer::bindings::{analyze_js, max_input_bytes};
