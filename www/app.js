// The page: input (paste, type, drop, pick a file), analysis in a worker,
// highlighted result and legend.
import { KINDS } from './kinds.js';
import { renderHighlighted } from './render.js';

const $ = (id) => document.getElementById(id);
const textarea = $('text');
const result = $('result');
const legend = $('legend');
const status = $('status');

let worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 0;
const pending = new Map();
worker.onmessage = (event) => {
  const { id } = event.data;
  const resolve = pending.get(id);
  pending.delete(id);
  resolve?.(event.data);
};

function analyzeInWorker(text, options = {}) {
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, text, options });
  });
}

let latest = 0;
async function run() {
  const text = textarea.value;
  const ticket = ++latest;
  status.textContent = 'جارٍ التحليل…';
  const started = performance.now();
  const reply = await analyzeInWorker(text);
  if (ticket !== latest) return; // a newer input superseded this one
  if (reply.error) {
    status.textContent = `خطأ: ${reply.error}`;
    return;
  }
  const { analysis } = reply;
  result.replaceChildren(renderHighlighted(text, analysis.entities));
  renderLegend(analysis.stats.entities);
  const ms = Math.round(performance.now() - started);
  status.textContent = `${analysis.entities.length} كيانًا · ${ms} ms`;
  document.body.dataset.analyzed = String(ticket);
}

function renderLegend(counts) {
  legend.replaceChildren(
    ...Object.entries(counts).map(([kind, n]) => {
      const chip = document.createElement('span');
      chip.className = `chip ent-${kind}`;
      chip.dataset.kind = kind;
      chip.textContent = `${KINDS[kind]?.ar ?? kind} ${n}`;
      return chip;
    }),
  );
}

let timer;
textarea.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 150);
});

async function loadFile(file) {
  const buf = await file.arrayBuffer();
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    status.textContent = `تعذّرت قراءة الملف «${file.name}»: ليس نصًا بترميز UTF-8.`;
    return;
  }
  textarea.value = text;
  run();
}

$('file').addEventListener('change', (e) => {
  const [file] = e.target.files;
  if (file) loadFile(file);
});
for (const target of [textarea, document.body]) {
  target.addEventListener('dragover', (e) => e.preventDefault());
}
document.body.addEventListener('drop', (e) => {
  e.preventDefault();
  const [file] = e.dataTransfer?.files ?? [];
  if (file) loadFile(file);
});

if (textarea.value) run();
