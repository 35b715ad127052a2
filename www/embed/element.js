// <tahlil-analyzer>: a text box and its highlighted analysis in a shadow root.
// Attributes: kinds (which kinds to show, separated by spaces or commas),
// preset (normalization of the text before analysis: none, display, search),
// lang (ar or en labels), reference-date, placeholder, worker (analyze in a
// worker). Emits `tahlil-result` (detail: the analysis) and `tahlil-error`
// (detail: the Error). User text is only ever inserted as text nodes.
import { load } from './api.js';
import { loadWorker } from './worker.js';
import { KINDS, describeValue } from './deps.js';
import { adoptStyles, ELEMENT_CSS } from './styles.js';

/** The element's tag name. */
export const ELEMENT_NAME = 'tahlil-analyzer';

/** Interface strings of the element, by language. */
const STRINGS = {
  ar: { input: 'النص المراد تحليله', placeholder: 'الصق نصًا عربيًا…', working: 'جارٍ التحليل…', entities: 'كيانات', error: 'خطأ' },
  en: { input: 'Text to analyze', placeholder: 'Paste Arabic text…', working: 'Analyzing…', entities: 'entities', error: 'Error' },
};

const DEBOUNCE_MS = 150;

let sharedWorker = null;

/** The worker analyzer shared by every element with the `worker` attribute. */
function workerAnalyzer() {
  if (!sharedWorker) sharedWorker = loadWorker().catch((err) => ((sharedWorker = null), Promise.reject(err)));
  return sharedWorker;
}

/** Builds the highlighted text: text nodes and <mark>s, never HTML. */
function renderText(doc, text, entities, lang) {
  const frag = doc.createDocumentFragment();
  let pos = 0;
  for (const e of entities) {
    if (e.start < pos || e.end > text.length) continue;
    if (e.start > pos) frag.append(text.slice(pos, e.start));
    const mark = doc.createElement('mark');
    mark.setAttribute('part', `mark mark-${e.kind}`);
    mark.dataset.kind = e.kind;
    const label = KINDS[e.kind]?.[lang] ?? e.kind;
    const value = describeValue(e.kind, e.value);
    mark.title = value ? `${label} · ${value}` : label;
    const tag = doc.createElement('span');
    tag.className = 'label';
    tag.setAttribute('aria-hidden', 'true');
    tag.textContent = label;
    mark.append(text.slice(e.start, e.end), tag);
    frag.append(mark);
    pos = e.end;
  }
  if (pos < text.length) frag.append(text.slice(pos));
  return frag;
}

/** Parses the `kinds` attribute: kind names separated by spaces or commas. */
const parseKinds = (value) => (value ?? '').split(/[\s,]+/).filter(Boolean);

