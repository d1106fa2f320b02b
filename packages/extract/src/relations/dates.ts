/**
 * Dates in a sentence, resolved against the document's date: absolute ("since 2015",
 * "in March 2021", "3 May 2022") and relative ("this year", "last year", "over the past two
 * years", "yesterday"). Relative dates are skipped when the document has no date.
 */
import type { ExtractDateJson } from '@entente/core';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  a: 1,
};

const pad = (n: number) => String(n).padStart(2, '0');
const roleOf = (w: string | undefined): ExtractDateJson['role'] =>
  w === undefined
    ? 'at'
    : /^(since|from)$/i.test(w)
      ? 'since'
      : /^(until|till|by)$/i.test(w)
        ? 'until'
        : 'at';

/** The dates of `text`; `documentDate` is YYYY, YYYY-MM or YYYY-MM-DD. */
export function resolveDates(text: string, documentDate?: string): ExtractDateJson[] {
  const out: ExtractDateJson[] = [];
  const month = MONTHS.map((m) => `${m[0]?.toUpperCase()}${m.slice(1)}`).join('|');
  const absolute = new RegExp(
    `\\b(?:(since|Since|from|From|until|Until|till|Till|by|By|in|In|as of|As of)\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(?:(${month})\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d{2})\\b`,
    'g',
  );
  for (const m of text.matchAll(absolute)) {
    const [whole, prep, d1, mon, d2, year] = m;
    let value = year as string;
    if (mon) {
      value += `-${pad(MONTHS.indexOf(mon.toLowerCase()) + 1)}`;
      const day = Number(d1 ?? d2);
      if (day >= 1 && day <= 31) value += `-${pad(day)}`;
    }
    out.push({ text: whole.trim(), value, role: roleOf(prep) });
  }
  if (!documentDate) return out;
  const year = Number(documentDate.slice(0, 4));
  if (/\bthis year\b/i.test(text)) out.push({ text: 'this year', value: String(year), role: 'at' });
  if (/\blast year\b/i.test(text))
    out.push({ text: 'last year', value: String(year - 1), role: 'at' });
  const past = /\b(?:over |in |during )?the (?:past|last) (\w+) years\b/i.exec(text);
  const n = past ? (NUMBERS[(past[1] as string).toLowerCase()] ?? Number(past[1])) : Number.NaN;
  if (past && Number.isInteger(n) && n > 0 && n < 100) {
    out.push({ text: past[0], value: String(year - n), role: 'since' });
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(documentDate)) {
    const [y, mo, d] = documentDate.split('-').map(Number) as [number, number, number];
    const shift = (days: number) => {
      const t = new Date(Date.UTC(y, mo - 1, d + days));
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    };
    if (/\btoday\b/i.test(text)) out.push({ text: 'today', value: documentDate, role: 'at' });
    if (/\byesterday\b/i.test(text)) out.push({ text: 'yesterday', value: shift(-1), role: 'at' });
  }
  return out;
}
