//! Quote stage: find quotations with a character state machine, then attribute each to a speaker.

use super::entities::Found;
use super::model::{Label, Quote, QuoteKind, Span, Speaker};
use super::text::Doc;

/// Speech verbs (lemma forms are matched by prefix of inflected forms below).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "asked",
    "asks",
    "answered",
    "replied",
    "responded",
    "explained",
    "insisted",
    "argued",
    "claimed",
    "warned",
    "urged",
    "acknowledged",
    "admitted",
    "agreed",
    "alleged",
    "announced",
    "asserted",
    "conceded",
    "confirmed",
    "contended",
    "declared",
    "denied",
    "described",
    "emphasized",
    "estimated",
    "predicted",
    "promised",
    "recalled",
    "remarked",
    "reported",
    "stressed",
    "testified",
    "continued",
    "joked",
    "read",
    "reads",
    "explains",
    "argues",
    "claims",
    "warns",
    "insists",
    "notes",
    "writes",
    "continues",
];

fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w))
}

/// A quote span found by the state machine (byte offsets including the marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RawQuote {
    start: usize,
    end: usize,
    unclosed: bool,
}

fn closer_for(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '„' => Some('“'),
        '«' => Some('»'),
        '‹' => Some('›'),
        '「' => Some('」'),
        '"' => Some('"'),
        '‘' => Some('’'),
        _ => None,
    }
}

/// Finds quoted stretches paragraph by paragraph.
fn find_quotes(doc: &Doc) -> Vec<RawQuote> {
    let text = doc.text;
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let para = &text[p.start..p.end];
        let mut open: Option<(usize, char)> = None;
        let mut prev: Option<char> = None;
        let mut it = para.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let next = it.peek().map(|&(_, n)| n);
            let abs = p.start + i;
            match open {
                None => {
                    let prev_ok = prev.is_none_or(|p| !p.is_alphanumeric());
                    if matches!(c, '“' | '„' | '«' | '「') || (c == '"' && prev_ok) {
                        open = Some((abs, closer_for(c).unwrap_or('"')));
                    } else if c == '‘' && prev_ok {
                        open = Some((abs, '’'));
                    } else if c == '”'
                        && prev.is_none_or(char::is_whitespace)
                        && next.is_some_and(char::is_alphabetic)
                    {
                        // Mis-typed opener.
                        open = Some((abs, '”'));
                    }
                }
                Some((s, closer)) => {
                    let is_close = if closer == '’' {
                        c == '’' && !next.is_some_and(char::is_alphanumeric)
                    } else if closer == '"' {
                        (c == '"' || c == '”') && !next.is_some_and(char::is_alphanumeric)
                    } else {
                        c == closer || (closer == '”' && c == '"')
                    };
                    if is_close {
                        out.push(RawQuote {
                            start: s,
                            end: abs + c.len_utf8(),
                            unclosed: false,
                        });
                        open = None;
                    }
                }
            }
            prev = Some(c);
        }
        if let Some((s, _)) = open {
            out.push(RawQuote {
                start: s,
                end: p.end,
                unclosed: true,
            });
        }
    }
    out
}

/// Runs the quote stage: finds quotes and attributes them, using (and extending) the entities.
pub fn extract(doc: &Doc, found: &mut Found) -> Vec<Quote> {
    let text = doc.text;
    let raws = find_quotes(doc);
    let mut quotes = Vec::with_capacity(raws.len());
    for r in &raws {
        let inner_words = text[r.start..r.end].split_whitespace().count();
        let kind = if inner_words <= 4 {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
        let (speaker, cue, rule, conf) = attribute(doc, found, r);
        quotes.push(Quote {
            start: r.start,
            end: r.end,
            text: text[r.start..r.end].to_string(),
            kind,
            speaker,
            cue,
            rule: rule.to_string(),
            confidence: conf,
            unclosed: r.unclosed,
        });
    }
    quotes
}

/// Looks right of the quote, then left, within its sentence, for a speech verb next to a name.
fn attribute(
    doc: &Doc,
    found: &Found,
    r: &RawQuote,
) -> (Option<Speaker>, Option<Span>, &'static str, f32) {
    let text = doc.text;
    let after = doc.token_at_or_after(r.end);
    let before = doc.token_at_or_after(r.start);
    let n = doc.tokens.len();
    // After the quote: up to 8 tokens.
    for k in after..(after + 8).min(n) {
        if doc.tokens[k].newline_before {
            break;
        }
        if is_speech_verb(doc.tok(k)) {
            let cue = span(doc, k);
            // QVS: said X
            if let Some(sp) = speaker_near(doc, found, k + 1, (k + 6).min(n), true) {
                return (Some(sp), Some(cue), "QVS", 0.95);
            }
            // QSV: X said
            if let Some(sp) = speaker_near(doc, found, after, k, false) {
                return (Some(sp), Some(cue), "QSV", 0.94);
            }
        }
        if matches!(doc.tok(k), "“" | "\"") {
            break;
        }
    }
    // Before the quote in the same sentence: X said, “…”
    let sent = doc.sentence_at(r.start);
    let s0 = doc.sentences.get(sent).map(|s| s.first).unwrap_or(0);
    for k in (s0..before).rev() {
        if is_speech_verb(doc.tok(k)) {
            if let Some(sp) = speaker_near(doc, found, s0, k, false) {
                return (Some(sp), Some(span(doc, k)), "SV", 0.77);
            }
        }
    }
    let _ = text;
    (None, None, "none", 0.3)
}

fn span(doc: &Doc, k: usize) -> Span {
    let t = doc.tokens[k];
    Span {
        start: t.start,
        end: t.end,
        text: doc.text[t.start..t.end].to_string(),
    }
}

/// The nearest entity mention (PER/ORG, or a pronoun) between tokens `from..to`.
fn speaker_near(doc: &Doc, found: &Found, from: usize, to: usize, first: bool) -> Option<Speaker> {
    if from >= to || to > doc.tokens.len() {
        return None;
    }
    let (s, e) = (doc.tokens[from].start, doc.tokens[to - 1].end);
    let mut cands = found
        .mentions
        .iter()
        .filter(|m| m.start >= s && m.end <= e && matches!(m.label, Label::PER | Label::ORG));
    let m = if first {
        cands.next()
    } else {
        cands.next_back()
    };
    if let Some(m) = m {
        return Some(Speaker {
            entity: Some(format!("#{}", m.cluster)),
            name: found.clusters[m.cluster].name.clone(),
            mention: Some(Span {
                start: m.start,
                end: m.end,
                text: doc.text[m.start..m.end].to_string(),
            }),
        });
    }
    // Pronoun: resolve to the last PER mention before it.
    for k in from..to {
        let w = doc.tok(k);
        if matches!(
            w,
            "he" | "He" | "she" | "She" | "it" | "It" | "they" | "They"
        ) {
            let at = doc.tokens[k].start;
            let want_org = matches!(w, "it" | "It");
            let ante = found.mentions.iter().rev().find(|m| {
                m.end <= at
                    && if want_org {
                        m.label == Label::ORG
                    } else {
                        m.label == Label::PER
                    }
            });
            return Some(Speaker {
                entity: ante.map(|m| format!("#{}", m.cluster)),
                name: ante
                    .map(|m| found.clusters[m.cluster].name.clone())
                    .unwrap_or_else(|| w.to_string()),
                mention: Some(span(doc, k)),
            });
        }
    }
    None
}
