/**
 * parseCaseDate / activeAt / overlaps: partial ISO dates as intervals of day numbers (days since
 * 1970-01-01 UTC). Expected day numbers are counted by hand: 2020-01-01 is day 18262
 * (50 × 365 + 12 leap days 1972–2016), 2021-01-01 is 18262 + 366 = 18628, and 2000-01-01 is
 * 30 × 365 + 7 leap days = 10957.
 */
import { activeAt, EntenteError, isCaseDate, overlaps, parseCaseDate } from '@entente/core';
import { describe, expect, it } from 'vitest';

describe('parseCaseDate', () => {
  it('parseCaseDate(text) maps 1970-01-01 to day 0 and 1969-12-31 to day -1', () => {
    expect(parseCaseDate('1970-01-01')).toEqual({ start: 0, end: 0 });
    expect(parseCaseDate('1969-12-31')).toEqual({ start: -1, end: -1 });
  });

  it('parseCaseDate(text) gives a year from its 1 January to its 31 December', () => {
    expect(parseCaseDate('1970')).toEqual({ start: 0, end: 364 });
    expect(parseCaseDate('2021')).toEqual({ start: 18628, end: 18628 + 364 });
    // 2020 is a leap year: 366 days, and its last day is the day before 2021-01-01.
    expect(parseCaseDate('2020')).toEqual({ start: 18262, end: 18627 });
  });

  it('parseCaseDate(text) gives a month from its first to its last day', () => {
    // 2021-08-01 = 18628 + 31 + 28 + 31 + 30 + 31 + 30 + 31 = 18840.
    expect(parseCaseDate('2021-08')).toEqual({ start: 18840, end: 18870 });
    expect(parseCaseDate('2021-08-15')).toEqual({ start: 18854, end: 18854 });
  });

  it('parseCaseDate(text) ends February on the 29th in leap years only', () => {
    expect(parseCaseDate('2020-02')).toEqual({ start: 18293, end: 18321 });
    expect(parseCaseDate('2021-02')).toEqual({ start: 18659, end: 18686 });
    expect(parseCaseDate('2020-02-29')).toEqual({ start: 18321, end: 18321 });
    // 2000 is divisible by 400, so a leap year; 2000-02-29 = 10957 + 31 + 28.
    expect(parseCaseDate('2000-02-29')).toEqual({ start: 11016, end: 11016 });
  });

  it('parseCaseDate(text) returns undefined for dates that do not exist', () => {
    expect(parseCaseDate('2021-02-29')).toBeUndefined();
    expect(parseCaseDate('1900-02-29')).toBeUndefined(); // 1900 is not divisible by 400
    expect(parseCaseDate('2021-02-30')).toBeUndefined();
    expect(parseCaseDate('2021-04-31')).toBeUndefined();
    expect(parseCaseDate('2021-13')).toBeUndefined();
    expect(parseCaseDate('2021-00')).toBeUndefined();
    expect(parseCaseDate('2021-01-00')).toBeUndefined();
  });

  it('parseCaseDate(text) returns undefined for other spellings', () => {
    for (const bad of ['2021-8', '21-08-01', '2021/08/01', ' 2021', '2021-08-01T00:00', ''])
      expect(parseCaseDate(bad)).toBeUndefined();
  });

  it('parseCaseDate(text) reads years 0–99 literally, not as 1900–1999', () => {
    // Date.UTC would read 50 as 1950; 0050 is 1920 years (1920 × 365 + 465 leap days) before 1970.
    expect(parseCaseDate('0050')?.start).toBe(-(1920 * 365 + 465));
    expect(parseCaseDate('0000-02-29')).toBeDefined(); // year 0 is a leap year (divisible by 400)
  });

  it('isCaseDate(text) agrees with parseCaseDate', () => {
    expect(isCaseDate('2020-02-29')).toBe(true);
    expect(isCaseDate('2021-02-29')).toBe(false);
  });
});

describe('activeAt', () => {
  it('activeAt(span, at) treats since and until in the same month as that whole month', () => {
    const august = { since: '2021-08', until: '2021-08' };
    expect(activeAt(august, '2021-08-01')).toBe(true);
    expect(activeAt(august, '2021-08-31')).toBe(true);
    expect(activeAt(august, '2021-07-31')).toBe(false);
    expect(activeAt(august, '2021-09-01')).toBe(false);
  });

  it('activeAt(span, at) is true when any day of a partial `at` is in force', () => {
    expect(activeAt({ since: '2021-08-15' }, '2021-08')).toBe(true);
    expect(activeAt({ since: '2021-08-15' }, '2021-07')).toBe(false);
    expect(activeAt({ until: '2021-08-15' }, '2021')).toBe(true);
    expect(activeAt({ until: '2021-08-15' }, '2021-08-16')).toBe(false);
  });

  it('activeAt(span, at) treats a missing since or until as open', () => {
    expect(activeAt({}, '1000')).toBe(true);
    expect(activeAt({ until: '2021' }, '1000-01-01')).toBe(true);
    expect(activeAt({ since: '2021' }, '9999-12-31')).toBe(true);
  });

  it('activeAt(span, at) lets an until of February 2020 cover the 29th', () => {
    expect(activeAt({ until: '2020-02' }, '2020-02-29')).toBe(true);
    expect(activeAt({ until: '2021-02' }, '2021-03-01')).toBe(false);
  });

  it('activeAt(span, at) throws an invalid-argument EntenteError naming the bad date', () => {
    expect(() => activeAt({}, '2021-02-29')).toThrow(EntenteError);
    expect(() => activeAt({ since: '2021-13' }, '2021')).toThrow(
      'dates: "2021-13" is not a valid since date',
    );
  });
});

describe('overlaps', () => {
  it('overlaps(span, window) compares whole intervals, ends included', () => {
    const window = { start: '2021-08', end: '2022-08' };
    expect(overlaps({ since: '2022-08-31' }, window)).toBe(true);
    expect(overlaps({ since: '2022-09-01' }, window)).toBe(false);
    expect(overlaps({ until: '2021-08-01' }, window)).toBe(true);
    expect(overlaps({ until: '2021-07' }, window)).toBe(false);
    expect(overlaps({ since: '2030' }, { start: '2022-09' })).toBe(true);
  });
});
