//! Nominal mentions ("the US president", "his Russian counterpart") linked to the person they
//! describe, and gender for person clusters.
//!
//! Evidence is how people are introduced: "US President Joe Biden" gives Joe Biden the role
//! `president` and the modifier `us`. A later "the US president" (determiner, optional modifiers,
//! role noun) links to the latest person with that role whose modifiers agree; "his Russian
//! counterpart" links to the latest person introduced with "Russian". Only unambiguous evidence
//! links: no role match, no mention. One pass over the tokens plus hash lookups: linear time.

use super::gazetteer;
use super::{alias_key, key, Found, Gender, RawMention};
use crate::hash::FxMap;
use crate::model::{Label, MentionKind};
use crate::text::{Doc, TokenKind, WordList};

/// Role nouns a person is introduced with and described by later.
const ROLES: WordList = WordList::new(&[
    "ambassador",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "counterpart",
    "director",
    "envoy",
    "general",
    "governor",
    "judge",
    "king",
    "leader",
    "mayor",
    "minister",
    "pope",
    "premier",
    "president",
    "queen",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
]);

fn is_role(w: &str) -> bool {
    crate::text::listed(&ROLES, w)
}

/// A person introduced with a role: "US President Joe Biden".
struct Intro {
    cluster: usize,
    roles: Vec<String>,
    modifiers: Vec<String>,
}

