// Renders a text with its entities as DOM nodes. User text is only ever
// inserted with text nodes (never as HTML). Long texts are cut into blocks at
// line breaks and drawn a few blocks at a time, so the page keeps answering;
// blocks off screen are skipped by the browser (`content-visibility: auto`).
import { KINDS, describeValue } from './kinds.js';

/** Target size of one rendered block, in UTF-16 units. */
const BLOCK_SIZE = 4 * 1024;
/** Longest stretch of rendering work done in one task, in milliseconds (the first task may do more: what shows first). */
const SLICE_MS = 8;
const FIRST_SLICE_MS = 30;

/**
 * Builds a fragment: the text with each entity wrapped in a <mark>.
 * Entity offsets are UTF-16 code units (`start`/`end`), what String#slice takes.
 */
export function renderHighlighted(text, entities, { lang = 'ar', from = 0, to = text.length } = {}) {
  const frag = document.createDocumentFragment();
  let pos = from;
  for (const e of entities) {
    if (e.start < pos || e.end > to) continue; // never happens with a valid analysis
    if (e.start > pos) frag.append(document.createTextNode(text.slice(pos, e.start)));
    frag.append(markFor(text.slice(e.start, e.end), e, lang));
    pos = e.end;
  }
  if (pos < to) frag.append(document.createTextNode(text.slice(pos, to)));
  return frag;
}

/** The label and value line of an entity: `تاريخ · 2024-12-02`. */
export function entityTitle(e, lang = 'ar') {
  const label = KINDS[e.kind]?.[lang] ?? e.kind;
  const value = describeValue(e.kind, e.value);
  return value ? `${label} · ${value}` : label;
}

function markFor(slice, e, lang) {
  const mark = document.createElement('mark');
  mark.className = `ent ent-${e.kind}`;
  mark.dataset.kind = e.kind;
  mark.dataset.start = String(e.start);
  mark.tabIndex = 0;
  mark.title = entityTitle(e, lang);
  const body = document.createElement('span');
  body.className = 'ent-text';
  body.textContent = slice;
  const tag = document.createElement('span');
  tag.className = 'ent-label';
  tag.textContent = KINDS[e.kind]?.[lang] ?? e.kind;
  tag.setAttribute('aria-hidden', 'true');
  mark.append(body, tag);
  return mark;
}

/**
 * Where a block that should end near `pos` ends: the next line break, or in a very
 * long line the next space (the text stays whole; only the drawing is cut). -1: none.
 */
function nextCut(text, pos, size) {
  const line = text.indexOf('\n', pos);
  if (line >= 0 && line - pos <= 4 * size) return line;
  const space = text.indexOf(' ', pos);
  if (space >= 0 && (line < 0 || space < line)) return space;
  return line;
}

/**
 * Cuts `text` into blocks of about `size` units ending after a line break (or a space in a
 * very long line), never inside an entity. Returns `[{from, to, first, last}]`, `first..last`
 * the indexes of the block's entities.
 */
export function planBlocks(text, entities, size = BLOCK_SIZE) {
  const blocks = [];
  let from = 0;
  let ei = 0;
  while (from < text.length) {
    let to = text.length;
    if (text.length - from > size) {
      let cut = nextCut(text, from + size, size);
      // Move the cut past any entity that crosses it.
      while (cut >= 0) {
        while (ei < entities.length && entities[ei].end <= cut) ei++;
        if (ei < entities.length && entities[ei].start <= cut) cut = nextCut(text, entities[ei].end, size);
        else break;
      }
      if (cut >= 0) to = cut + 1;
    }
    blocks.push({ from, to });
    from = to;
  }
  // Entity ranges per block.
  let e = 0;
  for (const b of blocks) {
    b.first = e;
    while (e < entities.length && entities[e].start < b.to) e++;
    b.last = e;
  }
  return blocks;
}

/** A highlighted view of one text in `container`, drawn progressively. */
export class HighlightView {
  constructor(container, { lang = 'ar', onDrawn = () => {} } = {}) {
    this.container = container;
    this.lang = lang;
    this.onDrawn = onDrawn;
    this.generation = 0;
  }

  /** Shows `text` with `entities`; stops drawing any previous text. Returns a promise resolved when all is drawn. */
  show(text, entities) {
    const generation = ++this.generation;
    this.text = text;
    this.entities = entities;
    this.blocks = planBlocks(text, entities);
    this.drawn = 0;
    this.elements = [];
    this.container.replaceChildren();
    return new Promise((resolve) => {
      let budget = FIRST_SLICE_MS;
      const step = () => {
        if (generation !== this.generation) return resolve(false);
        const started = performance.now();
        while (this.drawn < this.blocks.length && performance.now() - started < budget) this.drawNext();
        budget = SLICE_MS;
        if (this.drawn < this.blocks.length) setTimeout(step, 0);
        else {
          this.onDrawn();
          resolve(true);
        }
      };
      step();
    });
  }

  drawNext() {
    const b = this.blocks[this.drawn++];
    const div = document.createElement('div');
    div.className = this.blocks.length > 1 ? 'block' : 'block single';
    div.append(renderHighlighted(this.text, this.entities.slice(b.first, b.last), { lang: this.lang, from: b.from, to: b.to }));
    this.container.append(div);
  }

  /** The <mark> of the entity starting at `start`, drawing blocks up to it first when needed. */
  markAt(start) {
    const index = this.blocks.findIndex((b) => start < b.to);
    if (index < 0) return null;
    while (this.drawn <= index) this.drawNext();
    return this.container.children[index]?.querySelector(`mark[data-start="${start}"]`) ?? null;
  }
}
