// The page's tools around the highlighted text: legend toggles, details,
// the entity table, normalized text, exports, charts, theme, phone layout,
// recovery from a broken worker and working offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { useSite, pasteAndWait, fixture, screenshot, analyzedCount, analyzedAfter, WWW } from './helpers.js';

const site = useSite();

const SEED = '000_3f0a285601cca58c';

async function loadSample(page) {
  const before = await analyzedCount(page);
  await page.click('#sample');
  await analyzedAfter(page, before);
}

test('the sample button loads seed 000 and every view follows it', async () => {
  const { page, errors, foreign, close } = await site.open();
  await loadSample(page);
  const golden = JSON.parse(await fixture(`${SEED}.json`));
  assert.equal(await page.$eval('#text', (t) => t.value), await fixture(`${SEED}.txt`));
  // Every highlight: its kind, its text, and its resolved value in the tooltip.
  const shown = await page.$$eval('#result mark.ent', (ms) => ms.map((m) => [m.dataset.kind, m.querySelector('.ent-text').textContent, m.title]));
  const expected = await page.evaluate(async (entities) => {
    const { entityTitle } = await import('./render.js');
    return entities.map((e) => [e.kind, e.text, entityTitle(e)]);
  }, golden.entities);
  assert.deepEqual(shown, expected);
  assert.ok(shown.some(([kind, text, title]) => kind === 'date' && text === 'عام 2023' && title === 'تاريخ · 2023'));
  assert.ok(shown.some(([kind, , title]) => kind === 'number' && title === 'عدد · 11,214'));
  // Legend: a chip per kind found, with its count.
  const chips = await page.$$eval('#legend .chip', (cs) => cs.map((c) => [c.dataset.kind, c.querySelector('.chip-count').textContent]));
  assert.deepEqual(Object.fromEntries(chips), Object.fromEntries(Object.entries(golden.stats.entities).map(([k, n]) => [k, String(n)])));
  // Statistics come from analysis.stats.
  const stats = await page.$$eval('#stats dd', (d) => d.map((x) => x.textContent));
  assert.equal(stats[0], golden.stats.characters.toLocaleString('ar-EG'));
  assert.equal(stats[1], golden.stats.words.toLocaleString('ar-EG'));
  // Charts: a bar per kind, a dot per year.
  const bars = await page.$$eval('#chart-kinds g.bar', (g) => g.map((x) => x.dataset.kind));
  assert.deepEqual(bars.sort(), Object.keys(golden.stats.entities).sort());
  const years = new Set(golden.entities.filter((e) => e.kind === 'date' && e.value.year != null).map((e) => String(e.value.year)));
  assert.deepEqual(new Set(await page.$$eval('#chart-timeline g.tick', (g) => g.map((x) => x.dataset.year))), years);
  assert.equal(await page.$eval('#chart-kinds svg', (s) => s.namespaceURI), 'http://www.w3.org/2000/svg');
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await close();
});

test('legend toggles hide and show a kind', async () => {
  const { page, close } = await site.open();
  await loadSample(page);
  const dateMark = '#result mark.ent-date';
  const bg = () => page.$eval(dateMark, (m) => getComputedStyle(m).backgroundColor);
  const label = () => page.$eval(`${dateMark} .ent-label`, (l) => getComputedStyle(l).display);
  const shown = await bg();
  assert.notEqual(shown, 'rgba(0, 0, 0, 0)');
  await page.click('#legend .chip[data-kind="date"]');
  assert.equal(await page.$eval('#legend .chip[data-kind="date"]', (c) => c.getAttribute('aria-pressed')), 'false');
  assert.equal(await bg(), 'rgba(0, 0, 0, 0)');
  assert.equal(await label(), 'none');
  // Other kinds stay.
  assert.notEqual(await page.$eval('#result mark.ent-number', (m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)');
  await page.click('#legend .chip[data-kind="date"]');
  assert.equal(await bg(), shown);
  assert.notEqual(await label(), 'none');
  await close();
});

test('marks are keyboard focusable and show their value in the side panel', async () => {
  const { page, close } = await site.open();
  await pasteAndWait(page, 'ارتفعت بنسبة ١٢٫٥٪ في عام ٢٠٢٤ إلى 53,389.7');
  await page.focus('#result mark.ent');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.kind), 'percent');
  assert.match(await page.$eval('#details', (d) => d.textContent), /12\.5%/);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.kind), 'date');
  assert.match(await page.$eval('#details', (d) => d.textContent), /2024/);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.kind), 'number');
  assert.match(await page.$eval('#details', (d) => d.textContent), /53,389\.7/);
  assert.equal(await page.$eval('#result mark.ent-number', (m) => m.title), 'عدد · 53,389.7');
  await close();
});

