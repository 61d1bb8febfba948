//! Share links: the text, deflated by the browser's own `CompressionStream` (no compressor in the
//! wasm) and base64url-encoded, travels in the URL *fragment*, which browsers never send to a server.

use super::state::AppState;
use js_sys::{Array, Uint8Array};
use leptos::prelude::Set;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableWritablePair, Response, WritableStream};

/// Longest fragment a share link may carry (characters). Links much longer than this get cut by
/// chat apps and mail clients.
pub const MAX_FRAGMENT: usize = 8_000;

// `CompressionStream` is still behind web-sys's unstable flag; these two bindings are all we need.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type JsCompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<JsCompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &JsCompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &JsCompressionStream) -> WritableStream;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type JsDecompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<JsDecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &JsDecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &JsDecompressionStream) -> WritableStream;
}

/// Raw-deflates (`compress`) or inflates `bytes` with the browser's stream API.
pub async fn deflate(bytes: &[u8], compress: bool) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts)?;
    let pair = if compress {
        let s = JsCompressionStream::new("deflate-raw")?;
        ReadableWritablePair::new(&s.readable(), &s.writable())
    } else {
        let s = JsDecompressionStream::new("deflate-raw")?;
        ReadableWritablePair::new(&s.readable(), &s.writable())
    };
    let out = blob.stream().pipe_through(&pair);
    let buf =
        JsFuture::from(Response::new_with_opt_readable_stream(Some(&out))?.array_buffer()?).await?;
    Ok(Uint8Array::new(&buf).to_vec())
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn b64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        let digits = c.len() + 1;
        for i in 0..digits {
            out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url (padding and whitespace tolerated); `None` on any other character.
pub fn b64url_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 2);
    let mut acc = 0u32;
    let mut bits = 0;
    for ch in s.bytes() {
        let v = match ch {
            b'A'..=b'Z' => ch - b'A',
            b'a'..=b'z' => ch - b'a' + 26,
            b'0'..=b'9' => ch - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            b'=' | b' ' | b'\n' | b'\r' => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The fragment (without `#`) for `text` and an optional article date.
pub async fn make_fragment(text: &str, date: &str) -> Result<String, JsValue> {
    let packed = deflate(text.as_bytes(), true).await?;
    let mut frag = String::new();
    if !date.is_empty() {
        frag.push_str("d=");
        frag.push_str(date);
        frag.push('&');
    }
    frag.push_str("t=");
    frag.push_str(&b64url_encode(&packed));
    Ok(frag)
}

/// Reads a fragment made by [`make_fragment`]: `(text, date)`; `None` if it is not one or is damaged.
pub async fn read_fragment(fragment: &str) -> Option<(String, String)> {
    let mut text = None;
    let mut date = String::new();
    for part in fragment.trim_start_matches('#').split('&') {
        if let Some(t) = part.strip_prefix("t=") {
            text = Some(t);
        } else if let Some(d) = part.strip_prefix("d=") {
            if super::state::is_iso_date(d) {
                date = d.to_string();
            }
        }
    }
    let packed = b64url_decode(text?)?;
    let bytes = deflate(&packed, false).await.ok()?;
    Some((String::from_utf8_lossy(&bytes).into_owned(), date))
}

/// If the page was opened from a share link, loads its text (the previous draft stays available
/// through Undo) and removes the text from the address bar.
pub fn load_from_location(state: AppState) {
    let loc = leptos::prelude::window().location();
    let hash = loc.hash().unwrap_or_default();
    if !hash.contains("t=") {
        return;
    }
    leptos::task::spawn_local(async move {
        match read_fragment(&hash).await {
            Some((text, date)) => {
                if !date.is_empty() {
                    state.article_date.set(date);
                    state.save_settings();
                }
                state.replace_text(text, "Loaded the text from the link.");
            }
            None => state.notice.set(Some(super::state::Notice {
                text: "The link's text could not be read (the link may be cut short).".into(),
                undo: false,
            })),
        }
        if let Ok(h) = leptos::prelude::window().history() {
            let clean = format!(
                "{}{}",
                loc.pathname().unwrap_or_default(),
                loc.search().unwrap_or_default()
            );
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&clean));
        }
    });
}
