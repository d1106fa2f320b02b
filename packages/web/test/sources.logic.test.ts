/**
 * The Sources tab's pure logic (src/sources.ts): the highlighted segments of a text, the review
 * made of the analyst's decisions (and that `applyReview` merges exactly the accepted ones), and
 * the sentence an evidence item cites from a held text. Hand-checked values on a short text read
 * by the real extractor, and fast-check properties of the segmentation.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadCase } from '@entente/core';
import { applyReview, type Extraction, extract } from '@entente/extract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedCount,
  citedSentence,
  decide,
  type HeldText,
  heldTextFor,
  initialDecisions,
  reviewOf,
  segmentText,
} from '../src/sources.js';

const HOSTS = 'Qatar hosts the Taliban political office.';
const DEAL = 'China signed a trade deal with Iran.';
const ATTACK = 'Russia attacked IS-K.';
const TEXT = `${HOSTS}\n\n${DEAL}\n\n${ATTACK}\n`;

async function builtin() {
  const path = fileURLToPath(new URL('../../../cases/afghanistan-2023.yaml', import.meta.url));
  const loaded = loadCase(await readFile(path, 'utf8'));
  if (!loaded.ok) throw new Error('the built-in case does not load');
  return loaded.case;
}

describe('Sources tab logic', () => {
  it('segments join back into the text; mentions, sentences and cues are where the extraction says', async () => {
    const x = extract(TEXT, { caseData: await builtin(), date: '2024-03-01' });
    expect(x.proposals.map((p) => p.evidence.text.trim())).toEqual([HOSTS, DEAL, ATTACK]);
    const segs = segmentText(TEXT, x);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    // Each non-place mention is exactly one run of segments naming its actor.
    const named = segs.filter((s) => s.actor !== null).map((s) => `${s.actor}:${s.text}`);
    expect(named).toEqual([
      'qatar:Qatar',
      'taliban:Taliban',
      'china:China',
      'iran:Iran',
      'russia:Russia',
      'isk:IS-K',
    ]);
    // The blank lines between the paragraphs lie in no relation sentence.
    const gaps = segs.filter((s) => s.proposals.length === 0).map((s) => s.text);
    expect(gaps.every((g) => g.trim() === '')).toBe(true);
    const cues = segs.filter((s) => s.cue).map((s) => s.text.toLowerCase());
    expect(cues).toEqual(['hosts', 'deal', 'attacked']);
  });

  it('the review carries the decisions, and applyReview merges exactly the accepted ones', async () => {
    const c = await builtin();
    const x = extract(TEXT, { caseData: c, date: '2024-03-01' });
    const [p1, p2, p3] = x.proposals.map((p) => p.id) as [string, string, string];
    let ds = initialDecisions(x);
    expect(ds.every((d) => d.status === 'pending')).toBe(true);
    ds = decide(ds, p1, { status: 'accepted' });
    ds = decide(ds, p2, { status: 'rejected' });
    ds = decide(ds, p3, {
      status: 'accepted',
      type: 'threat',
      sign: -1,
      from: 'isk',
      to: 'russia',
    });
    expect(acceptedCount(ds)).toBe(2);
    const review = reviewOf(x, ds);
    expect(review.proposals.map((p) => p.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(review.proposals[2]).toMatchObject({ from: 'isk', to: 'russia', type: 'threat' });
    // The extraction itself is not changed.
    expect(x.proposals.every((p) => p.status === 'pending')).toBe(true);
    const merged = applyReview(c, review);
    const cited = merged.relations.filter((r) =>
      (r.evidence ?? []).some((e) => e.source === x.document.id),
    );
    expect(cited.map((r) => `${r.from}-${r.type}-${r.to}`).sort()).toEqual([
      'isk-threat-russia',
      'qatar-hosting-taliban',
    ]);
  });

  it('new actors an accepted proposal needs are accepted in the review', () => {
    const x: Extraction = extract('Kiribati signed a trade deal with Tuvalu.', { date: '2024' });
    expect(x.proposals).toHaveLength(1);
    const ds = decide(initialDecisions(x), x.proposals[0]?.id ?? '', { status: 'accepted' });
    const review = reviewOf(x, ds);
    const needed = new Set([review.proposals[0]?.from, review.proposals[0]?.to]);
    for (const a of review.newActors) {
      expect(a.status).toBe(needed.has(a.id) ? 'accepted' : 'pending');
    }
    const merged = applyReview({ ...emptyCase() }, review);
    expect(merged.relations).toHaveLength(1);
  });

  it('finds a held text by id or by the SHA-256 prefix of a doc-<hex> id, and quotes its span', () => {
    const held: HeldText[] = [
      { id: 'doc-0123abcd', sha256: `0123abcd${'0'.repeat(56)}`, name: 'a', text: 'A  b.\nC d.' },
      { id: 'essay', sha256: `ffee${'1'.repeat(60)}`, name: 'b', text: 'X.' },
    ];
    expect(heldTextFor('doc-0123abcd', held)?.name).toBe('a');
    expect(heldTextFor('essay', held)?.name).toBe('b');
    expect(heldTextFor('doc-ffee1111', held)?.name).toBe('b');
    expect(heldTextFor('doc-99999999', held)).toBeNull();
    expect(heldTextFor('other', held)).toBeNull();
    const e = { source: 'doc-0123abcd', paraphrase: 'p', span: [0, 10] as [number, number] };
    expect(citedSentence(e, held)).toBe('A b. C d.');
    expect(citedSentence({ ...e, span: [0, 99] }, held)).toBeNull();
    expect(citedSentence({ source: 'doc-0123abcd', paraphrase: 'p' }, held)).toBeNull();
  });

  it('property: segments partition the text, and each carries what a brute-force scan finds over it', () => {
    const span = fc
      .tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }))
      .map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);
    const mention = fc.record({ actor: fc.constantFrom('a', 'b', 'c'), span, place: fc.boolean() });
    const proposal = fc.record({ sentence: span, cue: span });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(mention, { maxLength: 6 }),
        fc.array(proposal, { maxLength: 5 }),
        (text, mentions, proposals) => {
          const x = {
            mentions,
            proposals: proposals.map((p, i) => ({
              id: `p${i}`,
              evidence: { span: p.sentence, cue: { span: p.cue } },
            })),
          } as unknown as Extraction;
          const segs = segmentText(text, x);
          expect(segs.map((s) => s.text).join('')).toBe(text);
          for (const [i, s] of segs.entries()) {
            expect(s.end).toBeGreaterThan(s.start);
            if (i > 0) expect(s.start).toBe(segs[i - 1]?.end);
            // Brute force: what covers the segment's first character.
            const covers = (sp: readonly number[]) =>
              (sp[0] ?? 0) <= s.start && s.start < (sp[1] ?? 0);
            expect(s.actor).toBe(mentions.find((m) => !m.place && covers(m.span))?.actor ?? null);
            expect(s.proposals).toEqual(
              proposals.flatMap((p, k) => (covers(p.sentence) ? [`p${k}`] : [])),
            );
            expect(s.cue).toBe(proposals.some((p) => covers(p.cue)));
          }
        },
      ),
    );
  });
});

/** A valid case with no actors or relations (to merge a review into). */
function emptyCase() {
  const loaded = loadCase('format: entente/1\nid: empty\ntitle: Empty\nactors: []\n');
  if (!loaded.ok) throw new Error(`the empty case does not load: ${JSON.stringify(loaded.issues)}`);
  return loaded.case;
}
