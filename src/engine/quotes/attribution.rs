//! Attribution: an ordered cascade of sieves; the first that fires wins and names the rule.
//!
//! Sentence-level sieves (on bounded token windows around the quote):
//! `QVS` (“…,” said Jane Doe), `QSV` (“…,” the White House said; “…,” it added), `according-to`,
//! `as-put-it` (“…,” as a Homeland Security memo put it; As Smith put it, “…”),
//! `SV` (Biden said, “…”), `colon` (Trump told reporters: “…”), `label` (calling him ‘Putin’s
//! puppet’). Discourse sieves, for quotes the first pass left without a speaker: `continuation`
//! (AP-style multi-paragraph quotes), `split` (“A,” he said, “B.”), `colon` across paragraphs
//! (“Caddell continued:”), `paragraph` (another quote or a speech verb in the paragraph),
//! `conversation` (the previous paragraph's speaker), `closest` (nearest person, low confidence).
//! Confidence = the sieve's precision × the resolution step's factor. The precisions are those
//! measured on PolNeAR-direct train (`eval quotes`, speaker right by mention or name): QSV and QVS
//! 0.97, SV 0.91 (0.76 when the subject is the clause's first rather than the verb's own), split
//! 0.95, colon 0.90, according-to 0.92, label 0.72, paragraph 0.55, continuation 0.5 (few),
//! conversation 0.41, closest 0.33.

use super::finder::RawQuote;
use super::lexicon::{Noun, Word};
use super::resolve::{subject_pronoun, Ctx, Phrase, Resolved};
use crate::entities::RawMention;
use crate::model::{Label, Quote, QuoteKind, Span, Speaker};
use crate::text::{listed, TokenKind, WordList};
use std::borrow::Cow;

/// The attribution of one quote.
#[derive(Debug, Clone)]
pub struct Attr {
    /// Direct, partial or term.
    pub kind: QuoteKind,
    /// The speaker.
    pub speaker: Option<Speaker>,
    /// The cue.
    pub cue: Option<Span>,
    /// The rule.
    pub rule: &'static str,
    /// Confidence.
    pub confidence: f32,
    /// A pronoun or nominal mention of the speaker for the entity list.
    pub new_mention: Option<RawMention>,
}

/// A sentence-level finding before resolution.
#[derive(Debug, Clone, Copy)]
struct Hit {
    phrase: Phrase,
    /// Cue token range.
    cue: (usize, usize),
    rule: &'static str,
    precision: f32,
}

/// Window sizes in tokens.
const RIGHT_WINDOW: usize = 14;
const LEFT_WINDOW: usize = 40;
const NP_MAX: usize = 10;

/// Auxiliaries and adverbs that may stand between a subject and its speech verb.
fn aux_or_adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
        || matches!(
            w,
            "has"
                | "had"
                | "have"
                | "also"
                | "later"
                | "then"
                | "once"
                | "would"
                | "will"
                | "could"
                | "did"
                | "does"
                | "do"
                | "is"
                | "was"
                | "were"
                | "are"
                | "just"
                | "never"
                | "not"
                | "again"
                | "further"
                | "earlier"
                | "since"
                | "often"
                | "still"
                | "always"
                | "already"
                | "now"
                | "ever"
                | "even"
                | "soon"
                | "may"
                | "might"
                | "can"
                | "should"
                | "must"
                | "previously"
                | "recently"
                | "reportedly"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "quickly"
                | "simply"
                | "flatly"
                | "has been"
        )
}

/// Words that end a noun phrase.
fn np_breaker(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "to"
            | "that"
            | "who"
            | "whom"
            | "which"
            | "when"
            | "while"
            | "as"
            | "after"
            | "before"
            | "during"
            | "because"
            | "if"
            | "but"
            | "and"
            | "or"
            | "so"
            | "than"
            | "where"
            | "about"
            | "into"
            | "through"
            | "over"
            | "under"
            | "since"
            | "until"
            | "via"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "not"
            | "there"
            | "here"
            | "what"
            | "how"
            | "why"
            | "this"
            | "these"
            | "those"
            | "Tuesday"
            | "Monday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "When"
            | "As"
            | "If"
            | "While"
            | "Although"
            | "Because"
            | "After"
            | "Before"
            | "Asked"
            | "have"
            | "has"
            | "had"
    )
}

