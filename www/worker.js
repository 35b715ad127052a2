// The analysis worker: loads the wasm once and answers requests from the page.
//
// Requests: {id, type: 'analyze', text, options} and {id, type: 'normalize', text, preset}.
// Replies to 'analyze': zero or more {id, type: 'chunk', entities, done, total} (entities of one
// line-bounded chunk, offsets already shifted to the whole text), then {id, type: 'done', analysis}
// where `analysis.entities` is empty when chunks were sent (the page keeps what it received).
// Replies to 'normalize': {id, type: 'done', text}. Any failure: {id, type: 'error', error}.
// A chunked analysis stops early (with an error reply) when a newer analysis is requested.
// A trap of the wasm module (a WebAssembly.RuntimeError) leaves it unusable: the worker answers
// {id, type: 'fatal', error} and the page starts a new worker.
import init, { analyze, normalize } from './pkg/tahlil.js';
import { splitAtLines, mergeStats, shiftEntity } from './chunks.js';

const ready = init({ module_or_path: new URL('./pkg/tahlil_bg.wasm', import.meta.url) });

/** Texts longer than this (UTF-16 units) are analyzed chunk by chunk, with progress. */
const CHUNKED_ABOVE = 512 * 1024;
/** Target size of one chunk (UTF-16 units); chunks end at a line break. */
const CHUNK_SIZE = 256 * 1024;

self.onmessage = async (event) => {
  const { id, type } = event.data ?? {};
  try {
    await ready;
    if (type === 'analyze') await analyzeRequest(event.data);
    else if (type === 'normalize') self.postMessage({ id, type: 'done', text: normalize(event.data.text, event.data.preset) });
    else self.postMessage({ id, type: 'error', error: `unknown request ${JSON.stringify(type)}` });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, type: fatal ? 'fatal' : 'error', error: String(err?.message ?? err) });
  }
};

/** The id of the newest analysis asked for: an older chunked one stops at its next chunk. */
let newest = 0;

async function analyzeRequest({ id, text, options }) {
  newest = id;
  if (text.length <= CHUNKED_ABOVE) {
    self.postMessage({ id, type: 'done', analysis: analyze(text, options ?? {}) });
    return;
  }
  const chunks = splitAtLines(text, CHUNK_SIZE);
  const offset = { utf16: 0, chars: 0, bytes: 0 };
  const parts = [];
  let version = 1;
  for (const chunk of chunks) {
    const a = analyze(chunk, options ?? {});
    version = a.version;
    const entities = a.entities.map((e) => shiftEntity(e, offset));
    parts.push(a.stats);
    offset.utf16 += a.stats.utf16_length;
    offset.chars += a.stats.characters;
    offset.bytes += a.stats.bytes;
    self.postMessage({ id, type: 'chunk', entities, done: offset.utf16, total: text.length });
    // Let newer requests in; a newer analysis makes this one moot.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (newest !== id) {
      self.postMessage({ id, type: 'error', error: 'superseded by a newer analysis' });
      return;
    }
  }
  self.postMessage({ id, type: 'done', analysis: { version, entities: [], stats: mergeStats(parts) }, chunked: true });
}
