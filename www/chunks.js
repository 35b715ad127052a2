// Putting the analyses of a long text's sections (the core's `sectionEnds`: cuts after line breaks)
// back together: exactly the analysis of the whole text, which the core also makes section by
// section. Pure functions: used by the worker and the tests.

/** A copy of entity `e` with its offsets moved by `offset` ({utf16, chars, bytes}). */
export function shiftEntity(e, offset) {
  return shiftInPlace({ ...e }, offset);
}

/** Moves the offsets of entity `e` by `offset` ({utf16, chars, bytes}), in place; returns `e`. */
function shiftInPlace(e, offset) {
  e.start += offset.utf16;
  e.end += offset.utf16;
  e.char_start += offset.chars;
  e.char_end += offset.chars;
  e.byte_start += offset.bytes;
  e.byte_end += offset.bytes;
  return e;
}

/** The entities of a chunk's analysis JSON, parsed, with their offsets moved by `offset` (see {@link shiftEntity}). */
export function entitiesOfChunk(json, offset) {
  const { entities } = JSON.parse(json);
  if (offset.utf16 || offset.chars || offset.bytes) for (const e of entities) shiftInPlace(e, offset);
  return entities;
}

/**
 * `{version, stats}` of an analysis JSON without parsing its entities: the contract writes `stats` last
 * (docs/contract.md), so it is the object after the last `"stats":`. Falls back to parsing it all.
 */
export function statsOfJson(json) {
  const version = Number(/^\{"version":(\d+),/.exec(json)?.[1]);
  const at = json.lastIndexOf('"stats":');
  if (version && at > 0) {
    try {
      return { version, stats: JSON.parse(json.slice(at + 8, -1)) };
    } catch {
      // not the expected layout: parse it all
    }
  }
  const { version: v, stats } = JSON.parse(json);
  return { version: v, stats };
}

/**
 * The stats of a whole text from the stats of its line-bounded pieces: counts add up
 * (words, sentences and lines never cross a line break), `arabic_share` is recomputed
 * with the core's rounding (4 decimals). Keys keep the core's order.
 */
export function mergeStats(parts) {
  const sum = (key) => parts.reduce((n, p) => n + p[key], 0);
  const out = {};
  for (const key of Object.keys(parts[0])) {
    if (key === 'digits') {
      out.digits = {};
      for (const d of Object.keys(parts[0].digits)) out.digits[d] = parts.reduce((n, p) => n + p.digits[d], 0);
    } else if (key === 'entities') {
      const counts = {};
      for (const p of parts) for (const [k, n] of Object.entries(p.entities)) counts[k] = (counts[k] ?? 0) + n;
      out.entities = Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]]));
    } else if (key === 'arabic_share') {
      out.arabic_share = 0; // filled below, keeping its place among the keys
    } else {
      out[key] = sum(key);
    }
  }
  const letters = out.arabic_letters + out.latin_letters + out.other_letters;
  out.arabic_share = letters > 0 ? Math.round((out.arabic_letters / letters) * 10000) / 10000 : 0;
  return out;
}
