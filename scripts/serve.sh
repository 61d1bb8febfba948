#!/usr/bin/env bash
# Installs what is missing, then serves the app with the built-in sample article on
# http://127.0.0.1:8080 (release build; rebuilds on change).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
exec trunk serve --release --cargo-profile wasm-release "$@"
