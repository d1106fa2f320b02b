/**
 * docs/model.md and the code stay equal: every parameter has a row with its symbol, meaning,
 * default, range, unit and source as the code gives them, and every numbered equation of the doc
 * is cited in the engine and vice versa.
 */
import { readFileSync } from 'node:fs';
import { MODEL_PARAMETERS, OBSERVATION_PARAMETERS } from '@entente/core';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../../../docs/model.md', import.meta.url), 'utf8');
const engine = readFileSync(new URL('../../src/simulation/engine.ts', import.meta.url), 'utf8');
// The kernel cites M1–M19 and H1–H4; the observation model's count (M20) lives beside it.
const code = [
  engine,
  readFileSync(new URL('../../src/calibration/observation.ts', import.meta.url), 'utf8'),
  readFileSync(new URL('../../src/calibration/history.ts', import.meta.url), 'utf8'),
].join('\n');

describe('docs/model.md', () => {
  it.each([...MODEL_PARAMETERS, ...OBSERVATION_PARAMETERS].map((p) => [p.id, p] as const))(
    'lists parameter %s as the code does',
    (id, p) => {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row, id).toBeDefined();
      const cells = (row as string).split(' | ');
      expect(cells[1]).toBe(p.symbol);
      expect(cells[2]).toBe(p.meaning);
      expect(cells[3]).toBe(String(p.default));
      expect(cells[4]).toBe(`[${p.range[0]}, ${p.range[1]}]`);
      expect(cells[5]).toBe(p.unit);
      expect(cells[6]).toBe(`${p.source} |`);
    },
  );

  it('numbers the same equations the engine cites', () => {
    const inDoc = new Set([...doc.matchAll(/\(M(\d+)\)/g)].map((m) => Number(m[1])));
    const inCode = new Set([...code.matchAll(/\bM(\d+)\b/g)].map((m) => Number(m[1])));
    expect([...inDoc].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect([...inCode].sort((a, b) => a - b)).toEqual([...inDoc].sort((a, b) => a - b));
  });

  it('numbers the history rules H1–H4 the engine cites', () => {
    const inDoc = new Set([...doc.matchAll(/\(H(\d+)\)/g)].map((m) => Number(m[1])));
    const inCode = new Set([...engine.matchAll(/\bH(\d+)\b/g)].map((m) => Number(m[1])));
    expect([...inDoc].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect([...inCode].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the section the integrator fills for the --json contract', () => {
    expect(doc).toContain('## Exploration and the --json contract');
  });
});
