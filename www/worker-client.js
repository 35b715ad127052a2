// The page's side of the analysis worker: requests with ids, progress callbacks,
// and recovery. When the worker fails (a wasm trap, an `error` event, a reply it
// should not send), it is replaced by a new one and every pending request fails
// with a {@link WorkerRestartedError}; the page keeps its text and can retry.

/** The error of requests that were pending when the worker had to be restarted. */
export class WorkerRestartedError extends Error {}

/** Runs requests in a Web Worker built from `url`, restarting it when it breaks. */
export class AnalysisWorker {
  /** `onRestart(reason)` is called after each restart. */
  constructor(url, { onRestart = () => {} } = {}) {
    this.url = url;
    this.onRestart = onRestart;
    this.nextId = 0;
    this.pending = new Map();
    this.restarts = 0;
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
    if (data.type === 'error') request.reject(new Error(data.error));
    else request.resolve(data);
  }

  /** Throws the broken worker away, fails what it was doing, starts a fresh one. */
  restart(worker, reason) {
    if (worker !== this.worker) return;
    worker.terminate();
    this.restarts++;
    const failed = [...this.pending.values()];
    this.pending.clear();
    this.start();
    for (const request of failed) request.reject(new WorkerRestartedError(reason));
    this.onRestart(reason);
  }

  /** Sends `message` (without id); resolves with the final reply, calls `onChunk` for each chunk. */
  request(message, onChunk = () => {}) {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onChunk });
      this.worker.postMessage({ ...message, id });
    });
  }
}
