#![cfg(target_arch = "wasm32")]
#![cfg(feature = "ui")]
//! DOM tests of the page's components: mount into a fresh element, act, wait a tick, assert.
//! Run: `wasm-pack test --headless --chrome --mode no-install`.

use article_analyzer::ui::{
    self, article, export, input, share, state, App, AppState, ArticleView, DetailsPanel,
    EntityPanel, QuotePanel, Selection,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits `ms` milliseconds (Leptos updates the DOM asynchronously; analysis is debounced).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// A fresh element in the body to mount into; storage emptied so every test starts clean.
fn fresh() -> HtmlElement {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn q(root: &Element, sel: &str) -> Element {
    root.query_selector(sel).unwrap().unwrap_or_else(|| {
        let html = root.outer_html();
        panic!("no {sel} in {}", html.get(..3000).unwrap_or(&html))
    })
}

fn count(root: &Element, sel: &str) -> u32 {
    root.query_selector_all(sel).unwrap().length()
}

fn click(root: &Element, sel: &str) {
    q(root, sel).unchecked_into::<HtmlElement>().click();
}

fn type_text(root: &Element, text: &str) {
    let ta: HtmlTextAreaElement = q(root, "#input").unchecked_into();
    ta.set_value(text);
    let ev = web_sys::Event::new("input").unwrap();
    ta.dispatch_event(&ev).unwrap();
}

/// A state holding the analysis of `text`, for mounting single panels.
fn analyzed(text: &str) -> AppState {
    let s = AppState::new();
    s.text.set(text.to_string());
    s.run();
    s
}

#[wasm_bindgen_test]
async fn first_visit_sample_then_clear_then_sample_shows_seven_quotes() {
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), App);
    sleep(0).await;
    // A first visit shows the sample; Clear gives the empty state.
    let ta: HtmlTextAreaElement = q(&root, "#input").unchecked_into();
    assert_eq!(ta.value(), ui::SAMPLE);
    click(&root, "#clear");
    sleep(0).await;
    assert!(q(&root, "#empty").text_content().unwrap().contains("Paste"));
    click(&root, "#sample");
    sleep(50).await;
    // The sample's 7 quotations in quote marks (the engine may add reported speech).
    assert_eq!(
        count(&root, "#quotes li.quote-card:not(:has(.kind-indirect))"),
        7
    );
    assert!(count(&root, "#entities li") >= 3);
    assert_eq!(
        count(&root, "#article .qt"),
        count(&root, "#quotes li.quote-card")
    );
}

#[wasm_bindgen_test]
async fn typing_is_analyzed_after_a_pause() {
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), App);
    type_text(
        &root,
        "“It works,” Jane Smith said in London on January 4, 2021.",
    );
    sleep(0).await;
    assert!(q(&root, "#counts")
        .text_content()
        .unwrap()
        .starts_with("11 words"));
    sleep(ui::state::DEBOUNCE_MS as i32 + 60).await;
    assert_eq!(count(&root, "#quotes li.quote-card"), 1);
    assert!(count(&root, "#entities li") >= 1);
}

#[wasm_bindgen_test]
async fn clear_then_undo_restores_the_text() {
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), App);
    type_text(&root, "Keep me, said Ann Lee.");
    sleep(0).await;
    click(&root, "#clear");
    sleep(0).await;
    let ta: HtmlTextAreaElement = q(&root, "#input").unchecked_into();
    assert_eq!(ta.value(), "");
    click(&root, "#undo");
    sleep(0).await;
    assert_eq!(ta.value(), "Keep me, said Ann Lee.");
}

#[wasm_bindgen_test]
async fn chip_click_highlights_every_mention() {
    let root = fresh();
    let s = analyzed(ui::SAMPLE);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <EntityPanel /> <ArticleView /> }
    });
    sleep(0).await;
    let chip = q(&root, "#entities button.chip");
    let id = chip.get_attribute("data-chip").unwrap();
    chip.unchecked_ref::<HtmlElement>().click();
    sleep(0).await;
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    let marked = count(&root, &format!("#article mark.sel[data-e=\"{id}\"]"));
    assert!(marked >= 1);
    assert_eq!(count(&root, "#article mark.sel"), marked);
    assert_eq!(s.selection.get_untracked(), Selection::Entity(id));
}

#[wasm_bindgen_test]
async fn mention_click_selects_its_entity() {
    let root = fresh();
    let s = analyzed(ui::SAMPLE);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <ArticleView /> }
    });
    sleep(0).await;
    let m = q(&root, "#article mark[data-e]");
    let id = m.get_attribute("data-e").unwrap();
    m.unchecked_ref::<HtmlElement>().click();
    sleep(0).await;
    assert_eq!(s.selection.get_untracked(), Selection::Entity(id));
    assert!(m.class_list().contains("sel"));
}

