//! The input panel: text area, counts, sample, clear/undo, file drop and open, pasted HTML,
//! article date.

use super::state::{human_bytes, is_iso_date, max_input_bytes, AppState, LIVE_LIMIT};
use leptos::html::Textarea;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, File, Node};

/// Files larger than this are refused outright (the engine reads 5 MB; reading hundreds of MB into
/// a text area would freeze the tab).
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// The text area and everything that changes its text.
#[component]
pub fn InputPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let textarea = NodeRef::<Textarea>::new();
    let counts = Memo::new(move |_| {
        state
            .text
            .with(|t| (count_words(t), count_chars(t), t.len()))
    });
    let on_paste = move |ev: ClipboardEvent| {
        let Some(html) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/html").ok())
            .filter(|h| !h.trim().is_empty())
        else {
            return; // plain text: the browser pastes it as is
        };
        let clean = html_to_text(&html);
        let Some(el) = textarea.get_untracked() else {
            return;
        };
        if clean.trim().is_empty() {
            return;
        }
        ev.prevent_default();
        let len = el.value().encode_utf16().count() as u32;
        let start = el.selection_start().ok().flatten().unwrap_or(len);
        let end = el.selection_end().ok().flatten().unwrap_or(len);
        if el
            .set_range_text_with_start_and_end_and_mode(&clean, start, end, "end")
            .is_ok()
        {
            state.edit(el.value());
        }
    };
    let on_drop = move |ev: DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            load_file(state, file);
        }
    };
    let on_file = move |ev: web_sys::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load_file(state, file);
            }
            input.set_value("");
        }
    };
    let empty = move || state.text.with(|t| t.is_empty());
    view! {
        <section class="panel input-panel" aria-labelledby="input-h">
            <div class="panel-head">
                <h2 id="input-h">
                    <label for="input">"Article text"</label>
                </h2>
                <p class="counts" id="counts">
                    {move || {
                        let (w, c, _) = counts.get();
                        format!("{} words · {} characters", group_digits(w), group_digits(c))
                    }}
                </p>
            </div>
            <textarea
                id="input"
                node_ref=textarea
                rows="10"
                placeholder="Paste or type a news article here, or drop a .txt or .html file…"
                aria-describedby="input-help"
                prop:value=move || {
                    state.replaced.track();
                    state.text.get_untracked()
                }
                on:input:target=move |ev| state.edit(ev.target().value())
                on:paste=on_paste
                on:dragover=move |ev: DragEvent| {
                    if ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0)) {
                        ev.prevent_default();
                    }
                }
                on:drop=on_drop
            ></textarea>
            <p id="input-help" class="hint">
                "Analysis runs as you type. Pasted web pages and dropped files are turned into plain text."
            </p>
            <div class="toolbar">
                <button id="analyze" type="button" on:click=move |_| state.schedule(0)>
                    "Analyze now"
                </button>
                <button
                    id="sample"
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        state.replace_text(super::SAMPLE.to_string(), "Sample article loaded.")
                    }
                >
                    "Try the sample"
                </button>
                <button
                    id="clear"
                    type="button"
                    class="secondary"
                    disabled=empty
                    on:click=move |_| state.replace_text(String::new(), "Text cleared.")
                >
                    "Clear"
                </button>
                <input
                    type="file"
                    id="file"
                    class="visually-hidden"
                    accept=".txt,.text,.md,.html,.htm,text/plain,text/html"
                    on:change=on_file
                />
                <label for="file" class="button secondary">
                    "Open file…"
                </label>
                <span class="date-field">
                    <label for="article-date">"Article date"</label>
                    <input
                        type="date"
                        id="article-date"
                        aria-describedby="date-help"
                        prop:value=move || state.article_date.get()
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            state.article_date.set(if is_iso_date(&v) { v } else { String::new() });
                            state.save_settings();
                            state.schedule(0);
                        }
                    />
                </span>
            </div>
            <p id="date-help" class="hint">
                "The date is used to resolve “Tuesday” or “last week” when the text states none."
            </p>
            <StatusLine counts=counts />
        </section>
    }
}

