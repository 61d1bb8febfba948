//! The article itself, with entity mentions and quotes highlighted. Built from byte offsets as
//! Leptos text nodes (the user's text is never parsed as HTML).

use super::state::{label_name, Analyzed, AppState, Group, Selection};
use crate::engine::model::Analysis;
use leptos::prelude::*;
use std::ops::Range;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// The article's keyboard stops, in reading order: entity mentions and quote attributions
/// ("— speaker", standing for the quote before it). They are focusable only by script
/// (`tabindex=-1`); the article itself is the one Tab stop.
pub const KEY_ITEMS: &str = "mark[data-e], .qt-by[data-q]";

/// Only this much of a long text is drawn with highlights (~15 000 words, far more than any article;
/// thousands more highlighted spans would make the page sluggish for no gain).
pub const RENDER_LIMIT: usize = 100_000;
/// At most this many highlighted spans are drawn.
const MAX_MARKS: usize = 5_000;

/// A piece of a [`Block`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Plain text.
    Text(Range<usize>),
    /// A mention of `entity` (index into `Analysis::entities`), which is also the speaker mention
    /// of quote `speaker_of` when that is set.
    Mention {
        /// Where.
        range: Range<usize>,
        /// Index of the entity.
        entity: usize,
        /// The quote whose speaker this mention names.
        speaker_of: Option<usize>,
    },
    /// A speaker phrase of quote `quote` that is not an entity mention ("the statement").
    Speaker {
        /// Where.
        range: Range<usize>,
        /// Index of the quote.
        quote: usize,
    },
}

/// A run of the article: either outside any quote, or one quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The quote this block is, if any.
    pub quote: Option<usize>,
    /// Its pieces, covering the block without gaps.
    pub pieces: Vec<Piece>,
}

/// Cuts `text[..limit]` into blocks and pieces. `visible(entity_index)` says whether an entity's
/// mentions are highlighted. Ranges that are empty, out of bounds, off a char boundary or that
/// overlap an earlier one are skipped, so every returned range slices `text` safely. Linear apart
/// from sorting.
pub fn segment(
    text: &str,
    a: &Analysis,
    limit: usize,
    visible: impl Fn(usize) -> bool,
) -> Vec<Block> {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let ok = |s: usize, e: usize| {
        s < e && e <= limit && text.is_char_boundary(s) && text.is_char_boundary(e)
    };

    // Quotes: non-overlapping, in order.
    let mut quotes: Vec<(usize, usize, usize)> = a
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| ok(q.start, q.end))
        .map(|(i, q)| (q.start, q.end, i))
        .collect();
    // By extent; ties keep the quotes' order (the engine's one sort, not another instance).
    crate::engine::sort::sort_by_u64_key(&mut quotes, |q| crate::engine::sort::span_key(q.0, q.1));
    let mut last = 0;
    quotes.retain(|&(s, e, _)| {
        let keep = s >= last;
        if keep {
            last = e;
        }
        keep
    });

    // Inline marks: entity mentions, then speaker phrases that are not mentions.
    #[derive(Clone, Copy)]
    enum Mark {
        Mention(usize),
        Speaker(usize),
    }
    let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
    for (i, e) in a.entities.iter().enumerate() {
        if !visible(i) {
            continue;
        }
        for m in &e.mentions {
            if ok(m.start, m.end) {
                marks.push((m.start, m.end, Mark::Mention(i)));
            }
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            if ok(m.start, m.end) {
                marks.push((m.start, m.end, Mark::Speaker(i)));
            }
        }
    }
    // Longest first at equal starts; a mention wins over a speaker phrase of the same extent.
    // (Two stable sorts through the engine's one sort, minor key first.)
    crate::engine::sort::sort_by_u64_key(&mut marks, |x| {
        u64::from(matches!(x.2, Mark::Speaker(_)))
    });
    crate::engine::sort::sort_by_u64_key(&mut marks, |x| {
        crate::engine::sort::span_key(x.0, crate::engine::sort::desc(x.1))
    });
    let mut speaker_at: std::collections::HashMap<(usize, usize), usize> = Default::default();
    for &(s, e, m) in &marks {
        if let Mark::Speaker(q) = m {
            speaker_at.entry((s, e)).or_insert(q);
        }
    }
    // Drop overlaps and marks that straddle a quote boundary.
    let mut kept: Vec<(usize, usize, Mark)> = Vec::with_capacity(marks.len());
    let mut end = 0;
    let mut qi = 0;
    for (s, e, m) in marks {
        if s < end || kept.len() >= MAX_MARKS {
            continue;
        }
        while qi < quotes.len() && quotes[qi].1 <= s {
            qi += 1;
        }
        let straddles = quotes
            .get(qi)
            .is_some_and(|&(qs, qe, _)| (s < qs && e > qs) || (s >= qs && e > qe));
        if straddles {
            continue;
        }
        kept.push((s, e, m));
        end = e;
    }

    let mut blocks = Vec::new();
    let mut k = 0;
    let mut fill = |from: usize, to: usize, quote: Option<usize>, blocks: &mut Vec<Block>| {
        if from >= to {
            return;
        }
        let mut pieces = Vec::new();
        let mut pos = from;
        while k < kept.len() && kept[k].1 <= to {
            let (s, e, m) = kept[k];
            k += 1;
            if s < pos {
                continue;
            }
            if s > pos {
                pieces.push(Piece::Text(pos..s));
            }
            pieces.push(match m {
                Mark::Mention(entity) => Piece::Mention {
                    range: s..e,
                    entity,
                    speaker_of: speaker_at.get(&(s, e)).copied(),
                },
                Mark::Speaker(quote) => Piece::Speaker { range: s..e, quote },
            });
            pos = e;
        }
        if pos < to {
            pieces.push(Piece::Text(pos..to));
        }
        blocks.push(Block { quote, pieces });
    };
    let mut pos = 0;
    for &(s, e, i) in &quotes {
        fill(pos, s, None, &mut blocks);
        fill(s, e, Some(i), &mut blocks);
        pos = e;
    }
    fill(pos, limit, None, &mut blocks);
    blocks
}

