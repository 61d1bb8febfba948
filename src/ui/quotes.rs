//! Quote cards with a filter by speaker.

use super::state::{AppState, Selection};
use crate::engine::model::{Quote, QuoteKind};
use leptos::prelude::*;

/// Cards shown before "Show all".
const CARDS_SHOWN: usize = 60;

/// The key a quote is filtered by: its speaker's entity id, else the speaker's name, else "".
pub fn speaker_key(q: &Quote) -> String {
    q.speaker
        .as_ref()
        .map(|s| {
            s.entity
                .clone()
                .unwrap_or_else(|| format!("name:{}", s.name))
        })
        .unwrap_or_default()
}

/// A quote kind as shown to the reader.
pub fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Term => "term",
    }
}

/// Quote cards; the speaker filter lists every speaker with their number of quotes.
#[component]
pub fn QuotePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let show_all = RwSignal::new(false);
    // Speakers in order of first quote: (key, name, count).
    let speakers = Memo::new(move |_| {
        let mut out: Vec<(String, String, usize)> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        if let Some(r) = state.result.get() {
            for q in &r.analysis.quotes {
                let key = speaker_key(q);
                if key.is_empty() {
                    continue;
                }
                match index.get(&key) {
                    Some(&i) => out[i].2 += 1,
                    None => {
                        index.insert(key.clone(), out.len());
                        let name = q
                            .speaker
                            .as_ref()
                            .map(|s| s.name.clone())
                            .unwrap_or_default();
                        out.push((key, name, 1));
                    }
                }
            }
        }
        out
    });
    let cards = move || {
        let r = state.result.get()?;
        let filter = state.speaker_filter.get();
        let list: Vec<(usize, &Quote)> = r
            .analysis
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| filter.is_empty() || speaker_key(q) == filter)
            .collect();
        if list.is_empty() {
            return Some(view! { <li class="hint">"No quotes found."</li> }.into_any());
        }
        let total = list.len();
        let all = show_all.get();
        let views = list
            .into_iter()
            .take(if all { usize::MAX } else { CARDS_SHOWN })
            .map(|(i, q)| card(state, i, q))
            .collect_view();
        let more = (total > CARDS_SHOWN && !all).then(|| {
            view! {
                <li>
                    <button type="button" class="link" on:click=move |_| show_all.set(true)>
                        {format!("Show all {total} quotes")}
                    </button>
                </li>
            }
        });
        Some(view! { {views} {more} }.into_any())
    };
    view! {
        <section class="panel" aria-labelledby="quotes-h">
            <div class="panel-head">
                <h2 id="quotes-h">"Quotes"</h2>
                <span class="filter">
                    <label for="speaker-filter">"Speaker"</label>
                    <select
                        id="speaker-filter"
                        prop:value=move || state.speaker_filter.get()
                        on:change:target=move |ev| state.speaker_filter.set(ev.target().value())
                    >
                        <option value="">"All speakers"</option>
                        {move || {
                            speakers
                                .get()
                                .into_iter()
                                .map(|(key, name, n)| {
                                    let selected = state.speaker_filter.get_untracked() == key;
                                    view! {
                                        <option value=key selected=selected>
                                            {format!("{name} ({n})")}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </span>
            </div>
            <ol id="quotes" class="quote-list">{cards}</ol>
        </section>
    }
}

fn card(state: AppState, i: usize, q: &Quote) -> impl IntoView {
    let is_sel = move || state.selection.with(|s| *s == Selection::Quote(i));
    let speaker = q.speaker.as_ref().map(|s| {
        let name = s.name.clone();
        match s.entity.clone() {
            Some(id) => {
                let label = format!("Speaker: {name} — show in the text");
                view! {
                    <button
                        type="button"
                        class="speaker link"
                        aria-label=label
                        on:click=move |ev| {
                            ev.stop_propagation();
                            state.selection.set(Selection::Entity(id.clone()));
                            super::scroll_into_view(&format!("#article [data-e=\"{id}\"]"), true);
                        }
                    >
                        {name}
                    </button>
                }
                .into_any()
            }
            None => view! { <span class="speaker">{name}</span> }.into_any(),
        }
    });
    let speaker = speaker.unwrap_or_else(|| {
        view! { <span class="speaker unknown">"Speaker unknown"</span> }.into_any()
    });
    let cue = q
        .cue
        .as_ref()
        .map(|c| view! { <span class="cue">{c.text.clone()}</span> });
    let pct = format!(
        "{}%",
        crate::pretty::fixed(f64::from(q.confidence * 100.0), 0)
    );
    view! {
        <li
            class="quote-card"
            class:selected=is_sel
            id=format!("quote-{i}")
            on:click=move |_| state.selection.set(Selection::Quote(i))
        >
            <blockquote class="quote-text">{q.text.clone()}</blockquote>
            <div class="quote-meta">
                <span class="by">"— "</span>
                {speaker}
                {cue}
                <span class=format!("kind kind-{}", kind_name(q.kind))>{kind_name(q.kind)}</span>
                <span class="conf" title="Confidence that quote and speaker are right">
                    {format!("confidence {pct}")}
                </span>
                <button
                    type="button"
                    class="link locate"
                    aria-label=format!("Show quote {} in the text and why", i + 1)
                    on:click=move |ev| {
                        ev.stop_propagation();
                        state.toggle_selection(Selection::Quote(i));
                        super::scroll_into_view(&format!("#article [data-q=\"{i}\"]"), true);
                    }
                >
                    "Why?"
                </button>
            </div>
        </li>
    }
}
