import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test-support/shared-data.js';
import { activeAt, type Case, effectiveRelations, loadCase } from '../src/index.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ESSAY_FILE = 'seed/coalition-of-enemies.txt';
const COW_FILE = 'data/capabilities/cow-nmc-6.0-abridged.csv';
const ESSAY = sharedPath(ESSAY_FILE);
const COW = sharedPath(COW_FILE);

function builtin(): Case {
  const result = loadCase(readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  expect(result.issues).toEqual([]);
  return result.case;
}

const c = builtin();
const rels = effectiveRelations(c);
const has = (from: string, type: string, to: string) =>
  c.relations.some((r) => r.from === from && r.type === type && r.to === to);

describe('the built-in case encodes the essay (PRODUCT.md checklist)', () => {
  it('holds the essay’s actors with their kinds', () => {
    const kinds = Object.fromEntries(c.actors.map((a) => [a.id, a.kind]));
    for (const s of ['us', 'china', 'russia', 'iran', 'pakistan', 'qatar'])
      expect(kinds[s]).toBe('state');
    expect(kinds.taliban).toBe('regime');
    for (const g of ['isk', 'ttp', 'etim']) expect(kinds[g]).toBe('armed-group');
    expect(kinds.opposition).toBe('opposition');
    expect(kinds['afghan-people']).toBe('population');
    expect(kinds.nato).toBe('organisation');
    expect(c.actors.find((a) => a.id === 'isk')?.aliases).toContain('ISSK');
  });

  it('¶1: China, Russia, Iran hold partial stakes; US, Qatar, Pakistan compete for exclusive ones', () => {
    for (const s of ['china', 'russia', 'iran'])
      expect(has(s, 'stake-partial', 'taliban')).toBe(true);
    for (const s of ['us', 'qatar', 'pakistan'])
      expect(has(s, 'stake-exclusive', 'taliban')).toBe(true);
  });

  it('¶1: US aid and the Taliban’s dependency on Washington; Qatar and Pakistan as patrons', () => {
    expect(has('us', 'aid', 'taliban')).toBe(true);
    expect(has('taliban', 'dependency', 'us')).toBe(true);
    for (const s of ['qatar', 'pakistan']) {
      const types = c.relations
        .filter((r) => r.from === s && r.to === 'taliban')
        .map((r) => r.type);
      expect(types).toEqual(expect.arrayContaining(['hosting', 'lobbying', 'mediation']));
    }
  });

  it('¶2, ¶7: the security layer — who fears which group; Qatar outside it', () => {
    for (const s of ['iran', 'russia', 'us']) expect(has('isk', 'threat', s)).toBe(true);
    expect(has('ttp', 'threat', 'pakistan')).toBe(true);
    expect(has('etim', 'threat', 'china')).toBe(true);
    const qatarSecurity = rels.filter(
      (r) => r.layer === 'security' && (r.relation.from === 'qatar' || r.relation.to === 'qatar'),
    );
    expect(qatarSecurity).toEqual([]);
  });

  it('¶2, ¶4: enemies cooperate with the Taliban against IS-K yet are hostile to each other', () => {
    const ct = (s: string) =>
      c.relations.some(
        (r) =>
          r.type === 'counter-terrorism-cooperation' &&
          [r.from, r.to].includes(s) &&
          [r.from, r.to].includes('taliban'),
      );
    for (const s of ['us', 'russia', 'china', 'iran']) expect(ct(s)).toBe(true);
    const hostile = (a: string, b: string) =>
      rels.some(
        (r) =>
          r.sign < 0 && [r.relation.from, r.relation.to].sort().join() === [a, b].sort().join(),
      );
    expect(hostile('us', 'russia')).toBe(true);
    expect(hostile('us', 'china')).toBe(true);
  });

  it('¶7: the Taliban harbour the groups that threaten their partners', () => {
    for (const g of ['isk', 'ttp', 'etim']) expect(has('taliban', 'harbouring', g)).toBe(true);
  });

  it('time: Russia’s 2015 declaration falls in the Republic era; the Republic ends in August 2021', () => {
    const russiaCt = c.relations.find(
      (r) =>
        r.type === 'counter-terrorism-cooperation' &&
        [r.from, r.to].includes('russia') &&
        [r.from, r.to].includes('taliban'),
    );
    expect(russiaCt?.since).toBe('2015');
    expect(activeAt(russiaCt ?? {}, '2016')).toBe(true);
    const republic = c.actors.find((a) => a.id === 'republic');
    expect(activeAt(republic ?? {}, '2019')).toBe(true);
    expect(activeAt(republic ?? {}, '2022')).toBe(false);
    const periods = (c.periods ?? []).map((p) => p.id);
    expect(periods).toEqual(expect.arrayContaining(['republic', 'takeover', 'present']));
  });

  it('the essay’s claims are recorded as claims (hypotheses), each with evidence', () => {
    expect((c.claims ?? []).length).toBeGreaterThanOrEqual(5);
    for (const claim of c.claims ?? []) expect(claim.evidence?.length ?? 0).toBeGreaterThan(0);
    expect((c.mechanisms ?? []).length).toBeGreaterThanOrEqual(7);
  });

  it('at least 90% of relations carry evidence; every other one is a marked assumption', () => {
    const withEvidence = c.relations.filter((r) => (r.evidence?.length ?? 0) > 0).length;
    expect(withEvidence / c.relations.length).toBeGreaterThanOrEqual(0.9);
    for (const r of c.relations) {
      if ((r.evidence?.length ?? 0) === 0) expect(r.assumption, r.id).toBe(true);
    }
  });
});

/** Body paragraphs of the essay (title and by-line dropped), each split into sentences. */
function essaySentences(text: string): string[][] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return paragraphs.slice(2).map((p) => p.split(/(?<=[.!?])\s+(?=[A-Z])/));
}

