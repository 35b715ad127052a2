// The worker-backed variant: the same API as load(), every method returning a
// Promise, the analysis running in a module Web Worker that runs this API's
// own entry module (the worker is recognized by its name).
import { load, checkOptions, checkText, absoluteUrl, tahlilError } from './api.js';
import { workerScriptUrl } from './deps.js';

/** The name given to Tahlil's worker, by which the entry module knows it runs as one. */
export const WORKER_NAME = 'tahlil-worker';

const WORKER_OPTIONS = ['wasmUrl', 'wasm', 'workerUrl'];
const METHODS = ['analyze', 'analyzeJson', 'normalize', 'memoryBytes'];

/** True inside a worker started by {@link loadWorker}. */
export function isTahlilWorker() {
  return typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope && globalThis.name === WORKER_NAME;
}

/** Turns a caught value into what postMessage can carry and the page can rebuild. */
const errorMessage = (err) => ({ name: err?.name === 'TypeError' ? 'TypeError' : 'Error', message: String(err?.message ?? err) });

/** Rebuilds an Error posted by the worker (its message already starts with `tahlil: `). */
const rebuildError = ({ name, message }) => (name === 'TypeError' ? new TypeError(message) : new Error(message));

/** Inside the worker: answers `init` and method calls from {@link loadWorker}. */
export function serveWorker(scope) {
  let ready = null;
  scope.onmessage = async ({ data }) => {
    if (data?.type === 'init') {
      ready = load(data.wasmUrl !== undefined ? { wasmUrl: data.wasmUrl } : data.wasm !== undefined ? { wasm: data.wasm } : {});
      try {
        const analyzer = await ready;
        scope.postMessage({ type: 'ready', contractVersion: analyzer.contractVersion });
      } catch (err) {
        scope.postMessage({ type: 'failed', error: errorMessage(err) });
      }
      return;
    }
    const { id, method, args } = data ?? {};
    try {
      if (!ready) throw tahlilError('the worker was not initialized');
      if (!METHODS.includes(method)) throw tahlilError(`unknown method ${JSON.stringify(method)}`);
      const analyzer = await ready;
      scope.postMessage({ type: 'result', id, result: analyzer[method](...args) });
    } catch (err) {
      scope.postMessage({ type: 'result', id, error: errorMessage(err) });
    }
  };
}

/**
 * Starts a worker, loads the wasm module in it and returns an analyzer with
 * the same methods as {@link load}'s, each returning a Promise. Options:
 * `wasmUrl` or `wasm` (as for load) and `workerUrl` (the script to run:
 * default this API's own module). `close()` terminates the worker.
 */
export async function loadWorker(options) {
  options = checkOptions(options, WORKER_OPTIONS, 'loadWorker');
  const scriptUrl = options.workerUrl !== undefined ? absoluteUrl(options.workerUrl) : workerScriptUrl();
  let worker;
  try {
    worker = new Worker(scriptUrl, { type: 'module', name: WORKER_NAME });
  } catch (cause) {
    throw tahlilError(`could not start a worker from ${scriptUrl}: ${cause?.message ?? cause}`, { cause });
  }
  const pending = new Map();
  let nextId = 0;
  let closedWith = null;
  const fail = (err) => {
    closedWith = err;
    for (const { reject } of pending.values()) reject(err);
    pending.clear();
  };

  const started = new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') return resolve(data.contractVersion);
      if (data.type === 'failed') return reject(rebuildError(data.error));
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.error) call.reject(rebuildError(data.error));
      else call.resolve(data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      const err = tahlilError(
        `the worker ${scriptUrl} failed${event.message ? `: ${event.message}` : ''} ` +
          "(is the script served from this page's origin, and does the page's CSP allow it as worker-src?)",
      );
      reject(err);
      fail(err);
    };
  });
  const init = { type: 'init' };
  if (options.wasm !== undefined) init.wasm = options.wasm;
  else if (options.wasmUrl !== undefined) init.wasmUrl = absoluteUrl(options.wasmUrl).href;
  worker.postMessage(init);
  let version;
  try {
    version = await started;
  } catch (err) {
    worker.terminate();
    throw err;
  }

  const call = (method, args) => {
    if (closedWith) return Promise.reject(closedWith);
    return new Promise((resolve, reject) => {
      const id = ++nextId;
      try {
        worker.postMessage({ type: 'call', id, method, args });
      } catch (cause) {
        reject(tahlilError(`${method}: the arguments cannot be sent to the worker: ${cause?.message ?? cause}`, { cause }));
        return;
      }
      pending.set(id, { resolve, reject });
    });
  };
  const guarded = (method) =>
    function (text, options) {
      try {
        checkText(text, method);
      } catch (err) {
        return Promise.reject(err);
      }
      return call(method, options === undefined ? [text] : [text, options]);
    };
  return Object.freeze({
    analyze: guarded('analyze'),
    analyzeJson: guarded('analyzeJson'),
    normalize: guarded('normalize'),
    /** Size of the worker's wasm linear memory in bytes. */
    memoryBytes: () => call('memoryBytes', []),
    /** Terminates the worker; later calls reject. */
    close() {
      if (!closedWith) {
        worker.terminate();
        fail(tahlilError('this worker analyzer was closed'));
      }
    },
    worker: true,
    contractVersion: version,
  });
}
