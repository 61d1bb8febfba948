//! The JS binding: `analyze(text, options?)` returning the Analysis with UTF-16 offsets.
//!
//! The TypeScript types below are written by hand to match `engine::model` (the generated ones would
//! say `any`); `tests/npm/package.test.mjs` checks real output against the JSON Schema of the same
//! types.

use crate::engine::{analyze as run, model::Options, MAX_INPUT_BYTES};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Entity types. */
export type Label = "PER" | "ORG" | "LOC" | "MISC" | "DATE" | "TIME" | "MONEY" | "PERCENT";
/** A stretch of the input; offsets are UTF-16 code units, end exclusive: `text.slice(start, end)`. */
export interface Span { start: number; end: number; text: string; }
/** One place where an entity is mentioned. */
export interface Mention extends Span {
  kind: "name" | "nominal" | "pronoun";
  /** The rule or model decision that produced it. */
  rule: string;
  /** 0..1 */
  confidence: number;
}
/** A thing the article talks about, aliases merged. */
export interface Entity {
  /** `e0`, `e1`, … in order of first mention. */
  id: string;
  /** The longest name form the text uses. */
  name: string;
  label: Label;
  /** 0..1; the list is sorted by it. */
  salience: number;
  mentions: Mention[];
  /** Normalized date/time/amount, e.g. "2021-01-26", "2021-01-18/2021-01-24", "USD 5000000". */
  value?: string;
}
/** Who said a quote. */
export interface Speaker { entity?: string; name: string; mention?: Span; }
/** A quotation (span includes its quote marks; for `indirect`, the reported content). */
export interface Quote extends Span {
  kind: "direct" | "partial" | "indirect" | "term";
  speaker?: Speaker;
  cue?: Span;
  /** The attribution rule that fired. */
  rule: string;
  /** 0..1 */
  confidence: number;
  unclosed?: boolean;
}
export interface Keyphrase { text: string; score: number; mentions: Span[]; entity?: string; }
/** An IPTC Media Topic. */
export interface Category { code: string; label: string; score: number; parent?: string; evidence?: string[]; }
export interface Meta {
  chars: number; words: number; sentences: number; paragraphs: number; reading_minutes: number;
  /** The article's own date, YYYY-MM-DD. */
  article_date?: string;
  article_date_source?: string;
  language: string;
  /** Input over the size limit was cut. */
  truncated?: boolean;
}
export interface Analysis {
  meta: Meta;
  entities: Entity[];
  quotes: Quote[];
  topics: { keyphrases: Keyphrase[]; categories: Category[] };
}
export interface AnalyzeOptions {
  /** The article's date (YYYY-MM-DD) when the text states none; drives date normalization. */
  articleDate?: string;
  /** Stages to run (default all true). */
  entities?: boolean;
  quotes?: boolean;
  topics?: boolean;
}
"#;

// Builds the result object in JS from typed arrays and one string table (`crate::jsform`): faster
// than setting each field across the boundary, and than writing and parsing JSON.
#[cfg(feature = "js-api")]
#[wasm_bindgen(module = "/src/build-analysis.js")]
extern "C" {
    #[wasm_bindgen(js_name = buildAnalysis)]
    fn build_analysis(
        text: &js_sys::JsString,
        words: &[u32],
        nums: &[f64],
        table: &str,
        ends: &[u32],
    ) -> JsValue;
}

/// Analyzes `text`. Offsets in the result are UTF-16 code units. The result equals
/// `JSON.parse` of the engine's JSON (`Analysis::to_json`) with its offsets made UTF-16. (Only
/// with the `js-api` feature: the npm package's.)
#[cfg(feature = "js-api")]
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &js_sys::JsString,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let s = text
        .as_string()
        .ok_or_else(|| JsError::new("text: expected a string"))?;
    let opts = options_from_js(&options.unwrap_or(JsValue::UNDEFINED))
        .map_err(|e| JsError::new(&format!("bad options: {e}")))?;
    let a = run(&s, &opts);
    let f = crate::jsform::encode(&s, &a);
    Ok(build_analysis(text, &f.words, &f.nums, &f.table, &f.ends))
}

/// Reads [`Options`] from a JS value: `undefined` or `null` give the defaults, a missing key its
/// default, unknown keys are ignored, a known key of the wrong type is an error. (Read field by
/// field rather than through serde: the page's wasm then holds no JSON deserializer at all.)
pub fn options_from_js(v: &JsValue) -> Result<Options, String> {
    let mut o = Options::default();
    if v.is_undefined() || v.is_null() {
        return Ok(o);
    }
    if !v.is_object() {
        return Err("not an object".into());
    }
    let get = |k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::NULL);
    let date = get("articleDate");
    if !date.is_undefined() && !date.is_null() {
        o.article_date = Some(
            date.as_string()
                .ok_or("articleDate: expected a string (YYYY-MM-DD)")?,
        );
    }
    for (key, slot) in [
        ("entities", &mut o.entities),
        ("quotes", &mut o.quotes),
        ("topics", &mut o.topics),
    ] {
        let x = get(key);
        if !x.is_undefined() {
            *slot = x
                .as_bool()
                .ok_or_else(|| format!("{key}: expected true or false"))?;
        }
    }
    Ok(o)
}

/// [`options_from_js`] of a JSON text (`""`: the defaults).
pub fn options_from_json(json: &str) -> Result<Options, String> {
    if json.trim().is_empty() {
        return Ok(Options::default());
    }
    let v = js_sys::JSON::parse(json).map_err(|_| "not JSON".to_string())?;
    options_from_js(&v)
}

/// The largest input analyzed in full, in UTF-8 bytes; longer input is cut and
/// `meta.truncated` is set.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}

/// Internal to the page (its analysis worker, `src/ui/worker.js`), not part of the npm package:
/// analyzes `text` (UTF-8 bytes, a `Uint8Array`) with `options_json` (the [`Options`] as JSON, `""`
/// for the defaults) and returns the Analysis in the binary form of [`crate::wire`] (a
/// `Uint8Array`) with **UTF-8 byte** offsets, for the page to decode. Bytes both ways, not strings:
/// the buffers move between page and worker without a copy, and neither side converts megabytes
/// between UTF-8 and UTF-16.
#[cfg(feature = "ui")]
#[wasm_bindgen(js_name = analyzeWire, skip_typescript)]
pub fn analyze_wire(text: &[u8], options_json: &str) -> Result<Vec<u8>, JsError> {
    let text = std::str::from_utf8(text).map_err(|e| JsError::new(&format!("bad text: {e}")))?;
    let opts =
        options_from_json(options_json).map_err(|e| JsError::new(&format!("bad options: {e}")))?;
    Ok(crate::wire::encode(&run(text, &opts)))
}
