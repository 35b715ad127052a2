// A guard on the page code: user text must only ever be inserted as text, and
// no code may be built from strings. Fails when www/ (outside the generated
// www/pkg) assigns to innerHTML/outerHTML, calls insertAdjacentHTML,
// document.write, eval, new Function, or string-bodied setTimeout/setInterval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { WWW } from './helpers.js';

const FORBIDDEN = [
  [/\.(innerHTML|outerHTML)\s*(\+?=)(?!=)/, 'assignment to innerHTML/outerHTML'],
  [/\binsertAdjacentHTML\s*\(/, 'insertAdjacentHTML'],
  [/\bdocument\.write(ln)?\s*\(/, 'document.write'],
  [/(^|[^.\w])eval\s*\(/, 'eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'string-bodied timer'],
  [/\bcreateContextualFragment\s*\(/, 'createContextualFragment'],
];

async function* jsFiles(dir) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join(WWW, 'pkg')) yield* jsFiles(full);
    } else if (/\.(m?js|html)$/.test(entry.name)) {
      yield full;
    }
  }
}

/** Drops comments so that prose about innerHTML does not count. */
const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

test('page code never turns strings into markup or code', async () => {
  const problems = [];
  let files = 0;
  for await (const file of jsFiles(WWW)) {
    files++;
    const lines = stripComments(await fs.readFile(file, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      for (const [re, what] of FORBIDDEN) {
        if (re.test(line)) problems.push(`${path.relative(WWW, file)}:${i + 1}: ${what}: ${line.trim()}`);
      }
    });
  }
  assert.ok(files >= 5, `scanned only ${files} files`);
  assert.deepEqual(problems, []);
});

test('the guard itself catches what it should', () => {
  const caught = (src) => FORBIDDEN.some(([re]) => stripComments(src).split('\n').some((l) => re.test(l)));
  assert.ok(caught('el.innerHTML = userText;'));
  assert.ok(caught('el.outerHTML += x'));
  assert.ok(caught('eval(code)'));
  assert.ok(caught('const f = new Function("a", body)'));
  assert.ok(caught("setTimeout('alert(1)', 5)"));
  assert.ok(!caught('// never use el.innerHTML = x'));
  assert.ok(!caught('if (a.innerHTML === b) {}'));
  assert.ok(!caught('retrieval(x); medieval (y)'));
});
