//! From a speaker phrase to an entity: names, pronouns, nominals, documents.
//!
//! [`Ctx`] precomputes, once per document, what the sieves and the resolver ask about tokens and
//! mentions: which quote a token is in, which mention covers it, each person's gender, and the
//! roles people are introduced with ("press secretary Jen Psaki"). Every lookback is bounded, so
//! resolution is linear in the text.

use super::finder::RawQuote;
use super::lexicon::{lexicon, Lexicon, NameGender, Noun, Word};
use crate::entities::{Found, Gender, RawMention};
use crate::hash::FxMap;
use crate::model::{Label, MentionKind, Speaker, Text};
use crate::text::{Doc, TokenKind};

/// How far back (in mentions) an antecedent is searched for.
const LOOKBACK_MENTIONS: usize = 80;
/// How many paragraphs back an antecedent may be.
const LOOKBACK_PARAGRAPHS: u32 = 4;

/// What the sieves found as the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// A name mention (index into `found.mentions`).
    Mention(usize),
    /// A pronoun token.
    Pronoun(usize),
    /// A noun phrase over tokens `first..last` ("the press secretary", "a source").
    Nominal { first: usize, last: usize },
}

/// A resolved speaker.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The public speaker (entity as `#cluster`).
    pub speaker: Speaker,
    /// How sure the resolution step is (name 1.0, pronoun 0.85, nominal 0.8, unresolved 0.5).
    pub factor: f32,
    /// A pronoun or nominal mention to add to the entity.
    pub new_mention: Option<RawMention>,
}

/// Per-document lookups for the quote stage.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Doc<'a>,
    /// Entity-stage output.
    pub found: &'a Found,
    /// Word lists.
    pub lex: &'static Lexicon,
    /// Token → quote index + 1 (0 outside quotes).
    pub qid: Vec<u32>,
    /// Token → index + 1 of the mention covering it (0 when none).
    pub ment: Vec<u32>,
    /// Mention → lies inside a quote.
    pub m_in_quote: Vec<bool>,
    /// Mention → its token range.
    m_tok: Vec<(u32, u32)>,
    /// Token → its verb class, looked up once (before the quote and subject checks).
    pub verb: Vec<Option<Word>>,
    /// Cluster → gender.
    pub gender: Vec<Gender>,
    /// Role word → (byte position, cluster) of people introduced with it, in text order.
    roles: FxMap<String, Vec<(usize, usize)>>,
    /// Lower-case last word of a person's name → its first name mention.
    surnames: FxMap<String, usize>,
}

/// Subject pronouns that can name a speaker.
pub fn subject_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "He" | "she" | "She" | "they" | "They" | "it" | "It" | "I" | "we" | "We"
    )
}

pub(crate) fn is_possessive_tok(w: &str) -> bool {
    matches!(w, "’s" | "'s" | "’S" | "'S" | "’" | "'")
}

/// Lower-case function words that never name a role.
fn function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "and"
            | "or"
            | "for"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "his"
            | "her"
            | "their"
            | "its"
            | "who"
            | "which"
            | "that"
            | "this"
            | "is"
            | "was"
            | "has"
            | "had"
            | "former"
            | "then"
            | "also"
    )
}

