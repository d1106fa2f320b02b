import { describe, expect, it } from 'vitest';
import { caseAt } from '../src/case/case-at.js';
import type { Case } from '../src/case/schema.js';
import { threeActors } from './interop/three-actors.js';

describe('caseAt', () => {
  it('caseAt(case, at) keeps the actors and relations active at some day of `at`', () => {
    const c = threeActors();
    // 2010 is the last year of r1; 2015-03 starts the threat.
    expect(caseAt(c, '2010').relations.map((r) => r.type)).toEqual([
      'alliance',
      'territorial-presence',
    ]);
    expect(caseAt(c, '2015').relations.map((r) => r.type)).toEqual([
      'threat',
      'territorial-presence',
    ]);
    expect(caseAt(c, '2015-02').relations.map((r) => r.type)).toEqual(['territorial-presence']);
    expect(caseAt(c, '2019-06-30').actors.map((a) => a.id)).toEqual(['A', 'B', 'C']);
    expect(caseAt(c, '2019-07').actors.map((a) => a.id)).toEqual(['A', 'B']);
  });

  it('caseAt(case, at) drops references to left-out actors from mechanisms and claims', () => {
    const c: Case = {
      ...threeActors(),
      claims: [{ id: 'k', statement: 's', kind: 'causal', actors: ['A', 'C'] }],
    };
    expect(caseAt(c, '2020').claims?.[0]?.actors).toEqual(['A']);
  });

  it('caseAt(case, at) throws invalid-argument for a date that does not exist', () => {
    expect(() => caseAt(threeActors(), '2021-02-30')).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });
});
