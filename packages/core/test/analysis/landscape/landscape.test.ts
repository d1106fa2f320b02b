import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorFrustration, landscapeEnergy } from '../../../src/analysis/landscape/energy.js';
import { landscape } from '../../../src/analysis/landscape/landscape.js';
import { createRng, shuffle } from '../../../src/analysis/random.js';
import {
  bruteLandscape,
  coalitionKey,
  energyOf,
  landscapeInputArb,
  makeInput,
  sidesOf,
} from './brute.js';

const SEED = 20260611;

describe('landscape(input)', () => {
  it('landscape(input) gives hand-computed energies on three actors', () => {
    // a, b friends (p = 1); c an enemy of both (p = −1); sizes 1, 2, 3.
    const input = makeInput([1, 2, 3], [1, -1, -1], ['a', 'b', 'c']);
    const result = landscape(input);
    // Configurations (a with b | c): E = s_a s_c p_ac + s_b s_c p_bc = −3 − 6 = −9.
    // (a | b, c): E = s_a s_b p_ab + s_a s_c p_ac = 2 − 3 = −1; (a, c | b): 2 − 6 = −4; all together: 0.
    expect(result.exhaustive).toBe(true);
    expect(result.configurations).toBe(4);
    expect(result.minima).toHaveLength(1);
    expect(result.globalMinimum.energy).toBe(-9);
    expect(result.globalMinimum.coalitions).toEqual([['a', 'b'], ['c']]);
    expect(result.globalMinimum.basin).toBe(1);
    expect(result.globalMinimum.strict).toBe(true);
    // F_a = s_c p_ac d_ac = 3·(−1) = −3; F_b = −3; F_c = s_a p_ca + s_b p_cb = −1 − 2 = −3.
    expect(result.actors).toEqual({
      a: { frustration: -3, coalition: 0 },
      b: { frustration: -3, coalition: 0 },
      c: { frustration: -3, coalition: 1 },
    });
    expect(result.convention).toContain('Σ_{i<j}');
  });

  it('landscape(input) reports two minima and their basins on a frustrated triangle', () => {
    // Three mutual enemies of equal size: every split puts one pair together (E = −2), the
    // all-together configuration has E = 0; the three splits are strict minima with one basin
    // configuration each plus the shared start that descends by the lowest index.
    const input = makeInput([1, 1, 1], [-1, -1, -1], ['a', 'b', 'c']);
    const result = landscape(input);
    expect(result.minima.map((m) => m.energy)).toEqual([-2, -2, -2]);
    expect(result.minima.map((m) => m.basinCount).reduce((x, y) => (x ?? 0) + (y ?? 0), 0)).toBe(4);
    // From "all together" every actor gains −2 by leaving; the lowest index (a) leaves.
    const aAlone = result.minima.find((m) => JSON.stringify(m.coalitions) === '[["a"],["b","c"]]');
    expect(aAlone?.basinCount).toBe(2);
  });

  it('landscape(input) minima and basins equal a brute-force scan on random inputs (≤ 14 actors)', () => {
    for (const range of ['small', 'wide'] as const) {
      fc.assert(
        fc.property(landscapeInputArb(2, 14, range), (input) => {
          const result = landscape(input);
          const brute = bruteLandscape(input);
          expect(result.minima.map((m) => JSON.stringify(m.coalitions))).toEqual(
            brute.map((m) => m.key),
          );
          expect(result.minima.map((m) => m.energy)).toEqual(brute.map((m) => m.energy));
          expect(result.minima.map((m) => m.basinCount)).toEqual(brute.map((m) => m.basinCount));
        }),
        { seed: SEED, numRuns: 40 },
      );
    }
  });

  it('landscape(input, { basins: false }) finds the same minima without basins', () => {
    fc.assert(
      fc.property(landscapeInputArb(2, 12, 'small'), (input) => {
        const a = landscape(input);
        const b = landscape(input, { basins: false });
        expect(b.minima.map((m) => [m.coalitions, m.energy, m.strict])).toEqual(
          a.minima.map((m) => [m.coalitions, m.energy, m.strict]),
        );
        expect(b.minima.every((m) => m.basin === null && m.basinCount === null)).toBe(true);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('landscape(input, { basins: false }) block scan equals brute force on 12–15 actors', () => {
    // From 12 actors the minima-only scan filters whole blocks of 1,024 configurations with
    // bitsets; check it against the brute force where it is used, with and without plateaus.
    for (const range of ['small', 'wide'] as const) {
      fc.assert(
        fc.property(landscapeInputArb(12, 15, range), (input) => {
          const result = landscape(input, { basins: false });
          const brute = bruteLandscape(input);
          expect(result.minima.map((m) => JSON.stringify(m.coalitions))).toEqual(
            brute.map((m) => m.key),
          );
          expect(result.minima.map((m) => m.energy)).toEqual(brute.map((m) => m.energy));
        }),
        { seed: SEED, numRuns: 6 },
      );
    }
  });

  it('landscape(input, { basins: false }) finds the minima the descent scan finds on 16–19 actors', () => {
    for (const range of ['small', 'wide'] as const) {
      fc.assert(
        fc.property(landscapeInputArb(16, 19, range), (input) => {
          const a = landscape(input, { basins: false, maxMinima: 1_000_000 });
          const b = landscape(input, { maxMinima: 1_000_000 });
          expect(a.minima.map((m) => [m.coalitions, m.energy, m.strict])).toEqual(
            b.minima.map((m) => [m.coalitions, m.energy, m.strict]),
          );
        }),
        { seed: SEED, numRuns: 4 },
      );
    }
  });

  it('landscape(input) basins sum to 1', () => {
    fc.assert(
      fc.property(landscapeInputArb(2, 12, 'wide'), (input) => {
        const total = landscape(input).minima.reduce((s, m) => s + (m.basin ?? 0), 0);
        expect(total).toBeCloseTo(1, 12);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('landscape(input) does not depend on how actors are numbered', () => {
    fc.assert(
      fc.property(
        landscapeInputArb(2, 11, 'wide'),
        fc.integer({ min: 0, max: 1000 }),
        (input, seed) => {
          const n = input.actors.length;
          const perm = shuffle(
            createRng(seed),
            Array.from({ length: n }, (_, i) => i),
          );
          const propensity = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++)
              propensity[i * n + j] = input.propensity[perm[i] * n + perm[j]];
          }
          const relabelled = {
            actors: perm.map((p) => input.actors[p]),
            sizes: Float64Array.from(perm, (p) => input.sizes[p]),
            propensity,
          };
          const a = landscape(input);
          const b = landscape(relabelled);
          expect(b.minima.map((m) => m.coalitions)).toEqual(a.minima.map((m) => m.coalitions));
          expect(b.minima.map((m) => m.energy)).toEqual(a.minima.map((m) => m.energy));
          expect(b.actors).toEqual(a.actors);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('landscapeEnergy(input, sides) is unchanged by swapping the two coalitions (mirror)', () => {
    fc.assert(
      fc.property(landscapeInputArb(2, 10, 'wide'), fc.nat(), (input, c) => {
        const n = input.actors.length;
        const sides = sidesOf(n, c % 2 ** (n - 1));
        const mirror = sides.map((s) => 1 - s);
        expect(landscapeEnergy(input, mirror)).toBe(landscapeEnergy(input, sides));
        expect(landscapeEnergy(input, sides)).toBe(energyOf(input, sides));
        expect(coalitionKey(input.actors, mirror)).toBe(coalitionKey(input.actors, sides));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('actorFrustration(input, sides) weighted by size sums to twice the energy', () => {
    fc.assert(
      fc.property(landscapeInputArb(2, 10, 'wide'), fc.nat(), (input, c) => {
        const n = input.actors.length;
        const sides = sidesOf(n, c % 2 ** (n - 1));
        const f = actorFrustration(input, sides);
        let sum = 0;
        for (let i = 0; i < n; i++) sum += input.sizes[i] * f[i];
        expect(sum).toBe(2 * energyOf(input, sides));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it("landscape(input, { method: 'multistart' }) finds the global minimum on small inputs", () => {
    fc.assert(
      fc.property(landscapeInputArb(3, 12, 'wide'), (input) => {
        const exact = landscape(input);
        const multi = landscape(input, { method: 'multistart', starts: 300, seed: 7 });
        expect(multi.exhaustive).toBe(false);
        expect(multi.configurations).toBe(300);
        expect(multi.globalMinimum.energy).toBe(exact.globalMinimum.energy);
        const exactKeys = new Set(exact.minima.map((m) => JSON.stringify(m.coalitions)));
        for (const m of multi.minima)
          expect(exactKeys.has(JSON.stringify(m.coalitions))).toBe(true);
        expect(multi.minima.reduce((s, m) => s + (m.basinCount ?? 0), 0)).toBe(300);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it("landscape(input, { method: 'multistart' }) repeats with the same seed", () => {
    const rng = createRng(3);
    const n = 40;
    const upper = Array.from({ length: (n * (n - 1)) / 2 }, () =>
      Math.round((rng() * 2 - 1) * 100),
    );
    const input = makeInput(
      Array.from({ length: n }, () => 1 + Math.round(rng() * 9)),
      upper,
    );
    const a = landscape(input, { starts: 200, seed: 5 });
    const b = landscape(input, { starts: 200, seed: 5 });
    expect(a.exhaustive).toBe(false);
    expect(b).toEqual(a);
    expect(a.diagnostics.join(' ')).toContain('multi-start');
    // Each reported minimum really is one: no single switch lowers its energy.
    const sides: number[] = input.actors.map((id) =>
      a.globalMinimum.coalitions[0].includes(id) ? 0 : 1,
    );
    const e = energyOf(input, sides);
    expect(a.globalMinimum.energy).toBe(e);
    for (let k = 0; k < n; k++) {
      const f = sides.slice();
      f[k] = 1 - f[k];
      expect(energyOf(input, f)).toBeGreaterThanOrEqual(e);
    }
  });

  it('landscape(input) lists every configuration of a plateau and flags it', () => {
    // c has no propensity to anyone: it can sit on either side at no cost.
    const input = makeInput([1, 1, 1], [-1, 0, 0], ['a', 'b', 'c']);
    const result = landscape(input);
    // Equal energies are ordered by their JSON text.
    expect(result.minima.map((m) => m.coalitions)).toEqual([
      [['a', 'c'], ['b']],
      [['a'], ['b', 'c']],
    ]);
    expect(result.minima.every((m) => !m.strict)).toBe(true);
    expect(result.diagnostics.join(' ')).toContain('plateau');
  });

  it('landscape(input) throws on invalid input and options', () => {
    const good = makeInput([1, 1], [1]);
    expect(() => landscape({ ...good, sizes: Float64Array.from([1, 0]) })).toThrow(
      /^landscape: size/,
    );
    expect(() => landscape({ ...good, propensity: Float64Array.from([0, 1, 2, 0]) })).toThrow(
      /symmetric/,
    );
    expect(() => landscape({ ...good, propensity: Float64Array.from([1, 1, 1, 0]) })).toThrow(
      /itself/,
    );
    expect(() => landscape({ ...good, actors: ['a'] })).toThrow(/at least 2/);
    expect(() => landscape(good, { maxExhaustive: 40 })).toThrow(/maxExhaustive/);
    expect(() => landscape(good, { starts: 0 })).toThrow(/starts/);
    const flat = makeInput(Array(12).fill(1), Array(66).fill(0));
    expect(() => landscape(flat, { maxMinima: 100 })).toThrow(/more than 100 local minima/);
  });
});
