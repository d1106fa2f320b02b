/**
 * Simulation-based calibration (Talts et al. 2018; `calibration/sbc.ts`) on the real history
 * model of the built-in case — the simulator `entente calibrate --from 2015 --until 2020
 * --forecast 2021` fits: three targets (pakistan--ttp, taliban--isk, republic--isk), six fitted
 * years, the observation model M18–M20, all 25 parameters with their uniform priors. Each
 * replication draws θ* from the prior, simulates the six years' counts at θ* (negative binomial
 * noise included) and calibrates them with `calibrate` at the CLI's defaults (500 particles,
 * 20,000 simulations; likelihood-smc at 300 particles and 30,000 latent runs, see below), so the
 * posterior checked is the one the product reports. docs/calibration.md ("Proof that it works")
 * shows the numbers; `node bench/sbc.js` prints the full table.
 */
import {
  type CalibrationMethod,
  type CountSimulator,
  compileHistory,
  coverageBand,
  type HistoryApi,
  historyCounts,
  historyMeans,
  type MeanSimulator,
  observationDispersion,
  pooledCoverage,
  posteriorRank,
  rankUniformity,
  reuseLastBatch,
  type SbcResult,
  sampleObservation,
  simulateHistory,
  simulationBasedCalibration,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/analysis/random.js';
import { builtinCase } from '../simulation/helpers.js';

const h = compileHistory(builtinCase(), { from: '2015', until: '2020', forecast: '2021' });
const api = {
  compileHistory,
  simulateHistory,
  observationDispersion,
  sampleObservation,
} as unknown as HistoryApi;
const simulate: CountSimulator = (thetas, seeds, span) =>
  historyCounts(api, h, thetas, seeds, span);
const means: MeanSimulator = (thetas, seeds, span, normals) =>
  historyMeans(api, h, thetas, seeds, span, normals);
const setup = {
  parameters: h.parameters,
  targets: h.targets,
  years: h.years,
  fitYears: h.fitYears,
};
const ids = h.parameters.map((p) => p.id);

/**
 * Parameters the fitted counts cannot see: they act only on states' engagement, aid and
 * counter-terrorism with the regime, on defection to a group, or on the opposition's foreign
 * support — and in 2015–2020 the regime is the Republic, which no state of the case engages or
 * aids, with which IS-K has no defection tie, and whose opposition has no foreign backer in the
 * model (docs/model.md, "History"): all of that begins with the Taliban's segment in 2021-08.
 * The next test checks it directly.
 */
const UNSEEN = [
  'defection',
  'targeted-ct-efficacy',
  'card',
  'engagement-benefit',
  'threat-response',
  'engagement-adjustment',
  'verification-threshold',
  'foreign-support',
  'opposition-support',
];

describe('rank statistics of simulation-based calibration', () => {
  it('posteriorRank is the weighted distribution function at x, ties counting half', () => {
    const v = Float64Array.of(1, 2, 3);
    const w = Float64Array.of(0.2, 0.3, 0.5);
    expect(posteriorRank(v, w, 2)).toBeCloseTo(0.2 + 0.15, 12);
    expect(posteriorRank(v, w, 0)).toBe(0);
    expect(posteriorRank(v, w, 4)).toBeCloseTo(1, 12);
  });

  it('rankUniformity counts bins, sums (O − E)²/E and takes the KS distance', () => {
    // Bins of 4 ranks in 2 bins: 3 below ½, 1 above; E = 2, χ² = (1 + 1)/2 = 1.
    const r = rankUniformity([0.1, 0.2, 0.3, 0.9], 2);
    expect(r.histogram).toEqual([3, 1]);
    expect(r.chiSquare).toBeCloseTo(1, 12);
    // Empirical CDF after 0.3 is 3/4: KS = 0.75 − 0.3 = 0.45.
    expect(r.ks).toBeCloseTo(0.45, 12);
    expect(() => rankUniformity([], 10)).toThrow(/rankUniformity/);
  });
});

describe('the history model of the built-in case, 2015–2020 with a 2021 forecast', () => {
  it('observes three targets over six fitted years and has 25 parameters', () => {
    expect(h.targets.map((t) => t.id)).toEqual(['pakistan--ttp', 'taliban--isk', 'republic--isk']);
    expect(h.fitYears).toBe(6);
    expect(ids).toHaveLength(25);
    for (const id of UNSEEN) expect(ids).toContain(id);
  });

  it('its fitted counts do not depend on the unseen parameters, and do on the observation scale', () => {
    // 200 random parameter vectors and seeds; each unseen parameter redrawn alone must leave the
    // six years' counts (expected counts and the negative binomial draws) the same bytes.
    const rng = createRng(2026);
    const d = ids.length;
    const draw = (j: number) =>
      h.parameters[j].lo + (h.parameters[j].hi - h.parameters[j].lo) * rng();
    let scaleMoved = 0;
    for (let r = 0; r < 200; r++) {
      const base = Float64Array.from({ length: d }, (_, j) => draw(j));
      const seeds = Uint32Array.of(1000 + r);
      const y0 = Float64Array.from(historyCounts(api, h, base, seeds, 'fit'));
      for (const id of [...UNSEEN, 'observation-scale']) {
        const j = ids.indexOf(id);
        const q = Float64Array.from(base);
        q[j] = draw(j);
        const y1 = historyCounts(api, h, q, seeds, 'fit');
        if (id === 'observation-scale') scaleMoved += y1.some((x, k) => x !== y0[k]) ? 1 : 0;
        else expect(Array.from(y1), id).toEqual(Array.from(y0));
      }
    }
    expect(scaleMoved).toBeGreaterThan(150);
  });
});

/**
 * Noisy ABC's target tolerance: chosen before any coverage was looked at, as the smallest value
 * on the grid 0.5, 0.6, 0.8, 0.9, 1.0 that ABC-SMC reached in at least 95 of the 100 replications
 * within the CLI's default budget (87, 94, 94, 95, 97; rejection reached 0.8 in 96 and 0.9 in 97;
 * docs/calibration.md).
 */
const NOISY_TOLERANCE = 0.9;

/** The SBCs: each method, plain, and ABC-SMC and rejection as noisy ABC at NOISY_TOLERANCE. */
type SbcKey = CalibrationMethod | 'noisy abc-smc' | 'noisy rejection';
/** One SBC per key, computed once and shared by its tests. */
const runs = new Map<SbcKey, Promise<SbcResult>>();
/**
 * likelihood-smc's settings: 300 particles and 30,000 latent runs keep its 100 replications near
 * 100 s of CPU (docs/calibration.md); ABC's are the CLI's defaults.
 */
const SETTINGS = {
  'likelihood-smc': { particles: 300, runs: 30_000, means, latentSize: h.latentSize },
} as Partial<Record<CalibrationMethod, object>>;
function sbc(key: SbcKey): Promise<SbcResult> {
  let run = runs.get(key);
  if (!run) {
    const noisy = key.startsWith('noisy ');
    const method = key.replace('noisy ', '') as CalibrationMethod;
    run = simulationBasedCalibration(
      setup,
      // Rejection ABC with one calibration seed draws the same 20,000-draw prior table in every
      // replication (cv4abc of Csilléry, François & Blum's `abc` package): simulate it once.
      // Noisy ABC's kernel draw has its own seed per replication (sbc.ts).
      method === 'rejection' ? reuseLastBatch(simulate) : simulate,
      {
        replications: 100,
        seed: 1,
        calibrate: {
          method,
          particles: 500,
          runs: 20_000,
          ...SETTINGS[method],
          ...(noisy ? { tolerance: NOISY_TOLERANCE, noisy: true } : {}),
        },
        ...(method === 'rejection' ? { calibrationSeed: () => 1 } : {}),
      },
    ).then((result) => {
      console.log(
        `SBC ${key}, 100 replications (${result.reached} reached the tolerance, ${(100 * pooledCoverage(result)).toFixed(1)} % of all intervals covered): parameter, covered, uninformed, χ²(9), KS\n${result.parameters
          .map(
            (p) =>
              `${p.id.padEnd(24)} ${p.covered} ${p.uninformed} ${p.chiSquare.toFixed(1)} ${p.ks.toFixed(3)}`,
          )
          .join('\n')}`,
      );
      return result;
    });
    runs.set(key, run);
  }
  return run;
}

/** Informed as the product says: reported informed (sd ratio < 0.8) in at least half the replications. */
const informed = (r: SbcResult) => r.parameters.filter((p) => p.uninformed < r.replications / 2);

/**
 * The defect the check found (docs/calibration.md): at the tolerances ABC reaches with the
 * per-dyad-year distance, the posterior of `observation-dispersion` leans to large k (counts
 * closer to Poisson than the truth) when the truth is overdispersed, and its 90 % interval holds
 * the truth in only 70 of 100 replications with either method. This is the plain methods' known
 * bias at a tolerance they choose themselves, and stays documented here; noisy ABC at a fixed
 * tolerance (below) is the calibrated alternative.
 */
const KNOWN_MISCALIBRATED = ['observation-dispersion'];

for (const method of ['abc-smc', 'rejection'] as const) {
  describe(`simulation-based calibration of ${method} on the history model (100 replications)`, () => {
    const slow = { tags: ['slow'], timeout: 900_000 };

    it('reports every unseen parameter uninformed in ≥ 90 % of replications', slow, async () => {
      const r = await sbc(method);
      for (const id of UNSEEN) {
        const p = r.parameters.find((x) => x.id === id);
        expect(p?.uninformed, id).toBeGreaterThanOrEqual(90);
        // A posterior ≈ the prior puts θ* at a uniform rank: χ² below its 99.9 % point for 9
        // degrees of freedom (27.88).
        expect(p?.chiSquare, id).toBeLessThan(27.88);
      }
    });

    it(
      'the 90 % intervals of the informed parameters hold the truth in 85–95 of 100',
      slow,
      async () => {
        const r = await sbc(method);
        const checked = informed(r).filter((p) => !KNOWN_MISCALIBRATED.includes(p.id));
        expect(checked.map((p) => p.id)).toContain('observation-scale');
        for (const p of checked) {
          expect(p.covered, p.id).toBeGreaterThanOrEqual(85);
          expect(p.covered, p.id).toBeLessThanOrEqual(95);
        }
      },
    );

    it.fails(
      'known defect: the 90 % interval of observation-dispersion holds the truth in 85–95 of 100',
      slow,
      async () => {
        const r = await sbc(method);
        for (const id of KNOWN_MISCALIBRATED) {
          const p = r.parameters.find((x) => x.id === id);
          expect(p?.covered, id).toBeGreaterThanOrEqual(85);
          expect(p?.covered, id).toBeLessThanOrEqual(95);
        }
      },
    );
  });
}

/**
 * Noisy ABC (Fearnhead & Prangle 2012, §2.2; abc-distance.ts) at a target tolerance fixed in
 * advance: the observed point is moved once by a draw of the ABC kernel, so the ABC posterior at
 * that tolerance is calibrated — the dispersion included. A replication that did not reach the
 * tolerance counts as a miss for every parameter (sbc.ts), which only makes the checks stricter.
 *
 * The issue's requirement, "the 90 % intervals contain the truth in 85–95 of 100 replications",
 * is checked three ways (docs/calibration.md, "What the coverage checks ask"):
 * - for each parameter the data inform (those plain ABC-SMC reports informed in at least half its
 *   replications: the counts see them), 85–95 of 100;
 * - over all 2,500 intervals together, 85–95 %;
 * - for every one of the 25 parameters, a count inside the band an exact posterior keeps all 25 in
 *   with probability ≥ 99 % (coverageBand: 78–99 of 100). Asking 85–95 of every one of 25
 *   parameters would fail an exact posterior with probability ≈ 0.81 (sbc-harness.test.ts), so it
 *   is not asked; the band fails a parameter covered in 77 or fewer, which an exact method does
 *   with probability 1e-4.
 * Noisy rejection passes all three. Noisy ABC-SMC does not (its last step straight to the
 * tolerance resamples onto few particles that its moves at that tolerance barely spread, so its
 * sample intervals are too short): it is kept as a known shortfall.
 */
const PASSES: Record<'noisy abc-smc' | 'noisy rejection', boolean> = {
  'noisy rejection': true,
  'noisy abc-smc': false,
};

for (const key of ['noisy abc-smc', 'noisy rejection'] as const) {
  describe(`simulation-based calibration of ${key} ABC at ε = ${NOISY_TOLERANCE} on the history model (100 replications)`, () => {
    const slow = { tags: ['slow'], timeout: 900_000 };

    it('reaches the tolerance in at least 95 of 100 replications', slow, async () => {
      expect((await sbc(key)).reached).toBeGreaterThanOrEqual(95);
    });

    it('reports every unseen parameter uninformed in ≥ 90 % of replications', slow, async () => {
      const r = await sbc(key);
      for (const id of UNSEEN) {
        const p = r.parameters.find((x) => x.id === id);
        expect(p?.uninformed, id).toBeGreaterThanOrEqual(90);
      }
    });

    it(
      'the ranks of every parameter, observation-dispersion included, are uniform',
      slow,
      async () => {
        const r = await sbc(key);
        expect(r.parameters).toHaveLength(25);
        // χ² of the 10-bin rank histogram below its 99.9 % point for 9 degrees of freedom.
        for (const p of r.parameters) expect(p.chiSquare, p.id).toBeLessThan(27.88);
      },
    );

    (PASSES[key] ? it : it.fails)(
      `${PASSES[key] ? '' : 'known shortfall: '}the 90 % intervals hold the truth in 85–95 of 100 for each informed parameter and over all intervals, and every parameter's count lies in the exact-calibration band`,
      slow,
      async () => {
        const r = await sbc(key);
        const informedIds = informed(await sbc('abc-smc')).map((p) => p.id);
        expect(informedIds).toEqual(
          expect.arrayContaining(['observation-scale', 'observation-dispersion']),
        );
        for (const id of informedIds) {
          const p = r.parameters.find((x) => x.id === id);
          expect(p?.covered, id).toBeGreaterThanOrEqual(85);
          expect(p?.covered, id).toBeLessThanOrEqual(95);
        }
        const pooled = pooledCoverage(r);
        expect(pooled).toBeGreaterThanOrEqual(0.85);
        expect(pooled).toBeLessThanOrEqual(0.95);
        const { lo, hi } = coverageBand(r.replications, r.parameters.length);
        for (const p of r.parameters) {
          expect(p.covered, p.id).toBeGreaterThanOrEqual(lo);
          expect(p.covered, p.id).toBeLessThanOrEqual(hi);
        }
      },
    );
  });
}

/**
 * likelihood-smc (density-tempered correlated pseudo-marginal SMC on the negative binomial
 * likelihood, `likelihood-smc.ts`: each particle carries its run's 252 monthly shocks and moves
 * them by Crank–Nicolson steps) targets the exact posterior, and on a toy model with one latent
 * shock it matches a grid posterior (likelihood-smc.test.ts). On the history model it still does
 * not pass: where the counts are large and close to Poisson the posterior needs shock paths that
 * fit the data, and the local moves do not find them — in such replications the truth's
 * ln L(θ*, u*) lies about 20 above every particle's, and the dispersion's interval ends below
 * the truth. docs/calibration.md gives the numbers. Both checks are kept as the requirement,
 * expected to fail until the sampler can follow the shocks better (e.g. month by month); then
 * make them plain tests.
 */
describe('simulation-based calibration of likelihood-smc on the history model (100 replications)', () => {
  const slow = { tags: ['slow'], timeout: 900_000 };

  it.fails(
    'known defect: reports every unseen parameter uninformed in ≥ 90 % of replications',
    slow,
    async () => {
      const r = await sbc('likelihood-smc');
      for (const id of UNSEEN) {
        const p = r.parameters.find((x) => x.id === id);
        expect(p?.uninformed, id).toBeGreaterThanOrEqual(90);
      }
    },
  );

  it.fails(
    'known defect: the 90 % intervals of every informed parameter, observation-dispersion included, hold the truth in 85–95 of 100',
    slow,
    async () => {
      const r = await sbc('likelihood-smc');
      const checked = informed(r);
      expect(checked.map((p) => p.id)).toContain('observation-dispersion');
      for (const p of checked) {
        expect(p.covered, p.id).toBeGreaterThanOrEqual(85);
        expect(p.covered, p.id).toBeLessThanOrEqual(95);
      }
    },
  );
});
