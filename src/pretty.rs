//! Formatting for the page without the costly generic machinery: [`pretty`] re-indents compact
//! JSON, [`fixed`] writes a number with a fixed number of decimals.
//!
//! [`pretty`] re-indents compact JSON the way `serde_json::to_string_pretty` writes it (two spaces, `": "`,
//! `[]` and `{}` for empty containers), so the page's JSON export reuses the engine's compact
//! serialization instead of compiling a second, pretty one (≈ 6 KB of wasm).

/// `compact` (JSON without whitespace outside strings, as `serde_json::to_string` writes it),
/// indented.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// `x` with `decimals` digits after the point, as `format!("{x:.decimals$}")` writes the numbers
/// the page shows (finite, |x| < 2^53 / 10^decimals; a value exactly halfway may round the other
/// way), with integer arithmetic. Not finite: `"–"`. (With [`pretty`] it took 2.1 KB gz off the
/// page; core's float formatting stays linked for other `Display` uses.)
pub fn fixed(x: f64, decimals: u32) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let scale = 10u64.pow(decimals.min(9));
    let v = (x.abs() * scale as f64).round() as u64;
    let mut s = String::new();
    if x < 0.0 && v != 0 {
        s.push('-');
    }
    s.push_str(&(v / scale).to_string());
    if decimals > 0 {
        let frac = (v % scale).to_string();
        s.push('.');
        for _ in frac.len()..decimals.min(9) as usize {
            s.push('0');
        }
        s.push_str(&frac);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::{fixed, pretty};

    #[test]
    fn fixed_writes_what_format_writes() {
        let mut mismatches = 0;
        for k in 0..20_000u32 {
            // Scores, confidences and percentages as the page has them (f32 widened), and larger
            // values (milliseconds, megabytes).
            let x = f64::from(k as f32 / 19_997.0);
            for (v, d) in [
                (x, 3),
                (x, 2),
                (x * 100.0, 0),
                (x * 4321.0, 1),
                (x * 5e4, 0),
            ] {
                let want = format!("{v:.*}", d as usize);
                if fixed(v, d) != want {
                    // Only a value within rounding error of halfway may differ.
                    let scaled = v * 10f64.powi(d as i32);
                    assert!(
                        (scaled.fract() - 0.5).abs() < 1e-6,
                        "{v} .{d}: {} vs {want}",
                        fixed(v, d)
                    );
                    mismatches += 1;
                }
            }
        }
        assert!(mismatches < 10, "{mismatches} halfway cases differ");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(-1.5, 1), "-1.5");
        assert_eq!(fixed(f64::NAN, 1), "–");
        assert_eq!(fixed(12.0, 0), "12");
    }

    #[test]
    fn writes_what_serde_json_pretty_writes() {
        let a = crate::analyze(
            "WASHINGTON (Reuters) - “We won,” Jane Smith said on Tuesday, calling it ‘a big \
             \"day\"’ {x: [1]}. Apple Inc. paid $5 million, up 24%, she added.\n\nNo quotes here.",
            &Default::default(),
        );
        let compact = serde_json::to_string(&a).unwrap();
        assert_eq!(pretty(&compact), serde_json::to_string_pretty(&a).unwrap());
        let empty = crate::Analysis::default();
        assert_eq!(
            pretty(&serde_json::to_string(&empty).unwrap()),
            serde_json::to_string_pretty(&empty).unwrap()
        );
        let v = serde_json::json!({"a": [], "b": {}, "c": [1, {"d": "x\\\",:{}[]"}], "e": null});
        assert_eq!(
            pretty(&serde_json::to_string(&v).unwrap()),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }
}
