/**
 * Asymmetric dependency: for each actor, the share of the support it receives that comes from
 * each patron. Dependence grows with the share of one's resources controlled by a single other
 * party (R. M. Emerson, "Power-dependence relations", American Sociological Review 27 (1962)
 * 31–41; J. Pfeffer & G. R. Salancik, The External Control of Organizations, Harper & Row, 1978);
 * here the resources are the case's support relations, weighted.
 *
 * Support. A relation in force counts as support from patron P to client X when its effective
 * sign is positive, its layer is one of `layers` (economic and diplomatic by default) and its
 * type is not in `exclude` (by default `engagement`, which the vocabulary defines as working
 * relations short of support), and
 * - it is directed from P to X (aid, hosting, lobbying, mediation, recognition, …), or
 * - its type is in `reversed` (by default `dependency`, whose `from` depends on `to`): it is
 *   directed from X to P, or
 * - it is undirected (economic ties) and `undirected` is true: it counts for both ends.
 * The support of P to X is the sum of those relations' expected weights — weight × evidence share
 * × confidence (`case/effective.ts`: one evidence item backing several relations shares its
 * weight among them; confidence is the probability the relation holds); X's share from P is that
 * sum over the sum from all patrons.
 */
import type { Case } from '../../case/schema.js';
import { LAYERS, type Layer } from '../../case/vocabulary.js';
import { EntenteError } from '../../errors.js';
import { relationsAt } from './relations-at.js';

/** Options of {@link dependency}. */
export interface DependencyOptions {
  /** Only relations in force at this partial date. @default undefined (all relations) */
  readonly at?: string;
  /** Layers whose positive relations count as support. @default ['economic', 'diplomatic'] */
  readonly layers?: readonly Layer[];
  /** Relation types that never count. @default ['engagement'] */
  readonly exclude?: readonly string[];
  /** Types whose `from` is the client and `to` the patron. @default ['dependency'] */
  readonly reversed?: readonly string[];
  /** Count undirected positive relations as support for both ends. @default true */
  readonly undirected?: boolean;
}

/** Dependency options with defaults filled in. */
export interface ResolvedDependencyOptions {
  readonly at: string | null;
  readonly layers: readonly Layer[];
  readonly exclude: readonly string[];
  readonly reversed: readonly string[];
  readonly undirected: boolean;
}

/** One patron's part in an actor's support. */
export interface PatronShare {
  readonly patron: string;
  /** Sum of the expected weights of the patron's support relations. */
  readonly weight: number;
  /** weight / the actor's total support. */
  readonly share: number;
  /** Indices into `case.relations`. */
  readonly relations: number[];
}

/** Dependency of one actor. */
export interface ActorDependency {
  /** Total expected weight of support the actor receives. */
  readonly total: number;
  /** Patrons by decreasing weight (ties by id). */
  readonly patrons: PatronShare[];
  /** The first of `patrons`, or null when the actor receives no support. */
  readonly top: PatronShare | null;
  /** Every relation counted for this actor. */
  readonly relations: number[];
}

/** The result of {@link dependency}. */
export interface DependencyResult {
  readonly options: ResolvedDependencyOptions;
  /** Every actor in force, keyed by id. */
  readonly actors: Record<string, ActorDependency>;
}

/**
 * Each actor's support by patron, its total and its top patron's share.
 * @throws {EntenteError} `invalid-argument` on a bad date or an unknown layer
 * @example dependency(c, { at: '2023' }).actors.taliban.top // { patron: 'qatar', share: 0.42, … }
 */
export function dependency(c: Case, options: DependencyOptions = {}): DependencyResult {
  const o: ResolvedDependencyOptions = {
    at: options.at ?? null,
    layers: [...(options.layers ?? ['economic', 'diplomatic'])],
    exclude: [...(options.exclude ?? ['engagement'])],
    reversed: [...(options.reversed ?? ['dependency'])],
    undirected: options.undirected ?? true,
  };
  for (const l of o.layers) {
    if (!(LAYERS as readonly string[]).includes(l)) {
      throw new EntenteError(
        'invalid-argument',
        `dependency: unknown layer "${l}"; layers are ${LAYERS.join(', ')}`,
      );
    }
  }
  const { actors, relations } = relationsAt(c, options.at, 'dependency');
  const layers = new Set<string>(o.layers);
  const exclude = new Set(o.exclude);
  const reversed = new Set(o.reversed);
  // client → patron → { weight, relations }
  const support = new Map<string, Map<string, { weight: number; relations: number[] }>>();
  const add = (client: string, patron: string, weight: number, index: number) => {
    let byPatron = support.get(client);
    if (!byPatron) {
      byPatron = new Map();
      support.set(client, byPatron);
    }
    const entry = byPatron.get(patron) ?? { weight: 0, relations: [] };
    entry.weight += weight;
    entry.relations.push(index);
    byPatron.set(patron, entry);
  };
  for (const r of relations) {
    if (r.sign <= 0 || !layers.has(r.layer) || exclude.has(r.relation.type)) continue;
    const { from, to } = r.relation;
    if (reversed.has(r.relation.type)) add(from, to, r.expectedWeight, r.index);
    else if (r.directed) add(to, from, r.expectedWeight, r.index);
    else if (o.undirected) {
      add(to, from, r.expectedWeight, r.index);
      add(from, to, r.expectedWeight, r.index);
    }
  }
  const out: Record<string, ActorDependency> = {};
  for (const actor of actors) {
    const byPatron = support.get(actor.id);
    const total = byPatron ? [...byPatron.values()].reduce((s, e) => s + e.weight, 0) : 0;
    const patrons: PatronShare[] = byPatron
      ? [...byPatron.entries()]
          .map(([patron, e]) => ({
            patron,
            weight: e.weight,
            share: total > 0 ? e.weight / total : 0,
            relations: [...e.relations].sort((a, b) => a - b),
          }))
          .sort((a, b) => b.weight - a.weight || (a.patron < b.patron ? -1 : 1))
      : [];
    out[actor.id] = {
      total,
      patrons,
      top: patrons[0] ?? null,
      relations: patrons.flatMap((p) => p.relations).sort((a, b) => a - b),
    };
  }
  return { options: o, actors: out };
}
