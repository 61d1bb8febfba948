//! Entity stage: find mentions, type them, merge aliases into entities, rank by salience.
//!
//! Output of this stage is a [`Found`]: mentions (each pointing at an entity cluster) that the quote
//! stage can extend with pronoun and nominal mentions of speakers, then [`Found::into_entities`]
//! turns into the public [`Entity`] list.

mod tagger;
mod values;

use super::dates::Date;
use super::model::{Entity, Label, Mention, MentionKind, Quote};
use super::text::Doc;

/// A mention before it becomes public.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    /// Byte offset.
    pub start: usize,
    /// Byte offset, exclusive.
    pub end: usize,
    /// Type.
    pub label: Label,
    /// Name, nominal or pronoun.
    pub kind: MentionKind,
    /// Which rule or model decision made it.
    pub rule: &'static str,
    /// Confidence in 0..=1.
    pub confidence: f32,
    /// Index into [`Found::clusters`].
    pub cluster: usize,
}

/// An entity under construction.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Canonical name (longest name form seen).
    pub name: String,
    /// Type.
    pub label: Label,
    /// Normalized value for dates and amounts.
    pub value: Option<String>,
    /// Grammatical gender when known (from honorifics, first names, pronouns).
    pub gender: Gender,
}

/// Gender evidence for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// No evidence.
    #[default]
    Unknown,
    /// He / him / his, Mr.
    Male,
    /// She / her, Mrs. / Ms.
    Female,
}

/// What the entity stage found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Mentions sorted by start, never overlapping.
    pub mentions: Vec<RawMention>,
    /// Entities; `RawMention::cluster` indexes here.
    pub clusters: Vec<Cluster>,
}

