/**
 * Heuristic frustration index for large signed graphs: multi-start iterated local search
 * (single-node flips with incrementally maintained gains, see local-search.ts) from spectral and
 * greedy starts (starts.ts), with a cycle-packing lower bound (lower-bound.ts) so every answer
 * carries a proven gap. Aref & Wilson (2019, "Balance and frustration in signed networks",
 * Journal of Complex Networks 7(2)) define the index and discuss such bounds.
 */
import { EntenteError } from '../../errors.js';
import { createRng } from '../random.js';
import type { SignedGraph } from '../signed-graph.js';
import { FlipSearch } from './local-search.js';
import { cyclePackingBound } from './lower-bound.js';
import { describeColouring, type FrustrationResult, relativeGap } from './result.js';
import { greedyStart, spectralStart } from './starts.js';

/** Options of {@link frustrationHeuristic}. */
export interface FrustrationHeuristicOptions {
  /** Seed of the random starts and kicks. @default 1 */
  readonly seed?: number;
  /** Number of starts (the first is spectral, the others greedy). @default 4 */
  readonly starts?: number;
  /** Sum edge weights instead of counting ties. @default false */
  readonly weighted?: boolean;
  /** Perturbation steps per start. @default 10 × nodes, at most 2,000,000 */
  readonly kicks?: number;
  /**
   * Wall-clock budget in milliseconds for the search (checked between kicks, using the host's
   * `performance.now` when present). Results are reproducible only when it is not reached.
   * @default undefined (no limit)
   */
  readonly timeLimitMs?: number;
  /**
   * Most nodes one lower-bound search may discover; searches on graphs above 20,000 nodes also
   * stop at closing paths of 4 ties. @default all when nodes ≤ 20,000, else 1,000
   */
  readonly boundMaxVisits?: number;
  /** An extra starting colouring (0/1 per node), tried first. */
  readonly initial?: Uint8Array;
}

/** Options of {@link frustrationHeuristic} with defaults filled in. */
export interface ResolvedFrustrationHeuristicOptions {
  readonly seed: number;
  readonly starts: number;
  readonly weighted: boolean;
  readonly kicks: number;
  readonly timeLimitMs: number | null;
  readonly boundMaxVisits: number;
}

/**
 * Fills in the defaults of heuristic options.
 * @throws {EntenteError} `invalid-argument` on a non-positive or non-integer count or limit
 */
export function resolveFrustrationHeuristicOptions(
  g: SignedGraph,
  options: FrustrationHeuristicOptions = {},
): ResolvedFrustrationHeuristicOptions {
  const n = g.nodes.length;
  const seed = options.seed ?? 1;
  const starts = options.starts ?? 4;
  const kicks = options.kicks ?? Math.min(2_000_000, 10 * n);
  const boundMaxVisits = options.boundMaxVisits ?? (n <= 20_000 ? n + 1 : 1_000);
  if (!Number.isInteger(seed)) {
    throw new EntenteError(
      'invalid-argument',
      `frustrationHeuristic: seed ${seed} is not an integer`,
    );
  }
  if (!Number.isInteger(starts) || starts < 1) {
    throw new EntenteError(
      'out-of-range',
      `frustrationHeuristic: starts must be an integer ≥ 1, got ${starts}`,
    );
  }
  if (!Number.isInteger(kicks) || kicks < 0) {
    throw new EntenteError(
      'out-of-range',
      `frustrationHeuristic: kicks must be an integer ≥ 0, got ${kicks}`,
    );
  }
  if (options.timeLimitMs !== undefined && !(options.timeLimitMs > 0)) {
    throw new EntenteError(
      'out-of-range',
      `frustrationHeuristic: timeLimitMs must be > 0, got ${options.timeLimitMs}`,
    );
  }
  if (options.initial && options.initial.length !== n) {
    throw new EntenteError(
      'invalid-argument',
      `frustrationHeuristic: initial colouring has ${options.initial.length} entries for ${n} nodes`,
    );
  }
  return {
    seed,
    starts,
    weighted: options.weighted ?? false,
    kicks,
    timeLimitMs: options.timeLimitMs ?? null,
    boundMaxVisits,
  };
}

/** The host's monotonic clock in milliseconds, if it has one. */
function hostClock(): (() => number) | null {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? () => perf.now() : null;
}

/** The best colouring found by the multi-start search, and whether the time limit stopped it. */
export function searchColouring(
  g: SignedGraph,
  options: ResolvedFrustrationHeuristicOptions,
  initial?: Uint8Array,
): { side: Uint8Array; value: number; timedOut: boolean } {
  const n = g.nodes.length;
  const rng = createRng(options.seed);
  const clock = options.timeLimitMs === null ? null : hostClock();
  const deadline = clock && options.timeLimitMs !== null ? clock() + options.timeLimitMs : 0;
  let best = new Uint8Array(n);
  let bestValue = Number.POSITIVE_INFINITY;
  let timedOut = false;
  let search: FlipSearch | null = null;
  const budget = options.starts + (initial ? 1 : 0);
  for (let s = 0; s < budget && !timedOut; s++) {
    const start =
      initial && s === 0
        ? initial
        : s === (initial ? 1 : 0)
          ? spectralStart(g, options.weighted, rng)
          : greedyStart(g, options.weighted, rng);
    if (search) search.reset(start);
    else search = new FlipSearch(g, options.weighted, start);
    search.descend(null, false);
    for (let k = 0; k < options.kicks; k++) {
      // Kick sizes 1..4 (mostly small): enough to leave a local minimum, not to forget it.
      search.kick(rng, 1 + (k & 3));
      if (clock && (k & 1023) === 0 && clock() > deadline) {
        timedOut = true;
        break;
      }
      if (search.value <= 0) break;
    }
    if (search.value < bestValue) {
      bestValue = search.value;
      best = Uint8Array.from(search.side);
    }
    if (bestValue <= 0) break;
  }
  return { side: best, value: bestValue, timedOut };
}

/**
 * Heuristic frustration index with a proven lower bound and gap; exact only when they meet.
 * @throws {EntenteError} `invalid-argument` on bad options
 * @example frustrationHeuristic(g, { seed: 7 }).gap
 */
export function frustrationHeuristic(
  g: SignedGraph,
  options: FrustrationHeuristicOptions = {},
): FrustrationResult {
  const resolved = resolveFrustrationHeuristicOptions(g, options);
  const found = searchColouring(g, resolved, options.initial);
  const described = describeColouring(g, found.side, resolved.weighted);
  const lb = cyclePackingBound(g, resolved.weighted, found.side, {
    maxVisits: resolved.boundMaxVisits,
    ...(g.nodes.length > 20_000 ? { rounds: [2, 3] } : {}),
  });
  const tol = resolved.weighted ? 1e-9 * (1 + described.value) : 0;
  const exact = lb.bound >= described.value - tol;
  const lowerBound = exact ? described.value : lb.bound;
  return {
    ...described,
    exact,
    lowerBound,
    gap: exact ? 0 : relativeGap(described.value, lowerBound),
    weighted: resolved.weighted,
    method: 'heuristic',
    diagnostics: {
      blocks: 0,
      largestBlock: 0,
      solvedBy: { heuristic: 1 },
      solverStatus: [],
      timeLimitReached: found.timedOut,
      unique: null,
      seed: resolved.seed,
      starts: resolved.starts,
      notes: [`lower bound from ${lb.cycles} packed unbalanced cycles`],
    },
  };
}
