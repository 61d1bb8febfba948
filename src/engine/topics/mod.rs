//! Topic stage: key phrases and IPTC Media Topics categories.

use super::entities::Found;
use super::model::{Category, Keyphrase, Span, Topics};
use super::text::{Doc, TokenKind};
use std::collections::HashMap;

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "me",
    "more",
    "most",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "says",
    "say",
    "told",
    "added",
    "year",
    "years",
    "people",
    "new",
    "one",
    "two",
    "first",
    "last",
    "like",
    "get",
    "make",
    "made",
    "many",
    "much",
    "well",
    "even",
    "back",
    "still",
    "way",
    "take",
    "us",
    "issues",
    "issue",
    "statement",
    "president",
    "time",
    "going",
    "according",
    "including",
    "among",
    "whether",
    "told",
    "asked",
    "week",
    "day",
    "mr",
    "mrs",
    "ms",
];

fn is_stop(w: &str) -> bool {
    let lw = w.to_lowercase();
    STOPWORDS.contains(&lw.as_str())
}

/// Runs the topic stage.
pub fn extract(doc: &Doc, found: &Found) -> Topics {
    Topics {
        keyphrases: keyphrases(doc, found),
        categories: categories(doc),
    }
}

fn keyphrases(doc: &Doc, found: &Found) -> Vec<Keyphrase> {
    let text = doc.text;
    let total = doc.tokens.len().max(1) as f32;
    let mut by_key: HashMap<String, (f32, Vec<Span>, Option<usize>, String)> = HashMap::new();
    // Named entities as candidates.
    for m in &found.mentions {
        if !m.label.is_name() {
            continue;
        }
        let c = &found.clusters[m.cluster];
        let e = by_key.entry(c.name.to_lowercase()).or_insert((
            0.0,
            Vec::new(),
            Some(m.cluster),
            c.name.clone(),
        ));
        e.0 += 1.5 + (1.0 - m.start as f32 / text.len().max(1) as f32);
        e.1.push(Span {
            start: m.start,
            end: m.end,
            text: text[m.start..m.end].to_string(),
        });
    }
    // Content words and two-word noun-ish phrases.
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || t.cap {
            continue;
        }
        let w = doc.tok(i);
        if w.chars().count() < 4 || is_stop(w) {
            continue;
        }
        let pos = 1.0 - i as f32 / total;
        let mut add = |k: String, s: usize, e: usize| {
            let entry = by_key
                .entry(k.clone())
                .or_insert((0.0, Vec::new(), None, k));
            entry.0 += 0.6 + 0.4 * pos;
            entry.1.push(Span {
                start: s,
                end: e,
                text: text[s..e].to_string(),
            });
        };
        add(w.to_lowercase(), t.start, t.end);
        if let Some(n) = doc.tokens.get(i + 1) {
            let w2 = doc.tok(i + 1);
            if n.kind == TokenKind::Word
                && !n.cap
                && n.sentence == t.sentence
                && w2.chars().count() >= 4
                && !is_stop(w2)
            {
                add(
                    format!("{} {}", w.to_lowercase(), w2.to_lowercase()),
                    t.start,
                    n.end,
                );
            }
        }
    }
    let mut list: Vec<_> = by_key.into_values().filter(|(s, ..)| *s > 1.2).collect();
    list.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.3.cmp(&b.3))
    });
    let max = list.first().map(|x| x.0).unwrap_or(1.0).max(1e-6);
    let ids = found.ids();
    list.into_iter()
        .take(15)
        .map(|(s, mut spans, cl, name)| {
            spans.sort_by_key(|m| m.start);
            Keyphrase {
                text: name,
                score: (s / max * 1000.0).round() / 1000.0,
                mentions: spans,
                entity: cl.and_then(|c| ids.get(c).cloned().flatten()),
            }
        })
        .collect()
}

/// Tiny keyword lexicon per top-level IPTC topic: a placeholder until the trained model lands.
const CATEGORY_WORDS: &[(&str, &str, &[&str])] = &[
    (
        "medtop:11000000",
        "Politics",
        &[
            "president",
            "election",
            "government",
            "minister",
            "parliament",
            "treaty",
            "diplomatic",
            "senate",
            "campaign",
            "vote",
            "party",
            "policy",
        ],
    ),
    (
        "medtop:04000000",
        "Business",
        &[
            "market",
            "company",
            "shares",
            "profit",
            "economy",
            "bank",
            "prices",
            "sales",
            "investors",
            "growth",
        ],
    ),
    (
        "medtop:15000000",
        "Sport",
        &[
            "match",
            "team",
            "season",
            "league",
            "cup",
            "coach",
            "players",
            "win",
            "goal",
            "championship",
        ],
    ),
    (
        "medtop:13000000",
        "Science & tech",
        &[
            "technology",
            "software",
            "computer",
            "internet",
            "research",
            "scientists",
            "digital",
            "users",
            "hack",
        ],
    ),
    (
        "medtop:01000000",
        "Arts & entertainment",
        &[
            "film", "music", "album", "actor", "singer", "show", "star", "festival", "award",
        ],
    ),
    (
        "medtop:07000000",
        "Health",
        &[
            "health", "hospital", "patients", "disease", "doctors", "virus", "medical", "vaccine",
        ],
    ),
    (
        "medtop:16000000",
        "Conflict & war",
        &[
            "military", "troops", "war", "attack", "soldiers", "security", "forces", "nuclear",
        ],
    ),
    (
        "medtop:02000000",
        "Crime & justice",
        &[
            "police", "court", "crime", "trial", "judge", "arrested", "prison",
        ],
    ),
];

fn categories(doc: &Doc) -> Vec<Category> {
    let mut scores: Vec<(f32, usize, Vec<String>)> = CATEGORY_WORDS
        .iter()
        .enumerate()
        .map(|(i, _)| (0.0, i, Vec::new()))
        .collect();
    for i in 0..doc.tokens.len() {
        if doc.tokens[i].kind != TokenKind::Word {
            continue;
        }
        let w = doc.tok(i).to_lowercase();
        for (ci, (_, _, words)) in CATEGORY_WORDS.iter().enumerate() {
            if words.contains(&w.as_str()) {
                scores[ci].0 += 1.0;
                if !scores[ci].2.contains(&w) {
                    scores[ci].2.push(w.clone());
                }
            }
        }
    }
    let total: f32 = scores.iter().map(|s| s.0).sum::<f32>().max(1.0);
    scores.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    scores
        .into_iter()
        .filter(|s| s.0 > 0.0)
        .take(3)
        .map(|(s, i, ev)| Category {
            code: CATEGORY_WORDS[i].0.to_string(),
            label: CATEGORY_WORDS[i].1.to_string(),
            score: (s / total * 1000.0).round() / 1000.0,
            parent: None,
            evidence: ev,
        })
        .collect()
}