/// Runs the entity stage.
pub fn extract(doc: &Doc, article_date: Option<Date>) -> Found {
    let mut spans = values::find(doc, article_date);
    let names = tagger::tag(doc);
    // Values (dates, amounts) were found first; names may not overlap them.
    for n in names {
        if !spans.iter().any(|v| v.start < n.end && n.start < v.end) {
            spans.push(n);
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    merge(doc, spans)
}

/// A typed span before merging.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte offset.
    pub start: usize,
    /// Byte offset, exclusive.
    pub end: usize,
    /// Type.
    pub label: Label,
    /// Rule.
    pub rule: &'static str,
    /// Confidence.
    pub confidence: f32,
    /// Normalized value (dates, amounts).
    pub value: Option<String>,
}

/// Normalizes a name for alias matching: lowercase letters and digits only.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Known alias groups that string matching cannot find.
const ALIASES: &[(&str, &str)] = &[
    ("us", "unitedstates"),
    ("usa", "unitedstates"),
    ("america", "unitedstates"),
    ("unitedstatesofamerica", "unitedstates"),
    ("uk", "unitedkingdom"),
    ("britain", "unitedkingdom"),
    ("greatbritain", "unitedkingdom"),
    ("un", "unitednations"),
    ("eu", "europeanunion"),
    ("uae", "unitedarabemirates"),
];

fn alias_key(k: &str) -> &str {
    ALIASES
        .iter()
        .find(|(a, _)| *a == k)
        .map(|(_, b)| *b)
        .unwrap_or(k)
}

/// Groups candidates into clusters: values by their value; names by alias key, then shorter
/// names into a longer one that ends or starts with them ("Biden" → "Joe Biden").
fn merge(doc: &Doc, cands: Vec<Candidate>) -> Found {
    let mut found = Found::default();
    let mut last_end = 0usize;
    // Longest names first so short forms can attach to them.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(cands[i].end - cands[i].start));
    let mut cluster_of = vec![usize::MAX; cands.len()];
    let mut keys: Vec<(String, Vec<String>, usize)> = Vec::new(); // (key, word keys, cluster)
    for &i in &order {
        let c = &cands[i];
        let text = &doc.text[c.start..c.end];
        let k = if c.label.is_name() {
            alias_key(&key(text)).to_string()
        } else {
            format!(
                "{}:{}",
                c.label.as_str(),
                c.value.as_deref().unwrap_or(text)
            )
        };
        let words: Vec<String> = text.split_whitespace().map(key).collect();
        let mut hit = keys.iter().find(|(kk, _, cl)| {
            *kk == k && (found.clusters[*cl].label == c.label || c.label.is_name())
        });
        if hit.is_none() && c.label.is_name() && words.len() == 1 {
            // A single word that is the last (or first) word of exactly one longer same-type name.
            let w = &words[0];
            let mut matches = keys.iter().filter(|(_, ws, cl)| {
                ws.len() > 1
                    && (ws.last() == Some(w) || ws.first() == Some(w))
                    && compatible(found.clusters[*cl].label, c.label)
            });
            if let (Some(m), None) = (matches.next(), matches.next()) {
                hit = Some(m);
            }
        }
        let cl = match hit {
            Some((_, _, cl)) => *cl,
            None => {
                found.clusters.push(Cluster {
                    name: text.to_string(),
                    label: c.label,
                    value: c.value.clone(),
                    gender: Gender::Unknown,
                });
                keys.push((k, words, found.clusters.len() - 1));
                found.clusters.len() - 1
            }
        };
        cluster_of[i] = cl;
    }
    for (i, c) in cands.into_iter().enumerate() {
        if c.start < last_end {
            continue;
        }
        last_end = c.end;
        let cl = cluster_of[i];
        let label = found.clusters[cl].label;
        found.mentions.push(RawMention {
            start: c.start,
            end: c.end,
            label,
            kind: MentionKind::Name,
            rule: c.rule,
            confidence: c.confidence,
            cluster: cl,
        });
    }
    found
}

fn compatible(a: Label, b: Label) -> bool {
    a == b || (a.is_name() && b.is_name() && (a == Label::PER) == (b == Label::PER))
}

impl Found {
    /// Each cluster's public id (`e0`, `e1`, … in order of first mention); `None` for clusters
    /// without mentions.
    pub fn ids(&self) -> Vec<Option<String>> {
        let n = self.clusters.len();
        let mut first = vec![usize::MAX; n];
        for m in &self.mentions {
            first[m.cluster] = first[m.cluster].min(m.start);
        }
        let mut order: Vec<usize> = (0..n).filter(|&i| first[i] != usize::MAX).collect();
        order.sort_by_key(|&i| (first[i], i));
        let mut ids = vec![None; n];
        for (rank, &i) in order.iter().enumerate() {
            ids[i] = Some(format!("e{rank}"));
        }
        ids
    }

    /// Replaces the internal cluster references (`#N`) that the quote stage puts in
    /// `Speaker::entity` by public ids.
    pub fn publish_speaker_ids(&self, quotes: &mut [Quote]) {
        let ids = self.ids();
        for q in quotes {
            if let Some(sp) = &mut q.speaker {
                sp.entity = sp
                    .entity
                    .as_deref()
                    .and_then(|r| r.strip_prefix('#'))
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(|n| ids.get(n).cloned().flatten());
            }
        }
    }

    /// Builds the public entity list, ranked by salience. Quotes count toward a speaker's salience.
    pub fn into_entities(self, doc: &Doc, quotes: &[Quote]) -> Vec<Entity> {
        let n = self.clusters.len();
        let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); n];
        let mut first_pos = vec![usize::MAX; n];
        for m in &self.mentions {
            let v = &mut mentions[m.cluster];
            if v.last().is_some_and(|p: &Mention| p.end > m.start) {
                continue;
            }
            first_pos[m.cluster] = first_pos[m.cluster].min(m.start);
            v.push(Mention {
                start: m.start,
                end: m.end,
                text: doc.text[m.start..m.end].to_string(),
                kind: m.kind,
                rule: m.rule.to_string(),
                confidence: m.confidence,
            });
        }
        let ids = self.ids();
        let mut by_first: Vec<usize> = (0..n).filter(|&i| !mentions[i].is_empty()).collect();
        by_first.sort_by_key(|&i| (first_pos[i], i));
        let len = doc.text.len().max(1) as f32;
        let mut speaker_counts = vec![0u32; n];
        for q in quotes {
            if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity.as_ref()) {
                if let Some(ci) = ids.iter().position(|x| x.as_ref() == Some(id)) {
                    speaker_counts[ci] += 1;
                }
            }
        }
        let mut out: Vec<(f32, Entity)> = Vec::new();
        for &i in &by_first {
            let c = &self.clusters[i];
            let ms = std::mem::take(&mut mentions[i]);
            let names = ms.iter().filter(|m| m.kind == MentionKind::Name).count() as f32;
            let others = ms.len() as f32 - names;
            let pos = 1.0 - first_pos[i] as f32 / len;
            let type_w = if c.label.is_name() { 1.0 } else { 0.35 };
            let raw = type_w
                * ((1.0 + names + 0.5 * others).ln() + 0.8 * pos + 0.6 * speaker_counts[i] as f32);
            let name = canonical_name(c, &ms);
            out.push((
                raw,
                Entity {
                    id: ids[i].clone().unwrap_or_default(),
                    name,
                    label: c.label,
                    salience: 0.0,
                    mentions: ms,
                    value: c.value.clone(),
                },
            ));
        }
        let max = out.iter().map(|(r, _)| *r).fold(0.0f32, f32::max).max(1e-6);
        for (r, e) in &mut out {
            e.salience = (*r / max * 1000.0).round() / 1000.0;
        }
        out.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.1.id.cmp(&b.1.id))
        });
        out.into_iter().map(|(_, e)| e).collect()
    }
}

/// The longest name form the text uses (ties: the first); proper-case forms beat lower-case ones.
fn canonical_name(c: &Cluster, ms: &[Mention]) -> String {
    let mut best: Option<&str> = None;
    for m in ms.iter().filter(|m| m.kind == MentionKind::Name) {
        let t = m.text.as_str();
        let score = |s: &str| {
            (
                s.chars().any(char::is_uppercase) || !c.label.is_name(),
                s.chars().count(),
            )
        };
        if best.is_none_or(|b| score(t) > score(b)) {
            best = Some(t);
        }
    }
    best.map(str::to_string).unwrap_or_else(|| c.name.clone())
}
