/**
 * A history run across the Taliban takeover of 2021-08 (docs/model.md, "History", H1–H4, and
 * M18–M19): the roles and ties the built-in case records on each side of it, hand-read from
 * cases/afghanistan-2023.yaml, and what the kernel does at the change.
 */
import {
  type Case,
  compileHistory,
  compileModel,
  defaultObservationTargets,
  historyDefaults,
  simulate,
  simulateHistory,
} from '@entente/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCase, caseFrom } from '../simulation/helpers.js';

const c = builtinCase();

describe('compileHistory across the takeover (2015-01 … 2021, forecast 2023)', () => {
  const h = compileHistory(c, { from: '2015-01', until: '2021', forecast: '2023' });
  const m = h.model;
  const isk = m.groups.indexOf('isk');
  const qatar = m.states.indexOf('qatar');
  const before = m.segments[0];
  const after = m.segments[m.segments.length - 1];

  it('has the fitted years first, then the forecast years', () => {
    expect(h.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(h.fitYears).toBe(7);
    expect(h.months).toBe(108);
  });

  it('switches segment the month of the takeover and the month NATO leaves', () => {
    // 2021-08-31: the Republic has ended (until 2021-08-15), Taliban rule has begun (since
    // 2021-08-15), NATO is still there (until 2021-08); 2021-09-30: NATO has left.
    expect(h.segments).toEqual([
      { start: '2015-01', month: 0, regime: 'republic' },
      { start: '2021-08', month: 79, regime: 'taliban' },
      { start: '2021-09', month: 80, regime: 'taliban' },
    ]);
    expect(m.segments[1].regimeChange).toBe(true);
    expect(m.segments[2].regimeChange).toBe(false);
  });

  it('before: the Republic fights and harbours IS-K (0.2 each); after: the Taliban (0.5, 0.4, defection 0.2)', () => {
    expect(before.regime).toBe('republic');
    expect(before.conflict[isk]).toBe(0.2); // republic-isk-conflict
    expect(before.harbour[isk]).toBe(0.2); // republic-harbours-isk
    expect(before.defect[isk]).toBe(0);
    expect(after.regime).toBe('taliban');
    expect(after.conflict[isk]).toBe(0.5); // taliban-isk-conflict
    expect(after.harbour[isk]).toBe(0.4); // taliban-harbours-isk
    expect(after.defect[isk]).toBe(0.2); // taliban-defect-isk
  });

  it('engagement, aid and CT ties are those with the regime of the month', () => {
    // Qatar hosts the Taliban since 2013, but before the takeover the Taliban are not the
    // regime: Qatar has no tie with the Republic. After: max(engagement 0.8, hosting 0.8, …).
    expect(before.engagement0[qatar]).toBe(0);
    expect(after.engagement0[qatar]).toBe(0.8);
    expect(before.aid[m.states.indexOf('us')]).toBe(0);
    expect(after.aid[m.states.indexOf('us')]).toBe(0.7); // us-aid-taliban
    expect(before.ct[m.states.indexOf('russia')]).toBe(0); // russia-taliban-ct is with the Taliban
    expect(after.ct[m.states.indexOf('russia')]).toBe(0.6);
  });

  it('the trajectory changes regime at month 79', () => {
    const t = simulate(m, m.base, 3);
    const S = m.states.length;
    // No state supports the Republic in the case (its US backing runs through NATO, which the
    // model leaves out), so its capacity starts at the floor c0 = 0.4 (M13 with F = 0).
    expect(t.capacity[0]).toBe(0.4);
    for (let month = 0; month < 79; month++) expect(t.engagement[month * S + qatar]).toBe(0);
    // H3: Qatar's engagement with the new regime starts at its baseline, 0.8.
    expect(t.engagement[79 * S + qatar]).toBe(0.8);
    // H1: the Taliban's capacity restarts at M13's target with full support, above the floor.
    let support = 0;
    const seg = m.segments[1];
    for (let s = 0; s < S; s++) support += seg.capability[s] * (seg.aid[s] + seg.engagement0[s]);
    expect(t.capacity[79]).toBe(Math.min(1, 0.4 + (0.4 * support) / (1 + support)));
    expect(t.capacity[79]).toBeGreaterThan(0.4);
  });

  it('observes the Republic–IS-K dyad until the takeover and the Taliban–IS-K dyad after', () => {
    expect(h.targets.map((x) => x.id)).toEqual(['pakistan--ttp', 'taliban--isk', 'republic--isk']);
    const mu = simulateHistory(h, historyDefaults(h), 11);
    const Y = h.years.length;
    const row = (id: string) => {
      const j = h.targets.findIndex((x) => x.id === id);
      return Array.from(mu.subarray(j * Y, (j + 1) * Y));
    };
    const republic = row('republic--isk');
    const taliban = row('taliban--isk');
    for (let y = 0; y < 6; y++) {
      expect(republic[y]).toBeGreaterThan(0);
      expect(taliban[y]).toBe(0); // 2015–2020: the Taliban are not the regime
    }
    expect(republic[6]).toBeGreaterThan(0); // January–July 2021
    expect(taliban[6]).toBeGreaterThan(0); // August–December 2021
    expect(republic[7]).toBe(0);
    expect(republic[8]).toBe(0);
    expect(taliban[8]).toBeGreaterThan(0); // the forecast window is simulated too
    for (const v of row('pakistan--ttp')) expect(v).toBeGreaterThan(0);
  });
});

describe('a relation that ends during a run', () => {
  const small = caseFrom(`
format: entente/1
id: small
title: Small
actors:
  - { id: r, name: R, kind: regime, size: { value: 1, unit: cinc } }
  - { id: g, name: G, kind: armed-group, size: { value: 0.1, unit: cinc } }
  - { id: s, name: S, kind: state, size: { value: 1, unit: cinc } }
relations:
  - { from: g, to: s, type: threat, weight: 0.5 }
  - { from: s, to: g, type: armed-conflict, weight: 0.8, until: 2021-08 }
  - { from: s, to: r, type: engagement, weight: 0.5, since: 2021-08-15 }
`);

  it('until 2021-08 has effect through August and none from September', () => {
    const h = compileHistory(small, { from: '2021-01', until: '2021', forecast: '2022' });
    expect(h.segments.map((x) => x.start)).toEqual(['2021-01', '2021-08', '2021-09']);
    const [, aug, sep] = h.model.segments;
    expect(aug.conflictGS[0]).toBe(0.8);
    expect(aug.engagement0[0]).toBe(0.5); // since 2021-08-15 takes effect in August
    expect(sep.conflictGS[0]).toBe(0);
    const mu = simulateHistory(h, historyDefaults(h), 1);
    expect(h.targets.map((x) => x.id)).toEqual(['s--g']);
    expect(mu[0]).toBeGreaterThan(0); // 2021: eight months of fighting
    expect(mu[1]).toBe(0); // 2022: none
  });

  it('from September 2021 on, the dyad is never fought, so an explicit target is refused', () => {
    expect(() =>
      compileHistory(small, {
        from: '2021-09',
        until: '2022',
        targets: [{ id: 's--g', dyad: ['s', 'g'], measure: 'deaths_best' }],
      }),
    ).toThrow(/never fights this dyad/);
  });
});

describe('a scenario whose run crosses the takeover', () => {
  it('follows it like a history; every built-in scenario has one segment', () => {
    const withScenario: Case = {
      ...c,
      scenarios: [
        ...(c.scenarios ?? []),
        {
          id: 'from-2019',
          name: 'From 2019',
          start: '2019-01',
          months: 48,
          defaultPolicy: 'engage',
        },
      ],
    } as Case;
    const m = compileModel(withScenario, 'from-2019');
    expect(m.segments.map((x) => [x.month, x.regime])).toEqual([
      [0, 'republic'],
      [31, 'taliban'], // 2021-08
      [32, 'taliban'], // 2021-09
    ]);
    for (const s of c.scenarios ?? []) expect(compileModel(c, s.id).segments).toHaveLength(1);
  });
});

describe('a history after the last change', () => {
  it('runs the same numbers as a scenario read at its start (one segment)', () => {
    const withScenario: Case = {
      ...c,
      scenarios: [
        ...(c.scenarios ?? []),
        {
          id: 'from-2022',
          name: 'From 2022',
          start: '2022-01',
          months: 24,
          defaultPolicy: 'engage',
        },
      ],
    } as Case;
    const scenario = compileModel(withScenario, 'from-2022');
    const h = compileHistory(c, { from: '2022-01', until: '2023' });
    expect(h.model.segments).toHaveLength(1);
    expect(scenario.segments).toHaveLength(1);
    const a = simulate(scenario, scenario.base, 5);
    const b = simulate(h.model, scenario.base, 5);
    expect(Buffer.from(b.strength.buffer)).toEqual(Buffer.from(a.strength.buffer));
    expect(Buffer.from(b.capacity.buffer)).toEqual(Buffer.from(a.capacity.buffer));
    expect(Buffer.from(b.engagement.buffer)).toEqual(Buffer.from(a.engagement.buffer));
  });
});

describe('simulateHistory', () => {
  const h = compileHistory(c, { from: '2015', until: '2020', forecast: '2021' });
  const params = historyDefaults(h);

  it('gives the same bytes for the same seed, other bytes for another', () => {
    const a = simulateHistory(h, params, 42);
    const b = simulateHistory(h, params, 42);
    expect(Buffer.from(b.buffer)).toEqual(Buffer.from(a.buffer));
    expect(Buffer.from(simulateHistory(h, params, 43).buffer)).not.toEqual(Buffer.from(a.buffer));
  });

  it('writes into the out it is given and returns it, overwriting what was there', () => {
    const out = new Float64Array(h.targets.length * h.years.length).fill(1e9);
    const fresh = simulateHistory(h, params, 9);
    const returned = simulateHistory(h, params, 9, out);
    expect(returned).toBe(out);
    expect(Buffer.from(out.buffer)).toEqual(Buffer.from(fresh.buffer));
  });

  it('allocates no typed array per run when given out', () => {
    const out = new Float64Array(h.targets.length * h.years.length);
    simulateHistory(h, params, 1, out);
    const originals = { Float64Array, Float32Array, Int32Array, Uint8Array };
    let constructed = 0;
    const g = globalThis as unknown as Record<string, unknown>;
    for (const [name, ctor] of Object.entries(originals)) {
      g[name] = new Proxy(ctor, {
        construct(target, args, newTarget) {
          constructed++;
          return Reflect.construct(target, args, newTarget);
        },
      });
    }
    try {
      for (let seed = 0; seed < 50; seed++) simulateHistory(h, params, seed, out);
    } finally {
      Object.assign(g, originals);
    }
    expect(constructed).toBe(0);
  });

  it('gives finite counts ≥ 0 anywhere in the prior ranges (fast-check)', () => {
    const full = compileHistory(c, { from: '2015-01', until: '2021', forecast: '2023' });
    const out = new Float64Array(full.targets.length * full.years.length);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: full.parameters.length,
          maxLength: full.parameters.length,
        }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (u, seed) => {
          const p = Float64Array.from(full.parameters, (q, i) => q.lo + u[i] * (q.hi - q.lo));
          simulateHistory(full, p, seed, out);
          return out.every((v) => Number.isFinite(v) && v >= 0);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });

  it('survives structured cloning (a worker can receive it) with the same numbers', () => {
    const clone = structuredClone(h);
    const a = simulateHistory(h, params, 21);
    const b = simulateHistory(clone, params, 21);
    expect(Buffer.from(b.buffer)).toEqual(Buffer.from(a.buffer));
  });

  it('scales μ by 10^observation-scale (M19)', () => {
    const a = simulateHistory(h, params, 4);
    const p = Float64Array.from(params);
    p[h.scaleIndex] += 1;
    const b = simulateHistory(h, p, 4);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(10 * a[i], 6);
  });

  it('calibrates the chosen model parameters and the two observation parameters', () => {
    const k = compileHistory(c, {
      from: '2015',
      until: '2020',
      parameters: ['group-growth', 'card'],
    });
    expect(k.parameters.map((p) => p.id)).toEqual([
      'group-growth',
      'card',
      'observation-scale',
      'observation-dispersion',
    ]);
    expect([k.scaleIndex, k.dispersionIndex]).toEqual([2, 3]);
    expect(k.parameters[0]).toEqual({ id: 'group-growth', lo: 0.005, hi: 0.06 });
  });

  it('refuses a vector of the wrong length, an out of the wrong length, bad options', () => {
    expect(() => simulateHistory(h, new Float64Array(2), 1)).toThrow(/params must be/);
    expect(() => simulateHistory(h, params, 1, new Float64Array(1))).toThrow(/out must be/);
    expect(() => compileHistory(c, { from: '2015-13', until: '2020' })).toThrow(/from/);
    expect(() => compileHistory(c, { from: '2016', until: '2015' })).toThrow(/before/);
    expect(() => compileHistory(c, { from: '2015', until: '2020', forecast: '2020' })).toThrow(
      /not after/,
    );
    expect(() =>
      compileHistory(c, {
        from: '2015',
        until: '2020',
        targets: [{ id: 'x', dyad: ['republic', 'nobody'], measure: 'deaths_best' }],
      }),
    ).toThrow(/unknown actor "nobody"/);
    expect(() => compileHistory(c, { from: '2015', until: '2020', parameters: ['nope'] })).toThrow(
      /unknown model parameter/,
    );
  });
});

describe('defaultObservationTargets', () => {
  it('lists the armed conflicts between a group and a state or the regime, from the case', () => {
    expect(defaultObservationTargets(c)).toEqual([
      { id: 'pakistan--ttp', dyad: ['pakistan', 'ttp'], measure: 'deaths_best' },
      { id: 'taliban--isk', dyad: ['taliban', 'isk'], measure: 'deaths_best' },
      { id: 'republic--isk', dyad: ['republic', 'isk'], measure: 'deaths_best' },
    ]);
  });
});

describe('simulateHistory(h, params, seed, out, normals)', () => {
  const h = compileHistory(c, { from: '2015', until: '2020', forecast: '2021' });
  const params = historyDefaults(h);
  /** The engine's shocks of seed s, re-derived: SplitMix32 pairs through Box–Muller, in order. */
  function seedNormals(seed: number): Float64Array {
    const out = new Float64Array(h.latentSize);
    let state = seed | 0;
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      let x = Math.imul(state ^ (state >>> 16), 0x21f0aaad);
      x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
      return (x ^ (x >>> 15)) >>> 0;
    };
    for (let i = 0; i < out.length; i += 2) {
      const u1 = (next() + 0.5) / 2 ** 32;
      const u2 = next() / 2 ** 32;
      const radius = Math.sqrt(-2 * Math.log(u1));
      out[i] = radius * Math.cos(2 * Math.PI * u2);
      if (i + 1 < out.length) out[i + 1] = radius * Math.sin(2 * Math.PI * u2);
    }
    return out;
  }

  it('runs on given shocks, month-major: the seed’s own shocks give the seed’s bytes', () => {
    expect(h.latentSize).toBe(h.months * h.model.groups.length);
    for (const seed of [1, 77, 123456]) {
      const a = simulateHistory(h, params, seed);
      const b = simulateHistory(h, params, 0, undefined, seedNormals(seed));
      expect(Array.from(b)).toEqual(Array.from(a));
    }
    // Other shocks give another run, and the seed is then not used.
    const z = new Float64Array(h.latentSize).fill(0.5);
    const x = simulateHistory(h, params, 1, undefined, z);
    expect(Array.from(simulateHistory(h, params, 2, undefined, z))).toEqual(Array.from(x));
    expect(Array.from(x)).not.toEqual(Array.from(simulateHistory(h, params, 1)));
  });

  it('rejects shocks of the wrong length', () => {
    expect(() => simulateHistory(h, params, 1, undefined, new Float64Array(3))).toThrow(
      /normals must hold months × groups = 252 values, got 3/,
    );
  });
});
