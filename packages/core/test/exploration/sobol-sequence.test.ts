import { describe, expect, it } from 'vitest';
import { EntenteError } from '../../src/errors.js';
import {
  JOE_KUO_DIRECTIONS,
  SOBOL_MAX_DIMENSION,
} from '../../src/exploration/sampling/sobol-directions.js';
import { sobolDirections, sobolSequence } from '../../src/exploration/sampling/sobol-sequence.js';

const column = (points: Float64Array, d: number, j: number) =>
  Array.from({ length: points.length / d }, (_, i) => points[i * d + j]);

/** Joe & Kuo's rows as [s, a, m_1 … m_s], dimension 2 first. */
const table = JOE_KUO_DIRECTIONS.trim()
  .split('\n')
  .map((l) => l.split(' ').map(Number));

/**
 * Point i of dimension `dim` straight from Sobol's definition, written independently of the
 * Gray-code generator: x = Σ over the bits of gray(i) of v_k, with v_k = m_k / 2^k and the
 * recurrence on the integers m_k (Bratley & Fox 1988, eq. 3): m_k = 2a_1 m_(k−1) ⊕ 2²a_2 m_(k−2)
 * ⊕ … ⊕ 2^s m_(k−s) ⊕ m_(k−s). Uses BigInt so no bit trick is shared with the implementation.
 */
function sobolPoint(i: number, dim: number): number {
  if (dim === 1) return vanDerCorput(i ^ (i >> 1)); // all m_k = 1: the identity matrix
  const [s, a, ...m0] = table[dim - 2].slice(1);
  const m: bigint[] = m0.map(BigInt);
  for (let k = s; k < 32; k++) {
    let x = m[k - s] ^ (m[k - s] << BigInt(s));
    for (let l = 1; l < s; l++) {
      if ((a >> (s - 1 - l)) & 1) x ^= m[k - l] << BigInt(l);
    }
    m.push(x);
  }
  const gray = BigInt(i ^ (i >> 1));
  let num = 0n; // x · 2^32
  for (let k = 0; k < 32; k++) {
    if ((gray >> BigInt(k)) & 1n) num ^= m[k] << BigInt(32 - (k + 1));
  }
  return Number(num) / 2 ** 32;
}

/** The bits of g reversed behind the binary point. */
function vanDerCorput(g: number): number {
  let x = 0;
  for (let k = 0; k < 32; k++) if ((g >> k) & 1) x += 2 ** -(k + 1);
  return x;
}

