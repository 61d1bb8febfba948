#!/usr/bin/env bash
# Release build of the page into dist/: the wasm is built with the size-optimized `wasm-release`
# profile (the native CLI keeps the fast `release` profile).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# wasm-bindgen leaves JS snippets of earlier builds in its output directory and Trunk copies them all
# into dist/: start without them (the page's build has none since `analyze` is the npm package's).
rm -rf target/wasm-bindgen/*/snippets
trunk build --release --cargo-profile wasm-release "$@"
