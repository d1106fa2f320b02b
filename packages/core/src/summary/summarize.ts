/**
 * A case at a glance: actors by kind, relations by layer, sign and period, and how well the
 * relations are supported by evidence. What `entente show` prints.
 */
import { snapshot } from '../case/case-at.js';
import { overlaps } from '../case/dates.js';
import { effectiveRelations } from '../case/effective.js';
import { ACTOR_KINDS, type ActorKind, type Case } from '../case/schema.js';
import { LAYERS, type Layer } from '../case/vocabulary.js';

/** Options of {@link summarizeCase}. */
export interface SummarizeOptions {
  /**
   * Only actors and relations in force at this partial date (relations also need both of
   * their actors in force), as `caseAt` cuts it. @default undefined (all)
   */
  readonly at?: string | undefined;
}

/** Counts of relations by layer and by sign. */
export interface RelationCounts {
  readonly total: number;
  readonly byLayer: Readonly<Record<Layer, number>>;
  readonly bySign: {
    readonly positive: number;
    readonly negative: number;
    readonly neutral: number;
  };
}

/** The summary `entente show` prints. */
export interface CaseSummary {
  readonly id: string;
  readonly title: string;
  readonly at: string | null;
  readonly actors: {
    readonly total: number;
    readonly byKind: Readonly<Record<ActorKind, readonly { id: string; name: string }[]>>;
  };
  readonly relations: RelationCounts & {
    /** One entry per period of the case, in the case's order. */
    readonly byPeriod: readonly (RelationCounts & {
      readonly id: string;
      readonly label: string;
      readonly start: string;
      readonly end: string | null;
    })[];
    /** Relation counts per type, most frequent first. */
    readonly byType: readonly { readonly type: string; readonly count: number }[];
  };
  readonly evidence: {
    /** Relations with at least one evidence item. */
    readonly relationsWithEvidence: number;
    /** relationsWithEvidence / relations (0 when there are none). */
    readonly coverage: number;
    /** Relations marked `assumption: true`. */
    readonly assumptions: number;
    /** Relations with neither evidence nor the assumption flag. */
    readonly unsupported: number;
    /** Evidence items on relations, mechanisms and claims. */
    readonly items: number;
    /** Ids of sources cited by at least one evidence item. */
    readonly sourcesCited: readonly string[];
  };
  readonly mechanisms: number;
  readonly claims: number;
  readonly scenarios: number;
}

function emptyLayers(): Record<Layer, number> {
  return Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
}

function count(rels: readonly { sign: number; layer: Layer }[]): RelationCounts {
  const byLayer = emptyLayers();
  const bySign = { positive: 0, negative: 0, neutral: 0 };
  for (const r of rels) {
    byLayer[r.layer]++;
    if (r.sign > 0) bySign.positive++;
    else if (r.sign < 0) bySign.negative++;
    else bySign.neutral++;
  }
  return { total: rels.length, byLayer, bySign };
}

/**
 * Summarises a validated case.
 * @throws {EntenteError} `invalid-argument` when `options.at` is not a valid partial date
 * @example summarizeCase(c, { at: '2019-06' }).relations.total
 */
export function summarizeCase(whole: Case, options: SummarizeOptions = {}): CaseSummary {
  const at = options.at;
  const c = at === undefined ? whole : snapshot(whole, { at }, 'summarizeCase');
  const actors = c.actors;
  const rels = effectiveRelations(c);

  const byKind = Object.fromEntries(
    ACTOR_KINDS.map((k) => [k, [] as { id: string; name: string }[]]),
  );
  for (const a of actors) byKind[a.kind]?.push({ id: a.id, name: a.name });

  const byPeriod = (c.periods ?? []).map((p) => ({
    id: p.id,
    label: p.label,
    start: p.start,
    end: p.end ?? null,
    ...count(rels.filter((r) => overlaps(r.relation, { start: p.start, end: p.end }))),
  }));

  const types = new Map<string, number>();
  for (const r of rels) types.set(r.relation.type, (types.get(r.relation.type) ?? 0) + 1);
  const byType = [...types]
    .map(([type, n]) => ({ type, count: n }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));

  let withEvidence = 0;
  let assumptions = 0;
  let unsupported = 0;
  let items = 0;
  const cited = new Set<string>();
  const cite = (list: readonly { source: string }[] | undefined) => {
    for (const e of list ?? []) {
      items++;
      cited.add(e.source);
    }
  };
  for (const { relation } of rels) {
    const has = (relation.evidence?.length ?? 0) > 0;
    if (has) withEvidence++;
    if (relation.assumption === true) assumptions++;
    if (!has && relation.assumption !== true) unsupported++;
    cite(relation.evidence);
  }
  for (const m of c.mechanisms ?? []) cite(m.evidence);
  for (const cl of c.claims ?? []) cite(cl.evidence);

  return {
    id: c.id,
    title: c.title,
    at: at ?? null,
    actors: {
      total: actors.length,
      byKind: byKind as Record<ActorKind, { id: string; name: string }[]>,
    },
    relations: { ...count(rels), byPeriod, byType },
    evidence: {
      relationsWithEvidence: withEvidence,
      coverage: rels.length === 0 ? 0 : withEvidence / rels.length,
      assumptions,
      unsupported,
      items,
      sourcesCited: [...cited].sort(),
    },
    mechanisms: c.mechanisms?.length ?? 0,
    claims: c.claims?.length ?? 0,
    scenarios: c.scenarios?.length ?? 0,
  };
}
