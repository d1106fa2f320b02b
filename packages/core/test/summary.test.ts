import { describe, expect, it } from 'vitest';
import { type Case, loadCase, summarizeCase } from '../src/index.js';

const TEXT = `
format: entente/1
id: tiny
title: Tiny
sources:
  - {id: s, title: S, author: A, kind: report, date: 2020}
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state, until: 2010}
  - {id: g, name: G, kind: armed-group}
periods:
  - {id: early, label: Early, start: 2000, end: 2009}
  - {id: late, label: Late, start: 2015}
relations:
  - {from: a, to: b, type: alliance, until: 2009, evidence: [{source: s, paragraph: 1, paraphrase: p}]}
  - {from: g, to: a, type: threat, since: 2012, evidence: [{source: s, paragraph: 2, paraphrase: q}]}
  - {from: g, to: b, type: territorial-presence, assumption: true, rationale: r}
  - {from: a, to: g, type: armed-conflict, sign: -1, since: 2016, weight: 0.5, assumption: true, rationale: r}
`;

function tiny(): Case {
  const r = loadCase(TEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.case;
}

describe('summarizeCase', () => {
  it('summarizeCase(case) counts by kind, layer, sign, period and evidence (hand-counted)', () => {
    const s = summarizeCase(tiny());
    expect(s.actors.total).toBe(3);
    expect(s.actors.byKind.state.map((a) => a.id)).toEqual(['a', 'b']);
    expect(s.actors.byKind['armed-group'].map((a) => a.id)).toEqual(['g']);
    expect(s.relations.total).toBe(4);
    expect(s.relations.bySign).toEqual({ positive: 1, negative: 2, neutral: 1 });
    expect(s.relations.byLayer).toEqual({
      diplomatic: 0,
      economic: 0,
      security: 2,
      hostility: 1,
      control: 1,
    });
    // early 2000–2009: alliance (until 2009) and the undated presence; late 2015–: threat, presence, conflict.
    expect(s.relations.byPeriod.map((p) => [p.id, p.total])).toEqual([
      ['early', 2],
      ['late', 3],
    ]);
    expect(s.evidence).toEqual({
      relationsWithEvidence: 2,
      coverage: 0.5,
      assumptions: 2,
      unsupported: 0,
      items: 2,
      sourcesCited: ['s'],
    });
  });

  it('summarizeCase(case, { at }) keeps only what is in force at the date', () => {
    const s = summarizeCase(tiny(), { at: '2012' });
    expect(s.at).toBe('2012');
    expect(s.actors.byKind.state.map((a) => a.id)).toEqual(['a']);
    // In 2012: the threat (since 2012); the undated presence points at b, gone since 2010.
    expect(s.relations.total).toBe(1);
  });

  it('summarizeCase throws an invalid-argument EntenteError on a malformed date', () => {
    expect(() => summarizeCase(tiny(), { at: '2012-13' })).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });
});
