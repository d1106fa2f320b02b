/**
 * Simulation-based calibration of a calibration method (S. Talts, M. Betancourt, D. Simpson,
 * A. Vehtari & A. Gelman, "Validating Bayesian inference algorithms with simulation-based
 * calibration", arXiv:1804.06788, 2018): R replications, each drawing a truth θ* from the prior,
 * simulating the observed counts at θ* with the calibration's own simulator (observation noise
 * included) and running {@link calibrate} on them exactly as a user would. If the method returns
 * the posterior, θ* is a draw from it, so
 * - the 90 % interval (`posteriorSummary`'s q05–q95) holds θ* in 90 % of replications, and
 * - the posterior distribution function at θ*, u = Σ_i w_i 1(θ_i < θ*) + ½ Σ_i w_i 1(θ_i = θ*),
 *   is uniform on [0, 1] — the continuous form of Talts et al.'s rank statistic (their rank of θ*
 *   among L posterior draws, divided by L), taken on the weighted particles themselves so that
 *   correlated particles need no thinning.
 * Uniformity is measured by a χ² statistic on B equal bins of u (B − 1 degrees of freedom) and
 * by the Kolmogorov–Smirnov distance of the u's to the uniform. A posterior wider than the true
 * one (ABC at a large tolerance) shows as over-coverage and a ∩-shaped histogram; one too narrow
 * as under-coverage and a ∪ shape (Talts et al., §4.2).
 *
 * With a target tolerance (`calibrate.tolerance`; noisy ABC) a replication whose run did not reach
 * it — ABC-SMC stopped earlier, or rejection kept fewer than two draws within it — has no
 * posterior at that tolerance: it counts as a miss for every parameter (not covered, not reported
 * uninformed) and its ranks are left out of the uniformity check; `reached` counts the others.
 *
 * Randomness: replication r draws θ* from createRng(fmix32(runSeed(seed, 2r))), simulates the
 * data with the run seed runSeed(seed, 2r + 1), and calibrates with `calibrationSeed(r)`; noisy
 * ABC's kernel draw comes from its own seed runSeed(seed + 2, r), so that it is a fresh draw in
 * each replication even when the calibration seed is shared (rejection's one prior table).
 */
import { createRng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';
import { binomialUpperTail } from '../exploration/statistics/binomial-tail.js';
import { fmix32, runSeed } from '../simulation/streams.js';
import { ToleranceNotReachedError } from './abc-rejection.js';
import {
  type CalibrateOptions,
  type Calibration,
  type CalibrationSetup,
  type CountSimulator,
  calibrate,
} from './calibrate.js';
import { drawPrior } from './prior-draws.js';

/** Options of {@link simulationBasedCalibration}. */
export interface SbcOptions {
  /** Replications R. @default 100 */
  readonly replications?: number;
  /** Master seed of the truths and the data. @default 1 */
  readonly seed?: number;
  /**
   * The options of each calibration (method, particles, runs…) — those a user gives `calibrate`.
   * Their `seed` is replaced by {@link SbcOptions.calibrationSeed}. @default {} (the defaults)
   */
  readonly calibrate?: CalibrateOptions;
  /**
   * The calibration seed of replication r. A constant makes rejection ABC draw the same prior
   * table in every replication (the leave-one-out check of Csilléry, François & Blum's `abc`
   * package, `cv4abc`). @default r => runSeed(seed + 1, r)
   */
  readonly calibrationSeed?: (replication: number) => number;
  /** Bins of the rank histogram. @default 10 */
  readonly bins?: number;
  /** Called after each replication (progress). */
  readonly onReplication?: (replication: SbcReplication, index: number) => void;
}

/** What one replication found. */
export interface SbcReplication {
  /** θ*, in the setup's parameter order. */
  readonly truth: readonly number[];
  /** Per parameter: q05 ≤ θ* ≤ q95 of the posterior the calibration reports. */
  readonly covered: readonly boolean[];
  /** Per parameter: the calibration's `uninformed` flag. */
  readonly uninformed: readonly boolean[];
  /** Per parameter: the posterior distribution function at θ*, in [0, 1] (NaN when not reached). */
  readonly rank: readonly number[];
  /**
   * Whether the calibration reached its target tolerance (always true without one). A replication
   * that did not counts as not covered and not uninformed for every parameter.
   */
  readonly reached: boolean;
  readonly epsilon: number;
  readonly ess: number;
  readonly simulations: number;
}

/** One parameter's results over the replications. */
export interface SbcParameter {
  readonly id: string;
  /** Replications whose 90 % interval held θ*. */
  readonly covered: number;
  /** Replications that reported the parameter uninformed. */
  readonly uninformed: number;
  /** Counts of the ranks u in B equal bins of [0, 1] (replications that reached the tolerance). */
  readonly histogram: readonly number[];
  /** Σ (O − E)² / E over the bins, E = R / B (χ² with B − 1 degrees of freedom if uniform). */
  readonly chiSquare: number;
  /** Kolmogorov–Smirnov distance sup |F_R(u) − u| of the ranks to the uniform. */
  readonly ks: number;
}

/** The result of {@link simulationBasedCalibration}. */
export interface SbcResult {
  readonly replications: number;
  readonly seed: number;
  readonly bins: number;
  /** Replications whose calibration reached its target tolerance (all, without one). */
  readonly reached: number;
  readonly parameters: readonly SbcParameter[];
  readonly runs: readonly SbcReplication[];
}

/**
 * The posterior distribution function of weighted values at x (ties count half).
 * @example posteriorRank(Float64Array.of(1, 2, 3), Float64Array.of(0.2, 0.3, 0.5), 2) // 0.35
 */
export function posteriorRank(values: Float64Array, weights: Float64Array, x: number): number {
  let below = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights[i];
    if (values[i] < x) below += weights[i];
    else if (values[i] === x) below += weights[i] / 2;
  }
  return total > 0 ? below / total : 0.5;
}

