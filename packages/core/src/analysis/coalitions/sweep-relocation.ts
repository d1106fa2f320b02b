/**
 * Doreian–Mrvar relocation with the number of groups swept: one {@link relocate} run per k from
 * `kMin` to `kMax`, all with the same α, starts and seed. Doreian & Mrvar (1996, §4) read the
 * sequence of errors to choose k: P(C) never rises in theory as k grows when empty groups are
 * allowed, so the k where it stops falling is the natural number of coalitions.
 */
import { EntenteError } from '../../errors.js';
import type { SignedGraph } from '../signed-graph.js';
import { type RelocationOptions, type RelocationResult, relocate } from './relocate.js';

/** Options of {@link sweepRelocation}: those of relocate without `k`, plus the range of k. */
export interface SweepRelocationOptions extends Omit<RelocationOptions, 'k'> {
  /** Smallest k. @default 1 */
  readonly kMin?: number;
  /** Largest k. @default min(8, number of actors) */
  readonly kMax?: number;
}

/**
 * Runs {@link relocate} for every k in `kMin..kMax` and returns the results in order of k.
 * @throws {EntenteError} `invalid-argument` when the range is empty or out of 1..n
 * @example sweepRelocation(g, { kMin: 2, kMax: 4 }).map((r) => r.error)
 */
export function sweepRelocation(
  g: SignedGraph,
  options: SweepRelocationOptions = {},
): RelocationResult[] {
  const n = g.nodes.length;
  const kMin = options.kMin ?? 1;
  const kMax = options.kMax ?? Math.min(8, n);
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 1 || kMax > n || kMin > kMax) {
    throw new EntenteError(
      'out-of-range',
      `sweepRelocation: k range ${kMin}..${kMax} is empty or outside 1..${n}`,
    );
  }
  const { kMin: _a, kMax: _b, ...rest } = options;
  const results: RelocationResult[] = [];
  for (let k = kMin; k <= kMax; k++) results.push(relocate(g, { ...rest, k }));
  return results;
}