#[wasm_bindgen_test]
async fn type_toggle_hides_highlights_and_chips() {
    let root = fresh();
    let s = analyzed(ui::SAMPLE);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <EntityPanel /> <ArticleView /> }
    });
    sleep(0).await;
    // The group of the first highlighted mention, e.g. `g-date`.
    let class = q(&root, "#article mark").get_attribute("class").unwrap();
    let g = class
        .split(' ')
        .find(|c| c.starts_with("g-"))
        .unwrap()
        .to_string();
    let marks = format!("#article mark.{g}");
    assert!(count(&root, &marks) > 0);
    click(&root, &format!(".toggle[data-group=\"{g}\"]"));
    sleep(0).await;
    assert_eq!(count(&root, &marks), 0);
    assert_eq!(count(&root, &format!("#entities .{g}")), 0);
    let toggle = q(&root, &format!(".toggle[data-group=\"{g}\"]"));
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn speaker_filter_narrows_the_cards() {
    let root = fresh();
    let s = analyzed(ui::SAMPLE);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <QuotePanel /> }
    });
    sleep(0).await;
    let all = count(&root, "li.quote-card");
    assert!(all >= 7);
    let key = q(&root, "#speaker-filter option:nth-child(2)")
        .get_attribute("value")
        .unwrap();
    s.speaker_filter.set(key);
    sleep(0).await;
    let n = count(&root, "li.quote-card");
    assert!((1..all).contains(&n), "{n} of {all} cards");
}

#[wasm_bindgen_test]
async fn quote_why_shows_rule_and_confidence() {
    let root = fresh();
    let s = analyzed(ui::SAMPLE);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <QuotePanel /> <DetailsPanel /> }
    });
    sleep(0).await;
    click(&root, "#quote-0 button.locate");
    sleep(0).await;
    let d = q(&root, "#details").text_content().unwrap();
    assert!(
        d.contains("Quote 1") && d.contains("Rule") && d.contains("Confidence"),
        "{d}"
    );
}

#[wasm_bindgen_test]
async fn markup_in_the_text_stays_text() {
    let root = fresh();
    let payload = "<img src=x onerror=\"window.__pwned=1\"> <script>window.__pwned=2</script> “<b>Hi</b>,” said John Smith.";
    let s = analyzed(payload);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <ArticleView /> <QuotePanel /> }
    });
    sleep(50).await;
    assert!(q(&root, "#article")
        .text_content()
        .unwrap()
        .contains("<img src=x onerror="));
    assert_eq!(count(&root, "img, script, b"), 0);
    assert!(js_sys::Reflect::get(&window(), &"__pwned".into())
        .unwrap()
        .is_undefined());
}

#[wasm_bindgen_test]
fn html_to_text_keeps_paragraphs_and_drops_scripts() {
    let t = input::html_to_text(
        "<h1>Title</h1><p>One <b>two</b>\n  three.</p><script>alert(1)</script><ul><li>a</li><li>b</li></ul>",
    );
    assert_eq!(t, "Title\n\nOne two three.\n\na\n\nb");
}

#[wasm_bindgen_test]
fn segments_slice_the_text_exactly() {
    let text = ui::SAMPLE;
    let a = article_analyzer::analyze(text, &Default::default());
    let blocks = article::segment(text, &a, usize::MAX, |_| true);
    let mut joined = String::new();
    for b in &blocks {
        for p in &b.pieces {
            let r = match p {
                article::Piece::Text(r) => r,
                article::Piece::Mention { range, .. } | article::Piece::Speaker { range, .. } => {
                    range
                }
            };
            joined.push_str(&text[r.clone()]);
        }
    }
    assert_eq!(joined, text);
    assert_eq!(
        blocks.iter().filter(|b| b.quote.is_some()).count(),
        a.quotes.len()
    );
    // A limit inside a multi-byte character is moved back to a boundary.
    let short = article::segment("é“x”", &a, 1, |_| false);
    assert!(short.is_empty());
}

#[wasm_bindgen_test]
fn exports_are_well_formed() {
    let a = article_analyzer::analyze(ui::SAMPLE, &Default::default());
    // The export is the engine's own JSON (the CLI's), pretty-printed.
    let export: serde_json::Value = serde_json::from_str(&export::to_json(&a)).unwrap();
    let engine: serde_json::Value = serde_json::from_str(&a.to_json().unwrap()).unwrap();
    assert_eq!(export, engine);
    assert!(export["entities"].as_array().is_some_and(|e| !e.is_empty()));
    let csv = export::entities_csv(&a);
    assert_eq!(csv.lines().count(), a.entities.len() + 1);
    let quotes = export::quotes_csv(&a);
    assert!(quotes.starts_with("start,end,kind,quote,speaker"));
    let md = export::markdown(&a);
    assert!(md.starts_with("# Article analysis") && md.contains("## Quotes"));
}

