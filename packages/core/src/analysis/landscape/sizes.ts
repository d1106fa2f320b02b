/**
 * Actor sizes for the landscape, by a stated rule (docs/analysis.md, "Actor sizes"). Axelrod &
 * Bennett (1993) weigh each actor by its size s_i; which size is an analyst's choice, and with
 * CINC capability shares the armed groups weigh ~10⁻⁵ of the great powers, so their pull on the
 * configuration vanishes. The rules make that choice explicit: `capability` (the case's sizes),
 * `equal` (all 1) or `threat-salience` (how much of the threat system an actor is part of).
 */
import { snapshot } from '../../case/case-at.js';
import { effectiveRelations } from '../../case/effective.js';
import type { Case } from '../../case/schema.js';
import type { SizeRule } from '../analysis-options.js';

/** The relation types whose strength makes an actor threat-salient. */
export const THREAT_SALIENCE_TYPES: readonly string[] = Object.freeze(['threat']);

/**
 * Each actor's size under `rule` at the partial date `at` (all actors of the case in force then;
 * an actor absent from the map, or with size 0, is left out of the landscape unless the caller
 * gives a default size):
 * - `capability`: `actor.size.value` where given;
 * - `equal`: 1;
 * - `threat-salience`: Σ weight × evidence share × confidence of the `threat` relations in force
 *   that the actor poses or faces.
 * @throws {EntenteError} `invalid-argument` when `at` is not a partial ISO date
 * @example actorSizes(c, 'threat-salience', '2023').get('isk') // > 0
 */
export function actorSizes(c: Case, rule: SizeRule, at: string | null): Map<string, number> {
  const s = at === null ? c : snapshot(c, { at }, 'actorSizes');
  const out = new Map<string, number>();
  if (rule === 'capability') {
    for (const a of s.actors) if (a.size !== undefined) out.set(a.id, a.size.value);
  } else if (rule === 'equal') {
    for (const a of s.actors) out.set(a.id, 1);
  } else {
    const types = new Set(THREAT_SALIENCE_TYPES);
    for (const r of effectiveRelations(s)) {
      if (!types.has(r.relation.type)) continue;
      for (const id of [r.relation.from, r.relation.to])
        out.set(id, (out.get(id) ?? 0) + r.expectedWeight);
    }
  }
  return out;
}
