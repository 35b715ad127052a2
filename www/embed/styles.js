// Styles of the embed, as constructable stylesheets (adoptedStyleSheets): no
// <style> element, no inline style attribute, so a page's strict CSP
// (style-src 'self') does not block them. Every colour is a CSS custom
// property the host page can override.

/** Default highlight colour of each kind (the page's displaCy-like palette). */
export const KIND_COLORS = {
  person: '#aa9cfc', organization: '#7aecec', location: '#ff9561', date: '#bfe1d9', period: '#a8d8c8',
  duration: '#c7e9b0', time: '#bfeeb7', number: '#e4e7d2', ordinal: '#e0d6a8', percent: '#feca74',
  money: '#e4e79c', ratio: '#f5d0a9', reference: '#ddd0f0', acronym: '#c8d8f0', url: '#d6e4ff',
  email: '#d6e4ff', phone: '#d6e4ff',
};

/** `--tahlil-<kind>` custom properties, each defaulting to its colour. */
const kindRules = (selector) =>
  Object.entries(KIND_COLORS)
    .map(([kind, color]) => `${selector(kind)} { background: var(--tahlil-${kind}, ${color}); }`)
    .join('\n');

/** Marks written into a host page by highlight(): no padding or margin, so the layout does not move. */
export const HIGHLIGHT_CSS = `
mark.tahlil-mark { color: inherit; padding: 0; margin: 0; border-radius: var(--tahlil-mark-radius, 2px);
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
${kindRules((k) => `mark.tahlil-mark[data-tahlil-kind="${k}"]`)}
`;

/** The <tahlil-analyzer> element's shadow root. */
export const ELEMENT_CSS = `
:host { display: block; font-family: var(--tahlil-font, "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif);
  color: var(--tahlil-fg, #1d1d1f); line-height: 1.9; }
:host([hidden]) { display: none; }
.box { background: var(--tahlil-bg, #ffffff); border: 1px solid var(--tahlil-border, #dedbd2);
  border-radius: var(--tahlil-radius, 8px); padding: var(--tahlil-padding, 0.75rem); }
textarea { box-sizing: border-box; width: 100%; min-height: var(--tahlil-input-height, 6rem); font: inherit; color: inherit;
  background: var(--tahlil-input-bg, transparent); border: 1px solid var(--tahlil-border, #dedbd2);
  border-radius: calc(var(--tahlil-radius, 8px) / 2); padding: 0.4rem; resize: vertical; }
.status { color: var(--tahlil-muted, #6b6b70); font-size: 0.85em; min-height: 1.5em; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.2rem 0; }
.legend:empty { display: none; }
.chip { border-radius: 999px; padding: 0 0.6rem; font-size: 0.8em; color: #111; }
.result { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.3; min-height: 1.5em; }
.result:empty { display: none; }
mark { color: #111; border-radius: 4px; padding: 0.1em 0.2em; unicode-bidi: isolate; }
.label { font-family: system-ui, sans-serif; font-size: 0.62em; font-weight: 700; margin-inline-start: 0.3em;
  opacity: 0.75; unicode-bidi: isolate; white-space: nowrap; }
${kindRules((k) => `mark[data-kind="${k}"], .chip[data-kind="${k}"]`)}
`;

const sheets = new Map();

/** The constructable stylesheet for `css` (one per text, shared by every root). */
function sheetFor(css) {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/** Adds the stylesheet of `css` to a document or shadow root, once. */
export function adoptStyles(root, css) {
  const sheet = sheetFor(css);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
