/**
 * didYouMean: the closest candidate within a third of the word's length in edits (at least 1, at
 * most 3; none for words under three letters), or a case-insensitive match. Distances below are
 * Levenshtein distances counted by hand.
 */
import { ACTOR_KINDS, didYouMean } from '@entente/core';
import { describe, expect, it } from 'vitest';

const ACTOR_KEYS = ['id', 'name', 'kind', 'aliases', 'size', 'since', 'until', 'notes'];

describe('didYouMean', () => {
  it('didYouMean(word, candidates) suggests `size` for `sise` (1 edit; `since` is 2)', () => {
    expect(didYouMean('sise', ACTOR_KEYS)).toBe('size');
  });

  it('didYouMean(word, candidates) suggests `state` for `stat`', () => {
    expect(didYouMean('stat', ACTOR_KINDS)).toBe('state');
  });

  it('didYouMean(word, candidates) matches case-insensitively before counting edits', () => {
    expect(didYouMean('STATE', ACTOR_KINDS)).toBe('state');
    expect(didYouMean('Armed-Group', ACTOR_KINDS)).toBe('armed-group');
  });

  it('didYouMean(word, candidates) only matches words under three letters case-insensitively', () => {
    expect(didYouMean('ab', ['ax'])).toBeUndefined(); // 1 edit, but any guess would be noise
    expect(didYouMean('ab', ['AB'])).toBe('AB');
  });

  it('didYouMean(word, candidates) allows one edit for words of three to five letters', () => {
    expect(didYouMean('abc', ['abx'])).toBe('abx');
    expect(didYouMean('abc', ['axy'])).toBeUndefined(); // 2 edits
    expect(didYouMean('abcde', ['abxye'])).toBeUndefined(); // 2 edits, limit floor(5/3) = 1
    expect(didYouMean('abcdef', ['abxyef'])).toBe('abxyef'); // 2 edits, limit 2
  });

  it('didYouMean(word, candidates) allows at most three edits, however long the word', () => {
    expect(didYouMean('abcdefghijkl', ['abcdefghixyz'])).toBe('abcdefghixyz'); // 3 edits
    expect(didYouMean('abcdefghijkl', ['abcdefghwxyz'])).toBeUndefined(); // 4 edits
  });

  it('didYouMean(word, candidates) keeps the first of equally close candidates', () => {
    expect(didYouMean('cat', ['bat', 'hat'])).toBe('bat');
    expect(didYouMean('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('didYouMean(word, candidates) returns undefined with no candidates or none close', () => {
    expect(didYouMean('state', [])).toBeUndefined();
    expect(didYouMean('xyz', ACTOR_KINDS)).toBeUndefined();
  });

  it('didYouMean(word, candidates) accepts any iterable, such as a Set', () => {
    expect(didYouMean('talibn', new Set(['pakistan', 'taliban', 'ttp']))).toBe('taliban');
  });
});
