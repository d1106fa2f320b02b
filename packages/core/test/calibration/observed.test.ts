import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../../test-support/shared-data.js';
import {
  ObservedNamesSchema,
  observedCounts,
  readUcdpAnnual,
} from '../../src/calibration/observed.js';
import { crps } from '../../src/calibration/predictive-score.js';

const HEADER = 'year,date_start,type_of_violence,side_a,side_b,best,multi_country';
const names = ObservedNamesSchema.parse({
  dataset: 'ucdp',
  actors: [
    { actor: 'gov', names: ['Government of X'], until: '2021-08-15' },
    { actor: 'rebels', names: ['Rebels'], until: '2021-08-15' },
    { actor: 'rebels', names: ['Government of X'], from: '2021-08-15' },
    { actor: 'group', names: ['G'] },
  ],
});

describe('readUcdpAnnual and observedCounts', () => {
  it('sums best per dyad-year in either side order, maps names by date, skips one-sided rows', () => {
    const data = readUcdpAnnual(
      [
        HEADER,
        '2019,2019-01-01,1,Government of X,G,100,FALSE',
        '2019,2019-01-01,2,G,Rebels,30,FALSE',
        '2019,2019-01-01,3,G,Civilians,500,FALSE',
        '2020,2020-01-01,1,Government of X,G,40,TRUE',
        '2021,2021-01-01,1,Government of X,G,7,FALSE',
        '2021,2021-09-01,1,Government of X,G,9,FALSE',
      ].join('\n'),
      'x.csv',
    );
    expect(data.firstYear).toBe(2019);
    expect(data.lastYear).toBe(2021);
    const targets = [{ dyad: ['gov', 'group'] as const }, { dyad: ['group', 'rebels'] as const }];
    const counts = observedCounts(data, names, targets, [2019, 2020, 2021, 2022]);
    // gov–group: 100, 40, 7 (the September row is the rebels' government), missing 2022.
    // group–rebels: 30, 0 (no row: fewer than 25), 9, missing.
    expect(Array.from(counts)).toEqual([100, 40, 7, Number.NaN, 30, 0, 9, Number.NaN]);
  });

  it('names the file and line of a malformed row', () => {
    expect(() => readUcdpAnnual(`${HEADER}\n2019,2019-01-01,1,A,B,many,FALSE`, 'f.csv')).toThrow(
      /^calibrate observed: f\.csv:2: best "many" is not a count ≥ 0$/,
    );
    expect(() => readUcdpAnnual('year,best\n2019,1', 'f.csv')).toThrow(
      /f\.csv:1: no column "date_start"/,
    );
  });
});

const ANNUAL = 'data/events/ucdp-afpak-annual-1989-2021.csv';
describeShared(ANNUAL, 'the built-in case read against UCDP annual data', () => {
  it('gives the README’s published values for Government of Afghanistan – IS and Pakistan – TTP', () => {
    const data = readUcdpAnnual(readFileSync(sharedPath(ANNUAL), 'utf8'), ANNUAL);
    const builtin = ObservedNamesSchema.parse(
      JSON.parse(
        readFileSync(
          resolve(import.meta.dirname, '../../../../cases/afghanistan-2023.observed.json'),
          'utf8',
        ),
      ),
    );
    const targets = [
      { dyad: ['republic', 'isk'] as const },
      { dyad: ['pakistan', 'ttp'] as const },
    ];
    const counts = observedCounts(data, builtin, targets, [2015, 2018, 2021]);
    // data/README.md: Government of Afghanistan – IS 679 (2015), 2,842 (2018), 264 (2021);
    // Government of Pakistan – TTP 147 (2018), 259 (2021).
    expect(Array.from(counts)).toEqual([679, 2842, 264, 1954, 147, 259]);
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
