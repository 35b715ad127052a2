// The analysis worker: loads the wasm once and answers requests from the page.
//
// Requests: {id, type: 'analyze', text, options, parallel?, whole?} (`parallel`: helper workers
// for a long text; `whole`: one call, no chunks), {id, type: 'normalize', text, preset} and
// {id, type: 'decode', bytes, name} (a file's bytes, read by the wasm readers).
// Replies to 'analyze': zero or more {id, type: 'chunk', json, offset, done, total} (the analysis JSON of
// one line-bounded chunk, in text order; its offsets are to be moved by `offset`, see chunks.js: one string
// crosses to the page, much cheaper than a structured clone of its entities), then
// {id, type: 'done', analysis, chunked: true, helpers} with `analysis.entities` empty (the page keeps what
// the chunks brought). A text analyzed in one call (short, `whole` or `json`) is answered
// {id, type: 'done', json}: the analysis JSON, which the page parses (one string crosses: in Chromium
// JSON.parse is ~3x cheaper than reading a structured clone of the same objects, and the worker neither
// parses nor clones). Replies to 'normalize': {id, type: 'done', text}; to 'decode':
// {id, type: 'done', file: {text, encoding, format}}.
// Any failure: {id, type: 'error', error}. A chunked analysis stops early (with an error reply)
// when a newer analysis is requested.
// A trap of the wasm module (a WebAssembly.RuntimeError) leaves it unusable: the worker answers
// {id, type: 'fatal', error} and the page starts a new worker.
//
// Long texts are split into the sections the core analyzes alone (over 512 KiB of UTF-8, at line
// breaks: `sectionEnds`, the same cuts as natively, so the result is byte for byte the native one); the
// chunks are analyzed by helper workers (copies of this file, each with its own wasm instance) on
// machines with two cores or more, else here, and put back together in order.
import init, { analyzeJson, normalize, decodeFile, sectionEnds } from './pkg/tahlil.js';
import { mergeStats, statsOfJson } from './chunks.js';

/**
 * A short news text that reaches every recognizer, analyzed at load. The browser first runs wasm with its
 * baseline compiler and compiles the functions that run often with its optimizing one, in the background; a
 * first real text analyzed right after load ran 2-3x slower than the next ones (bench/analysis.md, round 5,
 * "warm-up"). This text makes the hot functions be compiled before the first paste.
 */
const WARM_UP_TEXT = (
  'أعلنت وزارة المالية في الرياض يوم الأحد 2 ديسمبر 2024 أن الإيرادات بلغت 5 ملايين دولار، بزيادة بنسبة 17.5% عن العام الماضي، ' +
  'وقال الوزير محمد بن عبد الله للصحفيين الساعة 10:30 صباحًا إن الخطة تمتد خلال الفترة 2025-2030 بتكلفة ٥٣٬٣٨٩٫٧ مليار دونج. ' +
  'وحلت اللجنة 34/37 شكوى منذ 15 رمضان 1445 هـ، قبل شهرين، في المؤتمر الوطني الرابع عشر بموجب القرار رقم 12 لسنة 2020. ' +
  'للتواصل: info@example.org أو www.example.org/news أو +966 11 123 4567، وتقرير DCCI عن ثلاثة آلاف وخمسمائة مواطن.\n'
).repeat(24);

// Loading also builds the analyzer (its tables compile on first use) and warms it up, so the first paste waits
// for neither.
const ready = init({ module_or_path: new URL('./pkg/tahlil_bg.wasm', import.meta.url) }).then(() => {
  for (let i = 0; i < 3; i++) analyzeJson(WARM_UP_TEXT, {});
});

/**
 * Texts of at most this many UTF-16 units are analyzed in one call: they cannot be over the core's section
 * size (512 KiB of UTF-8; a UTF-16 unit is at most 3 bytes). Longer ones are cut at `sectionEnds`.
 */
const ONE_CALL_UP_TO = Math.floor((512 * 1024) / 3);
/**
 * Helper workers used for chunks by default: one per core, at most 4; none on a single core. They do the
 * work in parallel while this worker only hands out chunks and posts results (measured on 2 cores:
 * bench/analysis.md, "Round 7: sections").
 */
const CORES = self.navigator?.hardwareConcurrency ?? 1;
const DEFAULT_PARALLEL = CORES >= 2 ? Math.min(4, CORES) : 0;

