// The page: input (paste, type, drop or pick files), analysis in a worker,
// the highlighted text with legend, details, statistics, charts, a table of
// entities, the normalized text and exports. User text is only ever set as
// text (textContent, value), never parsed as HTML into the page.
import { KINDS, describeValue } from './kinds.js';
import { HighlightView } from './render.js';
import { AnalysisWorker, WorkerRestartedError } from './worker-client.js';
import { readFile, UnreadableFileError, ACCEPTED } from './files.js';
import { kindsChart, timelineChart } from './charts.js';
import { analysisJson, entitiesCsv, download, copyText } from './export.js';
import { entitiesOfChunk } from './chunks.js';

const $ = (id) => document.getElementById(id);
const textarea = $('text');
const result = $('result');
const statusLine = $('status');
const progress = $('progress');
const message = $('message');
const largeNote = $('large-note');

/** Files longer than this (UTF-16 units) are not put in the text box (slow to lay out and edit); they are shown below only. */
const EDITABLE_LIMIT = 300_000;
/** Pastes longer than this (UTF-16 units) are put in the text box directly, not by the browser's slower editing command. */
const NATIVE_PASTE_LIMIT = 20_000;
/** Table rows added per "show more". */
const TABLE_PAGE = 100;
/** Typing pause before analysis, in milliseconds (pasting analyzes at once). */
const DEBOUNCE_MS = 150;
/** Normalized text shown in its box at most (the export has all of it). */
const NORMALIZED_SHOWN = 50_000;
/** Texts up to this length get their normalized text at once; longer ones when its box comes on screen. */
const NORMALIZED_EAGER = 20_000;

const state = {
  text: '',
  analysis: null,
  docs: [], // files read: {name, encoding, format, text, size}
  active: -1, // index in docs of the document shown, -1 for typed text
  hidden: new Set(),
  sort: { key: 'start', dir: 1 },
  tableLimit: TABLE_PAGE,
  normalized: null, // {preset, source, text}: state.text normalized
  parallel: undefined, // helper workers for long texts (undefined: the worker decides)
};

const worker = new AnalysisWorker(new URL('./worker.js', import.meta.url), {
  onRestart: (reason, gaveUp) => {
    showMessage(
      gaveUp
        ? `تعذّر تشغيل المحلّل (${reason}). نصك محفوظ كما هو؛ أعد تحميل الصفحة.`
        : `توقّف المحلّل بسبب خطأ داخلي فأُعيد تشغيله. نصك محفوظ كما هو؛ عدّله أو أعد المحاولة. (${reason})`,
    );
    document.body.dataset.restarts = String(worker.restarts);
  },
});
const view = new HighlightView(result);
// Tests and the benchmark read these; nothing else uses them.
window.tahlil = { state, worker, view };

/** Resolves in a later task when the page is idle (after painting and handling input), at most 100 ms later. */
const idleTask = () =>
  new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve, { timeout: 100 }) : setTimeout(resolve, 0)));

function showMessage(text) {
  message.textContent = text;
  message.hidden = !text;
}

// ---------------------------------------------------------------- analysis

let latest = 0;
/**
 * Analyzes `text` in the worker and draws everything; a newer call supersedes an older one.
 * `onHighlighted` is called (at most once: make it idempotent) after the highlights are painted, or when the
 * analysis fails or is superseded.
 */
async function analyze(text, { onHighlighted } = {}) {
  try {
    await analyzeAndDraw(text, onHighlighted);
  } finally {
    onHighlighted?.(); // once the highlights are painted, or when they never will be (an error, a newer text)
  }
}

