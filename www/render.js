// Renders a text with its entities as DOM nodes. User text is only ever
// inserted with text nodes (never as HTML). Long texts are cut into blocks at
// line breaks; the first few blocks are drawn at once, the others start as
// empty placeholders of about their height and are drawn when they come near
// the visible part of the view, or in idle time, a few milliseconds at a time,
// so the page keeps answering. Drawn blocks off screen are skipped by the
// browser (`content-visibility: auto`).
import { KINDS, describeValue } from './kinds.js';

/** Target size of one rendered block, in UTF-16 units. */
const BLOCK_SIZE = 4 * 1024;
/** Blocks of a text at most (about): a longer text gets longer blocks (fewer elements to lay out and watch). */
const MAX_BLOCKS = 400;
/** Text drawn as soon as it is shown (a few screens), in UTF-16 units; the rest is drawn later. */
const FIRST_UNITS = 4 * 1024;
/**
 * Texts up to this length (UTF-16 units) get all their blocks drawn in idle time (so that the browser's
 * find-in-page sees all of them); longer ones only what is scrolled near, which keeps the page light.
 */
const IDLE_DRAWING_MAX = 1_000_000;
/** Longest stretch of drawing in idle time, in milliseconds, before the page gets the main thread back. */
const SLICE_MS = 6;
/** How far outside the visible part of the view a placeholder gets drawn (before it scrolls in). */
const NEAR_MARGIN = '1500px 0px';
/** What a line break adds to a block's estimated size, in UTF-16 units (the unused end of its line). */
const LINE_BREAK_UNITS = 40;
/** Placeholder height per estimated unit until the drawn blocks have been measured. */
const DEFAULT_PX_PER_UNIT = 0.5;

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
 * Cuts `text` into blocks of about `blockSize` units (the first one `firstSize`) ending after a line
 * break (or a space in a very long line), never inside an entity. Returns `[{from, to, first, last}]`,
 * `first..last` the indexes of the block's entities.
 */
