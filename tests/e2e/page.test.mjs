// End-to-end tests of the page (release build) in headless Chromium.
// Usage: node tests/e2e/page.test.mjs http://127.0.0.1:PORT/sub/path/
// Screenshots go to target/e2e/page-*.png.
import { launch, test, assert, done, BASE, SHOTS } from './lib.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'sample-article.txt'), 'utf8');

/** The engine as the npm package (pkg/, scripts/build-npm.sh) runs it in Node: the page itself has
 * no `analyze` export (the `js-api` feature is the package's). */
async function npmEngine() {
  const pkg = join(import.meta.dirname, '..', '..', 'pkg');
  const mod = await import(join(pkg, 'article_analyzer.js'));
  mod.initSync({ module: readFileSync(join(pkg, 'article_analyzer_bg.wasm')) });
  return mod;
}

/** A fresh browser on the page, ready for input. */
async function open(opts) {
  const b = await launch(opts);
  await b.page.goto(BASE);
  await b.page.locator('textarea#input').waitFor();
  return b;
}

/** Empties the text area (the first visit shows the sample). */
async function clear(page) {
  await page.locator('#clear').click();
  await page.locator('#empty').waitFor();
}

/** Loads the sample and waits for its quote cards. */
async function loadSample(page) {
  await page.locator('button#sample').click();
  await page.locator('#quotes li.quote-card').first().waitFor();
}

function noErrors(errors) {
  assert(errors.length === 0, 'page errors: ' + JSON.stringify(errors));
}

await test('first visit shows the sample; Clear leaves an empty state that explains what to do', async () => {
  const { ctx, page, errors } = await open();
  await page.locator('#quotes li.quote-card').first().waitFor();
  assert(await page.locator('textarea#input').inputValue() === SAMPLE, 'sample on the first visit');
  await page.locator('#clear').click();
  const empty = await page.locator('#empty').textContent();
  assert(/Paste a news article/.test(empty), 'empty state text: ' + empty);
  assert(await page.locator('#empty button').count() >= 1, 'empty state offers the sample');
  await page.waitForTimeout(600);
  await page.reload();
  await page.locator('textarea#input').waitFor();
  await page.waitForTimeout(300);
  assert(await page.locator('#empty').count() === 1, 'a cleared text stays cleared after reload');
  noErrors(errors);
  await ctx.close();
});

await test('sample loads and shows the 7 seed quotes with their speakers', async () => {
  const { ctx, page, errors } = await open();
  await loadSample(page);
  // The seed article's 7 quotations are in quote marks; the engine may add indirect (reported)
  // speech, shown as cards of kind "indirect".
  const marked = page.locator('#quotes li.quote-card:not(:has(.kind-indirect))');
  assert(await marked.count() === 7, 'quoted cards: ' + await marked.count());
  const speakers = await marked.locator('.speaker').allTextContents();
  assert(speakers.length === 7, 'a speaker slot on every card');
  const unknown = speakers.filter(s => /unknown/i.test(s) || !s.trim());
  assert(unknown.length === 0, 'every seed quote has a speaker: ' + JSON.stringify(speakers));
  const all = await page.locator('#quotes li.quote-card').count();
  assert(await page.locator('#article .qt').count() === all, 'every quote is marked in the article');
  assert(await page.locator('#article .qt-by').count() === all, 'and followed by its speaker');
  assert(await page.locator('#entities li').count() >= 5, 'entity chips shown');
  assert(await page.locator('#topics li').count() >= 1, 'topic chips shown');
  // The lead's end-to-end structure: #entities li and #quotes li exist.
  assert(await page.locator('#quotes li').count() >= 7, '#quotes li');
  noErrors(errors);
  await ctx.close();
});