impl Ctx<'_> {
    fn speech(&self, k: usize) -> Option<Word> {
        if self.qid.get(k).is_none_or(|&q| q != 0) {
            return None;
        }
        let w = self.verb[k]?;
        if w.ambiguous {
            // "Trump tweets", "she notes": only right after a named or pronoun subject.
            let p = k.checked_sub(1)?;
            let subject = self.ment[p] != 0 && !self.possessive(self.ment[p] as usize - 1)
                || subject_pronoun(self.tok(p));
            if !subject {
                return None;
            }
        }
        Some(w)
    }

    /// A period that belongs to an abbreviation or initial ("Rep.", "G.K.", "Jr."), not a stop.
    fn abbrev_dot(&self, k: usize) -> bool {
        if k == 0 || self.tok(k) != "." || self.doc.tokens[k].space_before {
            return false;
        }
        let p = self.doc.tokens[k - 1];
        let w = self.tok(k - 1);
        // "(D-Wis.)", "Calif.,": a period before a closing bracket or comma ends no sentence; nor
        // does one the sentence splitter read on through into a number or a lower-case word
        // ("Jan. 19", "U.S. officials").
        let sentence = self.doc.tokens[k].sentence;
        if self.doc.tokens.get(k + 1).is_some_and(|t| {
            !t.space_before && matches!(self.doc.text.get(t.start..t.end), Some(")" | ","))
                || t.sentence == sentence
                    && self.doc.text[t.start..t.end]
                        .starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase())
        }) {
            return true;
        }
        p.kind == TokenKind::Word
            && (p.cap && w.chars().count() == 1
                || matches!(
                    w,
                    "Mr" | "Mrs"
                        | "Ms"
                        | "Dr"
                        | "Sen"
                        | "Sens"
                        | "Rep"
                        | "Reps"
                        | "Gov"
                        | "Lt"
                        | "Gen"
                        | "Col"
                        | "Sgt"
                        | "Capt"
                        | "Maj"
                        | "Adm"
                        | "Rev"
                        | "St"
                        | "Jr"
                        | "Sr"
                        | "Prof"
                        | "Pres"
                        | "Atty"
                        | "Cmdr"
                        | "Supt"
                        | "Del"
                ))
    }

    /// A boundary for windows: inside a quote, sentence punctuation, a line break.
    fn hard_stop(&self, k: usize) -> bool {
        self.qid[k] != 0
            || matches!(self.tok(k), "!" | "?" | ";" | "…")
            || self.tok(k) == "." && !self.abbrev_dot(k)
    }

    fn np_token(&self, k: usize) -> bool {
        let t = self.doc.tokens[k];
        if self.qid[k] != 0 {
            return false;
        }
        if self.ment[k] != 0 {
            return true;
        }
        match t.kind {
            TokenKind::Punct => self.tok(k) == "&" || self.abbrev_dot(k),
            TokenKind::Number => false,
            TokenKind::Word => {
                let w = self.tok(k);
                !np_breaker(w) && self.speech(k).is_none()
            }
        }
    }

    /// A noun phrase starting at `k`: (first, last) token range, possibly empty.
    fn np_forward(&self, k: usize) -> (usize, usize) {
        let n = self.doc.tokens.len();
        let mut e = k;
        while e < n && e - k < NP_MAX && !self.hard_stop(e) && self.np_token(e) {
            if e > k && self.doc.tokens[e].newline_before {
                break;
            }
            e += 1;
        }
        (k, e)
    }

    /// The length in tokens of a time phrase ending right before `e` with something before it:
    /// "this week", "last month", "on Tuesday", "today" (0 when there is none).
    fn time_phrase_before(&self, e: usize, floor: usize) -> usize {
        if e < floor + 2 || e > self.doc.tokens.len() {
            return 0;
        }
        // (A name is no time word: "Sunday" may be a newspaper's; a date mention is one.)
        let m = self.ment[e - 1] as usize;
        if m != 0
            && !self
                .found
                .mentions
                .get(m - 1)
                .is_some_and(|x| matches!(x.label, Label::DATE | Label::TIME))
        {
            return 0;
        }
        let last = self.tok(e - 1);
        if e >= floor + 3
            && listed(&TIME_UNITS, last)
            && matches!(
                self.tok(e - 2),
                "this" | "last" | "next" | "that" | "each" | "every"
            )
        {
            return 2;
        }
        if listed(&TIME_WORDS, last) {
            return if e >= floor + 3 && self.tok(e - 2) == "on" {
                2
            } else {
                1
            };
        }
        0
    }

    /// The length of a time phrase opening at `c` that a clause follows in sentence `sent`:
    /// "this week", "last month", "on Tuesday", "yesterday" (0 when there is none).
    fn time_phrase_after(&self, c: usize, sent: u32) -> usize {
        let n = self.doc.tokens.len();
        let w = |k: usize| self.tok(k);
        let len = if c + 1 < n && listed(&TIME_WORDS, w(c)) {
            1
        } else if c + 2 < n
            && (matches!(w(c), "this" | "last" | "next" | "that" | "each" | "every")
                && listed(&TIME_UNITS, w(c + 1))
                || w(c) == "on" && listed(&TIME_WORDS, w(c + 1)))
        {
            2
        } else {
            0
        };
        // Something of the sentence must follow, and the phrase be no subject ("today's
        // figures", "this week was …").
        if len > 0
            && self.doc.tokens[c + len].sentence == sent
            && self.doc.tokens[c + len].kind == TokenKind::Word
            && !clause_goes_on(self.tok(c + len))
        {
            len
        } else {
            0
        }
    }

    /// A noun phrase ending before `v` (skipping auxiliaries and adverbs): (first, last).
    fn np_backward(&self, v: usize, floor: usize) -> (usize, usize) {
        let mut e = v;
        let skip_aux = |e: &mut usize| {
            while *e > floor && *e - 1 < self.doc.tokens.len() && {
                let w = self.tok(*e - 1);
                aux_or_adverb(w) && self.ment[*e - 1] == 0
            } {
                *e -= 1;
            }
        };
        skip_aux(&mut e);
        // A time phrase between the subject and its verb is no subject ("Google this week
        // agreed": Google, not "week").
        let time = self.time_phrase_before(e, floor);
        if time > 0 {
            e -= time;
            skip_aux(&mut e);
        }
        // A subject pronoun right before the verb is the whole phrase ("And on Twitter he
        // added": he, not Twitter).
        if e > floor
            && matches!(
                self.tok(e - 1),
                "he" | "she" | "they" | "we" | "He" | "She" | "They" | "We"
            )
        {
            return (e - 1, e);
        }
        let mut s = e;
        while s > floor && e - s < NP_MAX && !self.hard_stop(s - 1) && self.np_token(s - 1) {
            if self.doc.tokens[s].newline_before && s < e {
                break;
            }
            s -= 1;
        }
        (s, e)
    }

    /// Where the noun phrase in `a..b` starts: after the connectives and time words the backward
    /// walk took in front of it ("But the tobacco companies", "This week a judge", "Tuesday the
    /// chancellor" → "the tobacco companies", "a judge", "the chancellor").
    fn np_start(&self, a: usize, b: usize) -> usize {
        const CONNECTIVES: &[&str] = &[
            "but",
            "and",
            "yet",
            "so",
            "meanwhile",
            "since",
            "only",
            "what",
            "also",
            "still",
            "then",
            "now",
        ];
        const TIME: &[&str] = &[
            "last",
            "this",
            "next",
            "week",
            "month",
            "year",
            "today",
            "yesterday",
            "tonight",
        ];
        // (A weekday that opens a name or owns the next word stays: "Sunday Life", "Sunday's
        // Financial Mail".)
        let time = |k: usize| {
            crate::text::with_lower(self.tok(k), |w| {
                TIME.contains(&w)
                    || crate::dates::weekday(w).is_some()
                        && self.doc.tokens.get(k + 1).is_some_and(|t| !t.cap)
                        && !super::resolve::is_possessive_tok(self.tok(k + 1))
            })
        };
        // (A date's own tokens may go: "Tuesday" is a date mention.)
        let free = |k: usize| {
            self.ment[k]
                .checked_sub(1)
                .and_then(|m| self.found.mentions.get(m as usize))
                .is_none_or(|m| matches!(m.label, Label::DATE | Label::TIME))
        };
        let mut k = a;
        while k + 1 < b
            && free(k)
            && (time(k)
                || crate::text::with_lower(self.tok(k), |w| {
                    CONNECTIVES.contains(&w)
                        // "On Tuesday the chancellor": a preposition before a time word.
                        || matches!(w, "on" | "by" | "at") && k + 2 < b && time(k + 1)
                }))
        {
            k += 1;
        }
        k
    }

    /// Picks the speaker in a noun phrase: a person named in it (not as a possessive), else an
    /// organization or place, else a pronoun, else the phrase itself as a nominal.
    fn phrase_in(&self, a: usize, b: usize) -> Option<Phrase> {
        if a >= b {
            return None;
        }
        // PER, ORG, LOC, possessive PER/ORG, MISC (a name the tagger could not type).
        let mut best: [Option<usize>; 5] = [None; 5];
        let mut k = a;
        while k < b {
            let m = self.ment[k];
            if m != 0 {
                let mi = m as usize - 1;
                let mention = &self.found.mentions[mi];
                let slot = if self.possessive(mi) {
                    matches!(mention.label, Label::PER | Label::ORG).then_some(3)
                } else {
                    match mention.label {
                        Label::PER => Some(0),
                        Label::ORG => Some(1),
                        Label::LOC => Some(2),
                        Label::MISC => Some(4),
                        _ => None,
                    }
                };
                if let Some(s) = slot {
                    if s == 0 {
                        best[0].get_or_insert(mi);
                    } else {
                        best[s] = Some(mi);
                    }
                }
                let (_, mb) = self.mention_tokens(mi);
                k = mb.max(k + 1);
                continue;
            }
            k += 1;
        }
        let head_is_word = self.doc.tokens[b - 1].kind == TokenKind::Word;
        let head = crate::text::lower(self.tok(b - 1));
        let head_noun = self.lex.noun(&head);
        // "the White House statement": the organization behind a document speaks.
        if let Some(mi) = best[0].or(best[1]) {
            return Some(Phrase::Mention(mi));
        }
        // A place that only qualifies a person's noun is not who speaks: "the England star",
        // "a Glasgow spokesperson" (but "the US government", "the Moscow statement" are the
        // place's).
        if let Some(mi) = best[2] {
            let qualifies = head_is_word
                && b - a <= 6
                && !self.doc.tokens[b - 1].cap
                && self.ment[b - 1] == 0
                && !matches!(head_noun, Some(Noun::Document | Noun::Organization));
            return Some(if qualifies {
                Phrase::Nominal {
                    first: self.np_start(a, b),
                    last: b,
                }
            } else {
                Phrase::Mention(mi)
            });
        }
        // A whole phrase that is one capitalized name of unknown type: "said Nervo".
        if let Some(mi) = best[4] {
            let (ma, mb) = self.mention_tokens(mi);
            if ma <= a && mb >= b
                || self.doc.tokens[b - 1].cap && self.ment[b - 1] as usize == mi + 1
            {
                return Some(Phrase::Mention(mi));
            }
        }
        for k in a..b {
            if subject_pronoun(self.tok(k)) {
                return Some(Phrase::Pronoun(k));
            }
        }
        if let (Some(mi), Some(Noun::Document | Noun::Organization)) = (best[3], head_noun) {
            return Some(Phrase::Mention(mi));
        }
        if head_is_word && self.ment[b - 1] == 0 {
            return Some(Phrase::Nominal {
                first: self.np_start(a, b),
                last: b,
            });
        }
        best[3].map(Phrase::Mention)
    }

    /// The first subject in `a..b`: a person or organization named (not as a possessive), or a
    /// subject pronoun.
    fn first_subject(&self, a: usize, b: usize) -> Option<Phrase> {
        let mut k = a;
        let mut misc = None;
        // An introductory phrase is no subject: "In his debate, Biden said".
        if k < b
            && matches!(
                self.tok(k),
                "In" | "At"
                    | "On"
                    | "During"
                    | "After"
                    | "Before"
                    | "Since"
                    | "As"
                    | "When"
                    | "While"
                    | "Speaking"
                    | "Asked"
                    | "Later"
                    | "Earlier"
                    | "Meanwhile"
            )
        {
            if let Some(c) = (k + 1..b.min(k + 14)).find(|&j| self.tok(j) == ",") {
                k = c + 1;
            }
        }
        while k < b {
            if self.qid[k] != 0 {
                k += 1;
                continue;
            }
            let m = self.ment[k];
            if m != 0 {
                let mi = m as usize - 1;
                let l = self.found.mentions[mi].label;
                if matches!(l, Label::PER | Label::ORG) && !self.possessive(mi) {
                    // A modifier of a longer phrase: "White House press secretary Jen Psaki",
                    // "Trump campaign manager Kellyanne Conway" — the person at its head speaks.
                    let (_, mb) = self.mention_tokens(mi);
                    let mut j = mb;
                    while j < b.min(mb + 4) {
                        let h = self.ment[j];
                        if h != 0 {
                            let h = h as usize - 1;
                            if self.found.mentions[h].label == Label::PER && !self.possessive(h) {
                                return Some(Phrase::Mention(h));
                            }
                            break;
                        }
                        let w = self.tok(j);
                        if self.doc.tokens[j].kind != TokenKind::Word
                            || matches!(w, "a" | "an" | "the")
                            || w.ends_with("ed")
                            || np_breaker(w)
                            || self.speech(j).is_some()
                        {
                            break;
                        }
                        j += 1;
                    }
                    return Some(Phrase::Mention(mi));
                }
                if l == Label::MISC && misc.is_none() && !self.possessive(mi) {
                    misc = Some(mi);
                }
                let (_, mb) = self.mention_tokens(mi);
                k = mb.max(k + 1);
                continue;
            }
            if subject_pronoun(self.tok(k)) {
                return Some(Phrase::Pronoun(k));
            }
            k += 1;
        }
        misc.map(Phrase::Mention)
    }

    /// Sieves on the tokens right after the quote: QVS, QSV, according to.
    /// `partial`: the quote is embedded in the writer's sentence; `full_stop`: it ends with
    /// sentence punctuation inside the marks, so what follows may be a new sentence.
    /// The subject of a verb in a relative clause: "Mike Lee, who declared …" or, after the
    /// clause, "Michael Bloomberg, who's thinking about running, said …" — the name before ", who".
    fn relative_antecedent(&self, v: usize, floor: usize) -> Option<Phrase> {
        let mut e = v;
        while e > floor && aux_or_adverb(self.tok(e - 1)) && self.ment[e - 1] == 0 {
            e -= 1;
        }
        let who = if e > floor && matches!(self.tok(e - 1), "who" | "who’s" | "who's") {
            e - 1
        } else if e > floor && self.tok(e - 1) == "," {
            // The clause closed by this comma: no other comma or quote inside it.
            (floor..e - 1)
                .rev()
                .take_while(|&k| self.tok(k) != "," && self.qid[k] == 0)
                .find(|&k| matches!(self.tok(k), "who" | "who’s" | "who's"))?
        } else {
            return None;
        };
        // ", who": the name right before the comma.
        if who < floor + 2 || self.tok(who - 1) != "," || self.ment[who - 2] == 0 {
            return None;
        }
        let mi = self.ment[who - 2] as usize - 1;
        matches!(self.found.mentions[mi].label, Label::PER | Label::ORG)
            .then_some(Phrase::Mention(mi))
    }

    /// "as <who> put it" from token `a` (after the "as"): the speaker and the verb's token.
    fn as_put_it(&self, a: usize) -> Option<(Phrase, usize)> {
        let n = self.doc.tokens.len();
        let v = (a + 1..(a + NP_MAX).min(n.saturating_sub(1)))
            .take_while(|&j| !self.hard_stop(j) && self.qid[j] == 0)
            .find(|&j| matches!(self.tok(j), "put" | "puts") && self.tok(j + 1) == "it")?;
        Some((self.phrase_in(a, v)?, v))
    }

    fn right_sieves(&self, t1: usize, para: u32, partial: bool, full_stop: bool) -> Option<Hit> {
        let n = self.doc.tokens.len();
        let mut k = t1;
        if k < n && self.tok(k) == "," {
            k += 1;
        }
        if k >= n || self.para_of(k) != para || self.hard_stop(k) {
            return None;
        }
        // “…” ― Karen Bobadilla: a dash and a name.
        if matches!(self.tok(k), "―" | "—" | "–" | "-") && k + 1 < n && self.ment[k + 1] != 0
        {
            let mi = self.ment[k + 1] as usize - 1;
            if matches!(self.found.mentions[mi].label, Label::PER | Label::ORG) {
                return Some(Hit {
                    phrase: Phrase::Mention(mi),
                    cue: (k, k + 1),
                    rule: "dash",
                    precision: 0.9,
                });
            }
        }
        // “…,” as a Homeland Security memo put it.
        if self.tok(k) == "as" {
            if let Some((ph, v)) = self.as_put_it(k + 1) {
                return Some(Hit {
                    phrase: ph,
                    cue: (v, v + 2),
                    rule: "as-put-it",
                    precision: 0.9,
                });
            }
        }
        // After “… now.” a capitalized word starts a new sentence unless the attribution ends
        // right there (“… now.” Trump said.).
        let ends_clause = |e: usize| {
            !full_stop
                || e >= n
                || matches!(self.tok(e), "." | "," | ";" | "!" | "?")
                || self.qid[e] != 0
        };
        // QVS: “…,” said Jane Doe.
        if self.speech(k).is_some_and(|w| !w.label && !w.participle)
            && !matches!(self.tok(k), "read" | "reads")
        {
            let (a, mut b) = self.np_forward(k + 1);
            // "said a spokesman for the campaign, Jason Miller": the name in apposition.
            let mut ph = self.phrase_in(a, b);
            if matches!(ph, Some(Phrase::Nominal { .. }) | None) && b + 1 < n && self.tok(b) == ","
            {
                if let Some(mi) = self.ment.get(b + 1).filter(|&&m| m != 0) {
                    let mi = *mi as usize - 1;
                    if self.found.mentions[mi].label == Label::PER {
                        ph = Some(Phrase::Mention(mi));
                        b = self.mention_tokens(mi).1;
                    }
                }
            }
            if let Some(ph) = ph.filter(|_| ends_clause(b)) {
                return Some(Hit {
                    phrase: ph,
                    cue: (k, k + 1),
                    rule: "QVS",
                    precision: 0.97,
                });
            }
        }
        // according to X
        if self.tok(k) == "according" && k + 1 < n && self.tok(k + 1) == "to" {
            let (a, b) = self.np_forward(k + 2);
            if let Some(ph) = self.phrase_in(a, b) {
                return Some(Hit {
                    phrase: ph,
                    cue: (k, k + 2),
                    rule: "according-to",
                    precision: 0.9,
                });
            }
        }
        // QSV: “…,” the White House said. The subject phrase, then the verb.
        let mut v = k;
        while v < n && v - k < RIGHT_WINDOW && !self.hard_stop(v) && self.para_of(v) == para {
            if self.speech(v).is_some_and(|w| !w.label && !w.participle) {
                break;
            }
            v += 1;
        }
        if v < n && v > k && self.speech(v).is_some() && !self.hard_stop(v) {
            let (a, b) = self.np_backward(v, k);
            let is_read = matches!(self.tok(v), "read" | "reads");
            if a == k && b > a {
                let doc_head =
                    self.lex.noun(&crate::text::lower(self.tok(b - 1))) == Some(Noun::Document);
                if (!is_read || doc_head) && ends_clause(v + 1) {
                    if let Some(ph) = self.phrase_in(a, b) {
                        return Some(Hit {
                            phrase: ph,
                            cue: (v, v + 1),
                            rule: "QSV",
                            precision: 0.97,
                        });
                    }
                }
            } else if !is_read && !partial && ends_clause(v + 1) {
                // “…,” Trump, the Republican nominee, said: the first subject before the verb;
                // “…,” an intelligence source, who …, told Fox News: the phrase before ", who".
                let (a, b) = self.np_forward(k);
                let relative = b > a
                    && b + 1 < v
                    && self.tok(b) == ","
                    && matches!(self.tok(b + 1), "who" | "whose");
                if let Some(ph) = self
                    .first_subject(k, v)
                    .or_else(|| relative.then(|| self.phrase_in(a, b)).flatten())
                {
                    return Some(Hit {
                        phrase: ph,
                        cue: (v, v + 1),
                        rule: "QSV",
                        precision: 0.85,
                    });
                }
            }
        }
        None
    }

    /// Sieves on the tokens before the quote in its sentence: SV, colon, label, according to.
    fn left_sieves(&self, t0: usize, short: bool) -> Option<Hit> {
        if t0 == 0 {
            return None;
        }
        let sent = self.doc.tokens[t0].sentence;
        let mut floor = t0;
        while floor > 0
            && t0 - floor < LEFT_WINDOW
            && self.doc.tokens[floor - 1].sentence == sent
            && !matches!(self.tok(floor - 1), ";")
        {
            floor -= 1;
        }
        let colon = self.tok(t0 - 1) == ":";
        // Clinton: “Our goal is …” — a name that starts its sentence, then a colon.
        if colon && t0 >= 2 && self.ment[t0 - 2] != 0 {
            let mi = self.ment[t0 - 2] as usize - 1;
            let (ma, _) = self.mention_tokens(mi);
            let starts = ma <= floor
                || self.doc.tokens[ma].newline_before
                || matches!(self.tok(ma - 1), "." | ";" | "!" | "?");
            if starts && matches!(self.found.mentions[mi].label, Label::PER | Label::ORG) {
                return Some(Hit {
                    phrase: Phrase::Mention(mi),
                    cue: (t0 - 1, t0),
                    rule: "colon",
                    precision: 0.85,
                });
            }
        }
        for v in (floor..t0).rev() {
            // As the Times put it, “…”
            if self.tok(v).eq_ignore_ascii_case("as") {
                if let Some((ph, pv)) = self.as_put_it(v + 1).filter(|&(_, pv)| pv + 2 <= t0) {
                    return Some(Hit {
                        phrase: ph,
                        cue: (pv, pv + 2),
                        rule: "as-put-it",
                        precision: 0.9,
                    });
                }
            }
            if self.tok(v) == "according" && v + 1 < t0 && self.tok(v + 1) == "to" {
                let (a, b) = self.np_forward(v + 2);
                let b = b.min(t0);
                if let Some(ph) = self.phrase_in(a, b) {
                    return Some(Hit {
                        phrase: ph,
                        cue: (v, v + 2),
                        rule: "according-to",
                        precision: 0.9,
                    });
                }
            }
            let Some(w) = self.speech(v) else {
                continue;
            };
            if w.label && !short {
                continue;
            }
            let (participle, label) = (w.participle, w.label);
            if matches!(self.tok(v), "read" | "reads") {
                continue;
            }
            let rule = if label {
                "label"
            } else if colon {
                "colon"
            } else {
                "SV"
            };
            let precision: f32 = if label {
                0.72
            } else if colon {
                0.9
            } else {
                0.91
            };
            let mut far = participle;
            let ph = if participle {
                // "the teachers' union calling her …": a name right before the participle;
                // after a comma ("…, calling him …") or "by" ("responded to a mother by
                // saying …"), the clause's subject.
                let (a, b) = self.np_backward(v, floor);
                (b == v && !(v > 0 && self.tok(v - 1) == "by"))
                    .then(|| self.phrase_in(a, b))
                    .flatten()
                    .filter(|p| !matches!(p, Phrase::Nominal { .. }))
                    .or_else(|| self.first_subject(floor, v))
                    .or_else(|| self.phrase_in(a, b))
            } else {
                let (a, b) = self.np_backward(v, floor);
                self.phrase_in(a, b)
                    .or_else(|| self.relative_antecedent(v, floor))
                    .or_else(|| {
                        far = true;
                        self.first_subject(floor, v)
                    })
            };
            if let Some(ph) = ph {
                return Some(Hit {
                    phrase: ph,
                    cue: (v, v + 1),
                    rule,
                    // The clause's first subject rather than the verb's own is less sure.
                    precision: if far { precision.min(0.76) } else { precision },
                });
            }
        }
        None
    }

    /// A speech verb with a subject anywhere in paragraph `para` outside quotes, nearest to `near`
    /// first going back. Bounded by the paragraph's own tokens.
    /// Whether phrase `ph` resolves to a miscellaneous name in the singular (a work, an event,
    /// a law), which says nothing.
    fn speaks_not(&self, ph: Phrase) -> bool {
        let res = self.resolve(ph);
        let cluster = res
            .speaker
            .entity
            .as_deref()
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|n| n.parse::<usize>().ok());
        cluster
            .and_then(|c| self.found.clusters.get(c))
            .is_some_and(|c| {
                let name = res.speaker.name.as_str();
                // (A plural: "Democrats", "Israelis"; not "Exodus", "Congress".)
                let plural = name.ends_with('s') && !name.ends_with("us") && !name.ends_with("ss");
                c.label == Label::MISC && !plural
            })
    }

    fn paragraph_cue(&self, para: u32, near: usize) -> Option<Hit> {
        let p = self.doc.paragraphs.get(para as usize)?;
        let first = self.doc.sentences.get(p.first)?.first;
        let last = self.doc.sentences.get(p.last.checked_sub(1)?)?.last;
        let order = (first..near.min(last)).rev().chain(near.min(last)..last);
        for v in order.take(400) {
            if let Some(participle) = self.speech(v).filter(|w| !w.label).map(|w| w.participle) {
                if matches!(self.tok(v), "read" | "reads") {
                    continue;
                }
                let s0 = self.doc.sentences[self.doc.tokens[v].sentence as usize].first;
                let ph = if participle {
                    self.first_subject(s0, v)
                } else {
                    let (a, b) = self.np_backward(v, s0);
                    self.phrase_in(a, b).or_else(|| self.first_subject(s0, v))
                };
                // A work, event or law does not speak ("The album Exodus … and that confirmed
                // his status"); a group may ("Democrats said"): a miscellaneous name counts only
                // in the plural.
                if ph.is_some_and(|ph| self.speaks_not(ph)) {
                    continue;
                }
                if let Some(ph) = ph {
                    return Some(Hit {
                        phrase: ph,
                        cue: (v, v + 1),
                        rule: "paragraph",
                        precision: 0.55,
                    });
                }
            }
        }
        None
    }
}

