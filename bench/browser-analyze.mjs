// Full analysis throughput of the wasm build in headless Chromium, on the
// corpus and its slices made by bench/make-corpus.sh (bench/out/corpus*.txt):
// `analyze(text, {})` called directly in the page; through the page's Web
// Worker (www/worker.js) in one `whole` request (the time includes posting the
// text and getting the analysis back as the page does: its JSON, parsed); and
// `sections`: the page's path for a long text, its sections (over 512 KiB,
// `sectionEnds`) analyzed by helper workers, one per core (at most 4), each
// section's JSON parsed here as it arrives, as the page does.
//
//   bench/make-corpus.sh && ./scripts/build-wasm.sh && node bench/browser-analyze.mjs [RUNS]
//
// Prints one tab-separated line per measurement (mode, input file, bytes,
// best ms, median ms, MB/s of the best run) after a comment line with the
// machine's load. Wall time (performance.now()): on a shared machine the best
// run is the closest to the real cost. Each input is first analyzed once
// uncounted (a warm-up); for the 10 MB input that first run is printed as its
// own row (`<mode>, first run`). The larger inputs run at most 3 times.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer, launchBrowser } from '../tests/e2e/helpers.js';

const runs = Number(process.argv[2] ?? 5);
// BENCH_SMALL=1 leaves out the 10 MB input (bench/wasm-opt-levels.sh).
const files = [['corpus-100k.txt', runs], ['corpus-1m.txt', Math.min(runs, 3)], ['corpus.txt', Math.min(runs, 3)]]
  .filter(([f]) => !(process.env.BENCH_SMALL && f === 'corpus.txt'));
try {
  for (const [f] of files) await fs.access(path.join(ROOT, 'bench/out', f));
  await fs.access(path.join(ROOT, 'www/pkg/tahlil.js'));
} catch {
  console.error('browser-analyze: run bench/make-corpus.sh and ./scripts/build-wasm.sh first');
  process.exit(1);
}

const server = await startServer(ROOT);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (!m.text().includes('404')) console.log('# page:', m.text()); });
  await page.goto(`${server.url}/bench/blank`); // a same-origin page (a 404 is enough)
  const rows = await page.evaluate(async ({ files }) => {
    const mod = await import('/www/pkg/tahlil.js');
    await mod.default();
    mod.analyze('', {}); // builds the analyzer
    const worker = new Worker('/www/worker.js', { type: 'module' });
    let next = 1;
    const viaWorker = (text, whole = true) => new Promise((resolve, reject) => {
      const id = next++;
      let entities = 0;
      worker.onmessage = (e) => {
        if (e.data.id !== id) return;
        if (e.data.type === 'done') {
          const a = e.data.analysis ?? JSON.parse(e.data.json);
          resolve({ ...a, sectionEntities: entities });
        } else if (e.data.type === 'chunk') entities += JSON.parse(e.data.json).entities.length;
        else reject(new Error(e.data.error));
      };
      worker.postMessage({ id, type: 'analyze', text, options: {}, whole });
    });
    await viaWorker(''); // waits for the worker's wasm
    const out = [];
    for (const [file, n] of files) {
      const text = await (await fetch(`/bench/out/${file}`)).text();
      const bytes = new TextEncoder().encode(text).length;
      const modes = [['direct', async (t) => mod.analyze(t, {})], ['worker', viaWorker],
        [`sections, ${navigator.hardwareConcurrency} cores`, (t) => viaWorker(t, false)]];
      for (const [mode, f] of modes) {
        // The first run of each input is a warm-up, not counted in best and median; the 10 MB input's is
        // reported on its own row (what a first long text costs: memory growth, code the engine has not
        // optimized yet for this input).
        let t0 = performance.now();
        await f(text);
        const first = performance.now() - t0;
        if (file === 'corpus.txt') out.push({ mode: `${mode}, first run`, file, bytes, best: first, median: first });
        const t = [];
        for (let i = 0; i < n; i++) {
          t0 = performance.now();
          await f(text);
          t.push(performance.now() - t0);
        }
        t.sort((a, b) => a - b);
        out.push({ mode, file, bytes, best: t[0], median: t[t.length >> 1] });
      }
    }
    worker.terminate();
    return out;
  }, { files });
  console.log(`# load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  for (const r of rows) {
    console.log([r.mode, r.file, r.bytes, r.best.toFixed(1), r.median.toFixed(1), (r.bytes / 1e6 / (r.best / 1000)).toFixed(2)].join('\t'));
  }
} finally {
  await browser.close();
  await server.close();
}
