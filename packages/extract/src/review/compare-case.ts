/**
 * How each proposal stands against a case: `confirming` when the case already has a relation
 * between the same two actors with the same sign, `conflicting` when it has one with the other
 * sign only, `new` otherwise. Signs are effective signs (a relation's own, else its type's).
 */
import { type Case, resolveVocabulary } from '@entente/core';
import type { Extraction } from '../extract.js';

/** The extraction with `against` filled in on every proposal. */
export function compareWithCase(extraction: Extraction, caseData: Case): Extraction {
  const vocabulary = resolveVocabulary(caseData.vocabulary ?? []);
  const byPair = new Map<string, { id: string; sign: number }[]>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const r of caseData.relations) {
    const sign = r.sign ?? vocabulary.get(r.type)?.sign ?? 0;
    const list = byPair.get(pairKey(r.from, r.to)) ?? [];
    list.push({ id: r.id ?? `${r.from}→${r.to}:${r.type}`, sign });
    byPair.set(pairKey(r.from, r.to), list);
  }
  return {
    ...extraction,
    proposals: extraction.proposals.map((p) => {
      const existing = byPair.get(pairKey(p.from, p.to)) ?? [];
      const same = existing.filter((r) => r.sign === p.sign);
      const verdict =
        existing.length === 0 ? 'new' : same.length > 0 ? 'confirming' : 'conflicting';
      const relations = (same.length > 0 ? same : existing).map((r) => r.id);
      return { ...p, against: { verdict, relations } };
    }),
  };
}
