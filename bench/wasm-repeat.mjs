// Runs the wasm analysis N times and nothing else, for counting instructions
// under callgrind (this machine has no hardware counters; bench/analysis.md,
// round 7). One analysis = (Ir at N=4 − Ir at N=0) / 4:
//
//   valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=/dev/null \
//     node --no-liftoff --no-wasm-tier-up bench/wasm-repeat.mjs PKG_DIR FILE N
//
// (--no-liftoff --no-wasm-tier-up: every function compiled by TurboFan once,
// at instantiation, so N=0 carries all the compilation.)
import fs from 'node:fs';
import path from 'node:path';

const pkg = path.resolve(process.argv[2]);
const mod = await import(path.join(pkg, 'tahlil.js'));
mod.initSync({ module: fs.readFileSync(path.join(pkg, 'tahlil_bg.wasm')) });
const text = fs.readFileSync(process.argv[3], 'utf8');
const runs = Number(process.argv[4] ?? 1);
mod.analyze('', {}); // builds the analyzer
for (let k = 0; k < runs; k++) mod.analyze(text, {});
