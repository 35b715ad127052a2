// Charts as inline SVG built with DOM APIs (no markup strings): entities per
// kind as bars, and the years and dates of the text on a timeline.
import { KINDS } from './kinds.js';

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Horizontal bars, one per kind with its count, largest first. `counts`: {kind: n}. */
export function kindsChart(counts, lang = 'ar') {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (!rows.length) return emptyNote('لا كيانات بعد.');
  const rowHeight = 24;
  const width = 320;
  const labelWidth = 90;
  const max = Math.max(...rows.map((r) => r[1]));
  const svg = el('svg', { viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, role: 'img', class: 'svg-chart', 'aria-label': 'عدد الكيانات حسب النوع' });
  rows.forEach(([kind, n], i) => {
    const y = i * rowHeight + 2;
    const barWidth = Math.max(2, ((width - labelWidth - 50) * n) / max);
    const g = el('g', { class: `bar ent-${kind}`, 'data-kind': kind });
    g.append(el('title', {}, `${KINDS[kind]?.[lang] ?? kind}: ${n}`));
    // Right-to-left: labels on the right, bars growing to the left.
    g.append(el('text', { x: width - 4, y: y + 16, 'text-anchor': 'start', class: 'bar-label', direction: 'rtl' }, KINDS[kind]?.[lang] ?? kind));
    g.append(el('rect', { x: width - labelWidth - barWidth, y: y + 3, width: barWidth, height: rowHeight - 8, rx: 3, class: 'bar-rect' }));
    g.append(el('text', { x: width - labelWidth - barWidth - 6, y: y + 16, 'text-anchor': 'end', class: 'bar-count', direction: 'ltr' }, String(n)));
    svg.append(g);
  });
  return svg;
}

/** Approximate Gregorian year of a Hijri year (good to a year). */
const hijriToGregorianYear = (y) => Math.round(y * 0.970229 + 621.5643);

/**
 * The years an entity mentions, as `{year, hijri}`: a date's year (a Hijri date by its
 * Gregorian equivalent), both ends of a period.
 */
export function yearsOf(e) {
  const fromDate = (d) => {
    if (!d || typeof d !== 'object') return [];
    if (d.resolved) return [{ year: Number(d.resolved.slice(0, 4)), hijri: false }];
    if (d.gregorian) return [{ year: Number(d.gregorian.slice(0, 4)), hijri: true }];
    if (typeof d.year !== 'number') return [];
    return d.calendar === 'hijri' ? [{ year: hijriToGregorianYear(d.year), hijri: true }] : [{ year: d.year, hijri: false }];
  };
  if (e.kind === 'date') return fromDate(e.value);
  if (e.kind === 'period') return [...fromDate(e.value?.start), ...fromDate(e.value?.end)];
  return [];
}

/** A timeline of the years mentioned: a dot per year, its size by how often it appears. */
export function timelineChart(entities) {
  const counts = new Map();
  for (const e of entities) {
    for (const { year } of yearsOf(e)) {
      if (Number.isFinite(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  if (!counts.size) return emptyNote('لا سنوات ولا تواريخ في النص.');
  const years = [...counts.keys()].sort((a, b) => a - b);
  let lo = years[0];
  let hi = years[years.length - 1];
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const width = 320;
  const height = 90;
  const pad = 24;
  const max = Math.max(...counts.values());
  const x = (year) => pad + ((year - lo) / (hi - lo)) * (width - 2 * pad);
  // Time runs left to right, as on a calendar, even in a right-to-left page.
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'svg-chart timeline', direction: 'ltr', 'aria-label': 'السنوات المذكورة' });
  svg.append(el('line', { x1: pad, x2: width - pad, y1: 45, y2: 45, class: 'axis' }));
  let lastLabelX = -Infinity;
  for (const year of years) {
    const n = counts.get(year);
    const cx = x(year);
    const g = el('g', { class: 'tick', 'data-year': year });
    g.append(el('title', {}, `${year}: ${n}`));
    g.append(el('circle', { cx, cy: 45, r: 3 + 7 * Math.sqrt(n / max), class: 'dot' }));
    svg.append(g);
    if (cx - lastLabelX > 34 || year === years[years.length - 1]) {
      g.append(el('text', { x: cx, y: 75, 'text-anchor': 'middle', class: 'tick-label' }, String(year)));
      g.append(el('text', { x: cx, y: 25, 'text-anchor': 'middle', class: 'tick-count' }, `×${n}`));
      lastLabelX = cx;
    }
  }
  return svg;
}

function emptyNote(text) {
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = text;
  return p;
}