/** Defines the element class (only where custom elements exist: not in a worker). */
function makeElementClass() {
  return class TahlilAnalyzerElement extends HTMLElement {
    static observedAttributes = ['kinds', 'preset', 'lang', 'reference-date', 'placeholder', 'worker'];

    #input;
    #status;
    #legend;
    #result;
    #timer = 0;
    #ticket = 0;
    #analysis = null;
    #initialized = false;

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      adoptStyles(root, ELEMENT_CSS);
      const doc = this.ownerDocument;
      const box = doc.createElement('div');
      box.className = 'box';
      box.setAttribute('part', 'box');
      this.#input = doc.createElement('textarea');
      this.#input.setAttribute('part', 'input');
      this.#input.dir = 'auto';
      this.#input.spellcheck = false;
      this.#status = doc.createElement('div');
      this.#status.className = 'status';
      this.#status.setAttribute('part', 'status');
      this.#status.setAttribute('role', 'status');
      this.#status.setAttribute('aria-live', 'polite');
      this.#legend = doc.createElement('div');
      this.#legend.className = 'legend';
      this.#legend.setAttribute('part', 'legend');
      this.#result = doc.createElement('div');
      this.#result.className = 'result';
      this.#result.setAttribute('part', 'result');
      this.#result.dir = 'auto';
      box.append(this.#input, this.#status, this.#legend, this.#result);
      root.append(box);
      this.#input.addEventListener('input', () => this.#schedule());
    }

    connectedCallback() {
      if (!this.#initialized) {
        this.#initialized = true;
        // Initial text: the element's own text content (shown as is until the element is defined).
        const initial = this.textContent.trim();
        if (initial && !this.#input.value) this.#input.value = initial;
      }
      this.#applyLanguage();
      if (this.#input.value) this.#schedule(0);
    }

    disconnectedCallback() {
      clearTimeout(this.#timer);
    }

    attributeChangedCallback(name) {
      if (name === 'lang' || name === 'placeholder') this.#applyLanguage();
      if (this.isConnected && this.#input.value) this.#schedule(0);
    }

    /** The text in the box. Setting it analyzes it. */
    get value() {
      return this.#input.value;
    }

    set value(text) {
      this.#input.value = String(text ?? '');
      this.#schedule(0);
    }

    /** The latest analysis shown (null before the first). */
    get analysis() {
      return this.#analysis;
    }

    /** Analyzes the current text now; resolves with its analysis (also sent as `tahlil-result`). */
    analyzeNow() {
      clearTimeout(this.#timer);
      return this.#run();
    }

    get #lang() {
      return this.getAttribute('lang') === 'en' ? 'en' : 'ar';
    }

    #applyLanguage() {
      const s = STRINGS[this.#lang];
      this.#input.placeholder = this.getAttribute('placeholder') ?? s.placeholder;
      this.#input.setAttribute('aria-label', s.input);
    }

    #schedule(delay = DEBOUNCE_MS) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#run().catch(() => {}), delay);
    }

    async #run() {
      const ticket = ++this.#ticket;
      const s = STRINGS[this.#lang];
      this.#status.textContent = s.working;
      const options = {};
      const kinds = parseKinds(this.getAttribute('kinds'));
      if (kinds.length) options.kinds = kinds;
      const date = this.getAttribute('reference-date');
      if (date) options.reference_date = date;
      const preset = this.getAttribute('preset') ?? 'none';
      try {
        const analyzer = await (this.hasAttribute('worker') ? workerAnalyzer() : load());
        const raw = this.#input.value;
        const text = preset === 'none' ? raw : await analyzer.normalize(raw, preset);
        const analysis = await analyzer.analyze(text, options);
        if (ticket !== this.#ticket) return analysis; // a newer input superseded this one
        this.#analysis = analysis;
        this.#result.replaceChildren(renderText(this.ownerDocument, text, analysis.entities, this.#lang));
        this.#legend.replaceChildren(
          ...Object.entries(analysis.stats.entities).map(([kind, n]) => {
            const chip = this.ownerDocument.createElement('span');
            chip.className = 'chip';
            chip.setAttribute('part', 'chip');
            chip.dataset.kind = kind;
            chip.textContent = `${KINDS[kind]?.[this.#lang] ?? kind} ${n}`;
            return chip;
          }),
        );
        this.#status.textContent = `${analysis.entities.length} ${s.entities}`;
        this.dispatchEvent(new CustomEvent('tahlil-result', { detail: analysis, bubbles: true, composed: true }));
        return analysis;
      } catch (err) {
        if (ticket === this.#ticket) {
          this.#status.textContent = `${s.error}: ${err?.message ?? err}`;
          this.dispatchEvent(new CustomEvent('tahlil-error', { detail: err, bubbles: true, composed: true }));
        }
        throw err;
      }
    }
  };
}

/**
 * Defines `<tahlil-analyzer>` (or `name`) in this window's custom element
 * registry, once. Returns the class, or null where there are no custom
 * elements (in a worker).
 */
export function defineElement(name = ELEMENT_NAME) {
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return null;
  const existing = customElements.get(name);
  if (existing) return existing;
  const cls = makeElementClass();
  customElements.define(name, cls);
  return cls;
}