describe('sobolSequence', () => {
  it('sobolSequence(8, 3) gives the hand-computed first points of dimensions 1–3', () => {
    // Dimension 1: van der Corput in base 2. Dimension 2 (x + 1, m = 1): v = .1, .11, .101 in
    // binary; dimension 3 (x² + x + 1, m = 1, 3): v = .1, .11, .011 — XOR-ed in Gray-code order.
    const p = sobolSequence(8, 3);
    expect(column(p, 3, 0)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(column(p, 3, 1)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(column(p, 3, 2)).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('sobolSequence agrees with the definition point by point in 40 dimensions', () => {
    const d = 40;
    const n = 300;
    const p = sobolSequence(n, d);
    for (const i of [0, 1, 2, 3, 5, 8, 13, 64, 127, 128, 255, 299]) {
      for (let j = 0; j < d; j++)
        expect(p[i * d + j], `point ${i}, dim ${j + 1}`).toBe(sobolPoint(i, j + 1));
    }
  });

  it('sobolSequence matches SciPy 1.17 qmc.Sobol(d=1024, scramble=False)', () => {
    // Values printed by scipy.stats.qmc.Sobol(d=1024, scramble=False).random(4096)[i, dim − 1].
    const reference: [number, number, number][] = [
      [7, 10, 0.875],
      [7, 40, 0.125],
      [7, 100, 0.625],
      [7, 1024, 0.625],
      [1000, 2, 0.0966796875],
      [1000, 3, 0.5185546875],
      [1000, 10, 0.0693359375],
      [1000, 40, 0.4794921875],
      [1000, 100, 0.1865234375],
      [1000, 1024, 0.7138671875],
      [4095, 1, 0.000244140625],
      [4095, 2, 0.941162109375],
      [4095, 10, 0.246337890625],
      [4095, 40, 0.227294921875],
      [4095, 100, 0.962646484375],
      [4095, 1024, 0.354736328125],
    ];
    const p = sobolSequence(4096, 1024);
    for (const [i, dim, value] of reference)
      expect(p[i * 1024 + dim - 1], `${i}, ${dim}`).toBe(value);
  });

  it('sobolSequence: the first 2^m points fill every interval [k/2^m, (k+1)/2^m) once (m ≤ 10)', () => {
    const d = SOBOL_MAX_DIMENSION;
    const p = sobolSequence(1024, d);
    for (let m = 0; m <= 10; m++) {
      const size = 2 ** m;
      const hits = new Uint32Array(size);
      for (let j = 0; j < d; j++) {
        hits.fill(0);
        for (let i = 0; i < size; i++) hits[Math.floor(p[i * d + j] * size)]++;
        for (let k = 0; k < size; k++) {
          if (hits[k] !== 1)
            expect.fail(`dimension ${j + 1}, m = ${m}: interval ${k} has ${hits[k]}`);
        }
      }
    }
  });

  it('sobolSequence: 2-D projections of the first 12 dimensions are (t, m, 2)-nets with t ≤ (s_i − 1) + (s_j − 1)', () => {
    // Sobol (1967), Niederreiter (1988): dimensions built on primitive polynomials of degrees
    // s_i form a (t, s)-sequence with t = Σ (s_i − 1) (dimension 1 counts as degree 1), so any
    // 2-D projection is a (t, m, 2)-net for every m with that t: each elementary interval
    // [a/2^p, (a+1)/2^p) × [b/2^q, (b+1)/2^q) with p + q = m − t holds exactly 2^t points.
    // The bound holds for any valid direction numbers; Joe & Kuo's tables reach it or better, and
    // a corrupted row (an even m_k, a wrong polynomial) breaks it.
    const D = 12;
    const p = sobolSequence(1024, D);
    const degree = (dim: number) => (dim === 1 ? 1 : table[dim - 2][1]);
    const isNet = (i: number, j: number, m: number, t: number): boolean => {
      const per = 2 ** t;
      for (let a = 0; a <= m - t; a++) {
        const b = m - t - a;
        const counts = new Uint32Array(2 ** (a + b));
        for (let k = 0; k < 2 ** m; k++) {
          const u = Math.floor(p[k * D + i] * 2 ** a);
          const v = Math.floor(p[k * D + j] * 2 ** b);
          counts[u * 2 ** b + v]++;
        }
        if (counts.some((c) => c !== per)) return false;
      }
      return true;
    };
    for (let i = 0; i < D; i++) {
      for (let j = i + 1; j < D; j++) {
        const bound = degree(i + 1) - 1 + (degree(j + 1) - 1);
        for (let m = 1; m <= 10; m++) {
          const t = Math.min(bound, m);
          expect(isNet(i, j, m, t), `dims ${i + 1}, ${j + 1}, m = ${m}, t = ${t}`).toBe(true);
        }
      }
    }
    // Dimensions 1 and 2 form a (0, m, 2)-net: every 2^m × 1 … 1 × 2^m grid of the unit square.
    expect(isNet(0, 1, 10, 0)).toBe(true);
  });

  it('sobolSequence(n, d, { skip }) continues the sequence at point skip', () => {
    const d = 7;
    const all = sobolSequence(1100, d);
    for (const skip of [1, 2, 3, 64, 1000]) {
      const part = sobolSequence(100, d, { skip });
      expect(Array.from(part)).toEqual(Array.from(all.subarray(skip * d, (skip + 100) * d)));
    }
  });

  it('sobolSequence(n, d, { seed }) is a digital shift: same seed same bytes, nets kept', () => {
    const a = sobolSequence(256, 5, { seed: 7 });
    expect(Array.from(a)).toEqual(Array.from(sobolSequence(256, 5, { seed: 7 })));
    expect(Array.from(a)).not.toEqual(Array.from(sobolSequence(256, 5, { seed: 8 })));
    expect(a[0]).not.toBe(0);
    for (let j = 0; j < 5; j++) {
      const hits = new Uint32Array(256);
      for (let i = 0; i < 256; i++) hits[Math.floor(a[i * 5 + j] * 256)]++;
      expect(hits.every((h) => h === 1)).toBe(true);
    }
  });

  it('sobolSequence rejects bad n, d and skip', () => {
    expect(() => sobolSequence(4, 0)).toThrow(EntenteError);
    expect(() => sobolSequence(4, SOBOL_MAX_DIMENSION + 1)).toThrow(/sobolSequence: d must be/);
    expect(() => sobolSequence(-1, 2)).toThrow(/sobolSequence: n must be/);
    expect(() => sobolSequence(1.5, 2)).toThrow(EntenteError);
    expect(() => sobolSequence(4, 2, { skip: -1 })).toThrow(/skip/);
    expect(() => sobolSequence(2, 2, { skip: 2 ** 32 - 1 })).toThrow(/2\^32/);
    expect(sobolSequence(0, 3)).toHaveLength(0);
  });
});

describe('sobolDirections', () => {
  it('the Joe–Kuo table has valid rows: odd m_k < 2^k, a < 2^(s−1), degrees non-decreasing', () => {
    expect(table).toHaveLength(SOBOL_MAX_DIMENSION - 1);
    expect(SOBOL_MAX_DIMENSION).toBeGreaterThanOrEqual(40);
    let last = 0;
    table.forEach(([dim, s, a, ...m], k) => {
      expect(dim).toBe(k + 2);
      expect(m).toHaveLength(s);
      expect(a).toBeLessThan(2 ** Math.max(0, s - 1));
      m.forEach((mk, i) => {
        expect(mk % 2).toBe(1);
        expect(mk).toBeLessThan(2 ** (i + 1));
      });
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    });
    // The first rows of new-joe-kuo-6.21201 as published.
    expect(table.slice(0, 5)).toEqual([
      [2, 1, 0, 1],
      [3, 2, 1, 1, 3],
      [4, 3, 1, 1, 3, 1],
      [5, 3, 2, 1, 1, 1],
      [6, 4, 1, 1, 1, 3, 3],
    ]);
  });

  it('sobolDirections(1) is the van der Corput basis 2^-k', () => {
    expect(Array.from(sobolDirections(1))).toEqual(
      Array.from({ length: 32 }, (_, k) => 2 ** (31 - k)),
    );
  });
});

describe('sobolDirections', () => {
  it("sobolDirections(d) is the caller's own: zeroing it changes no later table or sequence", () => {
    const before = Array.from(sobolSequence(16, 3));
    const mine = sobolDirections(3);
    const expected = Array.from(mine);
    mine.fill(0);
    expect(Array.from(sobolDirections(3))).toEqual(expected);
    expect(Array.from(sobolSequence(16, 3))).toEqual(before);
    // A smaller request is not a view of a larger one either.
    sobolDirections(1).fill(0);
    expect(Array.from(sobolDirections(3))).toEqual(expected);
  });
});
