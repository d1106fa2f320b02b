/**
 * History matching: rule out the parameter vectors whose simulated outputs are too far from the
 * observed ones, given every uncertainty in the comparison, and keep the rest — the
 * non-implausible set — rather than a posterior (I. Vernon, M. Goldstein & R. G. Bower, "Galaxy
 * formation: a Bayesian uncertainty analysis", Bayesian Analysis 5(4) (2010) 619–670; for a
 * stochastic model whose replicate runs measure its own variability, I. Andrianakis et al.,
 * "Bayesian history matching of complex infectious disease models using emulation: a tutorial and
 * a case study on HIV in Uganda", PLOS Computational Biology 11(1) (2015) e1003968).
 *
 * Outputs are compared after the count transform t(x) = ln(1 + x) of the ABC distance
 * (`abc-distance.ts`): counts span orders of magnitude, and on this scale a discrepancy is a
 * relative one. For a parameter vector θ, R replicate runs give the recorded counts f_r,k(θ) of
 * every output k (a target-year); with m_k and s²_k their mean and (unbiased) variance on the t
 * scale, the implausibility of output k is
 *
 *   I_k(θ) = |t(z_k) − m_k(θ)| / sqrt(V_md + s²_k(θ) · (1 + 1/R)),
 *
 * and I(θ) = max_k I_k(θ) over the observed outputs (or the second largest, `rank` 2, Vernon et
 * al.'s variant that tolerates one output the model cannot represent). A θ with I(θ) > c (c = 3,
 * Pukelsheim's three-sigma rule, as Vernon et al. use) is implausible.
 *
 * - The replicates' variance s²_k is V_s + V_obs together: each replicate runs the model with its
 *   own stream and records the count through the observation model (the negative binomial of
 *   M20), so by the law of total variance it spreads by the observation variance plus the model's
 *   own. The factor 1 + 1/R adds the uncertainty of m_k, a mean of R runs.
 * - V_md, the model discrepancy, is (δ)² for a given δ on the t scale (δ = 0.2: the model may be
 *   off by about a fifth of the level without the world being ruled out). It is a judgement the
 *   analyst states (Vernon et al. elicit theirs); δ = 0 is the strictest match.
 * - No emulator: a history run costs well under a millisecond, so the simulator itself is
 *   evaluated at every point, where Vernon et al. and Andrianakis et al. need a Gaussian-process
 *   emulator of an expensive model (and its variance in the denominator).
 *
 * Waves refocus the sampling: wave 1 draws C points uniformly from the prior box; wave w + 1 draws
 * C points uniformly from the bounding box of wave w's non-implausible points, widened by
 * `margin` of its width on each side and clipped to the prior. Each wave reports the estimated
 * non-implausible volume as a fraction of the prior's: (non-implausible / C) × the sampling box's
 * volume / the prior's. The estimate assumes the widened box holds the whole non-implausible set
 * (the set of a wave can only be as wide as what the previous wave found). The result is the last
 * wave's non-implausible points with equal weights. All random draws are made on the calling
 * thread from the stream runSeed(seed, w) of wave w; replicate r of point i simulates with seed
 * runSeed(runSeed(seed, w), i · R + r), so the result has the same bytes for any worker count.
 */
