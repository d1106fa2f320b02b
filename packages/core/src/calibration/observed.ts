/**
 * Observed yearly battle deaths per dyad of a case, read from UCDP's annual files (the dyadic
 * Battle-Related Deaths and Non-State Conflict datasets as one CSV, as in
 * `../shared/data/events/ucdp-afpak-annual-1989-2021.csv`). This is calibration's own reader until
 * the event store (docs/events.md) can answer the same question; it reads only the columns below
 * and keeps state-based (type_of_violence 1) and non-state (2) dyad-years — the fighting between
 * two sides — and leaves one-sided violence (3) out.
 *
 * Which UCDP side names stand for which actor of the case is data, not code: an
 * {@link ObservedNames} list (a JSON file beside the case, `<case>.observed.json`, for the built-in
 * case) maps names to actors over date ranges, because UCDP's names change meaning with time
 * ("Government of Afghanistan" is the Republic until 15 August 2021 and the Taliban after). A
 * yearly row is matched at its start date (`date_start`), so a year that spans a change counts
 * for the side in place on 1 January.
 *
 * The count of a target dyad in a year is the sum of `best` over the matched rows, in either
 * order of sides; rows whose `multi_country` is TRUE carry the dyad's total over all its
 * countries and are summed as they are. UCDP records a dyad-year only from 25 battle deaths, so a
 * year of the file with no row for a dyad counts 0 (fewer than 25); a year outside the file's
 * years is missing (NaN) and the calibration skips it.
 */
import { z } from 'zod';
import { EntenteError } from '../errors.js';
import { readCsvTable } from '../interop/csv-table.js';

/** One dyad-year of UCDP's annual data, as calibration reads it. */
export interface UcdpDyadYear {
  readonly year: number;
  readonly dateStart: string;
  readonly typeOfViolence: number;
  readonly sideA: string;
  readonly sideB: string;
  readonly best: number;
  readonly multiCountry: boolean;
  /** 1-based line of the row in the file. */
  readonly line: number;
}

/** The UCDP annual file read: its rows and the span of years it covers. */
export interface UcdpAnnual {
  readonly rows: readonly UcdpDyadYear[];
  readonly firstYear: number;
  readonly lastYear: number;
}

const REQUIRED = ['year', 'date_start', 'type_of_violence', 'side_a', 'side_b', 'best'] as const;

/**
 * Reads UCDP's annual CSV (columns `year, date_start, type_of_violence, side_a, side_b, best`,
 * optional `multi_country`); other columns are ignored.
 * @throws {EntenteError} `invalid-csv` naming `file:line` for a missing column, a malformed year,
 *   date or count, or a CSV syntax error
 */
export function readUcdpAnnual(text: string, file: string): UcdpAnnual {
  const op = 'calibrate observed';
  const table = readCsvTable(text);
  if (table.errors.length > 0) {
    const e = table.errors[0];
    throw new EntenteError('invalid-csv', `${op}: ${file}:${e.line}: ${e.message}`);
  }
  if (!table.header) throw new EntenteError('invalid-csv', `${op}: ${file}: the file is empty`);
  const columns = table.header.cells.map((c) => c.value.trim());
  const at = (name: string) => columns.indexOf(name);
  for (const name of REQUIRED) {
    if (at(name) < 0)
      throw new EntenteError(
        'invalid-csv',
        `${op}: ${file}:${table.header.line}: no column "${name}" (UCDP annual files have ${REQUIRED.join(', ')})`,
      );
  }
  const multi = at('multi_country');
  const rows: UcdpDyadYear[] = [];
  let firstYear = Number.POSITIVE_INFINITY;
  let lastYear = Number.NEGATIVE_INFINITY;
  for (const record of table.rows) {
    const cell = (name: string) => (record.cells[at(name)]?.value ?? '').trim();
    const bad = (what: string) =>
      new EntenteError('invalid-csv', `${op}: ${file}:${record.line}: ${what}`);
    const year = Number(cell('year'));
    if (!Number.isInteger(year)) throw bad(`year "${cell('year')}" is not a whole number`);
    const dateStart = cell('date_start');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateStart))
      throw bad(`date_start "${dateStart}" is not YYYY-MM-DD`);
    const best = Number(cell('best'));
    if (cell('best') === '' || !Number.isFinite(best) || best < 0)
      throw bad(`best "${cell('best')}" is not a count ≥ 0`);
    const typeOfViolence = Number(cell('type_of_violence'));
    firstYear = Math.min(firstYear, year);
    lastYear = Math.max(lastYear, year);
    rows.push({
      year,
      dateStart,
      typeOfViolence,
      sideA: cell('side_a'),
      sideB: cell('side_b'),
      best,
      multiCountry: multi >= 0 && /^true$/i.test((record.cells[multi]?.value ?? '').trim()),
      line: record.line,
    });
  }
  if (rows.length === 0) throw new EntenteError('invalid-csv', `${op}: ${file}: no rows`);
  return { rows, firstYear, lastYear };
}

/** Which UCDP side names stand for an actor, and when (dates `YYYY-MM-DD`, `until` exclusive). */
export const ObservedNameSchema = z.object({
  actor: z.string().min(1),
  names: z.array(z.string().min(1)).min(1),
  from: z.iso.date().optional(),
  until: z.iso.date().optional(),
});

/** The names file: `{ "dataset": "ucdp", "actors": [...] }`. */
export const ObservedNamesSchema = z.object({
  dataset: z.literal('ucdp'),
  actors: z.array(ObservedNameSchema),
});

/** One mapping entry of {@link ObservedNamesSchema}. */
export type ObservedName = z.infer<typeof ObservedNameSchema>;
/** A names file. */
export type ObservedNames = z.infer<typeof ObservedNamesSchema>;

/** The actor a UCDP side name stands for on `date` (`undefined` when none). */
function actorOf(names: ObservedNames, name: string, date: string): string | undefined {
  for (const entry of names.actors) {
    if (entry.from !== undefined && date < entry.from) continue;
    if (entry.until !== undefined && date >= entry.until) continue;
    if (entry.names.includes(name)) return entry.actor;
  }
  return undefined;
}

/** A dyad to count: two actor ids of the case. */
export interface ObservedDyad {
  readonly dyad: readonly [string, string];
}

/**
 * Observed counts per target and year, target-major (`out[t · years.length + y]`): the sum of
 * `best` over the state-based and non-state rows whose sides map to the target's two actors; 0 in
 * a year of the file without such a row; NaN for a year outside the file.
 */
export function observedCounts(
  data: UcdpAnnual,
  names: ObservedNames,
  targets: readonly ObservedDyad[],
  years: readonly number[],
): Float64Array {
  const out = new Float64Array(targets.length * years.length);
  years.forEach((year, y) => {
    const inFile = year >= data.firstYear && year <= data.lastYear;
    for (let t = 0; t < targets.length; t++) out[t * years.length + y] = inFile ? 0 : Number.NaN;
  });
  const yearIndex = new Map(years.map((year, y) => [year, y]));
  for (const row of data.rows) {
    if (row.typeOfViolence !== 1 && row.typeOfViolence !== 2) continue;
    const y = yearIndex.get(row.year);
    if (y === undefined) continue;
    const a = actorOf(names, row.sideA, row.dateStart);
    const b = actorOf(names, row.sideB, row.dateStart);
    if (a === undefined || b === undefined) continue;
    targets.forEach((target, t) => {
      const [p, q] = target.dyad;
      if ((a === p && b === q) || (a === q && b === p)) out[t * years.length + y] += row.best;
    });
  }
  return out;
}