/**
 * χ² statistic of the ranks' histogram in `bins` equal bins and their KS distance to U(0, 1).
 * @throws {EntenteError} `invalid-argument` for no ranks or fewer than 2 bins
 */
export function rankUniformity(
  ranks: readonly number[],
  bins: number,
): { histogram: number[]; chiSquare: number; ks: number } {
  const n = ranks.length;
  if (n === 0 || !Number.isInteger(bins) || bins < 2)
    throw new EntenteError(
      'invalid-argument',
      `rankUniformity: needs ranks and at least 2 bins, got ${n} ranks and ${bins} bins`,
    );
  const histogram = new Array<number>(bins).fill(0);
  for (const u of ranks) histogram[Math.min(bins - 1, Math.floor(u * bins))]++;
  const expected = n / bins;
  const chiSquare = histogram.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
  const sorted = [...ranks].sort((a, b) => a - b);
  let ks = 0;
  sorted.forEach((u, i) => {
    ks = Math.max(ks, (i + 1) / n - u, u - i / n);
  });
  return { histogram, chiSquare, ks };
}

/**
 * The range of covered replications that an exactly calibrated method keeps every one of
 * `parameters` parameters in, except with probability at most `familywise`: under exact
 * calibration each parameter's count of replications whose interval at `level` holds θ* is
 * binomial(R, level), and the band cuts familywise / (2 · parameters) from each tail (Bonferroni,
 * two-sided), so a count outside it is evidence of miscalibration at that family-wise level.
 * A fixed band such as 85–95 of 100 is not such a check for many parameters: each binomial(100,
 * 0.9) count falls inside it with probability 0.936, all 25 of the history model's with about
 * 0.19 (independent parameters), so an exact posterior would usually fail it.
 * @throws {EntenteError} `invalid-argument` for R or parameters not a positive integer, level or
 * familywise not in (0, 1)
 * @example coverageBand(100, 25) // { lo: 78, hi: 99 }
 * @default level 0.9, familywise 0.01
 */
export function coverageBand(
  replications: number,
  parameters: number,
  level = 0.9,
  familywise = 0.01,
): { lo: number; hi: number } {
  const positive = (n: number) => Number.isInteger(n) && n > 0;
  const open = (x: number) => x > 0 && x < 1;
  if (!positive(replications) || !positive(parameters) || !open(level) || !open(familywise))
    throw new EntenteError(
      'invalid-argument',
      `coverageBand: needs positive integer replications and parameters and level, familywise in (0, 1), got ${replications}, ${parameters}, ${level}, ${familywise}`,
    );
  const tail = familywise / (2 * parameters);
  // lo: the smallest count c with P(X ≤ c) > tail; hi: the largest with P(X ≥ c) > tail.
  let lo = 0;
  while (lo < replications && 1 - binomialUpperTail(lo + 1, replications, level) <= tail) lo++;
  let hi = replications;
  while (hi > 0 && binomialUpperTail(hi, replications, level) <= tail) hi--;
  return { lo, hi };
}

/** The share of all intervals (every parameter, every replication) that held θ*. */
export function pooledCoverage(result: SbcResult): number {
  const covered = result.parameters.reduce((s, p) => s + p.covered, 0);
  return covered / (result.replications * result.parameters.length);
}

/**
 * `simulate` with a memory of its last batch of at least `minRows` rows: called again with the
 * same rows (same parameter vectors, seeds and span) it returns a copy of the stored counts
 * instead of simulating them again. The simulators are deterministic, so the results are the
 * same bytes; with a constant calibration seed, rejection ABC simulates the same prior table in
 * every replication, and this runs it once.
 * @default minRows 1000
 */
