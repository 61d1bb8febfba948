//! Packs the readable word lists of `data/` into the compact forms the engine embeds
//! (`src/engine/packed.rs` says what and why). The files in `data/` stay the trainers' and
//! scripts' output; only `OUT_DIR` gets the packed forms.

#[path = "../src/engine/packed.rs"]
#[allow(dead_code)]
mod packed;
#[path = "../src/engine/entities/rans.rs"]
#[allow(dead_code)]
mod rans;

use std::collections::BTreeMap;
use std::path::Path;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../src/engine/packed.rs");
    println!("cargo:rerun-if-changed=../src/engine/entities/rans.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));

    // Gazetteer: per class (in order of first appearance), its phrases sorted and front-coded,
    // each block opened by a line of DEL and the class letter.
    let mut classes: Vec<(String, Vec<String>)> = Vec::new();
    for line in read("data/ner/gazetteer.tsv").lines() {
        let Some((cls, phrase)) = line.split_once('\t') else {
            continue;
        };
        match classes.iter_mut().find(|(c, _)| c == cls) {
            Some((_, v)) => v.push(phrase.to_string()),
            None => classes.push((cls.to_string(), vec![phrase.to_string()])),
        }
    }
    let mut gaz = String::new();
    for (cls, mut phrases) in classes {
        phrases.sort();
        phrases.dedup();
        gaz.push('\x7f');
        gaz.push_str(&cls);
        gaz.push('\n');
        gaz.push_str(&packed::front_encode(phrases.iter().map(String::as_str)));
    }
    std::fs::write(out.join("gazetteer.fc"), gaz).expect("write gazetteer.fc");

    // Topic stems: the category model's word rows and the commonness list, merged by stem; the
    // model's header lines (`#` comments, `@` rows) go to a small TSV of their own.
    let mut rows: BTreeMap<String, (Option<u8>, Option<Vec<i8>>)> = BTreeMap::new();
    let mut head = String::new();
    let mut cols = 0;
    for line in read("data/topics/categories.tsv").lines() {
        if line.starts_with('#') || line.starts_with('@') || line.trim().is_empty() {
            if line.starts_with("@classes") {
                cols = line.split('\t').count() - 1;
            }
            head.push_str(line);
            head.push('\n');
            continue;
        }
        let mut f = line.split('\t');
        let word = f.next().unwrap_or_default().to_string();
        let w: Vec<i8> = f
            .map(|x| {
                x.parse()
                    .unwrap_or_else(|_| panic!("categories.tsv: {line}"))
            })
            .collect();
        assert_eq!(w.len(), cols, "categories.tsv: a weight per class: {line}");
        rows.entry(word).or_default().1 = Some(w);
    }
    for line in read("data/topics/common.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((word, v)) = line.split_once('\t') else {
            continue;
        };
        let v: u8 = v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("common.tsv: {line}"));
        rows.entry(word.to_string()).or_default().0 = Some(v);
    }
    let rows: Vec<packed::StemRow> = rows.into_iter().map(|(w, (c, r))| (w, c, r)).collect();
    std::fs::write(out.join("categories-head.tsv"), head).expect("write categories-head.tsv");
    std::fs::write(out.join("stems.bin"), packed::stems_encode(&rows, cols))
        .expect("write stems.bin");

    // Topic lexicons with every word already lower-cased and stemmed as the engine would
    // (`topics::words::lower_into`, Snowball English): stemming them was a tenth of the engine's
    // start-up. Same format, comments dropped.
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut lex = String::new();
    for line in read("data/topics/lexicons.txt").lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            lex.push_str(line);
            lex.push('\n');
            continue;
        }
        for item in line.split_whitespace() {
            let (word, weight) = match item.split_once('*') {
                Some((w, k)) => (w, Some(k)),
                None => (item, None),
            };
            let lower: String = if word.is_ascii() {
                word.bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .map(|b| b.to_ascii_lowercase() as char)
                    .collect()
            } else {
                word.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect()
            };
            if lower.is_empty() {
                continue;
            }
            lex.push_str(&stemmer.stem(&lower));
            if let Some(k) = weight {
                lex.push('*');
                lex.push_str(k);
            }
            lex.push(' ');
        }
        lex.push('\n');
    }
    std::fs::write(out.join("lexicons-stemmed.txt"), lex).expect("write lexicons-stemmed.txt");
}
