/**
 * Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as used by `since`, `until` and periods.
 * A partial date names an interval: `2021-08` is 1–31 August 2021. `since` takes the start of
 * that interval and `until` its end, so `since: 2021, until: 2021` is the whole year.
 */

/** The accepted spelling of a case date. */
export const DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Day numbers (days since 1970-01-01, UTC) of the first and last day a partial date covers. */
export interface DateInterval {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;

/** Day number of a calendar date; setUTCFullYear keeps years 0–99 literal (Date.UTC maps them to 19xx). */
function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / DAY_MS;
}

function daysInMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
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
 * @throws {RangeError} when a date is not a valid partial ISO date
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
    throw new RangeError(
      `dates: "${text}" is not a valid ${what} date (YYYY, YYYY-MM or YYYY-MM-DD)`,
    );
  return d;
}
