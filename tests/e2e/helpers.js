// Shared helpers of the page tests: a static server for www/ on loopback and
// Debian's Chromium driven by playwright-core (no browser download).
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