export function planBlocks(text, entities, blockSize = BLOCK_SIZE, firstSize = blockSize) {
  const blocks = [];
  let from = 0;
  let ei = 0;
  while (from < text.length) {
    const size = blocks.length ? blockSize : firstSize;
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

/** The estimated size of block `b` of `text`, in UTF-16 units: its length plus a share per line break. */
function estimatedUnits(text, b) {
  let units = b.to - b.from;
  for (let i = text.indexOf('\n', b.from); i >= 0 && i < b.to; i = text.indexOf('\n', i + 1)) units += LINE_BREAK_UNITS;
  return units;
}

/** Runs `work(deadline)` when the page is idle (`deadline()`: true while there is time left). */
const whenIdle =
  typeof requestIdleCallback === 'function'
    ? (work) => requestIdleCallback((d) => work(() => d.timeRemaining() > 1), { timeout: 200 })
    : (work) => setTimeout(() => work(() => true), 0);

/**
 * A highlighted view of one text in `container` (a scrolling box). The first screens are drawn
 * at once; every other block when it comes near the visible part, or in idle time.
 */
export class HighlightView {
  constructor(container, { lang = 'ar', onDrawn = () => {} } = {}) {
    this.container = container;
    this.lang = lang;
    /** Called once every block of the shown text is drawn. */
    this.onDrawn = onDrawn;
    this.generation = 0;
    this.blocks = [];
    this.elements = [];
    this.observer = null;
    /** Whether blocks not yet drawn get drawn in idle time, for texts up to IDLE_DRAWING_MAX (else only when scrolled near). */
    this.drawInIdleTime = true;
  }

  /**
   * Shows `text` with `entities`, replacing any previous text: its first screens are drawn before this
   * returns, the rest follows (in idle time for texts up to IDLE_DRAWING_MAX). Returns a promise resolved
   * (true) once every block is drawn, or false when another text was shown first.
   */
  show(text, entities) {
    const generation = ++this.generation;
    this.observer?.disconnect();
    this.observer = null;
    this.settle?.(false);
    this.text = text;
    this.entities = entities;
    // The first block stays small whatever the length: it is drawn (and laid out) before anything shows.
    this.blocks = planBlocks(text, entities, Math.max(BLOCK_SIZE, Math.ceil(text.length / MAX_BLOCKS)), BLOCK_SIZE);
    this.elements = [];
    this.pending = 0;
    this.nextIdle = 0;
    const single = this.blocks.length === 1;
    const frag = document.createDocumentFragment();
    let drawnUnits = 0;
    let measuredUnits = 0;
    this.blocks.forEach((b, i) => {
      const div = document.createElement('div');
      div.className = single ? 'block single' : 'block';
      div.dataset.block = String(i);
      this.elements.push(div);
      if (!single) {
        b.units = estimatedUnits(text, b);
        div.style.setProperty('--units', String(b.units));
      }
      if (drawnUnits < FIRST_UNITS) {
        this.fill(i);
        drawnUnits += b.to - b.from;
        measuredUnits += b.units ?? 0;
      } else {
        div.classList.add('pending');
        this.pending++;
      }
      frag.append(div);
    });
    this.container.style.removeProperty('--px-per-unit');
    this.container.replaceChildren(frag);
    if (!this.pending) return Promise.resolve(true);
    return new Promise((resolve) => {
      this.settle = (done) => {
        this.settle = null;
        if (done) this.onDrawn();
        resolve(done);
      };
      let measured = false;
      this.observer = new IntersectionObserver(
        (entries) => {
          if (generation !== this.generation) return;
          // Layout is fresh here: the drawn first blocks give the height of a unit of text.
          if (!measured) {
            measured = true;
            const drawnHeight = this.elements.reduce((h, el, i) => h + (this.blocks[i].drawn ? el.offsetHeight : 0), 0);
            const perUnit = measuredUnits > 0 && drawnHeight > 0 ? drawnHeight / measuredUnits : DEFAULT_PX_PER_UNIT;
            this.container.style.setProperty('--px-per-unit', `${perUnit.toFixed(4)}px`);
          }
          for (const entry of entries) if (entry.isIntersecting) this.fill(Number(entry.target.dataset.block));
        },
        { root: this.container, rootMargin: NEAR_MARGIN },
      );
      for (const div of this.elements) if (div.classList.contains('pending')) this.observer.observe(div);
      const drawWhenIdle = (timeLeft) => {
        if (generation !== this.generation || !this.drawInIdleTime || text.length > IDLE_DRAWING_MAX) return;
        const started = performance.now();
        while (this.pending && timeLeft() && performance.now() - started < SLICE_MS) {
          while (this.blocks[this.nextIdle].drawn) this.nextIdle++;
          this.fill(this.nextIdle);
        }
        if (this.pending) whenIdle(drawWhenIdle);
      };
      whenIdle(drawWhenIdle);
    });
  }

  /** Draws block `index` (its text and marks) in place of its placeholder; nothing when it is drawn already. */
  fill(index) {
    const b = this.blocks[index];
    if (b.drawn) return;
    b.drawn = true;
    const div = this.elements[index];
    div.append(renderHighlighted(this.text, this.entities.slice(b.first, b.last), { lang: this.lang, from: b.from, to: b.to }));
    if (div.classList.contains('pending')) {
      div.classList.remove('pending');
      this.observer?.unobserve(div);
      if (--this.pending === 0) {
        this.observer?.disconnect();
        this.observer = null;
        this.settle?.(true);
      }
    }
  }

  /** The index of the block holding UTF-16 offset `pos` (binary search), -1 when past the end. */
  blockAt(pos) {
    let lo = 0;
    let hi = this.blocks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pos < this.blocks[mid].to) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }

  /** The mark after (`forward`) or before `mark` in reading order, drawing its block first when needed; null at the ends. */
  adjacentMark(mark, forward) {
    const step = forward ? 1 : -1;
    const block = mark.closest('.block');
    const marks = [...block.querySelectorAll('mark.ent')];
    const near = marks[marks.indexOf(mark) + step];
    if (near) return near;
    for (let i = Number(block.dataset.block) + step; i >= 0 && i < this.blocks.length; i += step) {
      const b = this.blocks[i];
      if (b.first === b.last) continue; // no entity in this block
      this.fill(i);
      const found = this.elements[i].querySelectorAll('mark.ent');
      return found[forward ? 0 : found.length - 1] ?? null;
    }
    return null;
  }

  /** The <mark> of the entity starting at `start`, drawing its block first when needed. */
  markAt(start) {
    const index = this.blockAt(start);
    if (index < 0) return null;
    this.fill(index);
    return this.elements[index].querySelector(`mark[data-start="${start}"]`);
  }
}
