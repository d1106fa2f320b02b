import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  type BatchResult,
  compileModel,
  explorationDesign,
  hypothesisHolds,
  isModelHypothesis,
  latinHypercube,
  planExploration,
  preparePlan,
  quantiles,
  runBatch,
  runSeed,
  runTable,
  simulateOutcomes,
  wilsonInterval,
  worldSeed,
} from '../../src/index.js';
import { builtinCase as builtin } from '../simulation/helpers.js';

const _ROOT = resolve(import.meta.dirname, '../../../..');

const c = builtin();
const scenarios = (c.scenarios ?? []).map((s) => s.id);

/** Runs a plan in batches of the given sizes, in the given order. */
function runInBatches(plan: ReturnType<typeof planExploration>, cuts: number[]): BatchResult[] {
  const points = [0, ...cuts.filter((x) => x > 0 && x < plan.worlds), plan.worlds];
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  const batches: BatchResult[] = [];
  for (let i = 0; i + 1 < sorted.length; i++)
    batches.push(runBatch(plan, sorted[i], sorted[i + 1]));
  return batches;
}

describe('planExploration', () => {
  it('planExploration gives a JSON-serialisable plan whose id depends only on its content', () => {
    const plan = planExploration(c, { runs: 20, seed: 5 });
    const copy = JSON.parse(JSON.stringify(plan));
    expect(copy).toEqual(plan);
    expect(planExploration(c, { runs: 20, seed: 5 }).id).toBe(plan.id);
    expect(planExploration(c, { runs: 20, seed: 6 }).id).not.toBe(plan.id);
    expect(plan.scenarios.map((s) => s.id)).toEqual(scenarios);
    expect(plan.worlds).toBe(20);
  });

  it('planExploration sizes the designs: lhs N, sobol N(2k+2), morris r(k+1)', () => {
    const lhs = planExploration(c, { runs: 10 });
    const k = lhs.parameters.length;
    expect(k).toBeGreaterThan(0);
    const sobol = planExploration(c, { runs: 8, sample: 'sobol' });
    expect(sobol.worlds).toBe(8 * (2 * k + 2));
    expect(sobol.sampleWorlds).toBe(16);
    const morris = planExploration(c, { runs: 3, sample: 'morris' });
    expect(morris.worlds).toBe(3 * (k + 1));
  });

  it('planExploration rejects an unknown scenario, naming the known ones', () => {
    expect(() => planExploration(c, { scenarios: ['nope'] })).toThrow(
      /explore: unknown scenario "nope"/,
    );
    expect(() => planExploration(c, { runs: 0 })).toThrow(/runs must be a whole number/);
  });
});

describe('runBatch', () => {
  it('runBatch computes world w with its design row and runSeed(seed, w) (brute force, lhs)', () => {
    const plan = planExploration(c, { runs: 12, seed: 9, scenarios: [scenarios[0]] });
    const k = plan.parameters.length;
    const unit = latinHypercube(12, k, 9);
    const model = compileModel(c, scenarios[0]);
    const batch = runBatch(plan, 3, 7);
    for (const w of [3, 6]) {
      const params = Float64Array.from(model.base);
      plan.parameters.forEach((p, i) => {
        if (!plan.scenarios[0].fixed.includes(p.id))
          params[p.index] = p.lo + unit[w * k + i] * (p.hi - p.lo);
      });
      const expected = simulateOutcomes(model, params, runSeed(9, w));
      const width = expected.length;
      expect(Array.from(batch.outcomes.subarray((w - 3) * width, (w - 2) * width))).toEqual(
        Array.from(expected),
      );
    }
  });

  it('runBatch with the caller’s prepared plan gives the same bytes; the core keeps no plan cache', () => {
    const plan = planExploration(c, { runs: 6, seed: 8, scenarios: [scenarios[0]] });
    const prepared = preparePlan(plan);
    // Each call prepares afresh: nothing of an earlier plan is kept in the module.
    expect(preparePlan(plan)).not.toBe(prepared);
    expect(Array.from(runBatch(plan, 1, 4, prepared).outcomes)).toEqual(
      Array.from(runBatch(plan, 1, 4).outcomes),
    );
    const other = planExploration(c, { runs: 6, seed: 9, scenarios: [scenarios[0]] });
    expect(() => runBatch(other, 0, 2, prepared)).toThrow(
      /runBatch: the prepared plan .* is not plan/,
    );
  });

  it('runBatch gives the 2k+2 worlds of one Saltelli base row one stream (common random numbers)', () => {
    const plan = planExploration(c, { runs: 4, sample: 'sobol', seed: 3 });
    const stride = plan.stride;
    for (let b = 0; b < stride; b++) expect(worldSeed(plan, stride + b)).toBe(runSeed(3, 1));
    // World j·stride + b is row j of Saltelli block b: A and B differ, A_B^(0) takes column 0 of B.
    const { unit } = explorationDesign(plan);
    const k = plan.parameters.length;
    const row = (w: number) => Array.from(unit.subarray(w * k, w * k + k));
    const [a, bRow, ab0] = [row(stride), row(stride + 1), row(stride + 2)];
    expect(ab0[0]).toBe(bRow[0]);
    expect(ab0.slice(1)).toEqual(a.slice(1));
  });
});