test('the table sorts, filters, and a row click scrolls to and focuses its mark', async () => {
  const { page, close } = await site.open({ viewport: { width: 1200, height: 700 } });
  await loadSample(page);
  const golden = JSON.parse(await fixture(`${SEED}.json`));
  const rows = () => page.$$eval('#table tbody tr', (trs) => trs.map((tr) => [tr.dataset.kind, tr.children[2].textContent]));
  assert.deepEqual(await rows(), golden.entities.map((e) => [e.kind, e.text]));
  // Filter by kind.
  await page.selectOption('#filter-kind', 'date');
  assert.deepEqual(await rows(), golden.entities.filter((e) => e.kind === 'date').map((e) => [e.kind, e.text]));
  // Sort by value, then descending (among numbers, whose values are plain numbers).
  await page.selectOption('#filter-kind', 'number');
  const numbers = golden.entities.filter((e) => e.kind === 'number');
  assert.ok(numbers.length > 3);
  await page.click('#table th button[data-sort="value"]');
  const ascending = [...numbers].sort((a, b) => a.value.value - b.value.value || a.start - b.start);
  assert.deepEqual(await rows(), ascending.map((e) => [e.kind, e.text]));
  await page.click('#table th button[data-sort="value"]');
  assert.equal(await page.$eval('#table th[aria-sort="descending"] button', (b) => b.dataset.sort), 'value');
  const firstDesc = await page.$eval('#table tbody tr', (tr) => Number(tr.dataset.start));
  assert.equal(firstDesc, [...numbers].sort((a, b) => b.value.value - a.value.value || b.start - a.start)[0].start);
  await page.selectOption('#filter-kind', '');
  // Click the last entity's row: its mark is focused and visible in the result box.
  await page.click('#table th button[data-sort="start"]');
  const last = golden.entities[golden.entities.length - 1];
  await page.click(`#table tbody tr[data-start="${last.start}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.start), String(last.start));
  const visible = await page.evaluate(() => {
    const m = document.activeElement.getBoundingClientRect();
    const box = document.getElementById('result').getBoundingClientRect();
    const inside = m.top >= box.top && m.bottom <= box.bottom && m.top >= 0 && m.bottom <= innerHeight;
    return inside || JSON.stringify({ mark: [m.top, m.bottom], box: [box.top, box.bottom], innerHeight });
  });
  assert.equal(visible, true, 'the mark is scrolled into view');
  // Text filter.
  await page.fill('#filter-text', '2024');
  const matching = await page.$$eval('#table tbody tr', (trs) => trs.map((tr) => tr.children[2].textContent + ' ' + tr.children[3].textContent));
  assert.ok(matching.length > 0);
  for (const row of matching) assert.match(row, /2024/);
  await close();
});

test('normalized text follows the preset chosen on screen', async () => {
  const { page, close } = await site.open();
  await pasteAndWait(page, 'أَعلنَ الوزيرُ في عام ٢٠٢٤ إلى');
  await page.$eval('#normalized', (t) => t.scrollIntoView());
  await page.waitForFunction(() => document.getElementById('normalized').dataset.preset === 'search');
  assert.equal(await page.$eval('#normalized', (t) => t.value), 'اعلن الوزير في عام 2024 الي');
  await page.selectOption('#preset', 'none');
  await page.waitForFunction(() => document.getElementById('normalized').dataset.preset === 'none');
  assert.equal(await page.$eval('#normalized', (t) => t.value), 'أَعلنَ الوزيرُ في عام ٢٠٢٤ إلى');
  await page.selectOption('#preset', 'display');
  await page.waitForFunction(() => document.getElementById('normalized').dataset.preset === 'display');
  const display = await page.$eval('#normalized', (t) => t.value);
  assert.ok(display.length > 0);
  await close();
});

test('exports: analysis JSON, CSV of entities, normalized text, downloaded and copied', async () => {
  const { page, context, close } = await site.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  await loadSample(page);
  const golden = JSON.parse(await fixture(`${SEED}.json`));
  const downloaded = async (kind) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"][data-action="download"]`)]);
    return { name: download.suggestedFilename(), text: await fs.readFile(await download.path(), 'utf8') };
  };
  const copied = async (kind) => {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.click(`[data-export="${kind}"][data-action="copy"]`);
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).length > 0);
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const json = await downloaded('json');
  assert.equal(json.name, 'tahlil-analysis.json');
  assert.deepEqual(JSON.parse(json.text), golden);
  assert.deepEqual(JSON.parse(await copied('json')), golden);
  const csv = await downloaded('csv');
  const lines = csv.text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
  assert.equal(lines[0], 'kind,text,value,start,end,char_start,char_end,byte_start,byte_end,value_json');
  assert.equal(lines.length, golden.entities.length + 1);
  const first = golden.entities[0];
  assert.ok(lines[1].startsWith(`${first.kind},${first.text},`));
  assert.equal((await copied('csv')).replace(/^\ufeff/, ''), csv.text.replace(/^\ufeff/, ''));
  const normalized = await downloaded('normalized');
  assert.equal(normalized.name, 'tahlil-normalized-search.txt');
  assert.equal(normalized.text, await page.$eval('#normalized', (t) => t.value));
  assert.equal(await copied('normalized'), normalized.text);
  await close();
});

