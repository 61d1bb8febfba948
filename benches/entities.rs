//! Criterion benchmark of the entity stage alone (issue 3: ≥ 5 MB/s natively on one core), on a
//! ~1 MB text made of the sample article repeated with varied names.
use article_analyzer::engine::{entities, text::Doc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let one = include_str!("../data/sample-article.txt");
    let mut text = String::new();
    let mut k = 0;
    while text.len() < 1_000_000 {
        // Vary a token per copy so document-level tables grow as in a real long text.
        text.push_str(&format!("Report {k} from Springfield{k}.\n\n"));
        text.push_str(one);
        text.push_str("\n\n");
        k += 1;
    }
    let doc = Doc::new(&text);
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("extract", |b| b.iter(|| entities::extract(&doc, None)));
    g.bench_function("doc+extract", |b| {
        b.iter(|| entities::extract(&Doc::new(&text), None))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
