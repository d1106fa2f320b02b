import { describe, expect, it } from 'vitest';
import { caseDates, compareCaseDates } from '../../src/case/case-dates.js';
import type { Case } from '../../src/case/schema.js';

describe('compareCaseDates', () => {
  it('compareCaseDates(a, b) orders by first day, the coarser date first on the same day', () => {
    const dates = ['2021-02', '2021-01-01', '2020-12-31', '2021', '2021-01', '2019'];
    expect([...dates].sort(compareCaseDates)).toEqual([
      '2019',
      '2020-12-31',
      '2021',
      '2021-01',
      '2021-01-01',
      '2021-02',
    ]);
  });

  it('compareCaseDates puts texts that are not dates after the dates, by code point', () => {
    expect(['b', '2021', 'a', '2021-13'].sort(compareCaseDates)).toEqual([
      '2021',
      '2021-13',
      'a',
      'b',
    ]);
  });
});

describe('caseDates', () => {
  it('caseDates(c) lists the distinct dates of periods, relations and actors in order', () => {
    const c = {
      actors: [{ id: 'a', since: '2015' }, { id: 'b' }],
      relations: [
        { from: 'a', to: 'b', since: '2021-08-15', until: '2022' },
        { from: 'b', to: 'a', since: '2015' },
      ],
      periods: [{ id: 'p', label: 'P', start: '2021', end: '2021-08' }],
    } as unknown as Case;
    expect(caseDates(c)).toEqual(['2015', '2021', '2021-08', '2021-08-15', '2022']);
    expect(caseDates({ actors: [], relations: [] } as unknown as Case)).toEqual([]);
  });
});
