import { describe, expect, it } from 'vitest';
import { observedCounts } from '../../src/calibration/observed.js';
import { crps } from '../../src/calibration/predictive-score.js';
import type { EventMapping } from '../../src/events/mapping.js';
import type { EventGroup, EventVolume } from '../../src/events/types.js';

const mapping: EventMapping = {
  map: [
    { dataset: 'ucdp', name: 'Government of X', actor: 'gov', until: '2021-08-14' },
    { dataset: 'ucdp', name: 'Government of X', actor: 'rebels', from: '2021-08-15' },
    { dataset: 'ucdp', name: 'Rebels', actor: 'rebels' },
    { dataset: 'ucdp', name: 'G', actor: 'group', countries: ['X'] },
  ],
};
// Breakpoints of the mapping: ['2021-08-15'] — segment 0 before it, 1 from it.
const group = (
  period: string,
  sideA: string,
  sideB: string,
  best: number,
  extra: Partial<EventGroup> = {},
): EventGroup => ({
  format: 'ucdp-dyadic',
  version: '24.1',
  sideA,
  sideB,
  country: 'X',
  period,
  segment: 0,
  spanning: 0,
  measures: { events: 1, deaths_best: best },
  ...extra,
});
const volumes: EventVolume[] = ['2019', '2020', '2021'].map((period) => ({
  format: 'ucdp-dyadic',
  period,
  events: 5,
}));

describe('observedCounts (the series through the case mapping)', () => {
  it('sums deaths_best per dyad-year in either side order, maps names by date, 0 in a covered year without rows, NaN outside', () => {
    const groups = [
      group('2019', 'Government of X', 'G', 100),
      group('2019', 'G', 'Rebels', 30),
      group('2019', 'G', 'Civilians', 500),
      // A row in a country the IS-like rule does not cover: not the group.
      group('2019', 'Government of X', 'G', 1000, { country: 'X, Y' }),
      group('2020', 'G', 'Government of X', 40),
      // 2021: the yearly row spans the mapping date and counts for its start date's side …
      group('2021', 'Government of X', 'G', 7, { spanning: 1 }),
      // … and a row starting after it is the rebels'.
      group('2021', 'Government of X', 'G', 9, { segment: 1 }),
    ];
    const targets = [
      { id: 'gov--group', dyad: ['gov', 'group'] as const },
      { id: 'rebels--group', dyad: ['rebels', 'group'] as const },
    ];
    const r = observedCounts(mapping, groups, volumes, targets, [2019, 2020, 2021, 2022]);
    // gov–group: 100, 40, 7, missing 2022. rebels–group: 30, 0 (covered, no row), 9, missing.
    expect(Array.from(r.values)).toEqual([100, 40, 7, Number.NaN, 30, 0, 9, Number.NaN]);
    expect(r.caveats.some((c) => /^gov--group: 1 row\(s\) span a date/.test(c))).toBe(true);
  });

  it('refuses a store without rows of the dataset', () => {
    expect(() => observedCounts(mapping, [], [], [{ dyad: ['gov', 'group'] }], [2019])).toThrow(
      /holds no ucdp rows/,
    );
  });
});

describe('crps', () => {
  it('crps(samples, y) is E|X − y| − ½E|X − X′| of the empirical distribution', () => {
    // Samples 0 and 2, y = 1: E|X − y| = 1, E|X − X′| = (0 + 2 + 2 + 0)/4 = 1 → 1 − 0.5.
    expect(crps(Float64Array.of(0, 2), 1)).toBeCloseTo(0.5, 12);
    // One sample: the absolute error.
    expect(crps(Float64Array.of(3), 10)).toBe(7);
    // Brute force on 5 values.
    const x = Float64Array.of(5, 1, 4, 4, 9);
    let a = 0;
    let b = 0;
    for (const u of x) {
      a += Math.abs(u - 3);
      for (const v of x) b += Math.abs(u - v);
    }
    expect(crps(x, 3)).toBeCloseTo(a / 5 - b / 50, 12);
  });
});
