// Temporary: the bench's 1 MB input through analyze (for callgrind).
#[path = "../benches/analyze.rs"]
#[allow(dead_code)]
mod b;
fn main() {
    let corpus = b::corpus().unwrap();
    let mut big = corpus.clone();
    while big.len() < 1 << 20 {
        big.push_str(&corpus);
    }
    let mut e: usize = std::env::var("SIZE")
        .ok()
        .map(|s| s.parse().unwrap())
        .unwrap_or(1 << 20);
    while !big.is_char_boundary(e) {
        e -= 1;
    }
    let text = &big[..e];
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(1);
    let opts = Default::default();
    for _ in 0..n {
        let t = std::time::Instant::now();
        let a = article_analyzer::analyze(text, &opts);
        eprintln!(
            "{:.1} ms, {} entities",
            t.elapsed().as_secs_f64() * 1e3,
            a.entities.len()
        );
    }
}
