/**
 * Invariants of the model over its whole plausible parameter space (fast-check): more
 * suppression never raises a group's strength at any month, all else equal and with the same
 * seed; strengths stay finite and non-negative; same seed, same bytes. And the leverage claim
 * (¶5) is decided by the model's dynamics, not by one parameter (issue 9).
 */
import {
  compileModel,
  latinHypercube,
  MODEL_PARAMETERS,
  outcomeNames,
  parameterIndex,
  runSeed,
  simulate,
  simulateOutcomes,
} from '@entente/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCase, caseFrom } from './helpers.js';

const c = builtinCase();

/**
 * One state threatened by two groups, the second partly sheltered: the one structure in which
 * monotonicity is not guaranteed by construction (docs/model.md), so the property runs on it too.
 */
const SHARED = caseFrom(`
format: entente/1
id: shared-threat
title: One state, two groups
actors:
  - { id: reg, name: R, kind: regime, size: { value: 1 } }
  - { id: g1, name: G1, kind: armed-group, size: { value: 0.05 } }
  - { id: g2, name: G2, kind: armed-group, size: { value: 0.02 } }
  - { id: st, name: S, kind: state, size: { value: 1 } }
relations:
  - { from: g1, to: st, type: threat, weight: 1, assumption: true, rationale: test }
  - { from: g2, to: st, type: threat, weight: 0.6, assumption: true, rationale: test }
  - { from: reg, to: g1, type: armed-conflict, weight: 1, assumption: true, rationale: test }
  - { from: reg, to: g2, type: harbouring, weight: 0.7, assumption: true, rationale: test }
  - { from: reg, to: g2, type: defection, weight: 0.5, assumption: true, rationale: test }
  - { from: st, to: g2, type: armed-conflict, weight: 0.5, assumption: true, rationale: test }
  - { from: st, to: reg, type: counter-terrorism-cooperation, weight: 1, assumption: true, rationale: test }
  - { from: st, to: reg, type: engagement, weight: 0.5, assumption: true, rationale: test }
  - { from: st, to: reg, type: aid, weight: 0.5, assumption: true, rationale: test }
scenarios:
  - { id: engage, months: 60 }
  - { id: conditional, months: 60, defaultPolicy: conditional }
  - { id: strike, months: 60, defaultPolicy: targeted-ct }
`);

const models = [
  ...(c.scenarios ?? []).map((s) => compileModel(c, s.id, { months: 60 })),
  ...(SHARED.scenarios ?? []).map((s) => compileModel(SHARED, s.id)),
];

/** A parameter vector anywhere in the plausible ranges. */
const parameters = fc
  .tuple(...MODEL_PARAMETERS.map(() => fc.double({ min: 0, max: 1, noNaN: true })))
  .map((u) =>
    Float64Array.from(MODEL_PARAMETERS, (p, i) => p.range[0] + (p.range[1] - p.range[0]) * u[i]),
  );
const seed = fc.integer({ min: 0, max: 0xffffffff });

describe('simulate: suppression is monotone when support ignores the threat', () => {
  // With κ = η = 0 foreign support does not follow the threat (M10, M13), the construction
  // argument of docs/model.md applies, and the property is checked at every month. With the card
  // paying (κ, η > 0) it is not guaranteed: see the next block.
  it.each(['regime-suppression', 'state-suppression', 'targeted-ct-efficacy'])(
    'with κ = η = 0, raising %s never raises any group strength at any month (built-in and shared-threat scenarios)',
    (id) => {
      const i = parameterIndex(id);
      const [lo, hi] = MODEL_PARAMETERS[i].range;
      fc.assert(
        fc.property(
          parameters,
          seed,
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (p, s, a, b) => {
            const low = Float64Array.from(p);
            const high = Float64Array.from(p);
            for (const v of [low, high]) {
              v[parameterIndex('card')] = 0;
              v[parameterIndex('threat-response')] = 0;
            }
            low[i] = lo + (hi - lo) * Math.min(a, b);
            high[i] = lo + (hi - lo) * Math.max(a, b);
            for (const model of models) {
              const x = simulate(model, low, s).strength;
              const y = simulate(model, high, s).strength;
              for (let k = 0; k < x.length; k++) {
                if (y[k] > x[k]) {
                  throw new Error(
                    `${model.scenarioId}: ${model.groups[k % model.groups.length]} at month ${Math.floor(k / model.groups.length)}: ${y[k]} > ${x[k]}`,
                  );
                }
              }
            }
          },
        ),
        { numRuns: 200, seed: 77 },
      );
    },
  );
});