export function reuseLastBatch(simulate: CountSimulator, minRows = 1000): CountSimulator {
  let last: { thetas: Float64Array; seeds: Uint32Array; span: string; out: Float64Array } | null =
    null;
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  };
  return async (thetas, seeds, span) => {
    if (last && last.span === span && same(last.seeds, seeds) && same(last.thetas, thetas))
      return last.out.slice();
    const out = await simulate(thetas, seeds, span);
    if (seeds.length >= minRows)
      last = { thetas: thetas.slice(), seeds: seeds.slice(), span, out: Float64Array.from(out) };
    return out;
  };
}

/**
 * Runs the simulation-based calibration of `calibrate` on `setup` with `simulate` (see the file's
 * description). `setup.observed` is ignored: each replication fills the fitted years with counts
 * simulated at its truth and leaves the forecast years missing.
 * @throws {EntenteError} `out-of-range` for fewer than 1 replication; the calibration's errors
 * @example const sbc = await simulationBasedCalibration(setup, simulate, { replications: 100 })
 */
export async function simulationBasedCalibration(
  setup: Omit<CalibrationSetup, 'observed'>,
  simulate: CountSimulator,
  options: SbcOptions = {},
): Promise<SbcResult> {
  const replications = options.replications ?? 100;
  const seed = options.seed ?? 1;
  const bins = options.bins ?? 10;
  if (!Number.isSafeInteger(replications) || replications < 1)
    throw new EntenteError(
      'out-of-range',
      `simulationBasedCalibration: replications must be a whole number ≥ 1, got ${replications}`,
    );
  const calibrationSeed = options.calibrationSeed ?? ((r: number) => runSeed(seed + 1, r));
  const { parameters, targets, years, fitYears } = setup;
  const d = parameters.length;
  const nYears = years.length;
  const runs: SbcReplication[] = [];
  for (let r = 0; r < replications; r++) {
    const truth = new Float64Array(d);
    drawPrior(createRng(fmix32(runSeed(seed, 2 * r))), parameters, truth, 0);
    const data = await simulate(truth, Uint32Array.of(runSeed(seed, 2 * r + 1)), 'fit');
    if (data.length !== targets.length * fitYears)
      throw new EntenteError(
        'internal',
        `simulationBasedCalibration: the simulator returned ${data.length} values`,
      );
    const observed = new Float64Array(targets.length * nYears).fill(Number.NaN);
    for (let t = 0; t < targets.length; t++)
      for (let y = 0; y < fitYears; y++) observed[t * nYears + y] = data[t * fitYears + y];
    let c: Calibration | null;
    try {
      c = await calibrate({ ...setup, observed }, simulate, {
        ...options.calibrate,
        seed: calibrationSeed(r),
        noiseSeed: runSeed(seed + 2, r),
      });
    } catch (error) {
      if (!(error instanceof ToleranceNotReachedError)) throw error;
      c = null;
    }
    const miss = parameters.map(() => false);
    let run: SbcReplication;
    if (c === null || c.targetReached === false)
      run = {
        truth: Array.from(truth),
        covered: miss,
        uninformed: miss,
        rank: parameters.map(() => Number.NaN),
        reached: false,
        epsilon: c?.epsilon ?? Number.NaN,
        ess: c?.ess ?? 0,
        simulations: c?.simulations ?? Number.NaN,
      };
    else {
      const weights = Float64Array.from(c.weights);
      const particles = c.particles;
      run = {
        truth: Array.from(truth),
        covered: c.posterior.map((p, j) => truth[j] >= p.q05 && truth[j] <= p.q95),
        uninformed: c.posterior.map((p) => p.uninformed),
        rank: parameters.map((_, j) =>
          posteriorRank(
            Float64Array.from(particles, (row) => row[j]),
            weights,
            truth[j],
          ),
        ),
        reached: true,
        epsilon: c.epsilon,
        ess: c.ess,
        simulations: c.simulations,
      };
    }
    runs.push(run);
    options.onReplication?.(run, r);
  }
  const reached = runs.filter((x) => x.reached);
  return {
    replications,
    seed,
    bins,
    reached: reached.length,
    parameters: parameters.map((p, j) => ({
      id: p.id,
      covered: runs.filter((x) => x.covered[j]).length,
      uninformed: runs.filter((x) => x.uninformed[j]).length,
      ...(reached.length === 0
        ? { histogram: new Array<number>(bins).fill(0), chiSquare: Number.NaN, ks: Number.NaN }
        : rankUniformity(
            reached.map((x) => x.rank[j]),
            bins,
          )),
    })),
    runs,
  };
}