async function analyzeAndDraw(text, onHighlighted) {
  const ticket = ++latest;
  requested = text;
  const started = performance.now();
  statusLine.textContent = 'جارٍ التحليل…';
  const chunks = [];
  let reply;
  try {
    const request = { type: 'analyze', text, options: {} };
    if (state.parallel !== undefined) request.parallel = state.parallel; // tests only; the worker picks by core count
    reply = await worker.request(request, (chunk) => {
      if (ticket !== latest) return;
      chunks.push(entitiesOfChunk(chunk.json, chunk.offset));
      progress.hidden = false;
      progress.max = chunk.total;
      progress.value = chunk.done;
      statusLine.textContent = `جارٍ التحليل… ${Math.floor((100 * chunk.done) / chunk.total)}٪`;
      document.body.dataset.progress = String(chunk.done / chunk.total);
    });
  } catch (err) {
    if (ticket !== latest) return;
    progress.hidden = true;
    statusLine.textContent = err instanceof WorkerRestartedError ? 'أُعيد تشغيل المحلّل.' : `خطأ: ${err.message}`;
    document.body.dataset.failed = String(ticket);
    return;
  }
  if (ticket !== latest) return;
  document.body.dataset.helpers = String(reply.helpers ?? 0);
  const analysis = reply.chunked ? { ...reply.analysis, entities: chunks.flat() } : JSON.parse(reply.json);
  const analyzedMs = performance.now() - started;
  state.text = text;
  state.analysis = analysis;
  state.normalized = null;
  state.tableLimit = TABLE_PAGE;
  statusLine.textContent = `جارٍ العرض… ${analysis.entities.length} كيانًا`;
  renderLegend(analysis.stats.entities);
  // The first screens of highlights are drawn now; the rest of a long text when scrolled near or in idle time.
  view.show(text, analysis.entities).then((complete) => {
    if (complete && ticket === latest) document.body.dataset.complete = String(ticket);
  });
  document.body.dataset.highlighted = String(ticket);
  progress.hidden = true;
  // The side views after the highlights, each in its own idle task so that the page keeps answering in between.
  for (const step of [() => onHighlighted?.(), () => renderStats(analysis.stats), () => renderCharts(analysis), () => (renderFilterOptions(analysis.stats.entities), renderTable())]) {
    await idleTask();
    if (ticket !== latest) return;
    step();
  }
  if (normalizedVisible || text.length <= NORMALIZED_EAGER) refreshNormalized();
  else {
    normalizedBox.value = '';
    normalizedBox.dataset.preset = '';
  }
  const ms = Math.round(performance.now() - started);
  statusLine.textContent = `${analysis.entities.length} كيانًا · التحليل ${Math.round(analyzedMs)} ms · الإجمالي ${ms} ms`;
  performance.mark(`tahlil-drawn-${ticket}`);
  document.body.dataset.analyzed = String(ticket);
}

// ---------------------------------------------------------------- input

let timer;
/** The text of the latest analysis asked for (a paste starts it before the text box has the text). */
let requested = null;
textarea.addEventListener('input', (event) => {
  clearTimeout(timer);
  if (state.active >= 0) state.docs[state.active].text = textarea.value;
  showMessage('');
  if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') {
    if (textarea.value !== requested) analyze(textarea.value);
  } else timer = setTimeout(() => analyze(textarea.value), DEBOUNCE_MS);
});

// A paste is analyzed at once, while the browser puts the text in the box. A long paste is put in the box
// by the page after its highlights (the browser's editing command takes hundreds of milliseconds for it, but
// keeps undo: short pastes keep it); a text too long to edit is not put in the box at all, like a large file.
/** Puts a long paste waiting for its highlights into the text box now (null: none waits). */
let landPaste = null;
textarea.addEventListener('paste', (event) => {
  landPaste?.();
  const pasted = event.clipboardData?.getData('text/plain')?.replace(/\r\n?/g, '\n'); // the box holds line feeds only
  if (!pasted) return;
  const { selectionStart, selectionEnd } = textarea;
  const text = textarea.value.slice(0, selectionStart) + pasted + textarea.value.slice(selectionEnd);
  clearTimeout(timer);
  showMessage('');
  if (pasted.length <= NATIVE_PASTE_LIMIT) {
    analyze(text);
    return;
  }
  if (text.length <= EDITABLE_LIMIT) {
    // The box gets the text after the highlights are painted (laying out a long text there takes as long as
    // the analysis); until then it takes no typing, so that nothing typed is lost.
    event.preventDefault();
    textarea.readOnly = true;
    const land = () => {
      if (landPaste !== land) return;
      landPaste = null;
      textarea.setRangeText(pasted, selectionStart, selectionEnd, 'end');
      textarea.readOnly = false;
      if (state.active >= 0) state.docs[state.active].text = text;
    };
    landPaste = land;
    analyze(text, { onHighlighted: land });
    return;
  }
  event.preventDefault();
  if (state.active >= 0) {
    state.active = -1;
    renderFiles();
  }
  setInput(text, 'النص الملصوق');
});

