import { parseCase } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { createReader, extract, resolveDates } from '../src/index.js';

const reader = createReader();
const CASE = parseCase(`
format: entente/1
id: t
title: T
actors:
  - { id: isk, name: Islamic State–Khorasan, kind: armed-group, aliases: [ISSK] }
  - { id: iran, name: Iran, kind: state }
  - { id: taliban, name: Taliban, kind: regime }
relations:
  - { from: taliban, to: isk, type: armed-conflict }
`);

describe('extract(text, options)', () => {
  it('finds actors with exact spans, the case first, then the gazetteer', () => {
    const text = 'Iran is worried about ISSK.\n\nPakistan is concerned about the TTP.';
    const x = extract(text, { caseData: CASE, reader });
    for (const m of x.mentions) expect(text.slice(m.span[0], m.span[1])).toBe(m.text);
    expect(x.mentions.map((m) => [m.actor, m.origin, m.paragraph])).toEqual([
      ['iran', 'case', 1],
      ['isk', 'case', 1],
      ['pakistan', 'gazetteer', 2],
      ['tehrik-i-taliban-pakistan', 'gazetteer', 2],
    ]);
    // "Pakistan is" is never read as the demonym "Pakistanis".
    expect(x.mentions[2]?.text).toBe('Pakistan');
  });

  it('"X is worried about Y" proposes Y threatens X, with the sentence as evidence', () => {
    const text = 'A Title\n\nIran is worried about ISSK.';
    const x = extract(text, { caseData: CASE, reader, documentId: 'doc' });
    expect(x.document.title).toBe('A Title');
    expect(x.proposals).toHaveLength(1);
    const p = x.proposals[0];
    expect(p).toMatchObject({
      from: 'isk',
      to: 'iran',
      type: 'threat',
      sign: -1,
      status: 'pending',
      confidence: 0.7,
      against: { verdict: 'new' },
    });
    expect(p?.evidence).toMatchObject({
      paragraph: 1,
      sentence: 1,
      span: [9, 36],
      text: 'Iran is worried about ISSK.',
      cue: { text: 'worried', span: [17, 24] },
      rule: 'cue:worried',
    });
    expect(p?.evidence.sha256).toBe(x.document.sha256);
  });

  it('negation halves confidence and hedging multiplies it by 0.7', () => {
    const plain = extract('The Taliban fought ISSK.', { reader, caseData: CASE });
    const negated = extract('The Taliban did not fight ISSK.', { reader, caseData: CASE });
    const hedged = extract('The Taliban may have fought ISSK.', { reader, caseData: CASE });
    expect(plain.proposals[0]).toMatchObject({ type: 'armed-conflict', sign: -1, confidence: 0.7 });
    expect(plain.proposals[0]?.against?.verdict).toBe('confirming');
    expect(negated.proposals[0]?.confidence).toBe(0.35);
    expect(negated.proposals[0]?.evidence.hedges).toContain('not');
    expect(hedged.proposals[0]?.confidence).toBe(0.49);
  });

  it('co-ordinated actors are not related to each other, unless a reciprocal cue says so', () => {
    const x = extract('China, Russia and Iran have a stake in the Taliban.', { reader });
    expect(x.proposals.map((p) => `${p.from}>${p.to}:${p.type}`)).toEqual([
      'china>taliban:stake-partial',
      'russia>taliban:stake-partial',
      'iran>taliban:stake-partial',
    ]);
    const rivals = extract('Qatar and Pakistan are competing for control.', { reader });
    expect(rivals.proposals.map((p) => `${p.from}>${p.to}:${p.type}:${p.sign}`)).toEqual([
      'qatar>pakistan:rivalry:-1',
    ]);
  });

  it('"Uyghurs" stands for ETIM only beside words of armed conflict', () => {
    const militants = extract('The Uyghurs are threatening China.', { reader });
    const people = extract('The Uyghurs celebrated a festival in China.', { reader });
    expect(militants.mentions.map((m) => m.actor)).toEqual([
      'east-turkestan-islamic-movement',
      'china',
    ]);
    expect(people.mentions.map((m) => m.actor)).toEqual(['china']);
  });

  it('a country after a preposition of place is a place, and relates to nothing', () => {
    const x = extract('Qatar sent a delegation to Kabul and to Afghanistan.', { reader });
    expect(x.mentions.map((m) => [m.text, m.place])).toEqual([
      ['Qatar', false],
      ['Kabul', true],
      ['Afghanistan', true],
    ]);
    expect(x.proposals).toEqual([]);
  });

  it('offers unknown proper-noun runs as new actors, never typed', () => {
    const x = extract('Iran met the Zorblax Liberation Council on Monday.', { reader });
    expect(x.newActors).toContainEqual(
      expect.objectContaining({
        name: 'Zorblax Liberation Council',
        origin: 'unknown',
        kind: null,
      }),
    );
  });
});

describe('resolveDates(text, documentDate)', () => {
  it('resolves absolute and relative dates against the document date', () => {
    expect(resolveDates('Since 2015, Russia has talked to them.', '2023-06-10')).toEqual([
      { text: 'Since 2015', value: '2015', role: 'since' },
    ]);
    expect(resolveDates('In March 2021 they met; yesterday they met again.', '2023-03-01')).toEqual(
      [
        { text: 'In March 2021', value: '2021-03', role: 'at' },
        { text: 'yesterday', value: '2023-02-28', role: 'at' },
      ],
    );
    expect(resolveDates('Over the past two years all of these groups grew.', '2023')).toEqual([
      { text: 'Over the past two years', value: '2021', role: 'since' },
    ]);
    expect(resolveDates('this year', undefined)).toEqual([]);
  });
});
