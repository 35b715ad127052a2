// Tahlil for any page: `await Tahlil.load()` then `analyze(text, options)` and
// `normalize(text, preset)`; `Tahlil.loadWorker()` for the same API in a Web
// Worker; `Tahlil.highlight(element)` / `Tahlil.unhighlight(element)` for a
// page's own text; the <tahlil-analyzer> element (defined on import). Types:
// tahlil.d.ts. Importing this module in the worker started by loadWorker()
// makes it serve that worker instead.
import { load } from './api.js';
import { loadWorker, isTahlilWorker, serveWorker } from './worker.js';
import { highlight, unhighlight } from './highlight.js';
import { defineElement } from './element.js';
import { KINDS } from './deps.js';
import { KIND_COLORS } from './styles.js';

/** The whole API as one object (also each function as a named export). */
export const Tahlil = Object.freeze({ load, loadWorker, highlight, unhighlight, defineElement, KINDS, KIND_COLORS });

export { load, loadWorker, highlight, unhighlight, defineElement, KINDS, KIND_COLORS };
export default Tahlil;

if (isTahlilWorker()) serveWorker(globalThis);
else defineElement();
