// Helpers of the embed tests: a static server that can also serve in-memory
// test pages and refuse some paths (a host that serves no .wasm), and the
// package build.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './helpers.js';

export const DIST = path.join(ROOT, 'dist/tahlil');

/** The CSP of www/index.html, for test pages that must work under it. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.png': 'image/png',
};

/**
 * Serves `root` on 127.0.0.1 on a free port. `pages` maps paths to in-memory
 * bodies; `refuse(pathname)` true answers 404 (e.g. every *.wasm); `csp` is
 * sent as the Content-Security-Policy header of HTML. Returns {url, close, requests}.
 */
export async function startEmbedServer({ root, pages = {}, refuse = () => false, csp } = {}) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    requests.push(pathname);
    try {
      if (refuse(pathname)) throw new Error('refused');
      let body = pages[pathname];
      let ext = path.extname(pathname);
      if (body === undefined) {
        const file = path.join(root, decodeURIComponent(pathname));
        if (!file.startsWith(root)) throw new Error('outside root');
        body = await fs.readFile(file);
        ext = path.extname(file);
      }
      const headers = { 'content-type': MIME[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (csp && ext === '.html') headers['content-security-policy'] = csp;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

/** A minimal HTML page loading `script` (an external module, so it runs under a strict CSP) and `css`. */
export const testPage = ({ body = '', script, css, title = 'tahlil embed test' }) =>
  `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">` +
  (css ? `<link rel="stylesheet" href="${css}">` : '') +
  (script ? `<script type="module" src="${script}"></script>` : '') +
  `</head><body>${body}</body></html>`;

/** Runs scripts/build-package.sh (builds dist/tahlil; fails over the size budget). */
export async function buildPackage() {
  const { stderr } = await promisify(execFile)('bash', [path.join(ROOT, 'scripts/build-package.sh')], {
    cwd: ROOT,
    maxBuffer: 1 << 24,
  });
  return stderr;
}

/** Opens a page collecting its errors (page errors, console errors, CSP violations). */
export async function openTracked(browser, url, viewport = { width: 1200, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}
