//! One binary, two faces: natively the `article-analyzer` command-line tool; built for wasm32 by
//! Trunk, the web page.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
fn main() {
    console_error_panic_hook::set_once();
    // The same wasm also runs in the page's analysis worker (src/ui/worker.js), which has no
    // `window` and only calls the `analyzeWire` export: mount nothing there.
    if web_sys::window().is_none() {
        return;
    }
    article_analyzer::ui::mount();
}

/// Without the `ui` feature the wasm build is the bare engine (see js/ for the npm package).
#[cfg(all(target_arch = "wasm32", not(feature = "ui")))]
fn main() {}
