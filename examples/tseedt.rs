// Temporary: the topic stage on the sample article, N times (for callgrind / perf).
use article_analyzer::engine::{entities, text::Doc, topics};
fn main() {
    let text = include_str!("../data/sample-article.txt");
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(1000);
    let doc = Doc::new(text);
    let found = entities::extract(&doc, None);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(topics::extract(std::hint::black_box(&doc), &found));
    }
    eprintln!(
        "{:.2} us/topics",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
