// In-place highlighting of an existing page: the element's text nodes are
// read as one text, analyzed, and each entity is wrapped in <mark>s (one per
// text node it touches, linked by data-tahlil-entity). Only text nodes are
// split; no element is moved, replaced or re-parsed, so the page's markup,
// listeners and layout stay. unhighlight() puts the very same text nodes back.
import { load, checkOptions, tahlilError } from './api.js';
import { KINDS, describeValue } from './deps.js';
import { adoptStyles, HIGHLIGHT_CSS } from './styles.js';

const HIGHLIGHT_OPTIONS = ['analyzer', 'kinds', 'reference_date', 'lang', 'skip', 'styles', 'titles'];

/** Elements whose text is never read or wrapped. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'svg', 'math', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT']);

/** Display values that keep an element in the line: its text joins its neighbours'. */
const INLINE_DISPLAYS = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'inline-table', 'contents', 'ruby', 'ruby-base', 'ruby-text']);

/** Elements that end a run of text when no computed style is at hand (a detached element): their text is never joined to a neighbour's into one entity. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'IMG', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  'BUTTON', 'INPUT', 'LEGEND', 'OPTGROUP', 'METER', 'PROGRESS', 'VIDEO', 'AUDIO', 'CANVAS', 'IFRAME',
]);

/** Parents where a whitespace-only piece is layout, not text: never wrapped. */
const STRUCTURAL = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'COLGROUP', 'UL', 'OL', 'DL', 'SELECT', 'DATALIST', 'HEAD', 'HTML', 'BODY']);

/** The separator standing between two blocks in the analyzed text (belongs to no text node). */
const BLOCK_SEPARATOR = '\n';

/** Highlights in place, by element. */
const highlighted = new Map();

/**
 * Reads the text nodes under `root` in document order. Returns the joined
 * text and, per text node, where its data starts in it.
 */
function collectText(root, skipSelector) {
  const view = root.isConnected ? root.ownerDocument.defaultView : null;
  const isBlock = (el, name) => {
    if (name === 'BR' || name === 'HR') return true;
    if (!view) return BLOCKS.has(name);
    return !INLINE_DISPLAYS.has(view.getComputedStyle(el).display);
  };
  const nodes = [];
  const parts = [];
  let length = 0;
  let pendingBreak = false;
  const visit = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (child.data.length === 0) continue;
        if (pendingBreak && length > 0) {
          parts.push(BLOCK_SEPARATOR);
          length += BLOCK_SEPARATOR.length;
        }
        pendingBreak = false;
        nodes.push({ node: child, start: length, data: child.data });
        parts.push(child.data);
        length += child.data.length;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const name = child.localName === 'svg' || child.localName === 'math' ? child.localName : child.tagName;
        const block = isBlock(child, name);
        if (block) pendingBreak = true;
        if (!SKIPPED.has(name) && !(skipSelector && child.matches(skipSelector))) visit(child);
        else pendingBreak = true;
        if (block) pendingBreak = true;
      }
    }
  };
  visit(root);
  return { text: parts.join(''), nodes };
}

/** The pieces of each entity in each text node: [{item, from, to, entity, index}], by node. */
function piecesByNode(nodes, entities) {
  const byNode = new Map();
  let first = 0;
  entities.forEach((entity, index) => {
    while (first < nodes.length && nodes[first].start + nodes[first].data.length <= entity.start) first++;
    for (let i = first; i < nodes.length && nodes[i].start < entity.end; i++) {
      const item = nodes[i];
      const from = Math.max(entity.start, item.start) - item.start;
      const to = Math.min(entity.end, item.start + item.data.length) - item.start;
      if (to <= from) continue;
      const piece = item.data.slice(from, to);
      if (!piece.trim() && STRUCTURAL.has(item.node.parentNode?.tagName)) continue;
      if (!byNode.has(item)) byNode.set(item, []);
      byNode.get(item).push({ from, to, entity, index });
    }
  });
  return byNode;
}

/** A title for a mark: the kind's label and the resolved value. */
function titleOf(entity, lang) {
  const label = KINDS[entity.kind]?.[lang] ?? entity.kind;
  const value = describeValue(entity.kind, entity.value);
  return value ? `${label} · ${value}` : label;
}

/**
 * Highlights the entities of `element`'s text in place. Options: `analyzer`
 * (from load() or loadWorker(); default load()), `kinds`, `reference_date`
 * (as for analyze), `lang` (`"ar"` or `"en"` titles), `skip` (a selector of
 * elements to leave alone), `styles` (false: add no stylesheet), `titles`
 * (false: no title attributes). Returns `{analysis, text, marks}`: the
 * analysis of `text` (the element's text, blocks separated by a newline).
 */
export async function highlight(element, options) {
  options = checkOptions(options, HIGHLIGHT_OPTIONS, 'highlight');
  if (element?.nodeType !== Node.ELEMENT_NODE) throw tahlilError('highlight: the first argument must be an element', { type: TypeError });
  const { analyzer = await load(), lang = 'ar', skip, styles = true, titles = true } = options;
  const analyzeOptions = {};
  if (options.kinds !== undefined) analyzeOptions.kinds = options.kinds;
  if (options.reference_date !== undefined) analyzeOptions.reference_date = options.reference_date;

  for (const other of [...highlighted.keys()]) {
    if (other === element || other.contains(element) || element.contains(other)) unhighlight(other);
  }
  const { text, nodes } = collectText(element, skip);
  const analysis = await analyzer.analyze(text, analyzeOptions);
  // A concurrent highlight of the same element may have finished first: undo it, then check nothing else changed.
  if (highlighted.has(element)) unhighlight(element);
  if (nodes.some((item) => item.node.data !== item.data || !element.contains(item.node))) {
    throw tahlilError('highlight: the element changed while it was being analyzed; call highlight again');
  }

  if (styles) adoptStyles(element.ownerDocument, HIGHLIGHT_CSS);
  const doc = element.ownerDocument;
  const record = [];
  const marks = [];
  const counts = new Map();
  const byNode = piecesByNode(nodes, analysis.entities);
  for (const pieces of byNode.values()) for (const p of pieces) counts.set(p.index, (counts.get(p.index) ?? 0) + 1);
  for (const [item, pieces] of byNode) {
    const created = [];
    const nodeMarks = [];
    // From the end of the node backwards, so earlier offsets stay valid.
    for (const { from, to, entity, index } of [...pieces].reverse()) {
      const middle = item.node.splitText(from);
      const after = middle.splitText(to - from);
      const mark = doc.createElement('mark');
      mark.className = 'tahlil-mark';
      mark.dataset.tahlilKind = entity.kind;
      mark.dataset.tahlilEntity = String(index);
      if (counts.get(index) > 1) mark.dataset.tahlilParts = String(counts.get(index));
      if (titles) mark.title = titleOf(entity, lang);
      middle.replaceWith(mark);
      mark.append(middle);
      created.push(mark, after);
      nodeMarks.push(mark);
    }
    marks.push(...nodeMarks.reverse());
    record.push({ node: item.node, data: item.data, created });
  }
  highlighted.set(element, record);
  return { analysis, text, marks };
}

/**
 * Removes the marks of highlight() from `element` and puts back its original
 * text nodes (the same node objects, with their original data), so its
 * innerHTML is byte for byte what it was. Returns false when nothing was highlighted.
 */
export function unhighlight(element) {
  const record = highlighted.get(element);
  if (!record) return false;
  highlighted.delete(element);
  for (const { node, data, created } of record) {
    for (const extra of created) extra.remove();
    node.data = data;
  }
  return true;
}