await test('a browser that cannot run the wasm shows why instead of an empty page', async () => {
  // As in a browser too old for wasm SIMD: every compile fails validation.
  const { ctx, page } = await launch();
  await page.addInitScript(() => {
    const fail = () => Promise.reject(new WebAssembly.CompileError('SIMD unsupported (simulated)'));
    for (const f of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) WebAssembly[f] = fail;
  });
  await page.goto(BASE);
  const msg = await page.locator('#load-error').textContent();
  assert(/needs WebAssembly with SIMD/.test(msg), 'message: ' + msg);
  assert(await page.locator('textarea#input').count() === 0, 'no app without the wasm');
  await page.screenshot({ path: join(SHOTS, 'page-no-wasm.png') });
  await ctx.close();
});

await test('a text that is not English gets a warning; an English one none', async () => {
  const { ctx, page, errors } = await open();
  await page.locator('#quotes li.quote-card').first().waitFor();
  const before = await page.locator('#summary').textContent();
  assert(!/unreliable/.test(before), 'no warning on the English sample: ' + before);
  await page.locator('textarea#input').fill('Der Kanzler hat am Dienstag in Berlin gesagt, dass die Regierung auch im Winter nicht auf die Hilfe für die Ukraine verzichten wird. Die Opposition sprach von einem Fehler.');
  await page.waitForFunction(() => /looks like German/.test(document.querySelector('#summary')?.textContent ?? ''), null, { timeout: 5000 });
  noErrors(errors);
  await ctx.close();
});

await test('typing or pasting text gives live results without pressing a button', async () => {
  const { ctx, page, errors } = await open();
  await clear(page);
  await page.locator('textarea#input').fill('“We will win this,” Angela Merkel told reporters in Berlin on Monday.\n\nSiemens shares rose 4% to $120.');
  await page.locator('#entities li').first().waitFor({ timeout: 5000 });
  const names = await page.locator('#entities li .name').allTextContents();
  assert(names.length >= 2, 'entities found: ' + JSON.stringify(names));
  assert(await page.locator('#quotes li.quote-card').count() === 1, 'one quote card');
  const counts = await page.locator('#counts').textContent();
  assert(/\d+ words · \d+ characters/.test(counts), 'counts: ' + counts);
  noErrors(errors);
  await ctx.close();
});

await test('pasted HTML becomes clean text (scripts dropped, never run)', async () => {
  const { ctx, page, errors } = await open();
  let dialogs = 0;
  page.on('dialog', d => { dialogs++; d.dismiss(); });
  await clear(page);
  await page.locator('textarea#input').focus();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/html', '<h1>Big news</h1><p>Hello <b>World</b>, said <i>Jane Doe</i>.</p>'
      + '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2; alert(1)">'
      + '<style>p{color:red}</style><p>Second paragraph.</p>');
    dt.setData('text/plain', 'plain fallback');
    document.querySelector('#input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  const value = await page.locator('textarea#input').inputValue();
  assert(value === 'Big news\n\nHello World, said Jane Doe.\n\nSecond paragraph.', 'clean text: ' + JSON.stringify(value));
  await page.waitForTimeout(400);
  assert(await page.evaluate(() => window.__pwned) === undefined, 'no script ran');
  assert(dialogs === 0, 'no alert');
  // Parsing the pasted HTML (in an inert document) makes Chromium check the page's CSP for its
  // inline handler and <style>, and block them: expected, and the only console output allowed.
  noErrors(errors.filter(e => !/violates the following Content Security Policy.*has been blocked/.test(e)));
  await ctx.close();
});

