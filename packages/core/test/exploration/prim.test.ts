import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/analysis/random.js';
import { EntenteError } from '../../src/errors.js';
import { argsort } from '../../src/exploration/discovery/argsort.js';
import { type PrimBox, prim } from '../../src/exploration/discovery/prim.js';

/** n uniform points in [0, 1)^d and the planted rule y = 1 iff x0 > 0.6 and x2 < 0.3. */
function planted(n: number, d: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float64Array(n * d);
  for (let k = 0; k < x.length; k++) x[k] = rng();
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) y[i] = x[i * d] > 0.6 && x[i * d + 2] < 0.3 ? 1 : 0;
  return { x, y };
}

/** Counts, by brute force, the points inside a box and the positives among them. */
function count(x: Float64Array, y: Uint8Array, d: number, box: PrimBox) {
  let inside = 0;
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    let ok = true;
    for (let j = 0; j < d && ok; j++) ok = x[i * d + j] >= box.lo[j] && x[i * d + j] <= box.hi[j];
    if (ok) {
      inside++;
      positives += y[i];
    }
  }
  return { inside, positives };
}

describe('prim', () => {
  it.each([1, 2, 3, 4, 5])(
    'prim finds the planted box x0 > 0.6, x2 < 0.3 in 2,000 5-D points (seed %i)',
    (seed) => {
      const { x, y } = planted(2000, 5, seed);
      const r = prim(x, 2000, 5, y);
      expect(r.box.restricted).toEqual([true, false, true, false, false]);
      expect(Math.abs(r.box.lo[0] - 0.6)).toBeLessThan(0.05);
      expect(Math.abs(r.box.hi[2] - 0.3)).toBeLessThan(0.05);
      expect(r.density).toBeGreaterThanOrEqual(0.9);
      expect(r.coverage).toBeGreaterThanOrEqual(0.8);
      // The reported figures are those of the final box, by brute force.
      const c = count(x, y, 5, r.box);
      expect(r.density).toBe(c.positives / c.inside);
      expect(r.support).toBe(c.inside / 2000);
      expect(r.coverage).toBe(c.positives / r.positives);
      expect(r.pValues[0]).toBeLessThan(1e-6);
      expect(r.pValues[2]).toBeLessThan(1e-6);
    },
  );

  it('prim drops a restriction that only trims a stray point (seed 4 peels x1 last)', () => {
    // With seed 4 the densest box comes from a final peel of x1 that removes one negative point;
    // its quasi-p-value is large, so the restriction is dropped.
    const { x, y } = planted(2000, 5, 4);
    const r = prim(x, 2000, 5, y);
    expect(r.trajectory[r.chosen].box.restricted).toEqual([true, true, true, false, false]);
    expect(r.dropped).toEqual([1]);
    expect(r.box.restricted).toEqual([true, false, true, false, false]);
    expect(r.box.lo[1]).toBe(r.trajectory[0].box.lo[1]);
    const kept = prim(x, 2000, 5, y, { significance: 1 });
    expect(kept.box.restricted).toEqual([true, true, true, false, false]);
    expect(kept.dropped).toEqual([]);
    expect(kept.density).toBe(kept.trajectory[kept.chosen].density);
  });

  it('prim: every trajectory step reports the coverage, density and support of its box', () => {
    const { x, y } = planted(1500, 4, 9);
    const r = prim(x, 1500, 4, y, { peelAlpha: 0.1 });
    const total = y.reduce((s, v) => s + v, 0);
    expect(r.positives).toBe(total);
    expect(r.trajectory[0]).toMatchObject({ coverage: 1, support: 1, density: total / 1500 });
    expect(r.trajectory[0].box.restricted).toEqual([false, false, false, false]);
    let last = 1501;
    for (const step of r.trajectory) {
      const c = count(x, y, 4, step.box);
      expect(step.support).toBe(c.inside / 1500);
      expect(step.coverage).toBe(c.positives / total);
      expect(step.density).toBe(c.positives / c.inside);
      expect(c.inside).toBeLessThan(last); // each peel removes at least one point
      expect(c.inside).toBeGreaterThanOrEqual(0.05 * 1500); // minSupport
      last = c.inside;
    }
    // Stops when the box is pure or the next peel would go under minSupport.
    const end = r.trajectory[r.trajectory.length - 1];
    expect(end.density === 1 || end.support * (1 - 0.1) < 0.05 + 0.01).toBe(true);
  });

  it('prim chooses the densest box with coverage ≥ minCoverage, or the index asked for', () => {
    const { x, y } = planted(2000, 5, 3);
    const r = prim(x, 2000, 5, y, { minCoverage: 0.95 });
    const ok = r.trajectory.filter((s) => s.coverage >= 0.95).map((s) => s.density);
    expect(r.trajectory[r.chosen].density).toBe(Math.max(...ok));
    expect(r.trajectory[r.chosen].coverage).toBeGreaterThanOrEqual(0.95);
    const first = r.trajectory.findIndex(
      (s) => s.coverage >= 0.95 && s.density === Math.max(...ok),
    );
    expect(r.chosen).toBe(first);
    expect(prim(x, 2000, 5, y, { choose: 2 }).chosen).toBe(2);
    expect(() => prim(x, 2000, 5, y, { choose: 10_000 })).toThrow(/past the trajectory/);
  });

  it('prim with no positives or only positives returns the whole box, no NaN', () => {
    const { x } = planted(200, 3, 1);
    for (const flag of [0, 1]) {
      const r = prim(x, 200, 3, new Uint8Array(200).fill(flag));
      expect(r.trajectory).toHaveLength(1);
      expect(r.chosen).toBe(0);
      expect(r.trajectory[0]).toMatchObject({ coverage: flag, density: flag, support: 1 });
      expect(r.box.restricted).toEqual([false, false, false]);
      expect(r).toMatchObject({ coverage: flag, density: flag, support: 1, dropped: [] });
      expect(Array.from(r.box.lo).every(Number.isFinite)).toBe(true);
      expect(r.diagnostics).toHaveLength(1);
    }
  });

  it('prim handles tied (discrete) inputs: a cut never splits equal values', () => {
    // x0 takes 4 levels; y = 1 iff x0 = 3. The box must be x0 ≥ 2.5 exactly (halfway cut).
    const n = 400;
    const x = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    const rng = createRng(4);
    for (let i = 0; i < n; i++) {
      x[2 * i] = i % 4;
      x[2 * i + 1] = rng();
      y[i] = i % 4 === 3 ? 1 : 0;
    }
    const r = prim(x, n, 2, y);
    expect(r).toMatchObject({ density: 1, coverage: 1, support: 0.25 });
    expect(r.box.lo[0]).toBe(2.5);
    expect(r.box.restricted).toEqual([true, false]);
    for (const step of r.trajectory) {
      const c = count(x, y, 2, step.box);
      expect(c.inside).toBe(Math.round(step.support * n));
    }
  });

  it('prim on 100,000 × 20 points finds the two planted dimensions (speed: bench/methods.js)', () => {
    const n = 100_000;
    const d = 20;
    const { x } = planted(n, d, 11);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) y[i] = x[i * d + 3] > 0.5 && x[i * d + 7] < 0.4 ? 1 : 0;
    const r = prim(x, n, d, y);
    expect(r.box.restricted.flatMap((v, j) => (v ? [j] : []))).toEqual([3, 7]);
    expect(r.density).toBeGreaterThan(0.9);
  });

  it('prim rejects bad shapes, flags and options', () => {
    const x = new Float64Array(6);
    expect(() => prim(x, 3, 2, new Uint8Array(2))).toThrow(EntenteError);
    expect(() => prim(x, 3, 2, Uint8Array.of(0, 2, 1))).toThrow(/y\[1\] must be 0 or 1/);
    x[3] = Number.NaN;
    expect(() => prim(x, 3, 2, new Uint8Array(3))).toThrow(/prim: input 1 of point 1 is NaN/);
    expect(() => prim(new Float64Array(6), 3, 2, new Uint8Array(3), { peelAlpha: 0.6 })).toThrow(
      /peelAlpha/,
    );
    expect(() => prim(new Float64Array(6), 3, 2, new Uint8Array(3), { minSupport: 0 })).toThrow(
      /minSupport/,
    );
    expect(() => prim(new Float64Array(6), 3, 2, new Uint8Array(3), { significance: 0 })).toThrow(
      /significance/,
    );
    expect(() => prim(new Float64Array(0), 0, 2, new Uint8Array(0))).toThrow(/positive integers/);
  });
});

describe('argsort', () => {
  it('argsort orders doubles like a stable comparison sort (negatives, zeros, infinities, ties)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true }),
            fc.constantFrom(0, -0, 1, -1, Number.MAX_VALUE, Number.MIN_VALUE),
          ),
          { maxLength: 300 },
        ),
        (values) => {
          const v = Float64Array.from(values);
          const got = Array.from(argsort(v));
          const want = values
            .map((_, i) => i)
            .sort((a, b) => values[a] - values[b] || (Object.is(values[a], -0) ? 0 : 0) || a - b);
          // -0 and 0 are equal numbers; argsort puts -0 first, which is still a valid order.
          for (let k = 1; k < got.length; k++) expect(v[got[k - 1]]).toBeLessThanOrEqual(v[got[k]]);
          expect(got.slice().sort((a, b) => a - b)).toEqual(want.slice().sort((a, b) => a - b));
          // Stable among equal values that are not zero.
          for (let k = 1; k < got.length; k++) {
            const a = v[got[k - 1]];
            const b = v[got[k]];
            if (a === b && a !== 0) expect(got[k - 1]).toBeLessThan(got[k]);
          }
        },
      ),
    );
  });
});
