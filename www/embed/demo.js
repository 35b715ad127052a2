// The demo's own script, as a third-party site would write it: highlight the
// article in place, toggle it, and copy the snippet.
import { highlight, unhighlight, KINDS } from './tahlil.js';

const article = document.getElementById('article');
const toggle = document.getElementById('toggle');
const summary = document.getElementById('summary');

async function show() {
  const { analysis } = await highlight(article);
  const counts = Object.entries(analysis.stats.entities).map(([kind, n]) => `${KINDS[kind]?.ar ?? kind} ${n}`);
  summary.textContent = `${analysis.entities.length} كيانًا: ${counts.join('، ')}`;
  toggle.textContent = 'إزالة التظليل';
  toggle.setAttribute('aria-pressed', 'true');
  document.body.dataset.highlighted = 'true';
}

function hide() {
  unhighlight(article);
  summary.textContent = '';
  toggle.textContent = 'تظليل المقال';
  toggle.setAttribute('aria-pressed', 'false');
  document.body.dataset.highlighted = 'false';
}

toggle.addEventListener('click', () => (document.body.dataset.highlighted === 'true' ? hide() : show()));
document.addEventListener('tahlil-result', () => (document.body.dataset.analyzed = 'true'));
document.getElementById('copy').addEventListener('click', async () => {
  const status = document.getElementById('copy-status');
  try {
    await navigator.clipboard.writeText(document.getElementById('snippet').textContent);
    status.textContent = 'نُسخ.';
  } catch {
    status.textContent = 'تعذّر النسخ؛ حدّد النص وانسخه يدويًا.';
  }
});

show().catch((err) => {
  summary.textContent = err.message;
});
