import { describe, expect, it } from 'vitest';
import { concatRows } from '../../src/calibration/abc-problem.js';

describe('concatRows', () => {
  it('joins the chunks in order and hands back a single chunk itself', () => {
    expect(
      Array.from(concatRows([Float64Array.of(1, 2), Float64Array.of(), Float64Array.of(3)])),
    ).toEqual([1, 2, 3]);
    const one = Float64Array.of(4, 5);
    expect(concatRows([one])).toBe(one);
    expect(concatRows([]).length).toBe(0);
  });
});
