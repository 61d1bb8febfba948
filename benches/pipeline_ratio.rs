//! Ratios measured to survive a shared machine, each pair timed in alternating blocks (so both
//! see the same load), reporting the minimum and the median per-run time of each:
//! - what the topic stage adds to the entity stage in the pipeline (issue 5: at most 30 %):
//!   `analyze` with entities only and with entities + topics, on the sample, on 10 KB and 100 KB
//!   texts and on 823 whole dev articles analyzed one by one (the typical input). Criterion's means
//!   of the two, run minutes apart, moved by up to 10 points here;
//! - how time grows with size (issue 7: time(1 MB) / time(100 KB) at most 12): the whole
//!   `analyze` on the two inputs. Criterion's means gave 10.1 on a quiet run and 13.3 under load.
//!
//! `scripts/bench.sh` prints its lines in the table.

mod inputs;
use inputs::{articles, corpus, prefix};
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
        let (min, med) = min_median(&mut times);
        let adds = |a: f64, b: f64| 100.0 * (b - a) / a;
        println!(
            "ratio {name}: entities {:.4} ms, entities+topics {:.4} ms, adds {:.1} % (minimum of {blocks} blocks); median {:.4} / {:.4} ms, adds {:.1} %",
            min[0],
            min[1],
            adds(min[0], min[1]),
            med[0],
            med[1],
            adds(med[0], med[1]),
        );
    }
    if let Some(texts) = articles() {
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut times: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        for _ in 0..15 {
            for (k, o) in configs.iter().enumerate() {
                let t = Instant::now();
                for text in &texts {
                    black_box(article_analyzer::analyze(black_box(text), o));
                }
                times[k].push(t.elapsed().as_secs_f64() * 1e3);
            }
        }
        let (min, med) = min_median(&mut times);
        let adds = |a: f64, b: f64| 100.0 * (b - a) / a;
        println!(
            "ratio articles ({} dev articles, {} KB, one by one): entities {:.2} ms, entities+topics {:.2} ms, adds {:.1} % (minimum of 15 blocks); median {:.2} / {:.2} ms, adds {:.1} %",
            texts.len(),
            bytes >> 10,
            min[0],
            min[1],
            adds(min[0], min[1]),
            med[0],
            med[1],
            adds(med[0], med[1]),
        );
    }
    scaling();
}

/// time(1 MB) / time(100 KB) of the whole `analyze`, the two timed in alternating blocks.
fn scaling() {
    let Some(mut c) = corpus() else { return };
    // As benches/analyze.rs builds its 1 MB input.
    let one = c.clone();
    while c.len() < 1 << 20 {
        c.push_str(&one);
    }
    let (small, large) = (prefix(&c, 100 << 10), prefix(&c, 1 << 20));
    let o = article_analyzer::Options::default();
    let mut times: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    for _ in 0..15 {
        // Ten 100 KB runs per block: each block of either size is about 1 MB of text.
        for (k, (text, reps)) in [(small, 10), (large, 1)].into_iter().enumerate() {
            let t = Instant::now();
            for _ in 0..reps {
                black_box(article_analyzer::analyze(black_box(text), &o));
            }
            times[k].push(t.elapsed().as_secs_f64() * 1e3 / reps as f64);
        }
    }
    let (min, med) = min_median(&mut times);
    println!(
        "ratio scaling: 100KB {:.2} ms, 1MB {:.2} ms, time(1 MB)/time(100 KB) {:.2} (minimum of 15 blocks); median {:.2} / {:.2} ms, {:.2} (10.24 is linear)",
        min[0],
        min[1],
        min[1] / min[0],
        med[0],
        med[1],
        med[1] / med[0],
    );
}

/// The minimum and the median of each list.
fn min_median(times: &mut [Vec<f64>; 2]) -> ([f64; 2], [f64; 2]) {
    for v in times.iter_mut() {
        v.sort_by(f64::total_cmp);
    }
    (
        [times[0][0], times[1][0]],
        [times[0][times[0].len() / 2], times[1][times[1].len() / 2]],
    )
}
