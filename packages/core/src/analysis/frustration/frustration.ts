/**
 * The frustration index, choosing the method by size: the exact pre-solve + MILP path
 * (exact.ts) for graphs up to `exactMaxEdges` ties, falling back to the heuristic (heuristic.ts),
 * warm-started from the exact attempt's split, when that attempt is not proven within its time
 * limit; the heuristic alone beyond `exactMaxEdges`. The reported lower bound is the best one
 * either method proved. See docs/analysis/frustration.md ("Choosing a method").
 */
import { EntenteError } from '../../errors.js';
import type { SignedGraph } from '../signed-graph.js';
import { type FrustrationExactOptions, frustrationExact } from './exact.js';
import { type FrustrationHeuristicOptions, frustrationHeuristic } from './heuristic.js';
import { type FrustrationResult, relativeGap } from './result.js';

/** Options of {@link frustration}. */
export interface FrustrationOptions extends FrustrationExactOptions {
  /** Graphs with more ties than this go straight to the heuristic. @default 50,000 */
  readonly exactMaxEdges?: number;
  /** Options passed to the heuristic when it runs (`weighted` and `seed` are shared). */
  readonly heuristic?: Omit<FrustrationHeuristicOptions, 'weighted' | 'initial'>;
}

/**
 * Frustration index: exact when it can be proven in time, else heuristic with bounds.
 * @throws {EntenteError} `invalid-argument` on bad options
 * @example const r = await frustration(g, { timeLimitSeconds: 10 }); r.exact
 */
export async function frustration(
  g: SignedGraph,
  options: FrustrationOptions = {},
): Promise<FrustrationResult> {
  const exactMaxEdges = options.exactMaxEdges ?? 50_000;
  if (!(exactMaxEdges >= 0)) {
    throw new EntenteError(
      'out-of-range',
      `frustration: exactMaxEdges must be ≥ 0, got ${exactMaxEdges}`,
    );
  }
  const heuristicOptions = {
    ...options.heuristic,
    seed: options.heuristic?.seed ?? options.seed,
    weighted: options.weighted,
  };
  if (g.u.length > exactMaxEdges) {
    const h = frustrationHeuristic(g, heuristicOptions);
    return {
      ...h,
      diagnostics: {
        ...h.diagnostics,
        notes: [...h.diagnostics.notes, `${g.u.length} ties > exactMaxEdges: heuristic only`],
      },
    };
  }
  const exact = await frustrationExact(g, options);
  if (exact.exact) return exact;
  const index = new Map(g.nodes.map((id, i) => [id, i]));
  const initial = new Uint8Array(g.nodes.length);
  for (const id of exact.partition[1]) initial[index.get(id) as number] = 1;
  const h = frustrationHeuristic(g, { ...heuristicOptions, initial });
  const best = h.value < exact.value ? h : exact;
  const lowerBound = Math.max(exact.lowerBound, h.lowerBound);
  const tol = exact.weighted ? 1e-9 * (1 + best.value) : 0;
  const proven = lowerBound >= best.value - tol;
  return {
    ...best,
    exact: proven,
    lowerBound: proven ? best.value : lowerBound,
    gap: proven ? 0 : relativeGap(best.value, lowerBound),
    method: proven ? best.method : 'heuristic',
    diagnostics: {
      ...exact.diagnostics,
      notes: [
        ...exact.diagnostics.notes,
        `exact attempt unproven (value ${exact.value}, bound ${exact.lowerBound}); heuristic value ${h.value}, bound ${h.lowerBound}`,
      ],
    },
  };
}