impl<'a> Ctx<'a> {
    /// Builds the lookups.
    pub fn new(doc: &'a Doc<'a>, found: &'a Found, raws: &[RawQuote]) -> Ctx<'a> {
        let n = doc.tokens.len();
        let mut qid = vec![0u32; n];
        for (qi, r) in raws.iter().enumerate() {
            let mut k = doc.token_at_or_after(r.start);
            while k < n && doc.tokens[k].start < r.end {
                qid[k] = qi as u32 + 1;
                k += 1;
            }
        }
        let mut ment = vec![0u32; n];
        let mut m_in_quote = vec![false; found.mentions.len()];
        let mut m_tok = vec![(0u32, 0u32); found.mentions.len()];
        for (mi, m) in found.mentions.iter().enumerate() {
            let mut k = doc.token_at_or_after(m.start);
            let first = k;
            while k < n && doc.tokens[k].start < m.end {
                ment[k] = mi as u32 + 1;
                k += 1;
            }
            m_tok[mi] = (first as u32, doc.token_at_or_after(m.end) as u32);
            m_in_quote[mi] = qid.get(first).is_some_and(|&q| q != 0);
        }
        let lex = lexicon();
        let verb = (0..n)
            .map(|k| {
                let t = doc.tokens[k];
                if t.kind != TokenKind::Word || t.end - t.start > 14 {
                    return None;
                }
                match doc.tok(k) {
                    // Capitalized only at a sentence start: "Said Ellis: …".
                    "Said" => lex.verb("said"),
                    "Says" => lex.verb("says"),
                    // “…,” Trump went on.
                    "went" | "goes" if k + 1 < n && doc.tok(k + 1) == "on" => lex.verb("continued"),
                    // “…,” Bennett shot back; “…,” she fired back.
                    "shot" | "fired" | "hit" | "snapped" | "shoots" | "fires" | "hits"
                        if k + 1 < n && doc.tok(k + 1) == "back" =>
                    {
                        lex.verb("retorted")
                    }
                    _ if t.cap => None,
                    w => lex.verb(w),
                }
            })
            .collect();
        let mut ctx = Ctx {
            doc,
            found,
            lex,
            qid,
            ment,
            m_in_quote,
            m_tok,
            verb,
            gender: found.clusters.iter().map(|c| c.gender).collect(),
            roles: FxMap::default(),
            surnames: FxMap::default(),
        };
        for (mi, m) in found.mentions.iter().enumerate() {
            if m.label == Label::PER && m.kind == MentionKind::Name {
                if let Some(last) = doc.text[m.start..m.end].split_whitespace().next_back() {
                    ctx.surnames.entry(crate::text::lower(last)).or_insert(mi);
                }
            }
        }
        ctx.learn_genders();
        ctx.learn_roles();
        ctx
    }

    /// The text of token `k`.
    pub fn tok(&self, k: usize) -> &'a str {
        self.doc.tok(k)
    }

    /// The paragraph of token `k`.
    pub fn para_of(&self, k: usize) -> u32 {
        self.doc
            .tokens
            .get(k)
            .and_then(|t| self.doc.sentences.get(t.sentence as usize))
            .map_or(0, |s| s.paragraph)
    }

    /// First token of mention `mi`, and the token after it.
    pub fn mention_tokens(&self, mi: usize) -> (usize, usize) {
        let (a, b) = self.m_tok[mi];
        (a as usize, b as usize)
    }

    /// The mention is followed by a possessive `’s`.
    pub fn possessive(&self, mi: usize) -> bool {
        let (_, b) = self.mention_tokens(mi);
        b < self.doc.tokens.len()
            && !self.doc.tokens[b].space_before
            && is_possessive_tok(self.tok(b))
    }

