// Normalization throughput of the wasm build in headless Chromium, on the
// corpus made by bench/make-corpus.sh (bench/out/corpus.txt).
//
//   bench/make-corpus.sh && ./scripts/build-wasm.sh && node bench/browser-normalize.mjs [RUNS]
//
// Serves the repository root on loopback (www/pkg for the module, bench/out
// for the corpus), loads the module in a page, and times
// `normalize(text, preset)` for each preset and
// `normalizeWithMap(text, "search")`, each including passing the string into
// wasm and the result back (what a page pays), and, for calibration, the
// parts of any string crossing: UTF-8 round trip, `encodeInto`, copying the
// code units with `charCodeAt` (how `normalize` passes the string in),
// decoding UTF-8 and decoding UTF-16 (how it makes the result). Two clocks per call: the CPU time of the page's
// main thread (`ThreadTime` of the DevTools protocol's Performance metrics:
// what counts on a shared machine, where wall time measures the neighbours)
// and wall time (performance.now()). Prints the best and the median of RUNS
// runs (default 7) in MB/s of UTF-8 input.
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
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;

  // The calls, set up once in the page; each run is one evaluate.
  const setup = await page.evaluate(async () => {
    const mod = await import('/www/pkg/tahlil.js');
    await mod.default();
    const text = await (await fetch('/bench/out/corpus.txt')).text();
    const enc = new TextEncoder(), dec = new TextDecoder(), dec16 = new TextDecoder('utf-16le');
    const utf8 = enc.encode(text);
    const utf16 = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) utf16[i] = text.charCodeAt(i);
    const buffer = new Uint8Array(text.length * 3);
    const calls = {
      // Calibration: the string crossing alone, and its parts.
      'baseline: UTF-8 round trip': () => dec.decode(enc.encode(text)),
      'baseline: encodeInto': () => enc.encodeInto(text, buffer),
      // What `normalize` does to pass the string in: its code units copied as they are.
      'baseline: charCodeAt copy': () => { for (let i = 0; i < text.length; i++) utf16[i] = text.charCodeAt(i); },
      'baseline: decode UTF-8': () => dec.decode(utf8),
      'baseline: decode UTF-16': () => dec16.decode(utf16),
    };
    for (const preset of ['search', 'display', 'none']) {
      calls[`normalize ${preset}`] = () => mod.normalize(text, preset);
    }
    calls['normalizeWithMap search'] = () => mod.normalizeWithMap(text, 'search');
    self.__calls = calls;
    return { bytes: utf8.length, names: Object.keys(calls), segments: mod.normalizeWithMap(text, 'search').map.segments.length / 4 };
  });
  const rows = [];
  for (const name of setup.names) {
    const cpu = [], wall = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = await threadTime();
      const ms = await page.evaluate((n) => { const t = performance.now(); self.__calls[n](); return performance.now() - t; }, name);
      const t1 = await threadTime();
      if (i > 0) { cpu.push((t1 - t0) * 1000); wall.push(ms); } // the first run warms up
    }
    rows.push({ name, cpu: cpu.sort((a, b) => a - b), wall: wall.sort((a, b) => a - b) });
  }
  const mb = setup.bytes / 1e6;
  const rate = (ms) => (mb / (ms / 1000)).toFixed(1).padStart(6);
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  console.log(`corpus: ${setup.bytes} bytes; ${runs} runs each; UTF-16 map of the search preset: ${setup.segments} segments`);
  console.log('MB/s of UTF-8 input: CPU time of the page thread (best, median), then wall time (best, median)');
  for (const r of rows) {
    const m = r.cpu.length >> 1;
    console.log(`${r.name.padEnd(28)} cpu ${rate(r.cpu[0])} (${r.cpu[0].toFixed(1)} ms) ${rate(r.cpu[m])}   wall ${rate(r.wall[0])} (${r.wall[0].toFixed(1)} ms) ${rate(r.wall[m])}`);
  }
} finally {
  await browser.close();
  await server.close();
}
