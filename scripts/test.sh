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
