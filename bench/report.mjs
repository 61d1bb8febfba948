// Formats scripts/bench.sh's raw results as one table.
import { readFileSync } from 'node:fs';
const [nativeTxt, browserJson, sizeTxt, ratioTxt] = process.argv.slice(2);
const sizes = { seed: 2383, '10KB': 10 << 10, '100KB': 100 << 10, '1MB': 1 << 20 };
const native = {};
for (const line of readFileSync(nativeTxt, 'utf8').split('\n')) {
  const m = line.match(/^test (\S+) \.\.\. bench:\s+([\d,]+) ns\/iter/);
  if (m) native[m[1]] = Number(m[2].replace(/,/g, '')) / 1e6; // ms
}
const seedBytes = Buffer.byteLength(readFileSync(new URL('../data/sample-article.txt', import.meta.url), 'utf8'));
sizes.seed = seedBytes;
const mbps = (bytes, ms) => (bytes / 1e6) / (ms / 1e3);
const f = (x, d = 2) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(d));
console.log('\n## Native (1 core, criterion median-ish mean)');
console.log('| input | analyze ms | MB/s |');
console.log('|---|---:|---:|');
for (const k of ['seed', '10KB', '100KB', '1MB']) {
  const ms = native[`analyze/${k}`];
  if (ms != null) console.log(`| ${k} | ${f(ms, 3)} | ${f(mbps(sizes[k], ms), 1)} |`);
}
if (native['analyze/1MB'] && native['analyze/100KB'])
  console.log(`\nscaling time(1 MB)/time(100 KB) = ${f(native['analyze/1MB'] / native['analyze/100KB'])} (criterion means; target ≤ 12; 10.24 is linear)`);
if (ratioTxt) {
  // benches/pipeline_ratio.rs: the two sizes timed in alternating blocks (robust to load).
  const line = readFileSync(ratioTxt, 'utf8').split('\n').find(l => l.startsWith('ratio scaling: '));
  if (line) console.log('interleaved: ' + line.replace(/^ratio scaling: /, ''));
}
console.log('\n| stage | seed ms | 100 KB ms | 100 KB MB/s |');
console.log('|---|---:|---:|---:|');
for (const s of ['segment', 'entities', 'quotes', 'topics']) {
  const a = native[`stage/${s}/seed`], b = native[`stage/${s}/100KB`];
  console.log(`| ${s} | ${f(a, 3)} | ${f(b, 2)} | ${f(b && mbps(sizes['100KB'], b), 1)} |`);
}
// Issue 5's target: the topic stage adds at most 30 % to the entity stage's time.
const pct = (a, b) => (a && b ? f(100 * (b - a) / a, 1) + ' %' : '—');
console.log(`\ntopic stage / entity stage, each on its own: seed ${pct(native['stage/entities/seed'], native['stage/entities/seed'] + native['stage/topics/seed'])}, 100 KB ${pct(native['stage/entities/100KB'], native['stage/entities/100KB'] + native['stage/topics/100KB'])}`);
console.log('in the pipeline (`analyze` entities only → entities + topics): ' +
  ['seed', '10KB', '100KB'].map(k => `${k} ${pct(native[`pipeline/entities/${k}`], native[`pipeline/entities+topics/${k}`])}`).join(', '));
if (ratioTxt) {
  // benches/pipeline_ratio.rs: both configurations timed in alternating blocks (robust to load).
  console.log('interleaved (benches/pipeline_ratio.rs):');
  for (const line of readFileSync(ratioTxt, 'utf8').split('\n').filter(l => l && !l.startsWith('ratio scaling: '))) console.log('  ' + line.replace(/^ratio /, ''));
}
const br = JSON.parse(readFileSync(browserJson, 'utf8'));
console.log('\n## Chromium (wasm via the JS binding) vs compromise, same page and run (median ms)');
console.log('| input | ours ms | ours MB/s | compromise ms | compromise MB/s | speed-up |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of br.rows) {
  console.log(`| ${r.name} | ${f(r.ours_ms, 2)} | ${f(mbps(r.bytes, r.ours_ms), 2)} | ${f(r.compromise_ms, 1)} | ${f(r.compromise_ms && mbps(r.bytes, r.compromise_ms), 3)} | ${f(r.compromise_ms && r.compromise_ms / r.ours_ms, 1)}× |`);
}
console.log(`\nnavigation → sample results painted (release page, median of 5): ${f(br.first_results_ms, 0)} ms`);
if (br.errors?.length) console.log('browser notes: ' + br.errors.join('; '));
console.log('\n## dist/ sizes (bytes)\n```');
console.log(readFileSync(sizeTxt, 'utf8').trimEnd());
console.log('```');