    /// Gender from honorifics, first names, then the pronouns used near the person's mentions.
    fn learn_genders(&mut self) {
        let nc = self.found.clusters.len();
        let mut strong = vec![Gender::Unknown; nc];
        let mut votes = vec![(0i32, 0i32); nc];
        for (mi, m) in self.found.mentions.iter().enumerate() {
            if m.label != Label::PER || m.kind != MentionKind::Name {
                continue;
            }
            let (a, _) = self.mention_tokens(mi);
            let text = &self.doc.text[m.start..m.end];
            let mut honor = None;
            // "Mr. Smith": the honorific is a token or two before, or the mention's first word.
            let first_word = text.split_whitespace().next().unwrap_or("");
            for w in (a.saturating_sub(2)..a)
                .map(|k| self.tok(k))
                .chain([first_word])
            {
                match w.trim_end_matches('.') {
                    "Mr" | "Sen" | "Gov" | "Rep" if w.starts_with("Mr") => {
                        honor = Some(Gender::Male)
                    }
                    "Mrs" | "Ms" | "Miss" => honor = Some(Gender::Female),
                    _ => {}
                }
            }
            if let Some(g) = honor {
                strong[m.cluster] = g;
                continue;
            }
            let n_words = text.split_whitespace().count();
            let upto = if n_words > 1 { n_words - 1 } else { 1 };
            for w in text.split_whitespace().take(upto) {
                match crate::text::with_lower(w, |l| self.lex.first_name(l)) {
                    Some(NameGender::Male) => votes[m.cluster].0 += 3,
                    Some(NameGender::Female) => votes[m.cluster].1 += 3,
                    None => continue,
                }
                break;
            }
        }
        // Pronouns right after a person was the last one named vote for that person.
        let mut last: Option<(usize, u32)> = None; // (cluster, sentence)
        let mut mi = 0usize;
        let ms = &self.found.mentions;
        for k in 0..self.doc.tokens.len() {
            let t = self.doc.tokens[k];
            while mi < ms.len() && ms[mi].end <= t.start {
                if ms[mi].label == Label::PER && !self.m_in_quote[mi] {
                    let s =
                        self.doc.tokens[self.doc.token_at_or_after(ms[mi].start).min(k)].sentence;
                    last = Some((ms[mi].cluster, s));
                }
                mi += 1;
            }
            if self.qid[k] != 0 || t.kind != TokenKind::Word {
                continue;
            }
            let male = matches!(self.tok(k), "he" | "He" | "him" | "his" | "His" | "himself");
            let female = matches!(self.tok(k), "she" | "She" | "her" | "Her" | "herself");
            if let Some((c, s)) = last {
                if (male || female) && t.sentence <= s + 1 {
                    if male {
                        votes[c].0 += 1;
                    } else {
                        votes[c].1 += 1;
                    }
                }
            }
        }
        for c in 0..nc {
            if self.gender[c] != Gender::Unknown {
                continue;
            }
            self.gender[c] = if strong[c] != Gender::Unknown {
                strong[c]
            } else if votes[c].0 > votes[c].1 {
                Gender::Male
            } else if votes[c].1 > votes[c].0 {
                Gender::Female
            } else {
                Gender::Unknown
            };
        }
    }

    /// Records the title words people are introduced with: "press secretary Jen Psaki",
    /// "US President Joe Biden", "Jen Psaki, the press secretary,".
    fn learn_roles(&mut self) {
        let n = self.doc.tokens.len();
        for (mi, m) in self.found.mentions.iter().enumerate() {
            if m.label != Label::PER || m.kind != MentionKind::Name || self.m_in_quote[mi] {
                continue;
            }
            let (a, b) = self.mention_tokens(mi);
            // The candidate role words as written (lower-cased only to be looked at or kept).
            let mut words: Vec<&str> = Vec::new();
            // Titles inside the mention (all but the last word).
            for k in a..b.saturating_sub(1) {
                if self.doc.tokens[k].kind == TokenKind::Word {
                    words.push(self.tok(k));
                }
            }
            // Up to three title words right before it.
            let mut k = a;
            while k > 0 && a - k < 3 {
                k -= 1;
                let t = self.doc.tokens[k];
                let w = self.tok(k);
                if t.kind != TokenKind::Word || is_possessive_tok(w) || self.ment[k] != 0 {
                    break;
                }
                if crate::text::with_lower(w, function_word) {
                    break;
                }
                words.push(w);
            }
            // An apposition after it: ", the press secretary,".
            if b < n && self.tok(b) == "," {
                let mut k = b + 1;
                while k < n && k < b + 8 {
                    let t = self.doc.tokens[k];
                    if t.kind == TokenKind::Punct || self.qid[k] != 0 {
                        break;
                    }
                    let w = self.tok(k);
                    if !crate::text::with_lower(w, function_word) {
                        words.push(w);
                    }
                    k += 1;
                }
            }
            for w in words {
                crate::text::with_lower(w, |w| {
                    if w.len() >= 3 && w.chars().all(char::is_alphabetic) && !function_word(w) {
                        match self.roles.get_mut(w) {
                            Some(v) => v.push((m.start, m.cluster)),
                            None => {
                                self.roles.insert(w.to_string(), vec![(m.start, m.cluster)]);
                            }
                        }
                    }
                });
            }
        }
    }

