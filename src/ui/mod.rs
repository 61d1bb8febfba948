//! The web page (Leptos 0.8, client-side rendered). A thin layer over the engine.

use crate::engine::model::{Analysis, Options};
use leptos::prelude::*;

/// The built-in sample article.
pub const SAMPLE: &str = include_str!("../../data/sample-article.txt");

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let (text, set_text) = signal(SAMPLE.to_string());
    let (analysis, set_analysis) = signal::<Option<Analysis>>(None);
    let run = move || {
        let t = text.get_untracked();
        set_analysis.set(Some(crate::analyze(&t, &Options::default())));
    };
    run();
    view! {
        <header class="top">
            <h1>"Article analyzer"</h1>
            <p class="tagline">"Entities, quotes and topics — computed in your browser; nothing leaves this page."</p>
        </header>
        <main class="layout">
            <section class="input-panel" aria-label="Article text">
                <label for="input">"Paste a news article"</label>
                <textarea id="input" rows="16"
                    prop:value=move || text.get()
                    on:input:target=move |ev| set_text.set(ev.target().value())
                ></textarea>
                <div class="actions">
                    <button id="analyze" on:click=move |_| run()>"Analyze"</button>
                    <button id="sample" on:click=move |_| { set_text.set(SAMPLE.to_string()); run(); }>"Try the sample"</button>
                </div>
            </section>
            <Results analysis=analysis />
        </main>
        <footer class="foot">
            "Categories: IPTC Media Topics (CC BY 4.0, © IPTC)."
        </footer>
    }
}

/// Raw entity, quote and topic lists.
#[component]
pub fn Results(
    /// The latest analysis, if any.
    analysis: ReadSignal<Option<Analysis>>,
) -> impl IntoView {
    view! {
        <section id="results" class="results" aria-live="polite">
            {move || analysis.get().map(|a| view! {
                <p class="meta">{format!("{} words · {} sentences · {} paragraphs · {} min read{}",
                    a.meta.words, a.meta.sentences, a.meta.paragraphs, a.meta.reading_minutes,
                    a.meta.article_date.as_ref().map(|d| format!(" · dated {d}")).unwrap_or_default())}</p>
                <h2>"Entities"</h2>
                <ul id="entities">
                    {a.entities.iter().map(|e| view! {
                        <li class="entity" data-label=e.label.as_str()>
                            <span class="label">{e.label.as_str()}</span>" "
                            <span class="name">{e.name.clone()}</span>
                            {format!(" ×{}", e.mentions.len())}
                            {e.value.clone().map(|v| format!(" = {v}"))}
                        </li>
                    }).collect_view()}
                </ul>
                <h2>"Quotes"</h2>
                <ul id="quotes">
                    {a.quotes.iter().map(|q| view! {
                        <li class="quote">
                            <blockquote>{q.text.clone()}</blockquote>
                            <span class="speaker">{q.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "unknown".into())}</span>
                            {format!(" · {} · {:.0}%", q.rule, q.confidence * 100.0)}
                        </li>
                    }).collect_view()}
                </ul>
                <h2>"Topics"</h2>
                <ul id="topics">
                    {a.topics.categories.iter().map(|c| view! { <li class="category">{c.label.clone()}</li> }).collect_view()}
                    {a.topics.keyphrases.iter().take(10).map(|k| view! { <li class="keyphrase">{k.text.clone()}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