/// Notices under the text area: what just happened (with Undo), long-text warnings, analysis state.
#[component]
fn StatusLine(
    /// Words, characters and bytes of the current text.
    counts: Memo<(usize, usize, usize)>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let long = move || {
        let bytes = counts.get().2;
        if bytes > max_input_bytes() {
            Some(format!(
                "This text is {}: only the first {} are analyzed.",
                human_bytes(bytes),
                human_bytes(max_input_bytes())
            ))
        } else if bytes > LIVE_LIMIT
            && state.stale.get()
            && !state.busy.get()
            && !state.uses_worker()
        {
            Some(format!(
                "Long text ({}): live analysis pauses while you edit — press “Analyze now”.",
                human_bytes(bytes)
            ))
        } else {
            None
        }
    };
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || {
                state
                    .notice
                    .get()
                    .map(|n| {
                        view! {
                            <p class="notice" id="notice">
                                {n.text}
                                {n
                                    .undo
                                    .then(|| {
                                        view! {
                                            <button
                                                id="undo"
                                                type="button"
                                                class="link"
                                                on:click=move |_| state.undo()
                                            >
                                                "Undo"
                                            </button>
                                        }
                                    })}
                            </p>
                        }
                    })
            }}
            {move || long().map(|m| view! { <p class="notice warn" id="long-notice">{m}</p> })}
            {move || state.busy.get().then(|| view! { <p class="notice">"Analyzing…"</p> })}
        </div>
    }
}

/// Reads a dropped or opened file into the text area (HTML files are converted to text).
fn load_file(state: AppState, file: File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        state.notice.set(Some(super::state::Notice {
            text: format!(
                "“{name}” is {} — too large. Open a file under 20 MB.",
                human_bytes(file.size() as usize)
            ),
            undo: false,
        }));
        return;
    }
    let lower = name.to_ascii_lowercase();
    let is_html =
        lower.ends_with(".html") || lower.ends_with(".htm") || file.type_() == "text/html";
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        match text {
            Some(t) => {
                let t = if is_html { html_to_text(&t) } else { t };
                state.replace_text(t, &format!("Loaded “{name}”."));
            }
            None => state.notice.set(Some(super::state::Notice {
                text: format!("Could not read “{name}” as text."),
                undo: false,
            })),
        }
    });
}

/// Words as the analysis counts them (`meta.words`): the count under the text area agrees.
pub use crate::engine::text::count_words;

/// Characters (Unicode scalar values): the bytes that do not continue a UTF-8 sequence.
pub fn count_chars(t: &str) -> usize {
    t.bytes().filter(|&b| b & 0xc0 != 0x80).count()
}

/// `12345` → `12,345`.
pub fn group_digits(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Turns HTML into article text. The HTML is parsed by `DOMParser` into an inert document (no
/// scripts run, nothing loads) and only its text is read; it is never inserted into the page.
/// Block elements become paragraph breaks; scripts, styles and form controls are dropped.
pub fn html_to_text(html: &str) -> String {
    let Ok(parser) = web_sys::DomParser::new() else {
        return String::new();
    };
    let Ok(doc) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return String::new();
    };
    let Some(body) = doc.body() else {
        return String::new();
    };
    let mut raw = String::new();
    walk(&body, &mut raw);
    tidy(&raw)
}

fn walk(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(c) = children.item(i) else { continue };
        match c.node_type() {
            Node::TEXT_NODE => {
                if let Some(t) = c.node_value() {
                    // Source whitespace (including newlines) is layout, not content.
                    let mut space = false;
                    for ch in t.chars() {
                        if ch.is_whitespace() {
                            space = true;
                        } else {
                            if space {
                                out.push(' ');
                                space = false;
                            }
                            out.push(ch);
                        }
                    }
                    if space {
                        out.push(' ');
                    }
                }
            }
            Node::ELEMENT_NODE => {
                let name = c.node_name().to_ascii_lowercase();
                match name.as_str() {
                    "script" | "style" | "noscript" | "template" | "head" | "iframe" | "object"
                    | "embed" | "svg" | "math" | "canvas" | "button" | "select" | "input"
                    | "textarea" | "nav" | "form" => {}
                    "br" => out.push('\n'),
                    _ => {
                        let block = matches!(
                            name.as_str(),
                            "p" | "div"
                                | "section"
                                | "article"
                                | "header"
                                | "footer"
                                | "aside"
                                | "main"
                                | "blockquote"
                                | "pre"
                                | "ul"
                                | "ol"
                                | "li"
                                | "dl"
                                | "dt"
                                | "dd"
                                | "table"
                                | "tr"
                                | "figure"
                                | "figcaption"
                                | "h1"
                                | "h2"
                                | "h3"
                                | "h4"
                                | "h5"
                                | "h6"
                                | "hr"
                        );
                        if block {
                            out.push_str("\n\n");
                        }
                        walk(&c, out);
                        if block {
                            out.push_str("\n\n");
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Trims every line and keeps at most one blank line between paragraphs.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = 0;
    for line in raw.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = 0;
    }
    out
}
