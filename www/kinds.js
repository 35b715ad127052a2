// Labels of each entity kind, in Arabic and English. Colours live in style.css.
/** The label of each entity kind of the contract, in Arabic (`ar`) and English (`en`). */
export const KINDS = {
  person: { ar: 'شخص', en: 'person' },
  organization: { ar: 'منظمة', en: 'organization' },
  location: { ar: 'مكان', en: 'location' },
  date: { ar: 'تاريخ', en: 'date' },
  period: { ar: 'فترة', en: 'period' },
  duration: { ar: 'مدة', en: 'duration' },
  time: { ar: 'وقت', en: 'time' },
  number: { ar: 'عدد', en: 'number' },
  ordinal: { ar: 'ترتيبي', en: 'ordinal' },
  percent: { ar: 'نسبة', en: 'percent' },
  money: { ar: 'مال', en: 'money' },
  ratio: { ar: 'نسبة عددية', en: 'ratio' },
  reference: { ar: 'مرجع', en: 'reference' },
  acronym: { ar: 'اختصار', en: 'acronym' },
  url: { ar: 'رابط', en: 'url' },
  email: { ar: 'بريد', en: 'email' },
  phone: { ar: 'هاتف', en: 'phone' },
};

const pad = (n) => String(n).padStart(2, '0');

/** Numbers as `53,389,700,000,000`; one formatter for all calls (`toLocaleString` builds a new one each time). */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A short human reading of an entity's value: `2024-12-02`, `53,389,700,000,000 VND`. */
export function describeValue(kind, v) {
  if (!v) return '';
  const num = (n) => (typeof n === 'number' ? NUMBER_FORMAT.format(n) : String(n));
  const date = (d) => {
    if (!d) return '';
    if (d.resolved) return d.resolved;
    const relative = d.relative ? `${d.relative.offset > 0 ? '+' : ''}${d.relative.offset} ${d.relative.unit}` : '';
    if (relative && d.year == null) return relative;
    // ISO 8601 forms, with `--MM-DD` for a day and month without a year.
    let s = d.year != null ? String(d.year) : '-';
    if (d.month) s += `-${pad(d.month)}`;
    if (d.day) s += `-${pad(d.day)}`;
    if (d.calendar === 'hijri') s += ' AH';
    if (relative) s += ` (${relative})`;
    return d.gregorian ? `${s} (${d.gregorian})` : s;
  };
  switch (kind) {
    case 'number': case 'ordinal': return num(v.value);
    case 'percent': return `${num(v.value)}%`;
    case 'money': return `${num(v.amount)} ${v.currency}`;
    case 'date': return date(v);
    case 'period': return `${date(v.start)} → ${date(v.end)}`;
    case 'duration': return `${num(v.value)} ${v.unit}`;
    case 'time': return `${pad(v.hour)}:${pad(v.minute)}`;
    case 'ratio': return `${num(v.numerator)}/${num(v.denominator)}`;
    case 'reference': return v.code ?? '';
    case 'person': return [v.title, v.role].filter(Boolean).join(' · ');
    case 'location': return v.country ?? '';
    default: return '';
  }
}
