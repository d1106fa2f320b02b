/**
 * Resolves each relation of a case against the vocabulary: the sign, layer, directedness and
 * weight that analyses, summaries and exports use. An explicit `sign` on a relation overrides
 * its type's default; a missing `weight` counts as 1.
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
}

/**
 * Every relation of a validated case with sign, layer, directedness and weight resolved.
 * @throws {EntenteError} `internal` when a relation's type is not in the vocabulary (a validated case never has one)
 */
export function effectiveRelations(
  c: Case,
  vocabulary: Vocabulary = resolveVocabulary(c.vocabulary),
): EffectiveRelation[] {
  return c.relations.map((relation, index) => {
    const def = vocabulary.get(relation.type);
    if (!def) {
      throw new EntenteError(
        'internal',
        `effectiveRelations: relation ${index} has type "${relation.type}", which is not in the vocabulary`,
      );
    }
    return {
      index,
      relation,
      sign: relation.sign ?? def.sign,
      layer: def.layer,
      directed: def.directed,
      weight: relation.weight ?? 1,
    };
  });
}
