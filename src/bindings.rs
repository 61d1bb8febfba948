//! The JS binding: `analyze(text, options?)` returning the Analysis with UTF-16 offsets.

use crate::engine::{analyze as run, model::Options, offsets, MAX_INPUT_BYTES};
use wasm_bindgen::prelude::*;

/// Analyzes `text`. `options` (optional): `{ articleDate?: "YYYY-MM-DD", entities?: bool,
/// quotes?: bool, topics?: bool }`. Offsets in the result are UTF-16 code units.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let opts: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let mut a = run(text, &opts);
    offsets::to_utf16(text, &mut a);
    serde_wasm_bindgen::to_value(&a).map_err(|e| JsError::new(&e.to_string()))
}

/// The largest input analyzed in full, in UTF-8 bytes.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}
