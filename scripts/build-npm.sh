#!/usr/bin/env bash
# Builds the npm package into pkg/ (wasm-pack, target `web`: works in browsers, bundlers that handle
# `new URL(..., import.meta.url)`, Deno and Node ≥ 18 with `initSync`/bytes), size-optimized.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
rm -rf pkg
wasm-pack build js --mode no-install --no-opt --target web --out-dir ../pkg --out-name article_analyzer \
  --profile wasm-release 2>&1 | grep -v '^\[INFO\]' || true
[[ -f pkg/article_analyzer_bg.wasm ]] || { echo "wasm-pack build failed" >&2; exit 1; }
# The custom sections (wasm-bindgen's `name`, `producers`, …) are read by no runtime.
node scripts/strip-wasm.mjs pkg
# wasm-pack names the package after the crate; publish it as `article-analyzer`.
node -e '
const fs = require("fs");
const p = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
p.name = "article-analyzer";
p.description = "Entities, quotes with speakers and topics of news articles — in the browser or Node, nothing leaves the machine.";
p.keywords = ["nlp", "ner", "quotes", "news", "wasm", "entities", "keyphrases"];
p.files = ["article_analyzer_bg.wasm", "article_analyzer.js", "article_analyzer.d.ts", "article_analyzer_bg.wasm.d.ts", "snippets/", "README.md"];
fs.writeFileSync("pkg/package.json", JSON.stringify(p, null, 2) + "\n");
'
# wasm-bindgen cannot mark a typed parameter optional: do it here, loudly if the signature moved.
grep -q 'analyze(text: string, options: AnalyzeOptions): Analysis;' pkg/article_analyzer.d.ts ||
  { echo "build-npm: unexpected analyze() signature in the .d.ts" >&2; exit 1; }
sed -i 's/analyze(text: string, options: AnalyzeOptions): Analysis;/analyze(text: string, options?: AnalyzeOptions): Analysis;/' pkg/article_analyzer.d.ts
cp js/README.md pkg/README.md
ls -l pkg
