/**
 * Dates for `--over FROM..TO --step N(y|m)`: the analyses run once per date of the series.
 */
import { isCaseDate } from '@entente/core';
import { InvalidArgumentError } from 'commander';

/** Parses `--over 2015..2023` into its two ends (partial dates). */
export function parseOver(value: string): { from: string; to: string } {
  const m = /^(\d{4}(?:-\d{2}){0,2})\.\.(\d{4}(?:-\d{2}){0,2})$/.exec(value);
  if (!m || !isCaseDate(m[1] as string) || !isCaseDate(m[2] as string)) {
    throw new InvalidArgumentError(
      'expected FROM..TO with dates YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2015..2023',
    );
  }
  return { from: m[1] as string, to: m[2] as string };
}

/** Parses `--step 1y`, `6m` into a number of months. */
export function parseStep(value: string): number {
  const m = /^(\d+)(y|m)$/.exec(value);
  const n = m ? Number(m[1]) : 0;
  if (!m || n < 1 || n > 1200) throw new InvalidArgumentError('expected a step such as 1y or 6m');
  return m[2] === 'y' ? n * 12 : n;
}

/** Most dates one series may hold. */
export const MAX_SERIES = 1000;

/**
 * The dates from `from` to `to` every `months` months, written at the precision of `from`
 * (`2015` → years, `2015-06` → months; a day-precise start steps in months, kept on that day).
 * @throws {InvalidArgumentError} when `to` is before `from` or the series is longer than MAX_SERIES
 */
export function dateSeries(from: string, to: string, months: number): string[] {
  const [fy, fm = '01', fd] = from.split('-');
  const [ty, tm = '12'] = to.split('-');
  const start = Number(fy) * 12 + Number(fm) - 1;
  const end = Number(ty) * 12 + Number(tm) - 1;
  if (end < start)
    throw new InvalidArgumentError(`the series ends (${to}) before it starts (${from})`);
  const yearly = from.length === 4 && months % 12 === 0;
  const out: string[] = [];
  for (let t = start; t <= end; t += months) {
    const y = Math.floor(t / 12);
    const m = (t % 12) + 1;
    const pad = (n: number) => String(n).padStart(2, '0');
    out.push(yearly ? String(y) : fd === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${fd}`);
    if (out.length > MAX_SERIES)
      throw new InvalidArgumentError(`the series has more than ${MAX_SERIES} dates`);
  }
  return out.filter((d) => isCaseDate(d));
}