self.onmessage = async (event) => {
  const { id, type } = event.data ?? {};
  try {
    await ready;
    if (type === 'analyze') await analyzeRequest(event.data);
    else if (type === 'normalize') self.postMessage({ id, type: 'done', text: normalize(event.data.text, event.data.preset) });
    else if (type === 'decode') self.postMessage({ id, type: 'done', file: decodeFile(new Uint8Array(event.data.bytes), event.data.name) });
    else self.postMessage({ id, type: 'error', error: `unknown request ${JSON.stringify(type)}` });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError || err instanceof HelperFailed;
    self.postMessage({ id, type: fatal ? 'fatal' : 'error', error: String(err?.message ?? err) });
  }
};

/** The id of the newest analysis asked for: an older chunked one stops at its next chunk. */
let newest = 0;

class Superseded extends Error {}
class HelperFailed extends Error {}

async function analyzeRequest({ id, text, options, parallel = DEFAULT_PARALLEL, whole = false, json = false }) {
  newest = id;
  const ends = json || whole || text.length <= ONE_CALL_UP_TO ? [text.length] : sectionEnds(text);
  if (ends.length === 1) {
    self.postMessage({ id, type: 'done', json: analyzeJson(text, options ?? {}) });
    return;
  }
  const chunks = Array.from(ends, (end, i) => text.slice(i ? ends[i - 1] : 0, end));
  const offset = { utf16: 0, chars: 0, bytes: 0 };
  const parts = [];
  let version = 1;
  // Results may come out of order from helpers; they are shifted and posted in text order.
  const results = new Array(chunks.length);
  let next = 0;
  const flush = () => {
    while (next < chunks.length && results[next]) {
      const json = results[next];
      results[next++] = true;
      const { version: v, stats } = statsOfJson(json);
      version = v;
      parts.push(stats);
      const at = { ...offset };
      offset.utf16 += stats.utf16_length;
      offset.chars += stats.characters;
      offset.bytes += stats.bytes;
      self.postMessage({ id, type: 'chunk', json, offset: at, done: offset.utf16, total: text.length });
    }
  };
  const useHelpers = parallel > 0 && typeof Worker !== 'undefined' ? Math.min(parallel, chunks.length) : 0;
  try {
    if (useHelpers) {
      await analyzeWithHelpers(id, chunks, options, useHelpers, (i, a) => {
        results[i] = a;
        flush();
      });
    } else {
      for (let i = 0; i < chunks.length; i++) {
        results[i] = analyzeJson(chunks[i], options ?? {});
        flush();
        await checkNewest(id);
      }
    }
  } catch (err) {
    if (!(err instanceof Superseded)) throw err;
    self.postMessage({ id, type: 'error', error: 'superseded by a newer analysis' });
    return;
  }
  self.postMessage({ id, type: 'done', analysis: { version, entities: [], stats: mergeStats(parts) }, chunked: true, helpers: useHelpers });
}

/** Lets newer requests in (a task boundary); throws {@link Superseded} when a newer analysis came. */
async function checkNewest(id) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (newest !== id) throw new Superseded();
}

/** Helper workers, started on first use and kept. */
const helpers = [];

/** Analyzes `chunks` on `count` helper workers, calling `onResult(index, json)` (the analysis JSON) as each finishes. */
async function analyzeWithHelpers(id, chunks, options, count, onResult) {
  while (helpers.length < count) helpers.push(new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }));
  let taken = 0;
  const run = (helper) =>
    new Promise((resolve, reject) => {
      const step = () => {
        if (newest !== id) return reject(new Superseded());
        if (taken >= chunks.length) return resolve();
        const index = taken++;
        helper.onmessage = (event) => {
          const reply = event.data;
          if (reply?.type !== 'done') return reject(new HelperFailed(`helper worker: ${reply?.error ?? reply?.type}`));
          onResult(index, reply.json);
          step();
        };
        helper.onerror = (event) => {
          event.preventDefault?.();
          reject(new HelperFailed(`helper worker: ${event.message || 'error'}`));
        };
        helper.postMessage({ id: index, type: 'analyze', text: chunks[index], options, json: true });
      };
      step();
    });
  try {
    await Promise.all(helpers.slice(0, count).map(run));
  } catch (err) {
    // A helper that failed or still works on a stale chunk is replaced by a fresh one.
    for (const h of helpers.splice(0)) h.terminate();
    throw err;
  }
}
