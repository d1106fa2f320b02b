import { readFileSync } from 'node:fs';
import { parseCase, validateCaseData } from '@entente/core';
import { expect, it } from 'vitest';
// @ts-expect-error: a JavaScript script without types
import { evaluateEssay, evaluatePlover } from '../../../scripts/eval-extract.js';
import { describeShared, SHARED_ROOT, sharedPath } from '../../../test-support/shared-data.js';
import { applyReview, createReader, extract } from '../src/index.js';

const ESSAY = 'seed/coalition-of-enemies.txt';
const PLOVER = 'data/text/PLOVER_GSR_CAMEO.txt';
const reader = createReader();

describeShared(ESSAY, 'extract on the essay', () => {
  const text = readFileSync(sharedPath(ESSAY), 'utf8');
  const empty = parseCase('format: entente/1\nid: empty\ntitle: Empty\nactors: []\n');

  it('every proposal quotes its sentence, and its cue lies inside it', () => {
    const x = extract(text, { date: '2023', reader });
    expect(x.proposals.length).toBeGreaterThan(30);
    for (const p of x.proposals) {
      const [a, b] = p.evidence.span;
      expect(text.slice(a, b)).toBe(p.evidence.text);
      expect(p.evidence.cue.span[0]).toBeGreaterThanOrEqual(a);
      expect(p.evidence.cue.span[1]).toBeLessThanOrEqual(b);
      expect(text.slice(...p.evidence.cue.span)).toBe(p.evidence.cue.text);
    }
  });

  it('applyReview(empty case, every proposal and actor accepted) validates', () => {
    const x = extract(text, { date: '2023', caseData: empty, reader });
    const review = {
      ...x,
      proposals: x.proposals.map((p) => ({ ...p, status: 'accepted' })),
      newActors: x.newActors.map((a) => ({ ...a, status: 'accepted' })),
    };
    const merged = applyReview(empty, review);
    expect(validateCaseData(merged).ok).toBe(true);
    expect(merged.sources.map((s) => s.id)).toEqual([x.document.id]);
    expect(merged.relations.length).toBeGreaterThan(20);
    for (const r of merged.relations) {
      for (const e of r.evidence ?? [])
        expect(text.slice(...(e.span ?? [0, 0])).length).toBeGreaterThan(0);
    }
  });

  it('applyReview with nothing accepted returns the case unchanged; a rejected actor blocks its proposals', () => {
    const x = extract(text, { date: '2023', caseData: empty, reader });
    expect(applyReview(empty, x)).toBe(empty);
    const p = x.proposals[0];
    if (!p) throw new Error('no proposal');
    const review = {
      ...x,
      proposals: [{ ...p, status: 'accepted' }],
      newActors: x.newActors.map((a) => ({
        ...a,
        status: a.id === p.from ? 'rejected' : 'pending',
      })),
    };
    expect(() => applyReview(empty, review)).toThrow(/rejected/);
  });

  it('the essay metrics stay above their floors (docs/extraction.md has the numbers)', () => {
    const r = evaluateEssay({ shared: SHARED_ROOT, reader });
    expect(r.withCase.pairs.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.withCase.signedPairs.precision).toBeGreaterThanOrEqual(0.7);
    expect(r.withCase.mentions.f1).toBeGreaterThanOrEqual(0.85);
    expect(r.gazetteerOnly.pairs.recall).toBeGreaterThanOrEqual(0.75);
  });
});

describeShared(PLOVER, 'extract on the PLOVER gold-standard records', () => {
  it('polarity accuracy and actor recall stay above their floors', () => {
    const r = evaluatePlover({ shared: SHARED_ROOT, reader });
    expect(r.records).toBe(322);
    expect(r.polarityAccuracy).toBeGreaterThanOrEqual(0.72);
    expect(r.actorRecall).toBeGreaterThanOrEqual(0.7);
  });
});