/// The article with highlights: click a mention to select its entity, a quote to select its card.
///
/// Keyboard: the article is one Tab stop. Inside it, → ↓ or `n` move focus to the next highlight,
/// ← ↑ or `p` to the previous one, Home/End to the first/last; Enter or Space acts like a click;
/// Escape returns focus to the article. Highlights are entity mentions and quote attributions
/// ([`KEY_ITEMS`]), so a long article adds no Tab stops.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let article = NodeRef::<leptos::html::Div>::new();
    // The highlight last focused, so that coming back resumes there.
    let last = StoredValue::new(0usize);
    let body = move || {
        let r = state.result.get()?;
        let hidden = state.hidden.get();
        Some(render(state, r, hidden))
    };
    let on_key = move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let Some(root) = article.get_untracked() else {
            return;
        };
        let items = key_items(&root);
        let active = document().active_element();
        let current = active.as_ref().and_then(|a| {
            items
                .iter()
                .position(|i| i == a.unchecked_ref::<HtmlElement>())
        });
        let target = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "n" => Some(match current {
                Some(i) => (i + 1).min(items.len().saturating_sub(1)),
                None => last.get_value(),
            }),
            "ArrowLeft" | "ArrowUp" | "p" => Some(match current {
                Some(i) => i.saturating_sub(1),
                None => last.get_value(),
            }),
            "Home" => Some(0),
            "End" => Some(items.len().saturating_sub(1)),
            "Enter" | " " => {
                if let Some(i) = current {
                    ev.prevent_default();
                    items[i].click();
                }
                return;
            }
            "Escape" => {
                if current.is_some() {
                    ev.prevent_default();
                    let _ = root.focus();
                }
                return;
            }
            _ => None,
        };
        if let Some(t) = target {
            ev.prevent_default();
            if let Some(el) = items.get(t.min(items.len().saturating_sub(1))) {
                last.set_value(t);
                let _ = el.focus();
            }
        }
    };
    view! {
        <section class="panel article-panel" aria-labelledby="article-h">
            <h2 id="article-h">"Article"</h2>
            <Legend />
            <p id="article-keys" class="hint">
                "Keyboard: Tab to the article, then ← → (or n, p) move between highlights, Enter selects, Esc leaves."
            </p>
            <div
                id="article"
                class="article"
                node_ref=article
                tabindex="0"
                role="region"
                aria-label="The article with highlighted entities and quotes"
                aria-describedby="article-keys"
                on:keydown=on_key
            >
                {body}
            </div>
        </section>
    }
}

