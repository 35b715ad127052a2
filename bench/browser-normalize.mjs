// Normalization throughput of the wasm build in headless Chromium, on the
// corpus made by bench/make-corpus.sh (bench/out/corpus.txt).
//
//   bench/make-corpus.sh && ./scripts/build-wasm.sh && node bench/browser-normalize.mjs [RUNS]
//
// Serves the repository root on loopback (www/pkg for the module, bench/out
// for the corpus), loads the module in a page, and times, with
// performance.now(), `normalize(text, preset)` for each preset and
// `normalizeWithMap(text, "search")`. Each time includes passing the string
// into wasm and the result back (what a page pays). Prints the best and the
// median of RUNS runs (default 7) in MB/s of UTF-8 input. Wall time: on a
// shared machine the best run is the closest to the real cost.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer, launchBrowser } from '../tests/e2e/helpers.js';

const runs = Number(process.argv[2] ?? 7);
const corpus = path.join(ROOT, 'bench/out/corpus.txt');
try {
  await fs.access(corpus);
  await fs.access(path.join(ROOT, 'www/pkg/tahlil.js'));
} catch {
  console.error('browser-normalize: run bench/make-corpus.sh and ./scripts/build-wasm.sh first');
  process.exit(1);
}

const server = await startServer(ROOT);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (!m.text().includes('404')) console.log('page:', m.text()); });
  await page.goto(`${server.url}/bench/blank`); // a same-origin page (a 404 is enough)
  const results = await page.evaluate(async ({ runs }) => {
    const mod = await import('/www/pkg/tahlil.js');
    await mod.default();
    const text = await (await fetch('/bench/out/corpus.txt')).text();
    const bytes = new TextEncoder().encode(text).length;
    const time = (f) => {
      f(); // warm-up
      const t = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        f();
        t.push(performance.now() - t0);
      }
      t.sort((a, b) => a - b);
      return { best: t[0], median: t[t.length >> 1] };
    };
    const out = { bytes, rows: [] };
    // Calibration: the string crossing alone (encode to UTF-8 and back), what
    // any wasm function taking and returning the text pays at least.
    const enc = new TextEncoder(), dec = new TextDecoder();
    out.rows.push({ name: 'baseline: UTF-8 round trip', ...time(() => dec.decode(enc.encode(text))) });
    for (const preset of ['search', 'display', 'none']) {
      out.rows.push({ name: `normalize ${preset}`, ...time(() => mod.normalize(text, preset)) });
    }
    out.rows.push({ name: 'normalizeWithMap search', ...time(() => mod.normalizeWithMap(text, 'search')) });
    const m = mod.normalizeWithMap(text, 'search');
    out.segments = m.map.segments.length / 4;
    return out;
  }, { runs });
  const mb = results.bytes / 1e6;
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  console.log(`corpus: ${results.bytes} bytes; ${runs} runs each; UTF-16 map of the search preset: ${results.segments} segments`);
  for (const r of results.rows) {
    console.log(`${r.name.padEnd(26)} best ${(mb / (r.best / 1000)).toFixed(1).padStart(6)} MB/s (${r.best.toFixed(1)} ms)   median ${(mb / (r.median / 1000)).toFixed(1).padStart(6)} MB/s (${r.median.toFixed(1)} ms)`);
  }
} finally {
  await browser.close();
  await server.close();
}
