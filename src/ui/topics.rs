//! Topic chips: IPTC news categories and key phrases.

use super::state::{AppState, Selection};
use leptos::prelude::*;

/// Key phrases shown.
const PHRASES_SHOWN: usize = 15;

/// Category and key-phrase chips; each selects itself for the "why" panel.
#[component]
pub fn TopicPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chips = move || {
        let r = state.result.get()?;
        let t = &r.analysis.topics;
        let cats = t
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let sel = Selection::Category(i);
                let sel2 = sel.clone();
                view! {
                    <li class="category">
                        <button
                            type="button"
                            class="chip topic"
                            class:selected=move || state.selection.with(|s| *s == sel)
                            title=c.code.clone()
                            on:click=move |_| state.toggle_selection(sel2.clone())
                        >
                            <span class="name">{c.label.clone()}</span>
                            <span class="count">{format!("{}%", crate::pretty::fixed(f64::from(c.score * 100.0), 0))}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let phrases = t
            .keyphrases
            .iter()
            .take(PHRASES_SHOWN)
            .enumerate()
            .map(|(i, k)| {
                let sel = Selection::Keyphrase(i);
                let sel2 = sel.clone();
                view! {
                    <li class="keyphrase">
                        <button
                            type="button"
                            class="chip phrase"
                            class:selected=move || state.selection.with(|s| *s == sel)
                            on:click=move |_| state.toggle_selection(sel2.clone())
                        >
                            <span class="name">{k.text.clone()}</span>
                            <span class="count">{format!("×{}", k.mentions.len())}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let none = t.categories.is_empty() && t.keyphrases.is_empty();
        Some(view! {
            <h3>"Categories"</h3>
            <ul class="chips" aria-label="News categories">
                {cats}
                {t.categories.is_empty().then(|| view! { <li class="hint">"No category stands out."</li> })}
            </ul>
            <h3>"Key phrases"</h3>
            <ul class="chips" aria-label="Key phrases">
                {phrases}
                {t.keyphrases.is_empty().then(|| view! { <li class="hint">"No key phrases."</li> })}
            </ul>
            {none.then(|| view! { <p class="hint">"Topics need a few sentences of text."</p> })}
        })
    };
    view! {
        <section class="panel" aria-labelledby="topics-h">
            <h2 id="topics-h">"Topics"</h2>
            <div id="topics">{chips}</div>
        </section>
    }
}
