/**
 * The core reports every failure as an EntenteError whose code names what happened (issue 10,
 * Deliver 4): no plain Error/RangeError/TypeError is thrown anywhere in the core's sources, and
 * representative throw sites carry the code their failure calls for.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  activeAt,
  ENTENTE_ERROR_CODES,
  EntenteError,
  type EntenteErrorCode,
  normalQuantile,
  signedGraph,
  sobolSequence,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { bruteForceFrustration } from '../src/analysis/frustration/brute-force.js';
import { SRC, sources } from './sources.js';

function codeOf(f: () => unknown): EntenteErrorCode | 'no error' | 'not an EntenteError' {
  try {
    f();
  } catch (e) {
    return e instanceof EntenteError ? e.code : 'not an EntenteError';
  }
  return 'no error';
}

describe('EntenteError', () => {
  it('core sources throw only EntenteError (no `throw new Error|RangeError|TypeError`)', () => {
    const offenders = sources(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /throw new (Error|RangeError|TypeError)\b/.test(line)
            ? [`${relative(SRC, file)}:${i + 1}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('every code used in the core sources is one of ENTENTE_ERROR_CODES', () => {
    const used = new Set<string>();
    for (const file of sources(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new EntenteError\(\s*'([a-z-]+)'/g)) {
        used.add(m[1]);
      }
    }
    expect(used.size).toBeGreaterThan(3);
    for (const code of used) expect(ENTENTE_ERROR_CODES).toContain(code);
  });

  it('a number outside its documented range is out-of-range', () => {
    expect(codeOf(() => normalQuantile(1.5))).toBe('out-of-range');
    expect(codeOf(() => sobolSequence(-1, 2))).toBe('out-of-range');
  });

  it('more than a stated bound is resource-limit', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const g = signedGraph([{ source: 'n0', target: 'n1', sign: 1 }], nodes);
    expect(codeOf(() => bruteForceFrustration(g, false))).toBe('resource-limit');
  });

  it('a name that does not exist is not-found', () => {
    expect(codeOf(() => signedGraph([{ source: 'a', target: 'z', sign: -1 }], ['a', 'b']))).toBe(
      'not-found',
    );
  });

  it('a malformed date is invalid-argument', () => {
    expect(codeOf(() => activeAt({}, '2021-02-29'))).toBe('invalid-argument');
  });
});
