//! The page's state: one [`AppState`] of signals, shared through context, plus the small value
//! types the panels agree on (entity groups, the current selection, the theme).

use super::worker::{Client, Outcome, Request};
use crate::engine::model::{Analysis, Label, Options};
use crate::engine::MAX_INPUT_BYTES;
use leptos::prelude::*;
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// Without the analysis worker (it failed to start, or the page was not loaded by boot.js), above
/// this many bytes the page stops analyzing on every keystroke (a long text takes long enough to
/// make typing stutter) and waits for "Analyze now". With the worker every size is analyzed live.
pub const LIVE_LIMIT: usize = 150_000;
/// Texts of at least this many bytes are analyzed in the worker; shorter ones take a few
/// milliseconds, less than the round trip, and are analyzed on the main thread.
pub const WORKER_MIN_BYTES: usize = 20_000;
/// Pause after the last keystroke before the text is analyzed.
pub const DEBOUNCE_MS: u64 = 150;
/// The same pause for texts over [`LIVE_LIMIT`] analyzed in the worker (each run takes long).
pub const LONG_DEBOUNCE_MS: u64 = 500;
/// Pause after the last keystroke before the draft is written to `localStorage`.
const SAVE_MS: u64 = 400;
const DRAFT_KEY: &str = "article-analyzer:draft";
const SETTINGS_KEY: &str = "article-analyzer:settings";

/// How the page groups entity types into chip rows and toggles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// `PER`.
    People,
    /// `ORG`.
    Organizations,
    /// `LOC`.
    Places,
    /// `DATE` and `TIME`.
    Dates,
    /// `MONEY` and `PERCENT`.
    Amounts,
    /// `MISC`.
    Other,
}

impl Group {
    /// All groups in display order.
    pub const ALL: [Group; 6] = [
        Group::People,
        Group::Organizations,
        Group::Places,
        Group::Dates,
        Group::Amounts,
        Group::Other,
    ];

    /// The group a label belongs to.
    pub fn of(label: Label) -> Group {
        match label {
            Label::PER => Group::People,
            Label::ORG => Group::Organizations,
            Label::LOC => Group::Places,
            Label::DATE | Label::TIME => Group::Dates,
            Label::MONEY | Label::PERCENT => Group::Amounts,
            Label::MISC => Group::Other,
        }
    }

    /// Heading shown to the reader.
    pub fn title(self) -> &'static str {
        match self {
            Group::People => "People",
            Group::Organizations => "Organizations",
            Group::Places => "Places",
            Group::Dates => "Dates",
            Group::Amounts => "Amounts",
            Group::Other => "Other",
        }
    }

    /// CSS class suffix (`g-per`, …): the colour of chips and highlights.
    pub fn css(self) -> &'static str {
        match self {
            Group::People => "g-per",
            Group::Organizations => "g-org",
            Group::Places => "g-loc",
            Group::Dates => "g-date",
            Group::Amounts => "g-amount",
            Group::Other => "g-misc",
        }
    }

    /// This group's bit in [`AppState::hidden`].
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The full, readable name of a label (the short code is shown next to every highlight; this is its
/// expansion for `<abbr title>` and screen readers).
pub fn label_name(label: Label) -> &'static str {
    match label {
        Label::PER => "Person",
        Label::ORG => "Organization",
        Label::LOC => "Place",
        Label::MISC => "Other name",
        Label::DATE => "Date",
        Label::TIME => "Time",
        Label::MONEY => "Money",
        Label::PERCENT => "Percentage",
    }
}

/// One finished analysis together with the exact text it describes (the offsets point into that
/// text, which may already differ from the text area while the user types).
#[derive(Debug, Clone, PartialEq)]
pub struct Analyzed {
    /// The analyzed text.
    pub text: String,
    /// The engine's result (UTF-8 byte offsets into `text`).
    pub analysis: Analysis,
    /// Wall-clock time the engine took, in milliseconds.
    pub millis: f64,
}

/// What the reader has selected; drives highlighting in the article and the "why" panel.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// An entity, by id.
    Entity(String),
    /// A quote, by index in `Analysis::quotes`.
    Quote(usize),
    /// A key phrase, by index.
    Keyphrase(usize),
    /// A news category, by index.
    Category(usize),
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The next theme in the toggle's cycle.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// Name shown on the toggle.
    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Settings kept in `localStorage` (the draft is stored separately).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Colour theme.
    pub theme: Theme,
    /// The article date typed by the user (`YYYY-MM-DD` or empty).
    pub article_date: String,
    /// Hidden entity groups ([`Group::bit`]s).
    pub hidden: u8,
}