/** Shows `text` as the current input: in the text box when it is small enough to edit, then analyzes it. */
function setInput(text, label = '') {
  clearTimeout(timer);
  // A long paste still waiting for its highlights is replaced, not put in the box later.
  landPaste = null;
  textarea.readOnly = false;
  if (text.length <= EDITABLE_LIMIT) {
    textarea.value = text;
    textarea.hidden = false;
    largeNote.hidden = true;
  } else {
    textarea.value = '';
    textarea.hidden = true;
    largeNote.hidden = false;
    largeNote.textContent = `«${label}» كبير (${formatSize(text.length)} حرف) فلا يُعرض في مربع التحرير؛ يظهر محلَّلًا أدناه. اكتب أو الصق نصًا لتحليله بدلًا منه.`;
  }
  return analyze(text);
}

largeNote.addEventListener('click', () => {
  // What is typed now is a new text; the large file stays in the list, one click away.
  state.active = -1;
  renderFiles();
  largeNote.hidden = true;
  textarea.hidden = false;
  textarea.focus();
});

$('sample').addEventListener('click', async () => {
  const response = await fetch(new URL('./samples/sample-ar.txt', import.meta.url));
  state.active = -1;
  renderFiles();
  setInput(await response.text());
});

// ---------------------------------------------------------------- files

const fileInput = $('file');
fileInput.accept = ACCEPTED;
fileInput.addEventListener('change', () => {
  loadFiles([...fileInput.files]);
  fileInput.value = '';
});

const dropzone = $('dropzone');
// Files dropped anywhere on the page are read; dragged text keeps the browser's own handling.
const carriesFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
document.addEventListener('dragover', (e) => {
  if (!carriesFiles(e)) return;
  e.preventDefault();
  dropzone.classList.add('dragging');
});
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) dropzone.classList.remove('dragging');
});
document.addEventListener('drop', (e) => {
  if (!carriesFiles(e)) return;
  e.preventDefault();
  dropzone.classList.remove('dragging');
  const files = [...(e.dataTransfer?.files ?? [])];
  if (files.length) loadFiles(files);
});

/** Reads files; the readable ones join the list (the first becomes the input), the others get a message. */
async function loadFiles(files) {
  const problems = [];
  let first = -1;
  statusLine.textContent = 'جارٍ قراءة الملفات…';
  for (const file of files) {
    try {
      // The file's bytes are handed to the worker, not copied (readFile does not use them after).
      const decode = (bytes, name) => worker.request({ type: 'decode', bytes, name }, undefined, [bytes.buffer]).then((r) => r.file);
      const doc = await readFile(file, decode);
      doc.size = file.size;
      state.docs.push(doc);
      if (first < 0) first = state.docs.length - 1;
    } catch (err) {
      problems.push(err instanceof UnreadableFileError ? err.message : `تعذّرت قراءة «${file.name}»: ${err.message}`);
    }
  }
  showMessage(problems.join('\n'));
  document.body.dataset.fileMessages = String(problems.length);
  if (first >= 0) selectDoc(first);
  else {
    statusLine.textContent = 'لم يُقرأ أي ملف؛ بقي النص كما كان.';
    renderFiles();
  }
}

function selectDoc(index) {
  state.active = index;
  renderFiles();
  const doc = state.docs[index];
  setInput(doc.text, doc.name);
}

function renderFiles() {
  const list = $('files');
  list.replaceChildren(
    ...state.docs.map((doc, i) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'file';
      if (i === state.active) button.setAttribute('aria-current', 'true');
      const name = document.createElement('bdi');
      name.textContent = doc.name;
      const meta = document.createElement('span');
      meta.className = 'file-meta';
      meta.dataset.encoding = doc.encoding;
      meta.textContent = `${doc.encoding} · ${formatSize(doc.size)}B`;
      button.append(name, meta);
      button.addEventListener('click', () => selectDoc(i));
      li.append(button);
      return li;
    }),
  );
}

function formatSize(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} M`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} K`;
  return `${n} `;
}

