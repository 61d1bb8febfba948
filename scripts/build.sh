#!/usr/bin/env bash
# Release build of the page into dist/: the wasm is built with the size-optimized `wasm-release`
# profile (the native CLI keeps the fast `release` profile).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release --cargo-profile wasm-release "$@"
