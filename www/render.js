// Renders a text with its entities as DOM nodes. User text is only ever
// inserted with text nodes (never as HTML).
import { KINDS, describeValue } from './kinds.js';

/**
 * Builds a fragment: the text with each entity wrapped in a <mark>.
 * Entity offsets are UTF-16 code units (`start`/`end`), what String#slice takes.
 */
export function renderHighlighted(text, entities, { lang = 'ar' } = {}) {
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const e of entities) {
    if (e.start < pos || e.end > text.length) continue; // never happens with a valid analysis
    if (e.start > pos) frag.append(document.createTextNode(text.slice(pos, e.start)));
    frag.append(markFor(text.slice(e.start, e.end), e, lang));
    pos = e.end;
  }
  if (pos < text.length) frag.append(document.createTextNode(text.slice(pos)));
  return frag;
}

function markFor(slice, e, lang) {
  const mark = document.createElement('mark');
  mark.className = `ent ent-${e.kind}`;
  mark.dataset.kind = e.kind;
  mark.dataset.start = String(e.start);
  mark.tabIndex = 0;
  const label = KINDS[e.kind]?.[lang] ?? e.kind;
  const value = describeValue(e.kind, e.value);
  mark.title = value ? `${label} · ${value}` : label;
  const body = document.createElement('span');
  body.className = 'ent-text';
  body.textContent = slice;
  const tag = document.createElement('span');
  tag.className = 'ent-label';
  tag.textContent = label;
  tag.setAttribute('aria-hidden', 'true');
  mark.append(body, tag);
  return mark;
}
