//! Scoring against the gold sets in `../shared/data` (native only; used by `article-analyzer eval`).
//!
//! Gold offsets are Unicode code-point offsets; [`CharToByte`] converts them to the engine's byte
//! offsets.

pub mod keyphrases;
pub mod ner;
pub mod quotes;
pub mod topics;

use std::io::{self, BufRead};
use std::path::Path;

/// What an eval command prints: a human table and the same numbers as JSON.
pub struct Report {
    /// Plain-text table.
    pub table: String,
    /// Machine-readable numbers.
    pub json: serde_json::Value,
}

/// Reads a JSONL file into values, with the file name in errors.
pub fn read_jsonl(path: &Path) -> io::Result<Vec<serde_json::Value>> {
    let f = std::fs::File::open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let mut out = Vec::new();
    for (n, line) in io::BufReader::new(f).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(&line).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}:{}: {e}", path.display(), n + 1),
            )
        })?);
    }
    Ok(out)
}

/// Converts code-point offsets to byte offsets for one text.
pub struct CharToByte {
    bytes: Vec<usize>,
}

impl CharToByte {
    /// Builds the table for `text`.
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharToByte { bytes }
    }

    /// Byte offset of code point `i` (clamped to the end).
    pub fn byte(&self, i: usize) -> usize {
        self.bytes[i.min(self.bytes.len() - 1)]
    }
}

/// Precision, recall, F1 from counts.
pub fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        tp as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Rounds to 4 decimals for reports.
pub fn r4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}
