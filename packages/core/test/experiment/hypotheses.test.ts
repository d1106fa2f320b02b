/**
 * Hypotheses with effects and minimum effects (hand-computed), their located validation issues,
 * and what decides a verdict: a one-parameter box, two interacting parameters (no box), the
 * degenerate always-holding hypothesis (the endpoint check).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  type BatchResult,
  type Case,
  createRng,
  decidingParameter,
  effectHolds,
  type Hypothesis,
  hypothesisComparison,
  hypothesisEffect,
  hypothesisHolds,
  loadCase,
  planExploration,
  preparePlan,
  preparePrimInput,
  runBatch,
} from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const builtinText = readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8');

function builtin(): Case {
  const result = loadCase(builtinText);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.case;
}

type Rule = Parameters<typeof hypothesisHolds>[0];
const rule = (r: Partial<Rule>): Rule => ({
  id: 'h',
  scenario: 'a',
  metric: 'harm.total',
  op: '>',
  ...r,
});
/** Outcomes: scenario a → 12, scenario b → 10. */
const metric = (scenario: string) => (scenario === 'a' ? 12 : 10);

describe('hypothesisEffect and effectHolds (hand-computed)', () => {
  it('hypothesisEffect: trend absolute = metric − value; versus absolute = metric(s) − metric(v)', () => {
    expect(hypothesisEffect(rule({ value: 11.5 }), metric)).toBe(0.5);
    expect(hypothesisEffect(rule({ versus: 'b' }), metric)).toBe(2);
    expect(hypothesisEffect(rule({ versus: 'b', op: '<' }), metric)).toBe(2);
  });

  it('hypothesisEffect: relative = (metric(s) − reference) / |reference|; NaN for a zero reference', () => {
    const rel = { relative: 0.1, rationale: 'r' };
    expect(hypothesisEffect(rule({ versus: 'b', minEffect: rel }), metric)).toBeCloseTo(0.2, 15);
    expect(hypothesisEffect(rule({ value: -8, minEffect: rel }), metric)).toBe(2.5); // (12+8)/8
    expect(hypothesisEffect(rule({ value: 0, minEffect: rel }), metric)).toBeNaN();
  });

  it('hypothesisHolds: beyond minEffect in the direction of op (20 % rise against 10 % and 25 %)', () => {
    const at = (op: Rule['op'], relative: number) =>
      hypothesisHolds(rule({ versus: 'b', op, minEffect: { relative, rationale: 'r' } }), metric);
    expect(at('>', 0.1)).toBe(true);
    expect(at('>', 0.25)).toBe(false);
    // A claimed fall of at least 10 %: the 20 % rise is not one.
    expect(at('<', 0.1)).toBe(false);
    // Absolute: 12 − 10 = 2 against 2 (> fails, >= holds).
    const abs = (op: Rule['op'], absolute: number) =>
      hypothesisHolds(rule({ versus: 'b', op, minEffect: { absolute, rationale: 'r' } }), metric);
    expect(abs('>', 2)).toBe(false);
    expect(abs('>=', 2)).toBe(true);
    expect(abs('>', 1.5)).toBe(true);
  });

  it('effectHolds: < and <= need the effect below −m; a negative m is a non-inferiority margin', () => {
    const h = (op: Rule['op'], absolute: number) => ({
      id: 'h',
      op,
      minEffect: { absolute, rationale: 'r' },
    });
    expect(effectHolds(h('<', 0.05), -0.06)).toBe(true);
    expect(effectHolds(h('<', 0.05), -0.05)).toBe(false);
    expect(effectHolds(h('<=', 0.05), -0.05)).toBe(true);
    // "Not lower by more than 0.05": −0.04 passes, −0.06 does not.
    expect(effectHolds(h('>', -0.05), -0.04)).toBe(true);
    expect(effectHolds(h('>', -0.05), -0.06)).toBe(false);
    // Without minEffect the sign test: any positive difference.
    expect(effectHolds({ id: 'h', op: '>' }, 1e-9)).toBe(true);
    expect(effectHolds({ id: 'h', op: '>' }, Number.NaN)).toBe(false);
  });

  it('hypothesisComparison: the given comparison, else versus when versus is set', () => {
    expect(hypothesisComparison({ versus: 'b' })).toBe('versus');
    expect(hypothesisComparison({})).toBe('trend');
    expect(hypothesisComparison({ comparison: 'trend' })).toBe('trend');
  });
});

