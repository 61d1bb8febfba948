// Tests the built npm package (pkg/, from scripts/build-npm.sh) in Node: the seed article's quotes,
// speakers and entities; UTF-16 offsets that slice the JS string, also after curly quotes and emoji;
// options; the output validates against docs/analysis.schema.json; the TypeScript types compile.
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = join(ROOT, 'pkg');
let passed = 0, failed = 0;
async function test(name, fn) {
  try { await fn(); passed++; console.log(`ok   ${name}`); }
  catch (e) { failed++; console.log(`FAIL ${name}: ${e && e.stack || e}`); }
}
function assert(c, msg) { if (!c) throw new Error('assertion failed: ' + msg); }

const mod = await import(join(pkg, 'article_analyzer.js'));
mod.initSync({ module: readFileSync(join(pkg, 'article_analyzer_bg.wasm')) });
const { analyze, maxInputBytes } = mod;

const seedPath = join(ROOT, '..', 'shared', 'fixtures', 'seed-article.txt');
if (!existsSync(seedPath)) {
  console.log('SKIP seed checks: ../shared/fixtures/seed-article.txt is absent');
} else {
  const seed = readFileSync(seedPath, 'utf8');
  const a = analyze(seed);
  await test('seed: 7 quotes with their speakers', () => {
    const direct = a.quotes.filter(q => q.kind !== 'indirect' && q.kind !== 'term');
    assert(direct.length === 7, `7 quotes, got ${direct.length}`);
    const names = direct.map(q => q.speaker?.name ?? '');
    const count = s => names.filter(n => n.includes(s)).length;
    assert(count('White House') === 3, 'White House ×3: ' + names);
    assert(count('Psaki') === 1, 'Psaki ×1: ' + names);
    assert(count('Biden') === 3, 'Biden ×3: ' + names);
  });
  await test('seed: main entities with labels', () => {
    const find = n => a.entities.find(e => e.name === n);
    for (const [n, l] of [['Joe Biden', 'PER'], ['Vladimir Putin', 'PER'], ['White House', 'ORG'], ['Russia', 'LOC']]) {
      assert(find(n)?.label === l, `${n} is ${l}: ${JSON.stringify(find(n)?.label)}`);
    }
  });
  await test('seed: every offset slices the JS string', () => {
    for (const e of a.entities) for (const m of e.mentions) assert(seed.slice(m.start, m.end) === m.text, m.text);
    for (const q of a.quotes) assert(seed.slice(q.start, q.end) === q.text, q.text);
  });
  await test('seed: output validates against docs/analysis.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'analysis.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    assert(validate(a), JSON.stringify(validate.errors?.slice(0, 3)));
  });
}

await test('offsets are UTF-16 after emoji and curly quotes', () => {
  const text = '👩‍👩‍👧 “Yes,” said Anna Smith 😀 in Paris on Tuesday.';
  const a = analyze(text, { articleDate: '2021-01-27' });
  const all = a.entities.flatMap(e => e.mentions).concat(a.quotes);
  assert(all.length >= 3, 'found mentions and a quote');
  for (const m of all) assert(text.slice(m.start, m.end) === m.text, JSON.stringify(m));
  const tue = a.entities.find(e => e.label === 'DATE');
  assert(tue?.value === '2021-01-26', 'Tuesday → 2021-01-26: ' + JSON.stringify(tue));
});

await test('options select stages; bad options throw', () => {
  const a = analyze('“Hi,” said Anna Smith.', { quotes: false, topics: false });
  assert(a.quotes.length === 0 && a.entities.length > 0, 'entities only');
  let threw = false;
  try { analyze('x', { entities: 'yes' }); } catch { threw = true; }
  assert(threw, 'bad option type throws');
  assert(maxInputBytes() === 5 * 1024 * 1024, 'limit');
});

await test('TypeScript types compile against a typed example', () => {
  const tsc = join(ROOT, 'tests', 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022',
    '--moduleResolution', 'bundler', join(ROOT, 'tests', 'npm', 'example.ts')], { stdio: 'pipe' });
});

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