/// Adds nominal mentions to `found` and sets person genders.
pub fn link(doc: &Doc, found: &mut Found) {
    set_genders(doc, found);
    let n = doc.tokens.len();
    if n == 0 {
        return;
    }
    // Token → mention index (for words inside names).
    let mut mention_at = vec![usize::MAX; n];
    for (mi, m) in found.mentions.iter().enumerate() {
        let a = doc.token_at_or_after(m.start);
        let mut k = a;
        while k < n && doc.tokens[k].start < m.end {
            mention_at[k] = mi;
            k += 1;
        }
    }
    let mut intros: Vec<(usize, Intro)> = Vec::new(); // (token, intro) in text order
    let mut added: Vec<RawMention> = Vec::new();
    // Title references ("the Secretary") that join the person holding the title: (mention, cluster).
    let mut holders: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let mi = mention_at[i];
        if mi != usize::MAX
            && found.mentions[mi].rule == super::tagger::TITLE_REFERENCE
            && (i == 0 || mention_at[i - 1] != mi)
        {
            if let Some(cl) = holder(doc, found, &mention_at, &intros, mi, i) {
                holders.push((mi, cl));
            }
        }
        // Introductions: up to four words before a person name (role words and place names).
        if mi != usize::MAX
            && found.mentions[mi].label == Label::PER
            && (i == 0 || mention_at[i - 1] != mi)
        {
            let mut roles = Vec::new();
            let mut modifiers = Vec::new();
            let mut k = i;
            while k > 0 && i - k < 4 {
                k -= 1;
                let w = doc.tok(k);
                if is_role(w) {
                    roles.push(w.to_ascii_lowercase());
                } else if mention_at[k] != usize::MAX
                    && found.mentions[mention_at[k]].label != Label::PER
                {
                    modifiers.push(alias_key(&key(w)).to_string());
                } else if doc.tokens[k].kind == TokenKind::Word {
                    modifiers.push(key(w));
                } else {
                    break;
                }
            }
            if !roles.is_empty() {
                intros.push((
                    i,
                    Intro {
                        cluster: found.mentions[mi].cluster,
                        roles,
                        modifiers,
                    },
                ));
            }
        }
        // Nominals: determiner, up to two modifiers, role noun (lower case).
        let w = doc.tok(i);
        if matches!(
            w,
            "the" | "The" | "his" | "His" | "her" | "Her" | "their" | "its"
        ) && mention_at[i] == usize::MAX
        {
            let mut k = i + 1;
            while k < n && k <= i + 3 {
                let t = doc.tok(k);
                if is_role(t) && !doc.tokens[k].cap && mention_at[k] == usize::MAX {
                    break;
                }
                if doc.tokens[k].kind != TokenKind::Word {
                    break;
                }
                k += 1;
            }
            if k < n
                && k <= i + 3
                && is_role(doc.tok(k))
                && !doc.tokens[k].cap
                && mention_at[k] == usize::MAX
            {
                // Keyed only now that a role noun follows ("the" is everywhere).
                let modifiers: Vec<String> = (i + 1..k)
                    .map(|m| alias_key(&key(doc.tok(m))).to_string())
                    .collect();
                let role = doc.tok(k).to_ascii_lowercase();
                if let Some(cl) = resolve(&intros, &role, &modifiers) {
                    // The span starts after any name inside the phrase, so mentions never overlap.
                    let first = (i..k)
                        .rev()
                        .find(|&j| mention_at[j] != usize::MAX)
                        .map_or(i, |j| j + 1);
                    let label = found.clusters[cl].label;
                    added.push(RawMention {
                        start: doc.tokens[first].start,
                        end: doc.tokens[k].end,
                        label,
                        kind: MentionKind::Nominal,
                        rule: "coref:nominal-role",
                        confidence: 0.7,
                        cluster: cl,
                    });
                    i = k + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    for (mi, cl) in holders {
        found.mentions[mi].cluster = cl;
    }
    if !added.is_empty() {
        found.mentions.extend(added);
        crate::sort::sort_by_u64_key(&mut found.mentions, |m| {
            crate::sort::span_key(m.start, m.end)
        });
    }
}

/// The person a title reference starting at token `i` stands for: the one named right after it
/// ("the Prime Minister, Tony Blair,"), else the latest one introduced with the title ("Prime
/// Minister Tony Blair … the Prime Minister"; "Vice President" needs the "vice").
fn holder(
    doc: &Doc,
    found: &Found,
    mention_at: &[usize],
    intros: &[(usize, Intro)],
    mi: usize,
    i: usize,
) -> Option<usize> {
    let m = &found.mentions[mi];
    let mut end = i;
    while end < doc.tokens.len() && doc.tokens[end].start < m.end {
        end += 1;
    }
    let apposed = (doc.tokens.get(end).is_some() && doc.tok(end) == ",")
        .then(|| mention_at.get(end + 1).copied())
        .flatten()
        .filter(|&a| a != usize::MAX && found.mentions[a].label == Label::PER)
        .map(|a| found.mentions[a].cluster);
    if apposed.is_some() {
        return apposed;
    }
    // The title's words after any honorific: the last is the role, one before it a modifier.
    let words: Vec<&str> = (i..end)
        .map(|k| doc.tok(k))
        .filter(|w| !matches!(*w, "Mr" | "Mr." | "." | "Madam" | "Madame" | "Mister"))
        .collect();
    let (&role, rest) = words.split_last()?;
    let modifiers: Vec<String> = rest.iter().map(|w| key(w)).collect();
    resolve(intros, &role.to_ascii_lowercase(), &modifiers)
}

/// How many of the latest intros a role phrase is matched against.
const MAX_INTROS_BACK: usize = 128;

/// The latest introduced person matching the role and every modifier; "counterpart" matches any
/// role but needs a modifier ("his Russian counterpart").
fn resolve(intros: &[(usize, Intro)], role: &str, modifiers: &[String]) -> Option<usize> {
    let counterpart = role == "counterpart";
    if counterpart && modifiers.is_empty() {
        return None;
    }
    // Only the latest intros: a role phrase points back a few paragraphs, and an unbounded scan
    // made a long text of unresolved "the chief executive"s quadratic.
    for (_, intro) in intros.iter().rev().take(MAX_INTROS_BACK) {
        if !counterpart && !intro.roles.iter().any(|r| r == role) {
            continue;
        }
        let mods_ok = modifiers.iter().all(|m| {
            intro.modifiers.iter().any(|x| {
                x == m
                    || match (prefix5(m), prefix5(x)) {
                        (Some(pm), Some(px)) => x.starts_with(pm) || m.starts_with(px),
                        _ => false,
                    }
            })
        });
        if mods_ok {
            return Some(intro.cluster);
        }
    }
    None
}

/// The first five characters of `s` (not bytes: modifiers can be any script), or `None` when `s` is
/// shorter. Lets "Russian" match "Russia".
fn prefix5(s: &str) -> Option<&str> {
    match s.char_indices().nth(5) {
        Some((i, _)) => Some(&s[..i]),
        None => (s.chars().count() == 5).then_some(s),
    }
}

/// Gender of person clusters from a preceding honorific or the first name's list.
fn set_genders(doc: &Doc, found: &mut Found) {
    let gaz = gazetteer::shipped();
    let mut votes: FxMap<usize, (u32, u32)> = FxMap::default();
    for m in &found.mentions {
        if m.label != Label::PER || m.kind != MentionKind::Name {
            continue;
        }
        let v = votes.entry(m.cluster).or_default();
        let i = doc.token_at_or_after(m.start);
        if i > 0 {
            match doc.tok(i - 1).trim_end_matches('.') {
                "Mr" | "Sir" | "Lord" | "King" | "Prince" => v.0 += 2,
                "Mrs" | "Ms" | "Miss" | "Lady" | "Dame" | "Queen" | "Princess" => v.1 += 2,
                _ => {}
            }
        }
        if i < doc.tokens.len() && doc.tokens[i].end < m.end {
            // A first name starts a multi-word name.
            let g = gaz.lookup_word(doc.tok(i));
            if g & gazetteer::MALE != 0 {
                v.0 += 1;
            }
            if g & gazetteer::FEMALE != 0 {
                v.1 += 1;
            }
        }
    }
    for (cl, (m, f)) in votes {
        if let Some(c) = found.clusters.get_mut(cl) {
            c.gender = if m > f {
                Gender::Male
            } else if f > m {
                Gender::Female
            } else {
                Gender::Unknown
            };
        }
    }
}
