// The JSON Schema of the contract validates what the CLI prints, and the
// golden files agree with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT, FIXTURES } from './helpers.js';

const schema = JSON.parse(await fs.readFile(path.join(ROOT, 'schema/analysis.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const tahlil = path.join(ROOT, 'target/release/tahlil');

function check(analysis, label) {
  const ok = validate(analysis);
  assert.ok(ok, `${label}: ${JSON.stringify(validate.errors, null, 1)}`);
}

test('golden files follow the schema', async () => {
  const files = (await fs.readdir(FIXTURES)).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 5);
  for (const f of files) check(JSON.parse(await fs.readFile(path.join(FIXTURES, f), 'utf8')), f);
});

test('CLI output on mixed input follows the schema, offsets slice to the text', () => {
  const text = '😀 في عام ٢٠٢٤ ارتفع بنسبة 17.5% إلى 53,389.7 مليار دونج\nDCCI';
  const out = execFileSync(tahlil, ['analyze', '-', '--format', 'json'], { input: text, encoding: 'utf8' });
  const analysis = JSON.parse(out);
  check(analysis, 'mixed');
  assert.ok(analysis.entities.length >= 3);
  const chars = Array.from(text);
  const bytes = Buffer.from(text, 'utf8');
  for (const e of analysis.entities) {
    assert.equal(text.slice(e.start, e.end), e.text);
    assert.equal(chars.slice(e.char_start, e.char_end).join(''), e.text);
    assert.equal(bytes.subarray(e.byte_start, e.byte_end).toString('utf8'), e.text);
  }
});

test('the schema rejects a malformed analysis', () => {
  assert.equal(validate({ version: 1, entities: [{ kind: 'date', text: 'x' }], stats: {} }), false);
  assert.equal(validate({ version: 2, entities: [], stats: {} }), false);
});