/// Counts the word tokens in `a..b`.
fn words(ctx: &Ctx, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&k| ctx.doc.tokens[k].kind != TokenKind::Punct)
        .count()
}

/// Title case: every word capitalized except short function words ("The Art of the Deal").
fn title_case(ctx: &Ctx, a: usize, b: usize) -> bool {
    let mut any = false;
    for k in a..b {
        let t = ctx.doc.tokens[k];
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = ctx.tok(k);
        if t.cap {
            any = true;
        } else if !matches!(
            w,
            "of" | "the" | "and" | "a" | "an" | "in" | "on" | "for" | "to" | "at" | "with" | "by"
        ) && !w.starts_with('’')
            && !w.starts_with('\'')
        {
            return false;
        }
    }
    any
}

fn resolve_hit(ctx: &Ctx, h: &Hit) -> (Resolved, Span) {
    let r = ctx.resolve(h.phrase);
    let cs = ctx.doc.tokens[h.cue.0].start;
    let ce = ctx.doc.tokens[h.cue.1 - 1].end;
    (r, super::span(ctx.doc, cs, ce))
}

/// Attributes every quote.
pub fn attribute_all(ctx: &Ctx, raws: &[RawQuote]) -> Vec<Attr> {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut out: Vec<Attr> = Vec::with_capacity(raws.len());
    // Token ranges and paragraph of each quote.
    let spans: Vec<(usize, usize, u32)> = raws
        .iter()
        .map(|r| {
            let t0 = doc.token_at_or_after(r.start).min(n.saturating_sub(1));
            let t1 = doc.token_at_or_after(r.end);
            (t0, t1, ctx.para_of(t0))
        })
        .collect();
    // Pass 1: sentence-level sieves and the kind.
    for (qi, r) in raws.iter().enumerate() {
        let (t0, t1, para) = spans[qi];
        if n == 0 || t0 >= t1 {
            out.push(Attr {
                kind: QuoteKind::Term,
                speaker: None,
                cue: None,
                rule: "none",
                confidence: 0.1,
                new_mention: None,
            });
            continue;
        }
        let inner_words = words(ctx, t0, t1);
        let prev_word = t0 > 0
            && doc.tokens[t0 - 1].kind != TokenKind::Punct
            && ctx.para_of(t0 - 1) == para
            && !r.continues;
        // The last token inside the marks.
        let last_inner = match (
            r.close_len > 0,
            t1.checked_sub(1 + (r.close_len > 0) as usize),
        ) {
            (_, Some(k)) if k > t0 => ctx.tok(k),
            _ => "",
        };
        let ends_punct = matches!(last_inner, "," | "." | "!" | "?" | "…" | "—" | "-");
        let partial = prev_word || (!ends_punct && inner_words <= 6);
        let short = inner_words <= 8 || partial;
        let full_stop = matches!(last_inner, "." | "!" | "?");
        // Transcripts: "PENCE: Well, …" names its speaker inside the quote.
        if let Some(res) = ctx.transcript_speaker(t0, t1) {
            out.push(Attr {
                kind: QuoteKind::Direct,
                cue: res.speaker.mention.clone(),
                speaker: Some(res.speaker),
                rule: "transcript",
                confidence: 0.95 * res.factor,
                new_mention: None,
            });
            continue;
        }
        let hit = if partial {
            ctx.left_sieves(t0, short)
                .or_else(|| ctx.right_sieves(t1, para, partial, full_stop))
        } else {
            ctx.right_sieves(t1, para, partial, full_stop)
                .or_else(|| ctx.left_sieves(t0, short))
        };
        let mut kind = if partial {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
        let titled = title_case(ctx, t0, t1) && inner_words <= 8;
        // A title: “The Apprentice”, MSNBC's “Morning Joe”, on “Fox and Friends”, or a heading
        // that is nothing but a quoted title-case line.
        let named_thing = titled
            && t0 > 0
            && matches!(
                ctx.tok(t0 - 1),
                "’s" | "'s" | "on" | "titled" | "entitled" | "a" | "an" | "the" | "The"
            );
        let heading = titled
            && doc
                .paragraphs
                .get(para as usize)
                .is_some_and(|p| r.start <= p.start && r.end >= p.end);
        if partial && (hit.is_none() && inner_words <= 4 || titled && hit.is_none())
            || named_thing
            || heading
        {
            kind = QuoteKind::Term;
        }
        let mut a = Attr {
            kind,
            speaker: None,
            cue: None,
            rule: "none",
            confidence: 0.2,
            new_mention: None,
        };
        if let (Some(mut h), false) = (hit, kind == QuoteKind::Term) {
            // “A,” he said, “B.”: B found A's cue on its left; that is a split quote.
            let prev_cue = qi
                .checked_sub(1)
                .and_then(|j| out.get(j))
                .and_then(|p| p.cue.as_ref())
                .map(|c| c.start);
            if prev_cue == Some(ctx.doc.tokens[h.cue.0].start) {
                h.rule = "split";
                h.precision = 0.95;
            }
            let (res, cue) = resolve_hit(ctx, &h);
            a.speaker = Some(res.speaker);
            a.cue = Some(cue);
            a.rule = h.rule;
            a.confidence = h.precision * res.factor;
            a.new_mention = res.new_mention;
        }
        out.push(a);
    }
    // Pass 2: discourse sieves, in text order so a quote can inherit from the one before.
    for qi in 0..raws.len() {
        if out[qi].speaker.is_some() || out[qi].kind == QuoteKind::Term {
            continue;
        }
        let (t0, t1, para) = spans[qi];
        let r = &raws[qi];
        // Bounded lookups keep this linear on texts full of quote marks.
        let prev = (0..qi)
            .rev()
            .take(50)
            .find(|&j| out[j].kind != QuoteKind::Term);
        let inherit = |j: usize, rule: &'static str, p: f32, out: &mut Vec<Attr>| {
            let (sp, cue, conf) = (
                out[j].speaker.clone(),
                out[j].cue.clone(),
                out[j].confidence,
            );
            let a = &mut out[qi];
            a.speaker = sp;
            a.cue = cue;
            a.rule = rule;
            // The source's confidence already holds its own rule's precision.
            a.confidence = (p * conf / 0.9).min(p);
        };
        // Continuation of a multi-paragraph quote.
        if r.continues {
            if let Some(j) = qi.checked_sub(1).filter(|&j| out[j].speaker.is_some()) {
                inherit(j, "continuation", 0.5, &mut out);
                continue;
            }
        }
        // Split quote: the previous quote in the paragraph has its cue between the two.
        if let Some(j) = prev.filter(|&j| spans[j].2 == para && out[j].speaker.is_some()) {
            let between = out[j]
                .cue
                .as_ref()
                .is_some_and(|c| c.start >= raws[j].end && c.end <= r.start);
            if between {
                inherit(j, "split", 0.95, &mut out);
                continue;
            }
        }
        // Colon at the end of the previous paragraph: “Caddell continued:”.
        if t0 > 0 && para > 0 && ctx.para_of(t0 - 1) + 1 == para && ctx.tok(t0 - 1) == ":" {
            if let Some(h) = ctx.left_sieves(t0 - 1, false) {
                let (res, cue) = resolve_hit(ctx, &h);
                set(&mut out[qi], res, cue, "colon", 0.87);
                continue;
            }
        }
        // Another attributed quote in the same paragraph (the previous one first).
        let same_para = prev
            .filter(|&j| spans[j].2 == para && out[j].speaker.is_some())
            .or_else(|| {
                (qi + 1..raws.len())
                    .take(20)
                    .take_while(|&j| spans[j].2 == para)
                    .find(|&j| out[j].speaker.is_some())
            });
        if let Some(j) = same_para {
            inherit(j, "paragraph", 0.55, &mut out);
            continue;
        }
        // A speech verb with a subject in the paragraph.
        if let Some(h) = ctx.paragraph_cue(para, t0) {
            let (res, cue) = resolve_hit(ctx, &h);
            set(&mut out[qi], res, cue, "paragraph", h.precision);
            continue;
        }
        // Conversation: the previous paragraph's speaker.
        if let Some(j) = prev.filter(|&j| spans[j].2 + 1 == para && out[j].speaker.is_some()) {
            inherit(j, "conversation", 0.41, &mut out);
            continue;
        }
        // Closest person.
        if let Some(mi) = ctx.closest(r.start, r.end, para) {
            let res = ctx.resolve(Phrase::Mention(mi));
            out[qi].speaker = Some(res.speaker);
            out[qi].rule = "closest";
            out[qi].confidence = 0.33;
        }
        let _ = t1;
    }
    out
}

