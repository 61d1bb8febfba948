//! The output invariants every analysis must satisfy, whatever the input. Shared by
//! `tests/properties.rs`, `tests/hostile.rs` and the fuzz target (`fuzz/fuzz_targets/analyze.rs`,
//! which includes this file by path), so that all three check exactly the same things.

use article_analyzer::engine::offsets::to_utf16;
use article_analyzer::{Analysis, MAX_INPUT_BYTES};

/// Checks `a`, the analysis of `input`; returns the first violation found, described.
pub fn check(input: &str, a: &Analysis) -> Result<(), String> {
    // The engine analyzes at most MAX_INPUT_BYTES, cut on a char boundary.
    let text = clipped(input);
    if a.meta.truncated != (input.len() > MAX_INPUT_BYTES) {
        return Err(format!(
            "meta.truncated = {} for {} bytes",
            a.meta.truncated,
            input.len()
        ));
    }
    if a.meta.chars != text.chars().count() {
        return Err(format!(
            "meta.chars = {}, text has {}",
            a.meta.chars,
            text.chars().count()
        ));
    }
    let span = |what: &str, start: usize, end: usize, s: &str| -> Result<(), String> {
        if start > end || end > text.len() {
            return Err(format!("{what}: {start}..{end} out of 0..{}", text.len()));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!("{what}: {start}..{end} not on char boundaries"));
        }
        if &text[start..end] != s {
            return Err(format!(
                "{what}: text[{start}..{end}] = {:?} but reported {:?}",
                &text[start..end],
                s
            ));
        }
        Ok(())
    };
    let unit = |what: &str, x: f32| -> Result<(), String> {
        if x.is_finite() && (0.0..=1.0).contains(&x) {
            Ok(())
        } else {
            Err(format!("{what} = {x} is not in 0..=1"))
        }
    };
    let mut ids = std::collections::HashSet::new();
    for e in &a.entities {
        if !ids.insert(e.id.as_str()) {
            return Err(format!("entity id {} is not unique", e.id));
        }
        unit(&format!("salience of {}", e.id), e.salience)?;
        if e.mentions.is_empty() {
            return Err(format!("entity {} ({:?}) has no mention", e.id, e.name));
        }
        for m in &e.mentions {
            span(
                &format!("mention of {} {:?}", e.id, e.name),
                m.start,
                m.end,
                &m.text,
            )?;
            unit(&format!("confidence of mention {:?}", m.text), m.confidence)?;
        }
        for w in e.mentions.windows(2) {
            if w[0].end > w[1].start {
                return Err(format!(
                    "mentions of {} out of order or overlapping: {}..{} {:?} then {}..{} {:?}",
                    e.id, w[0].start, w[0].end, w[0].text, w[1].start, w[1].end, w[1].text
                ));
            }
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        span(&format!("quote {i}"), q.start, q.end, &q.text)?;
        unit(&format!("confidence of quote {i}"), q.confidence)?;
        if let Some(s) = &q.speaker {
            if let Some(m) = &s.mention {
                span(
                    &format!("speaker mention of quote {i}"),
                    m.start,
                    m.end,
                    &m.text,
                )?;
            }
            if let Some(id) = &s.entity {
                if !a.entities.is_empty() && !ids.contains(id.as_str()) {
                    return Err(format!("quote {i}'s speaker entity {id} does not exist"));
                }
            }
        }
        if let Some(c) = &q.cue {
            span(&format!("cue of quote {i}"), c.start, c.end, &c.text)?;
        }
    }
    for w in a.quotes.windows(2) {
        if w[0].start > w[1].start {
            return Err(format!(
                "quotes out of order: {}..{} then {}..{}",
                w[0].start, w[0].end, w[1].start, w[1].end
            ));
        }
    }
    for k in &a.topics.keyphrases {
        unit(&format!("score of keyphrase {:?}", k.text), k.score)?;
        for m in &k.mentions {
            span(
                &format!("mention of keyphrase {:?}", k.text),
                m.start,
                m.end,
                &m.text,
            )?;
        }
        if let Some(id) = &k.entity {
            if !a.entities.is_empty() && !ids.contains(id.as_str()) {
                return Err(format!(
                    "keyphrase {:?}'s entity {id} does not exist",
                    k.text
                ));
            }
        }
    }
    for c in &a.topics.categories {
        unit(&format!("score of category {}", c.code), c.score)?;
    }
    // The JS binding's offsets: every UTF-16 span slices the UTF-16 text to the same string.
    let mut b = a.clone();
    to_utf16(text, &mut b);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let span16 = |what: &str, start: usize, end: usize, s: &str| -> Result<(), String> {
        let ok = start <= end
            && end <= utf16.len()
            && String::from_utf16(&utf16[start..end]).is_ok_and(|t| t == s);
        if ok {
            Ok(())
        } else {
            Err(format!(
                "UTF-16 {what}: {start}..{end} does not slice to {s:?}"
            ))
        }
    };
    for e in &b.entities {
        for m in &e.mentions {
            span16("mention", m.start, m.end, &m.text)?;
        }
    }
    for q in &b.quotes {
        span16("quote", q.start, q.end, &q.text)?;
        if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            span16("speaker mention", m.start, m.end, &m.text)?;
        }
        if let Some(c) = &q.cue {
            span16("cue", c.start, c.end, &c.text)?;
        }
    }
    for k in &b.topics.keyphrases {
        for m in &k.mentions {
            span16("keyphrase mention", m.start, m.end, &m.text)?;
        }
    }
    // The export format must round-trip (a NaN would serialize as null and fail here).
    let json = serde_json::to_string(a).map_err(|e| format!("serialize: {e}"))?;
    let back: Analysis = serde_json::from_str(&json).map_err(|e| format!("deserialize: {e}"))?;
    if &back != a {
        return Err("JSON round trip changed the analysis".into());
    }
    Ok(())
}

/// The part of `input` the engine analyzes: at most `MAX_INPUT_BYTES`, cut on a char boundary.
pub fn clipped(input: &str) -> &str {
    if input.len() <= MAX_INPUT_BYTES {
        return input;
    }
    let mut end = MAX_INPUT_BYTES;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    &input[..end]
}
