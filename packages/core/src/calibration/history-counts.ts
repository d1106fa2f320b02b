/**
 * Yearly counts of the history model for calibration: each run's expected counts μ
 * (`simulateHistory`, docs/model.md) and one draw of the observation model per target-year
 * (`sampleObservation`, a negative binomial with the run's dispersion). The history model's
 * functions come in as a {@link HistoryApi} value typed by the shape calibration uses, so this
 * file depends on no particular build of them. `historyMeans` returns the expected counts
 * themselves (and the dispersion), for methods that evaluate the observation model's likelihood
 * instead of drawing from it (`likelihood-smc.ts`).
 */
import type { Rng } from '../analysis/random.js';
import { createRng } from '../analysis/random.js';
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';
import { fmix32 } from '../simulation/streams.js';

/** The compiled history, as calibration reads it. */
export interface HistoryLike {
  readonly years: readonly number[];
  readonly fitYears: number;
  readonly targets: readonly {
    readonly id: string;
    readonly dyad: readonly [string, string];
  }[];
  readonly parameters: readonly { readonly id: string; readonly lo: number; readonly hi: number }[];
  /** Standard normals one run draws (`simulateHistory`'s `normals`); absent in older builds. */
  readonly latentSize?: number;
}

/** History options calibration passes (`YYYY` years). */
export interface HistorySpan {
  readonly from: string;
  readonly until: string;
  readonly forecast?: string;
}

/** The four functions of the core's history model. */
export interface HistoryApi {
  compileHistory(c: Case, options: HistorySpan): HistoryLike;
  simulateHistory(
    h: HistoryLike,
    params: Float64Array,
    seed: number,
    out?: Float64Array,
    normals?: Float64Array | null,
  ): Float64Array;
  observationDispersion(h: HistoryLike, params: Float64Array): number;
  sampleObservation(mu: number, dispersion: number, rng: Rng): number;
}

/** Salt of the observation noise's stream: run seed s draws counts from createRng(fmix32(s ^ salt)). */
const OBSERVATION_SALT = 0x6f627376; // "obsv"

/**
 * Yearly counts of a batch (thetas n × d, seeds n): for each row, the expected counts μ of one
 * history run (seed s), then one negative binomial draw per target-year (stream fmix32(s ^ salt)),
 * over the fitted years (`span` 'fit') or all years. Row-major n × targets × years.
 */
export function historyCounts(
  api: HistoryApi,
  h: HistoryLike,
  thetas: Float64Array,
  seeds: Uint32Array,
  span: 'fit' | 'all',
): Float64Array {
  const d = h.parameters.length;
  const nYears = h.years.length;
  const years = span === 'fit' ? h.fitYears : nYears;
  const m = h.targets.length * years;
  const out = new Float64Array(seeds.length * m);
  const mu = new Float64Array(h.targets.length * nYears);
  const params = new Float64Array(d);
  for (let i = 0; i < seeds.length; i++) {
    params.set(thetas.subarray(i * d, i * d + d));
    api.simulateHistory(h, params, seeds[i], mu);
    const k = api.observationDispersion(h, params);
    const rng = createRng(fmix32((seeds[i] ^ OBSERVATION_SALT) >>> 0));
    for (let t = 0; t < h.targets.length; t++)
      for (let y = 0; y < years; y++)
        out[i * m + t * years + y] = api.sampleObservation(mu[t * nYears + y], k, rng);
  }
  return out;
}

/**
 * Expected counts of a batch (thetas n × d, seeds n) — what {@link historyCounts} draws its counts
 * from, before the observation noise: for each row, the μ of one history run (seed s) per
 * target-year over the fitted years (`span` 'fit') or all years, then the run's negative binomial
 * dispersion k (`observationDispersion`). Row-major n × (targets × years + 1); the same seed gives
 * the same μ as `historyCounts`. With `normals` (n × `h.latentSize`, row i's run shocks: see
 * `simulateHistory`) row i runs on those shocks instead, and the seeds are not used.
 * @throws {EntenteError} `invalid-argument` when `normals` does not hold n × `h.latentSize` values
 */
export function historyMeans(
  api: HistoryApi,
  h: HistoryLike,
  thetas: Float64Array,
  seeds: Uint32Array,
  span: 'fit' | 'all',
  normals?: Float64Array | null,
): Float64Array {
  const d = h.parameters.length;
  const nYears = h.years.length;
  const years = span === 'fit' ? h.fitYears : nYears;
  const m = h.targets.length * years + 1;
  const L = h.latentSize ?? 0;
  if (normals && (L === 0 || normals.length !== seeds.length * L))
    throw new EntenteError(
      'invalid-argument',
      `historyMeans: normals must hold rows × latentSize = ${seeds.length} × ${L} values, got ${normals.length}`,
    );
  const out = new Float64Array(seeds.length * m);
  const mu = new Float64Array(h.targets.length * nYears);
  const params = new Float64Array(d);
  for (let i = 0; i < seeds.length; i++) {
    params.set(thetas.subarray(i * d, i * d + d));
    api.simulateHistory(
      h,
      params,
      seeds[i],
      mu,
      normals ? normals.subarray(i * L, i * L + L) : null,
    );
    for (let t = 0; t < h.targets.length; t++)
      for (let y = 0; y < years; y++) out[i * m + t * years + y] = mu[t * nYears + y];
    out[i * m + m - 1] = api.observationDispersion(h, params);
  }
  return out;
}
