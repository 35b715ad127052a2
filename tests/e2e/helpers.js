// Shared helpers of the page tests: a static server for www/ on loopback and
// Debian's Chromium driven by playwright-core (no browser download).
import { before, after } from 'node:test';
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = path.join(ROOT, 'www');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
export const OUTPUT = path.join(ROOT, 'tests/output');

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** Serves `root` on 127.0.0.1 on a free port. Returns {url, close}. */
export async function startServer(root = WWW) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root)) throw new Error('outside root');
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Launches Debian's headless Chromium. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Reads a fixture as text. */
export const fixture = (name) => fs.readFile(path.join(FIXTURES, name), 'utf8');

/** Saves a screenshot of `page` under tests/output/. */
export async function screenshot(page, name, options = {}) {
  await fs.mkdir(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, name);
  await page.screenshot({ path: file, fullPage: true, ...options });
  return file;
}

/** Fills the page's text box and waits until the analysis of that text is drawn. */
export async function pasteAndWait(page, text) {
  const before = await page.evaluate(() => Number(document.body.dataset.analyzed ?? 0));
  await page.fill('#text', text);
  await page.waitForFunction((n) => Number(document.body.dataset.analyzed ?? 0) > n, before);
}

/**
 * Opens the page in a new context and collects its errors and every request that leaves the
 * page's origin. `contextOptions` go to browser.newContext (viewport, colorScheme, serviceWorkers...).
 */
export async function openPage(browser, server, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.url + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return { page, context, errors, foreign, close: () => context.close() };
}

/**
 * The page's server and a browser for one test file: started before its tests, closed after
 * them. `site.open(contextOptions)` opens the page as `openPage` does.
 */
export function useSite() {
  const site = {
    server: null,
    browser: null,
    open: (contextOptions = {}) => openPage(site.browser, site.server, contextOptions),
  };
  before(async () => {
    site.server = await startServer();
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** Waits until the page has drawn an analysis newer than the one drawn when `before` was read. */
export async function analyzedAfter(page, before, timeout = 30_000) {
  await page.waitForFunction((n) => Number(document.body.dataset.analyzed ?? 0) > n, before, { timeout });
}

/** The number of the last analysis the page drew (0 before any). */
export const analyzedCount = (page) => page.evaluate(() => Number(document.body.dataset.analyzed ?? 0));

/** Encodes `text` in a single-byte encoding (`windows-1256`, `iso-8859-6`) with a table built from TextDecoder. */
export function encodeSingleByte(text, label) {
  const decoder = new TextDecoder(label);
  const table = new Map();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  return Uint8Array.from([...text], (ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${JSON.stringify(ch)} has no byte in ${label}`);
    return b;
  });
}

/** Encodes `text` as UTF-16 with a BOM (`le` true for little-endian). */
export function encodeUtf16(text, le = true) {
  const out = Buffer.alloc(2 + text.length * 2);
  out.writeUInt16BE(le ? 0xfffe : 0xfeff, 0);
  for (let i = 0; i < text.length; i++) {
    if (le) out.writeUInt16LE(text.charCodeAt(i), 2 + 2 * i);
    else out.writeUInt16BE(text.charCodeAt(i), 2 + 2 * i);
  }
  return out;
}

/** A minimal ZIP writer: `entries` is [{name, data (Buffer|string), store?}]; deflated unless `store`. */
export async function makeZip(entries) {
  const zlib = await import('node:zlib');
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, store } of entries) {
    const raw = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
    const body = store ? raw : zlib.deflateRawSync(raw);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx whose body has one paragraph per entry of `paragraphs` (each split into two runs). */
export function makeDocx(paragraphs) {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs
    .map((p) => {
      const cut = Math.floor(p.length / 2);
      return `<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space="preserve">${xmlEscape(p.slice(0, cut))}</w:t></w:r><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">${xmlEscape(p.slice(cut))}</w:t></w:r></w:p>`;
    })
    .join('');
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>` },
  ]);
}

/** A fresh temporary directory for files generated by a test, removed when the test process exits. */
export async function tempDir() {
  const os = await import('node:os');
  const { rmSync } = await import('node:fs');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tahlil-page-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Picks files with the page's file input: `files` is [{name, buffer}], written to a temporary
 * directory first (the browser reads them from disk, as when a person picks them, and may do
 * so later: the files stay until the test process exits).
 */
export async function pickFiles(page, files) {
  const dir = await tempDir();
  const paths = [];
  for (const f of files) {
    const file = path.join(dir, f.name);
    await fs.writeFile(file, f.buffer);
    paths.push(file);
  }
  await page.setInputFiles('#file', paths);
}

/** Drops buffers on the page as a real drag and drop would (a DataTransfer with File objects). */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType ?? '', data: [...f.buffer] }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
    const target = document.getElementById('result');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

/** About `bytes` of UTF-8: the seeds over and over, one article after another. */
export async function bigText(bytes) {
  const names = (await fs.readdir(FIXTURES)).filter((n) => n.endsWith('.txt')).sort();
  const seeds = await Promise.all(names.map((n) => fs.readFile(path.join(FIXTURES, n), 'utf8')));
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = seeds[i % seeds.length].trimEnd() + '\n';
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  return parts.join('');
}

