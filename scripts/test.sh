#!/usr/bin/env bash
# Runs every test: formatting, clippy (native + wasm32), native tests, browser tests (wasm-pack),
# a release Trunk build with its size budget, and end-to-end tests of that release build served from a
# sub-path on 127.0.0.1 in headless Chromium. Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
t0=$(date +%s)
step() { echo; echo "==> $* ($(( $(date +%s) - t0 )) s)"; }

step "set-up"
scripts/setup.sh

if [[ ! -d ../shared/data ]]; then
  echo "WARNING: ../shared/data is absent: the gold-data tests will SKIP (they say so below)." >&2
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32)"
# Every target but the criterion benches, which are native-only by nature.
cargo clippy --workspace --lib --bins --tests --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --workspace --locked

step "shipped models: what the documented training commands write"
# The tagger's features read the gazetteer and the text model, and the key-phrase scorer reads the
# entity stage's output, so a change there makes the shipped weights stale: retrain (docs/entities.md,
# docs/topics.md) when this fails.
if [[ -d ../shared/data ]]; then
  cargo build --release --locked --bin article-analyzer
  models=$(mktemp -d)
  target/release/article-analyzer train ner --out "$models" 2>/dev/null
  target/release/article-analyzer train topics --out "$models" 2>/dev/null
  for f in ner/model.bin topics/categories.tsv topics/common.tsv topics/keyphrases.tsv; do
    cmp "$models/$f" "data/$f" || { echo "data/$f is not what training writes: retrain" >&2; exit 1; }
  done
  rm -rf "$models"
  echo "data/ner/model.bin and data/topics/*.tsv reproduced byte for byte"
else
  echo "SKIP: ../shared/data absent: the shipped models' reproducibility is not checked" >&2
fi

step "browser tests (wasm-pack, headless Chromium)"
# (`js-api`: the npm package's `analyze`, which tests/bindings_web.rs tests; the page leaves it out.)
wasm-pack test --headless --chrome --mode no-install . --features js-api

step "npm package: build (wasm-pack) and test in Node"
scripts/build-npm.sh >/dev/null
node tests/npm/package.test.mjs

step "release build (trunk)"
scripts/build.sh

step "size budget"
scripts/size.sh --check

step "end-to-end tests of the release build"
scripts/e2e.sh

step "all tests passed in $(( $(date +%s) - t0 )) s"
