//! Entity stage: find mentions, type them, merge aliases into entities, rank by salience.
//!
//! Output of this stage is a [`Found`]: mentions (each pointing at an entity cluster) that the quote
//! stage can extend with pronoun and nominal mentions of speakers, then [`Found::into_entities`]
//! turns into the public [`Entity`] list.

pub mod features;
pub mod gazetteer;
mod nominals;
mod perceptron;
pub mod rans;

pub use perceptron::pack_file as pack_model_file;
pub mod tagger;
mod values;

use super::dates::Date;
use super::model::{Entity, Label, Mention, MentionKind, Quote, Text};
use super::text::{listed, Doc, WordList};
use crate::hash::{key as hash_key, FxMap};
use std::borrow::Cow;

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
    /// The document's distinct words, numbered by the tagger (the topic stage reuses them).
    pub words: features::WordIds,
}

/// Runs the entity stage.
pub fn extract(doc: &Doc, article_date: Option<Date>) -> Found {
    let mut spans = values::find(doc, article_date);
    let (names, words) = tagger::tag(doc);
    // Values (dates, amounts) were found first; names may not overlap them. Both lists are in
    // text order, so one merge-like walk checks overlaps in linear time.
    let n_values = spans.len();
    spans.reserve(names.len());
    let mut v = 0;
    for n in names {
        while v < n_values && spans[v].end <= n.start {
            v += 1;
        }
        if !(v < n_values && spans[v].start < n.end) {
            spans.push(n);
        }
    }
    crate::sort::sort_by_u64_key(&mut spans, |s| {
        crate::sort::span_key(s.start, crate::sort::desc(s.end))
    });
    let mut found = merge(doc, spans);
    nominals::link(doc, &mut found);
    found.words = words;
    found
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
    let mut out = String::new();
    key_into(s, &mut out);
    out
}

