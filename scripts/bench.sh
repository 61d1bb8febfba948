#!/usr/bin/env bash
# Runs every benchmark and prints one table: native criterion (whole analysis and each stage, MB/s,
# scaling 100 KB → 1 MB), the engine in headless Chromium (wasm, through the JS binding) against
# compromise in the same page and run, navigation → first results on the release page, and the size
# of every file in dist/. Needs ../shared/data for the sized inputs (skips them, loudly, without it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
out=$(mktemp -d)
echo "==> native (criterion)" >&2
cargo bench --bench analyze -- --output-format bencher 2>/dev/null | grep '^test ' > "$out/native.txt"
cargo bench --bench pipeline_ratio 2>/dev/null | grep '^ratio ' > "$out/ratio.txt" || true
echo "==> release builds (npm package + page)" >&2
scripts/build-npm.sh >/dev/null
scripts/build.sh >/dev/null 2>&1
echo "==> browser (headless Chromium)" >&2
node bench/browser.mjs > "$out/browser.json"
scripts/size.sh > "$out/size.txt"
node bench/report.mjs "$out/native.txt" "$out/browser.json" "$out/size.txt" "$out/ratio.txt"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(/usr/bin/chromium --version 2>/dev/null)"
