use article_analyzer::engine::{entities, text::Doc, topics};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
struct Counting;
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { std::alloc::System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: std::alloc::Layout) {
        unsafe { std::alloc::System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: std::alloc::Layout, n: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { std::alloc::System.realloc(p, l, n) }
    }
}
#[global_allocator]
static A: Counting = Counting;
fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut arts = Vec::new();
    let mut size = 0;
    'o: for f in [
        "keyphrases/kpcrowd/train.jsonl",
        "topics/bbc/train.jsonl",
        "topics/masakhanews_eng/train.jsonl",
        "quotes/polnear_direct/train.jsonl",
    ] {
        let raw = std::fs::read_to_string(root.join(f)).unwrap();
        for line in raw.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let t = v["text"].as_str().unwrap().to_string();
            size += t.len();
            arts.push(t);
            if size > 5_000_000 {
                break 'o;
            }
        }
    }
    if let Ok(k) = std::env::var("ARTS") {
        arts.truncate(k.parse().unwrap());
    }
    let reps: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(5);
    let (mut e, mut tt) = (0.0, 0.0);
    let (mut nv, mut nt, mut nm) = (0usize, 0usize, 0usize);
    let (mut aw, mut ak, mut ac) = (0usize, 0usize, 0usize);
    let mut ae = 0usize;
    let (mut pw, mut pk, mut pc) = (0.0f64, 0.0f64, 0.0f64);
    for rep in 0..reps {
        for a in &arts {
            let doc = Doc::new(a);
            let ae0 = ALLOCS.load(Relaxed);
            let t0 = std::time::Instant::now();
            let found = entities::extract(&doc, None);
            let t1 = std::time::Instant::now();
            let a0 = ALLOCS.load(Relaxed);
            if rep == 1 {
                ae += a0 - ae0;
            }
            let words = topics::words::Words::new(&doc, &found.words);
            let a1 = ALLOCS.load(Relaxed);
            let ta = std::time::Instant::now();
            std::hint::black_box(topics::keyphrases::extract(&doc, &found, &words));
            let tb = std::time::Instant::now();
            let a2 = ALLOCS.load(Relaxed);
            std::hint::black_box(topics::categories::model().categorize(&words));
            if rep == 1 {
                nv += words.vocab.len();
                nt += doc.tokens.len();
                nm += found.mentions.len();
            }
            let a3 = ALLOCS.load(Relaxed);
            if rep == 1 {
                aw += a1 - a0;
                ak += a2 - a1;
                ac += a3 - a2;
            }
            drop(words);
            let t2 = std::time::Instant::now();
            if rep == 0 {
                continue;
            }
            pw += (ta - t1).as_secs_f64();
            pk += (tb - ta).as_secs_f64();
            pc += (t2 - tb).as_secs_f64();
            if rep == 0 {
                continue;
            }
            e += (t1 - t0).as_secs_f64();
            tt += (t2 - t1).as_secs_f64();
        }
    }
    let n = ((reps - 1) * arts.len()) as f64 * 1e-6;
    eprintln!(
        "per article us: ent {:.1} words {:.1} kp {:.1} cat {:.1}",
        e / n,
        pw / n,
        pk / n,
        pc / n
    );
    eprintln!("entity allocs per article {}", ae / arts.len());
    eprintln!(
        "allocs per article: words {} kp {} cat {}",
        aw / arts.len(),
        ak / arts.len(),
        ac / arts.len()
    );
    eprintln!(
        "avg vocab {} tokens {} mentions {}",
        nv / arts.len(),
        nt / arts.len(),
        nm / arts.len()
    );
    eprintln!("ent {e:.3} top {tt:.3} {:.1}%", 100.0 * tt / e);
}
#[allow(dead_code)]
fn stats() {}
