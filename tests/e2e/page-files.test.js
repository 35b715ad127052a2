// Files on the page: dropped or picked, in every supported encoding and format,
// built at test time. Binary files get a message and leave the page as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, pasteAndWait, analyzedCount, analyzedAfter, encodeSingleByte, encodeUtf16, makeDocx, pickFiles, dropFiles } from './helpers.js';

const site = useSite();

const TEXT = 'ارتفعت الصادرات بنسبة 12.5% في عام 2024، وبلغ عدد الشركات 300 شركة.\nوقال الوزير إن النمو سيستمر في عام 2026.';
const EXPECTED = [['percent', '12.5%'], ['date', 'عام 2024'], ['number', '300'], ['date', 'عام 2026']];

// The kinds the analyzer finds today; kinds added later (names, organizations...) do not break these tests.
const TODAY = ['number', 'percent', 'date'];
const marks = (page) =>
  page.$$eval('#result mark.ent', (ms, kinds) => ms.filter((m) => kinds.includes(m.dataset.kind)).map((m) => [m.dataset.kind, m.querySelector('.ent-text').textContent]), TODAY);
const shownEncoding = (page) => page.$eval('#files [aria-current="true"] .file-meta', (m) => m.dataset.encoding);

async function loadAndCheck(page, file, encoding, expectedText = TEXT, how = pickFiles) {
  const before = await analyzedCount(page);
  await how(page, [file]);
  await analyzedAfter(page, before);
  assert.equal(await page.$eval('#text', (t) => t.value), expectedText, file.name);
  assert.equal(await shownEncoding(page), encoding, file.name);
}

test('legacy Arabic encodings are detected and named: Windows-1256 and ISO-8859-6', async () => {
  const { page, errors, foreign, close } = await site.open();
  await loadAndCheck(page, { name: 'cp1256.txt', buffer: Buffer.from(encodeSingleByte(TEXT, 'windows-1256')) }, 'Windows-1256', TEXT, dropFiles);
  assert.deepEqual(await marks(page), EXPECTED);
  await loadAndCheck(page, { name: 'iso.txt', buffer: Buffer.from(encodeSingleByte(TEXT, 'iso-8859-6')) }, 'ISO-8859-6');
  assert.deepEqual(await marks(page), EXPECTED);
  assert.match(await page.$eval('#files', (l) => l.textContent), /Windows-1256[\s\S]*ISO-8859-6/);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await close();
});

test('UTF-16 (LE and BE with BOM) and UTF-8 with BOM', async () => {
  const { page, errors, close } = await site.open();
  await loadAndCheck(page, { name: 'le.txt', buffer: encodeUtf16(TEXT, true) }, 'UTF-16LE (BOM)', TEXT, dropFiles);
  assert.deepEqual(await marks(page), EXPECTED);
  await loadAndCheck(page, { name: 'be.md', buffer: encodeUtf16(TEXT, false) }, 'UTF-16BE (BOM)');
  await loadAndCheck(page, { name: 'bom.csv', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]) }, 'UTF-8 (BOM)');
  assert.deepEqual(errors, []);
  await close();
});

test('a .docx built at test time: its paragraphs become lines', async () => {
  const { page, errors, foreign, close } = await site.open();
  const paragraphs = TEXT.split('\n');
  const docx = await makeDocx([...paragraphs, '<script>window.__pwned=1</script>']);
  await loadAndCheck(page, { name: 'report.docx', buffer: docx }, 'UTF-8 (docx)', [...paragraphs, '<script>window.__pwned=1</script>'].join('\n'), dropFiles);
  assert.deepEqual((await marks(page)).slice(0, 4), EXPECTED);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await close();
});

test('HTML keeps only its text; JSON gives its string values; many files at once', async () => {
  const { page, errors, foreign, close } = await site.open();
  const html = `<!doctype html><html><head><title>t</title><style>p{}</style><script>window.__pwned=1</script>
    <link rel="stylesheet" href="https://example.com/x.css"></head><body><h1>تقرير</h1>
    <p>ارتفعت الصادرات بنسبة <b>12.5%</b> في عام 2024.</p><img src="https://example.com/track.png" onerror="window.__pwned=2">
    <p>&lt;script&gt; نص فقط</p></body></html>`;
  const json = JSON.stringify({ title: 'خبر', items: [{ body: 'في عام 2023 نما الاقتصاد 3%' }, { n: 5, ok: true }] });
  const before = await analyzedCount(page);
  await pickFiles(page, [
    { name: 'page.html', buffer: Buffer.from(html) },
    { name: 'data.json', buffer: Buffer.from(json) },
  ]);
  await analyzedAfter(page, before);
  assert.equal(await page.$eval('#text', (t) => t.value), 'تقرير\nارتفعت الصادرات بنسبة 12.5% في عام 2024.\n<script> نص فقط');
  assert.equal(await page.$$eval('#files li', (l) => l.length), 2);
  // The second file is one click away.
  const again = await analyzedCount(page);
  await page.click('#files li:nth-child(2) button');
  await analyzedAfter(page, again);
  assert.equal(await page.$eval('#text', (t) => t.value), 'خبر\nفي عام 2023 نما الاقتصاد 3%');
  assert.deepEqual(await marks(page), [['date', 'عام 2023'], ['percent', '3%']]);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval('img[src^="https"], link[href^="https"]', (n) => n.length), 0);
  // Chromium's detached DOMParser document reports the inline handler and style it did not
  // run (scripting is off there, and the page's CSP forbids them anyway); nothing else may fail.
  assert.deepEqual(errors.filter((e) => !/violates the following Content Security Policy directive '(script|style)-src/.test(e)), []);
  assert.deepEqual(foreign, []);
  await close();
});

test('a binary file gets a clear message and nothing on the page is lost', async () => {
  const { page, errors, close } = await site.open();
  await pasteAndWait(page, TEXT);
  const drawn = await page.$eval('#result', (r) => r.innerHTML);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(64, 7)]);
  await dropFiles(page, [{ name: 'photo.png', buffer: png }]);
  await page.waitForSelector('#message:not([hidden])');
  assert.match(await page.$eval('#message', (m) => m.textContent), /photo\.png.*ليس نصًا/);
  // A broken .docx too.
  await pickFiles(page, [{ name: 'broken.docx', buffer: Buffer.from('PK\u0003\u0004 not really a zip') }]);
  await page.waitForFunction(() => /broken\.docx/.test(document.getElementById('message').textContent));
  assert.equal(await page.$eval('#text', (t) => t.value), TEXT);
  assert.equal(await page.$eval('#result', (r) => r.innerHTML), drawn);
  assert.equal(await page.$$eval('#files li', (l) => l.length), 0);
  assert.deepEqual(errors, []);
  await close();
});

test('file names are text too', async () => {
  const { page, errors, close } = await site.open();
  const before = await analyzedCount(page);
  await pickFiles(page, [
    { name: '<img src=x onerror=window.__pwned=1>.txt', buffer: Buffer.from(TEXT) },
    { name: '<b>bin<i>.txt', buffer: Buffer.from([0, 1, 2, 3, 0, 0xff]) },
  ]);
  await analyzedAfter(page, before);
  assert.equal(await page.$eval('#files bdi', (b) => b.textContent), '<img src=x onerror=window.__pwned=1>.txt');
  assert.match(await page.$eval('#message', (m) => m.textContent), /<b>bin<i>\.txt/);
  assert.equal(await page.$$eval('#files img, #message b, #message i', (n) => n.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await close();
});
