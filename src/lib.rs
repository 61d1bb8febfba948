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
pub mod jsform;
pub mod pretty;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
pub mod wire;

pub use engine::model::*;
pub use engine::{analyze, MAX_INPUT_BYTES};

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod heap;

/// The wasm heap: size classes over Talc (`heap`); Talc instead of the standard library's
/// dlmalloc is ≈ 7 KB gzip smaller in the page (the page and the npm package are single-threaded).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: heap::Heap = heap::Heap::new();

/// Natively, keeps the memory one document freed for the next (the CLI and the benchmarks call
/// this first). glibc's malloc otherwise maps each large buffer afresh and trims the heap after a
/// large document, so the next one faults all its pages in again: ≈ 3,300 page faults and
/// ≈ 10 % of the time of each 1 MB analysis. The page (wasm) never returns memory anyway.
#[cfg(not(target_arch = "wasm32"))]
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets two of the allocator's tuning parameters (32 MB is glibc's
    // largest mmap threshold); it is called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
    }
}
