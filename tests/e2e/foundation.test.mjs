// Foundation end-to-end test of the release build served from a sub-path: the sample article is
// analyzed on load, pasted text gets analyzed, the binding works, nothing loads from another origin.
import { launch, test, assert, done, BASE, SHOTS } from './lib.mjs';
import { join } from 'node:path';

const { ctx, page, errors, requests } = await launch();

await test('sample article is analyzed on load (from a sub-path)', async () => {
  await page.goto(BASE);
  await page.locator('#entities li').first().waitFor({ timeout: 15000 });
  const ents = await page.locator('#entities li').allTextContents();
  const quotes = await page.locator('#quotes li').count();
  assert(ents.some(t => t.includes('Biden')), 'an entity names Biden: ' + ents.slice(0, 5));
  assert(quotes >= 7, `at least 7 quotes, got ${quotes}`);
  await page.screenshot({ path: join(SHOTS, 'foundation-sample.png'), fullPage: false });
});

await test('pasted text is analyzed', async () => {
  await page.locator('textarea#input').fill('“We will win,” said Angela Merkel in Berlin on Monday.');
  await page.locator('button#analyze').click();
  await page.waitForFunction(() => [...document.querySelectorAll('#entities li')].some(li => li.textContent.includes('Merkel')), null, { timeout: 5000 });
  const q = await page.locator('#quotes li').allTextContents();
  assert(q.length === 1 && q[0].includes('Merkel'), 'one quote by Merkel: ' + q);
  await page.screenshot({ path: join(SHOTS, 'foundation-paste.png') });
});

await test('no request to another origin, no page errors', async () => {
  const origin = new URL(BASE).origin;
  const foreign = requests.filter(u => !u.startsWith(origin) && !u.startsWith('data:'));
  assert(foreign.length === 0, 'foreign requests: ' + foreign);
  assert(errors.length === 0, 'page errors: ' + errors);
});

await ctx.close();
done();
