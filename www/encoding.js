// Turning the bytes of a file into text: BOMs, UTF-8, and the two legacy Arabic
// encodings (Windows-1256, ISO-8859-6) told apart by how Arabic the result looks.
// Binary data is refused. Pure functions: used by the page and the tests.

/** Relative frequencies (per mille) of Arabic letters in news text, used to score a decoding. */
const ARABIC_LETTER_FREQUENCY = {
  'ا': 125, 'ل': 110, 'ي': 75, 'م': 63, 'و': 60, 'ن': 58, 'ه': 30, 'ة': 28, 'ر': 45, 'ت': 42,
  'ب': 37, 'ع': 30, 'د': 27, 'ف': 25, 'س': 24, 'ك': 20, 'ق': 20, 'ح': 18, 'ج': 11, 'ش': 9,
  'ط': 8, 'ص': 8, 'ى': 8, 'أ': 20, 'إ': 9, 'خ': 7, 'ز': 5, 'ث': 5, 'ض': 5, 'غ': 4, 'ذ': 6,
  'ظ': 2, 'ء': 3, 'ئ': 3, 'ؤ': 1, 'آ': 1, '،': 6, '؛': 0.5, '؟': 0.5,
};

/** The legacy encodings tried when the bytes are not UTF-8, as TextDecoder labels with display names. */
const LEGACY_ENCODINGS = [
  { label: 'windows-1256', name: 'Windows-1256' },
  { label: 'iso-8859-6', name: 'ISO-8859-6' },
];

/** Thrown by {@link decodeBytes} for data that is not text in any supported encoding. */
export class BinaryFileError extends Error {}

/**
 * Decodes `bytes` (a Uint8Array) to `{text, encoding}`, `encoding` being the name to show
 * (`UTF-8`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`, `UTF-16BE (BOM)`, `Windows-1256`, `ISO-8859-6`).
 * Throws {@link BinaryFileError} for binary data.
 */
export function decodeBytes(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: checkText(strictDecode('utf-16le', bytes.subarray(2))), encoding: 'UTF-16LE (BOM)' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: checkText(strictDecode('utf-16be', bytes.subarray(2))), encoding: 'UTF-16BE (BOM)' };
  }
  if (bytes.includes(0)) throw new BinaryFileError('NUL bytes');
  let utf8;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = null;
  }
  if (utf8 !== null) return { text: checkText(utf8), encoding: 'UTF-8' };
  let best = null;
  for (const { label, name } of LEGACY_ENCODINGS) {
    const text = new TextDecoder(label).decode(bytes);
    const score = arabicScore(text);
    if (!best || score > best.score) best = { text, encoding: name, score };
  }
  if (best.score <= 0) throw new BinaryFileError('not text in UTF-8, Windows-1256 or ISO-8859-6');
  return { text: checkText(best.text), encoding: best.encoding };
}

function strictDecode(label, bytes) {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new BinaryFileError(`invalid ${label}`);
  }
}

/** Refuses decoded text that holds control characters a text file would not (NUL, most C0 controls). */
function checkText(text) {
  const sample = text.length > 1 << 20 ? text.slice(0, 1 << 20) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw new BinaryFileError('NUL characters');
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  if (controls > Math.max(2, sample.length / 200)) throw new BinaryFileError('control characters');
  return text;
}

/**
 * How much a decoding of non-ASCII bytes reads like Arabic: the frequency weight of its Arabic
 * letters, minus a penalty for every other non-ASCII character (replacement characters, Latin
 * accents, symbols). Positive for a plausible Arabic text. Looks at the first 256 KiB.
 */
export function arabicScore(text) {
  const sample = text.length > 1 << 18 ? text.slice(0, 1 << 18) : text;
  let score = 0;
  let nonAscii = 0;
  for (const ch of sample) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    const f = ARABIC_LETTER_FREQUENCY[ch];
    if (f !== undefined) score += f;
    else if (ch >= '\u064b' && ch <= '\u0652') score += 2; // harakat
    else if (ch === '\u0640') score += 0; // tatweel
    else score -= 60;
  }
  return nonAscii === 0 ? 0 : score / nonAscii;
}