describe('simulate: the card can make suppression strengthen another group', () => {
  // Found by the property above with κ free (fast-check seed 77): on the shared-threat case the
  // regime fights g1 and not g2. Stronger regime suppression weakens g1, so the state perceives
  // less threat and, with aid following the threat (κ = 1), pays less aid (M13); the regime's
  // capacity falls (M14) and more of it defects to g2 (M9). docs/model.md, "Properties".
  const model = compileModel(SHARED, 'engage');
  const values: Record<string, number> = {
    'group-growth': 0.005,
    'carrying-capacity': 1,
    sanctuary: 3,
    defection: 0.002,
    'state-suppression': 0,
    'targeted-ct-efficacy': 0,
    card: 1,
    'engagement-benefit': 0,
    'regime-risk': 3,
    'effort-cost': 0.2,
    'threat-response': 0,
    'engagement-adjustment': 0.02,
    'verification-threshold': 0.5,
    'capacity-floor': 0.2,
    'foreign-support': 0.6,
    'capacity-adjustment': 0.01,
    attrition: 0,
    'vacuum-threshold': 0.5,
    'vacuum-inflow': 0.15,
    'opposition-unity': 1,
    'opposition-support': 0,
    shock: 0,
  };
  const run = (sigmaR: number, card: number) => {
    const p = Float64Array.from(model.base);
    for (const [id, v] of Object.entries({ ...values, 'regime-suppression': sigmaR, card }))
      p[parameterIndex(id)] = v;
    return simulate(model, p, 23);
  };

  it('with κ = 1, raising σ_R weakens g1 but strengthens g2, through aid and capacity', () => {
    const low = run(0, 1);
    const high = run(0.2, 1);
    const month = 12;
    expect(high.strength[month * 2]).toBeLessThan(low.strength[month * 2]); // g1
    expect(high.capacity[month]).toBeLessThan(low.capacity[month]);
    expect(high.strength[month * 2 + 1]).toBeGreaterThan(low.strength[month * 2 + 1]); // g2
  });

  it('with κ = 0 the same change leaves g2 no stronger', () => {
    const low = run(0, 0);
    const high = run(0.2, 0);
    for (let k = 1; k < low.strength.length; k += 2)
      expect(high.strength[k]).toBeLessThanOrEqual(low.strength[k]);
  });
});