#[wasm_bindgen_test]
fn base64url_round_trips() {
    for data in [&b""[..], b"a", b"ab", b"abc", b"\x00\xff\x10 hello \xfe"] {
        let enc = share::b64url_encode(data);
        assert!(!enc.contains(['+', '/', '=']));
        assert_eq!(share::b64url_decode(&enc).unwrap(), data);
    }
    assert_eq!(share::b64url_decode("a$b"), None);
}

#[wasm_bindgen_test]
async fn share_fragment_round_trips() {
    let frag = share::make_fragment(ui::SAMPLE, "2021-01-27")
        .await
        .unwrap();
    assert!(frag.starts_with("d=2021-01-27&t="));
    assert!(frag.len() < ui::SAMPLE.len(), "compressed");
    let (text, date) = share::read_fragment(&frag).await.unwrap();
    assert_eq!(text, ui::SAMPLE);
    assert_eq!(date, "2021-01-27");
    assert!(share::read_fragment("t=AAAA").await.is_none());
}

#[wasm_bindgen_test]
fn small_helpers() {
    assert_eq!(input::group_digits(1234567), "1,234,567");
    assert_eq!(input::group_digits(12), "12");
    for t in [
        "",
        "  ",
        "one",
        " two  words\n",
        "a\u{a0}b\u{3000}c d\u{2009}e",
        "é “x” — 👩‍👩‍👧 y\u{85}z",
        ui::SAMPLE,
    ] {
        // Whitespace-separated runs with a letter or digit (a lone "—" is no word).
        let words = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        assert_eq!(input::count_words(t), words, "{t:?}");
        assert_eq!(input::count_chars(t), t.chars().count(), "{t:?}");
    }
    assert!(state::is_iso_date("2021-01-27"));
    assert!(!state::is_iso_date("2021-1-27"));
    assert_eq!(state::human_bytes(5 * 1024 * 1024), "5.0 MB");
    assert_eq!(ui::language_note("en", 500), None);
    assert_eq!(ui::language_note("de", 5), None, "too few words to tell");
    assert!(ui::language_note("de", 40).is_some_and(|n| n.contains("looks like German")));
    assert!(ui::language_note("und", 40).is_some_and(|n| n.contains("not English")));
}

/// Dispatches a `keydown` of `key` (bubbling, cancelable) at `target`.
fn key(target: &Element, key: &str) -> bool {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&window(), &"KeyboardEvent".into())
        .unwrap()
        .unchecked_into();
    let ev: web_sys::Event =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"keydown".into(), &init))
            .unwrap()
            .unchecked_into();
    target.dispatch_event(&ev).unwrap()
}

fn active() -> Element {
    document().active_element().expect("something has focus")
}

#[wasm_bindgen_test]
async fn article_is_one_tab_stop_and_arrows_move_between_highlights() {
    let root = fresh();
    let s = analyzed(ui::SAMPLE);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <ArticleView /> }
    });
    sleep(0).await;
    let art = q(&root, "#article");
    assert_eq!(art.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(art.get_attribute("aria-describedby").is_some());
    // Many highlights, none of them in the Tab order.
    let items = art.query_selector_all(article::KEY_ITEMS).unwrap();
    let n = items.length();
    assert!(n > 20, "{n} highlights");
    assert_eq!(count(&art, "[tabindex]:not([tabindex=\"-1\"])"), 0);
    let item = |i: u32| -> Element { items.item(i).unwrap().unchecked_into() };
    // Every highlight names itself: a mention with its entity type, an attribution with its quote.
    for i in 0..n {
        let el = item(i);
        assert_eq!(el.get_attribute("role").as_deref(), Some("button"));
        assert_eq!(el.get_attribute("tabindex").as_deref(), Some("-1"));
        let label = el.get_attribute("aria-label").unwrap();
        if el.has_attribute("data-e") {
            let tag = el.query_selector(".tag").unwrap().unwrap();
            let full = tag.get_attribute("title").unwrap();
            assert!(label.contains(&full), "{label} names its type {full}");
        } else {
            assert!(label.starts_with("Quote "), "{label}");
        }
    }
    art.unchecked_ref::<HtmlElement>().focus().unwrap();
    assert!(
        !key(&art, "ArrowRight"),
        "handled keys are cancelled (no scrolling)"
    );
    assert_eq!(active(), item(0));
    key(&active(), "ArrowRight");
    assert_eq!(active(), item(1));
    key(&active(), "n");
    assert_eq!(active(), item(2));
    key(&active(), "p");
    key(&active(), "ArrowLeft");
    assert_eq!(active(), item(0));
    key(&active(), "ArrowLeft");
    assert_eq!(active(), item(0), "stays at the first");
    key(&active(), "End");
    assert_eq!(active(), item(n - 1));
    key(&active(), "ArrowDown");
    assert_eq!(active(), item(n - 1), "stays at the last");
    key(&active(), "Home");
    assert_eq!(active(), item(0));
    key(&active(), "n");
    // Escape leaves to the article; coming back resumes at the same highlight.
    key(&active(), "Escape");
    assert_eq!(active(), art);
    key(&art, "ArrowRight");
    assert_eq!(active(), item(1));
    // Other keys are left alone (Tab, letters, shortcuts).
    assert!(key(&active(), "Tab"));
    assert!(key(&active(), "x"));
    assert_eq!(active(), item(1));
}