describe('loadCase(text) locates hypothesis issues', () => {
  /** The built-in case with one hypothesis appended (its first line is `first`). */
  const withHypothesis = (...lines: string[]) => {
    const text = `${builtinText.trimEnd()}\n${lines.join('\n')}\n`;
    const first = builtinText.trimEnd().split('\n').length + 1;
    const issues = loadCase(text).issues.filter((i) => i.severity === 'error');
    return issues.map((i) => ({ code: i.code, line: (i.line ?? 0) - first, path: i.path }));
  };
  const base = [
    '  - id: extra',
    '    statement: S.',
    '    scenario: status-quo',
    '    metric: harm.total',
    '    op: ">"',
  ];

  it('a claimant that is neither author, analyst nor an actor: unknown-actor at claimant', () => {
    const issues = withHypothesis(...base, '    value: 0', '    claimant: talibn');
    expect(issues).toEqual([
      { code: 'unknown-actor', line: 6, path: ['hypotheses', expect.any(Number), 'claimant'] },
    ]);
    const r = loadCase(
      `${builtinText.trimEnd()}\n${[...base, '    value: 0', '    claimant: talibn'].join('\n')}\n`,
    );
    expect(r.issues.find((i) => i.code === 'unknown-actor')?.suggestion).toBe('taliban');
  });

  it('a comparison that does not match value/versus: value-or-versus at comparison', () => {
    expect(withHypothesis(...base, '    value: 0', '    comparison: versus')).toEqual([
      { code: 'value-or-versus', line: 6, path: ['hypotheses', expect.any(Number), 'comparison'] },
    ]);
    expect(withHypothesis(...base, '    versus: everyone-severs', '    comparison: trend')).toEqual(
      [
        {
          code: 'value-or-versus',
          line: 6,
          path: ['hypotheses', expect.any(Number), 'comparison'],
        },
      ],
    );
  });

  it('a minEffect without rationale, or relative against the threshold 0, is located', () => {
    const noRationale = withHypothesis(...base, '    value: 0', '    minEffect: { absolute: 1 }');
    expect(noRationale.length).toBeGreaterThan(0);
    for (const i of noRationale) {
      expect(i.line).toBe(6);
      expect(i.path.slice(2, 3)).toEqual(['minEffect']);
    }
    expect(
      withHypothesis(...base, '    value: 0', '    minEffect: { relative: 0.1, rationale: r }'),
    ).toEqual([
      {
        code: 'invalid-value',
        line: 6,
        path: ['hypotheses', expect.any(Number), 'minEffect', 'relative'],
      },
    ]);
  });
});

