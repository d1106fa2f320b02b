/**
 * Case draws: variants of a case sampled from the uncertainty the case itself records. A
 * relation's `confidence` is the probability that it holds (docs/case-format.md); a draw keeps
 * each relation independently with that probability, and a kept relation then counts in full
 * (its weight, shared with the other kept relations that cite the same evidence). Summaries over
 * many draws — the 5–95% range of a figure, the share of draws in which a configuration is a
 * minimum — say how far a result rests on the uncertain relations (a Monte Carlo propagation of
 * input uncertainty; e.g. Saltelli et al., Global Sensitivity Analysis, Wiley 2008, ch. 1).
 *
 * A relation with a `weightRange` [lo, hi] also takes its weight uniformly from that range in each
 * draw. Every draw takes, per relation of the whole case in case order, one uniform number for
 * whether it holds and, when it has a `weightRange`, one for its weight, from the seeded generator
 * (`analysis/random.ts`), so {@link drawCase} and {@link caseDraws} with the same generator state
 * give the same variant, and a draw does not depend on the date analysed.
 */
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';
import {
  type CompiledProjection,
  compileProjection,
  type Projection,
  type ProjectionOptions,
  projectCompiled,
} from './project.js';
import { createRng, type Rng } from './random.js';

/** Most draws one call may take. */
export const MAX_CASE_DRAWS = 100_000;

/**
 * One variant of a validated case: each relation kept with probability `confidence` (default 1)
 * and, when kept, stripped of its confidence (it holds in this variant) and, when it has a
 * `weightRange`, given a weight drawn uniformly from it (and stripped of the range). Everything
 * else is shared with `c`, not copied; the variant is not re-validated (it is valid when `c` is).
 * Consumes one number from `rng` per relation, and one more per relation with a `weightRange`.
 * With `dropped: 'zero'` a relation that does not hold stays, with weight 0 and without its
 * evidence, confidence and weight range, so the variant keeps every actor's ties (see
 * `planCaseDraw`); the relations kept are the same either way.
 * @example drawCase(c, createRng(1)).relations.length // ≤ c.relations.length
 */
export function drawCase(c: Case, rng: Rng, options: DrawCaseOptions = {}): Case {
  const zero = options.dropped === 'zero';
  const relations = [];
  for (const r of c.relations) {
    const u = rng();
    const range = r.weightRange;
    const v = range ? rng() : 0;
    if (u < (r.confidence ?? 1)) {
      if (r.confidence === undefined && range === undefined) relations.push(r);
      else {
        const { confidence: _, weightRange: __, ...kept } = r;
        relations.push(range ? { ...kept, weight: range[0] + v * (range[1] - range[0]) } : kept);
      }
    } else if (zero) {
      const { confidence: _, weightRange: __, evidence: ___, ...rest } = r;
      relations.push({ ...rest, weight: 0 });
    }
  }
  return { ...c, relations };
}

/** Options of {@link drawCase}. */
export interface DrawCaseOptions {
  /** What becomes of a relation that does not hold: left out, or kept at weight 0. @default 'remove' */
  readonly dropped?: 'remove' | 'zero' | undefined;
}

/** Options of {@link caseDraws}: the projection's and the draws'. */
export interface CaseDrawsOptions extends ProjectionOptions {
  /** Number of draws, 1..100 000. */
  readonly n: number;
  /** Seed of the draws. @default 1 */
  readonly seed?: number | undefined;
}

/**
 * Checks a number of draws. @throws {EntenteError} `invalid-argument` unless an integer in 1..100 000
 */
export function checkDraws(n: number, operation: string): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CASE_DRAWS) {
    throw new EntenteError(
      'invalid-argument',
      `${operation}: draws must be a whole number 1..${MAX_CASE_DRAWS}, got ${n}`,
    );
  }
}

/**
 * The signed projections of `n` seeded case draws at the options' date: draw j is the projection
 * of `drawCase(c, rng)` for the j-th state of the generator `createRng(seed)`, computed on the
 * case compiled once (typed arrays; no re-validation, no snapshot per draw).
 * @throws {EntenteError} `invalid-argument` on a bad date, layer, rule or number of draws
 * @example caseDraws(c, { n: 1000, seed: 1, at: '2023' }).length // 1000
 */
export function caseDraws(c: Case, options: CaseDrawsOptions): Projection[] {
  checkDraws(options.n, 'caseDraws');
  const compiled = compileProjection(c, options);
  return drawProjections(c, compiled, options.n, options.seed ?? 1);
}

/**
 * {@link caseDraws} on an already compiled projection of `c` (the analyses compile once for the
 * point result and the draws).
 */
export function drawProjections(
  c: Case,
  compiled: CompiledProjection,
  n: number,
  seed: number,
): Projection[] {
  return drawMasks(c, compiled, n, seed).map((d) =>
    projectCompiled(compiled, d.present, undefined, d.weights ?? undefined),
  );
}

/** One case draw over a compiled projection's relations in force. */
export interface CompiledDraw {
  /** 1 where the relation holds in the draw. */
  readonly present: Uint8Array;
  /** The weights the draw took, when some relation in force has a `weightRange`; else null. */
  readonly weights: Float64Array | null;
}

/**
 * The `n` seeded draws of `c` over the compiled projection's relations in force (which hold, and
 * the weights they take), for analyses that re-project a draw more than once.
 */
export function drawMasks(
  c: Case,
  compiled: CompiledProjection,
  n: number,
  seed: number,
): CompiledDraw[] {
  const total = c.relations.length;
  // position of each whole-case relation among the relations in force, or −1
  const slot = new Int32Array(total).fill(-1);
  for (let k = 0; k < compiled.relation.length; k++) slot[compiled.relation[k] as number] = k;
  const probability = new Float64Array(total);
  for (let i = 0; i < total; i++) probability[i] = c.relations[i]?.confidence ?? 1;
  const rng = createRng(seed);
  const ranged = c.relations.some(
    (r, i) => r.weightRange !== undefined && (slot[i] as number) >= 0,
  );
  const out: CompiledDraw[] = [];
  for (let j = 0; j < n; j++) {
    const present = new Uint8Array(compiled.relation.length);
    const weights = ranged ? new Float64Array(compiled.relation.length) : null;
    for (let i = 0; i < total; i++) {
      const r = c.relations[i];
      const kept = rng() < (probability[i] as number) ? 1 : 0;
      const range = r?.weightRange;
      const v = range ? rng() : 0;
      const k = slot[i] as number;
      if (k < 0) continue;
      present[k] = kept;
      if (weights) weights[k] = range ? range[0] + v * (range[1] - range[0]) : (r?.weight ?? 1);
    }
    out.push({ present, weights });
  }
  return out;
}
