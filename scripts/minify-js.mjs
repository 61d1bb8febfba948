// Trunk post-build hook (release builds): minifies the page's JavaScript — the wasm-bindgen glue,
// which Trunk leaves as it is, and the copied boot.js and worker.js — with terser (tests/package.json;
// scripts/setup.sh installs it), then refreshes the glue's Subresource Integrity hash in index.html.
// ≈ 3.5 KB gzip off dist/. Debug builds (`trunk serve`) are left readable.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../tests/package.json'));
let minify;
try {
  ({ minify } = require('terser'));
} catch {
  console.error('minify-js: terser missing: run scripts/setup.sh (npm ci in tests/)');
  process.exit(1);
}
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
for (const name of readdirSync(dir).filter(f => f.endsWith('.js'))) {
  const path = join(dir, name);
  const src = readFileSync(path, 'utf8');
  const out = await minify(src, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, out.code);
  // Trunk wrote an integrity attribute (sha384) for the files it links; recompute it.
  const sri = 'sha384-' + createHash('sha384').update(out.code).digest('base64');
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  html = html.replace(new RegExp(`(<link\\b[^>]*\\bhref="?(?:\\./)?${esc}"?[^>]*\\bintegrity=)"?sha384-[A-Za-z0-9+/=]+"?`, 'g'),
    (_, pre) => pre + sri);
  html = html.replace(new RegExp(`(<link\\b[^>]*\\bintegrity=)"?sha384-[A-Za-z0-9+/=]+"?([^>]*\\bhref="?(?:\\./)?${esc}"?)`, 'g'),
    (_, pre, post) => pre + sri + post);
  console.log(`minify-js: ${name} ${src.length} → ${out.code.length} bytes`);
}
writeFileSync(htmlPath, html);
