import { describe, expect, it } from 'vitest';
import { compareAlignment } from '../../../src/analysis/landscape/alignment.js';

describe('compareAlignment(prediction, alignment)', () => {
  it('compareAlignment(prediction, alignment) ignores which side is which (mirror)', () => {
    const observed = {
      id: 'obs',
      coalitions: [
        ['c', 'd'],
        ['a', 'b'],
      ],
    };
    const r = compareAlignment(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      observed,
    );
    expect(r.misplaced).toEqual([]);
    expect(r.agreement).toBe(1);
    expect(r.sides).toEqual([[1], [0]]);
  });

  it('compareAlignment(prediction, alignment) lists the misplaced actors', () => {
    const observed = {
      id: 'obs',
      coalitions: [
        ['a', 'b', 'c'],
        ['d', 'e'],
      ],
    };
    const r = compareAlignment(
      {
        coalitions: [
          ['a', 'b', 'd'],
          ['c', 'e', 'x'],
        ],
      },
      observed,
    );
    // Best matching: side 0 ↔ {a,b,c}: c and d misplaced (2); the mirror misplaces a, b, e (3).
    expect(r.misplaced.map((m) => m.actor)).toEqual(['c', 'd']);
    expect(r.compared).toBe(5);
    expect(r.agreement).toBeCloseTo(3 / 5, 15);
    expect(r.notObserved).toEqual(['x']);
    expect(r.notPredicted).toEqual([]);
  });

  it('compareAlignment(prediction, alignment) merges three observed groups onto two sides', () => {
    const observed = { id: 'ww2', coalitions: [['a', 'b'], ['c'], ['d', 'e']] };
    const r = compareAlignment(
      {
        globalMinimum: {
          coalitions: [
            ['a', 'b', 'c'],
            ['d', 'e'],
          ],
        },
      },
      observed,
    );
    expect(r.misplaced).toEqual([]);
    expect(r.sides).toEqual([[0, 1], [2]]);
    expect(r.notes.join(' ')).toContain('3 observed groups');
  });

  it('compareAlignment(prediction, alignment) throws when an actor is on both sides', () => {
    expect(() => compareAlignment([['a'], ['a']], { id: 'o', coalitions: [['a'], ['b']] })).toThrow(
      /^compareAlignment: actor "a"/,
    );
  });
});
