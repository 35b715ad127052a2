// Hostile input on the page: the payloads of tests/fixtures/hostile/payloads.json (script tags,
// event handlers, javascript: URLs, SVG, CSS tricks, bidi overrides, ...) pasted one by one, dropped
// as .txt, .html and .docx files and used as file names. None may run (each would call
// window.__trap, recorded by an init script), none may become markup (no element of a dangerous
// kind anywhere in the document, and the result holds only the page's own elements), and the
// Content-Security-Policy is checked in the site.browser: an injected inline script is blocked and a
// securitypolicyviolation event is observed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { useSite, pasteAndWait, analyzedCount, analyzedAfter, dropFiles, makeDocx, FIXTURES } from './helpers.js';

const { payloads } = JSON.parse(await fs.readFile(path.join(FIXTURES, 'hostile/payloads.json'), 'utf8'));

/** Elements that must never appear from user data (the page draws its charts as SVG, so SVG is checked in the user-data areas). */
const DANGEROUS = 'script, img, iframe, object, embed, video, audio, math, form, details, marquee, base, meta[http-equiv], template, x, style, link';
const USER_AREAS = ['#result', '#files', '#message'].flatMap((a) => [`${a} svg`, ...DANGEROUS.split(', ').map((d) => `${a} ${d}`)]).join(', ');

/** What user data could have turned into: dangerous elements, event-handler attributes, script URLs. */
function markupFound(page) {
  return page.evaluate(([dangerous, userAreas]) => {
    const handlers = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value)) handlers.push(`${el.localName}[${a.name}]`);
      }
    }
    return { dangerous: document.querySelectorAll(dangerous).length, inUserAreas: document.querySelectorAll(userAreas).length, handlers };
  }, [DANGEROUS, USER_AREAS]);
}

const site = useSite();

/** Opens the page with a trap every payload would call, and a record of CSP violations. */
async function openTrapped() {
  const opened = await site.open();
  await opened.context.addInitScript(() => {
    window.__ran = [];
    window.__trap = (tag) => window.__ran.push(String(tag));
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));
  });
  await opened.page.reload();
  await opened.page.waitForFunction(() => document.body.dataset.ready === 'true');
  return opened;
}

/** The tag names of the elements inside #result, counted. */
const resultTags = (page) =>
  page.$$eval('#result *', (els) => els.reduce((m, e) => ({ ...m, [e.localName]: (m[e.localName] ?? 0) + 1 }), {}));

const cspNoise = (e) => /Content Security Policy|Refused to/.test(e);

test(`${payloads.length} hostile payloads pasted: none runs, none becomes markup`, async () => {
  assert.ok(payloads.length >= 50);
  const { page, errors, close } = await openTrapped();
  await pasteAndWait(page, 'ارتفع بنسبة 12% عام 2024');
  const baseline = await markupFound(page);
  assert.deepEqual([baseline.inUserAreas, baseline.handlers], [0, []]);
  const allowed = new Set(['mark', 'span', 'br', 'bdi', 'div', 'p', 'small', 'b']);
  for (const payload of payloads) {
    await pasteAndWait(page, `${payload}\nارتفع بنسبة 12% عام 2024`);
    assert.deepEqual(await page.evaluate(() => window.__ran), [], payload);
    assert.deepEqual(await markupFound(page), baseline, payload);
    const tags = await resultTags(page);
    assert.deepEqual(Object.keys(tags).filter((t) => !allowed.has(t)), [], `${payload}: ${JSON.stringify(tags)}`);
    // The text is shown as text: every "<" of the payload is in the result's text.
    const shown = await page.$eval('#result', (r) => r.textContent);
    assert.ok((shown.match(/</g) ?? []).length >= (payload.match(/</g) ?? []).length, payload);
  }
  await page.waitForTimeout(300); // handlers such as onerror/onload would have fired by now
  assert.deepEqual(await page.evaluate(() => window.__ran), []);
  assert.deepEqual(errors.filter((e) => !cspNoise(e)), []);
  await close();
});

test('hostile payloads dropped as .txt, .html and .docx files, and as file names: none runs', async () => {
  const { page, errors, close } = await openTrapped();
  const safeName = (p, i, ext) => `${i}-${p.replace(/[\/\\\0]/g, '_').slice(0, 120)}.${ext}`;
  const docx = await makeDocx(payloads.filter((p) => !p.includes('\0')));
  const files = [
    { name: 'payloads.html', buffer: Buffer.from(`<!doctype html><html><body>${payloads.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`) },
    { name: 'payloads.docx', buffer: docx },
    ...payloads.slice(0, 30).map((p, i) => ({ name: safeName(p, i, 'txt'), buffer: Buffer.from(p + ' عام 2024') })),
  ];
  const before = await analyzedCount(page);
  await dropFiles(page, files);
  await analyzedAfter(page, before);
  // Show every dropped file in turn.
  const items = await page.$$('#files li');
  assert.ok(items.length >= 2, `only ${items.length} files listed`);
  for (let i = 0; i < items.length; i++) {
    const n = await analyzedCount(page);
    const item = (await page.$$('#files li'))[i];
    const target = (await item.$('button')) ?? item;
    await target.click();
    // The file already shown is not analyzed again: wait a little, not for ever.
    await page.waitForFunction((k) => Number(document.body.dataset.analyzed ?? 0) > k, n, { timeout: 5000 }).catch(() => {});
    assert.deepEqual(await page.evaluate(() => window.__ran), [], `file ${i}`);
  }
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__ran), []);
  const found = await markupFound(page);
  assert.deepEqual([found.inUserAreas, found.handlers], [0, []]);
  assert.deepEqual(errors.filter((e) => !cspNoise(e)), []);
  await close();
});

test('the CSP holds in the site.browser: an injected inline script is blocked and reported', async () => {
  const { page, close } = await openTrapped();
  const outcome = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = "window.__trap('inline')";
    document.body.append(s);
    const a = document.createElement('a');
    a.href = "javascript:window.__trap('javascript-url')";
    document.body.append(a);
    a.click();
    await new Promise((r) => setTimeout(r, 200));
    let evalBlocked = false;
    try {
      // eslint-disable-next-line no-eval
      (0, window.eval)("window.__trap('eval')");
    } catch (e) {
      evalBlocked = e instanceof EvalError;
    }
    return { ran: window.__ran, violations: window.__violations, evalBlocked };
  });
  assert.deepEqual(outcome.ran, []);
  assert.ok(outcome.violations.includes('script-src-elem'), JSON.stringify(outcome.violations));
  assert.ok(outcome.evalBlocked, 'eval is refused');
  await close();
});
