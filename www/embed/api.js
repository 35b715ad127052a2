// The direct API: load the wasm module once per page (or worker), then
// analyze and normalize on the calling thread. Results are plain objects.
import { initWasm, analyze, analyzeJson, normalize, contractVersion, defaultWasmSource } from './deps.js';

const LOAD_OPTIONS = ['wasmUrl', 'wasm'];
/** The analysis options of the contract (docs/contract.md): any other name is an error. */
export const ANALYZE_OPTIONS = ['reference_date', 'kinds'];

/** A JavaScript `Error` (or `TypeError`) whose message starts with `tahlil: `. */
export function tahlilError(message, { cause, type = Error } = {}) {
  return new type(`tahlil: ${message}`, cause === undefined ? undefined : { cause });
}

/** Throws unless `options` is undefined, null or a plain object with only `allowed` keys. */
export function checkOptions(options, allowed, where) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw tahlilError(`${where}: options must be an object, not ${describe(options)}`, { type: TypeError });
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw tahlilError(`${where}: unknown option ${JSON.stringify(key)}; known: ${allowed.join(', ')}`, { type: TypeError });
    }
  }
  return options;
}

/** Throws unless `text` is a string. */
export function checkText(text, where) {
  if (typeof text !== 'string') {
    throw tahlilError(`${where}: text must be a string, not ${describe(text)}`, { type: TypeError });
  }
}

const describe = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** Resolves a URL given by the page against the page (or worker) location. */
export function absoluteUrl(url) {
  try {
    return new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href);
  } catch (cause) {
    throw tahlilError(`wasmUrl ${JSON.stringify(String(url))} is not a valid URL`, { cause, type: TypeError });
  }
}

/** Fetches the wasm module, with an error that says what to do when it is missing. */
async function fetchWasm(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw tahlilError(`could not fetch the wasm module at ${url}: ${cause?.message ?? cause}`, { cause });
  }
  if (!response.ok) {
    throw tahlilError(
      `could not load the wasm module at ${url} (HTTP ${response.status}); serve tahlil_bg.wasm beside tahlil.js, ` +
        'pass {wasmUrl}, or use the single-file build tahlil.inline.js',
    );
  }
  // Streaming compilation needs the right MIME type; otherwise compile from bytes (no console warning).
  const type = response.headers.get('content-type') ?? '';
  return type.split(';')[0].trim() === 'application/wasm' ? response : response.arrayBuffer();
}

/** What to hand to wasm-bindgen's init: bytes, a compiled module or a Response. */
async function wasmInput(options) {
  if (options.wasm !== undefined) return options.wasm;
  const source = options.wasmUrl !== undefined ? absoluteUrl(options.wasmUrl) : defaultWasmSource();
  return source instanceof URL ? fetchWasm(source) : source;
}

let exportsOfWasm = null;

/** Methods of a loaded analyzer, running on this thread. */
const directAnalyzer = Object.freeze({
  /** Analyzes `text`; returns the analysis contract as a plain object. */
  analyze(text, options) {
    checkText(text, 'analyze');
    return analyze(text, checkOptions(options, ANALYZE_OPTIONS, 'analyze'));
  },
  /** Analyzes `text`; returns the analysis as a JSON string (the CLI's bytes). */
  analyzeJson(text, options) {
    checkText(text, 'analyzeJson');
    return analyzeJson(text, checkOptions(options, ANALYZE_OPTIONS, 'analyzeJson'));
  },
  /** Normalizes `text` with a preset name or an options object (default `"search"`). */
  normalize(text, preset) {
    checkText(text, 'normalize');
    return normalize(text, preset ?? 'search');
  },
  /** Size of the wasm linear memory in bytes (a diagnostic: it must not grow with repeated calls). */
  memoryBytes() {
    return exportsOfWasm.memory.buffer.byteLength;
  },
  /** Nothing to release on this thread; present so both variants share one API. */
  close() {},
  /** False: this analyzer runs on the calling thread. */
  worker: false,
});

let loading = null;

/**
 * Loads the wasm module (once per page: later calls return the same analyzer)
 * and returns the analyzer. Options: `wasmUrl` (where the .wasm is; default:
 * beside this module) or `wasm` (its bytes, a `WebAssembly.Module` or a `Response`).
 */
export function load(options) {
  try {
    options = checkOptions(options, LOAD_OPTIONS, 'load');
  } catch (err) {
    return Promise.reject(err);
  }
  if (!loading) {
    loading = instantiate(options).catch((err) => {
      loading = null; // let the page retry, e.g. with another wasmUrl
      throw err;
    });
  }
  return loading;
}

async function instantiate(options) {
  const input = await wasmInput(options);
  try {
    exportsOfWasm = await initWasm({ module_or_path: input });
  } catch (cause) {
    throw tahlilError(`could not start the wasm module: ${cause?.message ?? cause}`, { cause });
  }
  const version = contractVersion();
  return Object.freeze({ ...directAnalyzer, contractVersion: version });
}