/// [`key`] into a buffer (no allocation per call).
fn key_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        // The same result without the Unicode case tables (slow in wasm).
        out.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return;
    }
    out.extend(
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
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

/// Groups candidates into clusters, longest names first so short forms can attach to them:
/// values by their normalized value; names by alias key ("U.S." = "US" = "United States") and
/// type; a differently written form of a name ("Solar Winds", "white house") joins it whatever type
/// the model gave the variant; a one-word name joins the only longer name of its type that ends
/// with it ("Biden" → "Joe Biden") or whose initials it is ("EU" → "European Union"), a person's
/// the only longer person's name it opens ("Hillary" → "Hillary Clinton"); a name not a
/// person's joins the only longer one of its type that ends with it ("Department of Justice" →
/// "US Department of Justice").
/// Hash lookups only, so merging is linear in the number of mentions.
fn merge(doc: &Doc, cands: Vec<Candidate>) -> Found {
    let mut found = Found::default();
    let mut order: Vec<usize> = (0..cands.len()).collect();
    crate::sort::sort_by_u64_key(&mut order, |&i| {
        let c = &cands[i];
        crate::sort::span_key(crate::sort::desc(c.end - c.start), c.start)
    });
    let mut cluster_of = vec![usize::MAX; cands.len()];
    // Keys are 64-bit hashes of the key strings (no string per mention; within one document a
    // collision is vanishingly unlikely and would only merge two clusters).
    // (key, label) → cluster; key → (surface span, cluster) of the first form seen with that key.
    let mut by_key: FxMap<(u64, Label), usize> = FxMap::default();
    let mut by_key_any: FxMap<u64, ((usize, usize), usize)> = FxMap::default();
    // One-word handles of multi-word names: (word key, label) → cluster, or MANY when ambiguous.
    let mut handles: FxMap<(u64, Label), usize> = FxMap::default();
    const MANY: usize = usize::MAX;
    let mut buf = String::new();
    for &i in &order {
        let c = &cands[i];
        let text = &doc.text[c.start..c.end];
        let cl = if c.label.is_name() {
            buf.clear();
            key_into(text, &mut buf);
            let k = hash_key(alias_key(&buf));
            let n_words = text.split_whitespace().count();
            let mut hit = by_key.get(&(k, c.label)).copied();
            if hit.is_none() {
                hit = by_key_any
                    .get(&k)
                    .filter(|((s, e), _)| &doc.text[*s..*e] != text)
                    .map(|(_, cl)| *cl);
            }
            if hit.is_none() {
                hit = handles.get(&(k, c.label)).copied().filter(|&cl| cl != MANY);
            }
            match hit {
                Some(cl) => cl,
                None => {
                    let cl = new_cluster(&mut found, text, c.label, None);
                    by_key.insert((k, c.label), cl);
                    by_key_any.entry(k).or_insert(((c.start, c.end), cl));
                    if n_words >= 2 {
                        let words: Vec<&str> = text.split_whitespace().collect();
                        let mut hs: Vec<String> = Vec::new();
                        if let Some(last) = words.last() {
                            hs.push(key(last));
                        }
                        // A person's first name alone is that person too when no other
                        // person of the text has it ("Hillary" → "Hillary Clinton",
                        // "Anita" → "Anita Alvarez"; two Georges stay apart).
                        if c.label == Label::PER {
                            if let Some(first) = words.first() {
                                hs.push(key(first));
                            }
                        }
                        if c.label != Label::PER {
                            if let Some(first) = words.first() {
                                hs.push(key(first));
                            }
                            if let Some(a) = acronym(&words) {
                                hs.push(a);
                            }
                            // Its tails of two words or more: "Department of Justice" is the
                            // "US Department of Justice" named before (of the last 12 words
                            // at most: no name is longer, and each tail is a copy).
                            let from = words.len().saturating_sub(12).max(1);
                            for t in from..words.len().saturating_sub(1) {
                                hs.push(key(&words[t..].concat()));
                            }
                        }
                        hs.retain(|h| h.chars().count() >= 2);
                        hs.dedup();
                        for h in hs {
                            handles
                                .entry((hash_key(&h), c.label))
                                .and_modify(|x| {
                                    if *x != cl {
                                        *x = MANY
                                    }
                                })
                                .or_insert(cl);
                        }
                    }
                    cl
                }
            }
        } else {
            // Values by their normalized value (the label is part of the map's key).
            let k = hash_key(c.value.as_deref().unwrap_or(text));
            match by_key.get(&(k, c.label)) {
                Some(&cl) => cl,
                None => {
                    let cl = new_cluster(&mut found, text, c.label, c.value.clone());
                    by_key.insert((k, c.label), cl);
                    cl
                }
            }
        };
        cluster_of[i] = cl;
    }
    // A name cluster's type is the confidence-weighted vote of its mentions (spelling variants
    // may arrive with another type than the form that opened the cluster).
    // Ties go to the type of the cluster's first mention in the text.
    let mut votes = vec![[0f32; 4]; found.clusters.len()];
    let mut first_label: Vec<Option<usize>> = vec![None; found.clusters.len()];
    for (i, c) in cands.iter().enumerate() {
        if let Some(k) = name_index(c.label) {
            votes[cluster_of[i]][k] += c.confidence.max(0.01);
            first_label[cluster_of[i]].get_or_insert(k);
        }
    }
    for (cl, v) in votes.iter().enumerate() {
        if let Some(own) = first_label[cl] {
            let best = (0..4).fold(own, |b, k| if v[k] > v[b] { k } else { b });
            found.clusters[cl].label = NAME_LABELS[best];
        }
    }
    // A one-word "person" whose shares or stock the text mentions is a company the model misread
    // ("Jones stock closed down", "shares of Magna", "Comelf's shares"); a "person" next to
    // "newspaper" or "agency" is the paper or agency ("the official newspaper Granma").
    let mut multiword = vec![false; found.clusters.len()];
    for (i, c) in cands.iter().enumerate() {
        if c.label.is_name() {
            multiword[cluster_of[i]] |= doc.text[c.start..c.end].contains(char::is_whitespace);
        }
    }
    // The surnames of the people named in full: "… for Clinton, which is what worries them" is
    // no company when the text names Hillary Clinton.
    let mut surnames: Vec<u64> = cands
        .iter()
        .filter(|c| c.label == Label::PER)
        .filter_map(|c| {
            let t = &doc.text[c.start..c.end];
            let (_, last) = t.rsplit_once(char::is_whitespace)?;
            Some(hash_key(last))
        })
        .collect();
    crate::sort::sort_u64(&mut surnames);
    for (i, c) in cands.iter().enumerate() {
        let cl = cluster_of[i];
        let surname = || {
            surnames
                .binary_search(&hash_key(&doc.text[c.start..c.end]))
                .is_ok()
        };
        if c.label.is_name()
            && (found.clusters[cl].label == Label::PER
                && (!multiword[cl] && market_cue(doc, c.start, c.end, surname)
                    || media_cue(doc, c.start, c.end))
                || found.clusters[cl].label == Label::LOC && traded(doc, c.start, c.end))
        {
            found.clusters[cl].label = Label::ORG;
        }
    }
    // A one-word name given as someone's kin is a person, however its other mentions read
    // ("their nine-month-old child, Gloria. … Gloria developed eczema": an organization). (Not
    // a miscellaneous name: "his wife, Democratic nominee Hillary Clinton".)
    for (i, c) in cands.iter().enumerate() {
        let cl = cluster_of[i];
        if c.label.is_name()
            && matches!(found.clusters[cl].label, Label::ORG | Label::LOC)
            && !multiword[cl]
            && kin_before(doc, c.start)
        {
            found.clusters[cl].label = Label::PER;
        }
    }
    let mut last_end = 0usize;
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

/// Whether a word of kinship comes right before the name at `start`, alone or with a comma ("his
/// wife Jill", "their daughter, Gloria,"; not "sister company Nippon").
fn kin_before(doc: &Doc, start: usize) -> bool {
    #[rustfmt::skip]
    const KIN: WordList = WordList::new(&[
        "aunt", "baby", "boyfriend", "brother", "child", "cousin", "daughter", "father", "fiancé",
        "fiancée", "girlfriend", "granddaughter", "grandfather", "grandmother", "grandson",
        "husband", "mother", "nephew", "niece", "sister", "son", "stepdaughter", "stepson", "uncle",
        "widow", "widower", "wife",
    ]);
    let f = doc.token_at_or_after(start);
    let mut k = f;
    if k >= 1 && doc.tok(k - 1) == "," {
        k -= 1;
    }
    k >= 1
        && doc.tokens[f].cap
        && doc.tokens[k - 1].sentence == doc.tokens[f].sentence
        && !doc.tokens[k - 1].cap
        && listed(&KIN, doc.tok(k - 1))
}

/// Whether the name at `start..end` is followed by "shares" or "stock" (after an optional "'s"),
/// by "('s) profit", "('s) sales", "(’s) chief executive", "chairman", "employees" and the like, or by
/// ", which"; or preceded by "shares of" / "shares in" / "stake in", or by a kind of business
/// ("company", "firm", "website", "giant", "retailer" …).
fn market_cue(doc: &Doc, start: usize, end: usize, surname: impl Fn() -> bool) -> bool {
    let market = |w: &str| matches!(w, "shares" | "stock" | "stocks" | "shareholders");
    // A possessive's business words: "Comelf's profit", "Acme's chief executive".
    let owned = |w: &str| {
        matches!(
            w,
            "profit" | "profits" | "revenue" | "revenues" | "earnings" | "sales" | "board"
        )
    };
    // A company's officers and owners right after it ("Yukos chief executive Steven Theede", "Acme
    // shareholders"); a person's would be "lawyers", "advisers", "spokesman" (not listed).
    let corporate = |w: &str| {
        matches!(
            w,
            "CEO" | "chairman" | "chairwoman" | "employees" | "executives" | "subsidiary" | "unit"
        )
    };
    let n = doc.tokens.len();
    let mut k = doc.token_at_or_after(end);
    let possessive = k < n && matches!(doc.tok(k), "'s" | "’s" | "'" | "’");
    if possessive {
        k += 1;
    }
    if k < n
        && (market(doc.tok(k))
            || possessive && owned(doc.tok(k))
            || doc.tok(k) == "chief" && k + 1 < n && doc.tok(k + 1) == "executive"
            || !possessive && (corporate(doc.tok(k)) || owned(doc.tok(k))))
    {
        return true;
    }
    // "… fined Monsanto, which …": a person would be "who". (Not first in a question:
    // "Marianne, which one do you want?" calls a person; "Pernod Ricard, which owns the brand,
    // said …" is a company.)
    let f = doc.token_at_or_after(start);
    let opens = f < n
        && doc
            .sentences
            .get(doc.tokens[f].sentence as usize)
            .is_some_and(|s| s.first == f && s.last > s.first && doc.tok(s.last - 1) == "?");
    // (Nor after a person's title: "a son of President Suharto, which plans" is his company's.)
    if !possessive
        && !opens
        && k + 1 < n
        && doc.tok(k) == ","
        && doc.tok(k + 1) == "which"
        && !tagger::person_title_before(doc, f)
        && !surname()
    {
        return true;
    }
    if f >= 2
        && matches!(doc.tok(f - 1), "of" | "in")
        && matches!(doc.tok(f - 2), "shares" | "stake")
    {
        return true;
    }
    // Right after what kind of business it is ("property website Rightmove", "oil and gas company
    // Yukos", "search giant Google").
    f >= 1
        && matches!(
            doc.tok(f - 1),
            "airline"
                | "bank"
                | "broadcaster"
                | "broker"
                | "carrier"
                | "company"
                | "conglomerate"
                | "firm"
                | "giant"
                | "insurer"
                | "lender"
                | "maker"
                | "manufacturer"
                | "publisher"
                | "retailer"
                | "website"
        )
}

/// Whether the "place" at `start..end` is a company by what is traded or earned: "shares of Novo
/// Nordisk", "Acme's revenue". (Not "Tokyo shares" or "China's exports": a place's market.)
fn traded(doc: &Doc, start: usize, end: usize) -> bool {
    let n = doc.tokens.len();
    let f = doc.token_at_or_after(start);
    // (Not a listed country or city: "shares in London rose" is the market there.)
    if f >= 2
        && matches!(doc.tok(f - 1), "of" | "in")
        && doc.tok(f - 2).eq_ignore_ascii_case("shares")
        && gazetteer::shipped().lookup(&doc.text[start..end])
            & (gazetteer::COUNTRY | gazetteer::PLACE)
            == 0
    {
        return true;
    }
    let k = doc.token_at_or_after(end);
    k + 1 < n
        && matches!(doc.tok(k), "'s" | "’s")
        && matches!(
            doc.tok(k + 1),
            "profit" | "profits" | "revenue" | "revenues" | "earnings" | "shareholders"
        )
}

/// Whether the name at `start..end` is a newspaper, agency or social network by its neighbours:
/// "newspaper", "daily", "weekly", "magazine" right before it ("the news weekly Der Spiegel"), or
/// those, "news agency", "agency" or a network's "user", "account", "page" … right after it
/// ("Zycie Warszawy daily said", "the Xinhua news agency", "a Twitter user").
fn media_cue(doc: &Doc, start: usize, end: usize) -> bool {
    let media = |w: &str| matches!(w, "newspaper" | "daily" | "weekly" | "magazine");
    let n = doc.tokens.len();
    // After it also a social network's words ("a Twitter user", "his Facebook page").
    let network = |w: &str| {
        matches!(
            w,
            "user"
                | "users"
                | "account"
                | "accounts"
                | "feed"
                | "followers"
                | "page"
                | "post"
                | "posts"
        )
    };
    let k = doc.token_at_or_after(end);
    if k < n && (media(doc.tok(k)) || network(doc.tok(k)) || doc.tok(k) == "agency")
        || k + 1 < n && doc.tok(k) == "news" && doc.tok(k + 1) == "agency"
    {
        return true;
    }
    let f = doc.token_at_or_after(start);
    f >= 1 && media(doc.tok(f - 1))
}

const NAME_LABELS: [Label; 4] = [Label::PER, Label::ORG, Label::LOC, Label::MISC];

fn name_index(l: Label) -> Option<usize> {
    NAME_LABELS.iter().position(|&x| x == l)
}

fn new_cluster(found: &mut Found, text: &str, label: Label, value: Option<String>) -> usize {
    found.clusters.push(Cluster {
        name: text.to_string(),
        label,
        value,
        gender: Gender::Unknown,
    });
    found.clusters.len() - 1
}

/// Initials of the capitalised words ("European Union" → "eu"; "of", "the", "and" skipped).
fn acronym(words: &[&str]) -> Option<String> {
    let mut a = String::new();
    for w in words {
        if matches!(*w, "of" | "the" | "and" | "for" | "&") {
            continue;
        }
        let c = w.chars().next()?;
        if !c.is_uppercase() {
            return None;
        }
        a.extend(c.to_lowercase());
    }
    (a.chars().count() >= 2).then_some(a)
}

/// An entity's public id, `e` and its rank ("e0", "e1", …).
pub(crate) fn entity_id(rank: u32) -> Text {
    numbered(b'e', rank.into())
}

/// An ASCII prefix and a number ("e7", "#12"), written without the formatting machinery (one is
/// made per chip and per speaker, on every analysis).
pub(crate) fn numbered(prefix: u8, number: u64) -> Text {
    let mut id = [0u8; 21];
    let (mut n, mut at) = (number, id.len());
    loop {
        at -= 1;
        id[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    at -= 1;
    id[at] = prefix;
    // ASCII only (a non-ASCII prefix gives the empty text).
    Text::from(std::str::from_utf8(&id[at..]).unwrap_or_default())
}

impl Found {
    /// Each cluster's number in order of first mention (its public id is `e` and the number);
    /// `u32::MAX` for clusters without mentions.
    pub fn ranks(&self) -> Vec<u32> {
        let n = self.clusters.len();
        let mut ranks = vec![u32::MAX; n];
        let mut next = 0;
        // Mentions are in text order and never overlap, so first mentions come in order.
        if self.mentions.windows(2).all(|w| w[0].start < w[1].start) {
            for m in &self.mentions {
                if let Some(r) = ranks.get_mut(m.cluster).filter(|r| **r == u32::MAX) {
                    *r = next;
                    next += 1;
                }
            }
            return ranks;
        }
        let mut first = vec![usize::MAX; n];
        for m in &self.mentions {
            first[m.cluster] = first[m.cluster].min(m.start);
        }
        let mut order: Vec<usize> = (0..n).filter(|&i| first[i] != usize::MAX).collect();
        crate::sort::sort_by_u64_key(&mut order, |&i| first[i] as u64);
        for (rank, &i) in order.iter().enumerate() {
            ranks[i] = rank as u32;
        }
        ranks
    }

    /// Replaces the internal cluster references (`#N`) that the quote stage puts in
    /// `Speaker::entity` by public ids.
    pub fn publish_speaker_ids(&self, quotes: &mut [Quote]) {
        let ranks = self.ranks();
        for q in quotes {
            if let Some(sp) = &mut q.speaker {
                sp.entity = sp
                    .entity
                    .as_deref()
                    .and_then(|r| r.strip_prefix('#'))
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(|n| ranks.get(n).filter(|&&r| r != u32::MAX))
                    .map(|&r| entity_id(r));
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
                text: Text::from(&doc.text[m.start..m.end]),
                kind: m.kind,
                rule: Cow::Borrowed(m.rule),
                confidence: m.confidence,
            });
        }
        let ranks = self.ranks();
        let mut by_first: Vec<usize> = (0..n).filter(|&i| !mentions[i].is_empty()).collect();
        crate::sort::sort_by_u64_key(&mut by_first, |&i| first_pos[i] as u64);
        let len = doc.text.len().max(1) as f32;
        let mut speaker_counts = vec![0u32; n];
        // A speaker's public id ("e7") is its cluster's rank: back to the cluster through a table
        // (not a scan per quote: quotes × entities was quadratic, ≈30 % of a 5 MB run).
        let mut by_rank = vec![usize::MAX; n];
        for (ci, &r) in ranks.iter().enumerate() {
            if let Some(slot) = by_rank.get_mut(r as usize).filter(|s| **s == usize::MAX) {
                *slot = ci;
            }
        }
        for q in quotes {
            let id = q.speaker.as_ref().and_then(|s| s.entity.as_deref());
            if let Some(&ci) = id
                .and_then(|x| x.strip_prefix('e'))
                .and_then(|k| k.parse::<usize>().ok())
                .and_then(|k| by_rank.get(k))
                .filter(|&&ci| ci != usize::MAX)
            {
                speaker_counts[ci] += 1;
            }
        }
        let mut out: Vec<(f32, Entity)> = Vec::new();
        for &i in &by_first {
            let c = &self.clusters[i];
            let ms = std::mem::take(&mut mentions[i]);
            // A byline's names and a dateline's agency say who reports, not who the article is
            // about: they count for neither the mentions nor the lead position.
            let reporting = |m: &Mention| reporting(&m.rule, c.label);
            let names = ms
                .iter()
                .filter(|m| m.kind == MentionKind::Name && !reporting(m))
                .count() as f32;
            let others = ms.iter().filter(|m| m.kind != MentionKind::Name).count() as f32;
            let pos = ms
                .iter()
                .find(|m| !reporting(m))
                .map_or(0.0, |m| 1.0 - m.start as f32 / len);
            let type_w = if c.label.is_name() { 1.0 } else { 0.35 };
            // Quotes count like mentions, with diminishing returns: an office quoted four times
            // ("the White House said") should not outrank the article's subject.
            let quoted = speaker_counts[i] as f32;
            let raw =
                type_w * ((1.0 + names + 0.5 * others).ln() + 0.8 * pos + 0.6 * quoted.ln_1p());
            let name = canonical_name(c, &ms);
            out.push((
                raw,
                Entity {
                    id: match ranks[i] {
                        u32::MAX => Text::default(),
                        r => entity_id(r),
                    },
                    name,
                    label: c.label,
                    salience: 0.0,
                    mentions: ms,
                    value: c.value.as_deref().map(Text::from),
                },
            ));
        }
        let max = out.iter().map(|(r, _)| *r).fold(0.0f32, f32::max).max(1e-6);
        for (r, e) in &mut out {
            e.salience = (*r / max * 1000.0).round() / 1000.0;
        }
        // By salience, ties by id as text ("e10" before "e2"): two stable sorts, minor key first.
        // (An id's first 8 bytes order it: ids under "e9999999".)
        crate::sort::sort_by_u64_key(&mut out, |(_, e)| {
            let mut b = [0u8; 8];
            for (d, s) in b.iter_mut().zip(e.id.bytes()) {
                *d = s;
            }
            u64::from_be_bytes(b)
        });
        crate::sort::sort_by_u64_key(&mut out, |&(r, _)| u64::from(!crate::sort::order_bits(r)));
        out.into_iter().map(|(_, e)| e).collect()
    }
}

/// Whether a name mention by `rule` of an entity of type `label` names who reports (a byline's
/// names, a dateline's agency) rather than who the article is about.
// (Out of line: inlined into the topic stage's candidate loop it cost 2 KB of wasm.)
#[inline(never)]
pub fn reporting(rule: &str, label: Label) -> bool {
    rule == tagger::BYLINE || rule == tagger::DATELINE && label == Label::ORG
}

/// Whether a name mention by `rule` is in the byline or the dateline (its place included: where
/// the reporter files from is no key phrase unless the story names it again).
#[inline(never)]
pub fn byline_or_dateline(rule: &str) -> bool {
    rule == tagger::BYLINE || rule == tagger::DATELINE
}

/// The longest name form the text uses, counting letters and digits only (ties: the first, so
/// "SolarWinds" before "Solar Winds"); proper-case forms beat lower-case ones, and forms in
/// running text beat shouted ones (a dateline's "BRUSSELS", a headline's "JOE BIDEN").
fn canonical_name(c: &Cluster, ms: &[Mention]) -> Text {
    // (proper case, not shouted, letters and digits), the first best kept; and whether it reads
    // better in title case.
    type Score = (bool, bool, bool, usize);
    let mut best: Option<(&str, Score, bool)> = None;
    for m in ms.iter().filter(|m| m.kind == MentionKind::Name) {
        let t = m.text.as_str();
        // One pass over the characters.
        let (mut upper, mut lower, mut alnum, mut space) = (false, false, 0, false);
        for ch in t.chars() {
            upper |= ch.is_uppercase();
            lower |= ch.is_lowercase();
            alnum += usize::from(ch.is_alphanumeric());
            space |= ch.is_whitespace();
        }
        // All capitals, and no acronym: five letters or more, or several words.
        let shouted = !lower && (alnum >= 5 || space);
        let other = !c.label.is_name();
        // A title standing for its holder ("the Prime Minister") names no one by itself.
        let named = m.rule != tagger::TITLE_REFERENCE;
        let score = (named, upper || other, !shouted || other, alnum);
        if best.is_none_or(|(_, b, _)| score > b) {
            // A shouted name of several words ("SAN FRANCISCO") or a dateline's place
            // ("WASHINGTON") is no acronym: shown in title case.
            let title = shouted && !other && (space || m.rule == tagger::DATELINE);
            best = Some((t, score, title));
        }
    }
    match best {
        Some((t, _, true)) => Text::from(title_case(t)),
        Some((t, _, false)) => Text::from(t),
        None => Text::from(c.name.as_str()),
    }
}

/// "SAN FRANCISCO" → "San Francisco", "BANK OF ENGLAND" → "Bank of England".
fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &["and", "de", "for", "of", "on", "the"];
    let mut out = String::with_capacity(s.len());
    for (k, w) in s.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower = w.to_lowercase();
        if k > 0 && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        // The capitals at the word's start and after a hyphen ("WINSTON-SALEM") stay as they are
        // (no upper-casing table in the wasm), the rest is lower-cased.
        let mut keep = true;
        for (ch, low) in w.chars().zip(lower.chars()) {
            out.push(if keep { ch } else { low });
            keep = ch == '-';
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Date;

    fn found(text: &str) -> (Doc<'_>, Found) {
        let doc = Doc::new(text);
        let f = extract(&doc, Date::new(2021, 1, 27));
        (doc, f)
    }

    /// The cluster of the first mention whose text is `s`.
    fn cluster_of(doc: &Doc, f: &Found, s: &str) -> Option<usize> {
        f.mentions
            .iter()
            .find(|m| &doc.text[m.start..m.end] == s)
            .map(|m| m.cluster)
    }

    fn cand(start: usize, end: usize, label: Label) -> Candidate {
        Candidate {
            start,
            end,
            label,
            rule: "test",
            confidence: 1.0,
            value: None,
        }
    }

    /// A capitalised title standing for its holder is a mention of that person, named by a
    /// name, not the title; one that is part of a name, a surname or an office is none.
    #[test]
    fn title_references_join_their_holders() {
        let (doc, f) = found(
            "Prime Minister Tony Blair met the Chancellor, Gordon Brown, on Monday. The Prime \
             Minister said the talks went well.\n\nEducation Secretary Miguel Cardona defended the \
             plan. Critics say the Secretary overstepped. Madam Speaker, we object.\n\nCharlie \
             King said Mr. King would not run. The Queen's Speech is next week. The Justice deals \
             were signed. The Secretary-General of the UN came.",
        );
        // The mention of `s` where `context` (starting with it) stands.
        let of_in = |context: &str, s: &str| {
            let at = doc.text.find(context).unwrap();
            f.mentions
                .iter()
                .find(|m| m.start == at && m.end == at + s.len() && m.kind == MentionKind::Name)
                .map(|m| (m.label, m.rule, f.clusters[m.cluster].name.as_str()))
        };
        let of = |s: &str| of_in(s, s);
        let title = tagger::TITLE_REFERENCE;
        let pm = of_in("Prime Minister said", "Prime Minister");
        assert_eq!(pm, Some((Label::PER, title, "Tony Blair")));
        assert_eq!(of("Chancellor"), Some((Label::PER, title, "Gordon Brown")));
        let secretary = of_in("Secretary overstepped", "Secretary");
        assert_eq!(secretary, Some((Label::PER, title, "Miguel Cardona")));
        assert_eq!(
            of("Madam Speaker").map(|m| (m.0, m.1)),
            Some((Label::PER, title))
        );
        assert!(of("Mr. King").is_none(), "a surname");
        assert!(
            of("Queen").is_none() && of("Justice").is_none(),
            "a name's part, an office"
        );
        assert!(
            of_in("Secretary-General", "Secretary").is_none(),
            "an office"
        );
        let entities = f.into_entities(&doc, &[]);
        let blair = entities.iter().find(|e| e.name == "Tony Blair").unwrap();
        assert_eq!(blair.mentions.len(), 2, "{:?}", blair.mentions);
    }

    /// A storm's cue outweighs the model's readings of its bare name as a person.
    #[test]
    fn a_storms_bare_name_stays_the_storm() {
        let (doc, f) = found(
            "Hurricane Rita neared the coast. Rita packed winds of 240 km an hour, and the \
             center said Rita was extremely dangerous.",
        );
        let labels: Vec<Label> = f
            .mentions
            .iter()
            .filter(|m| &doc.text[m.start..m.end] == "Rita")
            .map(|m| m.label)
            .collect();
        assert_eq!(labels, [Label::MISC; 3]);
    }

    #[test]
    fn no_function_word_alone_is_a_name() {
        // After a title-case headline the tagger reads "You" as a name, and the document passes
        // spread it to every "You".
        let (doc, f) = found(
            "Jane Roe Hammers Acme Bank CEO: ‘You Should Be Criminally Investigated.’\n\n\
             “You should resign. You should give back the money,” Roe told the bank’s chief.",
        );
        let names: Vec<&str> = f
            .mentions
            .iter()
            .filter(|m| m.label.is_name() && m.kind == MentionKind::Name)
            .map(|m| &doc.text[m.start..m.end])
            .collect();
        assert!(names.contains(&"Roe"), "{names:?}");
        assert!(!names.contains(&"You"), "{names:?}");
        // Capitals are not function words: the US stays a place.
        let (doc, f) = found("Officials in the US said so.");
        assert_eq!(cluster_of(&doc, &f, "US").map(|_| ()), Some(()));
    }

    #[test]
    fn title_case_headline_keeps_only_the_documents_names() {
        let (doc, f) = found(
            "Jane Roe Hammers Acme Bank CEO: ‘You Should Be Criminally Investigated.’\n\n\
             “You should resign. You should give back the money,” Roe told the Acme Bank chief.\n",
        );
        let headline = doc.text.find('\n').unwrap();
        let mut names: Vec<&str> = f
            .mentions
            .iter()
            .filter(|m| m.label.is_name() && m.kind == MentionKind::Name && m.end <= headline)
            .map(|m| &doc.text[m.start..m.end])
            .collect();
        names.sort();
        assert_eq!(names, ["Acme Bank", "Roe"]);
    }

    #[test]
    fn merge_aliases_surnames_spellings_and_acronyms() {
        let text = "Joe Biden met Biden. The United States and the US and U.S. and America. \
                    SolarWinds or Solar Winds. The European Union and the EU. \
                    The US Department of Justice; the Department of Justice.";
        let doc = Doc::new(text);
        let at = |s: &str| text.find(s).unwrap();
        let mut cands = vec![
            cand(at("Joe Biden"), at("Joe Biden") + 9, Label::PER),
            cand(at("Biden."), at("Biden."), Label::PER),
            cand(at("United States"), at("United States") + 13, Label::LOC),
            cand(at("US and"), at("US and") + 2, Label::LOC),
            cand(at("U.S."), at("U.S.") + 4, Label::LOC),
            cand(at("America"), at("America") + 7, Label::LOC),
            cand(at("SolarWinds"), at("SolarWinds") + 10, Label::ORG),
            // The model's type for the variant spelling differs; the spelling still joins.
            cand(at("Solar Winds"), at("Solar Winds") + 11, Label::MISC),
            cand(at("European Union"), at("European Union") + 14, Label::ORG),
            cand(at("EU."), at("EU.") + 2, Label::ORG),
            cand(at("US Dep"), at("US Dep") + 24, Label::ORG),
            cand(
                at("Department of Justice."),
                at("Department of Justice."),
                Label::ORG,
            ),
        ];
        let n = cands.len();
        cands[n - 1].end = cands[n - 1].start + 21;
        cands[1].end = cands[1].start + 5;
        let f = merge(&doc, cands);
        let cl = |s: &str| cluster_of(&doc, &f, s).unwrap();
        assert_eq!(cl("Joe Biden"), f.mentions[1].cluster);
        assert_eq!(cl("United States"), cl("US"));
        assert_eq!(cl("United States"), cl("U.S."));
        assert_eq!(cl("United States"), cl("America"));
        assert_eq!(cl("SolarWinds"), cl("Solar Winds"));
        assert_eq!(f.clusters[cl("Solar Winds")].label, Label::ORG);
        assert_eq!(cl("European Union"), cl("EU"));
        assert_eq!(
            cl("US Department of Justice"),
            f.mentions[f.mentions.len() - 1].cluster
        );
        assert_ne!(cl("Joe Biden"), cl("United States"));
        // Mentions stay sorted and non-overlapping.
        assert!(f.mentions.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn a_first_name_alone_joins_the_only_person_it_opens() {
        let text = "Hillary Clinton and Anita Alvarez met George Bush and George Washington. \
                    Hillary said so. Anita agreed. George laughed.";
        let doc = Doc::new(text);
        let at = |s: &str| text.find(s).unwrap();
        let name = |s: &str| cand(at(s), at(s) + s.len(), Label::PER);
        let alone = |s: &str| {
            let i = text.rfind(s).unwrap();
            cand(i, i + s.len(), Label::PER)
        };
        let f = merge(
            &doc,
            vec![
                name("Hillary Clinton"),
                name("Anita Alvarez"),
                name("George Bush"),
                name("George Washington"),
                alone("Hillary"),
                alone("Anita"),
                alone("George"),
            ],
        );
        let cluster_at = |i: usize| {
            f.mentions
                .iter()
                .find(|m| m.start == i)
                .map(|m| m.cluster)
                .unwrap()
        };
        assert_eq!(cluster_at(text.rfind("Hillary").unwrap()), cluster_at(0));
        assert_eq!(
            cluster_at(text.rfind("Anita").unwrap()),
            cluster_at(at("Anita Alvarez"))
        );
        // Two Georges: the one-word "George" is neither.
        let george = cluster_at(text.rfind("George").unwrap());
        assert_ne!(george, cluster_at(at("George Bush")));
        assert_ne!(george, cluster_at(at("George Washington")));
    }

    #[test]
    fn a_name_given_as_kin_is_a_person() {
        let text = "Their child, Gloria, died. Gloria had eczema. His wife Oria spoke. The \
                    sister company Nippo rose. Her husband, Democratic nominee Al Bee, won.";
        let doc = Doc::new(text);
        let at = |s: &str| text.find(s).unwrap();
        let cands = vec![
            cand(at("Gloria,"), at("Gloria,") + 6, Label::ORG),
            cand(at("Gloria had"), at("Gloria had") + 6, Label::ORG),
            cand(at("Oria"), at("Oria") + 4, Label::LOC),
            cand(at("Nippo"), at("Nippo") + 5, Label::ORG),
            cand(at("Democratic"), at("Democratic") + 10, Label::MISC),
            cand(at("Al Bee"), at("Al Bee") + 6, Label::PER),
        ];
        let f = merge(&doc, cands);
        let label = |s: &str| f.clusters[cluster_of(&doc, &f, s).unwrap()].label;
        assert_eq!(label("Gloria"), Label::PER);
        assert_eq!(label("Oria"), Label::PER);
        assert_eq!(label("Nippo"), Label::ORG);
        assert_eq!(label("Democratic"), Label::MISC);
    }

    #[test]
    fn a_person_with_shares_is_a_company() {
        let text = "Jones stock fell. Jones said sales rose. Ann Smith bought shares of Acme. \
                    Smith said so, the newspaper Granma reported. Zeta's profit rose. A court \
                    fined Omega, which appealed. Marianne, which one is it? A Twitter user \
                    wrote. Yukos chief executive Steve Theede and property website Rightmove \
                    agreed. A son of President Kuto, which plans more, runs it. Varco, which \
                    owns the brand, said so. Kappa sales rose. Ann Lin and Bo Lin spoke. Nobody \
                    sang for Lin, which worries them.";
        let doc = Doc::new(text);
        let at = |s: &str| text.find(s).unwrap();
        let cands = vec![
            cand(at("Jones stock"), at("Jones stock") + 5, Label::PER),
            cand(at("Jones said"), at("Jones said") + 5, Label::PER),
            cand(at("Ann Smith"), at("Ann Smith") + 9, Label::PER),
            cand(at("Acme"), at("Acme") + 4, Label::PER),
            cand(at("Smith said"), at("Smith said") + 5, Label::PER),
            cand(at("Granma"), at("Granma") + 6, Label::PER),
            cand(at("Zeta"), at("Zeta") + 4, Label::PER),
            cand(at("Omega"), at("Omega") + 5, Label::PER),
            cand(at("Marianne"), at("Marianne") + 8, Label::PER),
            cand(at("Twitter"), at("Twitter") + 7, Label::PER),
            cand(at("Yukos"), at("Yukos") + 5, Label::PER),
            cand(at("Rightmove"), at("Rightmove") + 9, Label::PER),
            cand(at("Kuto"), at("Kuto") + 4, Label::PER),
            cand(at("Varco"), at("Varco") + 5, Label::PER),
            cand(at("Kappa"), at("Kappa") + 5, Label::PER),
            cand(at("Ann Lin"), at("Ann Lin") + 7, Label::PER),
            cand(at("Bo Lin"), at("Bo Lin") + 6, Label::PER),
            cand(at("Lin,"), at("Lin,") + 3, Label::PER),
        ];
        let f = merge(&doc, cands);
        let label = |s: &str| f.clusters[cluster_of(&doc, &f, s).unwrap()].label;
        assert_eq!(label("Jones"), Label::ORG);
        assert_eq!(label("Acme"), Label::ORG);
        assert_eq!(label("Granma"), Label::ORG);
        assert_eq!(label("Zeta"), Label::ORG);
        assert_eq!(label("Omega"), Label::ORG);
        assert_eq!(label("Twitter"), Label::ORG);
        assert_eq!(label("Yukos"), Label::ORG);
        assert_eq!(label("Rightmove"), Label::ORG);
        // ... also opening its sentence, when that is no question.
        assert_eq!(label("Varco"), Label::ORG);
        // ... and a name whose sales or profits the text gives ("Smirnoff sales rose").
        assert_eq!(label("Kappa"), Label::ORG);
        // A vocative before a question's "which" is a person.
        assert_eq!(label("Marianne"), Label::PER);
        // ... and so is a name after a person's title: "which" is about something else; and
        // the surname of a person the text names in full.
        // (Two Lins: "Lin" stays a cluster of its own.)
        assert_eq!(label("Lin"), Label::PER);
        assert_eq!(label("Kuto"), Label::PER);
        // A person named in full stays one.
        assert_eq!(label("Ann Smith"), Label::PER);
    }

    #[test]
    fn same_string_with_different_types_stays_apart() {
        // "Japan" the team (ORG) and "Japan" the country (LOC) are homonyms, not aliases.
        let text = "Japan beat Syria. Japan is an island nation.";
        let doc = Doc::new(text);
        let f = merge(&doc, vec![cand(0, 5, Label::ORG), cand(18, 23, Label::LOC)]);
        assert_ne!(f.mentions[0].cluster, f.mentions[1].cluster);
    }

    #[test]
    fn canonical_name_is_longest_and_proper_case() {
        let text = "The White House said so. Later the white house denied it. Biden's Joe Biden.";
        let (doc, f) = found(text);
        let a = f.into_entities(&doc, &[]);
        let wh = a
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.text == "white house"));
        if let Some(e) = wh {
            assert_eq!(e.name, "White House");
            assert_eq!(e.label, Label::ORG);
        } else {
            panic!("lower-case alias not linked: {a:#?}");
        }
    }

    /// A dateline's or headline's capitals are no entity's name when running text has the form.
    #[test]
    fn canonical_name_is_not_shouted() {
        let text = "BRUSSELS (Reuters) - Ministers met in Brussels on Tuesday. NATO said so.";
        let (doc, f) = found(text);
        let a = f.into_entities(&doc, &[]);
        let name_of = |m: &str| {
            a.iter()
                .find(|e| e.mentions.iter().any(|x| x.text == m))
                .map(|e| e.name.to_string())
        };
        assert_eq!(name_of("BRUSSELS").as_deref(), Some("Brussels"), "{a:#?}");
        // An acronym is no shouting.
        assert_eq!(name_of("NATO").as_deref(), Some("NATO"));
        // A shouted name with no other form is shown in title case.
        let text = "SAN FRANCISCO (Reuters) - The strike spread to LOS ANGELES on Monday.\n\n\
                    WASHINGTON (AP) - Lawmakers met.";
        let (doc, f) = found(text);
        let a = f.into_entities(&doc, &[]);
        let names: Vec<&str> = a.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"San Francisco"), "{names:?}");
        assert!(names.contains(&"Los Angeles"), "{names:?}");
        assert!(names.contains(&"Washington"), "{names:?}");
        assert_eq!(title_case("BANK OF ENGLAND"), "Bank of England");
        assert_eq!(title_case("WINSTON-SALEM"), "Winston-Salem");
    }

    /// Traded or earning, a "place" is a company; a place's market is no company.
    #[test]
    fn shares_of_a_place_make_a_company() {
        let has = |text: &str, name: &str| {
            let doc = Doc::new(text);
            let at = text.find(name).unwrap();
            traded(&doc, at, at + name.len())
        };
        assert!(has("Shares of Novo Nordisk rose 4%.", "Novo Nordisk"));
        assert!(has("It said Acme Denmark's revenue fell.", "Acme Denmark"));
        assert!(!has("Tokyo shares fell.", "Tokyo"));
        assert!(!has("China's exports rose.", "China"));
    }

    /// Who reports (a byline's names, a dateline's agency) ranks below who the article is about.
    #[test]
    fn reporters_are_not_salient() {
        let text = "By Jane Whitmore and Tom Ortega, Reuters\n\n\
                    BRUSSELS, Nov 20 (Reuters) - The talks in Brussels ended. Maros Sefcovic said \
                    the deal was done. It will be signed next year, Sefcovic added.";
        let (doc, f) = found(text);
        let a = f.into_entities(&doc, &[]);
        let rank = |name: &str| {
            a.iter()
                .position(|e| e.name == name)
                .unwrap_or_else(|| panic!("{name}: {a:#?}"))
        };
        for reporter in ["Jane Whitmore", "Tom Ortega", "Reuters"] {
            assert!(
                rank(reporter) > rank("Maros Sefcovic"),
                "{reporter}: {a:#?}"
            );
            assert!(rank(reporter) > rank("Brussels"), "{reporter}: {a:#?}");
        }
    }

    /// An office quoted again and again does not outrank the person the article is about.
    #[test]
    fn quotes_add_to_salience_with_diminishing_returns() {
        let text = "Joe Biden spoke with Vladimir Putin. Biden raised the hacking. Biden said \
                    the talks were frank. Biden will meet allies, and Biden hopes for a deal. \
                    \"It went well,\" the White House said. \"More talks,\" the White House said. \
                    \"No date yet,\" the White House said. \"Watch this,\" the White House said.";
        let analysis = crate::analyze(text, &crate::Options::default());
        let quotes_by = |name: &str| {
            analysis
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().is_some_and(|s| s.name == name))
                .count()
        };
        // (The premise: the office speaks four times, the person once.)
        assert_eq!(quotes_by("White House"), 4, "{:#?}", analysis.quotes);
        let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names.first(), Some(&"Joe Biden"), "{names:?}");
    }

    /// A product named after its maker is an entity of its own, not the company's longest name.
    #[test]
    fn products_do_not_merge_into_their_maker() {
        let text = "Apple unveiled the Apple Watch Ultra on Wednesday. Apple said the watch \
                    costs $799. Tim Cook, Apple chief executive, said the Apple Watch Ultra was \
                    built for athletes.";
        let analysis = crate::analyze(text, &crate::Options::default());
        let entity = |name: &str| analysis.entities.iter().find(|e| e.name == name);
        let (apple, watch) = (entity("Apple"), entity("Apple Watch Ultra"));
        assert_eq!(
            apple.map(|e| e.label),
            Some(Label::ORG),
            "{:#?}",
            analysis.entities
        );
        assert_eq!(watch.map(|e| e.label), Some(Label::MISC));
        assert_eq!(apple.map(|e| e.mentions.len()), Some(3));
    }

    #[test]
    fn nominals_link_to_introduced_people() {
        let text =
            "US President Joe Biden spoke with Russian President Vladimir Putin on Tuesday. \
                    Later the US president said his Russian counterpart agreed.";
        let (_doc, f) = found(text);
        let nominal = |s: &str| {
            let at = text.find(s).unwrap();
            f.mentions
                .iter()
                .find(|m| m.kind == MentionKind::Nominal && m.start >= at && m.end <= at + s.len())
                .map(|m| f.clusters[m.cluster].name.clone())
        };
        assert_eq!(nominal("the US president").as_deref(), Some("Joe Biden"));
        assert_eq!(
            nominal("his Russian counterpart").as_deref(),
            Some("Vladimir Putin")
        );
        assert!(f.mentions.windows(2).all(|w| w[0].end <= w[1].start));
        // No role evidence: no link.
        let (_, f) = found("Later the president said his counterpart agreed.");
        assert!(f.mentions.iter().all(|m| m.kind != MentionKind::Nominal));
    }

    #[test]
    fn dates_normalized_against_the_article_date() {
        let text =
            "On January 26 and on Tuesday, and by February 5, and last week, and on 2020-12-30.";
        let (_doc, f) = found(text);
        let value = |s: &str| {
            let at = text.find(s).unwrap();
            f.mentions
                .iter()
                .find(|m| m.start == at && m.end == at + s.len())
                .and_then(|m| f.clusters[m.cluster].value.clone())
        };
        assert_eq!(value("January 26").as_deref(), Some("2021-01-26"));
        assert_eq!(value("Tuesday").as_deref(), Some("2021-01-26"));
        assert_eq!(value("February 5").as_deref(), Some("2021-02-05"));
        assert_eq!(value("last week").as_deref(), Some("2021-01-18/2021-01-24"));
        assert_eq!(value("2020-12-30").as_deref(), Some("2020-12-30"));
    }

    #[test]
    fn every_mention_has_a_rule_and_confidence_and_valid_offsets() {
        let text = "WASHINGTON (Reuters) - Ms. Jane Doe of Acme Corp. paid $5 million, 24% more, in Paris.\n\n“Fine,” she said.";
        let (doc, f) = found(text);
        assert!(!f.mentions.is_empty());
        for m in &f.mentions {
            assert!(!m.rule.is_empty());
            assert!((0.0..=1.0).contains(&m.confidence), "{m:?}");
            assert!(doc.text.is_char_boundary(m.start) && doc.text.is_char_boundary(m.end));
            assert!(m.cluster < f.clusters.len());
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in [
            "",
            " ",
            "A",
            "“",
            "É.",
            "\u{0}\u{1}",
            "the the the",
            "US US US US",
        ] {
            let (_, f) = found(t);
            assert!(f.mentions.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }
}
