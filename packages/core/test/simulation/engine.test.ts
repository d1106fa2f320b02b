/**
 * simulate / simulateOutcomes / simulateSeries: one month of the equations checked against a hand
 * computation on a one-regime, one-group, one-state case; determinism; agreement of the three
 * entry points; argument checks.
 */
import {
  BAND_SERIES,
  compileModel,
  EntenteError,
  MODEL_PARAMETERS,
  outcomeNames,
  runSeed,
  simulate,
  simulateOutcomes,
  simulateSeries,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { builtinCase, caseFrom, withParameters } from './helpers.js';

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
  'vacuum-threshold': 0.6,
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
    expect(t.vacuum[0]).toBeCloseTo((0.6 - 0.5) / 0.6, 15); // M2
    // M4: m = (1 − 0)(0.1·0.5 + 0.2·(1·0.5·0.5)·0.5) = 0.075;
    // M5: k = 1·(1 − 0.5)·0.5·0.5 + 0.5·1 = 0.625; M6: E = 0.075·0.625/(2·0.05).
    expect(t.effort[0]).toBeCloseTo((0.075 * 0.625) / 0.1, 15);
    // M16: no population actor → π = 1; u = 0.2.
    expect(t.harm[0]).toBeCloseTo(0.1 / 0.1 + 0.8 * (0.1 / 0.6), 15);
    expect(t.engagement[0]).toBe(0.5);
  });

  it('month 1 follows M8–M15', () => {
    const V = 0.1 / 0.6;
    const rEff = 0.03 + 0.06 * V * (1 - 0.2); // M8
    const growth = ((1 + rEff) * 0.1) / (1 + (rEff * 0.1) / (5 * 0.1));
    const inflow = 0.001 * (1 - 0.5) * 1;
    const E = (0.075 * 0.625) / 0.1;
    const x1 = (growth + inflow) * Math.exp(-E * 0.075); // M9 with σ_ε = 0
    expect(t.strength[1]).toBeCloseTo(x1, 15);
    // M10: I = P̂ → target b = 0.5; M12: stance stays 1 → F = 0.5 → C* = 0.5; M14.
    expect(t.engagement[1]).toBeCloseTo(0.5, 15);
    expect(t.capacity[1]).toBeCloseTo(0.5 * Math.exp(-0.02 * 1 * (0.1 / 0.1)), 15);
    const y = simulateOutcomes(model, params, 1);
    const names = outcomeNames(model);
    expect(y[names.indexOf('strength.total.change')]).toBeCloseTo(x1 / 0.1 - 1, 14);
    expect(y[names.indexOf('insecurity.mean')]).toBeCloseTo((0.5 + (0.5 * x1) / 0.1) / 2, 14);
    expect(y[names.indexOf('vacuum.months')]).toBe(2);
  });

  it('a sincere regime (κ = 0) works harder than a card player (κ = 1) — M5', () => {
    const sincere = simulate(model, withParameters(params, { card: 0 }), 1);
    const card = simulate(model, withParameters(params, { card: 1 }), 1);
    expect(sincere.effort[0]).toBeCloseTo((0.075 * (0.25 + 0.5)) / 0.1, 15);
    expect(card.effort[0]).toBeCloseTo((0.075 * (-0.25 + 0.5)) / 0.1, 15);
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