describe('decidingParameter', () => {
  /** n worlds × k uniform parameters. */
  const worlds = (n: number, k: number, seed: number) => {
    const rng = createRng(seed);
    return Float64Array.from({ length: n * k }, () => rng());
  };

  it('decidingParameter flags the one parameter that decides the verdict (holds iff x₁ > 0.5)', () => {
    const n = 400;
    const x = worlds(n, 3, 1);
    const holds = Uint8Array.from({ length: n }, (_, i) => (x[i * 3 + 1] > 0.5 ? 1 : 0));
    const r = decidingParameter(preparePrimInput(x, n, 3), holds);
    expect(r).not.toBeNull();
    expect(r?.j).toBe(1);
    expect(r?.op).toBe('>');
    expect(r?.value).toBeGreaterThan(0.49);
    expect(r?.value).toBeLessThan(0.51);
    expect([r?.density, r?.coverage, r?.failDensity, r?.failCoverage]).toEqual([1, 1, 1, 1]);
  });

  it('decidingParameter: 1 % label noise still decides; the figures are recounted by hand', () => {
    const n = 1000;
    const x = worlds(n, 2, 2);
    const rng = createRng(3);
    const holds = Uint8Array.from({ length: n }, (_, i) =>
      x[i * 2] < 0.3 !== rng() < 0.01 ? 1 : 0,
    );
    const r = decidingParameter(preparePrimInput(x, n, 2), holds);
    if (r === null) throw new Error('expected a deciding rule');
    expect(r.j).toBe(0);
    expect(r.op).toBe('<');
    let inside = 0;
    let insideHolds = 0;
    let all = 0;
    for (let i = 0; i < n; i++) {
      const on = x[i * 2] < r.value;
      inside += on ? 1 : 0;
      all += holds[i];
      insideHolds += on && holds[i] ? 1 : 0;
    }
    expect(r.density).toBe(insideHolds / inside);
    expect(r.coverage).toBe(insideHolds / all);
  });

  it('decidingParameter: swapping holds and fails gives the complementary rule; a monotone rescaling moves only the threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        (seed, cut) => {
          const n = 200;
          const x = worlds(n, 2, seed);
          const holds = Uint8Array.from({ length: n }, (_, i) => (x[i * 2 + 1] > cut ? 1 : 0));
          const r = decidingParameter(preparePrimInput(x, n, 2), holds);
          if (r === null) return; // too few worlds on one side
          const flipped = decidingParameter(
            preparePrimInput(x, n, 2),
            holds.map((h) => 1 - h),
          );
          expect(flipped?.j).toBe(r.j);
          expect(flipped?.op).toBe(r.op === '<' ? '>' : '<');
          expect(flipped?.value).toBe(r.value);
          expect(flipped?.density).toBe(r.failDensity);
          expect(flipped?.coverage).toBe(r.failCoverage);
          // x ↦ 10 + 3x keeps the order: same parameter, side and figures.
          const scaled = decidingParameter(
            preparePrimInput(
              x.map((v) => 10 + 3 * v),
              n,
              2,
            ),
            holds,
          );
          expect([scaled?.j, scaled?.op, scaled?.density, scaled?.coverage]).toEqual([
            r.j,
            r.op,
            r.density,
            r.coverage,
          ]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('decidingParameter: two interacting parameters (holds iff x₀ + x₁ > 1) decide nothing alone', () => {
    const n = 1000;
    const x = worlds(n, 3, 4);
    const holds = Uint8Array.from({ length: n }, (_, i) => (x[i * 3] + x[i * 3 + 1] > 1 ? 1 : 0));
    expect(decidingParameter(preparePrimInput(x, n, 3), holds)).toBeNull();
  });

  it('decidingParameter: a hypothesis that holds everywhere, or fails in a few scattered worlds, has no box', () => {
    const n = 500;
    const x = worlds(n, 2, 5);
    expect(decidingParameter(preparePrimInput(x, n, 2), new Uint8Array(n).fill(1))).toBeNull();
    const rng = createRng(6);
    const scattered = Uint8Array.from({ length: n }, () => (rng() < 0.97 ? 1 : 0));
    expect(decidingParameter(preparePrimInput(x, n, 2), scattered)).toBeNull();
  });
});

describe('aggregate reports effects and what decides a verdict', () => {
  const c = builtin();
  /** The built-in case with only the given hypotheses. */
  const only = (...hypotheses: Hypothesis[]): Case => ({ ...c, hypotheses });
  const trend: Hypothesis = {
    id: 'synthetic',
    statement: 'S.',
    scenario: 'status-quo',
    metric: 'harm.total',
    op: '>',
    value: 0,
  };
  /** Batches whose harm.total in world w is f(parameter values of w). */
  const fake = (plan: ReturnType<typeof planExploration>, f: (v: number[]) => number) => {
    const prepared = preparePlan(plan);
    const width = prepared.outcomeOffsets[prepared.models.length];
    const m = prepared.outcomes[0].indexOf('harm.total');
    const outcomes = new Float64Array(plan.worlds * width);
    const k = plan.parameters.length;
    for (let w = 0; w < plan.worlds; w++) {
      const v = plan.parameters.map(
        (p, i) => p.lo + prepared.design.unit[w * k + i] * (p.hi - p.lo),
      );
      outcomes[w * width + m] = f(v);
    }
    const batch: BatchResult = {
      planId: plan.id,
      start: 0,
      end: plan.worlds,
      outcomes,
      series: runBatch(plan, 0, 0).series,
    };
    return [batch];
  };
  const options = {
    runs: 300,
    seed: 7,
    scenarios: ['status-quo'],
    parameters: ['card', 'group-growth', 'shock'],
    bands: 0,
  };

  it('aggregate flags "decided by card > 0.5" when one parameter decides; effect quantiles are those of metric − value', () => {
    const plan = planExploration(only(trend), options);
    const card = plan.parameters.findIndex((p) => p.id === 'card');
    const [h] = aggregate(
      plan,
      fake(plan, (v) => v[card] - 0.5),
    ).hypotheses;
    expect(h.decidedBy?.parameter).toBe('card');
    expect(h.decidedBy?.op).toBe('>');
    expect(h.decidedBy?.source).toBe('box');
    expect(Math.abs((h.decidedBy?.value ?? 0) - 0.5)).toBeLessThan(0.01);
    // Latin hypercube: card's 300 values are one per stratum, so the effect card − 0.5 has its
    // median near 0 and its 5 % / 95 % quantiles near −0.45 / 0.45.
    expect(h.effect?.median).toBeCloseTo(0, 2);
    expect(h.effect?.q05).toBeCloseTo(-0.45, 2);
    expect(h.effect?.q95).toBeCloseTo(0.45, 2);
    expect(h.comparison).toBe('trend');
    expect(h.claimant).toBe('author');
  });

  it('aggregate flags nothing when two parameters interact', () => {
    const plan = planExploration(only(trend), options);
    const [card, shock] = ['card', 'shock'].map((id) =>
      plan.parameters.findIndex((p) => p.id === id),
    );
    const lo = plan.parameters[shock].lo;
    const span = plan.parameters[shock].hi - lo;
    const [h] = aggregate(
      plan,
      fake(plan, (v) => v[card] + (v[shock] - lo) / span - 1),
    ).hypotheses;
    expect(h.holds).toBeGreaterThan(0.3);
    expect(h.holds).toBeLessThan(0.7);
    expect(h.decidedBy).toBeNull();
  });

  it('aggregate: a minEffect turns the same outcomes into fewer holding worlds', () => {
    const plan = planExploration(
      only({ ...trend, minEffect: { absolute: 0.25, rationale: 'r' } }),
      options,
    );
    const card = plan.parameters.findIndex((p) => p.id === 'card');
    const [h] = aggregate(
      plan,
      fake(plan, (v) => v[card] - 0.5),
    ).hypotheses;
    // card − 0.5 > 0.25 ⇔ card > 0.75: a quarter of the strata.
    expect(h.holds).toBeCloseTo(0.25, 2);
    expect(h.minEffect).toEqual({ absolute: 0.25, rationale: 'r' });
  });

  it('aggregate: the degenerate always-holding hypothesis is decided at the range end (targeted strikes help only if τ > 0)', () => {
    // Targeted counter-terrorism differs from plain severance only by strikes of efficacy τ:
    // with τ = 0 the two runs are identical and "strikes weaken the groups" cannot hold.
    const strikes: Hypothesis = {
      id: 'strikes-weaken-groups',
      statement: 'Direct strikes leave the groups weaker than severance alone.',
      scenario: 'targeted-ct',
      versus: 'everyone-severs',
      metric: 'strength.total.change',
      op: '<',
    };
    const plan = planExploration(only(strikes), {
      runs: 40,
      seed: 3,
      scenarios: ['targeted-ct', 'everyone-severs'],
      parameters: ['targeted-ct-efficacy', 'group-growth'],
      bands: 0,
    });
    const [h] = aggregate(plan, [runBatch(plan, 0, plan.worlds)]).hypotheses;
    expect(h.holds).toBeGreaterThanOrEqual(0.95);
    expect(h.decidedBy).toEqual({
      parameter: 'targeted-ct-efficacy',
      op: '>',
      value: 0,
      density: h.holds,
      coverage: 1,
      source: 'endpoint',
    });
  });
});
