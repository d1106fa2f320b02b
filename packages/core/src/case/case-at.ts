/**
 * A case as it stands at one date: the actors and relations in force then (`activeAt`, which
 * reads partial dates as the intervals they name, see `case/dates.ts`). Every exporter's `at`
 * option goes through here, so all formats agree on what a snapshot holds.
 */

import { EntenteError } from '../errors.js';
import { activeAt, dateBounds, isCaseDate, parseCaseDate } from './dates.js';
import type { Case } from './schema.js';

/** Options every exporter takes. */
export interface ExportOptions {
  /**
   * A partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): export only the actors and relations
   * active at some day of it. Relations whose `from` or `to` actor is not active are left out
   * too, so the snapshot never points at a missing actor. @default undefined (everything)
   */
  readonly at?: string;
}

/**
 * The case restricted to what is active at `at`: actors and relations in force on some day of
 * that partial date, relations only when both ends are kept. Mechanism and claim references to
 * left-out actors or relations are dropped, so the snapshot is itself a valid case.
 * @throws {EntenteError} `invalid-argument` when `at` is not a partial ISO date
 * @example caseAt(c, '2021-08').actors // actors in existence during August 2021
 */
export function caseAt(c: Case, at: string): Case {
  return snapshot(c, { at }, 'caseAt');
}

/**
 * {@link caseAt} for exporters: returns `c` itself when `options.at` is absent, and names the
 * calling operation in the error.
 * @throws {EntenteError} `invalid-argument` when `options.at` is not a partial ISO date
 */
export function snapshot(c: Case, options: ExportOptions, operation: string): Case {
  const at = options.at;
  if (at === undefined) return c;
  if (typeof at !== 'string' || !isCaseDate(at)) {
    throw new EntenteError(
      'invalid-argument',
      `${operation}: at ${JSON.stringify(at)} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  }
  const actors = c.actors.filter((a) => activeAt(a, at));
  const actorIds = new Set(actors.map((a) => a.id));
  const relations = c.relations.filter(
    (r) => actorIds.has(r.from) && actorIds.has(r.to) && activeAt(r, at),
  );
  const relationIds = new Set(relations.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  const out: Case = { ...c, actors, relations };
  if (c.mechanisms) {
    out.mechanisms = c.mechanisms.map((m) => ({
      ...m,
      ...(m.actors && { actors: m.actors.filter((id) => actorIds.has(id)) }),
      ...(m.relations && { relations: m.relations.filter((id) => relationIds.has(id)) }),
    }));
  }
  if (c.claims) {
    out.claims = c.claims.map((claim) => ({
      ...claim,
      ...(claim.actors && { actors: claim.actors.filter((id) => actorIds.has(id)) }),
    }));
  }
  return out;
}

/** What a date given to an analysis covers, and what changes within it. */
export interface CaseAtInterval {
  /** The date as given: a day, a month or a year; null when none was given (every date). */
  readonly at: string | null;
  /** First and last day it covers (a year means every day of it, 1 January to 31 December). */
  readonly from: string | null;
  readonly to: string | null;
  /**
   * How a snapshot reads it: everything in force on SOME day of the interval counts, so a period
   * spanning a change holds both sides of it; without a date every relation counts.
   */
  readonly reading: 'in force on any day of the interval' | 'every relation, whatever its dates';
  /** Actors that begin or end strictly inside the interval (any time, without a date), by date. */
  readonly changes: readonly {
    readonly actor: string;
    readonly kind: string;
    readonly change: 'begins' | 'ends';
    readonly date: string;
  }[];
  /** True when a state or regime begins or ends inside the interval (a change of regime). */
  readonly regimeChange: boolean;
  /** A sentence for reports when the interval spans a regime change, else null. */
  readonly warning: string | null;
}

/**
 * The interval of days a partial date covers in case `c`, with the actors that begin or end
 * within it: analysing `--at 2021` on the built-in case covers both the Republic (until
 * 2021-08-15) and Taliban rule, and says so instead of mixing them silently. With `at` null (no
 * date: every relation counts) it lists every such change of the case.
 * @throws {EntenteError} `invalid-argument` when `at` is not a partial ISO date
 * @example caseAtInterval(c, '2021', 'landscape').regimeChange // true for the built-in case
 */
export function caseAtInterval(c: Case, at: string | null, operation: string): CaseAtInterval {
  const when =
    at === null
      ? { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY }
      : typeof at === 'string'
        ? parseCaseDate(at)
        : undefined;
  if (!when) {
    throw new EntenteError(
      'invalid-argument',
      `${operation}: at ${JSON.stringify(at)} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  }
  const bounds = at === null ? null : dateBounds(at);
  const changes: {
    actor: string;
    kind: string;
    change: 'begins' | 'ends';
    date: string;
    day: number;
  }[] = [];
  for (const a of c.actors) {
    const since = a.since === undefined ? undefined : parseCaseDate(a.since);
    const until = a.until === undefined ? undefined : parseCaseDate(a.until);
    if (since && since.start > when.start && since.start <= when.end)
      changes.push({
        actor: a.id,
        kind: a.kind,
        change: 'begins',
        date: a.since as string,
        day: since.start,
      });
    if (until && until.end >= when.start && until.end < when.end)
      changes.push({
        actor: a.id,
        kind: a.kind,
        change: 'ends',
        date: a.until as string,
        day: until.end,
      });
  }
  changes.sort((x, y) => x.day - y.day || (x.actor < y.actor ? -1 : 1));
  const regime = changes.filter((x) => x.kind === 'state' || x.kind === 'regime');
  const list = regime
    .map((x) => `${x.actor} ${x.change === 'begins' ? 'begins' : 'ends'} ${x.date}`)
    .join('; ');
  const warning =
    regime.length === 0
      ? null
      : bounds === null
        ? `no date given: every relation counts whatever its dates, across a change of regime (${list}); give --at for one moment`
        : `${at} (${bounds.first}..${bounds.last}) spans a change of regime (${list}): relations of both sides count together; give a day or month on one side to see one`;
  return {
    at,
    from: bounds?.first ?? null,
    to: bounds?.last ?? null,
    reading:
      at === null ? 'every relation, whatever its dates' : 'in force on any day of the interval',
    changes: changes.map(({ day: _, ...x }) => x),
    regimeChange: regime.length > 0,
    warning,
  };
}
