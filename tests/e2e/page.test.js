// The page in headless Chromium: paste a seed, see its entities highlighted
// on the right characters, drop a file, stay on the page's origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs/promises';
import { useSite, fixture, screenshot, pasteAndWait, FIXTURES } from './helpers.js';

const site = useSite();

test('a pasted seed is highlighted exactly as the golden analysis says', async () => {
  const { page, errors, foreign, close } = await site.open();
  const name = '000_3f0a285601cca58c';
  const text = await fixture(`${name}.txt`);
  const golden = JSON.parse(await fixture(`${name}.json`));
  await pasteAndWait(page, text);
  const marks = await page.$$eval('#result mark.ent', (ms) =>
    ms.map((m) => ({ kind: m.dataset.kind, text: m.querySelector('.ent-text').textContent, title: m.title })),
  );
  assert.ok(golden.entities.length > 5, 'golden has entities');
  assert.deepEqual(marks.map((m) => [m.kind, m.text]), golden.entities.map((e) => [e.kind, e.text]));
  const year = marks.find((m) => m.text === 'عام 2023');
  assert.equal(year?.kind, 'date');
  assert.match(year.title, /2023/);
  // The result shows the whole text, unchanged, right to left.
  const shown = await page.$eval('#result', (el) => {
    const clone = el.cloneNode(true);
    clone.querySelectorAll('.ent-label').forEach((l) => l.remove());
    return clone.textContent;
  });
  assert.equal(shown, text);
  const direction = await page.$eval('#result', (el) => getComputedStyle(el).direction);
  assert.equal(direction, 'rtl');
  await screenshot(page, 'page-seed-000.png');
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await close();
});

test('offsets hold after an emoji and other astral characters', async () => {
  const { page, errors, close } = await site.open();
  await pasteAndWait(page, '😀𝔸 ارتفعت بنسبة ١٢٫٥٪ في عام ٢٠٢٤ 👍🏽 إلى 53,389.7');
  const marks = await page.$$eval('#result mark.ent', (ms) => ms.map((m) => [m.dataset.kind, m.querySelector('.ent-text').textContent]));
  assert.deepEqual(marks, [['percent', '١٢٫٥٪'], ['date', 'عام ٢٠٢٤'], ['number', '53,389.7']]);
  assert.deepEqual(errors, []);
  await close();
});

test('a dropped .txt file is read and analyzed', async () => {
  const { page, close } = await site.open();
  await page.setInputFiles('#file', path.join(FIXTURES, '001_d4cb99438fc9c65d.txt'));
  await page.waitForFunction(() => document.querySelectorAll('#result mark.ent').length > 0);
  const value = await page.$eval('#text', (t) => t.value);
  assert.equal(value, await fs.readFile(path.join(FIXTURES, '001_d4cb99438fc9c65d.txt'), 'utf8'));
  const kinds = await page.$$eval('#result mark.ent', (ms) => new Set(ms.map((m) => m.dataset.kind)).size);
  assert.ok(kinds >= 2);
  await close();
});

test('user text never becomes markup', async () => {
  const { page, errors, close } = await site.open();
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> عام 2024';
  await pasteAndWait(page, hostile);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval('#result img, #result script', (n) => n.length), 0);
  assert.equal(await page.$eval('#result', (el) => el.textContent.includes('<img')), true);
  assert.deepEqual(errors, []);
  await close();
});