describe('aggregate', () => {
  it('aggregate gives the same bytes whatever the batch split and order (property)', () => {
    const plan = planExploration(c, { runs: 24, seed: 2, bands: 10 });
    const reference = JSON.stringify(aggregate(plan, [runBatch(plan, 0, plan.worlds)]));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 23 }), { maxLength: 6 }),
        fc.integer(),
        (cuts, shuffleSeed) => {
          const batches = runInBatches(plan, cuts);
          const order = batches
            .map((b, i) => ({ b, key: Math.imul(i + 1, shuffleSeed | 1) >>> 0 }))
            .sort((x, y) => x.key - y.key)
            .map((x) => x.b);
          expect(JSON.stringify(aggregate(plan, order))).toBe(reference);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('aggregate counts a batch delivered twice once, and rejects overlaps and foreign batches', () => {
    const plan = planExploration(c, { runs: 10, seed: 4 });
    const a = runBatch(plan, 0, 5);
    const b = runBatch(plan, 5, 10);
    const once = JSON.stringify(aggregate(plan, [a, b]));
    expect(JSON.stringify(aggregate(plan, [a, b, runBatch(plan, 5, 10)]))).toBe(once);
    expect(() => aggregate(plan, [a, runBatch(plan, 3, 8)])).toThrow(/overlap/);
    const other = planExploration(c, { runs: 10, seed: 5 });
    expect(() => aggregate(plan, [runBatch(other, 0, 5)])).toThrow(/plan/);
  });

  it('aggregate of some batches marks the summary incomplete and counts only finished worlds', () => {
    const plan = planExploration(c, { runs: 10, seed: 4 });
    const summary = aggregate(plan, [runBatch(plan, 2, 6)]);
    expect(summary.complete).toBe(false);
    expect(summary.completedWorlds).toBe(4);
    for (const h of summary.hypotheses) expect(h.n).toBe(4);
  });

  it('aggregate: hypothesis shares, Wilson intervals and outcome quantiles match a recount from the run table', () => {
    const plan = planExploration(c, { runs: 60, seed: 11 });
    const batches = runInBatches(plan, [17, 40]);
    const summary = aggregate(plan, batches);
    const table = runTable(plan, batches);
    expect(Array.from(table.worlds)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    const metric = (i: number) => (scenario: string, name: string) => {
      const s = table.scenarios.findIndex((x) => x.id === scenario);
      const m = table.scenarios[s].outcomes.indexOf(name);
      return table.outcomes[s][i * table.scenarios[s].outcomes.length + m];
    };
    const defs = (c.hypotheses ?? []).filter(isModelHypothesis);
    expect(summary.hypotheses.length).toBe(defs.length);
    for (const h of summary.hypotheses) {
      const def = defs.find((d) => d.id === h.id);
      if (!def) throw new Error(`no hypothesis ${h.id}`);
      let holds = 0;
      for (let i = 0; i < 60; i++) if (hypothesisHolds(def, metric(i))) holds++;
      expect(h.holds).toBe(holds / 60);
      expect(h.ci).toEqual(wilsonInterval(holds, 60));
      if (holds === 60) expect(h.failBox).toBeNull();
    }
    const s0 = table.scenarios[0];
    const m = s0.outcomes.indexOf('strength.total.change');
    const column = Float64Array.from(
      { length: 60 },
      (_, i) => table.outcomes[0][i * s0.outcomes.length + m],
    );
    const row = summary.outcomes.find(
      (o) => o.scenario === s0.id && o.metric === 'strength.total.change',
    );
    expect(row?.p50).toBe(quantiles(column, [0.5])[0]);
    expect(row?.mean).toBeCloseTo(column.reduce((a, b) => a + b, 0) / 60, 12);
  });

  it('aggregate computes Sobol indices with CIs for the key outcomes of each scenario', () => {
    const plan = planExploration(c, { runs: 16, sample: 'sobol', seed: 1, bootstrap: 50 });
    const summary = aggregate(plan, [runBatch(plan, 0, plan.worlds)]);
    const sens = summary.sensitivity;
    if (sens?.method !== 'sobol') throw new Error('expected Sobol sensitivity');
    expect(sens.n).toBe(16);
    const metrics = new Set(sens.outcomes.map((o) => o.metric));
    for (const key of ['strength.total.change', 'insecurity.mean', 'harm.total'])
      expect(metrics.has(key)).toBe(true);
    for (const o of sens.outcomes) {
      expect(o.indices.map((i) => i.parameter)).toEqual(plan.parameters.map((p) => p.id));
      for (const i of o.indices) expect(i.totalCi[0]).toBeLessThanOrEqual(i.totalCi[1]);
    }
    // Only A and B rows are sample worlds: hypotheses see 2N of them.
    for (const h of summary.hypotheses) expect(h.n).toBe(32);
  });

  it('aggregate computes Morris μ* for the key outcomes, and bands over the band worlds', () => {
    const plan = planExploration(c, { runs: 4, sample: 'morris', seed: 1, bands: 7 });
    const summary = aggregate(plan, [runBatch(plan, 0, plan.worlds)]);
    expect(summary.sensitivity?.method).toBe('morris');
    const band = summary.bands[0];
    expect(band.worlds).toBe(7);
    expect(band.values.length).toBe(5);
    expect(band.values[0].length).toBe(plan.scenarios[0].months + 1);
    for (let t = 0; t <= plan.scenarios[0].months; t++) {
      expect(band.values[0][t]).toBeLessThanOrEqual(band.values[2][t]);
      expect(band.values[2][t]).toBeLessThanOrEqual(band.values[4][t]);
    }
  });
});
