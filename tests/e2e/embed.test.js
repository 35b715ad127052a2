// The embed API (www/embed, and the package dist/tahlil built from it) in
// headless Chromium: load/analyze/normalize, the worker variant, errors, the
// <tahlil-analyzer> element, in-place highlight/unhighlight, the single-file
// build on a host that serves no .wasm, the demo page, and the size budget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser, fixture, screenshot, WWW, FIXTURES } from './helpers.js';
import { startEmbedServer, testPage, buildPackage, openTracked, PAGE_CSP, DIST } from './embed-helpers.js';

const BUDGET_GZIP_BYTES = 300 * 1024;
const SEEDS = (await fs.readdir(FIXTURES)).filter((f) => f.endsWith('.txt')).sort();

/** The page of the in-place highlighting test: nested inline markup, a listener, a table. */
const NESTED_BODY =
  '<article id="article">' +
  '<p id="p1">في <b id="b1">عام</b> <i>٢٠٢٤</i> ارتفع <a href="#x" id="link">الإنتاج <em>بنسبة <strong>١٢٫٥٪</strong></em></a> مقارنة بعام 2023.</p>\n' +
  '  <p id="p2">وبلغ العدد <span class="n">53,389</span><span class="n">.7</span> وحدة، و<b>2</b>٪ منها للتصدير.</p>\n' +
  '  <table><tbody><tr><td>2019</td><td>15%</td></tr></tbody></table>' +
  '<p>سطر<br>2020</p><script type="application/json">{"untouched": "2024"}</script>' +
  '<div><span class="card">2021</span><span class="card">5%</span></div>' +
  '<p>😀𝔸 👍🏽 ارتفعت بنسبة <u>١٢</u>٫٥٪</p>' +
  '</article>';

