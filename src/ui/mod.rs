//! The web page (Leptos 0.8, client-side rendered): a thin layer over the engine.
//!
//! One component per panel ([`InputPanel`], [`EntityPanel`], [`QuotePanel`], [`TopicPanel`],
//! [`ArticleView`], [`DetailsPanel`], [`ExportPanel`]); all share one [`AppState`] through
//! context. User text only ever becomes DOM text nodes, never markup.

pub mod article;
pub mod details;
pub mod entities;
pub mod export;
pub mod input;
pub mod quotes;
pub mod share;
pub mod state;
pub mod topics;
pub mod worker;

pub use article::ArticleView;
pub use details::DetailsPanel;
pub use entities::{EntityPanel, TypeToggles};
pub use export::ExportPanel;
pub use input::InputPanel;
pub use quotes::QuotePanel;
pub use state::{AppState, Selection, Theme};
pub use topics::TopicPanel;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The built-in sample article.
pub const SAMPLE: &str = include_str!("../../data/sample-article.txt");

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// Scrolls the first element matching `selector` into view (centred when `center`), without
/// animation when the reader prefers reduced motion.
pub fn scroll_into_view(selector: &str, center: bool) {
    let Ok(Some(el)) = document().query_selector(selector) else {
        return;
    };
    let reduce = window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_behavior(if reduce {
        web_sys::ScrollBehavior::Auto
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    opts.set_block(if center {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// The whole page: restores the draft and settings, follows share links, keeps the theme.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.restore();
    // The analysis worker starts once the first results are painted (it would compete with them
    // for the CPU), or earlier when a long text needs it.
    request_animation_frame(move || {
        set_timeout(move || state.start_worker(), std::time::Duration::ZERO)
    });
    share::load_from_location(state);
    // The theme lives on <html data-theme> so the CSS variables switch in one place.
    Effect::new(move |_| {
        let theme = state.theme.get();
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::System => root.remove_attribute("data-theme"),
                t => root.set_attribute("data-theme", t.name()),
            };
        }
    });
    view! {
        <a class="skip" href="#results">"Skip to results"</a>
        <header class="top">
            <div class="title-row">
                <h1>"Article analyzer"</h1>
                <ThemeToggle />
            </div>
            <p class="tagline">
                "People, places, quotes and topics in a news article — computed in your browser. Nothing you paste leaves this page."
            </p>
        </header>
        <main>
            <InputPanel />
            <Results />
        </main>
        <footer class="foot">
            <p>
                "News categories: IPTC Media Topics, © IPTC, licensed CC BY 4.0. "
                "Your text is kept only in this browser (local storage) so a reload does not lose it."
            </p>
        </footer>
    }
}

/// Cycles the colour theme: auto (follow the system) → light → dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button
            type="button"
            id="theme"
            class="secondary"
            aria-label=move || format!("Colour theme: {} (change)", state.theme.get().name())
            on:click=move |_| {
                state.theme.update(|t| *t = t.next());
                state.save_settings();
            }
        >
            {move || format!("Theme: {}", state.theme.get().name())}
        </button>
    }
}

/// The results area: the empty state, or the summary line and all result panels.
#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let empty = move || {
        state.text.with(|t| t.trim().is_empty())
            && state
                .result
                .with(|r| r.as_ref().is_none_or(|r| r.text.trim().is_empty()))
    };
    view! {
        <div id="results" class="results" tabindex="-1">
            <Show when=move || !empty() fallback=|| view! { <EmptyState /> }>
                <Summary />
                <div class="columns">
                    <div class="col-lists">
                        <EntityPanel />
                        <QuotePanel />
                        <TopicPanel />
                        <ExportPanel />
                    </div>
                    <div class="col-text">
                        <DetailsPanel />
                        <ArticleView />
                    </div>
                </div>
            </Show>
        </div>
    }
}

/// Counts and facts about the analyzed text.
#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="meta" id="summary" aria-live="polite">
            {move || {
                state
                    .result
                    .get()
                    .map(|r| {
                        let m = &r.analysis.meta;
                        let date = m
                            .article_date
                            .as_ref()
                            .map(|d| {
                                let from = match m.article_date_source.as_deref() {
                                    Some("option") => "set by you",
                                    Some(_) => "from the text",
                                    None => "",
                                };
                                format!(" · dated {d} ({from})")
                            })
                            .unwrap_or_default();
                        // (In the line, not an element of its own: a view costs ≈ 0.7 KB gz.)
                        let language = language_note(&m.language, m.words)
                            .map(|n| format!(" · {n}"))
                            .unwrap_or_default();
                        format!(
                            "{} entities · {} quotes · {} words · {} sentences · {} min read{date} · analyzed in {} ms{}{language}",
                            r.analysis.entities.len(),
                            r.analysis.quotes.len(),
                            m.words,
                            m.sentences,
                            m.reading_minutes,
                            crate::pretty::fixed(r.millis, 0),
                            if m.truncated { " · text cut at the size limit" } else { "" },
                        )
                    })
            }}
            {move || state.stale.get().then(|| view! { <span class="stale">" · updating…"</span> })}
        </p>
    }
}

/// A warning for text that is not English (the engine's lexicons and models are English only);
/// none for a few words, whose language cannot be told.
pub fn language_note(language: &str, words: usize) -> Option<String> {
    let name = match language {
        "en" => return None,
        _ if words < 12 => return None,
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        _ => "",
    };
    let what = if name.is_empty() {
        "not English".to_string()
    } else {
        format!("looks like {name}")
    };
    Some(format!(
        "{what}: results will be unreliable (the analyzer is built for English)"
    ))
}

/// What to do when there is no text yet.
#[component]
pub fn EmptyState() -> impl IntoView {
    let state = expect_context::<AppState>();
    let focus_input = move |_| {
        if let Some(el) = document()
            .get_element_by_id("input")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    };
    view! {
        <div class="empty" id="empty">
            <h2>"Nothing to analyze yet"</h2>
            <p>
                "Paste a news article into the box above — or drop a text or HTML file on it. "
                "The people, organizations, places, dates and amounts it names appear as chips, every quotation with the person who said it, and the topics it is about. "
                "Click anything to see it in the text and why it was found."
            </p>
            <p>
                <button type="button" on:click=move |_| state.replace_text(SAMPLE.to_string(), "Sample article loaded.")>
                    "Try the sample article"
                </button>
                " "
                <button type="button" class="secondary" on:click=focus_input>"Paste my own"</button>
            </p>
        </div>
    }
}
