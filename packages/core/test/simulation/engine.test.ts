/**
 * simulate / simulateOutcomes / simulateSeries: one month of the equations checked against a hand
 * computation on a one-regime, one-group, one-state case; determinism; agreement of the three
 * entry points; argument checks.
 */
import {
  BAND_SERIES,
  compileModel,
  createRng,
  EntenteError,
  MODEL_PARAMETERS,
  outcomeNames,
  POLICIES,
  runSeed,
  simulate,
  simulateOutcomes,
  simulateSeries,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { OUTCOME_TABLE } from '../../src/model/outcome-layout.js';
import { POLICY_CODE } from '../../src/simulation/compile.js';
import { builtinCase, caseFrom, drawParameters, withParameters } from './helpers.js';

/** One regime (size 1), one group (size 0.1), one state (size 1); every tie named below. */
const TINY = `
format: entente/1
id: tiny
title: One regime, one group, one state
actors:
  - { id: reg, name: Regime, kind: regime, size: { value: 1 } }
  - { id: grp, name: Group, kind: armed-group, size: { value: 0.1 } }
  - { id: st, name: State, kind: state, size: { value: 1 } }
relations:
  - { from: grp, to: st, type: threat, weight: 0.5, assumption: true, rationale: test }
  - { from: reg, to: grp, type: armed-conflict, weight: 1, assumption: true, rationale: test }
  - { from: reg, to: grp, type: defection, weight: 1, assumption: true, rationale: test }
  - { from: st, to: reg, type: counter-terrorism-cooperation, weight: 1, assumption: true, rationale: test }
  - { from: st, to: reg, type: engagement, weight: 0.5, assumption: true, rationale: test }
  - { from: st, to: reg, type: aid, weight: 0.5, assumption: true, rationale: test }
scenarios:
  - { id: s, months: 1 }
  - { id: c, months: 1, defaultPolicy: conditional }
  - { id: x, months: 1, defaultPolicy: sever }
`;

const HAND = {
  'group-growth': 0.03,
  'carrying-capacity': 5,
  sanctuary: 1,
  defection: 0.001,
  'regime-suppression': 0.1,
  'state-suppression': 0.2,
  'targeted-ct-efficacy': 0.3,
  card: 0.25,
  'engagement-benefit': 1,
  'regime-risk': 0.5,
  'effort-cost': 0.05,
  'threat-response': 0.5,
  'engagement-adjustment': 0.1,
  'verification-threshold': 0.25,
  'capacity-floor': 0.4,
  'foreign-support': 0.3,
  'capacity-adjustment': 0.05,
  attrition: 0.02,
  // Above 1: the run starts in a vacuum (M2), so the hand computation exercises it.
  'vacuum-threshold': 1.2,
  'vacuum-inflow': 0.06,
  'opposition-unity': 0.2,
  'opposition-support': 0.5,
  shock: 0,
};

describe('simulate(model, params, seed) on a hand-computed case', () => {
  const model = compileModel(caseFrom(TINY), 's');
  const params = withParameters(model.base, HAND);
  const t = simulate(model, params, 1);

  it('month 0 follows M1–M7 and M13, M16', () => {
    // x = 0.1, X̄ = 0.1, cap = 1/(1+1) = 0.5; F0 = 0.5·(0.5 + 0.5) = 0.5 → C0 = 0.4 + 0.3·0.5/1.5.
    const C0 = 0.4 + (0.3 * 0.5) / 1.5;
    expect(C0).toBeCloseTo(0.5, 15);
    expect(t.capacity[0]).toBeCloseTo(0.5, 15);
    expect(t.insecurity[0]).toBeCloseTo((0.5 * 0.1) / 0.1, 15); // M1
    expect(t.vacuum[0]).toBeCloseTo((1.2 * 0.5 - 0.5) / (1.2 * 0.5), 15); // M2: θ·C(0) = 0.6
    // M4: m = (1 − 0)(0.1·0.5 + 0.2·(1·0.5·0.5)·0.5) = 0.075;
    // M5: P̂ = 0.5·0.1/0.1 = 0.5 = I; ∂F/∂I = cap·p·(b·η + aid·κ)/P̂ = 0.5·(0.25 + 0.125)/0.5 = 0.375;
    //     ∂I/∂ln x = w·x/X̄ = 0.5; k = ρ·c − β·0.375·0.5 = 0.5 − 0.1875 = 0.3125;
    // M6: E = 0.075·0.3125/(2·0.05).
    expect(t.effort[0]).toBeCloseTo((0.075 * 0.3125) / 0.1, 15);
    // M16: no population actor → π = 1; u = 0.2.
    expect(t.harm[0]).toBeCloseTo(0.1 / 0.1 + 0.8 * (0.1 / 0.6), 15);
    expect(t.engagement[0]).toBe(0.5);
  });

  it('month 1 follows M8–M15', () => {
    const V = (0.6 - 0.5) / 0.6;
    const rEff = 0.03 + 0.06 * V * (1 - 0.2); // M8
    const growth = ((1 + rEff) * 0.1) / (1 + (rEff * 0.1) / (5 * 0.1));
    const inflow = 0.001 * (1 - 0.5) * 1;
    const E = (0.075 * 0.3125) / 0.1;
    const x1 = (growth + inflow) * Math.exp(-E * 0.075); // M9 with σ_ε = 0
    expect(t.strength[1]).toBeCloseTo(x1, 15);
    // M10: I = P̂ → target b = 0.5; M12: stance stays 1; M13: F = 1·0.5·(0.5 + 0.5·(1 + κ·0)) =
    // 0.5 → C* = 0.5; M14.
    expect(t.engagement[1]).toBeCloseTo(0.5, 15);
    expect(t.capacity[1]).toBeCloseTo(0.5 * Math.exp(-0.02 * 1 * (0.1 / 0.1)), 15);
    const y = simulateOutcomes(model, params, 1);
    const names = outcomeNames(model);
    expect(y[names.indexOf('strength.total.change')]).toBeCloseTo(x1 / 0.1 - 1, 14);
    expect(y[names.indexOf('insecurity.mean')]).toBeCloseTo((0.5 + (0.5 * x1) / 0.1) / 2, 14);
    expect(y[names.indexOf('vacuum.months')]).toBe(2);
  });

  it('aid that follows the threat (κ) pays the card: the regime works less — M5, M13', () => {
    const flat = simulate(model, withParameters(params, { card: 0 }), 1);
    const card = simulate(model, withParameters(params, { card: 1 }), 1);
    const blind = simulate(model, withParameters(params, { 'engagement-benefit': 0 }), 1);
    // κ = 0: ∂F/∂I = 0.5·0.25/0.5 = 0.25, k = 0.5 − 0.25·0.5; κ = 1: ∂F/∂I = 0.5·0.75/0.5 = 0.75.
    expect(flat.effort[0]).toBeCloseTo((0.075 * (0.5 - 0.125)) / 0.1, 15);
    expect(card.effort[0]).toBeCloseTo((0.075 * (0.5 - 0.375)) / 0.1, 15);
    // β = 0: support is worth nothing to the regime, only its own risk ρ·c counts.
    expect(blind.effort[0]).toBeCloseTo((0.075 * 0.5) / 0.1, 15);
  });

  it('conditional engagement pays for reductions, so it removes the incentive — M5, M11', () => {
    const p = withParameters(params, { 'engagement-benefit': 0.1, card: 1 });
    const engage = simulate(model, p, 1);
    const conditional = simulate(compileModel(caseFrom(TINY), 'c'), p, 1);
    const sever = simulate(compileModel(caseFrom(TINY), 'x'), p, 1);
    // Conditional: ∂F/∂I = −cap·(b + aid)/(P̂·ϑ) = −0.5·1/(0.5·0.25) = −4; k = 0.5 + 0.1·4·0.5.
    expect(conditional.effort[0]).toBeCloseTo((0.075 * 0.7) / 0.1, 15);
    // Severing: no support depends on the threat; k = ρ·c = 0.5.
    expect(sever.effort[0]).toBeCloseTo((0.075 * 0.5) / 0.1, 15);
    // Engaging with κ = 1: k = 0.5 − 0.1·0.75·0.5.
    expect(engage.effort[0]).toBeCloseTo((0.075 * 0.4625) / 0.1, 15);
    expect(conditional.effort[0]).toBeGreaterThan(sever.effort[0]);
    expect(sever.effort[0]).toBeGreaterThan(engage.effort[0]);
  });
});

describe('simulate, simulateOutcomes, simulateSeries on the built-in case', () => {
  const c = builtinCase();
  const model = compileModel(c, 'status-quo');

  it('same seed → identical bytes; another seed → another path', () => {
    const a = simulate(model, model.base, 42);
    const b = simulate(model, model.base, 42);
    const d = simulate(model, model.base, 43);
    expect(Buffer.from(a.strength.buffer).equals(Buffer.from(b.strength.buffer))).toBe(true);
    expect(Buffer.from(a.harm.buffer).equals(Buffer.from(b.harm.buffer))).toBe(true);
    expect(a.strength).not.toEqual(d.strength);
  });

  it('a group that starts at zero strength reports its change against x̂_g (M17: x_g(T)/x̂_g − 1)', () => {
    const zero = {
      ...c,
      scenarios: [
        ...(c.scenarios ?? []),
        { id: 'isk-zero', defaultPolicy: 'engage' as const, strengthFactor: { isk: 0 } },
      ],
    };
    const m = compileModel(zero, 'isk-zero');
    const g = m.groups.indexOf('isk');
    const t = simulate(m, m.base, 5);
    const y = simulateOutcomes(m, m.base, 5);
    const final = t.strength[m.months * m.groups.length + g];
    expect(t.strength[g]).toBe(0);
    expect(final).toBeGreaterThan(0); // defection from a weakened regime (M9) brings members in
    expect(y[outcomeNames(m).indexOf('strength.isk.change')]).toBeCloseTo(
      final / m.xRef[g] - 1,
      12,
    );
  });

  it('the three entry points agree exactly', () => {
    for (const id of (c.scenarios ?? []).map((s) => s.id)) {
      const m = compileModel(c, id);
      const t = simulate(m, m.base, 9);
      const y = simulateOutcomes(m, m.base, 9);
      const names = outcomeNames(m);
      const rows = m.months + 1;
      const series = new Float32Array(rows * BAND_SERIES.length);
      simulateSeries(m, m.base, 9, series);
      const G = m.groups.length;
      const S = m.states.length;
      let total0 = 0;
      let totalT = 0;
      for (let g = 0; g < G; g++) {
        total0 += t.strength[g];
        totalT += t.strength[m.months * G + g];
      }
      expect(y[names.indexOf('strength.total.change')]).toBe(totalT / total0 - 1);
      expect(y[names.indexOf('capacity.final')]).toBe(t.capacity[m.months]);
      expect(y[names.indexOf('harm.total')]).toBe(t.harm.reduce((s, v) => s + v, 0));
      for (let r = 0; r < rows; r++) {
        let ins = 0;
        for (let s = 0; s < S; s++) ins += t.insecurity[r * S + s];
        expect(series[r * 4 + 2]).toBe(Math.fround(t.capacity[r]));
        expect(series[r * 4 + 3]).toBe(Math.fround(t.harm[r]));
        expect(series[r * 4 + 1]).toBe(Math.fround(ins / S));
      }
      // A second call writing into a reused buffer gives the same numbers.
      const again = simulateOutcomes(m, m.base, 9, new Float64Array(names.length).fill(7));
      expect(again).toEqual(y);
    }
  });

  it('outcomeNames lists the contract names in a stable order', () => {
    const names = outcomeNames(model);
    expect(names[0]).toBe('strength.total.change');
    for (const n of [
      'strength.isk.change',
      'insecurity.mean',
      'insecurity.pakistan.mean',
      'insecurity.max',
      'capacity.final',
      'effort.mean',
      'effort.isk.mean',
      'harm.total',
      'vacuum.months',
      'opposition.final',
      'engagement.mean',
    ])
      expect(names).toContain(n);
    expect(simulateOutcomes(model, model.base, 1)).toHaveLength(names.length);
  });

  it('refuses bad parameter vectors, seeds and buffers with the operation in the message', () => {
    expect(() => simulate(model, new Float64Array(3), 1)).toThrow(/^simulate: params must be/);
    const bad = withParameters(model.base, { card: 1.5 });
    expect(() => simulateOutcomes(model, bad, 1)).toThrow(EntenteError);
    expect(() => simulateOutcomes(model, bad, 1)).toThrow(
      /simulateOutcomes: parameter "card" = 1.5/,
    );
    const nan = Float64Array.from(model.base);
    nan[0] = Number.NaN;
    expect(() => simulate(model, nan, 1)).toThrow(/"group-growth" = NaN/);
    expect(() => simulate(model, model.base, 1.5)).toThrow(/seed 1.5/);
    expect(() => simulateSeries(model, model.base, 1, new Float32Array(4))).toThrow(
      /simulateSeries: out must be/,
    );
    expect(MODEL_PARAMETERS.length).toBe(model.base.length);
  });
});

describe('a compiled model holds no mutable state (issue 10)', () => {
  const c = builtinCase();
  const ids = (c.scenarios ?? []).map((s) => s.id);

  /** Every typed array of a model, copied. */
  const snapshot = (m: object) =>
    Object.entries(m)
      .filter(([, v]) => ArrayBuffer.isView(v))
      .map(([k, v]) => [k, Array.from(v as Float64Array)] as const);

  it('runs interleaved on one model give the bytes of runs on fresh models, and leave it unchanged', () => {
    const shared = compileModel(c, 'conditional-engagement', { months: 60 });
    const before = snapshot(shared);
    const rng = createRng(5);
    const worlds = [0, 1, 2].map(() => drawParameters(rng));
    // Interleave the three entry points and three worlds on the shared model …
    const rows = 61;
    const got = worlds.map((p, w) => ({
      outcomes: simulateOutcomes(shared, p, w),
      series: new Float32Array(rows * BAND_SERIES.length),
    }));
    const trajectories = worlds.map((p, w) => simulate(shared, p, w));
    worlds.forEach((p, w) => {
      simulateSeries(shared, p, w, got[w].series);
    });
    // … and compare with each run on its own freshly compiled model.
    worlds.forEach((p, w) => {
      const fresh = () => compileModel(c, 'conditional-engagement', { months: 60 });
      expect(got[w].outcomes).toEqual(simulateOutcomes(fresh(), p, w));
      expect(trajectories[w].strength).toEqual(simulate(fresh(), p, w).strength);
      const series = new Float32Array(rows * BAND_SERIES.length);
      simulateSeries(fresh(), p, w, series);
      expect(got[w].series).toEqual(series);
    });
    expect(snapshot(shared)).toEqual(before);
    expect(Object.keys(shared)).not.toContain('scratch');
  });

  it('outcome names and the offsets the engine writes at come from one table', () => {
    for (const id of ids) {
      const m = compileModel(c, id);
      const names = outcomeNames(m);
      expect(names).toHaveLength(m.layout.count);
      for (const { family, per } of OUTCOME_TABLE) {
        const at = m.layout.offset[family];
        const ids = per === 'one' ? [''] : per === 'group' ? m.groups : m.states;
        ids.forEach((actor, k) => {
          expect(names[at + k]).toBe(family.replace('*', actor));
        });
      }
    }
  });

  it('policies are named constants, one per policy', () => {
    expect(Object.keys(POLICY_CODE).sort()).toEqual([...POLICIES].sort());
    expect(new Set(Object.values(POLICY_CODE)).size).toBe(POLICIES.length);
    expect(Object.isFrozen(POLICY_CODE)).toBe(true);
    const m = compileModel(builtinCase(), 'pakistan-targeted-ct');
    m.states.forEach((s, i) => {
      expect(m.policyCode[i]).toBe(POLICY_CODE[s === 'pakistan' ? 'targeted-ct' : 'engage']);
    });
  });
});

describe('runSeed(seed, world)', () => {
  it('is a pure function of both arguments and spreads neighbouring worlds', () => {
    expect(runSeed(1, 2)).toBe(runSeed(1, 2));
    const seen = new Set<number>();
    for (let w = 0; w < 10_000; w++) seen.add(runSeed(123, w));
    expect(seen.size).toBe(10_000);
    expect(runSeed(1, 0)).not.toBe(runSeed(0, 1));
    expect(runSeed(2 ** 40, 5)).not.toBe(runSeed(0, 5));
    for (const v of seen) expect(v >>> 0).toBe(v);
  });

  it('refuses negative or fractional arguments', () => {
    expect(() => runSeed(-1, 0)).toThrow(/^runSeed: seed -1/);
    expect(() => runSeed(0, 0.5)).toThrow(/^runSeed: world 0.5/);
  });
});
