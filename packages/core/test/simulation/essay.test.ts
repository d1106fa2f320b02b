/**
 * The essay's claims as the case tests them. These tests check what the case records (who claims
 * what, where, compared with what, beyond which effect) and that the exploration reports the
 * model's numbers faithfully; they never assert that a claim holds — the model may disagree with
 * the essay, and a test that required agreement would hide it.
 */
import {
  aggregate,
  type CompiledModel,
  compileModel,
  createRng,
  effectHolds,
  type Hypothesis,
  hypothesisComparison,
  hypothesisEffect,
  hypothesisHolds,
  isModelHypothesis,
  outcomeNames,
  parameterIndex,
  planExploration,
  runBatch,
  runSeed,
  runTable,
  simulateOutcomes,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { builtinCase, drawParameters } from './helpers.js';

const c = builtinCase();
const hypotheses: Hypothesis[] = (c.hypotheses ?? []).filter(isModelHypothesis);
const byId = new Map(hypotheses.map((h) => [h.id, h]));
const models = new Map<string, CompiledModel>(
  (c.scenarios ?? []).map((s) => [s.id, compileModel(c, s.id)]),
);

/** Outcomes of every scenario in one world (a parameter a scenario fixes keeps its value). */
function world(params: Float64Array, seed: number) {
  const out = new Map<string, { names: readonly string[]; y: Float64Array }>();
  for (const [id, m] of models) {
    const p = Float64Array.from(params);
    for (const f of m.fixed) p[parameterIndex(f)] = m.base[parameterIndex(f)];
    out.set(id, { names: outcomeNames(m), y: simulateOutcomes(m, p, seed) });
  }
  return (scenario: string, name: string): number => {
    const o = out.get(scenario);
    if (!o) throw new Error(`no scenario ${scenario}`);
    const i = o.names.indexOf(name);
    if (i < 0) throw new Error(`no outcome ${name}`);
    return o.y[i];
  };
}

describe('the built-in case records the claims as the essay makes them', () => {
  it('every hypothesis names its claim, claimant, paragraph, sentence and a minimum effect with a rationale', () => {
    const claims = new Set((c.claims ?? []).map((k) => k.id));
    expect(hypotheses.length).toBeGreaterThan(0);
    for (const h of hypotheses) {
      expect(claims.has(h.claim ?? ''), h.id).toBe(true);
      expect(h.claimant, h.id).toBeDefined();
      expect(h.paragraph, h.id).toBeGreaterThanOrEqual(1);
      expect(h.sentence, h.id).toBeGreaterThanOrEqual(1);
      expect(h.comparison, h.id).toBe(h.versus === undefined ? 'trend' : 'versus');
      expect(h.minEffect?.rationale.length ?? 0, h.id).toBeGreaterThan(10);
    }
  });

  it("¶8's claims are each tested as a trend and against a world where states do not engage", () => {
    for (const claim of [
      'engagement-has-not-curbed',
      'engagement-will-not-curb',
      'engagement-raises-insecurity',
    ]) {
      const tests = hypotheses.filter((h) => h.claim === claim);
      expect(new Set(tests.map(hypothesisComparison)), claim).toEqual(new Set(['trend', 'versus']));
      for (const h of tests) {
        expect(h.paragraph, h.id).toBe(8);
        expect(h.claimant, h.id).toBe('author');
        if (h.versus === undefined) continue;
        // The counterfactual is the engagement scenario's twin in which every state severs ties.
        const engage = c.scenarios?.find((s) => s.id === h.scenario);
        const sever = c.scenarios?.find((s) => s.id === h.versus);
        expect(engage?.defaultPolicy, h.id).toBe('engage');
        expect(sever?.defaultPolicy, h.id).toBe('sever');
        expect(sever?.start, h.id).toBe(engage?.start);
        expect(models.get(h.versus)?.months, h.id).toBe(models.get(h.scenario)?.months);
      }
    }
  });

  it('"has not curbed" is tested over the past two years, "will not curb" over the future', () => {
    for (const h of hypotheses.filter((x) => x.claim === 'engagement-has-not-curbed')) {
      const scenario = c.scenarios?.find((s) => s.id === h.scenario);
      expect(scenario?.start, h.id).toMatch(/^2021-0[89]/);
      expect(models.get(h.scenario)?.months, h.id).toBe(24);
      // The past scenario reads the case under Taliban rule: the Republic is no party to it.
      expect(models.get(h.scenario)?.states, h.id).not.toContain('republic');
    }
    for (const h of hypotheses.filter((x) => x.claim === 'engagement-will-not-curb')) {
      const scenario = c.scenarios?.find((s) => s.id === h.scenario);
      expect(scenario?.start, h.id).toBeUndefined(); // the case's present, 2023
      expect(models.get(h.scenario)?.months, h.id).toBe(120);
    }
  });

  it("¶6 sentence 1 is recorded as the Taliban's claim, not the author's", () => {
    const warning = hypotheses.filter((h) => h.paragraph === 6 && h.sentence === 1);
    expect(warning.length).toBeGreaterThan(0);
    for (const h of warning) expect(h.claimant, h.id).toBe('taliban');
    expect(byId.get('severing-ties-raises-insecurity')?.claimant).toBe('taliban');
  });
});

describe('hypothesisHolds agrees with the effect and the minimum effect in sampled worlds', () => {
  it('in 60 worlds over the plausible ranges, holds ⇔ the effect lies beyond minEffect in the op’s direction', () => {
    const rng = createRng(21);
    for (let w = 0; w < 60; w++) {
      const metric = world(drawParameters(rng), runSeed(21, w));
      for (const h of hypotheses) {
        const e = hypothesisEffect(h, metric);
        const m = h.minEffect
          ? 'relative' in h.minEffect
            ? h.minEffect.relative
            : h.minEffect.absolute
          : 0;
        const beyond =
          h.op === '>' ? e > m : h.op === '>=' ? e >= m : h.op === '<' ? e < -m : e <= -m;
        expect(hypothesisHolds(h, metric), h.id).toBe(beyond);
        expect(effectHolds(h, e), h.id).toBe(beyond);
      }
    }
  });
});

describe('the exploration of the built-in case reports what the model computes', () => {
  const plan = planExploration(c, { runs: 160, seed: 1 });
  const summary = aggregate(plan, [runBatch(plan, 0, plan.worlds)]);

  it('a hypothesis reported as holding in most worlds is flagged when its paired comparison’s median effect says otherwise', () => {
    for (const h of summary.hypotheses) {
      const paired = summary.hypotheses.filter(
        (p) => p.claim === h.claim && p.comparison !== h.comparison,
      );
      for (const p of paired) {
        const def = byId.get(p.id) as Hypothesis;
        const contradicts = p.effect !== null && !effectHolds(def, p.effect.median);
        expect(h.contradictedBy.includes(p.id), `${h.id} vs ${p.id}`).toBe(contradicts);
      }
      // A verdict never outruns its numbers: the share and the median effect agree in direction.
      if (h.holds !== null && h.effect !== null && h.decidedBy === null) {
        const def = byId.get(h.id) as Hypothesis;
        if (h.holds > 0.5) expect(effectHolds(def, h.effect.median), h.id).toBe(true);
        if (h.holds < 0.5) expect(effectHolds(def, h.effect.median), h.id).toBe(false);
      }
    }
  });

  it('each hypothesis holds in some sampled worlds and fails in others (the model can disagree with the essay)', () => {
    for (const h of summary.hypotheses) {
      expect(h.holds, h.id).not.toBeNull();
      expect(h.holds as number, h.id).toBeGreaterThan(0);
      expect(h.holds as number, h.id).toBeLessThan(1);
    }
  });

  it('decidedBy agrees with a brute-force search of every one-parameter rule over the run table', () => {
    const table = runTable(plan, [runBatch(plan, 0, plan.worlds)]);
    const k = table.parameters.length;
    const n = table.worlds.length;
    for (const h of summary.hypotheses) {
      const def = byId.get(h.id) as Hypothesis;
      const holds = Array.from({ length: n }, (_, i) =>
        hypothesisHolds(def, (scenario, name) => {
          const s = table.scenarios.findIndex((x) => x.id === scenario);
          const names = table.scenarios[s].outcomes;
          return table.outcomes[s][i * names.length + names.indexOf(name)];
        }),
      );
      const total = holds.filter(Boolean).length;
      // Every threshold between two observed values, both sides: the smallest of the four figures.
      let best = 0;
      for (let j = 0; j < k && total >= 5 && n - total >= 5; j++) {
        const values = [...new Set(Array.from({ length: n }, (_, i) => table.values[i * k + j]))];
        values.sort((a, b) => a - b);
        for (let t = 0; t + 1 < values.length; t++) {
          const cut = (values[t] + values[t + 1]) / 2;
          for (const up of [false, true]) {
            let on = 0;
            let onHolds = 0;
            for (let i = 0; i < n; i++) {
              const x = table.values[i * k + j];
              if (up ? x > cut : x < cut) {
                on++;
                if (holds[i]) onHolds++;
              }
            }
            const off = n - on;
            const offFails = n - total - (on - onHolds);
            if (on === 0 || off === 0) continue;
            const score = Math.min(
              onHolds / on,
              onHolds / total,
              offFails / off,
              offFails / (n - total),
            );
            best = Math.max(best, score);
          }
        }
      }
      expect(h.decidedBy?.source === 'box', h.id).toBe(best >= 0.95);
      if (h.decidedBy?.source === 'box') {
        expect(Math.min(h.decidedBy.density, h.decidedBy.coverage), h.id).toBeGreaterThanOrEqual(
          0.95,
        );
      }
    }
  });
});
