//! The public data model: what `analyze` returns.
//!
//! Offsets: in native Rust and in the CLI's JSON every `start`/`end` is a **UTF-8 byte offset, end
//! exclusive**, into the exact text given to `analyze`, so `&text[start..end] == text_field`. The JS
//! binding converts every offset to **UTF-16 code units** (what `String.prototype.slice` uses) in one
//! place, [`crate::offsets`].

// `Deserialize` of the result types is native only (tests, Rust callers): the page reads its
// worker's results in the smaller binary form of `article_analyzer::wire`.
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The result's short strings (mention texts, names, ids, chip texts, category codes). Natively a
/// `SmolStr`: up to 23 bytes inline, longer ones shared. Most are a word or two, and as `String`s
/// they were over half the topic stage's allocations. In the wasm build a `String`: `SmolStr`'s
/// code there cost 4.4 KB gz, over the page's budget. Both deref to `str`, convert `From<&str>`
/// and serialize as a string.
#[cfg(not(target_arch = "wasm32"))]
pub type Text = smol_str::SmolStr;
/// See the native definition.
#[cfg(target_arch = "wasm32")]
pub type Text = String;

/// Everything the engine finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Analysis {
    /// Counts and facts about the text as a whole.
    pub meta: Meta,
    /// Entities (aliases merged), most salient first.
    pub entities: Vec<Entity>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
    /// Key phrases and news categories.
    pub topics: Topics,
}

/// Facts about the whole text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Meta {
    /// Unicode scalar values (characters) in the text.
    pub chars: usize,
    /// Words: whitespace-separated runs holding a letter or digit (what a word processor counts).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs (blocks separated by a blank line, or lines when the text has no blank lines).
    pub paragraphs: usize,
    /// Reading time at 230 words per minute, rounded up (0 for an empty text).
    pub reading_minutes: u32,
    /// The article's own date (ISO `YYYY-MM-DD`): given in the options, or stated by the text
    /// (a leading `date 2021-01-27` line, or a dateline such as `LONDON 1996-08-30`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_date: Option<String>,
    /// Where `article_date` came from: `option`, `date-line`, `dateline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_date_source: Option<String>,
    /// ISO 639-1 code of the text's language as far as the engine can tell: `en`; `de`, `fr`, `es`,
    /// `it`, `pt` or `nl` (analyzed all the same, poorly); `und` when it cannot tell.
    pub language: String,
    /// The engine stopped early (input over the size limit); results cover only part of the text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// Entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Label {
    /// A person (or a named group of people).
    PER,
    /// An organization: company, agency, party, team, institution.
    ORG,
    /// A place: country, city, region, landmark.
    LOC,
    /// Other names: nationalities, events, laws and treaties, products, works.
    MISC,
    /// A calendar date or period.
    DATE,
    /// A time of day.
    TIME,
    /// An amount of money.
    MONEY,
    /// A percentage.
    PERCENT,
}

impl Label {
    /// All labels, in display order.
    pub const ALL: [Label; 8] = [
        Label::PER,
        Label::ORG,
        Label::LOC,
        Label::MISC,
        Label::DATE,
        Label::TIME,
        Label::MONEY,
        Label::PERCENT,
    ];

    /// The label's short code, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::PER => "PER",
            Label::ORG => "ORG",
            Label::LOC => "LOC",
            Label::MISC => "MISC",
            Label::DATE => "DATE",
            Label::TIME => "TIME",
            Label::MONEY => "MONEY",
            Label::PERCENT => "PERCENT",
        }
    }

    /// Parses a label code (as used in the gold files); `None` for unknown codes.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Whether this label is a named entity (as opposed to a value such as a date or amount).
    pub fn is_name(self) -> bool {
        matches!(self, Label::PER | Label::ORG | Label::LOC | Label::MISC)
    }
}

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name in any form ("Joe Biden", "Biden", "U.S."), or a value expression for dates
    /// and amounts.
    Name,
    /// A description: "the US president", "his Russian counterpart".
    Nominal,
    /// A pronoun: "he", "it".
    Pronoun,
}

/// One place in the text where an entity is mentioned.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Mention {
    /// Start offset (UTF-8 bytes natively, UTF-16 units in JS).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// The mention exactly as written: `text[start..end]`.
    pub text: Text,
    /// Name, nominal or pronoun.
    pub kind: MentionKind,
    /// The rule or model decision that produced the mention (e.g. `model`, `gazetteer:country`,
    /// `date:month-day`, `coref:pronoun`).
    // A `Cow`: the engine's rule names are static, so a mention costs no allocation for its rule;
    // deserialized results own theirs.
    pub rule: Cow<'static, str>,
    /// Confidence in 0..=1.
    pub confidence: f32,
}

