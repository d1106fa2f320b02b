/**
 * The one table of a run's outcomes (docs/model.md, M17): each family's name pattern and whether
 * it has one value, one per group or one per state. Both the outcome names (`outcomeNames`) and
 * the positions the engine writes each outcome at are derived from this table, so the two cannot
 * drift apart.
 */

/** How many values an outcome family has: one, one per armed group, or one per state. */
export type OutcomeArity = 'one' | 'group' | 'state';

/** The outcome families in the order a run writes them; `*` stands for an actor id. */
export const OUTCOME_TABLE = [
  { family: 'strength.total.change', per: 'one' },
  { family: 'strength.*.change', per: 'group' },
  { family: 'strength.total.final', per: 'one' },
  { family: 'insecurity.mean', per: 'one' },
  { family: 'insecurity.*.mean', per: 'state' },
  { family: 'insecurity.max', per: 'one' },
  { family: 'insecurity.change', per: 'one' },
  { family: 'capacity.final', per: 'one' },
  { family: 'capacity.mean', per: 'one' },
  { family: 'effort.mean', per: 'one' },
  { family: 'effort.*.mean', per: 'group' },
  { family: 'harm.total', per: 'one' },
  { family: 'vacuum.months', per: 'one' },
  { family: 'opposition.final', per: 'one' },
  { family: 'engagement.mean', per: 'one' },
  { family: 'engagement.*.mean', per: 'state' },
] as const satisfies readonly { readonly family: string; readonly per: OutcomeArity }[];

/** One outcome family of {@link OUTCOME_TABLE}. */
export type OutcomeFamilyName = (typeof OUTCOME_TABLE)[number]['family'];

/** Where each family's first value sits in an outcome vector, and the vector's length. */
export interface OutcomeLayout {
  readonly offset: Readonly<Record<OutcomeFamilyName, number>>;
  readonly count: number;
}

/**
 * The positions of every outcome family for a model with `groups` groups and `states` states.
 * @example outcomeLayout(3, 6).offset['strength.*.change'] // 1
 */
export function outcomeLayout(groups: number, states: number): OutcomeLayout {
  const offset = {} as Record<OutcomeFamilyName, number>;
  let n = 0;
  for (const { family, per } of OUTCOME_TABLE) {
    offset[family] = n;
    n += per === 'one' ? 1 : per === 'group' ? groups : states;
  }
  return { offset: Object.freeze(offset), count: n };
}

/**
 * The outcome names for the given group and state ids, in the order of {@link outcomeLayout}.
 * @example outcomeNamesOf(['isk'], ['us'])[1] // 'strength.isk.change'
 */
export function outcomeNamesOf(
  groups: readonly string[],
  states: readonly string[],
): readonly string[] {
  const names: string[] = [];
  for (const { family, per } of OUTCOME_TABLE) {
    if (per === 'one') names.push(family);
    else for (const id of per === 'group' ? groups : states) names.push(family.replace('*', id));
  }
  return names;
}

/**
 * The families of outcome names: `*` stands for an actor id (a group for strength and effort, a
 * state for insecurity and engagement).
 */
export const OUTCOME_FAMILIES: readonly OutcomeFamilyName[] = Object.freeze(
  OUTCOME_TABLE.map((f) => f.family),
);

/**
 * The family of an outcome name and the actor id it names, or undefined when the name belongs
 * to no family.
 * @example outcomeFamily('strength.isk.change') // { family: 'strength.*.change', actor: 'isk' }
 */
export function outcomeFamily(
  name: string,
): { readonly family: string; readonly actor?: string } | undefined {
  if ((OUTCOME_FAMILIES as readonly string[]).includes(name)) return { family: name };
  const m = /^(strength|insecurity|effort|engagement)\.(.+)\.(change|mean)$/.exec(name);
  if (!m) return undefined;
  const family = `${m[1]}.*.${m[3]}`;
  if (!(OUTCOME_FAMILIES as readonly string[]).includes(family)) return undefined;
  return { family, actor: m[2] };
}
