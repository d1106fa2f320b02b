/**
 * A case as it stands at one date: the actors and relations in force then (`activeAt`, which
 * reads partial dates as the intervals they name, see `case/dates.ts`). Every exporter's `at`
 * option goes through here, so all formats agree on what a snapshot holds.
 */

import { EntenteError } from '../errors.js';
import { activeAt, isCaseDate } from './dates.js';
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
