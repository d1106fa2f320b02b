/**
 * Compares a predicted two-coalition configuration with an alignment observed in the case (as
 * Axelrod & Bennett 1993, British Journal of Political Science 23(2):211–233, compare their
 * predicted WWII alignment with the historical one, counting the nations placed on the wrong side).
 *
 * The prediction has two sides and no labels, so the observed groups are assigned to sides in the
 * way that misplaces the fewest actors: with two observed groups this tries the configuration and
 * its mirror; with more, every assignment of groups to the two sides with both sides used (up to
 * 16 groups; beyond, each group goes to the side holding most of its members). Only actors both in
 * the prediction and in the observation are compared; the others are listed.
 */
import type { Alignment } from '../../case/schema.js';
import { EntenteError } from '../../errors.js';

/** Result of {@link compareAlignment}. */
export interface AlignmentComparison {
  readonly alignment: string;
  /** Indices of observed groups placed on predicted side 0 and side 1. */
  readonly sides: [number[], number[]];
  /** Actors whose predicted side differs from the side their observed group was assigned to. */
  readonly misplaced: { actor: string; predicted: 0 | 1; observedGroup: number }[];
  readonly compared: number;
  /** Share of compared actors placed correctly (1 when none were compared). */
  readonly agreement: number;
  readonly notObserved: string[];
  readonly notPredicted: string[];
  readonly notes: string[];
}

const EXHAUSTIVE_GROUPS = 16;

/**
 * Which actors a predicted configuration misplaces relative to an observed alignment.
 * `prediction` is a landscape minimum, a result (its global minimum is used) or two id lists.
 * @throws {EntenteError} `invalid-argument` when an actor is in both predicted coalitions or in
 * two observed groups
 * @example compareAlignment(landscape(input), c.alignments[0]).misplaced
 */
export function compareAlignment(
  prediction:
    | readonly [readonly string[], readonly string[]]
    | { readonly coalitions: readonly [readonly string[], readonly string[]] }
    | {
        readonly globalMinimum: {
          readonly coalitions: readonly [readonly string[], readonly string[]];
        };
      },
  alignment: Pick<Alignment, 'id' | 'coalitions'>,
): AlignmentComparison {
  const coalitions =
    'globalMinimum' in prediction
      ? prediction.globalMinimum.coalitions
      : 'coalitions' in prediction
        ? prediction.coalitions
        : prediction;
  const side = new Map<string, 0 | 1>();
  coalitions.forEach((group, s) => {
    for (const id of group) {
      if (side.has(id)) {
        throw new EntenteError(
          'invalid-argument',
          `compareAlignment: actor "${id}" is in both predicted coalitions`,
        );
      }
      side.set(id, s as 0 | 1);
    }
  });
  const groupOf = new Map<string, number>();
  alignment.coalitions.forEach((group, gi) => {
    for (const id of group) {
      if (groupOf.has(id)) {
        throw new EntenteError(
          'invalid-argument',
          `compareAlignment: actor "${id}" is in two groups of alignment "${alignment.id}"`,
        );
      }
      groupOf.set(id, gi);
    }
  });
  const m = alignment.coalitions.length;
  // cost[g][s] = members of observed group g predicted on side s.
  const onSide = Array.from({ length: m }, () => [0, 0]);
  const notObserved: string[] = [];
  let compared = 0;
  for (const [id, s] of side) {
    const gi = groupOf.get(id);
    if (gi === undefined) notObserved.push(id);
    else {
      onSide[gi][s]++;
      compared++;
    }
  }
  const notPredicted = [...groupOf.keys()].filter((id) => !side.has(id));
  const notes: string[] = [];
  let assign: number[];
  if (m <= EXHAUSTIVE_GROUPS) {
    let best = Number.POSITIVE_INFINITY;
    assign = [];
    // Group 0 on side 0 or 1 both enumerated; masks using only one side are skipped.
    for (let mask = 1; mask < 2 ** m - 1; mask++) {
      let wrong = 0;
      for (let gi = 0; gi < m; gi++) wrong += onSide[gi][1 - ((mask >>> gi) & 1)];
      if (wrong < best) {
        best = wrong;
        assign = Array.from({ length: m }, (_, gi) => (mask >>> gi) & 1);
      }
    }
    if (m > 2)
      notes.push(
        `${m} observed groups merged onto the 2 predicted sides, the merge that misplaces fewest actors`,
      );
  } else {
    assign = onSide.map(([a, b]) => (b > a ? 1 : 0));
    notes.push(
      `${m} observed groups: each assigned to the predicted side holding most of its members`,
    );
  }
  const misplaced: AlignmentComparison['misplaced'] = [];
  for (const [id, s] of side) {
    const gi = groupOf.get(id);
    if (gi !== undefined && assign[gi] !== s)
      misplaced.push({ actor: id, predicted: s, observedGroup: gi });
  }
  misplaced.sort((x, y) => (x.actor < y.actor ? -1 : x.actor > y.actor ? 1 : 0));
  return {
    alignment: alignment.id,
    sides: [
      assign.flatMap((s, gi) => (s === 0 ? [gi] : [])),
      assign.flatMap((s, gi) => (s === 1 ? [gi] : [])),
    ],
    misplaced,
    compared,
    agreement: compared === 0 ? 1 : (compared - misplaced.length) / compared,
    notObserved: notObserved.sort(),
    notPredicted: notPredicted.sort(),
    notes,
  };
}