import { createRng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';
import { fmix32, runSeed } from '../simulation/streams.js';
import { countTransform } from './abc-distance.js';
import type { AbcParameter, AbcProblem, AbcResult, BatchSimulator } from './abc-problem.js';
import { checkAbcProblem } from './abc-smc.js';
import { checkWhole } from './option-checks.js';

/** Options of {@link historyMatching}. */
export interface HistoryMatchingOptions {
  /** Points drawn per wave C. @default 1000 */
  readonly points?: number;
  /** Waves. @default 3 */
  readonly waves?: number;
  /** Replicate runs per point R (≥ 2). @default 8 */
  readonly replicates?: number;
  /** Implausibility cut-off c. @default 3 */
  readonly cutoff?: number;
  /** Model discrepancy δ (sd on the ln(1 + x) scale); V_md = δ². @default 0.2 */
  readonly discrepancy?: number;
  /** 1: I = the largest I_k; 2: the second largest. @default 1 */
  readonly rank?: 1 | 2;
  /** Widening of the bounding box on each side, as a share of its width. @default 0.1 */
  readonly margin?: number;
  /** Names of the outputs for messages (target-major, e.g. `taliban--isk 2015`). */
  readonly labels?: readonly string[];
  /** @default 1 */
  readonly seed?: number;
  /** Progress, per wave. */
  readonly onWave?: (wave: HistoryMatchingWave, index: number) => void;
}

/** One wave of history matching. */
export interface HistoryMatchingWave {
  /** Points drawn C. */
  readonly points: number;
  /** Of them, non-implausible. */
  readonly nonImplausible: number;
  /** The sampling box's volume as a fraction of the prior's. */
  readonly boxFraction: number;
  /** Estimated non-implausible volume as a fraction of the prior's. */
  readonly volumeFraction: number;
  /** Simulations run (C × R). */
  readonly simulations: number;
}

/** Defaults of {@link HistoryMatchingOptions}. */
export const HISTORY_MATCHING_DEFAULTS = Object.freeze({
  points: 1000,
  waves: 3,
  replicates: 8,
  cutoff: 3,
  discrepancy: 0.2,
  rank: 1 as 1 | 2,
  margin: 0.1,
});

/** The result: an {@link AbcResult} (equal weights; `distances` are I(θ)) and the waves. */
export interface HistoryMatchingResult
  extends Omit<AbcResult, 'method' | 'tolerance' | 'noisy' | 'targetReached' | 'noise'> {
  readonly method: 'history-matching';
  readonly waves: readonly HistoryMatchingWave[];
  /**
   * Per output (target-major index), the share of wave 1's points whose I_k alone exceeds the
   * cut-off (NaN outputs: 0): which observations do the ruling out.
   */
  readonly rulesOut: Float64Array;
  readonly cutoff: number;
  readonly discrepancy: number;
  readonly replicates: number;
  readonly rank: 1 | 2;
}

/**
 * The implausibility of one point from its R replicate summaries (rows `first`..`first + R − 1`
 * of `summaries`, m values each): I(θ) as above, and each output's I_k into `perOutput`.
 */
export function implausibility(
  summaries: Float64Array,
  first: number,
  replicates: number,
  observed: Float64Array,
  discrepancy: number,
  rank: 1 | 2,
  perOutput?: Float64Array,
): number {
  const m = observed.length;
  let top = 0;
  let second = 0;
  for (let k = 0; k < m; k++) {
    const z = observed[k];
    if (Number.isNaN(z)) {
      if (perOutput) perOutput[k] = Number.NaN;
      continue;
    }
    let sum = 0;
    for (let r = 0; r < replicates; r++) sum += countTransform(summaries[(first + r) * m + k]);
    const mean = sum / replicates;
    let ss = 0;
    for (let r = 0; r < replicates; r++) {
      const e = countTransform(summaries[(first + r) * m + k]) - mean;
      ss += e * e;
    }
    const variance = discrepancy * discrepancy + (ss / (replicates - 1)) * (1 + 1 / replicates);
    const diff = Math.abs(countTransform(z) - mean);
    const ik = variance > 0 ? diff / Math.sqrt(variance) : diff > 0 ? Number.POSITIVE_INFINITY : 0;
    if (perOutput) perOutput[k] = ik;
    if (ik > top) {
      second = top;
      top = ik;
    } else if (ik > second) second = ik;
  }
  return rank === 1 ? top : second;
}

function checkOptions(options: HistoryMatchingOptions, op: string) {
  const o = { ...HISTORY_MATCHING_DEFAULTS, seed: 1, ...options };
  const whole = (name: string, v: number, min: number) => checkWhole(op, name, v, min);
  whole('points', o.points, 2);
  whole('waves', o.waves, 1);
  whole('replicates', o.replicates, 2);
  whole('seed', o.seed, 0);
  if (!(o.cutoff > 0 && Number.isFinite(o.cutoff)))
    throw new EntenteError('out-of-range', `${op}: cutoff must be > 0, got ${o.cutoff}`);
  if (!(o.discrepancy >= 0 && Number.isFinite(o.discrepancy)))
    throw new EntenteError('out-of-range', `${op}: discrepancy must be ≥ 0, got ${o.discrepancy}`);
  if (!(o.margin >= 0 && Number.isFinite(o.margin)))
    throw new EntenteError('out-of-range', `${op}: margin must be ≥ 0, got ${o.margin}`);
  if (o.rank !== 1 && o.rank !== 2)
    throw new EntenteError('out-of-range', `${op}: rank must be 1 or 2, got ${o.rank}`);
  return o;
}

/**
 * History matching in waves (see the file's description).
 * @throws {EntenteError} `out-of-range` for bad options; `not-found` when wave 1 finds no
 *   non-implausible point (the message names the outputs that rule out the most points)
 */
export async function historyMatching(
  problem: AbcProblem,
  simulate: BatchSimulator,
  options: HistoryMatchingOptions = {},
): Promise<HistoryMatchingResult> {
  const op = 'history matching';
  checkAbcProblem(problem, op);
  const o = checkOptions(options, op);
  const { parameters, observed } = problem;
  const d = parameters.length;
  const m = observed.length;
  const C = o.points;
  const R = o.replicates;
  let lo = parameters.map((p) => p.lo);
  let hi = parameters.map((p) => p.hi);
  const waves: HistoryMatchingWave[] = [];
  const rulesOut = new Float64Array(m);
  let kept: { theta: Float64Array; summaries: Float64Array; i: Float64Array } | null = null;
  let simulations = 0;
  const perOutput = new Float64Array(m);
  for (let w = 0; w < o.waves; w++) {
    const waveSeed = runSeed(o.seed, w);
    const rng = createRng(fmix32(waveSeed));
    const theta = new Float64Array(C * d);
    for (let i = 0; i < C; i++)
      for (let j = 0; j < d; j++) theta[i * d + j] = lo[j] + (hi[j] - lo[j]) * rng();
    const rows = new Float64Array(C * R * d);
    const seeds = new Uint32Array(C * R);
    for (let i = 0; i < C; i++)
      for (let r = 0; r < R; r++) {
        rows.set(theta.subarray(i * d, i * d + d), (i * R + r) * d);
        seeds[i * R + r] = runSeed(waveSeed, i * R + r);
      }
    const summaries = await simulate(rows, seeds);
    if (summaries.length !== C * R * m)
      throw new EntenteError(
        'internal',
        `${op}: the simulator returned ${summaries.length} values`,
      );
    simulations += C * R;
    const keptIndex: number[] = [];
    const iValues: number[] = [];
    for (let i = 0; i < C; i++) {
      const value = implausibility(summaries, i * R, R, observed, o.discrepancy, o.rank, perOutput);
      if (w === 0) for (let k = 0; k < m; k++) if (perOutput[k] > o.cutoff) rulesOut[k] += 1 / C;
      if (value <= o.cutoff) {
        keptIndex.push(i);
        iValues.push(value);
      }
    }
    let boxFraction = 1;
    for (let j = 0; j < d; j++)
      boxFraction *= (hi[j] - lo[j]) / (parameters[j].hi - parameters[j].lo);
    const wave: HistoryMatchingWave = {
      points: C,
      nonImplausible: keptIndex.length,
      boxFraction,
      volumeFraction: (keptIndex.length / C) * boxFraction,
      simulations: C * R,
    };
    waves.push(wave);
    o.onWave?.(wave, w);
    if (keptIndex.length === 0) {
      if (kept === null) {
        const worst = Array.from(rulesOut.keys())
          .filter((k) => !Number.isNaN(observed[k]))
          .sort((a, b) => rulesOut[b] - rulesOut[a] || a - b)
          .slice(0, 3)
          .map(
            (k) =>
              `${o.labels?.[k] ?? `output ${k}`} alone rules out ${(100 * rulesOut[k]).toFixed(0)} %`,
          );
        throw new EntenteError(
          'not-found',
          `${op}: none of ${C} points of the prior is non-implausible (cut-off ${o.cutoff}, discrepancy ${o.discrepancy}): ${worst.join(', ')}; the model cannot come near these observations (fit fewer outputs, or state a larger discrepancy if it is warranted)`,
        );
      }
      break; // keep the previous wave's set
    }
    const keptTheta = new Float64Array(keptIndex.length * d);
    const keptSummaries = new Float64Array(keptIndex.length * m);
    keptIndex.forEach((i, k) => {
      keptTheta.set(theta.subarray(i * d, i * d + d), k * d);
      // The first replicate stands for the point's recorded counts.
      keptSummaries.set(summaries.subarray(i * R * m, i * R * m + m), k * m);
    });
    kept = { theta: keptTheta, summaries: keptSummaries, i: Float64Array.from(iValues) };
    // The next wave's box: the non-implausible points' bounding box, widened, clipped.
    const nextLo = parameters.map(() => Number.POSITIVE_INFINITY);
    const nextHi = parameters.map(() => Number.NEGATIVE_INFINITY);
    for (let k = 0; k < keptIndex.length; k++)
      for (let j = 0; j < d; j++) {
        const v = keptTheta[k * d + j];
        if (v < nextLo[j]) nextLo[j] = v;
        if (v > nextHi[j]) nextHi[j] = v;
      }
    lo = parameters.map((p, j) => Math.max(p.lo, nextLo[j] - o.margin * (nextHi[j] - nextLo[j])));
    hi = parameters.map((p, j) => Math.min(p.hi, nextHi[j] + o.margin * (nextHi[j] - nextLo[j])));
    // A single point (zero width) keeps a sliver of the prior width so the box has volume.
    for (let j = 0; j < d; j++)
      if (!(hi[j] > lo[j])) {
        const half = ((parameters[j].hi - parameters[j].lo) * o.margin) / 2;
        lo[j] = Math.max(parameters[j].lo, lo[j] - half);
        hi[j] = Math.min(parameters[j].hi, hi[j] + half);
      }
  }
  const set = kept as NonNullable<typeof kept>;
  const n = set.i.length;
  return {
    method: 'history-matching',
    seed: o.seed,
    parameters: parameters as readonly AbcParameter[],
    particles: set.theta,
    weights: new Float64Array(n).fill(1 / n),
    distances: set.i,
    summaries: set.summaries,
    ess: n,
    epsilon: o.cutoff,
    scales: new Float64Array(0),
    generations: waves.map((w) => ({
      epsilon: o.cutoff,
      ess: w.nonImplausible,
      resampled: false,
      acceptance: w.nonImplausible / w.points,
      simulations: w.simulations,
    })),
    simulations,
    waves,
    rulesOut,
    cutoff: o.cutoff,
    discrepancy: o.discrepancy,
    replicates: R,
    rank: o.rank,
  };
}
