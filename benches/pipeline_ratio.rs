//! What the topic stage adds to the entity stage in the pipeline (issue 5: at most 30 %), measured
//! to survive a shared machine: `analyze` with entities only and with entities + topics, timed in
//! alternating blocks (so both see the same load), reporting the minimum and the median per-run
//! time of each. Criterion's means of the two, run minutes apart, moved by up to 10 points here.
//! `scripts/bench.sh` prints its lines in the table.

mod inputs;
use inputs::{corpus, prefix};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    // As the CLI does: memory freed by one analysis is reused by the next.
    article_analyzer::keep_freed_memory();
    let mut inputs = vec![(
        "seed",
        include_str!("../data/sample-article.txt").to_string(),
    )];
    if let Some(c) = corpus() {
        inputs.push(("10KB", prefix(&c, 10 << 10).to_string()));
        inputs.push(("100KB", prefix(&c, 100 << 10).to_string()));
    }
    let configs = [false, true].map(|topics| article_analyzer::Options {
        quotes: false,
        topics,
        ..Default::default()
    });
    for (name, text) in &inputs {
        // Blocks of ≈ 200 KB of text, ≈ 60 MB per configuration.
        let per_block = (200_000 / text.len()).max(1);
        let blocks = (60_000_000 / (per_block * text.len())).clamp(20, 300);
        let mut times: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        for _ in 0..blocks {
            for (k, o) in configs.iter().enumerate() {
                let t = Instant::now();
                for _ in 0..per_block {
                    black_box(article_analyzer::analyze(black_box(text), o));
                }
                times[k].push(t.elapsed().as_secs_f64() * 1e3 / per_block as f64);
            }
        }
        for v in &mut times {
            v.sort_by(f64::total_cmp);
        }
        let (min, med) = (|v: &Vec<f64>| v[0], |v: &Vec<f64>| v[v.len() / 2]);
        let adds = |a: f64, b: f64| 100.0 * (b - a) / a;
        println!(
            "ratio {name}: entities {:.4} ms, entities+topics {:.4} ms, adds {:.1} % (minimum of {blocks} blocks); median {:.4} / {:.4} ms, adds {:.1} %",
            min(&times[0]),
            min(&times[1]),
            adds(min(&times[0]), min(&times[1])),
            med(&times[0]),
            med(&times[1]),
            adds(med(&times[0]), med(&times[1])),
        );
    }
}
