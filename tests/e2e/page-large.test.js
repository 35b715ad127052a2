// A 10 MB file: analyzed in the worker chunk by chunk with progress, the
// result identical to one call over the whole text, and the page answering
// throughout. Prints the timings it sees (not asserted: the machine is shared).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, analyzedCount, analyzedAfter, pickFiles, bigText } from './helpers.js';

const site = useSite();

/** Records long tasks (> 50 ms) of the main thread, from the first script on. */
const watchLongTasks = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
};

test('a 10 MB file completes with progress, identical to one analysis of the whole text', async () => {
  const { page, context, errors, foreign, close } = await site.open();
  await context.addInitScript(watchLongTasks);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const text = await bigText(10 * 1024 * 1024);
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => window.__progress.push(Number(document.body.dataset.progress))).observe(document.body, { attributeFilter: ['data-progress'] });
    document.getElementById('file').addEventListener('change', () => (window.__picked = performance.now()), { capture: true });
    new MutationObserver(() => (window.__done = performance.now())).observe(document.body, { attributeFilter: ['data-analyzed'] });
    window.__longTasks.length = 0;
  });
  const before = await analyzedCount(page);
  await pickFiles(page, [{ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }]);
  await analyzedAfter(page, before, 120_000);
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.length >= 10, `progress was shown (${progress.length} steps)`);
  assert.ok(progress.every((p, i) => p > 0 && p <= 1 && (i === 0 || p >= progress[i - 1])), 'progress only grows');
  assert.equal(progress[progress.length - 1], 1);
  assert.ok(await page.$eval('#large-note', (n) => !n.hidden && n.textContent.includes('big.txt')));
  // The same as one call over the whole text (made here, in the page, for the comparison only).
  const same = await page.evaluate(async () => {
    const wasm = await import('./pkg/tahlil.js');
    await wasm.default({ module_or_path: new URL('./pkg/tahlil_bg.wasm', location.href) });
    const { state } = window.tahlil;
    const whole = wasm.analyzeJson(state.text, {});
    return { equal: whole === JSON.stringify(state.analysis), entities: state.analysis.entities.length, length: state.text.length };
  });
  assert.equal(same.length, text.length);
  assert.ok(same.entities > 10_000, `${same.entities} entities`);
  assert.equal(same.equal, true, 'chunked analysis equals one analysis of the whole text');
  // The last entity is reachable from the table.
  const timing = await page.evaluate(() => ({ ms: Math.round(window.__done - window.__picked), longTasks: window.__longTasks }));
  console.log(`# 10 MB (${text.length} UTF-16 units, ${same.entities} entities): picked -> drawn ${timing.ms} ms; ` +
    `main-thread long tasks > 50 ms: ${timing.longTasks.length}, longest ${Math.max(0, ...timing.longTasks)} ms`);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await close();
});

test('typing during a long analysis supersedes it: the new text is analyzed and shown', async () => {
  const { page, errors, close } = await site.open();
  // 16 MB: about 32 sections, so the typed text arrives while most are still waiting (4 MB finished first once the analysis got faster).
  const text = await bigText(16 * 1024 * 1024);
  await page.evaluate(() => {
    window.__progress = 0;
    new MutationObserver(() => window.__progress++).observe(document.body, { attributeFilter: ['data-progress'] });
  });
  await pickFiles(page, [{ name: 'long.txt', buffer: Buffer.from(text) }]);
  await page.waitForFunction(() => window.__progress > 0, null, { timeout: 60_000 });
  // The large file is not in the text box; typing there starts a new, small analysis.
  await page.click('#large-note');
  const before = await analyzedCount(page);
  await page.fill('#text', 'بنسبة 5% في عام 2023');
  await analyzedAfter(page, before, 60_000);
  assert.deepEqual(await page.$$eval('#result mark.ent', (ms) => ms.map((m) => m.dataset.kind)), ['percent', 'date']);
  const steps = await page.evaluate(() => window.__progress);
  const total = Math.ceil(Buffer.byteLength(text) / (512 * 1024)); // sections of 512 KiB of UTF-8
  assert.ok(steps < total, `the long analysis stopped early (${steps} of about ${total} chunks)`);
  // Nothing of the long file is drawn later.
  await page.waitForTimeout(500);
  assert.equal(await page.$eval('#result', (r) => r.textContent.length < 100), true);
  assert.deepEqual(errors, []);
  await close();
});

test('chunks analyzed by helper workers give the same result as one call', async () => {
  const { page, errors, close } = await site.open();
  const text = await bigText(3 * 1024 * 1024);
  await page.evaluate(() => (window.tahlil.state.parallel = 2));
  const before = await analyzedCount(page);
  await pickFiles(page, [{ name: 'three.txt', buffer: Buffer.from(text) }]);
  await analyzedAfter(page, before, 120_000);
  const same = await page.evaluate(async () => {
    const wasm = await import('./pkg/tahlil.js');
    await wasm.default({ module_or_path: new URL('./pkg/tahlil_bg.wasm', location.href) });
    const { state } = window.tahlil;
    return { equal: wasm.analyzeJson(state.text, {}) === JSON.stringify(state.analysis), entities: state.analysis.entities.length };
  });
  assert.ok(same.entities > 1000);
  assert.equal(same.equal, true);
  assert.equal(await page.evaluate(() => document.body.dataset.helpers), '2', 'two helper workers did the chunks');
  assert.deepEqual(errors, []);
  await close();
});