fn set(a: &mut Attr, res: Resolved, cue: Span, rule: &'static str, p: f32) {
    a.speaker = Some(res.speaker);
    a.cue = Some(cue);
    a.rule = rule;
    a.confidence = p * res.factor;
    a.new_mention = res.new_mention;
}

/// Whether `w`, right after a name, shows the name to be a clause's subject: an auxiliary or
/// modal, a negated one ("doesn't"), a past form in -ed, or a possessive ("Acme's profit fell").
fn clause_goes_on(w: &str) -> bool {
    if matches!(w, "'s" | "’s") || w.ends_with("n't") || w.ends_with("n’t") {
        return true;
    }
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
    ) || w.len() > 4 && w.ends_with("ed")
}

/// Time units after "this", "last", "next" …: a time phrase, no speaker (`time_phrase_before`).
const TIME_UNITS: WordList = WordList::new(&[
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
]);
/// Time words that are a time phrase alone.
const TIME_WORDS: WordList = WordList::new(&[
    "today",
    "yesterday",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]);

/// Reported speech: "Psaki told a press conference that …", "Trump said he would …". The content
/// runs from after the cue to the clause end, stopping before any quote mark.
pub fn indirect(ctx: &Ctx, _raws: &[RawQuote]) -> (Vec<Quote>, Vec<RawMention>) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut quotes = Vec::new();
    let mut mentions = Vec::new();
    let mut v = 0usize;
    while v < n {
        let w = ctx.tok(v);
        // Findings and beliefs reported with "that" ("a poll found that …", "he believes that
        // …"): attributions too, though no speech verbs.
        let finding = v + 1 < n
            && ctx.tok(v + 1) == "that"
            && matches!(
                w,
                "found"
                    | "finds"
                    | "believes"
                    | "believed"
                    | "thinks"
                    | "estimates"
                    | "estimated"
                    | "concluded"
                    | "concludes"
                    | "showed"
                    | "shows"
                    | "revealed"
                    | "indicated"
                    | "alleged"
                    | "alleges"
            );
        let Some(participle) = ctx
            .speech(v)
            .filter(|w| !w.label)
            .map(|w| w.participle)
            .or(finding.then_some(false))
        else {
            v += 1;
            continue;
        };
        if !finding
            && !matches!(
                w,
                "said"
                    | "says"
                    | "say"
                    | "told"
                    | "tells"
                    | "added"
                    | "adds"
                    | "adding"
                    | "saying"
                    | "noted"
                    | "notes"
                    | "argued"
                    | "argues"
                    | "claimed"
                    | "claims"
                    | "warned"
                    | "warns"
                    | "announced"
                    | "acknowledged"
                    | "explained"
                    | "insisted"
                    | "insists"
                    | "stressed"
                    | "wrote"
                    | "writes"
                    | "tweeted"
                    | "reported"
                    | "reports"
                    | "suggested"
                    | "predicted"
                    | "confirmed"
                    | "admitted"
                    | "conceded"
                    | "declared"
                    | "asserted"
                    | "contended"
                    | "maintained"
                    | "vowed"
                    | "promised"
                    | "pledged"
                    | "emphasized"
                    | "complained"
                    | "boasted"
                    | "recalled"
                    | "testified"
                    | "reiterated"
                    | "observed"
                    | "cautioned"
                    | "countered"
                    | "responded"
                    | "replied"
                    | "denied"
                    | "agreed"
                    | "concluded"
            )
        {
            v += 1;
            continue;
        }
        let sent = doc.tokens[v].sentence;
        // Content start: after "that" (within a short object for "told X that"), or right after
        // "said" when a clause subject follows.
        // A speech verb right after a quote is that quote's cue (“…,” said Smith), not a report.
        let after_quote =
            v > 0 && ctx.qid[v - 1] != 0 || v > 1 && ctx.tok(v - 1) == "," && ctx.qid[v - 2] != 0;
        if after_quote {
            v += 1;
            continue;
        }
        let mut c = None;
        // "said that", "told reporters that", "said in an interview on Tuesday that".
        for k in v + 1..(v + 7).min(n) {
            if doc.tokens[k].sentence != sent
                || ctx.hard_stop(k)
                || doc.tokens[k].kind == TokenKind::Punct
                || ctx.speech(k).is_some()
            {
                break;
            }
            if ctx.tok(k) == "that" {
                c = Some(k + 1);
                break;
            }
        }
        if c.is_none() && v + 1 < n && doc.tokens[v + 1].sentence == sent {
            let nx = ctx.tok(v + 1);
            // After "said" a name opens the reported clause ("said Scott deserves"); after a verb
            // that also takes objects ("added", "announced", "reported" …) only when a verb or a
            // possessive follows it ("added Trump would", "noted Acme's profit fell"), not in
            // "added GLP-1 drugs to its list".
            let named = ctx.ment[v + 1] != 0 && {
                let m = &ctx.found.mentions[ctx.ment[v + 1] as usize - 1];
                let after = doc.token_at_or_after(m.end);
                matches!(m.label, Label::PER | Label::ORG | Label::LOC)
                    && (matches!(w, "said" | "says" | "say")
                        || after < n
                            && doc.tokens[after].sentence == sent
                            && clause_goes_on(ctx.tok(after)))
            };
            let subj = matches!(nx, "he" | "she" | "they" | "it" | "we" | "I" | "the")
                || named && !matches!(w, "told" | "tells");
            if subj && !matches!(w, "adding" | "saying") {
                c = Some(v + 1);
            }
        }
        // "said local officials should …", "said there had been …": after "said" (which takes
        // no object) a noun phrase that a verb form follows within a few words opens the clause.
        if c.is_none()
            && matches!(w, "said" | "says" | "say" | "saying")
            && v + 2 < n
            && doc.tokens[v + 1].kind == TokenKind::Word
            && (!np_breaker(ctx.tok(v + 1))
                || matches!(ctx.tok(v + 1), "there" | "this" | "these" | "those"))
            && !matches!(
                ctx.tok(v + 1),
                "for" | "with" | "by" | "of" | "from" | "yesterday" | "today" | "tomorrow"
            )
        {
            let opens = (v + 2..(v + 7).min(n))
                .take_while(|&k| {
                    doc.tokens[k].sentence == sent
                        && !ctx.hard_stop(k)
                        && doc.tokens[k].kind != TokenKind::Punct
                        && ctx.speech(k).is_none()
                })
                .any(|k| clause_goes_on(ctx.tok(k)));
            if opens {
                c = Some(v + 1);
            }
        }
        let Some(mut c) = c else {
            v += 1;
            continue;
        };
        // "told the Herald yesterday she came …": the addressee (and a time word) before the
        // clause's subject pronoun are no part of the report.
        if matches!(w, "told" | "tells") && ctx.tok(c) == "the" {
            if let Some(k) = (c + 1..(c + 6).min(n))
                .take_while(|&k| doc.tokens[k].sentence == sent && !ctx.hard_stop(k))
                .find(|&k| matches!(ctx.tok(k), "he" | "she" | "they" | "it" | "we" | "I"))
            {
                c = k;
            }
        }
        // "said this week there's no doubt …": a time phrase opening the report is the saying's.
        let time = ctx.time_phrase_after(c, sent);
        if time > 0 {
            c += time;
        }
        // Content end: clause end, a quote, or ", adding/saying".
        let mut e = c;
        while e < n && doc.tokens[e].sentence == sent && !ctx.hard_stop(e) {
            if ctx.tok(e) == "," && e + 1 < n && ctx.speech(e + 1).is_some() {
                break;
            }
            e += 1;
        }
        if e < n && ctx.qid[e] != 0 || words(ctx, c, e) < 3 {
            v = e.max(v + 1);
            continue;
        }
        // Trailing comma.
        let mut e2 = e;
        while e2 > c && matches!(ctx.tok(e2 - 1), "," | ":" | "—") {
            e2 -= 1;
        }
        let s0 = doc.sentences[sent as usize].first;
        let ph = if participle {
            ctx.first_subject(s0, v)
        } else {
            let (a, b) = ctx.np_backward(v, s0);
            ctx.phrase_in(a, b).or_else(|| ctx.first_subject(s0, v))
        };
        if let Some(ph) = ph {
            let res = ctx.resolve(ph);
            let (start, end) = (doc.tokens[c].start, doc.tokens[e2 - 1].end);
            quotes.push(Quote {
                start,
                end,
                text: doc.text[start..end].to_string(),
                kind: QuoteKind::Indirect,
                speaker: Some(res.speaker),
                cue: Some(super::span(doc, doc.tokens[v].start, doc.tokens[v].end)),
                rule: Cow::Borrowed("indirect"),
                confidence: ((0.7 * res.factor) * 1000.0).round() / 1000.0,
                unclosed: false,
            });
            if let Some(m) = res.new_mention {
                mentions.push(m);
            }
        }
        v = e.max(v + 1);
    }
    according_to(ctx, &mut quotes, &mut mentions);
    // Reported content starts after the article's lead-in: "date 2021-01-27 Biden held a call
    // …, according to a statement" reports the call, not the date line.
    let lead = lead_in_end(ctx);
    if let Some(body) = doc.tokens.get(lead).map(|t| t.start) {
        quotes.retain_mut(|q| {
            if q.start >= body || q.end <= body {
                return true;
            }
            let e = doc.token_at_or_after(q.end);
            if words(ctx, lead, e) < 3 {
                return false;
            }
            q.start = body;
            q.text = doc.text[body..q.end].to_string();
            true
        });
    }
    (quotes, mentions)
}