await test('an HTML/script payload typed or pasted as text is shown as text and never runs', async () => {
  const { ctx, page, errors } = await open();
  let dialogs = 0;
  page.on('dialog', d => { dialogs++; d.dismiss(); });
  const payload = '<img src=x onerror="window.__pwned=1;alert(1)"> <script>window.__pwned=2</script> '
    + '“<b>Hi</b>,” said <a href="javascript:alert(3)">John Smith</a> in Paris.';
  await page.locator('textarea#input').fill(payload);
  await page.locator('#article').waitFor();
  await page.waitForTimeout(500);
  // The article as shown, without the type tags and speaker labels the page adds.
  const shown = await page.locator('#article').evaluate(el => {
    const c = el.cloneNode(true);
    c.querySelectorAll('.tag, .qt-by').forEach(x => x.remove());
    return c.textContent;
  });
  assert(shown === payload, 'payload shown exactly as text: ' + shown);
  assert(await page.locator('#results img, #results script, #results a[href]').count() === 0, 'no element created from the payload');
  const cardText = await page.locator('#quotes').textContent();
  assert(cardText.includes('<b>Hi</b>'), 'quote card shows tags as text: ' + cardText);
  assert(await page.evaluate(() => window.__pwned) === undefined, 'nothing ran');
  assert(dialogs === 0, 'no dialog');
  noErrors(errors);
  await ctx.close();
});

await test('chip click highlights all mentions and scrolls to the first; mention click selects the chip', async () => {
  const { ctx, page, errors } = await open();
  await loadSample(page);
  const chip = page.locator('#entities li button.chip').first();
  const id = await chip.getAttribute('data-chip');
  const countText = await chip.locator('.count').textContent();
  const n = parseInt(countText.replace(/[^0-9]/g, ''), 10);
  await chip.click();
  await page.waitForTimeout(600);
  assert(await chip.getAttribute('aria-pressed') === 'true', 'chip pressed');
  const marks = page.locator(`#article mark.sel[data-e="${id}"]`);
  assert(await marks.count() >= 1, 'highlighted mentions');
  assert(await page.locator('#article mark.sel').count() === await marks.count(), 'only this entity highlighted');
  assert(await marks.count() <= n, `highlighted ${await marks.count()} ≤ ${n} mentions`);
  const inView = await marks.first().evaluate(el => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert(inView, 'first mention scrolled into view');
  const details = await page.locator('#details').textContent();
  assert(/Salience/.test(details) && /Rule/.test(details), 'why view shows evidence: ' + details);
  // The other way: click a mention of another entity.
  const other = page.locator(`#article mark[data-e]:not([data-e="${id}"])`).first();
  const otherId = await other.getAttribute('data-e');
  await other.click();
  await page.waitForTimeout(200);
  assert(await page.locator(`[data-chip="${otherId}"]`).getAttribute('aria-pressed') === 'true', 'mention click selects its chip');
  noErrors(errors);
  await ctx.close();
});

await test('quote click selects its card; Why? explains the rule and confidence', async () => {
  const { ctx, page, errors } = await open();
  await loadSample(page);
  await page.locator('#article .qt').nth(1).click();
  await page.waitForTimeout(200);
  assert(await page.locator('#quote-1').getAttribute('class').then(c => c.includes('selected')), 'card selected');
  await page.locator('#quote-2 button.locate').click();
  await page.waitForTimeout(200);
  const d = await page.locator('#details').textContent();
  assert(/Quote 3/.test(d) && /Rule/.test(d) && /Confidence/.test(d), 'why: ' + d);
  assert(await page.locator('#article .qt.sel').count() === 1, 'quote marked in the text');
  // Filter by speaker.
  const options = await page.locator('#speaker-filter option').count();
  assert(options >= 2, 'speaker options');
  const value = await page.locator('#speaker-filter option').nth(1).getAttribute('value');
  await page.locator('#speaker-filter').selectOption(value);
  await page.waitForTimeout(200);
  const shown = await page.locator('#quotes li.quote-card').count();
  const before = await page.locator('#article .qt').count();
  assert(shown >= 1 && shown < before, `filtered cards: ${shown} of ${before}`);
  noErrors(errors);
  await ctx.close();
});

await test('type toggles hide and show a category', async () => {
  const { ctx, page, errors } = await open();
  await loadSample(page);
  // The group of the first highlighted mention (people, if the engine finds names).
  const g = (await page.locator('#article mark').first().getAttribute('class')).split(' ').find(c => c.startsWith('g-'));
  assert(await page.locator(`#article mark.${g}`).count() > 0, g + ' highlighted');
  await page.locator(`.toggle[data-group="${g}"]`).click();
  await page.waitForTimeout(200);
  assert(await page.locator(`#article mark.${g}`).count() === 0, g + ' hidden in text');
  assert(await page.locator(`#entities .${g}`).count() === 0, g + ' chips hidden');
  await page.locator(`.toggle[data-group="${g}"]`).click();
  await page.waitForTimeout(200);
  assert(await page.locator(`#article mark.${g}`).count() > 0, g + ' shown again');
  noErrors(errors);
  await ctx.close();
});

await test('export JSON parses, has byte offsets and matches the engine; CSV and Markdown download', async () => {
  const { ctx, page, errors } = await open();
  await loadSample(page);
  const grab = async (sel) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(sel).click()]);
    return { name: dl.suggestedFilename(), body: readFileSync(await dl.path(), 'utf8') };
  };
  const json = await grab('#export-json');
  assert(json.name === 'analysis.json', json.name);
  const a = JSON.parse(json.body);
  const text = await page.locator('textarea#input').inputValue();
  const engine = (await npmEngine()).analyze(text);
  const key = e => `${e.label}:${e.name}:${e.mentions.length}`;
  assert(JSON.stringify(a.entities.map(key)) === JSON.stringify(engine.entities.map(key)), 'entities equal the engine');
  assert(JSON.stringify(a.quotes.map(q => q.text)) === JSON.stringify(engine.quotes.map(q => q.text)), 'quotes equal the engine');
  assert(a.meta.words === engine.meta.words, 'meta equal');
  const bytes = Buffer.from(text, 'utf8');
  for (const e of a.entities) for (const m of e.mentions) {
    assert(bytes.subarray(m.start, m.end).toString('utf8') === m.text, `byte offsets of ${m.text}`);
  }
  const ents = await grab('#export-entities');
  assert(ents.body.startsWith('id,name,label,value,salience'), 'entities CSV header');
  assert(ents.body.trim().split('\r\n').length === a.entities.length + 1, 'one row per entity');
  const quotes = await grab('#export-quotes');
  assert(quotes.body.startsWith('start,end,kind,quote,speaker'), 'quotes CSV header');
  const md = await grab('#export-md');
  assert(md.body.startsWith('# Article analysis') && md.body.includes('## Quotes'), 'markdown');
  noErrors(errors);
  await ctx.close();
});

