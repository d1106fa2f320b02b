/**
 * The result shape shared by every frustration-index routine, and the function that turns a
 * two-colouring into that result: which ties it frustrates and how much of the contradiction each
 * actor carries. Definitions follow Harary (1959) and Aref, Mason & Wilson (2020); see
 * docs/analysis/frustration.md.
 */
import type { SignedGraph } from '../signed-graph.js';

/** How the value of a {@link FrustrationResult} was obtained. */
export type FrustrationMethod =
  | 'trivial'
  | 'brute-force'
  | 'lower-bound'
  | 'milp'
  | 'mixed'
  | 'heuristic';

/** Share of the frustrated ties one actor touches. */
export interface ActorFrustration {
  /** Number (or total weight) of frustrated ties incident to the actor. */
  readonly ties: number;
  /** `ties` divided by the sum over all actors (which is twice the index); 0 when balanced. */
  readonly share: number;
}

/** Result of {@link frustrationExact}, {@link frustrationHeuristic} and {@link frustration}. */
export interface FrustrationResult {
  /** Frustration of the best two-way split found (count, or weight when `weighted`). */
  readonly value: number;
  /** True only when `value` is proven minimal. */
  readonly exact: boolean;
  /** A proven lower bound on the frustration index (equals `value` when `exact`). */
  readonly lowerBound: number;
  /** Relative gap (value − lowerBound) / value; 0 when value is 0 or proven. */
  readonly gap: number;
  /** The best split of all actors: node ids on side 0 and on side 1. */
  readonly partition: readonly [readonly string[], readonly string[]];
  /** Indices (into the graph's edge arrays) of the ties the split frustrates. */
  readonly frustrated: readonly number[];
  /** For every actor, the frustrated ties it touches; each frustrated tie counts for both ends. */
  readonly perActor: Readonly<Record<string, ActorFrustration>>;
  /** Whether edge weights were used. */
  readonly weighted: boolean;
  /** What produced (and, when exact, proved) the value. */
  readonly method: FrustrationMethod;
  /** Non-fatal notes: blocks solved, solver status, time limits. */
  readonly diagnostics: FrustrationDiagnostics;
}

/** Bookkeeping reported with every {@link FrustrationResult}. */
export interface FrustrationDiagnostics {
  /** Biconnected blocks with at least two edges (bridges are not counted). */
  readonly blocks: number;
  /** Largest block, in nodes. */
  readonly largestBlock: number;
  /** Blocks solved by each path. */
  readonly solvedBy: Readonly<Record<string, number>>;
  /** HiGHS model status of each MILP solve, in order. */
  readonly solverStatus: readonly string[];
  /** True when a time limit stopped any part of the computation. */
  readonly timeLimitReached: boolean;
  /** Whether the optimal split is unique up to swapping the sides; null when not checked. */
  readonly unique: boolean | null;
  /** Seed of the heuristic, when it ran. */
  readonly seed?: number;
  /** Starts of the heuristic, when it ran. */
  readonly starts?: number;
  /** Free-text notes (e.g. why a path was taken). */
  readonly notes: readonly string[];
}

/** Frustration of the colouring `side` (0/1 per node): frustrated edges and their total. */
export function frustratedEdges(
  g: SignedGraph,
  side: Uint8Array,
  weighted: boolean,
): { value: number; frustrated: number[] } {
  const frustrated: number[] = [];
  let value = 0;
  for (let k = 0; k < g.u.length; k++) {
    const same = side[g.u[k]] === side[g.v[k]];
    if (same !== g.sign[k] > 0) {
      frustrated.push(k);
      value += weighted ? g.weight[k] : 1;
    }
  }
  return { value, frustrated };
}

/** Builds the caller-facing parts of a result (split, frustrated ties, per-actor shares). */
export function describeColouring(
  g: SignedGraph,
  side: Uint8Array,
  weighted: boolean,
): Pick<FrustrationResult, 'value' | 'partition' | 'frustrated' | 'perActor'> {
  const { value, frustrated } = frustratedEdges(g, side, weighted);
  const carried = new Float64Array(g.nodes.length);
  for (const k of frustrated) {
    const w = weighted ? g.weight[k] : 1;
    carried[g.u[k]] += w;
    carried[g.v[k]] += w;
  }
  const perActor: Record<string, ActorFrustration> = {};
  const total = 2 * value;
  const a: string[] = [];
  const b: string[] = [];
  g.nodes.forEach((id, i) => {
    perActor[id] = { ties: carried[i], share: total > 0 ? carried[i] / total : 0 };
    (side[i] === 0 ? a : b).push(id);
  });
  return { value, partition: [a, b], frustrated, perActor };
}

/** Relative gap between a value and a lower bound; 0 when the value is 0. */
export function relativeGap(value: number, lowerBound: number): number {
  return value > 0 ? Math.max(0, (value - lowerBound) / value) : 0;
}