describe('simulate: states stay in their domains', () => {
  it('strengths are finite and non-negative; capacity, engagement, vacuum in [0, 1]', () => {
    const long = (c.scenarios ?? []).map((s) => compileModel(c, s.id, { months: 600 }));
    fc.assert(
      fc.property(parameters, seed, (p, s) => {
        for (const model of long) {
          const t = simulate(model, p, s);
          const finite = (a: Float64Array) => a.every((v) => Number.isFinite(v) && v >= 0);
          const unit = (a: Float64Array) => a.every((v) => v >= 0 && v <= 1);
          expect(finite(t.strength) && finite(t.harm) && finite(t.insecurity)).toBe(true);
          expect(
            [t.capacity, t.engagement, t.vacuum, t.opposition, t.groupEffort].every(unit),
          ).toBe(true);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('extreme corners of the plausible box stay finite', () => {
    const corners = [0, 1].flatMap((a) =>
      [0, 1].map((b) =>
        Float64Array.from(MODEL_PARAMETERS, (p, i) => p.range[(i % 2 === 0 ? a : b) as 0 | 1]),
      ),
    );
    const long = compileModel(c, 'everyone-severs', { months: 1200 });
    for (const p of corners) {
      const t = simulate(long, p, 1);
      expect(t.strength.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
  });
});

describe('simulate: reproducible', () => {
  it('same (params, seed) → identical bytes', () => {
    fc.assert(
      fc.property(parameters, seed, (p, s) => {
        const model = models[0];
        const a = simulate(model, p, s);
        const b = simulate(model, p, s);
        expect(a.strength).toEqual(b.strength);
        expect(a.insecurity).toEqual(b.insecurity);
        expect(a.harm).toEqual(b.harm);
      }),
      { numRuns: 30, seed: 3 },
    );
  });
});

/**
 * The best one-parameter rule "x_j ≤ t" or "x_j ≥ t" for the worlds where `y` holds, found by
 * brute force over every parameter and every threshold (every sampled value): the rule with the
 * largest min(density, coverage). Density = share of the worlds inside the rule where y holds;
 * coverage = share of the worlds where y holds that the rule takes in.
 */
function bestOneParameterRule(X: readonly Float64Array[], y: readonly boolean[]) {
  const n = y.length;
  const holding = y.filter(Boolean).length;
  let best = { parameter: '', op: '', value: Number.NaN, density: 0, coverage: 0, score: -1 };
  for (let j = 0; j < MODEL_PARAMETERS.length; j++) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => X[a][j] - X[b][j]);
    for (const op of ['<=', '>='] as const) {
      const seq = op === '<=' ? order : [...order].reverse();
      let inside = 0;
      let hits = 0;
      for (let k = 0; k < n; k++) {
        inside++;
        if (y[seq[k]]) hits++;
        // A threshold sits between distinct values only: ties enter the rule together.
        if (k + 1 < n && X[seq[k + 1]][j] === X[seq[k]][j]) continue;
        const density = hits / inside;
        const coverage = hits / holding;
        const score = Math.min(density, coverage);
        if (score > best.score) {
          const value = X[seq[k]][j];
          best = { parameter: MODEL_PARAMETERS[j].id, op, value, density, coverage, score };
        }
      }
    }
  }
  return best;
}

describe('the leverage claim is decided by the dynamics, not by one parameter', () => {
  // 600 worlds: a Latin hypercube (seed 9) over every parameter's plausible range, each world
  // run under status-quo and everyone-severs with the same stream (common random numbers).
  const n = 600;
  const d = MODEL_PARAMETERS.length;
  const u = latinHypercube(n, d, 9);
  const statusQuo = compileModel(c, 'status-quo');
  const severs = compileModel(c, 'everyone-severs');
  const effort = outcomeNames(statusQuo).indexOf('effort.isk.mean');
  const X: Float64Array[] = [];
  const holds: boolean[] = [];
  for (let w = 0; w < n; w++) {
    const p = Float64Array.from(MODEL_PARAMETERS, (q, j) => {
      const [lo, hi] = q.range;
      return lo + (hi - lo) * u[w * d + j];
    });
    const seed = runSeed(9, w);
    X.push(p);
    // taliban-use-isk-as-leverage: status-quo effort.isk.mean < everyone-severs's.
    holds.push(
      simulateOutcomes(statusQuo, p, seed)[effort] < simulateOutcomes(severs, p, seed)[effort],
    );
  }
  const share = holds.filter(Boolean).length / n;

  it('holds in some worlds and fails in others', () => {
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.95);
  });

  it('no rule "parameter ≤ t" or "parameter ≥ t" reaches density and coverage ≥ 0.95', () => {
    const best = bestOneParameterRule(X, holds);
    expect(best.parameter).not.toBe('');
    expect(best.density >= 0.95 && best.coverage >= 0.95, JSON.stringify(best)).toBe(false);
  });

  it('the brute-force rule search finds a rule that does decide (card ≥ ½ on a planted claim)', () => {
    // Cross-check of the search: a claim planted to hold exactly when κ ≥ ½ is found as decided.
    const planted = X.map((p) => p[parameterIndex('card')] >= 0.5);
    const best = bestOneParameterRule(X, planted);
    expect(best).toMatchObject({ parameter: 'card', op: '>=', density: 1, coverage: 1 });
    expect(best.value).toBeGreaterThanOrEqual(0.5);
  });
});
