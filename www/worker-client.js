// The page's side of the analysis worker: requests with ids, progress callbacks,
// and recovery. When the worker fails (a wasm trap, an `error` event, a reply it
// should not send), it is replaced by a new one and every pending request fails
// with a {@link WorkerRestartedError}; the page keeps its text and can retry.

/** Failed workers in a row (with no answer in between) after which no new one is started. */
const MAX_FAILURES_IN_A_ROW = 3;

/** The error of requests that were pending when the worker had to be restarted. */
export class WorkerRestartedError extends Error {}

/** Runs requests in a Web Worker built from `url`, restarting it when it breaks. */
export class AnalysisWorker {
  /** `onRestart(reason, gaveUp)` is called after each restart (`gaveUp`: no new worker was started). */
  constructor(url, { onRestart = () => {} } = {}) {
    this.url = url;
    this.onRestart = onRestart;
    this.nextId = 0;
    this.pending = new Map();
    this.restarts = 0;
    this.failuresInARow = 0;
    /** Set (to the last reason) when the worker failed too often in a row to be started again. */
    this.broken = null;
    this.start();
  }

  start() {
    const worker = new Worker(this.url, { type: 'module' });
    worker.onmessage = (event) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.restart(worker, event.message || 'worker error');
    };
    worker.onmessageerror = () => this.restart(worker, 'unreadable reply');
    this.worker = worker;
  }

  receive(worker, data) {
    if (worker !== this.worker) return;
    const request = this.pending.get(data?.id);
    if (!request || !['chunk', 'done', 'error', 'fatal'].includes(data.type)) {
      this.restart(worker, `unexpected reply ${JSON.stringify(data?.type)}`);
      return;
    }
    if (data.type === 'chunk') {
      request.onChunk(data);
      return;
    }
    if (data.type === 'fatal') {
      this.restart(worker, data.error);
      return;
    }
    this.pending.delete(data.id);
    this.failuresInARow = 0;
    if (data.type === 'error') request.reject(new Error(data.error));
    else request.resolve(data);
  }

  /**
   * Throws the broken worker away, fails what it was doing, starts a fresh one; unless workers
   * keep failing without ever answering (the module cannot load): then it gives up.
   */
  restart(worker, reason) {
    if (worker !== this.worker) return;
    worker.terminate();
    this.restarts++;
    this.failuresInARow++;
    const failed = [...this.pending.values()];
    this.pending.clear();
    if (this.failuresInARow >= MAX_FAILURES_IN_A_ROW) {
      this.broken = reason;
      this.worker = null;
    } else {
      this.start();
    }
    for (const request of failed) request.reject(new WorkerRestartedError(reason));
    this.onRestart(reason, Boolean(this.broken));
  }

  /**
   * Sends `message` (without id); resolves with the final reply, calls `onChunk` for each chunk.
   * `transfer`: buffers of the message handed over to the worker rather than copied.
   */
  request(message, onChunk = () => {}, transfer = []) {
    const id = ++this.nextId;
    if (this.broken) return Promise.reject(new Error(`the analyzer cannot start (${this.broken})`));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onChunk });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }
}
