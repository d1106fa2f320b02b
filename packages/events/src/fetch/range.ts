/**
 * The day range of a fetch: `--from` and `--to` as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, widened to
 * the first and last day they name.
 */
import { EntenteError } from '@entente/core';

const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function widen(op: string, date: string, side: 'from' | 'to'): string {
  const m = DAY.exec(date);
  if (!m)
    throw new EntenteError(
      'invalid-argument',
      `${op}: --${side} ${JSON.stringify(date)} is not YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  const y = Number(m[1]);
  const mo = m[2] === undefined ? (side === 'from' ? 1 : 12) : Number(m[2]);
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const d = m[3] === undefined ? (side === 'from' ? 1 : lastDay) : Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > lastDay) {
    throw new EntenteError('invalid-argument', `${op}: --${side} ${date} is not a calendar date`);
  }
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The first and last day (`YYYY-MM-DD`, inclusive) of a range given as partial dates.
 * @throws EntenteError `invalid-argument` on a malformed date or `from` after `to`.
 */
export function dayRange(op: string, from: string, to: string): [string, string] {
  const first = widen(op, from, 'from');
  const last = widen(op, to, 'to');
  if (first > last)
    throw new EntenteError('invalid-argument', `${op}: --from ${from} is after --to ${to}`);
  return [first, last];
}

/** The range cut at year ends: [[first, last of its year], …, [first of last's year, last]]. */
export function splitByYear(first: string, last: string): [string, string][] {
  const out: [string, string][] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) {
    const a = y === Number(first.slice(0, 4)) ? first : `${y}-01-01`;
    const b = y === Number(last.slice(0, 4)) ? last : `${y}-12-31`;
    out.push([a, b]);
  }
  return out;
}