const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

function shingles(s: string, n: number): Set<string> {
  const w = words(s);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

describeShared(ESSAY_FILE, 'the built-in case cites the essay correctly', () => {
  const essay = readFileSync(ESSAY, 'utf8');
  const paragraphs = essaySentences(essay);
  const evidence = [
    ...c.relations.flatMap((r) => r.evidence ?? []),
    ...(c.mechanisms ?? []).flatMap((m) => m.evidence ?? []),
    ...(c.claims ?? []).flatMap((m) => m.evidence ?? []),
    ...(c.alignments ?? []).flatMap((a) => a.evidence ?? []),
  ].filter((e) => e.source === 'essay');

  it('the essay has eight body paragraphs', () => {
    expect(paragraphs.length).toBe(8);
  });

  it('every cited paragraph and sentence exists', () => {
    expect(evidence.length).toBeGreaterThan(50);
    for (const e of evidence) {
      const p = paragraphs[(e.paragraph ?? 0) - 1];
      expect(p, `paragraph ${e.paragraph}`).toBeDefined();
      if (e.sentence !== undefined)
        expect(p?.[e.sentence - 1], `¶${e.paragraph} s${e.sentence}`).toBeDefined();
    }
  });

  it('cites every paragraph from ¶1 to ¶8', () => {
    expect(new Set(evidence.map((e) => e.paragraph))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('paraphrases are our own words: none shares six consecutive words with the essay', () => {
    const essayShingles = shingles(essay, 6);
    const texts = [
      ...evidence.map((e) => e.paraphrase ?? ''),
      ...(c.mechanisms ?? []).map((m) => m.description),
      ...(c.claims ?? []).map((m) => m.statement),
    ];
    for (const t of texts) {
      const copied = [...shingles(t, 6)].filter((s) => essayShingles.has(s));
      expect(copied, t).toEqual([]);
    }
  });
});

describeShared(COW_FILE, 'state sizes are COW NMC v6.0 CINC scores of the latest year', () => {
  it('each state’s size equals its CINC in the file’s latest year', () => {
    const rows = readFileSync(COW, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const latest = Math.max(...rows.map((r) => Number(r[2])));
    const cinc = new Map(
      rows.filter((r) => Number(r[2]) === latest).map((r) => [r[0], Number(r[9])]),
    );
    const abb: Record<string, string> = {
      us: 'USA',
      china: 'CHN',
      russia: 'RUS',
      iran: 'IRN',
      pakistan: 'PAK',
      qatar: 'QAT',
    };
    for (const [id, code] of Object.entries(abb)) {
      const size = c.actors.find((a) => a.id === id)?.size;
      expect(size?.unit).toBe('cinc');
      expect(size?.year).toBe(latest);
      expect(size?.source).toBe('cow-nmc-6');
      expect(size?.value).toBeCloseTo(cinc.get(code) ?? Number.NaN, 9);
    }
  });
});
