import { EntenteError } from '@entente/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildActorIndex, createReader, extract } from '../src/index.js';

const reader = createReader();
const actorIndex = buildActorIndex();
const WORDS = [
  'Iran',
  'Russia',
  'the',
  'Taliban',
  'ISSK',
  'IS-K',
  'U.S.',
  'TTP',
  'Pakistan',
  'is',
  'are',
  'worried',
  'about',
  'not',
  'fought',
  'with',
  'and',
  ',',
  '.',
  ';',
  'may',
  'in',
  'Kabul',
  'Uyghurs',
  'militants',
  'since',
  '2015',
  'threat',
  'of',
  'working',
  '(',
  ')',
  '‘s',
  '\n\n',
  'Zorblax',
  'said',
  'café',
  '🙂',
];

describe('extract(text) on generated texts', () => {
  it('never throws, and every span points at the text it reports', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), (words) => {
        const text = words.join(' ');
        const x = extract(text, { reader, actorIndex, date: '2023-05-01' });
        for (const m of x.mentions)
          expect(text.slice(m.span[0], m.span[1]).replace(/\s+/g, ' ')).toBe(m.text);
        for (const p of x.proposals) {
          expect(text.slice(p.evidence.span[0], p.evidence.span[1])).toBe(p.evidence.text);
          expect(text.slice(p.evidence.cue.span[0], p.evidence.cue.span[1])).toBe(
            p.evidence.cue.text,
          );
          expect(p.from).not.toBe(p.to);
          expect(p.confidence).toBeGreaterThan(0);
          expect(p.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('any string either extracts or fails with an EntenteError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        try {
          extract(text, { reader, actorIndex });
        } catch (error) {
          expect(error).toBeInstanceOf(EntenteError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
