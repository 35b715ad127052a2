// The page's pure modules run under Node: chunked analysis glue, and the file readers the
// page uses through the wasm module's decodeFile (www/pkg, loaded from its bytes). No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shiftEntity, mergeStats, statsOfJson, entitiesOfChunk } from '../../www/chunks.js';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeSingleByte, encodeUtf16, makeZip, makeDocx, fixture, WWW } from './helpers.js';

// The wasm readers (www/pkg: ./scripts/build-wasm.sh).
const wasm = await import(pathToFileURL(path.join(WWW, 'pkg/tahlil.js')).href);
await wasm.default({ module_or_path: fs.readFileSync(path.join(WWW, 'pkg/tahlil_bg.wasm')) });
/** `{text, encoding}` of `bytes` read as a plain text file. */
const decodeBytes = (bytes, name = 'file.txt') => {
  const { text, encoding } = wasm.decodeFile(new Uint8Array(bytes), name);
  return { text, encoding };
};

const ARABIC = 'ارتفعت الصادرات بنسبة 12.5% في عام 2024، وبلغت قيمتها 300 مليون دولار.\nوقال الوزير إن الحكومة ستواصل دعم المصدّرين خلال السنوات المقبلة؛ أليس كذلك؟\n';

test('sectionEnds cuts a long text after line breaks past 512 KiB of UTF-8, and its sections analyzed alone put back together are the whole analysis', () => {
  assert.deepEqual(Array.from(wasm.sectionEnds(ARABIC)), [ARABIC.length]);
  assert.deepEqual(Array.from(wasm.sectionEnds('')), [0]);
  const text = ('😀 ' + ARABIC).repeat(Math.ceil((1.6 * 1024 * 1024) / Buffer.byteLength(ARABIC)));
  const ends = Array.from(wasm.sectionEnds(text));
  assert.ok(ends.length >= 3, `${ends.length} sections`);
  assert.equal(ends[ends.length - 1], text.length);
  const chunks = ends.map((end, i) => text.slice(i ? ends[i - 1] : 0, end));
  assert.equal(chunks.join(''), text);
  for (const c of chunks.slice(0, -1)) {
    assert.ok(c.endsWith('\n'));
    // Cut at the first line break at or past 512 KiB: the one before it lies before 512 KiB.
    const head = c.slice(0, c.lastIndexOf('\n', c.length - 2) + 1);
    assert.ok(Buffer.byteLength(c) > 512 * 1024 && Buffer.byteLength(head) <= 512 * 1024, `${Buffer.byteLength(c)}`);
  }
  const offset = { utf16: 0, chars: 0, bytes: 0 };
  const entities = [];
  const parts = [];
  for (const c of chunks) {
    const json = wasm.analyzeJson(c, {});
    entities.push(...entitiesOfChunk(json, offset));
    const { stats } = statsOfJson(json);
    parts.push(stats);
    offset.utf16 += stats.utf16_length;
    offset.chars += stats.characters;
    offset.bytes += stats.bytes;
  }
  const whole = JSON.parse(wasm.analyzeJson(text, {}));
  assert.ok(whole.entities.length > 1000);
  assert.deepEqual(entities, whole.entities);
  assert.deepEqual(mergeStats(parts), whole.stats);
});

test('shiftEntity moves every offset', () => {
  const e = { kind: 'number', text: '5', start: 1, end: 2, char_start: 1, char_end: 2, byte_start: 2, byte_end: 3, value: { value: 5 } };
  assert.deepEqual(shiftEntity(e, { utf16: 10, chars: 8, bytes: 20 }), {
    ...e, start: 11, end: 12, char_start: 9, char_end: 10, byte_start: 22, byte_end: 23,
  });
});

test('a chunk crosses as JSON: its stats read without its entities, its entities parsed and shifted', () => {
  const json = wasm.analyzeJson(ARABIC.repeat(3), {});
  const analysis = JSON.parse(json);
  assert.ok(analysis.entities.length > 5);
  assert.deepEqual(statsOfJson(json), { version: analysis.version, stats: analysis.stats });
  // A text whose entities hold the word "stats" still gives the stats object.
  const tricky = wasm.analyzeJson('"stats": {} في عام 2024 "stats":', {});
  assert.deepEqual(statsOfJson(tricky).stats, JSON.parse(tricky).stats);
  const offset = { utf16: 100, chars: 90, bytes: 180 };
  assert.deepEqual(entitiesOfChunk(json, offset), analysis.entities.map((e) => shiftEntity(e, offset)));
  assert.deepEqual(entitiesOfChunk(json, { utf16: 0, chars: 0, bytes: 0 }), analysis.entities);
  // Key order is kept (the page's JSON export is compared byte for byte with one whole analysis).
  assert.equal(JSON.stringify(entitiesOfChunk(json, offset)[0]), JSON.stringify(shiftEntity(analysis.entities[0], offset)));
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
  assert.throws(() => decodeBytes(png), /^Error: tahlil: not a text file/);
  const noise = Uint8Array.from({ length: 4096 }, (_, i) => ((i * 2654435761) >>> 13) & 0xff || 1);
  assert.throws(() => decodeBytes(noise), /^Error: tahlil: not/);
  // UTF-16 with a BOM but holding control characters.
  assert.throws(() => decodeBytes(encodeUtf16('\u0001\u0002\u0003\u0004\u0005abc', true)), /^Error: tahlil: not a text file/);
});

test('.docx files: stored and deflated entries, paragraphs as lines; broken archives refused', async () => {
  const xml = (body) => `<w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
  for (const store of [true, false]) {
    const zip = await makeZip([
      { name: 'a.txt', data: 'stored ' + ARABIC, store: true },
      { name: 'word/document.xml', data: xml('<w:p><w:r><w:t>' + 'في عام 2024 '.repeat(20) + '</w:t></w:r></w:p><w:p><w:r><w:t>ثان</w:t></w:r></w:p>'), store },
    ]);
    const read = wasm.decodeFile(new Uint8Array(zip), 'doc.docx');
    assert.equal(read.format, 'docx');
    assert.equal(read.text, 'في عام 2024 '.repeat(20) + '\nثان');
  }
  const docx = await makeDocx(['الأولى', 'الثانية <b>']);
  assert.equal(wasm.decodeFile(new Uint8Array(docx), 'x.docx').text, 'الأولى\nالثانية <b>');
  assert.throws(() => wasm.decodeFile(Buffer.from('PK\u0003\u0004 not really'), 'broken.docx'), /not a readable \.docx/);
  const noDocument = await makeZip([{ name: 'a.txt', data: 'x' }]);
  assert.throws(() => wasm.decodeFile(new Uint8Array(noDocument), 'a.docx'), /word\/document\.xml/);
});
