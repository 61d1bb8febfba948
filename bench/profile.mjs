// Where the time of `analyze` goes in Chromium: a CDP sampling profile of the npm build, self time
// per function (wasm functions by name when the build keeps its name section).
// Usage (an unstripped build, kept out of pkg/):
//   CARGO_PROFILE_WASM_RELEASE_STRIP=false wasm-pack build js --mode no-install --no-opt --target web \
//     --out-dir /tmp/pkg-names --out-name article_analyzer --profile wasm-release
//   PKG=/tmp/pkg-names node bench/profile.mjs [--seed | --bytes N] [--seconds S] [--top N]
// The input is the sample article or the first N bytes of the dev texts bench/browser.mjs uses.
import { launch } from '../tests/e2e/lib.mjs';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const PKG = process.env.PKG ?? join(ROOT, 'pkg');
const SECS = +arg('--seconds', 6), TOP = +arg('--top', 30), BYTES = +arg('--bytes', 102400);
let text;
if (process.argv.includes('--seed')) {
  text = readFileSync(join(ROOT, 'data', 'sample-article.txt'), 'utf8');
} else {
  const DATA = join(ROOT, '..', 'shared', 'data');
  let c = '';
  for (const f of ['quotes/polnear_direct/dev.jsonl', 'ner/conll2003/dev.jsonl', 'keyphrases/kpcrowd/dev.jsonl', 'topics/masakhanews_eng/dev.jsonl']) {
    const p = join(DATA, f);
    if (!existsSync(p)) { console.error(`SKIP: ${p} is absent (use --seed)`); process.exit(0); }
    for (const l of readFileSync(p, 'utf8').split('\n')) if (l.trim()) c += JSON.parse(l).text + '\n\n';
  }
  text = c; while (Buffer.byteLength(text) < BYTES) text += c;
  text = Buffer.from(text).subarray(0, BYTES).toString().replace(/\uFFFD$/, '');
}
const page0 = `<!DOCTYPE html><html><body><script type="module">
import init, { analyze } from './pkg/article_analyzer.js'; await init();
window.go = (t, ms) => { const t0 = performance.now(); let n = 0; while (performance.now() - t0 < ms) { analyze(t); n++; } return n; };
window.ready = true;</script></body></html>`;
const server = createServer((req, res) => {
  const u = req.url.split('?')[0];
  if (u === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(page0); }
  const p = join(PKG, u.replace(/^\/pkg\//, ''));
  if (!u.startsWith('/pkg/') || !existsSync(p)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': p.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  res.end(readFileSync(p));
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const { ctx, page } = await launch();
page.setDefaultTimeout(600000);
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => window.ready === true);
await page.evaluate(([t]) => window.go(t, 3000), [text]); // warm-up: V8 tiers the wasm up
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const runs = await page.evaluate(([t, ms]) => window.go(t, ms), [text, SECS * 1000]);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map(x => [x.id, x]));
const self = new Map();
for (const id of profile.samples) {
  const f = byId.get(id).callFrame;
  const name = f.functionName || `(anonymous) ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(name, (self.get(name) ?? 0) + 1);
}
const total = profile.samples.length;
console.log(`${Buffer.byteLength(text)} bytes: ${runs} runs in ${SECS} s, ${(SECS * 1000 / runs).toFixed(3)} ms per run, ${total} samples`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(100 * v / total).toFixed(1).padStart(6)} %  ${k.slice(0, 140)}`);
await ctx.close();
server.close();
