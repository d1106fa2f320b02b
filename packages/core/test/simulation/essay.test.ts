/**
 * The model can disagree with the essay. Worlds are sampled with seeded uniform draws (createRng)
 * over the plausible ranges, narrowed where a test says so; each world runs every scenario with
 * the same stream (runSeed), and the case's hypotheses are evaluated with hypothesisHolds.
 */
import {
  type CompiledModel,
  compileModel,
  createRng,
  type Hypothesis,
  hypothesisHolds,
  outcomeNames,
  parameterIndex,
  runSeed,
  simulateOutcomes,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { builtinCase, drawParameters, withParameters } from './helpers.js';

const c = builtinCase();
const hypotheses = (c.hypotheses ?? []) as Hypothesis[];
const models = new Map<string, CompiledModel>(
  (c.scenarios ?? []).map((s) => [s.id, compileModel(c, s.id)]),
);

/** The essay's assumptions, as docs/model.md ("The essay's assumptions") lists them. */
const ESSAY: Record<string, readonly [number, number]> = {
  card: [0.7, 1],
  'regime-risk': [0, 1],
  'state-suppression': [0, 0.05],
  'group-growth': [0.02, 0.06],
  'opposition-unity': [0, 0.3],
  'capacity-floor': [0.2, 0.4],
  'foreign-support': [0.3, 0.6],
  'threat-response': [0.2, 1],
};

/**
 * A sincere regime (it sets no value on the support a threat brings, and fears the groups it
 * fights) and capable states.
 */
const SINCERE: Record<string, readonly [number, number]> = {
  'engagement-benefit': [0, 0],
  'regime-risk': [1, 3],
  'regime-suppression': [0.1, 0.2],
  'state-suppression': [0.1, 0.2],
};

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

/** Share of `n` sampled worlds in which each hypothesis holds. */
function shares(ranges: Record<string, readonly [number, number]>, n: number, seed: number) {
  const rng = createRng(seed);
  const holds = new Map<string, number>(hypotheses.map((h) => [h.id, 0]));
  let iskCurbed = 0;
  for (let w = 0; w < n; w++) {
    const metric = world(drawParameters(rng, ranges), runSeed(seed, w));
    for (const h of hypotheses)
      if (hypothesisHolds(h, metric)) holds.set(h.id, (holds.get(h.id) ?? 0) + 1);
    if (metric('status-quo', 'strength.isk.change') < 0) iskCurbed++;
  }
  const share = Object.fromEntries([...holds].map(([k, v]) => [k, v / n]));
  return { share, iskCurbed: iskCurbed / n };
}

describe('the built-in hypotheses under sampled worlds', () => {
  it('the case ships the hypotheses the brief asks for, each tied to a claim', () => {
    const ids = hypotheses.map((h) => h.id);
    for (const id of [
      'engagement-fails-to-curb',
      'engagement-will-not-curb-isk',
      'severing-ties-raises-insecurity',
      'alternative-lowers-insecurity',
      'taliban-use-isk-as-leverage',
      'engagement-raises-insecurity',
      'early-reduction-removes-rationale',
    ])
      expect(ids).toContain(id);
    const claims = new Set((c.claims ?? []).map((k) => k.id));
    for (const h of hypotheses) expect(claims.has(h.claim ?? '')).toBe(true);
  });

  it('with β = 0 (no card) and capable states, status-quo engagement curbs IS-K in most of 400 worlds', () => {
    const { share, iskCurbed } = shares(SINCERE, 400, 11);
    expect(iskCurbed).toBeGreaterThan(0.75);
    // …so the essay's claims about engagement fail in most of them.
    expect(share['engagement-will-not-curb-isk']).toBeLessThan(0.25);
    expect(share['engagement-fails-to-curb']).toBeLessThan(0.5);
    expect(share['engagement-raises-insecurity']).toBeLessThan(0.5);
    expect(share['taliban-use-isk-as-leverage']).toBeLessThan(0.05);
  });

  it("under the essay's assumptions each of the essay's hypotheses holds in most of 400 worlds", () => {
    const { share, iskCurbed } = shares(ESSAY, 400, 12);
    expect(iskCurbed).toBeLessThan(0.1);
    for (const h of hypotheses) expect(share[h.id], h.id).toBeGreaterThan(0.75);
  });
});

describe('each hypothesis can hold and can fail', () => {
  const base = (models.get('status-quo') as CompiledModel).base;
  const essayWorld = withParameters(base, {
    card: 0.9,
    'regime-risk': 0.5,
    'state-suppression': 0.02,
    'opposition-unity': 0.1,
    'capacity-floor': 0.3,
    'foreign-support': 0.5,
  });
  const counterWorlds: Record<string, Record<string, number>> = {
    // A sincere partner (β = 0) and capable states curb the groups: engagement works.
    'engagement-fails-to-curb': {
      'engagement-benefit': 0,
      'regime-suppression': 0.2,
      'state-suppression': 0.2,
    },
    'engagement-will-not-curb-isk': {
      'engagement-benefit': 0,
      'regime-suppression': 0.2,
      'state-suppression': 0.2,
    },
    'engagement-will-not-curb-ttp': {
      'engagement-benefit': 0,
      'regime-suppression': 0.2,
      'state-suppression': 0.2,
    },
    'engagement-raises-insecurity': {
      'engagement-benefit': 0,
      'regime-suppression': 0.2,
      'state-suppression': 0.2,
    },
    // A regime that stands on its own (no vacuum) and fights IS-K harder once ties are cut.
    'severing-ties-raises-insecurity': {
      'capacity-floor': 0.7,
      'foreign-support': 0,
      'regime-risk': 3,
    },
    'severing-ties-raises-harm': { 'capacity-floor': 0.7, 'foreign-support': 0, 'regime-risk': 3 },
    // Without a vacuum a unified opposition has nothing to fill.
    'alternative-lowers-insecurity': { 'capacity-floor': 0.7, 'vacuum-threshold': 0.2 },
    // A sincere partner (no value on the support a threat brings) fights harder while engaged.
    'taliban-use-isk-as-leverage': { 'engagement-benefit': 0 },
    // Engagement that ignores the threat does not fall when the threat is smaller.
    'early-reduction-removes-rationale': { 'threat-response': 0 },
  };

  it.each(hypotheses.map((h) => [h.id, h] as const))('%s', (id, h) => {
    const holds = hypothesisHolds(h, world(essayWorld, 5));
    const counter = counterWorlds[id];
    expect(counter, `no counter-world for ${id}`).toBeDefined();
    const fails = !hypothesisHolds(h, world(withParameters(essayWorld, counter), 5));
    expect({ holds, fails }).toEqual({ holds: true, fails: true });
  });
});
