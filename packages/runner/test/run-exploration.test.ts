import { aggregate, planExploration, runBatch } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { createBatchPool, runExploration, runPlan } from '../src/index.js';
import { builtinCase } from './helpers.js';

const c = builtinCase();

describe('runExploration on the local pool', () => {
  it('runExploration gives byte-identical summaries with 1 and 2 workers', async () => {
    const options = { runs: 160, seed: 7 };
    const one = await runExploration(c, options, { workers: 1 });
    const two = await runExploration(c, options, { workers: 2, batchSize: 37 });
    expect(one.summary.complete).toBe(true);
    expect(JSON.stringify(two.summary)).toBe(JSON.stringify(one.summary));
    expect(Array.from(two.runs.seeds)).toEqual(Array.from(one.runs.seeds));
  });

  it("aggregation on a pool of 2 (verdict tasks on the threads) gives the serial aggregate's bytes", async () => {
    const plan = planExploration(c, { runs: 120, seed: 11 });
    const serial = aggregate(plan, [runBatch(plan, 0, 50), runBatch(plan, 50, plan.worlds)]);
    expect(serial.hypotheses.some((h) => h.failBox !== null)).toBe(true);
    const pool = createBatchPool(2);
    try {
      const pooled = await runPlan(plan, { pool, batchSize: 25 });
      expect(JSON.stringify(pooled.summary)).toBe(JSON.stringify(serial));
    } finally {
      await pool.close();
    }
  });

  it('runExploration with a posterior: the posterior block is the same bytes for 1 and 2 workers', async () => {
    const posterior = {
      source: 'fixture/posterior.json',
      sample: {
        parameters: [
          { id: 'group-growth', lo: 0, hi: 1 },
          { id: 'obs-dispersion', lo: 0, hi: 10 },
        ],
        particles: [
          [0.01, 2],
          [0.02, 3],
          [0.04, 1],
        ],
        weights: [0.2, 0.5, 0.3],
        ess: 2.6,
        method: 'abc-smc',
      },
    };
    const options = { runs: 90, seed: 4, scenarios: ['status-quo', 'everyone-severs'] };
    const one = await runExploration(c, options, { workers: 1 }, posterior);
    const two = await runExploration(c, options, { workers: 2, batchSize: 17 }, posterior);
    const p = one.summary.posterior;
    expect(p?.parameters).toEqual(['group-growth']);
    expect(p?.ignored).toEqual(['obs-dispersion']);
    expect(p?.hypotheses.map((h) => h.id)).toEqual(one.summary.hypotheses.map((h) => h.id));
    expect(p?.planId).not.toBe(one.summary.planId);
    expect(JSON.stringify(two.summary)).toBe(JSON.stringify(one.summary));
    const alone = await runExploration(c, options, { workers: 1 });
    expect(JSON.stringify({ ...one.summary, posterior: undefined })).toBe(
      JSON.stringify(alone.summary),
    );
  });

  it('runExploration with case draws gives byte-identical summaries for 1 worker vs 2 workers and 3 batches', async () => {
    const options = { runs: 60, seed: 5, draws: 9, scenarios: ['status-quo', 'everyone-severs'] };
    const one = await runExploration(c, options, { workers: 1 });
    const two = await runExploration(c, options, { workers: 2, batchSize: 20 });
    expect(one.summary.options.draws).toBe(9);
    expect(one.summary.hypotheses.every((h) => h.draws?.n === 9)).toBe(true);
    expect(JSON.stringify(two.summary)).toBe(JSON.stringify(one.summary));
  });

  it('runExploration with a Sobol design gives byte-identical summaries with 1 and 2 workers', async () => {
    const options = {
      runs: 16,
      sample: 'sobol' as const,
      seed: 3,
      bootstrap: 50,
      scenarios: ['status-quo', 'everyone-severs'],
      parameters: ['card', 'group-growth', 'regime-suppression', 'state-suppression'],
    };
    const one = await runExploration(c, options, { workers: 1 });
    const two = await runExploration(c, options, { workers: 2 });
    expect(one.summary.sensitivity?.method).toBe('sobol');
    expect(JSON.stringify(two.summary)).toBe(JSON.stringify(one.summary));
  });

  it('runExploration stopped by its signal resolves with the finished worlds, complete: false', async () => {
    for (const workers of [1, 2]) {
      const controller = new AbortController();
      const progress: number[] = [];
      const result = await runExploration(
        c,
        { runs: 400, seed: 1 },
        {
          workers,
          batchSize: 20,
          signal: controller.signal,
          onProgress: (p) => {
            progress.push(p.done);
            if (p.done >= 60) controller.abort();
          },
        },
      );
      const s = result.summary;
      expect(s.complete).toBe(false);
      expect(s.completedWorlds).toBeGreaterThanOrEqual(60);
      expect(s.completedWorlds).toBeLessThan(400);
      expect(s.completedWorlds).toBe(progress[progress.length - 1]);
      expect(result.runs.worlds.length).toBe(s.completedWorlds);
      for (const h of s.hypotheses) expect(h.n).toBe(s.completedWorlds);
    }
  });

  it('runExploration reports progress up to the total and rejects bad options before running', async () => {
    const seen: number[] = [];
    await runExploration(
      c,
      { runs: 50 },
      { workers: 1, batchSize: 10, onProgress: (p) => seen.push(p.done) },
    );
    expect(seen).toEqual([10, 20, 30, 40, 50]);
    await expect(
      runExploration(c, { runs: 5, scenarios: ['nope'] }, { workers: 1 }),
    ).rejects.toThrow(/unknown scenario/);
  });
});
