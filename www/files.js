// Reading the files people drop or pick: plain text (.txt .md .csv and anything
// else that decodes as text), HTML (text only), JSON (its string values) and
// .docx (the paragraphs of word/document.xml). Markup is parsed in detached
// documents and only their text is taken; nothing is ever inserted into the page.
import { decodeBytes, BinaryFileError } from './encoding.js';
import { readZipEntry, ZipError } from './zip.js';

/** The file types the picker offers. */
export const ACCEPTED = '.txt,.md,.csv,.html,.htm,.json,.docx,text/plain,text/html,text/csv,text/markdown,application/json';

/** Thrown when a file cannot be read as text; `message` is the reason, in Arabic, ready to show. */
export class UnreadableFileError extends Error {}

/**
 * Reads `file` (a File) to `{name, text, encoding, format}`: `encoding` names how the bytes
 * were decoded, `format` what was extracted (`text`, `html`, `json`, `docx`).
 * Throws {@link UnreadableFileError} for binary or broken files.
 */
export async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const ext = (file.name.match(/\.([a-z0-9]+)$/i)?.[1] ?? '').toLowerCase();
  if (ext === 'docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)) {
    return { name: file.name, text: await docxText(bytes, file.name), encoding: 'UTF-8 (docx)', format: 'docx' };
  }
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (err) {
    if (err instanceof BinaryFileError) {
      throw new UnreadableFileError(`الملف «${file.name}» ليس نصًا (يبدو ملفًا ثنائيًا أو بترميز غير مدعوم)، فلم يُقرأ.`);
    }
    throw err;
  }
  const { encoding } = decoded;
  if (ext === 'html' || ext === 'htm' || (!ext && /^\s*<(!doctype html|html)/i.test(decoded.text))) {
    return { name: file.name, text: htmlText(decoded.text), encoding, format: 'html' };
  }
  if (ext === 'json') {
    const text = jsonText(decoded.text);
    if (text !== null) return { name: file.name, text, encoding, format: 'json' };
  }
  return { name: file.name, text: decoded.text, encoding, format: 'text' };
}

const BLOCKS = 'p,div,br,li,dt,dd,h1,h2,h3,h4,h5,h6,tr,section,article,header,footer,aside,blockquote,pre,figcaption,table,ul,ol,hr,address,main,nav';

/** Marks the end of a block while the text of an HTML document is collected. */
const BLOCK_END = '\uE000';

/**
 * The text of an HTML document: no markup, no scripts or styles, a line per block
 * (the document's own line breaks are whitespace, as in HTML).
 */
export function htmlText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script,style,noscript,template,head').forEach((n) => n.remove());
  for (const el of doc.querySelectorAll(BLOCKS)) {
    el.after(doc.createTextNode(BLOCK_END));
  }
  const raw = (doc.body?.textContent ?? '');
  return raw
    .split(BLOCK_END)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The string values of a JSON document (not its keys), one per line; null when it is not JSON. */
export function jsonText(source) {
  let value;
  try {
    value = JSON.parse(source);
  } catch {
    return null;
  }
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return out.join('\n');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The text of a .docx: the paragraphs of word/document.xml, one per line. */
async function docxText(bytes, name) {
  let xmlBytes;
  try {
    xmlBytes = await readZipEntry(bytes, 'word/document.xml');
  } catch (err) {
    if (err instanceof ZipError || err instanceof TypeError) xmlBytes = null;
    else throw err;
  }
  if (!xmlBytes) throw new UnreadableFileError(`الملف «${name}» ليس مستند Word (.docx) سليمًا، فلم يُقرأ.`);
  const xml = new TextDecoder('utf-8').decode(xmlBytes);
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) {
    throw new UnreadableFileError(`تعذّرت قراءة نص المستند «${name}».`);
  }
  const lines = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    let line = '';
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType !== 1) continue;
        if (child.namespaceURI === W && child.localName === 't') line += child.textContent;
        else if (child.namespaceURI === W && child.localName === 'tab') line += '\t';
        else if (child.namespaceURI === W && (child.localName === 'br' || child.localName === 'cr')) line += '\n';
        else if (child.namespaceURI === W && child.localName === 'p') continue; // nested paragraphs get their own line
        else walk(child);
      }
    };
    walk(p);
    lines.push(line);
  }
  return lines.join('\n');
}