// ---------------------------------------------------------------- legend, details

function renderLegend(counts) {
  const legend = $('legend');
  const kinds = Object.keys(KINDS).filter((k) => counts[k]);
  for (const k of Object.keys(counts)) if (!KINDS[k]) kinds.push(k);
  legend.replaceChildren(
    ...kinds.map((kind) => {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = `chip ent-${kind}`;
      chip.dataset.kind = kind;
      chip.setAttribute('aria-pressed', String(!state.hidden.has(kind)));
      chip.title = `${KINDS[kind]?.en ?? kind}: إظهار أو إخفاء`;
      const label = document.createElement('span');
      label.textContent = KINDS[kind]?.ar ?? kind;
      const count = document.createElement('span');
      count.className = 'chip-count';
      count.textContent = String(counts[kind]);
      chip.append(label, count);
      chip.addEventListener('click', () => toggleKind(kind, chip));
      return chip;
    }),
  );
}

function toggleKind(kind, chip) {
  const hide = !state.hidden.has(kind);
  if (hide) state.hidden.add(kind);
  else state.hidden.delete(kind);
  result.classList.toggle(`hide-${kind}`, hide);
  chip.setAttribute('aria-pressed', String(!hide));
}

/** The entity starting at UTF-16 offset `start` (binary search over the sorted entities). */
function entityAt(start) {
  const list = state.analysis?.entities ?? [];
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start === start) return list[mid];
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

function showDetails(mark) {
  const e = entityAt(Number(mark.dataset.start));
  if (!e) return;
  const box = $('details');
  const head = document.createElement('p');
  const chip = document.createElement('span');
  chip.className = `chip ent-${e.kind}`;
  chip.textContent = `${KINDS[e.kind]?.ar ?? e.kind} · ${KINDS[e.kind]?.en ?? e.kind}`;
  head.append(chip);
  const text = document.createElement('p');
  text.className = 'detail-text';
  text.dir = 'auto';
  text.textContent = e.text;
  const value = document.createElement('p');
  value.className = 'detail-value';
  value.dir = 'ltr';
  value.textContent = describeValue(e.kind, e.value) || '—';
  const json = document.createElement('code');
  json.className = 'detail-json';
  json.dir = 'ltr';
  json.textContent = JSON.stringify(e.value);
  const where = document.createElement('p');
  where.className = 'muted';
  where.textContent = `الموضع ${e.start}–${e.end}`;
  box.replaceChildren(head, text, value, json, where);
}

result.addEventListener('focusin', (e) => {
  const mark = e.target.closest?.('mark.ent');
  if (mark) showDetails(mark);
});
result.addEventListener('mouseover', (e) => {
  const mark = e.target.closest?.('mark.ent');
  if (mark) showDetails(mark);
});
result.addEventListener('keydown', (e) => {
  // Arrow keys move between marks (in reading order, into blocks not drawn yet); Tab works as usual.
  const mark = e.target.closest?.('mark.ent');
  if (!mark || !['ArrowLeft', 'ArrowRight', 'ArrowDown', 'ArrowUp'].includes(e.key)) return;
  const next = view.adjacentMark(mark, e.key === 'ArrowLeft' || e.key === 'ArrowDown');
  if (next) {
    e.preventDefault();
    next.focus();
  }
});

// ---------------------------------------------------------------- stats, charts

function renderStats(s) {
  const pct = (x) => `${(x * 100).toLocaleString('ar-EG', { maximumFractionDigits: 1 })}٪`;
  const n = (x) => x.toLocaleString('ar-EG');
  const rows = [
    ['الأحرف', n(s.characters)],
    ['الكلمات', n(s.words)],
    ['الجمل', n(s.sentences)],
    ['الأسطر', n(s.lines)],
    ['نسبة الحروف العربية', pct(s.arabic_share)],
    ['حروف عربية / لاتينية / أخرى', `${n(s.arabic_letters)} / ${n(s.latin_letters)} / ${n(s.other_letters)}`],
    ['التشكيل', n(s.diacritics)],
    ['التطويل', n(s.tatweel)],
    ['أرقام غربية \u20660-9\u2069', n(s.digits.western)],
    ['أرقام عربية \u2066٠-٩\u2069', n(s.digits.arabic_indic)],
    ['أرقام فارسية \u2066۰-۹\u2069', n(s.digits.persian)],
    ['البايتات (UTF-8)', n(s.bytes)],
  ];
  $('stats').replaceChildren(
    ...rows.flatMap(([k, v]) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      return [dt, dd];
    }),
  );
}

