/**
 * The relations of a case in force at a date, resolved against its vocabulary (sign, layer,
 * directedness, weight), each with its index in the WHOLE case's `relations`, so leverage,
 * dependency and brokerage figures cite the relations a reader can look up.
 */
import { snapshot } from '../../case/case-at.js';
import { type EffectiveRelation, effectiveRelations } from '../../case/effective.js';
import type { Actor, Case } from '../../case/schema.js';

/** Actors and effective relations of a case at a date (all of them when `at` is undefined). */
export interface CaseAtDate {
  readonly actors: readonly Actor[];
  /** `index` is the relation's index in the whole case. */
  readonly relations: readonly EffectiveRelation[];
}

/**
 * Resolves the case at `at`; `operation` names the caller in errors.
 * @throws {EntenteError} `invalid-argument` when `at` is not a partial ISO date
 */
export function relationsAt(whole: Case, at: string | undefined, operation: string): CaseAtDate {
  const c = at === undefined ? whole : snapshot(whole, { at }, operation);
  const wholeIndex = new Map(whole.relations.map((r, i) => [r, i]));
  const relations = effectiveRelations(c).map((r) => ({
    ...r,
    index: wholeIndex.get(r.relation) ?? r.index,
  }));
  return { actors: c.actors, relations };
}