let www, dist, browser;
before(async () => {
  await buildPackage();
  www = await startEmbedServer({
    root: WWW,
    csp: PAGE_CSP,
    pages: {
      '/embed-test/blank.html': testPage({}),
      '/embed-test/nested.html': testPage({ body: NESTED_BODY, script: '/embed-test/nested.js', css: '/embed-test/nested.css' }),
      '/embed-test/nested.css': '.card { display: block; }',
      '/embed-test/nested.js':
        "document.getElementById('b1').addEventListener('click', () => { document.body.dataset.clicks = String(Number(document.body.dataset.clicks ?? 0) + 1); });",
      '/embed-test/element.html': testPage({
        body:
          '<tahlil-analyzer id="el" lang="en" kinds="percent date"></tahlil-analyzer>' +
          '<tahlil-analyzer id="w" worker kinds="percent" preset="search">نما بنسبة ١٢٫٥٪ عام ٢٠٢٤</tahlil-analyzer>',
        script: '/embed-test/element.js',
      }),
      '/embed-test/element.js':
        "import '/embed/tahlil.js';\nwindow.results = [];\ndocument.addEventListener('tahlil-result', (e) => window.results.push({ target: e.target.id, detail: e.detail }));",
    },
  });
  // The package, on a host that refuses every .wasm file.
  dist = await startEmbedServer({
    root: DIST,
    csp: PAGE_CSP,
    refuse: (p) => p.endsWith('.wasm'),
    pages: { '/blank.html': testPage({}) },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await www?.close();
  await dist?.close();
});

test('load(): analyze and normalize return plain objects equal to the golden analyses', async () => {
  const { page, errors } = await openTracked(browser, `${www.url}/embed-test/blank.html`);
  const texts = await Promise.all(SEEDS.map((s) => fixture(s)));
  const got = await page.evaluate(async (texts) => {
    const { load, Tahlil } = await import('/embed/tahlil.js');
    const tahlil = await load();
    const again = await Tahlil.load();
    const results = texts.map((t) => {
      const a = tahlil.analyze(t);
      return { a, cloned: structuredClone(a), json: tahlil.analyzeJson(t), proto: Object.getPrototypeOf(a) === Object.prototype };
    });
    return {
      same: tahlil === again,
      results,
      version: tahlil.contractVersion,
      worker: tahlil.worker,
      normalized: tahlil.normalize('إنَّ ١٢٫٥٪ مستشفى', 'search'),
      display: tahlil.normalize('إنَّ ١٢٫٥٪', 'display'),
      custom: tahlil.normalize('إنَّ ١٢٫٥٪', { preset: 'none', digits: true }),
      filtered: tahlil.analyze('ارتفع بنسبة ١٢٫٥٪ عام ٢٠٢٤', { kinds: ['percent'] }).entities.map((e) => e.kind),
    };
  }, texts);
  assert.equal(got.same, true, 'load() returns the same analyzer');
  assert.equal(got.version, 1);
  assert.equal(got.worker, false);
  for (const [i, seed] of SEEDS.entries()) {
    const golden = JSON.parse(await fixture(seed.replace(/\.txt$/, '.json')));
    const { a, cloned, json, proto } = got.results[i];
    assert.deepEqual(a, golden, `${seed}: analyze() equals the golden analysis`);
    assert.deepEqual(cloned, a, `${seed}: survives structuredClone`);
    assert.deepEqual(JSON.parse(json), a, `${seed}: analyzeJson() is the same analysis`);
    assert.equal(proto, true, `${seed}: a plain object`);
  }
  assert.equal(got.normalized, 'ان 12.5% مستشفي');
  assert.equal(got.display, 'إنَّ ١٢٫٥٪');
  assert.equal(got.custom, 'إنَّ 12٫5٪');
  assert.deepEqual(got.filtered, ['percent']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('repeated analyses leak no wasm memory', async () => {
  const { page } = await openTracked(browser, `${www.url}/embed-test/blank.html`);
  const text = await fixture(SEEDS[0]);
  const { warm, later } = await page.evaluate(async (text) => {
    const tahlil = await (await import('/embed/tahlil.js')).load();
    for (let i = 0; i < 20; i++) tahlil.analyze(text), tahlil.analyzeJson(text), tahlil.normalize(text);
    const warm = tahlil.memoryBytes();
    for (let i = 0; i < 500; i++) tahlil.analyze(text), tahlil.analyzeJson(text), tahlil.normalize(text);
    return { warm, later: tahlil.memoryBytes() };
  }, text);
  assert.equal(later, warm, `wasm memory grew from ${warm} to ${later} bytes over 500 more calls`);
  await page.close();
});

test('errors are Errors with a clear message', async () => {
  const { page } = await openTracked(browser, `${www.url}/embed-test/blank.html`);
  const got = await page.evaluate(async () => {
    const T = await import('/embed/tahlil.js');
    const caught = async (f) => {
      try {
        await f();
        return null;
      } catch (e) {
        return { isError: e instanceof Error, name: e.name, message: e.message };
      }
    };
    const missing = await caught(() => T.load({ wasmUrl: '/nowhere/tahlil_bg.wasm' }));
    const badOption = await caught(() => T.load({ wasmURL: 'x' }));
    const tahlil = await T.load(); // a failed load can be retried
    const worker = await T.loadWorker();
    const out = {
      missing,
      badOption,
      notText: await caught(() => tahlil.analyze(42)),
      unknownOption: await caught(() => tahlil.analyze('نص', { colour: 'red' })),
      badDate: await caught(() => tahlil.analyze('نص', { reference_date: '2024-02-30' })),
      badKind: await caught(() => tahlil.analyze('نص', { kinds: ['planet'] })),
      badPreset: await caught(() => tahlil.normalize('نص', 'loud')),
      workerBadDate: await caught(() => worker.analyze('نص', { reference_date: 'tomorrow' })),
      workerNotText: await caught(() => worker.normalize(null)),
      workerMissing: await caught(() => T.loadWorker({ workerUrl: '/nowhere/worker.js' })),
      workerMissingWasm: await caught(() => T.loadWorker({ wasmUrl: '/nowhere/tahlil_bg.wasm' })),
      highlightNotElement: await caught(() => T.highlight('#article')),
    };
    worker.close();
    out.closed = await caught(() => worker.analyze('نص'));
    return out;
  });
  for (const [name, e] of Object.entries(got)) {
    assert.ok(e, `${name}: threw`);
    assert.equal(e.isError, true, `${name}: an Error`);
    assert.match(e.message, /^tahlil: /, `${name}: ${e.message}`);
  }
  assert.match(got.missing.message, /HTTP 404.*wasmUrl.*tahlil\.inline\.js/);
  assert.match(got.badOption.message, /unknown option "wasmURL"/);
  assert.equal(got.notText.name, 'TypeError');
  assert.match(got.notText.message, /text must be a string, not number/);
  assert.match(got.unknownOption.message, /colour/);
  assert.match(got.badDate.message, /2024-02-30/);
  assert.match(got.badKind.message, /planet/);
  assert.match(got.badPreset.message, /unknown preset "loud"/);
  assert.match(got.workerBadDate.message, /tomorrow/);
  assert.equal(got.workerNotText.name, 'TypeError');
  assert.match(got.workerMissing.message, /worker .*nowhere\/worker\.js/);
  assert.match(got.workerMissingWasm.message, /HTTP 404/);
  assert.match(got.closed.message, /closed/);
  await page.close();
});

test('the worker variant returns the same JSON as the direct one', async () => {
  const { page, errors } = await openTracked(browser, `${www.url}/embed-test/blank.html`);
  const texts = await Promise.all(SEEDS.map((s) => fixture(s)));
  const got = await page.evaluate(async (texts) => {
    const T = await import('/embed/tahlil.js');
    const direct = await T.load();
    const worker = await T.loadWorker();
    const big = texts.join('\n').repeat(40);
    const inputs = [...texts, '😀𝔸 ارتفعت بنسبة ١٢٫٥٪ في عام ٢٠٢٤', '', big];
    const pairs = [];
    for (const t of inputs) {
      pairs.push({
        direct: direct.analyzeJson(t, { reference_date: '2024-05-01' }),
        worker: await worker.analyzeJson(t, { reference_date: '2024-05-01' }),
        directObject: direct.analyze(t),
        workerObject: await worker.analyze(t),
      });
    }
    let t0 = performance.now();
    direct.analyze(big);
    const directMs = performance.now() - t0;
    t0 = performance.now();
    await worker.analyze(big);
    const workerMs = performance.now() - t0;
    const normalized = [direct.normalize(texts[0], 'display'), await worker.normalize(texts[0], 'display')];
    const flags = [direct.worker, worker.worker, worker.contractVersion];
    worker.close();
    return { pairs, normalized, flags, bigLength: big.length, directMs, workerMs };
  }, texts);
  for (const [i, p] of got.pairs.entries()) {
    assert.equal(p.worker, p.direct, `input ${i}: worker JSON equals direct JSON`);
    assert.deepEqual(p.workerObject, p.directObject, `input ${i}: worker object equals direct object`);
  }
  assert.equal(got.normalized[0], got.normalized[1]);
  assert.deepEqual(got.flags, [false, true, 1]);
  console.log(`# ${got.bigLength} UTF-16 units: direct ${got.directMs.toFixed(0)} ms, worker ${got.workerMs.toFixed(0)} ms (incl. postMessage)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('<tahlil-analyzer> renders its analysis and emits tahlil-result', async () => {
  const { page, errors } = await openTracked(browser, `${www.url}/embed-test/element.html`);
  await page.waitForFunction(() => customElements.get('tahlil-analyzer'));
  // The second element: initial text from its content, normalized (preset="search"), analyzed in a worker.
  await page.waitForFunction(() => window.results.some((r) => r.target === 'w'));
  const fromWorker = await page.evaluate(() => {
    const r = window.results.find((r) => r.target === 'w');
    window.results = [];
    return { entities: r.detail.entities.map((e) => [e.kind, e.text]), shown: document.getElementById('w').shadowRoot.querySelector('.result').textContent };
  });
  assert.deepEqual(fromWorker.entities, [['percent', '12.5%']]);
  assert.equal(fromWorker.shown, 'نما بنسبه 12.5%نسبة عام 2024', 'the normalized text, with the label of its one mark');
  const text = 'ارتفعت الأسعار بنسبة ١٢٫٥٪ في عام ٢٠٢٤ وبلغ عدد الزوار 3,500 <img src=x onerror="window.pwned=1">';
  await page.fill('#el >> textarea', text);
  await page.waitForFunction(() => window.results.length > 0);
  const got = await page.evaluate(() => {
    const el = document.getElementById('el');
    const marks = [...el.shadowRoot.querySelectorAll('mark')].map((m) => ({
      kind: m.dataset.kind,
      text: m.firstChild.data,
      label: m.querySelector('.label').textContent,
      title: m.title,
    }));
    return {
      results: window.results,
      marks,
      imgs: el.shadowRoot.querySelectorAll('img').length,
      pwned: window.pwned ?? 0,
      shown: [...el.shadowRoot.querySelector('.result').childNodes]
        .map((n) => (n.nodeType === 3 ? n.data : n.firstChild.data))
        .join(''),
      legend: [...el.shadowRoot.querySelectorAll('.chip')].map((c) => c.textContent),
      analysisProp: el.analysis,
      placeholder: el.shadowRoot.querySelector('textarea').placeholder,
      markBackground: getComputedStyle(el.shadowRoot.querySelector('mark[data-kind="percent"]')).backgroundColor,
    };
  });
  assert.equal(got.results.length, 1, 'one event per (debounced) input');
  assert.equal(got.results[0].target, 'el');
  const analysis = got.results[0].detail;
  assert.equal(analysis.version, 1);
  assert.deepEqual(analysis, got.analysisProp);
  // kinds="percent date": the number 3,500 is filtered out.
  assert.deepEqual(analysis.entities.map((e) => [e.kind, e.text]), [['percent', '١٢٫٥٪'], ['date', 'عام ٢٠٢٤']]);
  assert.deepEqual(got.marks.map((m) => [m.kind, m.text, m.label]), [['percent', '١٢٫٥٪', 'percent'], ['date', 'عام ٢٠٢٤', 'date']]);
  assert.match(got.marks[0].title, /12\.5%/);
  assert.equal(got.shown, text, 'the result shows the whole text, as text');
  assert.equal(got.imgs, 0, 'user text is never parsed as HTML');
  assert.equal(got.pwned, 0);
  assert.deepEqual(got.legend, ['date 1', 'percent 1']);
  assert.equal(got.placeholder, 'Paste Arabic text…');
  assert.equal(got.markBackground, 'rgb(254, 202, 116)');

  // Attributes re-run the analysis: Arabic labels, a custom colour, another kind.
  await page.evaluate(() => {
    const el = document.getElementById('el');
    el.style.setProperty('--tahlil-percent', 'rgb(1, 2, 3)');
    el.setAttribute('lang', 'ar');
    el.setAttribute('kinds', 'percent');
  });
  await page.waitForFunction(() => window.results.length >= 2 && window.results.at(-1).detail.entities.length === 1);
  const again = await page.evaluate(() => {
    const mark = document.getElementById('el').shadowRoot.querySelector('mark');
    return { label: mark.querySelector('.label').textContent, bg: getComputedStyle(mark).backgroundColor };
  });
  assert.deepEqual(again, { label: 'نسبة', bg: 'rgb(1, 2, 3)' });
  // A bad attribute: a tahlil-error event with an Error, and the message in the status line.
  const failed = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById('el');
    el.addEventListener('tahlil-error', (e) => resolve({
      isError: e.detail instanceof Error,
      message: e.detail.message,
      status: el.shadowRoot.querySelector('.status').textContent,
    }), { once: true });
    el.setAttribute('kinds', 'planet');
  }));
  assert.equal(failed.isError, true);
  assert.match(failed.message, /^tahlil: .*planet/);
  assert.match(failed.status, /planet/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('highlight wraps the right text in nested markup; unhighlight restores innerHTML byte for byte', async () => {
  const { page, errors } = await openTracked(browser, `${www.url}/embed-test/nested.html`);
  const got = await page.evaluate(async () => {
    const T = await import('/embed/tahlil.js');
    const article = document.getElementById('article');
    const before = article.innerHTML;
    const nodesBefore = [];
    const walk = (n) => { for (const c of n.childNodes) { nodesBefore.push(c); walk(c); } };
    walk(article);
    const rect = (id) => JSON.stringify(document.getElementById(id).getBoundingClientRect());
    const layoutBefore = [rect('p1'), rect('p2')];
    const bold = document.getElementById('b1');
    const { analysis, text, marks } = await T.highlight(article, { lang: 'en', kinds: ['date', 'number', 'percent'] });
    const joined = analysis.entities.map((e, i) =>
      marks.filter((m) => m.dataset.tahlilEntity === String(i)).map((m) => m.textContent).join(''));
    const during = {
      joined,
      marks: marks.map((m) => ({ kind: m.dataset.tahlilKind, entity: m.dataset.tahlilEntity, parts: m.dataset.tahlilParts, text: m.textContent, parent: m.parentElement.tagName, title: m.title })),
      sameBold: document.getElementById('b1') === bold,
      layout: [rect('p1'), rect('p2')],
      background: getComputedStyle(marks[0]).backgroundColor,
      scriptMarks: article.querySelectorAll('script mark').length,
    };
    bold.click();
    const again = await T.highlight(article, { kinds: ['percent'] }); // re-highlighting replaces the first
    const percentOnly = again.marks.map((m) => m.textContent);
    const worker = await T.loadWorker();
    const viaWorker = await T.highlight(article, { analyzer: worker, kinds: ['percent'] });
    const sameViaWorker = JSON.stringify(viaWorker.analysis) === JSON.stringify(again.analysis) &&
      viaWorker.marks.map((m) => m.outerHTML).join() === again.marks.map((m) => m.outerHTML).join();
    worker.close();
    const restored = T.unhighlight(article);
    const nodesAfter = [];
    const walk2 = (n) => { for (const c of n.childNodes) { nodesAfter.push(c); walk2(c); } };
    walk2(article);
    return {
      text,
      entities: analysis.entities.map((e) => [e.kind, e.text]),
      during,
      percentOnly,
      sameViaWorker,
      restored,
      secondTime: T.unhighlight(article),
      before,
      after: article.innerHTML,
      sameNodes: nodesBefore.length === nodesAfter.length && nodesBefore.every((n, i) => n === nodesAfter[i]),
      layoutBefore,
      clicks: document.body.dataset.clicks,
    };
  });
  assert.equal(
    got.text,
    'في عام ٢٠٢٤ ارتفع الإنتاج بنسبة ١٢٫٥٪ مقارنة بعام 2023.\n\n  \nوبلغ العدد 53,389.7 وحدة، و2٪ منها للتصدير.\n\n  \n2019\n15%\nسطر\n2020\n2021\n5%\n😀𝔸 👍🏽 ارتفعت بنسبة ١٢٫٥٪',
    'blocks are separated; scripts are not read',
  );
  // Each entity's marks, joined, are its text, at its place in the analyzed text.
  assert.deepEqual(got.during.joined, got.entities.map(([, t]) => t));
  for (const [kind, t] of [['date', 'عام ٢٠٢٤'], ['percent', '١٢٫٥٪'], ['number', '53,389.7'], ['percent', '2٪'], ['number', '2019'], ['percent', '15%']]) {
    assert.ok(got.entities.some(([k, e]) => k === kind && e === t), `${kind} ${t} found`);
  }
  // The entities the page has today (numbers, percentages, years), each wrapped exactly.
  const marks = got.during.marks;
  const date2024 = marks.filter((m) => m.kind === 'date' && m.entity === marks[0].entity);
  assert.deepEqual(date2024.map((m) => [m.text, m.parent, m.parts]), [['عام', 'B', '3'], [' ', 'P', '3'], ['٢٠٢٤', 'I', '3']],
    'one entity across <b>, a text node and <i>: three marks linked by data-tahlil-entity');
  const byText = (t) => marks.filter((m) => m.text === t);
  assert.deepEqual(byText('١٢٫٥٪').map((m) => [m.kind, m.parent, m.parts]), [['percent', 'STRONG', undefined]]);
  const split = marks.filter((m) => m.kind === 'number' && m.parts === '2');
  assert.deepEqual(split.map((m) => [m.text, m.parent]), [['53,389', 'SPAN'], ['.7', 'SPAN']], 'a number split across two spans');
  assert.deepEqual(byText('2').map((m) => [m.kind, m.parent]), [['percent', 'B']]);
  assert.deepEqual(byText('٪').map((m) => [m.kind, m.parent]), [['percent', 'P']]);
  assert.deepEqual(byText('2019').map((m) => m.parent), ['TD'], 'table cells are not joined into one number');
  assert.deepEqual(byText('15%').map((m) => m.parent), ['TD']);
  assert.deepEqual(byText('2020').map((m) => m.parent), ['P'], 'text after <br> is its own run');
  assert.deepEqual(byText('2021').map((m) => m.parent), ['SPAN'], 'spans made blocks by CSS are not joined');
  assert.match(date2024[0].title, /^date · 2024/);
  assert.equal(got.during.scriptMarks, 0);
  assert.equal(got.during.sameBold, true, 'elements are kept, not re-created');
  assert.deepEqual(got.during.layout, got.layoutBefore, 'the paragraphs keep their size and place');
  assert.equal(got.during.background, 'rgb(191, 225, 217)', 'the stylesheet applies under the page CSP');
  assert.equal(got.clicks, '1', 'the listener on <b> still fires');
  assert.deepEqual(got.percentOnly, ['١٢٫٥٪', '2', '٪', '15%', '5%', '١٢', '٫٥٪'], 'offsets hold after astral characters');
  assert.equal(got.sameViaWorker, true, 'highlight with a worker analyzer gives the same marks');
  assert.equal(got.restored, true);
  assert.equal(got.secondTime, false);
  assert.equal(got.after, got.before, 'innerHTML restored byte for byte');
  assert.equal(got.sameNodes, true, 'the very same nodes, in the same structure');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the single-file build works from a host that serves no .wasm', async () => {
  const { page, errors } = await openTracked(browser, `${dist.url}/blank.html`);
  const text = await fixture(SEEDS[1]);
  const golden = JSON.parse(await fixture(SEEDS[1].replace(/\.txt$/, '.json')));
  const got = await page.evaluate(async (text) => {
    let fileBuildError = null;
    try {
      await (await import('/tahlil.js')).load();
    } catch (e) {
      fileBuildError = { isError: e instanceof Error, message: e.message };
    }
    const T = await import('/tahlil.inline.js');
    const tahlil = await T.load();
    const worker = await T.loadWorker();
    const out = {
      fileBuildError,
      analysis: tahlil.analyze(text),
      workerJson: await worker.analyzeJson(text),
      directJson: tahlil.analyzeJson(text),
      element: typeof customElements.get('tahlil-analyzer'),
    };
    worker.close();
    return out;
  }, text);
  assert.equal(got.fileBuildError?.isError, true, 'the file build fails there, with an Error');
  assert.match(got.fileBuildError.message, /HTTP 404.*tahlil\.inline\.js/);
  assert.deepEqual(got.analysis, golden);
  assert.equal(got.workerJson, got.directJson, 'its worker (the inline file itself) works too');
  assert.equal(got.element, 'function');
  assert.ok(dist.requests.some((p) => p.endsWith('.wasm')), 'the file build did ask for the .wasm');
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});

test('the package build: the bundled tahlil.js loads its wasm from beside itself', async () => {
  const server = await startEmbedServer({ root: DIST, csp: PAGE_CSP, pages: { '/blank.html': testPage({}) } });
  try {
    const { page, errors } = await openTracked(browser, `${server.url}/blank.html`);
    const got = await page.evaluate(async () => {
      const T = await import('/tahlil.js');
      const tahlil = await T.load();
      const worker = await T.loadWorker();
      const text = 'ارتفعت بنسبة ١٢٫٥٪ عام ٢٠٢٤';
      const out = [tahlil.analyzeJson(text), await worker.analyzeJson(text)];
      worker.close();
      return out;
    });
    assert.equal(got[0], got[1]);
    assert.match(got[0], /"percent"/);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await server.close();
  }
  // An explicit wasmUrl, served under another name and without the wasm MIME type.
  const moved = await startEmbedServer({
    root: DIST,
    refuse: (p) => p.endsWith('.wasm'),
    pages: { '/blank.html': testPage({}), '/assets/engine.bin': await fs.readFile(path.join(DIST, 'tahlil_bg.wasm')) },
  });
  try {
    const { page, errors } = await openTracked(browser, `${moved.url}/blank.html`);
    const got = await page.evaluate(async () => {
      const T = await import('/tahlil.js');
      const tahlil = await T.load({ wasmUrl: 'assets/engine.bin' });
      const worker = await T.loadWorker({ wasmUrl: new URL('/assets/engine.bin', location.href) });
      const out = [tahlil.analyzeJson('١٢٪'), await worker.analyzeJson('١٢٪')];
      worker.close();
      return out;
    });
    assert.equal(got[0], got[1]);
    assert.match(got[0], /"percent"/);
    assert.deepEqual(errors, []);
    assert.equal(moved.requests.filter((p) => p === '/assets/engine.bin').length, 2, 'page and worker fetched the given URL');
    await page.close();
    // The wasm given as bytes (direct) and as a compiled WebAssembly.Module (worker).
    const second = await openTracked(browser, `${moved.url}/blank.html`);
    const given = await second.page.evaluate(async () => {
      const bytes = new Uint8Array(await (await fetch('/assets/engine.bin')).arrayBuffer());
      const T = await import('/tahlil.js');
      const tahlil = await T.load({ wasm: bytes });
      const worker = await T.loadWorker({ wasm: await WebAssembly.compile(bytes) });
      const out = [tahlil.analyzeJson('عام ٢٠٢٤'), await worker.analyzeJson('عام ٢٠٢٤')];
      worker.close();
      return out;
    });
    assert.equal(given[0], given[1]);
    assert.match(given[0], /"date"/);
    assert.deepEqual(second.errors, []);
    await second.page.close();
  } finally {
    await moved.close();
  }
  const pkg = JSON.parse(await fs.readFile(path.join(DIST, 'package.json'), 'utf8'));
  const targets = [pkg.main, pkg.types, ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))];
  for (const t of targets) await fs.access(path.join(DIST, t));
  for (const f of pkg.files) await fs.access(path.join(DIST, f));
  const readme = await fs.readFile(path.join(DIST, 'README.md'), 'utf8');
  assert.match(readme, /tahlil\.inline\.js/);
});

test('tahlil.d.ts matches the contract schema (kinds, stats, value fields)', async () => {
  const dts = await fs.readFile(path.join(WWW, 'embed/tahlil.d.ts'), 'utf8');
  const schema = JSON.parse(await fs.readFile(path.join(WWW, '../schema/analysis.schema.json'), 'utf8'));
  const union = dts.match(/export type EntityKind =([^;]*);/)[1].match(/'([a-z_]+)'/g).map((k) => k.slice(1, -1));
  assert.deepEqual(union, schema.$defs.entity.properties.kind.enum);
  const block = (name) => dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`))[1];
  const fields = (body) => [...body.matchAll(/^\s*(?:\/\*\*.*\*\/\s*)?([a-z_0-9]+)\??:/gm)].map((m) => m[1]);
  assert.deepEqual(fields(block('Stats')).sort(), Object.keys(schema.$defs.stats.properties).sort());
  assert.deepEqual(fields(block('DateValue')).sort(), Object.keys(schema.$defs.date.properties).sort());
  assert.deepEqual(fields(block('AnalyzeOptions')).sort(), ['kinds', 'reference_date']);
  const entityFields = fields(block('EntityOf<K extends EntityKind>'));
  assert.deepEqual(entityFields.sort(), Object.keys(schema.$defs.entity.properties).sort());
});

test('size budget: tahlil_bg.wasm + tahlil.js at most 300 KB gzipped', async () => {
  const gz = async (name) => zlib.gzipSync(await fs.readFile(path.join(DIST, name)), { level: 9 }).length;
  const wasm = await gz('tahlil_bg.wasm');
  const js = await gz('tahlil.js');
  const inline = await gz('tahlil.inline.js');
  console.log(`# gzipped: wasm ${wasm} + js ${js} = ${wasm + js} bytes (budget ${BUDGET_GZIP_BYTES}); single file ${inline}`);
  assert.ok(wasm + js <= BUDGET_GZIP_BYTES, `wasm + JS is ${wasm + js} bytes gzipped, over ${BUDGET_GZIP_BYTES}`);
});

test('the demo page embeds the element and highlights its article in place, under the CSP', async () => {
  const { page, errors } = await openTracked(browser, `${www.url}/embed/demo.html`, { width: 1280, height: 1000 });
  await page.waitForFunction(() => document.body.dataset.highlighted === 'true' && document.body.dataset.analyzed === 'true');
  const got = await page.evaluate(() => ({
    marks: document.querySelectorAll('article mark.tahlil-mark').length,
    element: document.querySelector('tahlil-analyzer').shadowRoot.querySelectorAll('mark').length,
    snippet: document.querySelector('#snippet').textContent,
    snippetElements: document.querySelector('#snippet').children.length,
  }));
  assert.ok(got.marks >= 5, `article marks: ${got.marks}`);
  assert.ok(got.element >= 2, `element marks: ${got.element}`);
  assert.match(got.snippet, /<tahlil-analyzer/);
  assert.match(got.snippet, /highlight\(/);
  assert.equal(got.snippetElements, 0, 'the snippet is shown as text');
  await screenshot(page, 'embed-demo.png');
  // The toggle restores the article as the server sent it.
  await page.click('#toggle');
  await page.waitForFunction(() => document.body.dataset.highlighted === 'false');
  const restored = await page.evaluate(async () => {
    const sent = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    return { html: sent.querySelector('article').innerHTML, now: document.querySelector('article').innerHTML };
  });
  assert.equal(restored.now, restored.html, 'the toggle restores the article byte for byte');
  assert.deepEqual(errors, []);
  await page.close();
});
