// Points the export `__wbindgen_externrefs` of a wasm module back at its
// externref table, in place:
//
//   node scripts/fix-table-export.mjs www/pkg/tahlil_bg.wasm
//
// Binaryen before version 110 (Debian 12 ships 108) writes every table export
// with index 0, the funcref table, so the wasm-bindgen glue's `table.grow` /
// `table.set` at init fail ("function-typed object must be null"). A module
// that is already right is left unchanged (prints "ok"), so the step is
// harmless with a newer wasm-opt.
import fs from 'node:fs';

const EXPORT_NAME = '__wbindgen_externrefs';
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/fix-table-export.mjs MODULE.wasm');
  process.exit(2);
}
const bytes = fs.readFileSync(file);

/** The unsigned LEB128 at `at`: [value, next offset]. */
function leb(at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
  }
}

/** `value` as an unsigned LEB128 of exactly `width` bytes (padded). */
function lebOfWidth(value, width) {
  const out = [];
  for (let i = 0; i < width; i++) {
    out.push((value & 0x7f) | (i + 1 < width ? 0x80 : 0));
    value >>>= 7;
  }
  if (value) throw new Error(`table index too large for ${width} bytes`);
  return out;
}

// Sections: imported tables come first in the table index space.
let externrefTable = -1;
let exportEntries = -1;
let importedTables = 0;
for (let at = 8; at < bytes.length; ) {
  const id = bytes[at];
  const [size, body] = leb(at + 1);
  if (id === 2) {
    // import section: count the imported tables (kind 1); none is expected from wasm-bindgen
    let [count, p] = leb(body);
    for (; count > 0; count--) {
      let len;
      [len, p] = leb(p);
      p += len; // module
      [len, p] = leb(p);
      p += len; // name
      const kind = bytes[p++];
      if (kind === 0) [, p] = leb(p);
      else if (kind === 1) {
        if (bytes[p] === 0x6f && externrefTable < 0) externrefTable = importedTables;
        importedTables++;
        p++;
        const flags = bytes[p++];
        [, p] = leb(p);
        if (flags & 1) [, p] = leb(p);
      } else if (kind === 2) {
        const flags = bytes[p++];
        [, p] = leb(p);
        if (flags & 1) [, p] = leb(p);
      } else if (kind === 3) p += 2;
      else throw new Error(`unknown import kind ${kind}`);
    }
  } else if (id === 4) {
    // table section: reftype (0x70 funcref, 0x6f externref), limits
    let [count, p] = leb(body);
    for (let i = 0; i < count; i++) {
      if (bytes[p] === 0x6f && externrefTable < 0) externrefTable = importedTables + i;
      p++;
      const flags = bytes[p++];
      [, p] = leb(p);
      if (flags & 1) [, p] = leb(p);
    }
  } else if (id === 7) {
    exportEntries = body;
  }
  at = body + size;
}

if (exportEntries < 0 || externrefTable < 0) {
  console.log('ok (no externref table)');
  process.exit(0);
}
let [count, p] = leb(exportEntries);
for (; count > 0; count--) {
  let len;
  [len, p] = leb(p);
  const name = bytes.subarray(p, p + len).toString('utf8');
  p += len;
  const kind = bytes[p++];
  const [index, next] = leb(p);
  if (name === EXPORT_NAME && kind === 1) {
    if (index === externrefTable) {
      console.log('ok');
    } else {
      // Same width as the old index, so no section size changes.
      bytes.set(lebOfWidth(externrefTable, next - p), p);
      fs.writeFileSync(file, bytes);
      console.log(`fixed: ${EXPORT_NAME} table ${index} -> ${externrefTable}`);
    }
    process.exit(0);
  }
  p = next;
}
console.log(`ok (no ${EXPORT_NAME} export)`);