test('screenshots: light, dark (system and toggle) and phone size', async () => {
  const light = await site.open({ colorScheme: 'light' });
  await loadSample(light.page);
  await light.page.focus('#result mark.ent-date');
  await screenshot(light.page, 'page-light.png');
  const lightBg = await light.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // The toggle: auto -> dark.
  await light.page.click('#theme');
  assert.equal(await light.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const toggledBg = await light.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(toggledBg, lightBg);
  await light.close();

  const dark = await site.open({ colorScheme: 'dark' });
  await loadSample(dark.page);
  const darkBg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(darkBg, toggledBg, 'system dark and toggled dark look the same');
  await screenshot(dark.page, 'page-dark.png');
  await dark.close();

  const phone = await site.open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await loadSample(phone.page);
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (overflow ${overflow}px)`);
  await screenshot(phone.page, 'page-phone.png', { fullPage: false });
  await phone.close();
});

test('every kind of the contract renders with its label and value (hand-made analysis)', async () => {
  const { page, errors, close } = await site.open();
  const kinds = await page.evaluate(async () => {
    const { renderHighlighted } = await import('./render.js');
    const { KINDS } = await import('./kinds.js');
    const { timelineChart } = await import('./charts.js');
    const values = {
      person: { title: 'الرئيس' }, organization: {}, location: { country: 'EG' }, date: { calendar: 'hijri', year: 1445, month: 9, day: 1, gregorian: '2024-03-11' },
      period: { start: { calendar: 'gregorian', year: 2020 }, end: { calendar: 'gregorian', year: 2022 } }, duration: { value: 3, unit: 'year' },
      time: { hour: 9, minute: 5 }, number: { value: 1500000 }, ordinal: { value: 3 }, percent: { value: 12.5 },
      money: { amount: 53389700000000, currency: 'VND' }, ratio: { numerator: 1, denominator: 4 }, reference: { code: '31-NQ/TU' },
      acronym: {}, url: {}, email: {}, phone: {},
    };
    let text = '';
    const entities = [];
    for (const [kind, value] of Object.entries(values)) {
      const word = `[${kind}]`;
      entities.push({ kind, text: word, start: text.length, end: text.length + word.length, value });
      text += word + ' ';
    }
    const box = document.getElementById('result');
    box.replaceChildren(renderHighlighted(text, entities));
    const timeline = timelineChart(entities);
    return {
      all: Object.keys(KINDS),
      marks: [...box.querySelectorAll('mark')].map((m) => [m.dataset.kind, m.title, m.querySelector('.ent-label').textContent]),
      years: [...timeline.querySelectorAll('g.tick')].map((g) => g.dataset.year),
      labelsWhole: [...box.querySelectorAll('.ent-label')].every((l) => l.getClientRects().length === 1),
    };
  });
  assert.deepEqual(kinds.marks.map((m) => m[0]), kinds.all);
  const title = Object.fromEntries(kinds.marks.map(([k, t]) => [k, t]));
  assert.equal(title.money, 'مال · 53,389,700,000,000 VND');
  assert.equal(title.date, 'تاريخ · 1445-09-01 AH (2024-03-11)');
  assert.equal(title.period, 'فترة · 2020 → 2022');
  assert.equal(title.time, 'وقت · 09:05');
  assert.equal(title.ratio, 'نسبة عددية · 1/4');
  assert.equal(title.location, 'مكان · EG');
  assert.equal(title.url, 'رابط');
  assert.deepEqual(kinds.years, ['2020', '2022', '2024']);
  assert.ok(kinds.labelsWhole, 'every label is drawn in one piece');
  await screenshot(page, 'page-all-kinds.png', { fullPage: false, clip: { x: 0, y: 0, width: 1200, height: 900 } });
  assert.deepEqual(errors, []);
  await close();
});

test('a broken worker is restarted, the text is kept and the user is told', async () => {
  const { page, context, errors, close } = await site.open({ serviceWorkers: 'block' });
  // Serve a worker whose analyze traps (as a wasm panic would), errors out, or answers nonsense on marker words.
  const source = await fs.readFile(path.join(WWW, 'worker.js'), 'utf8');
  let broken = source.replace(
    "import init, { analyzeJson, normalize, decodeFile, sectionEnds } from './pkg/tahlil.js';",
    `import init, { analyzeJson as realAnalyzeJson, normalize, decodeFile, sectionEnds } from './pkg/tahlil.js';
     const analyzeJson = (text, options) => {
       if (text.includes('TRAP')) throw new WebAssembly.RuntimeError('unreachable');
       // A real trap of the module: its raw export reading a string far outside its memory.
       if (text.includes('OOB')) self.__rawWasm.analyze(0xfffffff0, 64, 0);
       if (text.includes('CRASH')) setTimeout(() => { throw new Error('boom'); });
       if (text.includes('ODD')) self.postMessage({ id: -1, type: 'surprise' });
       return realAnalyzeJson(text, options);
     };`,
  );
  const initCall = "init({ module_or_path: new URL('./pkg/tahlil_bg.wasm', import.meta.url) })";
  assert.ok(broken.includes('realAnalyzeJson') && broken.includes(initCall));
  broken = broken.replace(initCall, `${initCall}.then((raw) => { self.__rawWasm = raw; })`);
  assert.notEqual(broken, source);
  await context.route('**/worker.js', (route) => route.fulfill({ body: broken, contentType: 'text/javascript' }));
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await pasteAndWait(page, 'في عام 2024');
  let restarts = 0;
  for (const marker of ['TRAP', 'OOB', 'CRASH', 'ODD']) {
    const text = `في عام 2024 ${marker}`;
    await page.fill('#text', text);
    await page.waitForFunction((n) => Number(document.body.dataset.restarts ?? 0) > n, restarts);
    restarts++;
    assert.equal(await page.$eval('#text', (t) => t.value), text, `${marker}: the text is kept`);
    assert.match(await page.$eval('#message', (m) => m.textContent), /أُعيد تشغيله/);
    // The new worker analyzes the next input. (The marker text itself may still be finishing its side views,
    // CRASH fails only after its answer: wait for this very text, not for any analysis to end.)
    await page.fill('#text', 'بنسبة 5% في عام 2023');
    await page.waitForFunction(
      (t) => window.tahlil.state.text === t && document.getElementById('status').textContent.includes('الإجمالي'),
      'بنسبة 5% في عام 2023',
    );
    assert.deepEqual(await page.$$eval('#result mark.ent', (ms) => ms.map((m) => m.dataset.kind)), ['percent', 'date']);
  }
  assert.deepEqual(errors.filter((e) => !/boom/.test(e)), []);
  await close();
});

test('a worker that cannot even load is not restarted forever', async () => {
  const { page, context, close } = await site.open({ serviceWorkers: 'block' });
  let loads = 0;
  await context.route('**/worker.js', (route) => {
    loads++;
    return route.fulfill({ body: 'this is not javascript (', contentType: 'text/javascript' });
  });
  await page.reload();
  await page.waitForFunction(() => /تعذّر تشغيل المحلّل/.test(document.getElementById('message').textContent));
  await page.fill('#text', 'في عام 2024');
  await page.waitForFunction(() => document.body.dataset.failed);
  assert.equal(await page.$eval('#text', (t) => t.value), 'في عام 2024');
  await page.waitForTimeout(500);
  assert.ok(loads <= 3, `${loads} worker loads`);
  await close();
});

test('works offline once loaded', async () => {
  const { page, context, foreign, close } = await site.open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload(); // now controlled by the service worker, which has cached the files
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && navigator.serviceWorker.controller);
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await pasteAndWait(page, 'ارتفعت بنسبة 5% في عام 2023');
  assert.deepEqual(await page.$$eval('#result mark.ent', (ms) => ms.map((m) => m.dataset.kind)), ['percent', 'date']);
  await loadSample(page);
  assert.ok((await page.$$eval('#result mark.ent', (m) => m.length)) > 5);
  await context.setOffline(false);
  assert.deepEqual(foreign, []);
  await close();
});

test('the Content-Security-Policy allows only the page itself', async () => {
  const html = await fs.readFile(path.join(WWW, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  for (const [name, sources] of Object.entries(directives)) {
    for (const s of sources) assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:'].includes(s), `${name} ${s}`);
  }
  // No file of the page names another origin to load from.
  for (const file of await fs.readdir(WWW)) {
    if (!/\.(js|html|css)$/.test(file)) continue;
    const text = await fs.readFile(path.join(WWW, file), 'utf8');
    assert.doesNotMatch(text.replace(/http:\/\/www\.w3\.org\/2000\/svg|http:\/\/schemas\.openxmlformats\.org\/[\w/.]+/g, ''), /https?:\/\//, file);
  }
});

test('render blocks: cut at line breaks (or spaces in a huge line), never inside an entity', async () => {
  const { page, close } = await site.open();
  const out = await page.evaluate(async () => {
    const { planBlocks } = await import('./render.js');
    const check = (text, entities, size) => {
      const blocks = planBlocks(text, entities, size);
      const joined = blocks.map((b) => text.slice(b.from, b.to)).join('');
      const inside = entities.some((e) => blocks.some((b) => e.start < b.to && e.end > b.to));
      const ranges = blocks.every((b) => entities.slice(b.first, b.last).every((e) => e.start >= b.from && e.end <= b.to));
      const counted = blocks.reduce((n, b) => n + b.last - b.first, 0) === entities.length;
      return { n: blocks.length, whole: joined === text, inside, ranges, counted, ends: blocks.slice(0, -1).map((b) => text[b.to - 1]) };
    };
    const lines = 'سطر أول فيه عام 2024\n'.repeat(50);
    const lineEntities = [];
    for (let i = 0; i < 50; i++) lineEntities.push({ start: i * 21 + 12, end: i * 21 + 20 });
    const oneLine = 'كلمة '.repeat(2000);
    const spanning = [{ start: 0, end: 300 }, { start: 2995, end: 3010 }];
    return { lines: check(lines, lineEntities, 100), oneLine: check(oneLine, spanning, 100) };
  });
  for (const [name, r] of Object.entries(out)) {
    assert.ok(r.n > 5, `${name}: ${r.n} blocks`);
    assert.equal(r.whole, true, name);
    assert.equal(r.inside, false, name);
    assert.equal(r.ranges, true, name);
    assert.equal(r.counted, true, name);
  }
  assert.ok(out.lines.ends.every((c) => c === '\n'));
  assert.ok(out.oneLine.ends.every((c) => c === ' '));
  await close();
});
