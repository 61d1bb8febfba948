//! Criterion benchmarks: the whole analysis and each stage, on the seed article and on 10 KB, 100 KB
//! and 1 MB inputs made at bench time by concatenating dev texts from ../shared/data (never committed).
//! `scripts/bench.sh` runs these with `--output-format bencher` and prints MB/s in its table.

use article_analyzer::engine::{entities, quotes, text::Doc, topics};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

mod inputs;
use inputs::{corpus, prefix};

fn bench(c: &mut Criterion) {
    // As the CLI does: memory freed by one analysis is reused by the next, not faulted in again.
    article_analyzer::keep_freed_memory();
    let seed = include_str!("../data/sample-article.txt");
    let mut inputs: Vec<(String, String)> = vec![("seed".into(), seed.to_string())];
    if let Some(corpus) = corpus() {
        let mut big = corpus.clone();
        while big.len() < 1 << 20 {
            big.push_str(&corpus);
        }
        for (name, n) in [("10KB", 10 << 10), ("100KB", 100 << 10), ("1MB", 1 << 20)] {
            inputs.push((name.into(), prefix(&big, n).to_string()));
        }
    }
    let opts = Default::default();
    let mut g = c.benchmark_group("analyze");
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        if name == "1MB" {
            g.sample_size(10);
        }
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| article_analyzer::analyze(black_box(t), &opts))
        });
    }
    g.finish();

    // What the topic stage adds in the pipeline: `analyze` with entities only, and with entities
    // and topics. (On its own, a stage re-run on one input finds caches and branch predictors
    // trained by itself; after the entity stage it does not, which costs it more on longer text.)
    let mut g = c.benchmark_group("pipeline");
    for (name, text) in inputs.iter().filter(|(n, _)| n != "1MB") {
        g.throughput(Throughput::Bytes(text.len() as u64));
        for (id, topics) in [("entities", false), ("entities+topics", true)] {
            let o = article_analyzer::Options {
                quotes: false,
                topics,
                ..Default::default()
            };
            g.bench_with_input(BenchmarkId::new(id, name), text, |b, t| {
                b.iter(|| article_analyzer::analyze(black_box(t), &o))
            });
        }
    }
    g.finish();

    // Stages, each on its own (inputs prepared outside the timed loop).
    let mut g = c.benchmark_group("stage");
    for (name, text) in inputs.iter().filter(|(n, _)| n == "seed" || n == "100KB") {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("segment", name), text, |b, t| {
            b.iter(|| Doc::new(black_box(t)).tokens.len())
        });
        let doc = Doc::new(text);
        g.bench_with_input(BenchmarkId::new("entities", name), &doc, |b, d| {
            b.iter(|| entities::extract(black_box(d), None).mentions.len())
        });
        let found = entities::extract(&doc, None);
        g.bench_with_input(BenchmarkId::new("quotes", name), &doc, |b, d| {
            b.iter(|| {
                let mut f = found.clone();
                quotes::extract(black_box(d), &mut f).len()
            })
        });
        g.bench_with_input(BenchmarkId::new("clone-found", name), &found, |b, f| {
            b.iter(|| black_box(f.clone()).mentions.len())
        });
        g.bench_with_input(BenchmarkId::new("topics", name), &doc, |b, d| {
            b.iter(|| topics::extract(black_box(d), &found).keyphrases.len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