function renderCharts(analysis) {
  $('chart-kinds').replaceChildren(kindsChart(analysis.stats.entities));
  $('chart-timeline').replaceChildren(timelineChart(analysis.entities));
}

// ---------------------------------------------------------------- table

const filterKind = $('filter-kind');
const filterText = $('filter-text');

function renderFilterOptions(counts) {
  const current = filterKind.value;
  const all = document.createElement('option');
  all.value = '';
  all.textContent = 'الكل';
  filterKind.replaceChildren(
    all,
    ...Object.keys(counts).map((kind) => {
      const o = document.createElement('option');
      o.value = kind;
      o.textContent = `${KINDS[kind]?.ar ?? kind} (${counts[kind]})`;
      return o;
    }),
  );
  filterKind.value = counts[current] ? current : '';
}

const numericValue = (e) => {
  const v = e.value ?? {};
  for (const key of ['value', 'amount', 'year', 'numerator', 'hour']) if (typeof v[key] === 'number') return v[key];
  return null;
};

const SORTERS = {
  start: (a, b) => a.start - b.start,
  kind: (a, b) => a.kind.localeCompare(b.kind) || a.start - b.start,
  text: (a, b) => a.text.localeCompare(b.text, 'ar') || a.start - b.start,
  value: (a, b) => {
    const x = numericValue(a);
    const y = numericValue(b);
    if (x !== null && y !== null) return x - y || a.start - b.start;
    if (x !== null) return -1;
    if (y !== null) return 1;
    return describeValue(a.kind, a.value).localeCompare(describeValue(b.kind, b.value)) || a.start - b.start;
  },
};

function tableRows() {
  const kind = filterKind.value;
  const needle = filterText.value.trim();
  let rows = state.analysis?.entities ?? [];
  if (kind) rows = rows.filter((e) => e.kind === kind);
  if (needle) rows = rows.filter((e) => e.text.includes(needle) || describeValue(e.kind, e.value).includes(needle));
  const { key, dir } = state.sort;
  if (key !== 'start' || dir !== 1) rows = [...rows].sort((a, b) => dir * SORTERS[key](a, b));
  return rows;
}

