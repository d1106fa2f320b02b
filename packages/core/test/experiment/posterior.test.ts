import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { worldValue } from '../../src/experiment/run-batch.js';
import {
  aggregate,
  EntenteError,
  type PosteriorSample,
  parsePosterior,
  planExploration,
  preparePlan,
  resampleParticles,
  runBatch,
} from '../../src/index.js';
import { builtinCase } from '../simulation/helpers.js';

const c = builtinCase();

/** A posterior with one particle at `point` (plus an observation-model parameter to ignore). */
const pointPosterior = (point: Record<string, number>): PosteriorSample => {
  const ids = Object.keys(point);
  return {
    parameters: [...ids.map((id) => ({ id, lo: 0, hi: 1 })), { id: 'nb-dispersion', lo: 0, hi: 9 }],
    particles: [
      [...ids.map((id) => point[id]), 3],
      [...ids.map((id) => point[id]), 4],
    ],
    weights: [0.25, 0.75],
  };
};

describe('explore under a posterior', () => {
  it('resampleParticles: systematic counts (⌊N·w⌋ or ⌈N·w⌉ per particle), seeded order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        (raw, count, seed) => {
          const weights = raw.some((w) => w > 0) ? raw : [...raw.slice(1), 1];
          const total = weights.reduce((a, b) => a + b, 0);
          const pick = resampleParticles(weights, count, seed);
          expect(Array.from(resampleParticles(weights, count, seed))).toEqual(Array.from(pick));
          const counts = new Array(weights.length).fill(0);
          for (const i of pick) counts[i]++;
          weights.forEach((w, i) => {
            const expected = (count * w) / total;
            expect(counts[i]).toBeGreaterThanOrEqual(Math.floor(expected - 1e-9));
            expect(counts[i]).toBeLessThanOrEqual(Math.ceil(expected + 1e-9));
          });
        },
      ),
    );
    // Hand-computed: weights 1:3 over 400 worlds give exactly 100 and 300.
    const pick = resampleParticles([1, 3], 400, 9);
    expect(pick.filter((i) => i === 0).length).toBe(100);
  });

  it('a posterior concentrated at a point: every world uses those values; the others keep their prior ranges', () => {
    const prior = planExploration(c, { runs: 50, seed: 3 });
    const [a, b] = prior.parameters;
    const point = { [a.id]: (a.lo + a.hi) / 3, [b.id]: b.hi };
    const plan = planExploration(c, { runs: 50, seed: 3 }, { posterior: pointPosterior(point) });
    expect(plan.id).not.toBe(prior.id);
    expect(plan.posterior?.parameters).toEqual([a.id, b.id]);
    expect(plan.posterior?.ignored).toEqual(['nb-dispersion']);
    const prepared = preparePlan(plan);
    const priorPrepared = preparePlan(prior);
    const k = plan.parameters.length;
    for (let w = 0; w < plan.worlds; w++) {
      expect(worldValue(prepared, w, 0)).toBe(point[a.id]);
      expect(worldValue(prepared, w, 1)).toBe(point[b.id]);
      // The rest: the prior's Latin hypercube, unchanged.
      for (let j = 2; j < k; j++)
        expect(worldValue(prepared, w, j)).toBe(worldValue(priorPrepared, w, j));
    }
  });

  it('parameters that decide where a hypothesis fails: a posterior inside its PRIM box turns the verdict; seeded', () => {
    const options = { runs: 300, seed: 5 };
    const prior = planExploration(c, options);
    const summary = aggregate(prior, [runBatch(prior, 0, prior.worlds)]);
    // The hypothesis whose failures are most concentrated in a box of the parameter space.
    const boxed = summary.hypotheses
      .filter((h) => (h.failBox?.limits.length ?? 0) > 0)
      .sort((x, y) => (y.failBox?.density ?? 0) - (x.failBox?.density ?? 0))[0];
    expect(boxed).toBeDefined();
    const box = boxed.failBox as NonNullable<typeof boxed.failBox>;
    expect(box.density).toBeGreaterThan(1 - (boxed.holds as number));
    const point = Object.fromEntries(box.limits.map((l) => [l.parameter, (l.lo + l.hi) / 2]));
    const plan = planExploration(c, options, { posterior: pointPosterior(point) });
    const under = aggregate(plan, [runBatch(plan, 0, 120), runBatch(plan, 120, plan.worlds)]);
    const h = under.hypotheses.find(
      (x) => x.id === boxed.id,
    ) as (typeof summary.hypotheses)[number];
    // Inside the box the hypothesis fails about as often as the box's density says.
    expect(1 - (h.holds as number)).toBeGreaterThan(
      (1 - (boxed.holds as number) + box.density) / 2,
    );
    const again = aggregate(plan, [runBatch(plan, 0, plan.worlds)]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(under));
  });

  it('parsePosterior checks the file: rows, weights, and names the file in its errors', () => {
    const ok = parsePosterior(
      {
        ...pointPosterior({ 'group-growth': 0.5 }),
        ess: 812.5,
        epsilon: 3,
        method: 'abc-smc',
        seed: 1,
      },
      'cal/posterior.json',
    );
    expect(ok.ess).toBe(812.5);
    expect(ok.method).toBe('abc-smc');
    const bad = (data: unknown) => () => parsePosterior(data, 'cal/posterior.json');
    expect(
      bad({ parameters: [{ id: 'card', lo: 0, hi: 1 }], particles: [[1, 2]], weights: [1] }),
    ).toThrow(/cal\/posterior.json: particle 0 has 2 values, expected 1/);
    expect(
      bad({ parameters: [{ id: 'card', lo: 0, hi: 1 }], particles: [[1]], weights: [0] }),
    ).toThrow(/weights sum to zero/);
    expect(bad({ particles: [] })).toThrow(EntenteError);
    expect(() =>
      planExploration(
        c,
        { runs: 4, sample: 'morris' },
        { posterior: pointPosterior({ 'group-growth': 0.5 }) },
      ),
    ).toThrow(/lhs/);
  });
});
