// A hand-made three-actor case shared by the interop tests. Its expected exports are written
// out by hand in each test file: one tie of each sign (+ undirected, − directed, 0 directed),
// names that need escaping in CSV and XML, partial dates and sizes in one unit.
import { effectiveRelations } from '../../src/case/effective.js';
import { validateCaseData } from '../../src/case/load.js';
import type { Case } from '../../src/case/schema.js';

/** Alpha (state, 0.16, since 2001), Beta (regime, 0.04), Gamma (armed group, until 2019-06). */
export function threeActors(): Case {
  const result = validateCaseData({
    format: 'entente/1',
    id: 'three',
    title: 'Three <actors> & "ties"',
    sources: [
      { id: 's1', title: 'A report', author: 'An author', kind: 'report', date: '2012-04' },
    ],
    actors: [
      {
        id: 'A',
        name: `Alpha <&>"' é`,
        kind: 'state',
        size: { value: 0.16 },
        since: '2001',
      },
      { id: 'B', name: 'Beta, "the second"', kind: 'regime', size: { value: 0.04 } },
      { id: 'C', name: 'Gamma 中', kind: 'armed-group', until: '2019-06' },
    ],
    relations: [
      {
        id: 'r1',
        from: 'A',
        to: 'B',
        type: 'alliance',
        weight: 0.5,
        since: '2001',
        until: '2010',
        confidence: 0.9,
        evidence: [{ source: 's1', paragraph: 2, paraphrase: 'A and B signed a defence pact.' }],
      },
      {
        from: 'B',
        to: 'C',
        type: 'threat',
        weight: 0.7,
        since: '2015-03',
        assumption: true,
        rationale: 'analyst judgement',
      },
      {
        id: 'r3',
        from: 'A',
        to: 'C',
        type: 'territorial-presence',
        assumption: true,
        rationale: 'analyst judgement',
      },
    ],
  });
  if (!result.ok) throw new Error(`threeActors: ${JSON.stringify(result.issues)}`);
  return result.case;
}

/** What the graph formats carry of each relation, with sign and weight resolved. */
export const relationsOf = (c: Case) =>
  effectiveRelations(c).map(({ relation: r, sign, weight }) => ({
    id: r.id,
    from: r.from,
    to: r.to,
    type: r.type,
    sign,
    weight,
    since: r.since,
    until: r.until,
    confidence: r.confidence,
  }));
