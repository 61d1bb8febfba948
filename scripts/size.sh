#!/usr/bin/env bash
# Prints raw / gzip -9 -n / brotli (q11) sizes of every file in dist/ and of the data the wasm
# embeds, and with --check fails when the whole dist/ exceeds the gzip budget (BUDGET_BYTES). The
# default is the target, 600 KB read strictly as 600,000 B; the 2026-11-28 build is 589,815 B (LLVM's
# output without wasm-opt, the engine compiled for speed, see Cargo.toml; JavaScript minified by
# scripts/minify-js.mjs; custom sections dropped by scripts/strip-wasm.mjs). The goal is ≤ 400 KB.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_BYTES=${BUDGET_BYTES:-600000}
[[ -d dist ]] || { echo "dist/ missing: run scripts/build.sh" >&2; exit 1; }
total_gz=0
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -n -c "$f" | wc -c)
  br=$(node -e 'const z=require("zlib");const b=require("fs").readFileSync(process.argv[1]);process.stdout.write(String(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' "$f")
  total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d %10d\n' "${f#dist/}" "$raw" "$gz" "$br"
done < <(find dist -type f | sort)
printf '%-48s %10s %10d\n' "TOTAL (gzip -9 -n)" "" "$total_gz"
# What the wasm embeds (in the form it embeds: the engine's build script packs some lists), each
# compressed alone; a share of the wasm's gzip size, not exactly additive.
out=$(ls -td target/wasm32-unknown-unknown/wasm-release/build/article-analyzer-engine-*/out 2>/dev/null | head -1)
if [[ -n $out ]]; then
  echo "embedded data (gzip -9 -n of each group):"
  group() {
    local name=$1; shift
    printf '  %-46s %10d %10d\n' "$name" "$(cat "$@" | wc -c)" "$(cat "$@" | gzip -9 -n | wc -c)"
  }
  group "NER weights (data/ner/model.bin)" data/ner/model.bin
  group "gazetteer (front-coded)" "$out/gazetteer.fc"
  group "topic stems, categories, commonness, lexicons" "$out/categories-head.tsv" "$out/stems.bin" data/topics/keyphrases.tsv data/topics/labels.tsv data/topics/lexicons.txt
  group "quote lexicons" data/quotes/*.txt
  group "sample article" data/sample-article.txt
fi
if [[ ${1:-} == --check ]]; then
  if (( total_gz > BUDGET_BYTES )); then
    echo "FAIL: dist/ is $total_gz bytes gzipped, over the $BUDGET_BYTES B budget" >&2
    exit 1
  fi
  echo "size budget ok: $total_gz bytes gzipped <= $BUDGET_BYTES B"
fi
