import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dependency } from '../../../src/analysis/leverage/dependency.js';
import { loadCase } from '../../../src/case/load.js';
import type { Case } from '../../../src/case/schema.js';
import { EntenteError } from '../../../src/errors.js';
import { madeUpCase } from './made-up-case.js';

const ROOT = resolve(import.meta.dirname, '../../../../..');

function builtin(): Case {
  const r = loadCase(readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
  if (!r.ok) throw new Error('the built-in case does not load');
  return r.case;
}

describe('dependency(case, options) on a made-up case', () => {
  const c = madeUpCase();
  it('dependency(c, { at: "2021" }) gives r 2/3 of its support from s1 (aid 0.6 + dependency 0.4)', () => {
    const d = dependency(c, { at: '2021' });
    const r = d.actors.r;
    expect(r.total).toBeCloseTo(1.5, 12);
    expect(r.top?.patron).toBe('s1');
    expect(r.top?.share).toBeCloseTo(2 / 3, 12);
    expect(r.top?.relations).toEqual([0, 1]);
    expect(r.patrons.map((p) => [p.patron, p.weight])).toEqual([
      ['s1', 1],
      ['s2', 0.5],
    ]);
    // engagement (3) never counts; lobbying (13) ended in 2020.
    expect(r.relations).toEqual([0, 1, 2]);
  });
  it('dependency(c) without a date also counts the lobbying of 2020: s1 share 1/1.7', () => {
    const r = dependency(c).actors.r;
    expect(r.total).toBeCloseTo(1.7, 12);
    expect(r.top?.share).toBeCloseTo(1 / 1.7, 12);
    expect(r.patrons.find((p) => p.patron === 's3')?.relations).toEqual([13]);
  });
  it('dependency(c) counts undirected economic ties for both ends, unless undirected is false', () => {
    const d = dependency(c, { at: '2021' });
    expect(d.actors.s2.top).toEqual({ patron: 's3', weight: 0.3, share: 1, relations: [4] });
    expect(d.actors.s3.top?.patron).toBe('s2');
    expect(d.actors.g1).toEqual({ total: 0, patrons: [], top: null, relations: [] });
    expect(dependency(c, { at: '2021', undirected: false }).actors.s2.top).toBeNull();
  });
  it('dependency(c, { exclude: [] }) counts engagement as support', () => {
    const r = dependency(c, { at: '2021', exclude: [] }).actors.r;
    expect(r.total).toBeCloseTo(2.4, 12);
    expect(r.patrons.find((p) => p.patron === 's3')?.weight).toBeCloseTo(0.9, 12);
  });
  it('dependency(c, options) throws on an unknown layer or a bad date', () => {
    expect(() => dependency(c, { layers: ['economy' as 'economic'] })).toThrow(
      /^dependency: unknown layer/,
    );
    expect(() => dependency(c, { at: 'soon' })).toThrow(EntenteError);
  });
});

describe('dependency(case, options) on the built-in case', () => {
  it('dependency(builtin, { at: "2023" }): the Taliban’s top patron is the US (¶1 s3), because ¶1 s4 is counted once', () => {
    // Support to the Taliban in force in 2023 (engagement excluded), each relation at
    // weight × evidence share × confidence. ¶1 s4 backs 9 relations in force (8, 11–18), so each
    // of them gets 1/9 of it; ¶1 s3 backs 2 (9, 10), each gets 1/2.
    // Qatar: (hosting 0.8·0.8 + lobbying 0.6·0.6 + mediation 0.5·0.6) / 9 = 1.30 / 9
    // Pakistan: (0.3·0.3 + 0.6·0.6 + 0.5·0.6) / 9 = 0.75 / 9
    // US: aid 0.7·0.5·0.7 + dependency 0.5·0.5·0.5 = 0.245 + 0.125 = 0.37
    const qatar = 1.3 / 9;
    const pakistan = 0.75 / 9;
    const us = 0.37;
    const total = qatar + pakistan + us;
    const t = dependency(builtin(), { at: '2023' }).actors.taliban;
    expect(t.total).toBeCloseTo(total, 12);
    expect(t.top?.patron).toBe('us');
    expect(t.top?.share).toBeCloseTo(us / total, 12);
    expect(t.top?.relations).toEqual([9, 10]);
    expect(t.patrons.map((p) => p.patron)).toEqual(['us', 'qatar', 'pakistan']);
    expect(t.patrons[1].relations).toEqual([13, 15, 17]);
    expect(t.patrons[2].relations).toEqual([14, 16, 18]);
    expect(t.patrons[1].share).toBeCloseTo(qatar / total, 12);
  });
  it('dependency(builtin, { at: "2020" }): before the takeover only Qatar hosts the Taliban', () => {
    // ¶1 s4 backs only the hosting (13) in 2020: share 1, so 0.8 × 1 × confidence 0.8.
    const t = dependency(builtin(), { at: '2020' }).actors.taliban;
    expect(t.patrons).toEqual([{ patron: 'qatar', weight: 0.8 * 0.8, share: 1, relations: [13] }]);
  });
  it('without the evidence sharing Qatar would come first: the rule decides, not a weight', () => {
    const c = builtin();
    const unshared = { ...c, relations: c.relations.map(({ evidence: _, ...r }) => r) };
    // Qatar 0.8·0.8 + 0.6·0.6 + 0.5·0.6 = 1.30 against the US's 0.7·0.7 + 0.5·0.5 = 0.74.
    const t = dependency(unshared, { at: '2023' }).actors.taliban;
    expect(t.top?.patron).toBe('qatar');
    expect(t.top?.weight).toBeCloseTo(1.3, 12);
    expect(t.patrons.find((p) => p.patron === 'us')?.weight).toBeCloseTo(0.74, 12);
  });
});