function renderTable() {
  const rows = tableRows();
  const shown = rows.slice(0, state.tableLimit);
  const body = $('table').tBodies[0];
  body.replaceChildren(
    ...shown.map((e) => {
      const tr = document.createElement('tr');
      tr.tabIndex = 0;
      tr.dataset.start = String(e.start);
      tr.dataset.kind = e.kind;
      const cells = [
        String(e.start),
        null,
        e.text,
        describeValue(e.kind, e.value),
      ];
      cells.forEach((text, i) => {
        const td = document.createElement('td');
        if (i === 1) {
          const chip = document.createElement('span');
          chip.className = `chip ent-${e.kind}`;
          chip.textContent = KINDS[e.kind]?.ar ?? e.kind;
          td.append(chip);
        } else {
          td.textContent = text;
          td.dir = i === 2 ? 'auto' : 'ltr';
        }
        tr.append(td);
      });
      return tr;
    }),
  );
  $('table-count').textContent = `${shown.length} من ${rows.length}`;
  $('table-more').hidden = rows.length <= shown.length;
  for (const button of document.querySelectorAll('#table th button')) {
    const active = button.dataset.sort === state.sort.key;
    button.closest('th').setAttribute('aria-sort', active ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
  }
}

filterKind.addEventListener('change', () => {
  state.tableLimit = TABLE_PAGE;
  renderTable();
});
filterText.addEventListener('input', () => {
  state.tableLimit = TABLE_PAGE;
  renderTable();
});
$('table-more').addEventListener('click', () => {
  state.tableLimit += TABLE_PAGE;
  renderTable();
});
for (const button of document.querySelectorAll('#table th button')) {
  button.addEventListener('click', () => {
    const key = button.dataset.sort;
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
    renderTable();
  });
}

/** Scrolls to the entity starting at `start` in the highlighted text and focuses its mark. */
function goToEntity(start) {
  const mark = view.markAt(start);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
  mark.classList.add('flash');
  setTimeout(() => mark.classList.remove('flash'), 1200);
}

const tbody = $('table').tBodies[0];
tbody.addEventListener('click', (e) => {
  const tr = e.target.closest('tr');
  if (tr) goToEntity(Number(tr.dataset.start));
});
tbody.addEventListener('keydown', (e) => {
  const tr = e.target.closest('tr');
  if (tr && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    goToEntity(Number(tr.dataset.start));
  }
});

// ---------------------------------------------------------------- normalized text

const presetSelect = $('preset');
const normalizedBox = $('normalized');

/** The current text normalized with the chosen preset (computed in the worker, kept until the text changes). */
async function normalizedText() {
  const preset = presetSelect.value;
  if (state.normalized?.preset === preset && state.normalized.source === state.text) return state.normalized.text;
  const source = state.text;
  const reply = await worker.request({ type: 'normalize', text: source, preset });
  state.normalized = { preset, source, text: reply.text };
  return reply.text;
}

async function refreshNormalized() {
  try {
    const source = state.text;
    const text = await normalizedText();
    if (source !== state.text) return;
    normalizedBox.value = text.length > NORMALIZED_SHOWN ? `${text.slice(0, NORMALIZED_SHOWN)}\n… (${text.length - NORMALIZED_SHOWN} حرفًا آخر في الملف المصدَّر)` : text;
    normalizedBox.dataset.preset = presetSelect.value;
  } catch (err) {
    normalizedBox.value = '';
    statusLine.textContent = `خطأ في التطبيع: ${err.message}`;
  }
}
presetSelect.addEventListener('change', refreshNormalized);
// The normalized text is only computed and shown when its box is on screen (a long text costs layout time).
let normalizedVisible = false;
new IntersectionObserver((entries) => {
  normalizedVisible = entries.some((e) => e.isIntersecting);
  if (normalizedVisible && state.analysis && normalizedBox.dataset.preset !== presetSelect.value) refreshNormalized();
}, { rootMargin: '200px' }).observe(normalizedBox);

// ---------------------------------------------------------------- export

const EXPORTS = {
  json: async () => ({ name: 'tahlil-analysis.json', type: 'application/json', text: analysisJson(state.analysis) }),
  csv: async () => ({ name: 'tahlil-entities.csv', type: 'text/csv;charset=utf-8', text: entitiesCsv(state.analysis.entities) }),
  normalized: async () => ({ name: `tahlil-normalized-${presetSelect.value}.txt`, type: 'text/plain;charset=utf-8', text: await normalizedText() }),
};

for (const button of document.querySelectorAll('[data-export]')) {
  button.addEventListener('click', async () => {
    if (!state.analysis) {
      statusLine.textContent = 'لا تحليل بعد: الصق نصًا أولًا.';
      return;
    }
    const { name, type, text } = await EXPORTS[button.dataset.export]();
    if (button.dataset.action === 'download') download(name, text, type);
    else {
      const ok = await copyText(text);
      const before = button.textContent;
      button.textContent = ok ? 'نُسخ ✓' : 'تعذّر النسخ';
      setTimeout(() => (button.textContent = before), 1500);
    }
  });
}

// ---------------------------------------------------------------- theme

const THEMES = ['auto', 'dark', 'light'];
const THEME_NAMES = { auto: 'تلقائي', dark: 'داكن', light: 'فاتح' };
function applyTheme(theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  const button = $('theme');
  button.textContent = `الوضع: ${THEME_NAMES[theme]}`;
  button.setAttribute('aria-pressed', String(theme !== 'auto'));
  button.dataset.theme = theme;
}
let theme = localStorage.getItem('tahlil-theme') ?? 'auto';
if (!THEMES.includes(theme)) theme = 'auto';
applyTheme(theme);
$('theme').addEventListener('click', () => {
  theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
  localStorage.setItem('tahlil-theme', theme);
  applyTheme(theme);
});

// ---------------------------------------------------------------- offline

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {});
}

document.body.dataset.ready = 'true';
if (textarea.value) analyze(textarea.value);
