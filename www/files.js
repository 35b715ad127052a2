// Reading the files people drop or pick: plain text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6,
// HTML (text only), .docx (its paragraphs) and JSON (its string values). Bytes become text in the
// wasm module (tahlil_core::input, the same readers as the CLI, fuzzed), run by the analysis
// worker; nothing is ever parsed into the page or inserted into it.

/** The file types the picker offers. */
export const ACCEPTED = '.txt,.md,.csv,.html,.htm,.json,.docx,text/plain,text/html,text/csv,text/markdown,application/json';

/** Thrown when a file cannot be read as text; `message` is the reason, in Arabic, ready to show. */
export class UnreadableFileError extends Error {}

/**
 * Reads `file` (a File) to `{name, text, encoding, format}`: `encoding` names how the bytes
 * were decoded, `format` what was extracted (`text`, `html`, `json`, `docx`). `decode(bytes, name)`
 * runs the wasm `decodeFile` (in the worker) and resolves to `{text, encoding, format}`.
 * Throws {@link UnreadableFileError} for binary or broken files.
 */
export async function readFile(file, decode) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let decoded;
  try {
    decoded = await decode(bytes, file.name);
  } catch (err) {
    const reason = String(err?.message ?? err);
    if (/not a readable \.docx/.test(reason)) {
      throw new UnreadableFileError(`الملف «${file.name}» ليس مستند Word (.docx) سليمًا، فلم يُقرأ.`);
    }
    if (/^tahlil: not (a text file|valid)/.test(reason)) {
      throw new UnreadableFileError(`الملف «${file.name}» ليس نصًا (يبدو ملفًا ثنائيًا أو بترميز غير مدعوم)، فلم يُقرأ.`);
    }
    throw err;
  }
  const { text, format } = decoded;
  const encoding = format === 'docx' ? 'UTF-8 (docx)' : decoded.encoding;
  const ext = (file.name.match(/\.([a-z0-9]+)$/i)?.[1] ?? '').toLowerCase();
  if (format === 'text' && ext === 'json') {
    const values = jsonText(text);
    if (values !== null) return { name: file.name, text: values, encoding, format: 'json' };
  }
  return { name: file.name, text, encoding, format };
}

/** The string values of a JSON document (not its keys), one per line; null when it is not JSON. */
export function jsonText(source) {
  let value;
  try {
    value = JSON.parse(source);
  } catch {
    return null;
  }
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return out.join('\n');
}
