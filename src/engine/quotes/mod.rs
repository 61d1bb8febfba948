//! Quote stage: find quotations, attribute each to a speaker, resolve the speaker to an entity.
//!
//! 1. [`finder`]: a character state machine per paragraph finds the quoted stretches.
//! 2. [`attribution`]: an ordered cascade of sieves (QSV, QVS, SV, according to, label verbs,
//!    split quotes, continuation, colon, paragraph, conversation, closest mention) picks a speaker
//!    phrase and a cue for each; the first sieve that fires wins and names the rule.
//! 3. [`resolve`]: the speaker phrase becomes an entity — names directly, pronouns by gender and
//!    recency (never to a name inside a quote), nominals by the role the entity was introduced with,
//!    documents ("the statement read") by the organization behind them. Resolved pronouns and
//!    nominals are added to the entity's mentions.
//! 4. Reported speech ("Psaki told reporters that …") becomes `indirect` quotes with their content.
//!
//! Everything is linear in the text: the sieves look at bounded windows of tokens and mentions.

mod attribution;
mod finder;
mod lexicon;
mod resolve;

use super::entities::{Found, RawMention};
use super::model::{Label, MentionKind, Quote, Span, Text};
use super::text::Doc;
use crate::sort::span_key;
use std::borrow::Cow;

pub use finder::RawQuote;

/// Runs the quote stage: finds quotes and attributes them, using (and extending) the entities.
pub fn extract(doc: &Doc, found: &mut Found) -> Vec<Quote> {
    let raws = finder::find(doc);
    let ctx = resolve::Ctx::new(doc, found, &raws);
    let attrs = attribution::attribute_all(&ctx, &raws);
    let mut new_mentions: Vec<RawMention> = Vec::new();
    let mut quotes = Vec::with_capacity(raws.len());
    for (r, a) in raws.iter().zip(attrs) {
        if let Some(m) = a.new_mention {
            new_mentions.push(m);
        }
        quotes.push(Quote {
            start: r.start,
            end: r.end,
            text: doc.text[r.start..r.end].to_string(),
            kind: a.kind,
            speaker: a.speaker,
            cue: a.cue,
            rule: Cow::Borrowed(a.rule),
            confidence: (a.confidence * 1000.0).round() / 1000.0,
            unclosed: r.unclosed,
        });
    }
    let (indirect, more) = attribution::indirect(&ctx, &raws);
    new_mentions.extend(more);
    drop(ctx);
    if !indirect.is_empty() {
        quotes.extend(indirect);
        crate::sort::sort_by_u64_key(&mut quotes, |q| span_key(q.start, q.end));
    }
    add_mentions(found, new_mentions);
    quotes
}

/// Merges speaker mentions into `found.mentions`, keeping them sorted and non-overlapping (an
/// existing mention wins over a new one).
fn add_mentions(found: &mut Found, mut new: Vec<RawMention>) {
    if new.is_empty() {
        return;
    }
    crate::sort::sort_by_u64_key(&mut new, |m| span_key(m.start, m.end));
    let old = std::mem::take(&mut found.mentions);
    let mut out: Vec<RawMention> = Vec::with_capacity(old.len() + new.len());
    let mut oi = old.into_iter().peekable();
    for m in new {
        while oi.peek().is_some_and(|o| o.start < m.start) {
            if let Some(o) = oi.next() {
                push_if_free(&mut out, o);
            }
        }
        // A nationality read as a person ("the Italian said") replaces the nationality's name.
        while m.kind == MentionKind::Nominal
            && oi
                .peek()
                .is_some_and(|o| o.start < m.end && o.end <= m.end && o.label == Label::MISC)
        {
            oi.next();
        }
        let clashes_next = oi.peek().is_some_and(|o| o.start < m.end);
        if !clashes_next {
            push_if_free(&mut out, m);
        }
    }
    for o in oi {
        push_if_free(&mut out, o);
    }
    found.mentions = out;
}

fn push_if_free(out: &mut Vec<RawMention>, m: RawMention) {
    if out.last().is_none_or(|l| l.end <= m.start) {
        out.push(m);
    }
}

/// A span of the text by byte range.
pub(crate) fn span(doc: &Doc, start: usize, end: usize) -> Span {
    Span {
        start,
        end,
        text: Text::from(&doc.text[start..end]),
    }
}
