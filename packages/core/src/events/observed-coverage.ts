/**
 * Periods: enumeration and order of `YYYY` and `YYYY-MM` periods, and the coverage of a dataset
 * (the first and last period it has rows for), which decides whether a period absent from a
 * series means "no events" (inside the coverage) or "unknown" (outside it).
 */
import { EntenteError } from '../errors.js';
import type { EventCoverage, EventFormat, EventResolution, EventVolume } from './types.js';

/** The resolution of a period: `YYYY` is a year, `YYYY-MM` a month. */
export function periodResolution(period: string): EventResolution {
  return period.length === 4 ? 'year' : 'month';
}

/**
 * A period's position on its own scale: the year, or months since January of year 0.
 * @throws {EntenteError} `invalid-argument` when `period` is neither `YYYY` nor `YYYY-MM`
 */
export function periodOrdinal(period: string): number {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(period);
  if (m === null)
    throw new EntenteError('invalid-argument', `periodOrdinal: "${period}" is not YYYY or YYYY-MM`);
  const y = Number(m[1]);
  return m[2] === undefined ? y : y * 12 + Number(m[2]) - 1;
}

/** The period at ordinal `n` of resolution `by` (inverse of {@link periodOrdinal}). */
export function periodAt(n: number, by: EventResolution): string {
  if (by === 'year') return String(n).padStart(4, '0');
  const y = Math.floor(n / 12);
  return `${String(y).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/**
 * The periods from `start` to `end`, both included, at their resolution.
 * @example periodsBetween('2019-11', '2020-02') // ['2019-11', '2019-12', '2020-01', '2020-02']
 * @throws {EntenteError} `invalid-argument` when the two are at different resolutions
 */
export function periodsBetween(start: string, end: string): string[] {
  const by = periodResolution(start);
  if (periodResolution(end) !== by)
    throw new EntenteError(
      'invalid-argument',
      `periodsBetween: ${start} and ${end} are not at one resolution`,
    );
  const out: string[] = [];
  for (let n = periodOrdinal(start); n <= periodOrdinal(end); n++) out.push(periodAt(n, by));
  return out;
}

/** `period` at resolution `by`: a month's year, or a year's first (`edge: 'start'`) or last month. */
export function periodAs(period: string, by: EventResolution, edge: 'start' | 'end'): string {
  const own = periodResolution(period);
  if (own === by) return period;
  if (by === 'year') return period.slice(0, 4);
  return `${period}-${edge === 'start' ? '01' : '12'}`;
}

/**
 * The coverage of formats `formats` in a store's per-period volumes, at resolution `by`: the
 * first and last period any of them has rows for; null when none has. Volumes by month give a
 * yearly coverage of their years; volumes by year give a monthly coverage from January of the
 * first year to December of the last (a yearly dataset says nothing finer; the series' caveats say
 * how its yearly rows were placed in months).
 * @example coverageOfVolumes([{ format: 'ucdp-dyadic', period: '1989', events: 40 }, …], ['ucdp-dyadic'], 'year')
 */
export function coverageOfVolumes(
  volumes: readonly EventVolume[],
  formats: readonly EventFormat[],
  by: EventResolution,
): EventCoverage | null {
  let lo: string | null = null;
  let hi: string | null = null;
  let loN = Number.POSITIVE_INFINITY;
  let hiN = Number.NEGATIVE_INFINITY;
  for (const v of volumes) {
    if (!formats.includes(v.format) || !(v.events > 0)) continue;
    const s = periodAs(v.period, by, 'start');
    const e = periodAs(v.period, by, 'end');
    const sn = periodOrdinal(s);
    const en = periodOrdinal(e);
    if (sn < loN) {
      loN = sn;
      lo = s;
    }
    if (en > hiN) {
      hiN = en;
      hi = e;
    }
  }
  return lo === null || hi === null ? null : { from: lo, until: hi };
}