    /// The mention starting at byte `start`.
    fn mention_at(&self, start: usize) -> Option<usize> {
        let i = self.found.mentions.partition_point(|m| m.start < start);
        self.found
            .mentions
            .get(i)
            .is_some_and(|m| m.start == start)
            .then_some(i)
    }

    /// A transcript turn: the quote's content starts with a name in capitals and a colon
    /// ("PENCE: Well, …"). The speaker is the person with that surname, or the name as written.
    pub fn transcript_speaker(&self, t0: usize, t1: usize) -> Option<Resolved> {
        let n = self.doc.tokens.len();
        let mut k = t0 + 1;
        let first = k;
        while k < t1.min(n) && k < first + 3 {
            let t = self.doc.tokens[k];
            if t.kind != TokenKind::Word || !t.all_caps {
                break;
            }
            k += 1;
        }
        if k == first || k >= t1.min(n) || self.tok(k) != ":" {
            return None;
        }
        let (start, end) = (self.doc.tokens[first].start, self.doc.tokens[k - 1].end);
        match crate::text::with_lower(self.tok(k - 1), |l| self.surnames.get(l).copied()) {
            Some(mi) => {
                let mut speaker = self.speaker_of_mention(mi);
                speaker.mention = Some(super::span(self.doc, start, end));
                Some(Resolved {
                    speaker,
                    factor: 1.0,
                    new_mention: None,
                })
            }
            None => Some(self.unresolved(start, end, 0.9)),
        }
    }

    /// Whether mention `mi` is a nationality used as a noun for a person: "the Italian" (one word,
    /// MISC, right after "the").
    fn demonym_nominal(&self, mi: usize) -> bool {
        let m = &self.found.mentions[mi];
        let k = self.doc.token_at_or_after(m.start);
        m.label == Label::MISC
            && k > 0
            && k < self.doc.tokens.len()
            && self.doc.tokens[k].end == m.end
            && matches!(self.tok(k - 1), "the" | "The")
    }

    fn speaker_of_mention(&self, mi: usize) -> Speaker {
        let m = &self.found.mentions[mi];
        Speaker {
            entity: Some(crate::entities::numbered(b'#', m.cluster as u64)),
            name: Text::from(&self.found.clusters[m.cluster].name),
            mention: Some(super::span(self.doc, m.start, m.end)),
        }
    }

    /// The last mention before byte `at` (outside quotes, within a few paragraphs) that `ok` accepts.
    fn antecedent(
        &self,
        at: usize,
        para: u32,
        mut ok: impl FnMut(&RawMention) -> bool,
    ) -> Option<usize> {
        let idx = self.found.mentions.partition_point(|m| m.start < at);
        for j in (0..idx).rev().take(LOOKBACK_MENTIONS) {
            let m = &self.found.mentions[j];
            // (A byline's reporter and a dateline's place and agency are no one the story
            // refers back to: "(Reuters) - …, according to the report" is not Reuters' report.)
            if self.m_in_quote[j] || m.end > at || crate::entities::byline_or_dateline(m.rule) {
                continue;
            }
            let k = self.doc.token_at_or_after(m.start);
            if para.saturating_sub(self.para_of(k)) > LOOKBACK_PARAGRAPHS {
                break;
            }
            if ok(m) {
                return Some(j);
            }
        }
        None
    }

