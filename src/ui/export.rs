//! Export and share: JSON (the documented schema, byte offsets), CSV, a Markdown summary, the
//! clipboard and share links.

use super::quotes::kind_name;
use super::state::{label_name, AppState, Group};
use crate::engine::model::Analysis;
use crate::pretty::fixed;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The analysis as pretty JSON: exactly the engine's serde schema (UTF-8 byte offsets), the
/// engine's compact JSON re-indented ([`crate::pretty`]).
pub fn to_json(a: &Analysis) -> String {
    a.to_json()
        .map(|j| crate::pretty::pretty(&j))
        .unwrap_or_default()
}

/// One CSV field: quoted when needed; a leading `= + - @` is defused so spreadsheets do not run it
/// as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// Entities as CSV: one row per entity, most salient first.
pub fn entities_csv(a: &Analysis) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "id",
            "name",
            "label",
            "value",
            "salience",
            "mentions",
            "first_start",
            "first_end",
        ],
    );
    for e in &a.entities {
        let first = e.mentions.first();
        csv_row(
            &mut out,
            &[
                &e.id,
                &e.name,
                e.label.as_str(),
                e.value.as_deref().unwrap_or(""),
                &fixed(f64::from(e.salience), 3),
                &e.mentions.len().to_string(),
                &first.map(|m| m.start.to_string()).unwrap_or_default(),
                &first.map(|m| m.end.to_string()).unwrap_or_default(),
            ],
        );
    }
    out
}

/// Quotes as CSV: one row per quote, in text order.
pub fn quotes_csv(a: &Analysis) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "start",
            "end",
            "kind",
            "quote",
            "speaker",
            "speaker_entity",
            "cue",
            "rule",
            "confidence",
        ],
    );
    for q in &a.quotes {
        let s = q.speaker.as_ref();
        csv_row(
            &mut out,
            &[
                &q.start.to_string(),
                &q.end.to_string(),
                kind_name(q.kind),
                &q.text,
                s.map(|s| s.name.as_str()).unwrap_or(""),
                s.and_then(|s| s.entity.as_deref()).unwrap_or(""),
                q.cue.as_ref().map(|c| c.text.as_str()).unwrap_or(""),
                &q.rule,
                &fixed(f64::from(q.confidence), 2),
            ],
        );
    }
    out
}

/// Escapes Markdown's inline syntax characters in user text.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// A short Markdown report: counts, entities by group, quotes with speakers, topics.
pub fn markdown(a: &Analysis) -> String {
    let m = &a.meta;
    let mut out = format!(
        "# Article analysis\n\n{} words · {} sentences · {} min read{}\n",
        m.words,
        m.sentences,
        m.reading_minutes,
        m.article_date
            .as_ref()
            .map(|d| format!(" · dated {d}"))
            .unwrap_or_default()
    );
    for g in Group::ALL {
        let list: Vec<_> = a
            .entities
            .iter()
            .filter(|e| Group::of(e.label) == g)
            .collect();
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", g.title()));
        for e in list {
            out.push_str(&format!(
                "- **{}** ({}{}) — {} mention{}\n",
                md(&e.name),
                label_name(e.label),
                e.value
                    .as_ref()
                    .map(|v| format!(", {}", md(v)))
                    .unwrap_or_default(),
                e.mentions.len(),
                if e.mentions.len() == 1 { "" } else { "s" }
            ));
        }
    }
    if !a.quotes.is_empty() {
        out.push_str("\n## Quotes\n");
        for q in &a.quotes {
            out.push_str(&format!(
                "\n> {}\n>\n> — {}{} ({}, {}%)\n",
                md(&q.text),
                q.speaker
                    .as_ref()
                    .map(|s| md(&s.name))
                    .unwrap_or_else(|| "unknown".into()),
                q.cue
                    .as_ref()
                    .map(|c| format!(", {}", md(&c.text)))
                    .unwrap_or_default(),
                kind_name(q.kind),
                fixed(f64::from(q.confidence * 100.0), 0)
            ));
        }
    }
    let t = &a.topics;
    if !t.categories.is_empty() || !t.keyphrases.is_empty() {
        out.push_str("\n## Topics\n\n");
        if !t.categories.is_empty() {
            let c: Vec<String> = t.categories.iter().map(|c| md(&c.label)).collect();
            out.push_str(&format!(
                "Categories (IPTC Media Topics): {}\n\n",
                c.join(", ")
            ));
        }
        if !t.keyphrases.is_empty() {
            let k: Vec<String> = t.keyphrases.iter().take(15).map(|k| md(&k.text)).collect();
            out.push_str(&format!("Key phrases: {}\n", k.join(", ")));
        }
    }
    out
}

