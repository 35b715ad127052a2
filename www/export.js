// Taking results away: the analysis JSON (the contract), a CSV of the entities,
// the normalized text; each downloaded as a file or copied to the clipboard.
import { describeValue } from './kinds.js';

/** The analysis as contract JSON (compact, key order as the core writes it). */
export const analysisJson = (analysis) => JSON.stringify(analysis);

const CSV_COLUMNS = ['kind', 'text', 'value', 'start', 'end', 'char_start', 'char_end', 'byte_start', 'byte_end', 'value_json'];

/** One CSV field, quoted when it needs to be (RFC 4180). */
function csvField(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The entities as CSV (RFC 4180, CRLF, with a header row), starting with a BOM so spreadsheets read UTF-8. */
export function entitiesCsv(entities) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entities) {
    lines.push(
      [e.kind, e.text, describeValue(e.kind, e.value), e.start, e.end, e.char_start, e.char_end, e.byte_start, e.byte_end, JSON.stringify(e.value)]
        .map(csvField)
        .join(','),
    );
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** Offers `text` as a file named `name` (a Blob URL, never leaving the machine). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies `text` to the clipboard; falls back to a hidden text area where the Clipboard API is refused. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