    /// The nearest person (or, failing that, organization) mention to byte `at`: before it in the
    /// paragraph or a few paragraphs back, else after it in the same paragraph.
    pub fn closest(&self, at: usize, end: usize, para: u32) -> Option<usize> {
        if let Some(j) = self.antecedent(at, para, |m| m.label == Label::PER) {
            return Some(j);
        }
        let idx = self.found.mentions.partition_point(|m| m.start < end);
        for j in idx..(idx + 20).min(self.found.mentions.len()) {
            let m = &self.found.mentions[j];
            let k = self.doc.token_at_or_after(m.start);
            if self.para_of(k) != para {
                break;
            }
            if !self.m_in_quote[j] && m.label == Label::PER {
                return Some(j);
            }
        }
        self.antecedent(at, para, |m| m.label == Label::ORG)
    }

    /// Resolves a speaker phrase.
    pub fn resolve(&self, ph: Phrase) -> Resolved {
        match ph {
            Phrase::Mention(mi) if self.demonym_nominal(mi) => {
                // "the Italian said": the last person named, not the nationality.
                let m = &self.found.mentions[mi];
                let k = self.doc.token_at_or_after(m.start);
                let (start, end) = (self.doc.tokens[k - 1].start, m.end);
                match self.antecedent(m.start, self.para_of(k), |a| a.label == Label::PER) {
                    Some(p) => self.linked(p, start, end, MentionKind::Nominal, 0.8),
                    None => self.unresolved(start, end, 0.5),
                }
            }
            Phrase::Mention(mi) => Resolved {
                speaker: self.speaker_of_mention(mi),
                factor: 1.0,
                new_mention: None,
            },
            Phrase::Pronoun(k) => self.resolve_pronoun(k),
            Phrase::Nominal { first, last } => self.resolve_nominal(first, last),
        }
    }

    fn linked(
        &self,
        mi: usize,
        start: usize,
        end: usize,
        kind: MentionKind,
        factor: f32,
    ) -> Resolved {
        let m = &self.found.mentions[mi];
        let mut speaker = self.speaker_of_mention(mi);
        speaker.mention = Some(super::span(self.doc, start, end));
        Resolved {
            speaker,
            factor,
            new_mention: Some(RawMention {
                start,
                end,
                label: m.label,
                kind,
                rule: if kind == MentionKind::Pronoun {
                    "coref:pronoun"
                } else {
                    "coref:nominal"
                },
                confidence: factor,
                cluster: m.cluster,
            }),
        }
    }

    fn unresolved(&self, start: usize, end: usize, factor: f32) -> Resolved {
        Resolved {
            speaker: Speaker {
                entity: None,
                name: Text::from(&self.doc.text[start..end]),
                mention: Some(super::span(self.doc, start, end)),
            },
            factor,
            new_mention: None,
        }
    }

