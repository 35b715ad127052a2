// The page's pure modules run under Node: chunked analysis glue, encoding
// detection and the ZIP reader. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitAtLines, shiftEntity, mergeStats } from '../../www/chunks.js';
import { decodeBytes, BinaryFileError } from '../../www/encoding.js';
import { listZip, readZipEntry } from '../../www/zip.js';
import { encodeSingleByte, encodeUtf16, makeZip, fixture } from './helpers.js';

const ARABIC = 'ارتفعت الصادرات بنسبة 12.5% في عام 2024، وبلغت قيمتها 300 مليون دولار.\nوقال الوزير إن الحكومة ستواصل دعم المصدّرين خلال السنوات المقبلة؛ أليس كذلك؟\n';

test('splitAtLines cuts after line breaks and loses nothing', () => {
  const text = 'aaaa\nbb\ncccccc\nd';
  for (const size of [1, 2, 5, 100]) {
    const chunks = splitAtLines(text, size);
    assert.equal(chunks.join(''), text, `size ${size}`);
    for (const c of chunks.slice(0, -1)) assert.ok(c.endsWith('\n'), `size ${size}: ${JSON.stringify(c)}`);
  }
  assert.deepEqual(splitAtLines(text, 5), ['aaaa\nbb\n', 'cccccc\n', 'd']);
  assert.deepEqual(splitAtLines('no breaks at all', 3), ['no breaks at all']);
});

test('shiftEntity moves every offset', () => {
  const e = { kind: 'number', text: '5', start: 1, end: 2, char_start: 1, char_end: 2, byte_start: 2, byte_end: 3, value: { value: 5 } };
  assert.deepEqual(shiftEntity(e, { utf16: 10, chars: 8, bytes: 20 }), {
    ...e, start: 11, end: 12, char_start: 9, char_end: 10, byte_start: 22, byte_end: 23,
  });
});

test('mergeStats adds counts, recomputes the Arabic share and keeps key order', () => {
  const golden = JSON.parse(JSON.stringify({
    characters: 10, utf16_length: 11, bytes: 18, words: 3, sentences: 2, lines: 2, arabic_letters: 5, latin_letters: 2,
    other_letters: 0, arabic_share: 0.7143, diacritics: 1, tatweel: 0, digits: { western: 2, arabic_indic: 1, persian: 0 },
    entities: { number: 2, date: 1 },
  }));
  const other = { ...golden, arabic_letters: 1, latin_letters: 3, arabic_share: 0.25, entities: { percent: 1, number: 1 } };
  const merged = mergeStats([golden, other]);
  assert.deepEqual(Object.keys(merged), Object.keys(golden));
  assert.equal(merged.characters, 20);
  assert.equal(merged.arabic_letters, 6);
  assert.equal(merged.arabic_share, Math.round((6 / 11) * 10000) / 10000);
  assert.deepEqual(merged.digits, { western: 4, arabic_indic: 2, persian: 0 });
  assert.deepEqual(merged.entities, { date: 1, number: 3, percent: 1 });
  assert.deepEqual(Object.keys(merged.entities), ['date', 'number', 'percent']);
});

test('UTF-8 with and without BOM, UTF-16 LE and BE with BOM', () => {
  const utf8 = Buffer.from(ARABIC, 'utf8');
  assert.deepEqual(decodeBytes(utf8), { text: ARABIC, encoding: 'UTF-8' });
  assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), { text: ARABIC, encoding: 'UTF-8 (BOM)' });
  assert.deepEqual(decodeBytes(encodeUtf16(ARABIC, true)), { text: ARABIC, encoding: 'UTF-16LE (BOM)' });
  assert.deepEqual(decodeBytes(encodeUtf16(ARABIC, false)), { text: ARABIC, encoding: 'UTF-16BE (BOM)' });
});

test('Windows-1256 and ISO-8859-6 are told apart', async () => {
  // ISO-8859-6 has no Persian-only letters, shadda-free text both encode; the seed minus what neither has.
  const seed = (await fixture('003_cf0455dd74656a58.txt')).slice(0, 3000);
  for (const text of [ARABIC, 'في عام 2023 قال الرئيس', seed.replace(/[^\u0621-\u063a\u0641-\u064a\s0-9.,%،؛؟]/g, '')]) {
    for (const [label, name] of [['windows-1256', 'Windows-1256'], ['iso-8859-6', 'ISO-8859-6']]) {
      const decoded = decodeBytes(encodeSingleByte(text, label));
      assert.equal(decoded.encoding, name, `${name}: ${text.slice(0, 30)}`);
      assert.equal(decoded.text, text);
    }
  }
});

test('binary data is refused', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.throws(() => decodeBytes(png), BinaryFileError);
  const noise = Uint8Array.from({ length: 4096 }, (_, i) => ((i * 2654435761) >>> 13) & 0xff || 1);
  assert.throws(() => decodeBytes(noise), BinaryFileError);
  // UTF-16 with a BOM but holding control characters.
  assert.throws(() => decodeBytes(encodeUtf16('\u0001\u0002\u0003\u0004\u0005abc', true)), BinaryFileError);
});

test('the ZIP reader lists and inflates entries (stored and deflated)', async () => {
  const zip = await makeZip([
    { name: 'a.txt', data: 'stored ' + ARABIC, store: true },
    { name: 'word/document.xml', data: '<x>' + ARABIC.repeat(20) + '</x>' },
  ]);
  const entries = listZip(new Uint8Array(zip));
  assert.deepEqual([...entries.keys()], ['a.txt', 'word/document.xml']);
  const inflated = await readZipEntry(new Uint8Array(zip), 'word/document.xml');
  assert.equal(new TextDecoder().decode(inflated), '<x>' + ARABIC.repeat(20) + '</x>');
  const stored = await readZipEntry(new Uint8Array(zip), 'a.txt');
  assert.equal(new TextDecoder().decode(stored), 'stored ' + ARABIC);
  assert.equal(await readZipEntry(new Uint8Array(zip), 'missing'), null);
});
