/**
 * Resolves each relation of a case against the vocabulary: the sign, layer, directedness and
 * weight that analyses, summaries and exports use. An explicit `sign` on a relation overrides
 * its type's default; a missing `weight` counts as 1.
 *
 * It also gives each relation what the analyses weigh it by (docs/analysis.md, "Evidence and
 * confidence"): its `confidence` read as the probability that it holds (missing = 1), and its
 * `evidenceShare` — an evidence item that supports several relations shares its weight among
 * them, so one sentence read as five relations counts once, not five times.
 */
import { EntenteError } from '../errors.js';
import type { Case, Relation } from './schema.js';
import { type Layer, resolveVocabulary, type Sign, type Vocabulary } from './vocabulary.js';

/** A relation with its vocabulary defaults applied. */
export interface EffectiveRelation {
  /** Index of the relation in `case.relations`. */
  readonly index: number;
  readonly relation: Relation;
  readonly sign: Sign;
  readonly layer: Layer;
  readonly directed: boolean;
  /** Weight in 0..1 (default 1). */
  readonly weight: number;
  /** Probability that the relation holds: its `confidence` (default 1). */
  readonly probability: number;
  /** The relation's share of the evidence it cites, in (0, 1]; see {@link evidenceShares}. */
  readonly evidenceShare: number;
  /** weight × evidenceShare × probability: the expected strength the analyses combine. */
  readonly expectedWeight: number;
}

/**
 * The key of an evidence item for sharing: its source and paragraph/sentence (or span). An item
 * that points nowhere more precise than a source is never shared (null).
 */
export function evidenceKey(e: {
  readonly source: string;
  readonly paragraph?: number | undefined;
  readonly sentence?: number | undefined;
  readonly span?: readonly [number, number] | undefined;
}): string | null {
  if (e.paragraph !== undefined) return `${e.source}\u0000¶${e.paragraph}.${e.sentence ?? '*'}`;
  if (e.span !== undefined) return `${e.source}\u0000@${e.span[0]}-${e.span[1]}`;
  return null;
}

/**
 * Each relation's share of the evidence it cites: every evidence item (a source's sentence,
 * paragraph or span) has weight 1, shared equally among the k relations of `relations` that cite
 * it; a relation's share is the sum of its items' 1/k (each item once), capped at 1. A relation
 * without shareable evidence (an assumption, an edge-list tie) keeps share 1. So the five
 * relations an analyst reads out of one sentence weigh together what one relation backed by that
 * sentence alone would, and a relation with its own sentence keeps its full weight.
 * @example evidenceShares([{ evidence: [¶1.4] }, { evidence: [¶1.4] }]) // [0.5, 0.5]
 */
export function evidenceShares(relations: readonly Pick<Relation, 'evidence'>[]): Float64Array {
  const keysOf = relations.map((r) => {
    const keys = new Set<string>();
    for (const e of r.evidence ?? []) {
      const k = evidenceKey(e);
      if (k !== null) keys.add(k);
    }
    return keys;
  });
  const count = new Map<string, number>();
  for (const keys of keysOf) for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  const out = new Float64Array(relations.length);
  for (let i = 0; i < relations.length; i++) {
    const keys = keysOf[i] as Set<string>;
    if (keys.size === 0) {
      out[i] = 1;
      continue;
    }
    let s = 0;
    for (const k of keys) s += 1 / (count.get(k) as number);
    out[i] = Math.min(1, s);
  }
  return out;
}

/**
 * Every relation of a validated case with sign, layer, directedness and weight resolved, and its
 * probability and evidence share among the case's relations (so those of a snapshot share among
 * the relations in force at its date).
 * @throws {EntenteError} `internal` when a relation's type is not in the vocabulary (a validated case never has one)
 */
export function effectiveRelations(
  c: Case,
  vocabulary: Vocabulary = resolveVocabulary(c.vocabulary),
): EffectiveRelation[] {
  const shares = evidenceShares(c.relations);
  return c.relations.map((relation, index) => {
    const def = vocabulary.get(relation.type);
    if (!def) {
      throw new EntenteError(
        'internal',
        `effectiveRelations: relation ${index} has type "${relation.type}", which is not in the vocabulary`,
      );
    }
    const weight = relation.weight ?? 1;
    const probability = relation.confidence ?? 1;
    const evidenceShare = shares[index] as number;
    return {
      index,
      relation,
      sign: relation.sign ?? def.sign,
      layer: def.layer,
      directed: def.directed,
      weight,
      probability,
      evidenceShare,
      expectedWeight: weight * evidenceShare * probability,
    };
  });
}