    fn resolve_pronoun(&self, k: usize) -> Resolved {
        let t = self.doc.tokens[k];
        let para = self.para_of(k);
        let w = self.tok(k);
        let found = match w {
            "he" | "He" | "she" | "She" => {
                let want = if w.eq_ignore_ascii_case("he") {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let mut unknown = None;
                let exact = self.antecedent(t.start, para, |m| {
                    if m.label != Label::PER {
                        return false;
                    }
                    let g = self.gender[m.cluster];
                    if g == Gender::Unknown && unknown.is_none() {
                        unknown = Some(m.start);
                    }
                    g == want
                });
                // Subjects before objects: in the antecedent's sentence, the first person of the
                // right gender ("Clinton says she admires Machado's courage in what she calls").
                exact
                    .map(|j| {
                        self.first_in_sentence(j, |m| {
                            m.label == Label::PER && self.gender[m.cluster] == want
                        })
                    })
                    .or_else(|| unknown.and_then(|s| self.mention_at(s)))
            }
            // An organization, else a place that acts as one ("the White House", "Russia").
            "it" | "It" | "they" | "They" => self
                .antecedent(t.start, para, |m| m.label == Label::ORG)
                .or_else(|| self.antecedent(t.start, para, |m| m.label == Label::LOC)),
            _ => None,
        };
        match found {
            Some(mi) => self.linked(mi, t.start, t.end, MentionKind::Pronoun, 0.85),
            None => self.unresolved(t.start, t.end, 0.5),
        }
    }

    /// The earliest mention in mention `j`'s sentence (outside quotes, not a possessive) that `ok`
    /// accepts; `j` itself when none comes before it.
    fn first_in_sentence(&self, j: usize, ok: impl Fn(&RawMention) -> bool) -> usize {
        let sent_of = |i: usize| {
            let k = self.doc.token_at_or_after(self.found.mentions[i].start);
            self.doc.tokens.get(k).map_or(u32::MAX, |t| t.sentence)
        };
        let s = sent_of(j);
        let mut best = j;
        let mut i = j;
        while i > 0 && j - i < 20 {
            i -= 1;
            if sent_of(i) != s {
                break;
            }
            if !self.m_in_quote[i] && !self.possessive(i) && ok(&self.found.mentions[i]) {
                best = i;
            }
        }
        best
    }

    fn resolve_nominal(&self, first: usize, last: usize) -> Resolved {
        let n = self.doc.tokens.len();
        let (first, last) = (first.min(n), last.min(n));
        if first >= last {
            return self.unresolved(0, 0, 0.3);
        }
        let start = self.doc.tokens[first].start;
        let end = self.doc.tokens[last - 1].end;
        let para = self.para_of(first);
        // The head: the last word of the phrase before "of"/"for" ("a spokesman for the campaign").
        let mut head_k = last - 1;
        for k in first..last {
            if matches!(self.tok(k), "of" | "for" | "from" | "with" | "at") && k > first {
                head_k = k - 1;
                break;
            }
        }
        let head = crate::text::lower(self.tok(head_k));
        match self.lex.noun(&head) {
            Some(Noun::Plural) => return self.unresolved(start, end, 0.8),
            Some(Noun::Document) | Some(Noun::Organization) => {
                // "the campaign": the last organization whose name has that word, else the last one.
                let by_word = self.antecedent(start, para, |m| {
                    m.label == Label::ORG
                        && crate::text::lower(&self.doc.text[m.start..m.end]).contains(&head)
                });
                // (Not a public body with its owner named before it: "the territory's
                // government", "Germany's economy ministry" are not the last organization; "Europe's
                // largest bank" may well be.)
                let owned = matches!(
                    head.as_str(),
                    "government"
                        | "ministry"
                        | "office"
                        | "department"
                        | "parliament"
                        | "cabinet"
                        | "embassy"
                        | "army"
                        | "military"
                        | "police"
                        | "administration"
                        | "court"
                ) && (first..head_k).any(|k| is_possessive_tok(self.tok(k)));
                let last_org = || {
                    (!owned)
                        .then(|| self.antecedent(start, para, |m| m.label == Label::ORG))
                        .flatten()
                };
                if let Some(mi) = by_word.or_else(last_org) {
                    return self.linked(mi, start, end, MentionKind::Nominal, 0.75);
                }
                return self.unresolved(start, end, 0.6);
            }
            None => {}
        }
        // A plural ("US teams say") is no one person, whatever role words a name carried.
        let plural = head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("us")
            && !head.ends_with("is");
        if plural {
            return self.unresolved(start, end, 0.8);
        }
        if let Some(v) = self.roles.get(&head) {
            let i = v.partition_point(|&(p, _)| p < start);
            if let Some(&(p, cl)) = i.checked_sub(1).and_then(|i| v.get(i)) {
                // The mention that introduced the role; its index for the speaker record.
                if let Some(mi) = self.mention_at(p) {
                    if self.found.mentions[mi].cluster == cl {
                        return self.linked(mi, start, end, MentionKind::Nominal, 0.8);
                    }
                }
            }
        }
        self.unresolved(start, end, 0.6)
    }
}