await test('share link carries the text in the fragment and restores it', async () => {
  const { ctx, page, errors } = await open();
  await loadSample(page);
  await page.locator('#share').click();
  await page.locator('#share-url').waitFor();
  const url = await page.locator('#share-url').inputValue();
  assert(url.includes('#') && url.split('#')[1].includes('t='), 'text in the fragment: ' + url.slice(0, 80));
  assert(!page.url().includes('t='), 'the address bar does not get the text');
  const page2 = await ctx.newPage();
  await page2.goto(url);
  await page2.locator('#quotes li.quote-card').first().waitFor();
  assert(await page2.locator('textarea#input').inputValue() === SAMPLE, 'text restored from the link');
  await page2.waitForTimeout(300);
  assert(!page2.url().includes('t='), 'fragment removed after loading: ' + page2.url());
  // Too long for a link: a clear message.
  let long = '';
  for (let i = 0; long.length < 60000; i++) long += `Paragraph ${i}: ${Math.random().toString(36).repeat(3)}\n`;
  await page.evaluate(t => { const el = document.querySelector('#input'); el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, long);
  await page.locator('#share').click();
  await page.waitForFunction(() => /too long for a link/.test(document.querySelector('#export-msg').textContent));
  noErrors(errors);
  await ctx.close();
});

await test('reload restores the draft and settings; Clear can be undone', async () => {
  const { ctx, page, errors } = await open();
  const draft = 'Draft: “Keep this,” said Maria Lopez in Madrid.';
  await page.locator('textarea#input').fill(draft);
  await page.locator('#theme').click(); // auto → light
  await page.locator('#theme').click(); // light → dark
  await page.locator('#article-date').fill('2024-03-05');
  await page.waitForTimeout(700);
  await page.reload();
  await page.locator('textarea#input').waitFor();
  await page.waitForTimeout(300);
  assert(await page.locator('textarea#input').inputValue() === draft, 'draft restored');
  assert(await page.evaluate(() => document.documentElement.dataset.theme) === 'dark', 'theme restored');
  assert(await page.locator('#article-date').inputValue() === '2024-03-05', 'date restored');
  await page.locator('#quotes li.quote-card').first().waitFor();
  await page.locator('#clear').click();
  assert(await page.locator('textarea#input').inputValue() === '', 'cleared');
  await page.locator('#undo').click();
  assert(await page.locator('textarea#input').inputValue() === draft, 'undo restores the text');
  noErrors(errors);
  await ctx.close();
});

await test('no network request after load while pasting, typing and analyzing', async () => {
  const { ctx, page, errors, requests } = await open();
  await page.waitForLoadState('networkidle');
  // Loading ends when the analysis worker, started after the first results are painted, has
  // fetched its script and the glue JS (on a loaded machine that can come after the network first
  // went idle).
  const glue = (u) => /\/article-analyzer-[0-9a-f]+\.js$/.test(u);
  const workerLoaded = () => requests.some(u => u.endsWith('/worker.js')) && requests.filter(glue).length >= 2;
  for (let t = 0; t < 100 && !workerLoaded(); t++) await page.waitForTimeout(100);
  assert(workerLoaded(), 'the worker loaded: ' + JSON.stringify(requests));
  const before = requests.length;
  await loadSample(page);
  await page.locator('textarea#input').fill(SAMPLE + '\n\nMore text, said Joe Biden.');
  await page.locator('textarea#input').focus();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/html', '<p>Pasted <img src="http://127.0.0.1:9/x.png"> from the web.</p>');
    document.querySelector('#input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.locator('#analyze').click();
  await page.locator('#entities li').first().click();
  await page.waitForTimeout(800);
  const after = requests.slice(before);
  assert(after.length === 0, 'requests after load: ' + JSON.stringify(after));
  noErrors(errors);
  await ctx.close();
});

await test('a 5 MB paste is analyzed in the worker: the page keeps painting, typing shows at once, results arrive', async () => {
  const { ctx, page, errors, requests } = await open();
  await clear(page);
  const t0 = Date.now();
  const big = await page.evaluate(async t => {
    let s = '';
    while (s.length < 5.3 * 1024 * 1024) s += t + '\n\n';
    const el = document.querySelector('#input');
    el.value = s;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    // Main-thread gaps from here on: every frame's distance to the previous one.
    window.__gaps = [];
    let last = performance.now();
    const frame = now => { window.__gaps.push([now, now - last]); last = now; if (!window.__stopGaps) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    return s.length;
  }, SAMPLE);
  assert(big > 5 * 1024 * 1024, 'big input');
  const notice = await page.locator('#long-notice').textContent();
  assert(/only the first 5(\.0)? MB are analyzed/.test(notice), 'limit message: ' + notice);
  // Analysis starts by itself (no "Analyze now" needed any more) and says so.
  await page.waitForFunction(() => /Analyzing/.test(document.querySelector('.status').textContent), null, { timeout: 5000, polling: 50 });
  const busyFrom = await page.evaluate(() => performance.now());
  // Type while it runs: the keystroke reaches the text area and the counts within a few frames.
  await page.locator('textarea#input').focus();
  await page.evaluate(() => {
    const counts = document.querySelector('#counts');
    window.__typed = new Promise(res => {
      const t = { key: 0, frame: 0, counts: 0 };
      const input = document.querySelector('#input');
      const both = () => t.frame && t.counts && res(t);
      input.addEventListener('keydown', e => { t.key = e.timeStamp; window.__keyAt = e.timeStamp; }, { once: true });
      // Shown: the first frame painted after the keystroke's input event.
      input.addEventListener('input', () => requestAnimationFrame(now => { t.frame = now - t.key; both(); }), { once: true });
      new MutationObserver((_, o) => { o.disconnect(); t.counts = performance.now() - t.key; both(); }).observe(counts, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.keyboard.press('End');
  await page.keyboard.type('Z');
  const typed = await page.evaluate(() => window.__typed);
  const typedMs = typed.frame;
  assert((await page.locator('textarea#input').inputValue()).endsWith('Z'), 'the keystroke is in the text');
  const busyAtKey = await page.evaluate(() => /Analyzing/.test(document.querySelector('.status').textContent));
  // Results (of the newest text) arrive.
  await page.waitForFunction(() => /size limit/.test(document.querySelector('#summary')?.textContent ?? '') && !document.querySelector('#summary .stale') && !/Analyzing/.test(document.querySelector('.status').textContent), null, { timeout: 180000, polling: 100 });
  const total = Date.now() - t0;
  const shownAt = await page.evaluate(() => { window.__stopGaps = true; return performance.now(); });
  assert(await page.locator('#quotes li.quote-card').count() >= 7, 'quote cards shown');
  // The worst main-thread gap while the worker analyzed (from "Analyzing…" until the result came
  // back; the last second holds the result's arrival: parsing and drawing it, done on this thread).
  const timed = await page.evaluate(([from, to]) => window.__gaps.filter(([t]) => t > from && t < to).map(([t, g]) => [Math.round(t - window.__keyAt), Math.round(g)]), [busyFrom, shownAt - 1000]);
  const gaps = timed.map(([, g]) => g);
  const maxGap = Math.max(0, ...gaps);
  const worst = timed.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, g]) => `${g} ms at keystroke${t >= 0 ? '+' : ''}${t} ms`).join(', ');
  const arrival = Math.round(Math.max(0, ...await page.evaluate(to => window.__gaps.filter(([t]) => t >= to).map(([, g]) => g), shownAt - 1000)));
  console.log(`     5.3 MB: results in ${total} ms; keystroke ${busyAtKey ? 'during the analysis ' : ''}painted after ${Math.round(typedMs)} ms (counts updated after ${Math.round(typed.counts)} ms); while analyzing: ${gaps.length} frames in ${Math.round(shownAt - 1000 - busyFrom)} ms, worst gaps ${worst}; largest gap at the result's arrival ${arrival} ms`);
  // Frames kept coming: on average at least two a second over the measured window (a loaded CI
  // machine re-laying out the 5 MB text area gives gaps of a few hundred ms, and a fast engine
  // leaves a short window; the analysis on this thread was one frozen frame of seconds).
  const windowMs = shownAt - 1000 - busyFrom;
  if (windowMs > 1000) assert(gaps.length >= Math.floor(windowMs / 500), `frames kept coming while analyzing: ${gaps.length} in ${Math.round(windowMs)} ms`);
  assert(typedMs < 200, `a keystroke is painted within 200 ms while analyzing: ${typedMs}`);
  // Before the worker, the whole analysis (over 2 s here) was one frozen frame. What is left is the
  // browser re-laying out a 5 MB text area after a keystroke, and this page's reading of the text.
  assert(maxGap < 1000, `no long freeze while analyzing: ${maxGap} ms`);
  // The worker script loaded under the page's CSP (worker-src falls back to script-src 'self'), and
  // no second wasm was fetched for it: boot.js hands it the compiled module.
  const origin = new URL(BASE).origin;
  assert(requests.some(u => u.startsWith(origin) && u.endsWith('/worker.js')), 'worker.js loaded: ' + requests);
  assert(requests.filter(u => u.endsWith('.wasm')).length === 1, 'one wasm request: ' + requests.filter(u => u.endsWith('.wasm')));
  assert(requests.every(u => u.startsWith(origin) || u.startsWith('data:')), 'same-origin only');
  noErrors(errors);
  await ctx.close();
});

await test('a newer text supersedes a long analysis: the outdated run is abandoned, its result never shown', async () => {
  const { ctx, page, errors, requests } = await launch();
  // Before the app loads: count worker constructions in the page (a request event for a second
  // worker.js can arrive late or not at all), and let the test hold back the answers of the workers
  // made so far, so that the outdated run is long from the page's point of view however fast the
  // engine is (the 5 MB run alone once took longer than the test's switch; the engine got faster).
  await page.addInitScript(() => {
    const W = window.Worker;
    window.__workersMade = 0;
    window.__hold = false;
    window.__holdUpTo = 0;
    window.__held = [];
    window.Worker = class extends W {
      constructor(...args) {
        super(...args);
        this.__n = ++window.__workersMade;
      }
      set onmessage(f) {
        super.onmessage = (e) => {
          const result = e.data && e.data.seq !== undefined;
          if (window.__hold && result && this.__n <= window.__holdUpTo) window.__held.push([this, () => f(e)]);
          else f(e);
        };
      }
      get onmessage() { return super.onmessage; }
      terminate() {
        this.__terminated = true;
        super.terminate();
      }
    };
  });
  await page.goto(BASE);
  await page.locator('textarea#input').waitFor();
  await clear(page);
  const setText = (t) => page.evaluate(t => {
    const el = document.querySelector('#input');
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, t);
  let big = '';
  while (big.length < 5 * 1024 * 1024) big += SAMPLE + '\n\n';
  const before = await page.evaluate(() => {
    window.__holdUpTo = window.__workersMade;
    window.__hold = true;
    return window.__workersMade;
  });
  assert(before === 1, `one worker after load (made: ${before})`);
  await setText(big);
  await page.waitForFunction(() => /Analyzing/.test(document.querySelector('.status').textContent), null, { timeout: 5000, polling: 50 });
  // Past the worker's respawn threshold (RESPAWN_AFTER_MS, 500 ms from the request, which is when
  // "Analyzing…" shows); the run's answer, if any, is held back.
  await page.waitForTimeout(600);
  assert(/Analyzing/.test(await page.locator('.status').textContent()), 'the 5 MB run is still going 600 ms in');
  // A medium text (analyzed in the worker too), then "Analyze now".
  let medium = '';
  for (let i = 0; medium.length < 40000; i++) medium += `Part ${i}. ` + SAMPLE + '\n\n';
  await setText(medium);
  const t0 = Date.now();
  await page.locator('#analyze').click();
  await page.waitForFunction(() => /analyzed in/.test(document.querySelector('#summary')?.textContent ?? '') && !document.querySelector('#summary .stale'), null, { timeout: 10000, polling: 50 });
  const summary = await page.locator('#summary').textContent();
  console.log(`     the newer text's results ${Date.now() - t0} ms after the switch`);
  assert(!/size limit/.test(summary), 'shows the newer text: ' + summary);
  const made = await page.evaluate(() => window.__workersMade) - before;
  assert(made === 1, `the worker was restarted once (workers made after the switch: ${made})`);
  const wasm = requests.filter(u => u.endsWith('.wasm')).length;
  assert(wasm === 1, `without fetching the wasm again (wasm requests: ${wasm})`);
  // The abandoned run never lands. Its worker was terminated: a held answer of it is dropped (a
  // terminated worker delivers nothing), and one of a live worker would be delivered now.
  const late = await page.evaluate(() => {
    window.__hold = false;
    const held = window.__held.splice(0);
    const live = held.filter(([w]) => !w.__terminated);
    live.forEach(([, deliver]) => deliver());
    return [held.length, live.length];
  });
  assert(late[1] === 0, `the outdated worker was terminated (held answers from live workers: ${late[1]})`);
  await page.waitForTimeout(3000);
  assert(await page.locator('#summary').textContent() === summary, 'results unchanged: ' + await page.locator('#summary').textContent());
  assert(await page.locator('textarea#input').inputValue() === medium, 'the text is the newer one');
  assert(!/Analyzing/.test(await page.locator('.status').textContent()), 'not analyzing any more');
  noErrors(errors);
  await ctx.close();
});

await test('keyboard: Tab to the article, arrow to a mention, Enter selects its entity chip', async () => {
  const { ctx, page, errors } = await open();
  await page.locator('#quotes li.quote-card').first().waitFor();
  await page.locator('textarea#input').focus();
  let found = false;
  for (let i = 0; i < 400 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.id === 'article');
  }
  assert(found, 'Tab reaches the article');
  const stops = await page.locator('#article [tabindex]:not([tabindex="-1"])').count();
  assert(stops === 0, 'the highlights add no Tab stops: ' + stops);
  await page.keyboard.press('ArrowRight');
  let id = await page.evaluate(() => document.activeElement?.dataset.e);
  for (let i = 0; i < 50 && !id; i++) {
    await page.keyboard.press('n');
    id = await page.evaluate(() => document.activeElement?.dataset.e);
  }
  assert(id, 'arrow keys reach a mention');
  const focus = await page.evaluate(() => {
    const el = document.activeElement, cs = getComputedStyle(el), r = el.getBoundingClientRect();
    return { outline: cs.outlineStyle, width: cs.outlineWidth, role: el.getAttribute('role'), label: el.getAttribute('aria-label'), inView: r.top >= 0 && r.bottom <= innerHeight };
  });
  assert(focus.outline !== 'none' && focus.width !== '0px', 'visible focus ring: ' + JSON.stringify(focus));
  assert(focus.role === 'button' && /, (Person|Organization|Place|Other name|Date|Time|Money|Percentage)/.test(focus.label), 'ARIA: ' + JSON.stringify(focus));
  assert(focus.inView, 'the focused mention is scrolled into view');
  await page.screenshot({ path: join(SHOTS, 'page-keyboard-focus.png') });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert(await page.locator(`[data-chip="${id}"]`).getAttribute('aria-pressed') === 'true', 'Enter selects the entity chip');
  assert(await page.evaluate(() => document.activeElement?.dataset.e) === id, 'focus stays on the mention');
  // Escape leaves the highlights; one more Tab leaves the article.
  await page.keyboard.press('Escape');
  assert(await page.evaluate(() => document.activeElement?.id) === 'article', 'Escape focuses the article');
  await page.keyboard.press('Tab');
  assert(await page.evaluate(() => !document.querySelector('#article').contains(document.activeElement)), 'one Tab leaves the article');
  noErrors(errors);
  await ctx.close();
});

await test('keyboard only: reach the sample button, run it, select a chip', async () => {
  const { ctx, page, errors } = await open();
  let found = false;
  for (let i = 0; i < 25 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.id === 'sample');
  }
  assert(found, 'Tab reaches “Try the sample”');
  await page.keyboard.press('Enter');
  await page.locator('#quotes li.quote-card').first().waitFor();
  await page.locator('#entities button.chip').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  assert(await page.locator('#entities button.chip').first().getAttribute('aria-pressed') === 'true', 'Enter selects a chip');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert(outline !== 'none', 'visible focus: ' + outline);
  noErrors(errors);
  await ctx.close();
});

for (const [width, height] of [[1280, 900], [390, 844]]) {
  for (const colorScheme of ['light', 'dark']) {
    await test(`screenshot ${width}px ${colorScheme}`, async () => {
      const { ctx, page, errors } = await open({ width, height, colorScheme });
      await clear(page);
      await page.screenshot({ path: join(SHOTS, `page-empty-${width}-${colorScheme}.png`) });
      await loadSample(page);
      await page.locator('#entities button.chip').first().click();
      await page.waitForTimeout(700);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `page-${width}-${colorScheme}.png`) });
      await page.screenshot({ path: join(SHOTS, `page-${width}-${colorScheme}-full.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
      noErrors(errors);
      await ctx.close();
    });
  }
}

done();
