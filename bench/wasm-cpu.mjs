// CPU time (not wall time) of the wasm analysis in V8, under node: on the
// shared machine, wall time in Chromium (bench/browser-analyze.mjs) swings by
// 2x between runs; process CPU time does not. Same engine as Chromium, no page.
//
//   ./scripts/build-wasm.sh && node bench/wasm-cpu.mjs [PKG_DIR] [FILE] [RUNS]
//
// Defaults: www/pkg, bench/out/corpus.txt, 3 runs. Prints the best run.
// WASM_JSON_OUT=PATH also writes `analyzeJson(text)` there, to `cmp` with
// `tahlil analyze FILE --format json` (same bytes, by the contract).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.resolve(process.argv[2] ?? path.join(root, 'www/pkg'));
const file = process.argv[3] ?? path.join(root, 'bench/out/corpus.txt');
const runs = Number(process.argv[4] ?? 3);
const mod = await import(path.join(pkg, 'tahlil.js'));
mod.initSync({ module: fs.readFileSync(path.join(pkg, 'tahlil_bg.wasm')) });
const text = fs.readFileSync(file, 'utf8');
mod.analyze('', {}); // builds the analyzer
let best = Infinity;
for (let k = 0; k < runs; k++) {
  const t = process.cpuUsage();
  mod.analyze(text, {});
  const u = process.cpuUsage(t);
  best = Math.min(best, (u.user + u.system) / 1000);
}
if (process.env.WASM_JSON_OUT) fs.writeFileSync(process.env.WASM_JSON_OUT, mod.analyzeJson(text, {}));
const mb = Buffer.byteLength(text) / 1e6;
console.log(`${path.basename(file)}: best CPU ${best.toFixed(1)} ms of ${runs}, ${(mb / best * 1e3).toFixed(2)} MB/s (${pkg})`);
