// Differential test: the wasm build (www/pkg, loaded in Node from its bytes) and the native CLI
// (`tahlil analyze --format jsonl`) return byte-identical JSON on a few thousand generated inputs
// (seeded PRNG, Arabic-heavy: three digit systems, month names, percent signs, currencies, emoji,
// bidi controls, diacritics, presentation forms, random code points). Needs ./scripts/build-wasm.sh
// and `cargo build --release -p tahlil-cli` (scripts/test.sh runs both first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.js';

const CLI = path.join(ROOT, 'target/release/tahlil');
const PKG = path.join(ROOT, 'www/pkg');
const COUNT = Number(process.env.DIFFERENTIAL_COUNT ?? 3000);
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261123);

const PIECES = [
  ' ', ' ', ' ', ' ', '\t', '،', '.', ':', '/', '-', '–', '(', ')', '«', '»', '%', '٪', '٫', '٬', ',', '$', '€',
  '0', '1', '2', '5', '9', '12', '٠', '١', '٢', '٣', '٥', '٩', '۰', '۱', '۴', '۹', '2024', '١٤٤٥', '۱۴۰۳', '1.5',
  '12.5', '53,389.7', '10:30', '٢٣:٥٩', '31', '29', 'فبراير', 'شباط', 'يناير', 'كانون الثاني', 'مارس', 'أبريل',
  'ديسمبر', 'رمضان', 'محرم', 'ذو الحجة', 'شوال', 'عام', 'سنة', 'هـ', 'في المائة', 'بالمئة', 'بنسبة', 'دولار',
  'ريال', 'جنيه', 'يورو', 'مليون', 'مليار', 'ألف', 'الساعة', 'صباحا', 'أمس', 'الماضي', 'من', 'إلى', 'ارتفع',
  'الأسعار', 'الحكومة', 'الرابع عشر', 'ثلاثة', '\u064b', '\u0650', '\u0651', '\u0652', 'ـ', '\u200e', '\u200f',
  '\u202b', '\u202e', '\u202c', '\u2066', '\u2069', '\u200c', '\u200d', '\ufeff', '\u00a0', '😀', '👍🏽',
  '👨‍👩‍👧', '🇸🇦', 'ﷲ', 'ﻻ', 'ﷺ', 'Ａ', '①', '\ufffd', 'DCCI', 'https://a.b/c', '34/37', '2025-2030',
  // Numbers whose JSON differs between naive Rust and JavaScript formatting (1e20 vs 100000000000000000000).
  '100000000000000000000', '12345678901234567890', '9007199254740993', '1.5', '0.000015', 'مليار مليار',
];

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random code point that is not a surrogate nor a line break (jsonl reads one document per line). */
function randomCodePoint(random) {
  const ranges = [[0x20, 0x7e], [0x600, 0x6ff], [0x750, 0x77f], [0xfb50, 0xfdff], [0xfe70, 0xfeff], [0x80, 0x2fff], [0x1f300, 0x1faff]];
  const [lo, hi] = ranges[Math.floor(random() * ranges.length)];
  const cp = lo + Math.floor(random() * (hi - lo + 1));
  return cp === 0x85 || cp === 0x2028 || cp === 0x2029 ? ' ' : String.fromCodePoint(cp);
}

function generate(random, count) {
  const inputs = ['ارتفعت بنسبة ١٢٫٥٪ عام ٢٠٢٤', 'بلغ 100000000000000000000 دولار و٠٫٠٠٠٠١٥ و12345678901234567890'];
  while (inputs.length < count) {
    const parts = Math.floor(random() * 60);
    let text = '';
    for (let i = 0; i < parts; i++) {
      text += random() < 0.85 ? PIECES[Math.floor(random() * PIECES.length)] : randomCodePoint(random);
    }
    inputs.push(text);
  }
  return inputs;
}

test(`wasm and native CLI give byte-identical JSON on ${COUNT} generated inputs`, async (t) => {
  if (!fs.existsSync(CLI) || !fs.existsSync(path.join(PKG, 'tahlil_bg.wasm'))) {
    t.skip('needs target/release/tahlil and www/pkg (cargo build --release -p tahlil-cli; ./scripts/build-wasm.sh)');
    return;
  }
  const inputs = generate(prng(SEED), COUNT);
  assert.ok(inputs.every((s) => !/[\n\r]/.test(s)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tahlil-diff-'));
  const file = path.join(dir, 'inputs.txt');
  fs.writeFileSync(file, inputs.join('\n') + '\n');
  const native = execFileSync(CLI, ['analyze', file, '--format', 'jsonl'], { maxBuffer: 1 << 30 })
    .toString('utf8')
    .split('\n');
  assert.equal(native.pop(), '');
  assert.equal(native.length, inputs.length);
  const wasm = await import(pathToFileURL(path.join(PKG, 'tahlil.js')).href);
  await wasm.default({ module_or_path: fs.readFileSync(path.join(PKG, 'tahlil_bg.wasm')) });
  let entities = 0;
  for (let i = 0; i < inputs.length; i++) {
    const json = wasm.analyzeJson(inputs[i]);
    assert.equal(json, native[i], `input ${i}: ${JSON.stringify(inputs[i])}`);
    // The object path (serde-wasm-bindgen, then JavaScript's own number formatting) agrees too.
    assert.equal(JSON.stringify(wasm.analyze(inputs[i])), native[i], `analyze() of input ${i}: ${JSON.stringify(inputs[i])}`);
    entities += JSON.parse(json).entities.length;
  }
  // The inputs exercise the recognizers, not only the empty path.
  assert.ok(entities > COUNT, `only ${entities} entities in ${COUNT} inputs`);
  fs.rmSync(dir, { recursive: true });
});