/// The token after the article's lead-in, 0 without one: a leading `date 2021-01-27` line, or a
/// dateline's place, agency and dash ("WASHINGTON (Reuters) -").
fn lead_in_end(ctx: &Ctx) -> usize {
    let doc = ctx.doc;
    let mut end = crate::dates::date_line_len(doc);
    if let Some(m) = ctx
        .found
        .mentions
        .iter()
        .find(|m| m.rule == crate::entities::tagger::DATELINE)
    {
        let b = doc.token_at_or_after(m.end);
        if let Some(dash) = (b..(b + 6).min(doc.tokens.len()))
            .find(|&k| matches!(ctx.tok(k), "-" | "--" | "–" | "—"))
        {
            end = end.max(dash + 1);
        }
    }
    end
}

/// Reported content with "according to" and no quote marks: "According to the report, the
/// company lost $2 billion." and "The company lost $2 billion, according to the report."
fn according_to(ctx: &Ctx, quotes: &mut Vec<Quote>, mentions: &mut Vec<RawMention>) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let plain = |a: usize, b: usize| a < b && (a..b).all(|k| ctx.qid[k] == 0);
    for v in 0..n.saturating_sub(2) {
        if !ctx.tok(v).eq_ignore_ascii_case("according") || ctx.tok(v + 1) != "to" {
            continue;
        }
        let sent = doc.tokens[v].sentence;
        let Some(s) = doc.sentences.get(sent as usize) else {
            continue;
        };
        let (s0, s1) = (s.first, s.last.min(n));
        // Where the source's phrase ends: a comma, or the end of the clause.
        let np_end = (v + 2..(v + 2 + NP_MAX).min(s1))
            .find(|&k| ctx.tok(k) == "," || ctx.hard_stop(k))
            .unwrap_or((v + 2 + NP_MAX).min(s1));
        let Some(ph) = ctx.phrase_in(v + 2, np_end) else {
            continue;
        };
        let (c, e) = if v == s0 && np_end < s1 && ctx.tok(np_end) == "," {
            // According to X, content.
            let mut e = np_end + 1;
            while e < s1 && !ctx.hard_stop(e) {
                e += 1;
            }
            (np_end + 1, e)
        } else if v > s0 + 1 && ctx.tok(v - 1) == "," && (np_end >= s1 || ctx.hard_stop(np_end)) {
            // Content, according to X.
            (s0, v - 1)
        } else {
            continue;
        };
        if !plain(c, e) || words(ctx, c, e) < 3 {
            continue;
        }
        let res = ctx.resolve(ph);
        let (start, end) = (doc.tokens[c].start, doc.tokens[e - 1].end);
        quotes.push(Quote {
            start,
            end,
            text: doc.text[start..end].to_string(),
            kind: QuoteKind::Indirect,
            speaker: Some(res.speaker),
            cue: Some(super::span(doc, doc.tokens[v].start, doc.tokens[v + 1].end)),
            rule: Cow::Borrowed("according-to"),
            confidence: ((0.7 * res.factor) * 1000.0).round() / 1000.0,
            unclosed: false,
        });
        if let Some(m) = res.new_mention {
            mentions.push(m);
        }
    }
}
