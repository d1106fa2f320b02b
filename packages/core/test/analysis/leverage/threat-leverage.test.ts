import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threatLeverage } from '../../../src/analysis/leverage/threat-leverage.js';
import { loadCase } from '../../../src/case/load.js';
import type { Case } from '../../../src/case/schema.js';
import { madeUpCase } from './made-up-case.js';

const ROOT = resolve(import.meta.dirname, '../../../../..');

function builtin(): Case {
  const r = loadCase(readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
  if (!r.ok) throw new Error('the built-in case does not load');
  return r.case;
}

describe('threatLeverage(case, options) on a made-up case', () => {
  const c = madeUpCase();
  it('threatLeverage(c, { at: "2021" }): L(r, s1) = 0.5·0.8 + 1·0.5 = 0.9, L(r, s2) = 0.5·0.2', () => {
    const L = threatLeverage(c, { at: '2021' });
    expect(Object.keys(L.leverage)).toEqual(['r']);
    expect(L.leverage.r.s1.value).toBeCloseTo(0.9, 12);
    expect(L.leverage.r.s1.relations).toEqual([5, 6, 7, 9]);
    expect(L.leverage.r.s1.via).toEqual([
      { group: 'g2', control: 1, threat: 0.5, contribution: 0.5, relations: [6, 9] },
      { group: 'g1', control: 0.5, threat: 0.8, contribution: 0.4, relations: [5, 7] },
    ]);
    expect(L.leverage.r.s2.value).toBeCloseTo(0.1, 12);
    // g2's threat to s3 starts in 2022.
    expect(L.leverage.r.s3).toBeUndefined();
    expect(L.pairs.map((p) => p.target)).toEqual(['s1', 's2']);
  });
  it('threatLeverage(c, { at: "2023" }) adds L(r, s3) = 1·0.6', () => {
    expect(threatLeverage(c, { at: '2023' }).leverage.r.s3.value).toBeCloseTo(0.6, 12);
  });
  it('threatLeverage(c, { control }) counts territorial presence when given a factor', () => {
    const L = threatLeverage(c, {
      at: '2021',
      control: {
        harbouring: { direction: 'regime-to-group', factor: 1 },
        'territorial-presence': { direction: 'group-to-regime', factor: 1 },
      },
    });
    // h(r, g1) = 0.5 + 0.4 = 0.9 → L(r, s1) = 0.9·0.8 + 0.5 = 1.22; L(r, s2) = 0.9·0.2.
    expect(L.leverage.r.s1.value).toBeCloseTo(1.22, 12);
    expect(L.leverage.r.s2.value).toBeCloseTo(0.18, 12);
    expect(L.leverage.r.s1.relations).toEqual([5, 6, 7, 9, 10]);
  });
  it('threatLeverage(c, { control }) throws on a negative factor', () => {
    expect(() =>
      threatLeverage(c, { control: { harbouring: { direction: 'regime-to-group', factor: -1 } } }),
    ).toThrow(/^threatLeverage: control factor of "harbouring"/);
  });
});

describe('threatLeverage(case, options) on the built-in case', () => {
  it('threatLeverage(builtin, { at: "2023" }): the Taliban’s leverage via IS-K, TTP and ETIM', () => {
    // Harbouring: IS-K 0.4 (50), TTP 0.7 (51), ETIM 0.5 (52). Threats: IS-K → Iran 0.8 (23),
    // Russia 0.8 (24), US 0.4 (25), China 0.4 (26), Afghan people 0.7 (30); TTP → Pakistan 0.9
    // (27); ETIM → China 0.4 (29). China: 0.4·0.4 via IS-K + 0.5·0.4 via ETIM = 0.36.
    const L = threatLeverage(builtin(), { at: '2023' }).leverage.taliban;
    const value = (s: string) => L[s].value;
    expect(value('pakistan')).toBeCloseTo(0.63, 12);
    expect(value('russia')).toBeCloseTo(0.32, 12);
    expect(value('iran')).toBeCloseTo(0.32, 12);
    expect(value('china')).toBeCloseTo(0.36, 12);
    expect(value('us')).toBeCloseTo(0.16, 12);
    expect(L.us.relations).toEqual([25, 50]);
    expect(L.pakistan.relations).toEqual([27, 51]);
    expect(L.china.relations).toEqual([26, 29, 50, 52]);
    expect(L.china.via.map((v) => v.group)).toEqual(['etim', 'isk']);
    expect(L.pakistan.via.map((v) => v.group)).toEqual(['ttp']);
  });
  it('threatLeverage(builtin, { at: "2019" }): the Republic harbours IS-K (0.2) before the takeover', () => {
    const L = threatLeverage(builtin(), { at: '2019' }).leverage;
    expect(L.taliban).toBeUndefined();
    // IS-K threatens Russia since 2015 (24, 0.8): 0.2 · 0.8.
    expect(L.republic.russia.value).toBeCloseTo(0.16, 12);
    expect(L.republic.russia.relations).toEqual([24, 60]);
  });
});
