// Long texts are drawn lazily: the first screens at once, the other blocks when scrolled near or in
// idle time; an entity picked in the table is drawn and scrolled to even when its block was not drawn
// yet. Long pastes are analyzed at once and a paste too long to edit stays out of the text box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, analyzedCount, analyzedAfter, pickFiles, bigText } from './helpers.js';

const site = useSite();

/** Blocks of the result: how many, how many still placeholders. */
const blockCounts = (page) =>
  page.$$eval('#result .block', (bs) => ({ all: bs.length, pending: bs.filter((b) => b.classList.contains('pending')).length }));

test('a long text: first screens drawn at once, an entity picked in the table is drawn and scrolled to', async () => {
  const { page, errors, close } = await site.open({ viewport: { width: 1200, height: 800 } });
  // Only the first screens and what is scrolled to get drawn (not the rest, in idle time).
  await page.evaluate(() => (window.tahlil.view.drawInIdleTime = false));
  const text = await bigText(2 * 1024 * 1024);
  const before = await analyzedCount(page);
  await pickFiles(page, [{ name: 'long.txt', buffer: Buffer.from(text) }]);
  await analyzedAfter(page, before, 120_000);
  const blocks = await blockCounts(page);
  assert.ok(blocks.all > 50, `${blocks.all} blocks`);
  assert.ok(blocks.pending > blocks.all / 2, `most blocks wait to be drawn (${blocks.pending} of ${blocks.all})`);
  assert.ok(await page.$eval('#result .block', (b) => !b.classList.contains('pending') && b.querySelector('mark.ent') !== null), 'the first block is drawn');
  // Placeholders keep the place of their text: the view scrolls about as far as the whole text needs.
  const { scrollHeight, clientHeight } = await page.$eval('#result', (r) => ({ scrollHeight: r.scrollHeight, clientHeight: r.clientHeight }));
  assert.ok(scrollHeight > 50 * clientHeight, `scroll height ${scrollHeight} for a view of ${clientHeight}`);

  // Arrow keys go on from the last mark of the first block to the first of the next one (drawn first if need be).
  const firstOfNext = await page.evaluate(() => {
    const { view } = window.tahlil;
    const next = view.blocks.findIndex((b, i) => i > 0 && b.last > b.first);
    return { start: view.entities[view.blocks[next].first].start, lastOfFirst: view.entities[view.blocks[0].last - 1].start };
  });
  await page.focus(`#result mark[data-start="${firstOfNext.lastOfFirst}"]`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.start), String(firstOfNext.start));
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.start), String(firstOfNext.lastOfFirst));

  // The last entity, picked in the table (sorted by place, last first), is drawn and shown.
  const last = await page.evaluate(() => window.tahlil.state.analysis.entities.at(-1));
  assert.equal(await page.$(`#result mark[data-start="${last.start}"]`), null, 'not drawn yet');
  await page.click('#table th button[data-sort="start"]');
  await page.click(`#table tbody tr[data-start="${last.start}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.start), String(last.start));
  assert.equal(await page.evaluate(() => document.activeElement.querySelector('.ent-text').textContent), last.text);
  await page.waitForFunction(() => {
    const m = document.activeElement.getBoundingClientRect();
    const box = document.getElementById('result').getBoundingClientRect();
    return m.height > 0 && m.top >= box.top && m.bottom <= box.bottom;
  }, null, { timeout: 10_000 });

  // Scrolling to the middle draws the blocks there.
  await page.$eval('#result', (r) => (r.scrollTop = r.scrollHeight / 2));
  await page.waitForFunction(() => {
    const box = document.getElementById('result').getBoundingClientRect();
    const shown = [...document.querySelectorAll('#result .block')].filter((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    });
    return shown.length > 0 && shown.every((b) => !b.classList.contains('pending'));
  }, null, { timeout: 10_000 });
  assert.ok((await blockCounts(page)).pending < blocks.pending, 'more blocks drawn after scrolling');
  assert.deepEqual(errors, []);
  await close();
});

test('in idle time every block gets drawn: the whole text, every entity marked', async () => {
  const { page, errors, close } = await site.open();
  const text = await bigText(1024 * 1024);
  const before = await analyzedCount(page);
  await pickFiles(page, [{ name: 'one.txt', buffer: Buffer.from(text) }]);
  await analyzedAfter(page, before, 120_000);
  await page.waitForFunction((n) => Number(document.body.dataset.complete ?? 0) > n, before, { timeout: 120_000 });
  assert.equal((await blockCounts(page)).pending, 0);
  const drawn = await page.evaluate(() => ({
    text: [...document.querySelectorAll('#result .block')].map((b) => [...b.childNodes].map((n) => (n.nodeType === 3 ? n.textContent : n.querySelector('.ent-text').textContent)).join('')).join(''),
    marks: [...document.querySelectorAll('#result mark.ent')].map((m) => Number(m.dataset.start)),
    starts: window.tahlil.state.analysis.entities.map((e) => e.start),
    source: window.tahlil.state.text,
  }));
  assert.equal(drawn.text, drawn.source, 'the drawn text is the text');
  assert.ok(drawn.marks.length > 1000);
  assert.deepEqual(drawn.marks, drawn.starts, 'every entity marked, in order');
  assert.deepEqual(errors, []);
  await close();
});

/** Pastes `text` into the empty text box (through the clipboard, as a person does). */
async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  if (await page.$eval('#large-note', (n) => !n.hidden)) await page.click('#large-note');
  await page.click('#text');
  await page.keyboard.press('Control+A');
  const before = await analyzedCount(page);
  await page.keyboard.press('Control+V');
  await analyzedAfter(page, before, 60_000);
}

test('pastes: a long one is analyzed once and lands in the box; one too long to edit stays out of it', async () => {
  const { page, context, errors, close } = await site.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const base = await bigText(100 * 1024);
  // Line ends as Windows writes them: the box and the analysis both get line feeds.
  const long = `${base.slice(0, 60_000).replaceAll('\n', '\r\n')}\nفي عام 2031`;
  const analyses = await analyzedCount(page);
  await paste(page, long);
  const lf = long.replaceAll('\r\n', '\n');
  const state = await page.evaluate(() => ({ box: document.getElementById('text').value, text: window.tahlil.state.text, last: window.tahlil.state.analysis.entities.at(-1).text }));
  assert.equal(state.box, lf);
  assert.equal(state.text, lf);
  assert.equal(state.last, 'عام 2031');
  await page.waitForTimeout(300);
  assert.equal(await analyzedCount(page), analyses + 1, 'one analysis for one paste');

  // Typed text after it is still analyzed (the box works as before).
  await page.keyboard.type(' و2032');
  await page.waitForFunction(() => window.tahlil.state.text.endsWith('2032'));

  const huge = `${(await bigText(700 * 1024)).replaceAll('\r', '')}\nفي عام 2033`;
  assert.ok(huge.length > 300_000);
  await paste(page, huge);
  const shown = await page.evaluate(() => ({
    boxHidden: document.getElementById('text').hidden,
    note: document.getElementById('large-note').textContent,
    length: window.tahlil.state.text.length,
  }));
  assert.equal(shown.boxHidden, true);
  assert.match(shown.note, /النص الملصوق/);
  assert.equal(shown.length, huge.length);
  // A short paste after it goes back into the box.
  await paste(page, 'بنسبة 5% في عام 2023');
  assert.deepEqual(await page.$$eval('#result mark.ent', (ms) => ms.map((m) => m.dataset.kind)), ['percent', 'date']);
  assert.equal(await page.$eval('#text', (t) => !t.hidden && t.value), 'بنسبة 5% في عام 2023');
  assert.deepEqual(errors, []);
  await close();
});