impl Settings {
    /// Reads what [`AppState`] saved (`serde_json` wrote it); a missing or mistyped field keeps
    /// its default. (Read field by field: the page's wasm holds no JSON deserializer.)
    fn from_json(json: &str) -> Option<Settings> {
        let v = js_sys::JSON::parse(json).ok().filter(|v| v.is_object())?;
        let get = |k: &str| js_sys::Reflect::get(&v, &JsValue::from_str(k)).ok();
        let mut s = Settings::default();
        if let Some(t) = get("theme").and_then(|t| t.as_string()) {
            s.theme = match t.as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => Theme::System,
            };
        }
        if let Some(d) = get("articleDate").and_then(|d| d.as_string()) {
            s.article_date = d;
        }
        if let Some(h) = get("hidden").and_then(|h| h.as_f64()) {
            s.hidden = h.clamp(0.0, 255.0) as u8;
        }
        Some(s)
    }
}

/// A status message under the text area, optionally offering to undo the last text replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What happened.
    pub text: String,
    /// Show an "Undo" button (restores [`AppState::undo_text`]).
    pub undo: bool,
}

/// All page state; `Copy`, so every panel and closure takes it by value.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The text area's contents.
    pub text: RwSignal<String>,
    /// Fires when the text was changed by the page (sample, clear, undo, file, link) rather than
    /// by typing, so the text area (otherwise left alone while the user types) takes the new value.
    pub replaced: Trigger,
    /// The article date typed by the user (`YYYY-MM-DD` or empty).
    pub article_date: RwSignal<String>,
    /// The latest analysis.
    pub result: RwSignal<Option<Arc<Analyzed>>>,
    /// The text changed since the latest analysis.
    pub stale: RwSignal<bool>,
    /// An analysis is running in the worker, or about to run on the main thread (long texts: the
    /// page paints this first).
    pub busy: RwSignal<bool>,
    /// The current selection.
    pub selection: RwSignal<Selection>,
    /// Hidden entity groups ([`Group::bit`]s).
    pub hidden: RwSignal<u8>,
    /// Quote filter: a speaker key (entity id or name), empty for all.
    pub speaker_filter: RwSignal<String>,
    /// Colour theme.
    pub theme: RwSignal<Theme>,
    /// The status line.
    pub notice: RwSignal<Option<Notice>>,
    /// The text before the last replacement, for Undo.
    pub undo_text: RwSignal<Option<String>>,
    analyze_timer: StoredValue<Option<TimeoutHandle>>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// Sequence number of the latest analysis requested; results of older ones are dropped.
    seq: StoredValue<u64>,
    /// The analysis worker, once started.
    engine: StoredValue<Option<Client>, LocalStorage>,
    /// [`Self::start_worker`] ran (the worker may still have failed to start).
    worker_tried: StoredValue<bool>,
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    /// Empty state: no text, default settings, nothing read from storage.
    pub fn new() -> Self {
        AppState {
            text: RwSignal::new(String::new()),
            replaced: Trigger::new(),
            article_date: RwSignal::new(String::new()),
            result: RwSignal::new(None),
            stale: RwSignal::new(false),
            busy: RwSignal::new(false),
            selection: RwSignal::new(Selection::None),
            hidden: RwSignal::new(0),
            speaker_filter: RwSignal::new(String::new()),
            theme: RwSignal::new(Theme::System),
            notice: RwSignal::new(None),
            undo_text: RwSignal::new(None),
            analyze_timer: StoredValue::new(None),
            save_timer: StoredValue::new(None),
            seq: StoredValue::new(0),
            engine: StoredValue::new_local(None),
            worker_tried: StoredValue::new(false),
        }
    }

    /// Reads the saved settings and draft from `localStorage` and analyzes the draft; on a first
    /// visit (no draft saved, not even an empty one) loads the sample.
    pub fn restore(&self) {
        if let Some(s) = read_storage(SETTINGS_KEY).and_then(|j| Settings::from_json(&j)) {
            self.theme.set(s.theme);
            self.article_date.set(s.article_date);
            self.hidden.set(s.hidden);
        }
        match read_storage(DRAFT_KEY) {
            Some(draft) if !draft.is_empty() => {
                self.text.set(draft);
                self.replaced.notify();
                self.schedule(0);
            }
            Some(_) => {} // cleared on purpose: show the empty state
            None => {
                // First visit: the page shows what it does on the built-in sample.
                self.text.set(super::SAMPLE.to_string());
                self.replaced.notify();
                self.notice.set(Some(Notice {
                    text:
                        "This is a sample article. Paste your own text — or press Clear — to start."
                            .into(),
                    undo: false,
                }));
                self.schedule(0);
            }
        }
    }

    /// The current settings, for saving.
    pub fn settings(&self) -> Settings {
        Settings {
            theme: self.theme.get(),
            article_date: self.article_date.get(),
            hidden: self.hidden.get(),
        }
    }

    /// The user typed: keep the text, analyze after a pause, save the draft after a pause.
    pub fn edit(&self, text: String) {
        self.text.set(text);
        self.stale.set(true);
        self.schedule(DEBOUNCE_MS);
        self.schedule_save();
    }

    /// Replaces the whole text from the page (sample, file, link, clear), keeping the old text for
    /// Undo when there was any, and analyzes the new text right away.
    pub fn replace_text(&self, text: String, what: &str) {
        let old = self.text.get_untracked();
        let undo = !old.trim().is_empty() && old != text;
        if undo {
            self.undo_text.set(Some(old));
        }
        self.notice.set(Some(Notice {
            text: what.to_string(),
            undo,
        }));
        self.text.set(text);
        self.replaced.notify();
        self.selection.set(Selection::None);
        self.speaker_filter.set(String::new());
        self.stale.set(true);
        self.schedule(0);
        self.schedule_save();
    }

    /// Restores the text that the last replacement discarded.
    pub fn undo(&self) {
        if let Some(old) = self.undo_text.get_untracked() {
            let current = self.text.get_untracked();
            self.text.set(old);
            self.replaced.notify();
            // Undo of the undo: the text just discarded stays recoverable.
            self.undo_text
                .set(Some(current).filter(|c| !c.trim().is_empty()));
            let has_redo = self.undo_text.with_untracked(Option::is_some);
            self.notice.set(Some(Notice {
                text: "Text restored.".into(),
                undo: has_redo,
            }));
            self.stale.set(true);
            self.schedule(0);
            self.schedule_save();
        }
    }

    /// Starts the analysis worker (see [`super::worker`]) unless it was started already; without
    /// one, or if it fails, analysis stays on the main thread.
    pub fn start_worker(&self) {
        if self.worker_tried.try_get_value() != Some(false) {
            return;
        }
        self.worker_tried.set_value(true);
        let this = *self;
        let client = Client::start(move |o| this.receive(o));
        self.engine.set_value(client);
    }

    /// The working analysis worker, started now if it was not yet.
    fn client(&self) -> Option<Client> {
        self.start_worker();
        self.engine
            .try_with_value(|c| c.clone().filter(Client::ok))
            .flatten()
    }

    /// Whether long texts go to a working analysis worker (starting it if it was not yet).
    pub fn uses_worker(&self) -> bool {
        self.client().is_some()
    }

    /// Analyzes after `delay_ms` (restarting the wait on every call). Without the worker, long
    /// texts are analyzed only when asked for (`delay_ms == 0`), never while the user types.
    pub fn schedule(&self, delay_ms: u64) {
        if let Some(Some(h)) = self.analyze_timer.try_get_value() {
            h.clear();
        }
        let len = self.text.with_untracked(String::len);
        let long = len > LIVE_LIMIT;
        let in_worker = len >= WORKER_MIN_BYTES && self.uses_worker();
        let delay = if in_worker {
            if long && delay_ms > 0 {
                LONG_DEBOUNCE_MS
            } else {
                delay_ms
            }
        } else if long {
            if delay_ms > 0 {
                return;
            }
            // A long text blocks the page while it is analyzed: paint "Analyzing…" first.
            self.busy.set(true);
            40
        } else {
            delay_ms
        };
        let this = *self;
        let handle =
            set_timeout_with_handle(move || this.analyze(), Duration::from_millis(delay)).ok();
        self.analyze_timer.set_value(handle);
    }

    /// The engine options from the page's settings.
    pub fn options(&self) -> Options {
        let date = self.article_date.get_untracked();
        Options {
            article_date: Some(date).filter(|d| is_iso_date(d)),
            ..Options::default()
        }
    }

    fn next_seq(&self) -> u64 {
        self.seq.update_value(|s| *s += 1);
        self.seq.get_value()
    }

    /// Analyzes the current text now: in the worker when it is long enough and the worker works
    /// (the result arrives later, through [`Self::receive`]), else synchronously.
    pub fn analyze(&self) {
        let seq = self.next_seq();
        let text = self.text.get_untracked();
        let options = self.options();
        let client = if text.len() >= WORKER_MIN_BYTES {
            self.client()
        } else {
            None
        };
        match client {
            Some(c) => {
                self.busy.set(true);
                let options_json = serde_json::to_string(&options).unwrap_or_default();
                c.send(Request {
                    seq,
                    text,
                    options_json,
                });
            }
            None => self.run_sync(seq, text, &options),
        }
    }

    /// Analyzes now, synchronously, on the main thread.
    pub fn run(&self) {
        let seq = self.next_seq();
        let text = self.text.get_untracked();
        self.run_sync(seq, text, &self.options());
    }

    fn run_sync(&self, seq: u64, text: String, options: &Options) {
        let t0 = now();
        let analysis = crate::analyze(&text, options);
        let millis = now() - t0;
        if self.seq.get_value() == seq {
            self.apply(text, analysis, millis);
        }
    }

    /// A worker's answer: shown if it answers the latest request, dropped if a newer one was made.
    fn receive(&self, outcome: Outcome) {
        let Some(latest) = self.seq.try_get_value() else {
            return; // the page is gone
        };
        match outcome {
            Outcome::Done {
                seq,
                text,
                bytes,
                millis,
            } if seq == latest => {
                // Parsed in a task of its own: the page paints between receiving and showing.
                let this = *self;
                set_timeout(
                    move || {
                        if this.seq.try_get_value() != Some(seq) {
                            return;
                        }
                        match crate::wire::decode(&bytes) {
                            Some(analysis) => this.apply(text, analysis, millis),
                            None => this.run_sync(seq, text, &this.options()),
                        }
                    },
                    Duration::ZERO,
                );
            }
            Outcome::Failed {
                seq,
                text,
                options_json,
            } if seq == latest => {
                // The worker is gone: analyze here, after "Analyzing…" is painted.
                let options = crate::bindings::options_from_json(&options_json).unwrap_or_default();
                let this = *self;
                set_timeout(
                    move || this.run_sync(seq, text, &options),
                    Duration::from_millis(40),
                );
            }
            _ => {} // stale
        }
    }

    /// Shows a finished analysis of `text`.
    fn apply(&self, text: String, analysis: Analysis, millis: f64) {
        // Entity ids are positional, so a selection survives re-analysis only by name.
        let old = self.result.get_untracked();
        let selection = match self.selection.get_untracked() {
            Selection::Entity(id) => old
                .as_ref()
                .and_then(|o| o.analysis.entities.iter().find(|e| e.id == id))
                .and_then(|e| analysis.entities.iter().find(|n| n.name == e.name))
                .map(|n| Selection::Entity(n.id.clone()))
                .unwrap_or_default(),
            Selection::Quote(i) if i < analysis.quotes.len() => Selection::Quote(i),
            Selection::Keyphrase(i) if i < analysis.topics.keyphrases.len() => {
                Selection::Keyphrase(i)
            }
            Selection::Category(i) if i < analysis.topics.categories.len() => {
                Selection::Category(i)
            }
            _ => Selection::None,
        };
        // The user may have typed on while the worker ran.
        let stale = self.text.with_untracked(|t| *t != text);
        self.result.set(Some(Arc::new(Analyzed {
            text,
            analysis,
            millis,
        })));
        self.selection.set(selection);
        self.stale.set(stale);
        self.busy.set(false);
    }

    /// Saves the draft after a pause in typing.
    pub fn schedule_save(&self) {
        if let Some(Some(h)) = self.save_timer.try_get_value() {
            h.clear();
        }
        let this = *self;
        let handle =
            set_timeout_with_handle(move || this.save_draft(), Duration::from_millis(SAVE_MS)).ok();
        self.save_timer.set_value(handle);
    }

    /// Writes the draft to `localStorage` now; tells the user when the browser refuses (quota).
    pub fn save_draft(&self) {
        let ok = self.text.with_untracked(|t| write_storage(DRAFT_KEY, t));
        if !ok {
            self.notice.set(Some(Notice {
                text: "This text is too large to keep as a draft in this browser; it will not survive a reload."
                    .into(),
                undo: false,
            }));
        }
    }

    /// Writes the settings to `localStorage`.
    pub fn save_settings(&self) {
        if let Ok(json) = serde_json::to_string(&self.settings()) {
            write_storage(SETTINGS_KEY, &json);
        }
    }

    /// Selects `sel`, or clears the selection when `sel` is already selected.
    pub fn toggle_selection(&self, sel: Selection) {
        if self.selection.get_untracked() == sel {
            self.selection.set(Selection::None);
        } else {
            self.selection.set(sel);
        }
    }
}

/// `YYYY-MM-DD` with plausible digits (what `<input type=date>` produces).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The longest text the engine analyzes in full.
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}

/// Milliseconds since page load.
pub fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn read_storage(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// `false` when the browser refused (quota exceeded, storage disabled).
fn write_storage(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Human-readable size: `830 bytes`, `12 KB`, `1.4 MB`.
pub fn human_bytes(n: usize) -> String {
    if n < 1024 {
        format!("{n} bytes")
    } else if n < 1024 * 1024 {
        format!("{} KB", n.div_ceil(1024))
    } else {
        format!(
            "{} MB",
            crate::pretty::fixed(n as f64 / (1024.0 * 1024.0), 1)
        )
    }
}
