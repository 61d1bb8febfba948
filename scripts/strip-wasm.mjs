// Drops the custom sections wasm-bindgen leaves in its output wasm — `name` (its glue shims' names;
// Cargo's `strip` ran before wasm-bindgen added them), `producers`, `target_features` (only
// wasm-bindgen reads it, and it has run) and any other — which no browser or runtime reads:
// ≈ 1.2 KB gzip. Used as a Trunk post-build hook (release builds; refreshes the wasm's Subresource
// Integrity hash in index.html) and by scripts/build-npm.sh (`node scripts/strip-wasm.mjs pkg`).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

function leb(buf, i) {
  let value = 0, shift = 0, byte;
  do {
    if (i >= buf.length) throw new Error('truncated LEB128');
    byte = buf[i++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, i];
}

// Returns the module without its custom sections (id 0); every other section is copied byte for byte.
export function stripCustomSections(buf) {
  if (buf.length < 8 || buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [buf.subarray(0, 8)];
  let i = 8;
  while (i < buf.length) {
    const start = i;
    const id = buf[i++];
    let size;
    [size, i] = leb(buf, i);
    const end = i + size;
    if (end > buf.length) throw new Error('section runs past the end');
    if (id !== 0) parts.push(buf.subarray(start, end));
    i = end;
  }
  return Buffer.concat(parts);
}

const htmlPath = join(dir, 'index.html');
let html = existsSync(htmlPath) ? readFileSync(htmlPath, 'utf8') : null;
for (const name of readdirSync(dir).filter(f => f.endsWith('.wasm'))) {
  const path = join(dir, name);
  const src = readFileSync(path);
  const out = stripCustomSections(src);
  writeFileSync(path, out);
  if (html !== null) {
    const sri = 'sha384-' + createHash('sha384').update(out).digest('base64');
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    html = html.replace(new RegExp(`(<link\\b[^>]*\\bhref="?(?:\\./)?${esc}"?[^>]*\\bintegrity=)"?sha384-[A-Za-z0-9+/=]+"?`, 'g'),
      (_, pre) => pre + sri);
    html = html.replace(new RegExp(`(<link\\b[^>]*\\bintegrity=)"?sha384-[A-Za-z0-9+/=]+"?([^>]*\\bhref="?(?:\\./)?${esc}"?)`, 'g'),
      (_, pre, post) => pre + sri + post);
  }
  console.log(`strip-wasm: ${name} ${src.length} → ${out.length} bytes`);
}
if (html !== null) writeFileSync(htmlPath, html);