/// The focusable highlights under `root`, in document order.
fn key_items(root: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(KEY_ITEMS) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The colour key: each entity type's colour next to its tag, and how quotes look.
#[component]
fn Legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="Legend">
            {Group::ALL
                .iter()
                .map(|g| {
                    view! {
                        <li>
                            <span class=format!("m {}", g.css())>{g.title()}</span>
                        </li>
                    }
                })
                .collect_view()}
            <li>
                <span class="qt">"“quote”"</span>
            </li>
            <li>
                <span class="spk-ref">"speaker"</span>
            </li>
        </ul>
    }
}

fn render(state: AppState, r: Arc<Analyzed>, hidden: u8) -> AnyView {
    let a = &r.analysis;
    let text = &r.text;
    let blocks = segment(text, a, RENDER_LIMIT, |i| {
        a.entities
            .get(i)
            .is_some_and(|e| hidden & Group::of(e.label).bit() == 0)
    });
    let slice = |rg: &Range<usize>| text.get(rg.clone()).unwrap_or_default().to_string();
    let piece_view = |p: &Piece| -> AnyView {
        match p {
            Piece::Text(rg) => slice(rg).into_any(),
            Piece::Mention {
                range,
                entity,
                speaker_of,
            } => {
                let Some(e) = a.entities.get(*entity) else {
                    return slice(range).into_any();
                };
                let id = e.id.clone();
                let id2 = id.clone();
                let id3 = id.clone();
                let g = Group::of(e.label);
                let aria = format!(
                    "{}, {}{}",
                    slice(range),
                    label_name(e.label),
                    if speaker_of.is_some() {
                        ", speaker of a quote"
                    } else {
                        ""
                    }
                );
                let class = format!(
                    "m {}{}",
                    g.css(),
                    if speaker_of.is_some() { " spk-ref" } else { "" }
                );
                view! {
                    <mark
                        class=class
                        class:sel=move || {
                            state.selection.with(|s| matches!(s, Selection::Entity(x) if * x == id))
                        }
                        data-e=id2.clone()
                        tabindex="-1"
                        role="button"
                        aria-label=aria
                        aria-pressed=move || {
                            state
                                .selection
                                .with(|s| matches!(s, Selection::Entity(x) if * x == id3))
                                .to_string()
                        }
                        on:click=move |ev| {
                            ev.stop_propagation();
                            state.toggle_selection(Selection::Entity(id2.clone()));
                            super::scroll_into_view(&format!("[data-chip=\"{id2}\"]"), false);
                        }
                    >
                        {slice(range)}
                        <abbr class="tag" title=label_name(e.label)>
                            {e.label.as_str()}
                        </abbr>
                    </mark>
                }
                .into_any()
            }
            Piece::Speaker { range, .. } => {
                view! { <span class="spk-ref">{slice(range)}</span> }.into_any()
            }
        }
    };
    let views = blocks
        .iter()
        .map(|b| {
            let inner = b.pieces.iter().map(piece_view).collect_view();
            match b.quote {
                None => inner.into_any(),
                Some(qi) => {
                    let speaker = a
                        .quotes
                        .get(qi)
                        .and_then(|q| q.speaker.as_ref())
                        .map(|s| s.name.clone());
                    view! {
                        <span
                            class="qt"
                            class:sel=move || state.selection.with(|s| *s == Selection::Quote(qi))
                            data-q=qi
                            on:click=move |_| {
                                state.toggle_selection(Selection::Quote(qi));
                                super::scroll_into_view(&format!("#quote-{qi}"), false);
                            }
                        >
                            {inner}
                        </span>
                        <span
                            class="qt-by"
                            data-q=qi
                            tabindex="-1"
                            role="button"
                            aria-label=format!(
                                "Quote {} by {}",
                                qi + 1,
                                speaker.as_deref().unwrap_or("an unknown speaker"),
                            )
                            aria-pressed=move || {
                                state.selection.with(|s| *s == Selection::Quote(qi)).to_string()
                            }
                            on:click=move |_| {
                                state.toggle_selection(Selection::Quote(qi));
                                super::scroll_into_view(&format!("#quote-{qi}"), false);
                            }
                        >
                            {speaker
                                .clone()
                                .map(|s| format!("— {s}"))
                                .unwrap_or_else(|| "— speaker unknown".into())}
                        </span>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    let rest = text.len().saturating_sub(RENDER_LIMIT);
    view! {
        {views}
        {(rest > 0)
            .then(|| {
                view! {
                    <p class="notice">
                        {format!(
                            "… the remaining {} are analyzed but not shown here.",
                            super::state::human_bytes(rest),
                        )}
                    </p>
                }
            })}
    }
    .into_any()
}