/// Offers `content` as a file download (a `blob:` URL; nothing leaves the machine).
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke later: the download starts asynchronously.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

async fn copy(text: &str) -> bool {
    let p = window().navigator().clipboard().write_text(text);
    JsFuture::from(p).await.is_ok()
}

/// Download, copy and share buttons.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let with_analysis = move |f: &dyn Fn(&Analysis)| {
        if let Some(r) = state.result.get_untracked() {
            f(&r.analysis);
        }
    };
    let save = move |name: &'static str, mime: &'static str, make: fn(&Analysis) -> String| {
        with_analysis(&|a| {
            let ok = download(name, mime, &make(a)).is_ok();
            message.set(if ok {
                format!("Saved {name}.")
            } else {
                format!("Could not save {name}.")
            });
        })
    };
    let copy_as = move |what: &'static str, make: fn(&Analysis) -> String| {
        if let Some(r) = state.result.get_untracked() {
            let s = make(&r.analysis);
            leptos::task::spawn_local(async move {
                message.set(if copy(&s).await {
                    format!("{what} copied to the clipboard.")
                } else {
                    "The browser did not allow copying.".into()
                });
            });
        }
    };
    let share = move |_| {
        let text = state.text.get_untracked();
        let date = state.article_date.get_untracked();
        if text.trim().is_empty() {
            message.set("There is no text to share.".into());
            return;
        }
        leptos::task::spawn_local(async move {
            match super::share::make_fragment(&text, &date).await {
                Ok(frag) if frag.len() > super::share::MAX_FRAGMENT => {
                    link.set(String::new());
                    message.set(format!(
                        "This text is too long for a link ({} characters compressed; the limit is {}). Download the text or JSON instead.",
                        frag.len(),
                        super::share::MAX_FRAGMENT
                    ));
                }
                Ok(frag) => {
                    let loc = window().location();
                    let url = format!(
                        "{}{}{}#{frag}",
                        loc.origin().unwrap_or_default(),
                        loc.pathname().unwrap_or_default(),
                        loc.search().unwrap_or_default()
                    );
                    link.set(url.clone());
                    message.set(if copy(&url).await {
                        "Link copied. The text is inside the link itself (after #) and is never sent to a server.".into()
                    } else {
                        "Copy the link below. The text is inside the link itself (after #).".into()
                    });
                }
                Err(_) => message.set("This browser cannot compress text for links.".into()),
            }
        });
    };
    view! {
        <section class="panel export" aria-labelledby="export-h">
            <h2 id="export-h">"Export and share"</h2>
            <div class="toolbar" role="group" aria-label="Download">
                <button type="button" id="export-json" class="secondary"
                    on:click=move |_| save("analysis.json", "application/json", to_json)>"JSON"</button>
                <button type="button" id="export-entities" class="secondary"
                    on:click=move |_| save("entities.csv", "text/csv", entities_csv)>"Entities CSV"</button>
                <button type="button" id="export-quotes" class="secondary"
                    on:click=move |_| save("quotes.csv", "text/csv", quotes_csv)>"Quotes CSV"</button>
                <button type="button" id="export-md" class="secondary"
                    on:click=move |_| save("summary.md", "text/markdown", markdown)>"Markdown"</button>
            </div>
            <div class="toolbar" role="group" aria-label="Copy and share">
                <button type="button" id="copy-md" class="secondary"
                    on:click=move |_| copy_as("Summary", markdown)>"Copy summary"</button>
                <button type="button" id="copy-json" class="secondary"
                    on:click=move |_| copy_as("JSON", to_json)>"Copy JSON"</button>
                <button type="button" id="share" on:click=share>"Share link"</button>
            </div>
            <p class="hint" id="export-msg" role="status" aria-live="polite">{move || message.get()}</p>
            {move || {
                let l = link.get();
                (!l.is_empty()).then(|| view! {
                    <label class="visually-hidden" for="share-url">"Share link"</label>
                    <input id="share-url" class="share-url" type="text" readonly prop:value=l
                        on:focus:target=move |ev| ev.target().select() />
                })
            }}
        </section>
    }
}
