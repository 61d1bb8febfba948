//! Fuzzes `analyze` over arbitrary bytes (decoded as the CLI does, with `from_utf8_lossy`) and checks
//! every output invariant of `tests/support/invariants.rs`, not just the absence of panics. The
//! first byte selects the options, so stage subsets and a given article date are covered too.
#![no_main]

use article_analyzer::{analyze, Options};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = match data.split_first() {
        Some((f, r)) => (*f, r),
        None => (0, data),
    };
    // Bits 0-2 off = stage on, so the default (all stages) is the common case.
    let options = Options {
        article_date: (flags & 8 != 0).then(|| "2021-01-27".to_string()),
        entities: flags & 1 == 0,
        quotes: flags & 2 == 0,
        topics: flags & 4 == 0,
    };
    let text = String::from_utf8_lossy(rest);
    let a = analyze(&text, &options);
    if let Err(e) = invariants::check(&text, &a) {
        panic!("invariant violated: {e}\ninput: {text:?}");
    }
});
