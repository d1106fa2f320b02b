import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntenteError } from '../../src/errors.js';
import { latinHypercube } from '../../src/exploration/sampling/latin-hypercube.js';
import { saltelliDesign } from '../../src/exploration/sampling/saltelli-design.js';
import { scaleToRanges } from '../../src/exploration/sampling/scale.js';
import { sobolSequence } from '../../src/exploration/sampling/sobol-sequence.js';

describe('latinHypercube', () => {
  it('latinHypercube(n, d, seed) puts exactly one point in each of the n strata of every dimension', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        (n, d, seed) => {
          const x = latinHypercube(n, d, seed);
          expect(x).toHaveLength(n * d);
          for (let j = 0; j < d; j++) {
            const hits = new Uint32Array(n);
            for (let i = 0; i < n; i++) {
              const v = x[i * d + j];
              expect(v >= 0 && v < 1).toBe(true);
              hits[Math.floor(v * n)]++;
            }
            expect(hits.every((h) => h === 1)).toBe(true);
          }
        },
      ),
    );
  });

  it('latinHypercube: same seed same bytes, another seed another sample', () => {
    expect(Array.from(latinHypercube(50, 3, 9))).toEqual(Array.from(latinHypercube(50, 3, 9)));
    expect(Array.from(latinHypercube(50, 3, 9))).not.toEqual(Array.from(latinHypercube(50, 3, 10)));
  });

  it('latinHypercube columns are independent permutations (no two columns share the order)', () => {
    const n = 100;
    const x = latinHypercube(n, 4, 3);
    const stratum = (j: number) =>
      Array.from({ length: n }, (_, i) => Math.floor(x[i * 4 + j] * n));
    for (let a = 0; a < 4; a++) {
      for (let b = a + 1; b < 4; b++) expect(stratum(a)).not.toEqual(stratum(b));
    }
    // Rank correlation of two columns of a random LHS is about N(0, 1/(n − 1)): |ρ| < 0.4 at n = 100.
    const ra = stratum(0);
    const rb = stratum(1);
    const mean = (n - 1) / 2;
    let cov = 0;
    let va = 0;
    for (let i = 0; i < n; i++) {
      cov += (ra[i] - mean) * (rb[i] - mean);
      va += (ra[i] - mean) ** 2;
    }
    expect(Math.abs(cov / va)).toBeLessThan(0.4);
  });

  it('latinHypercube rejects n or d that is not a positive integer', () => {
    expect(() => latinHypercube(0, 2, 1)).toThrow(EntenteError);
    expect(() => latinHypercube(3, 1.5, 1)).toThrow(/latinHypercube: n and d/);
  });
});

describe('saltelliDesign', () => {
  it('saltelliDesign(1024, 10) has 22,528 rows', () => {
    const s = saltelliDesign(1024, 10);
    expect(s.rows).toBe(22_528);
    expect(s.matrix).toHaveLength(22_528 * 10);
    expect(s.d).toBe(10);
  });

  it('saltelliDesign stacks A, B, A_B^(i), B_A^(i) built from a 2d-dimensional Sobol sequence', () => {
    const n = 16;
    const d = 3;
    const { matrix } = saltelliDesign(n, d);
    const base = sobolSequence(n, 2 * d);
    const row = (block: number, j: number) =>
      Array.from(matrix.subarray((block * n + j) * d, (block * n + j + 1) * d));
    for (let j = 0; j < n; j++) {
      const a = Array.from(base.subarray(j * 2 * d, j * 2 * d + d));
      const b = Array.from(base.subarray(j * 2 * d + d, (j + 1) * 2 * d));
      expect(row(0, j)).toEqual(a);
      expect(row(1, j)).toEqual(b);
      for (let i = 0; i < d; i++) {
        expect(row(2 + i, j)).toEqual(a.map((v, k) => (k === i ? b[k] : v)));
        expect(row(2 + d + i, j)).toEqual(b.map((v, k) => (k === i ? a[k] : v)));
      }
    }
  });

  it('saltelliDesign passes skip and seed to the Sobol sequence', () => {
    const skipped = saltelliDesign(8, 2, { skip: 8 });
    expect(Array.from(skipped.matrix.subarray(0, 2))).toEqual(
      Array.from(sobolSequence(1, 4, { skip: 8 }).subarray(0, 2)),
    );
    const shifted = saltelliDesign(8, 2, { seed: 3 });
    expect(Array.from(shifted.matrix.subarray(0, 2))).toEqual(
      Array.from(sobolSequence(1, 4, { seed: 3 }).subarray(0, 2)),
    );
    expect(() => saltelliDesign(0, 2)).toThrow(/saltelliDesign/);
  });
});

describe('scaleToRanges', () => {
  it('scaleToRanges maps the unit cube affinely onto [lo, hi] per column', () => {
    const out = scaleToRanges(Float64Array.of(0, 0.5, 1, 0.25), [0, 10], [2, 20]);
    expect(Array.from(out)).toEqual([0, 15, 2, 12.5]);
  });

  it('scaleToRanges rejects mismatched bounds, reversed ranges and ragged matrices', () => {
    expect(() => scaleToRanges(new Float64Array(4), [0, 0], [1])).toThrow(EntenteError);
    expect(() => scaleToRanges(new Float64Array(4), [1, 0], [0, 1])).toThrow(/range 0/);
    expect(() => scaleToRanges(new Float64Array(4), [0, 0], [1, Number.NaN])).toThrow(/range 1/);
    expect(() => scaleToRanges(new Float64Array(3), [0, 0], [1, 1])).toThrow(/multiple of d/);
  });
});
