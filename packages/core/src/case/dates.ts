/**
 * Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as used by `since`, `until` and periods.
 * A partial date names an interval: `2021-08` is 1–31 August 2021. `since` takes the start of
 * that interval and `until` its end, so `since: 2021, until: 2021` is the whole year.
 */
import { EntenteError } from '../errors.js';

/** The accepted spelling of a case date. */
export const DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Day numbers (days since 1970-01-01, UTC) of the first and last day a partial date covers. */
export interface DateInterval {
  readonly start: number;
  readonly end: number;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic (H. Hinnant,
 * "chrono-compatible low-level date algorithms", days_from_civil): no Date objects, exact for
 * every year including 0–99.
 */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Parses a partial ISO date into the interval of days it covers, or `undefined` when the text is
 * not a real date (`2021-02-30`, `2021-13`).
 */
export function parseCaseDate(text: string): DateInterval | undefined {
  const m = DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) {
    return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31) };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) {
    return { start: dayNumber(year, month, 1), end: dayNumber(year, month, last) };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return undefined;
  const d = dayNumber(year, month, day);
  return { start: d, end: d };
}

/** True when the text is a valid partial ISO date. */
export function isCaseDate(text: string): boolean {
  return parseCaseDate(text) !== undefined;
}

/**
 * True when something holding from `since` to `until` (either open) is in force at any day of
 * `at` (a partial date). Throws on an invalid date.
 * @throws {EntenteError} `invalid-argument` when a date is not a valid partial ISO date
 */
export function activeAt(
  span: { readonly since?: string | undefined; readonly until?: string | undefined },
  at: string,
): boolean {
  const when = mustParse(at, 'at');
  const since = span.since === undefined ? -Infinity : mustParse(span.since, 'since').start;
  const until = span.until === undefined ? Infinity : mustParse(span.until, 'until').end;
  return since <= when.end && until >= when.start;
}

/** True when the span `[since, until]` overlaps the interval `[from, to]` (either end open). */
export function overlaps(
  span: { readonly since?: string | undefined; readonly until?: string | undefined },
  range: { readonly start: string; readonly end?: string | undefined },
): boolean {
  const since = span.since === undefined ? -Infinity : mustParse(span.since, 'since').start;
  const until = span.until === undefined ? Infinity : mustParse(span.until, 'until').end;
  const from = mustParse(range.start, 'start').start;
  const to = range.end === undefined ? Infinity : mustParse(range.end, 'end').end;
  return since <= to && until >= from;
}

function mustParse(text: string, what: string): DateInterval {
  const d = parseCaseDate(text);
  if (!d)
    throw new EntenteError(
      'invalid-argument',
      `dates: "${text}" is not a valid ${what} date (YYYY, YYYY-MM or YYYY-MM-DD)`,
    );
  return d;
}

/**
 * The first and last day (`YYYY-MM-DD`) a partial date covers: `2021` → 2021-01-01..2021-12-31.
 * @throws {RangeError} when `text` is not a valid partial ISO date
 */
export function dateBounds(text: string): { readonly first: string; readonly last: string } {
  mustParse(text, 'at');
  const [y, m, d] = text.split('-');
  if (d !== undefined) return { first: text, last: text };
  if (m !== undefined) {
    const last = daysInMonth(Number(y), Number(m));
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}
