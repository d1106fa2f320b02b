import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestDraws } from '../../src/calibration/abc-rejection.js';

/** The reference: every index sorted by (distance, index), the first n kept. */
const bySort = (dist: Float64Array, n: number): number[] =>
  Array.from(dist.keys())
    .sort((a, b) => dist[a] - dist[b] || a - b)
    .slice(0, n);

describe('closestDraws', () => {
  it('closestDraws(dist, n) keeps the n smallest, ties broken by index, as a full stable sort does (fast-check)', () => {
    fc.assert(
      fc.property(
        // Few distinct values, so ties at the cut are common.
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (values, k) => {
          const dist = Float64Array.from(values, (v) => v / 4);
          const n = 1 + (k % dist.length);
          expect(closestDraws(dist, n)).toEqual(bySort(dist, n));
        },
      ),
    );
  });

  it('closestDraws keeps ties at the cut in index order (hand-checked)', () => {
    const dist = Float64Array.from([0.5, 0.2, 0.5, 0.1, 0.5, 0.2]);
    // Sorted: 3 (0.1), 1 (0.2), 5 (0.2), then the 0.5s in index order: 0, 2, 4.
    expect(closestDraws(dist, 4)).toEqual([3, 1, 5, 0]);
    expect(closestDraws(dist, 5)).toEqual([3, 1, 5, 0, 2]);
  });
});