#[wasm_bindgen_test]
async fn enter_and_space_on_highlights_select_like_a_click() {
    let root = fresh();
    let s = analyzed(ui::SAMPLE);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <EntityPanel /> <ArticleView /> }
    });
    sleep(0).await;
    let art = q(&root, "#article");
    art.unchecked_ref::<HtmlElement>().focus().unwrap();
    key(&art, "ArrowRight");
    let m = active();
    let id = m
        .get_attribute("data-e")
        .expect("the first highlight is a mention");
    assert_eq!(m.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(!key(&m, "Enter"));
    sleep(0).await;
    assert_eq!(s.selection.get_untracked(), Selection::Entity(id.clone()));
    assert_eq!(m.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(m.class_list().contains("sel"));
    let chip = q(&root, &format!("[data-chip=\"{id}\"]"));
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    // Enter again toggles it off, like a second click.
    key(&m, "Enter");
    sleep(0).await;
    assert_eq!(s.selection.get_untracked(), Selection::None);
    // Space on a quote attribution (the first one, reached with the arrow key) selects that quote.
    for _ in 0..200 {
        if active().has_attribute("data-q") {
            break;
        }
        key(&active(), "ArrowRight");
    }
    let by = active();
    let qi: usize = by
        .get_attribute("data-q")
        .expect("arrows reach a quote attribution")
        .parse()
        .unwrap();
    assert!(!key(&by, " "));
    sleep(0).await;
    assert_eq!(s.selection.get_untracked(), Selection::Quote(qi));
    assert_eq!(by.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(q(&root, &format!("#article .qt[data-q=\"{qi}\"]"))
        .class_list()
        .contains("sel"));
}

#[wasm_bindgen_test]
fn worker_export_gives_the_analysis_with_byte_offsets() {
    let text = "“Ça marche,” dit Zoë Dupont à Paris. “It works,” Jane Smith said in London.";
    let bytes = article_analyzer::bindings::analyze_wire(text.as_bytes(), "").unwrap();
    let a = article_analyzer::wire::decode(&bytes).unwrap();
    assert_eq!(a, article_analyzer::analyze(text, &Default::default()));
    for e in &a.entities {
        for m in &e.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
    let dated = article_analyzer::bindings::analyze_wire(
        text.as_bytes(),
        r#"{"articleDate":"2021-01-27"}"#,
    )
    .unwrap();
    let dated = article_analyzer::wire::decode(&dated).unwrap();
    assert_eq!(dated.meta.article_date.as_deref(), Some("2021-01-27"));
    assert!(article_analyzer::bindings::analyze_wire(b"\xff", "").is_err());
}

#[wasm_bindgen_test]
async fn without_a_worker_long_texts_are_analyzed_on_the_main_thread() {
    // The DOM tests have no Trunk build, hence no worker: the page falls back to analyzing here.
    let root = fresh();
    let s = AppState::new();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(s);
        view! { <ui::InputPanel /> <QuotePanel /> }
    });
    assert!(!s.uses_worker());
    let mut text = String::new();
    while text.len() < state::WORKER_MIN_BYTES + 1000 {
        text.push_str(ui::SAMPLE);
        text.push_str("\n\n");
    }
    type_text(&root, &text);
    sleep(ui::state::DEBOUNCE_MS as i32 + 100).await;
    assert!(count(&root, "#quotes li.quote-card") >= 7);
    assert!(!s.busy.get_untracked());
}
