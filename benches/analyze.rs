//! Criterion benchmarks: the whole analysis and each stage, on the seed article (filled in by the
//! speed issue).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let text = include_str!("../data/sample-article.txt");
    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("analyze", |b| {
        b.iter(|| article_analyzer::analyze(text, &Default::default()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
