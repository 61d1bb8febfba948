// Shared harness for the end-to-end tests: launches Debian's Chromium through playwright-core,
// records every network request and page error, and counts passes/failures.
// Each test file: `node tests/e2e/<name>.test.mjs BASE_URL` — exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = join(ROOT, 'target', 'e2e');
mkdirSync(SHOTS, { recursive: true });
export const BASE = process.argv[2] ?? 'http://127.0.0.1:8080/';

/** A fresh browser profile (so localStorage starts empty). */
export async function launch({ width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    colorScheme,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  page.setDefaultTimeout(15000);
  const errors = [];
  const requests = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('request', r => requests.push(r.url()));
  return { ctx, page, errors, requests };
}

let passed = 0, failed = 0;
/** Runs one named test; a thrown error is a failure. */
export async function test(name, fn) {
  // E2E_ONLY=substring runs only the matching tests (while working on one).
  if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return;
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.stack || e}`);
  }
}

/** Throws unless `cond`. */
export function assert(cond, msg) {
  if (!cond) throw new Error('assertion failed: ' + msg);
}

/** Prints the closing line and sets the exit code. */
export function done() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