/// A thing the article talks about: its mentions, aliases merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Entity {
    /// Stable within one analysis: `e0`, `e1`, … in order of first mention.
    pub id: Text,
    /// Canonical name: the longest name form the text uses.
    pub name: Text,
    /// Type.
    pub label: Label,
    /// Importance in 0..=1 (mentions, position, role as speaker/subject); the list is sorted by it.
    pub salience: f32,
    /// Mentions in text order, never overlapping.
    pub mentions: Vec<Mention>,
    /// Normalized value for dates, times, money and percentages (e.g. `2021-01-26`,
    /// `2021-01-18/2021-01-24`, `15:00`, `USD 5000000`, `24%`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Text>,
}

/// How a quotation relates to its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full statement in quote marks.
    Direct,
    /// A few quoted words inside the writer's own sentence ("calling him ‘Putin’s puppet’").
    Partial,
    /// Reported speech without quote marks ("Psaki said that …"); the span is the content.
    Indirect,
    /// Quote marks around a title or a scare-quoted term, probably not speech (low confidence).
    Term,
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Speaker {
    /// The `id` of the speaker's entity, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<Text>,
    /// Display name: the entity's canonical name, or the speaker phrase as written.
    pub name: Text,
    /// The mention in the text that names the speaker at this quote ("He", "the White House").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Span>,
}

/// A stretch of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Span {
    /// Start offset.
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// `text[start..end]`.
    pub text: Text,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Quote {
    /// Start offset of the quote including its opening mark (for `indirect`, of the content).
    pub start: usize,
    /// End offset, exclusive, including the closing mark when there is one.
    pub end: usize,
    /// `text[start..end]`.
    pub text: String,
    /// Direct, partial, indirect or term.
    pub kind: QuoteKind,
    /// Who said it, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase that ties the quote to its speaker ("said", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// The attribution rule that fired (`QSV`, `QVS`, `SV`, `according-to`, `as-put-it`, `split`,
    /// `colon`, `label`, `dash`, `transcript`, `paragraph`, `continuation`, `conversation`,
    /// `closest`, `indirect`, `none`).
    pub rule: Cow<'static, str>,
    /// Confidence in 0..=1 that quote and speaker are right.
    pub confidence: f32,
    /// The quote was still open at the end of its paragraph and nothing continued it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unclosed: bool,
}

/// Topic chips.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Topics {
    /// Key phrases, best first.
    pub keyphrases: Vec<Keyphrase>,
    /// News categories (IPTC Media Topics), best first.
    pub categories: Vec<Category>,
}

/// A key phrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Keyphrase {
    /// The phrase as it reads best (most common surface form).
    pub text: Text,
    /// Relevance in 0..=1, higher is better.
    pub score: f32,
    /// Where it occurs (all variants merged).
    pub mentions: Vec<Span>,
    /// The entity this phrase names, when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<Text>,
}

/// An IPTC Media Topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Category {
    /// IPTC code, e.g. `medtop:11000000`.
    pub code: Text,
    /// Our short display name.
    pub label: Text,
    /// Score in 0..=1.
    pub score: f32,
    /// The parent code for second-level topics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Text>,
    /// The words or features that weighed most for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Text>,
}

/// What to run and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// The article's date (`YYYY-MM-DD`), used to normalize relative dates when the text states none.
    pub article_date: Option<String>,
    /// Run the entity stage.
    pub entities: bool,
    /// Run the quote stage.
    pub quotes: bool,
    /// Run the topic stage.
    pub topics: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            article_date: None,
            entities: true,
            quotes: true,
            topics: true,
        }
    }
}

/// The JSON Schema (draft 2020-12) of [`Analysis`], pretty-printed; checked in as
/// `docs/analysis.schema.json`.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    serde_json::to_string_pretty(&schemars::schema_for!(Analysis)).expect("schema serializes")
}

impl Analysis {
    /// The analysis as compact JSON (the CLI's, the page's and the JS binding's format). Serialized
    /// here, in the engine's crate, so the web build compiles it with the engine's speed
    /// optimizations rather than the UI's size ones (≈ 3× faster in wasm).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}
