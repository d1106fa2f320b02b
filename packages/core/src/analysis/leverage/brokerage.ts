/**
 * Brokerage: who stands between others on the cooperative (positive) ties.
 *
 * 1. Betweenness centrality (L. C. Freeman, "A set of measures of centrality based on
 *    betweenness", Sociometry 40 (1977) 35–41), computed with Brandes' algorithm by
 *    `graphology-metrics` on an undirected graphology graph of the positive ties, unweighted
 *    (each tie one step). Normalised as networkx's `betweenness_centrality` does by default:
 *    the sum over ordered pairs (s, t) of the share of shortest s–t paths through v, divided by
 *    (n − 1)(n − 2); for undirected graphs this equals the unordered-pair sum over C(n − 1, 2).
 * 2. Brokerage roles of R. V. Gould & R. M. Fernandez, "Structures of mediation: A formal
 *    approach to brokerage in transaction networks", Sociological Methodology 19 (1989) 89–126:
 *    every open two-path a → b → c (a ≠ c, no arc a → c) makes b a broker, classified by the
 *    groups (here: actor kinds) of a, b, c —
 *    coordinator (all one group), itinerant or consultant (a, c in one group, b in another),
 *    representative (a with b, c apart), gatekeeper (b with c, a apart), liaison (all apart).
 *    Arcs are the positive relations of the chosen layers between pairs whose projected tie is
 *    positive: directed relations give from → to, undirected ones both directions. Counts are
 *    raw (not normalised by group sizes). Roles need relation direction and actor kinds, so they
 *    are computed only for a case, not for a bare signed graph.
 */
import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { Case } from '../../case/schema.js';
import type { Layer } from '../../case/vocabulary.js';
import { type CombineRule, projectSigned } from '../project.js';
import type { SignedGraph } from '../signed-graph.js';
import { relationsAt } from './relations-at.js';

// The package is CommonJS whose typings declare an ES default export: under Node's interop the
// default import IS the function, while some bundlers wrap it in `{ default }`. Accept both.
type Betweenness = typeof betweennessModule.default;
const betweennessCentrality: Betweenness =
  typeof betweennessModule === 'function'
    ? (betweennessModule as unknown as Betweenness)
    : betweennessModule.default;

/** The five Gould–Fernandez roles. */
export const BROKERAGE_ROLES = Object.freeze([
  'coordinator',
  'itinerant',
  'representative',
  'gatekeeper',
  'liaison',
] as const);
/** A Gould–Fernandez brokerage role. */
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

/** Options of {@link brokerage}. */
export interface BrokerageOptions {
  /** For a case: only relations in force at this partial date. @default undefined (all) */
  readonly at?: string;
  /** For a case: only this layer's relations. @default undefined (all layers) */
  readonly layer?: Layer;
  /** For a case: how parallel relations combine into a tie (see projectSigned). @default 'net' */
  readonly combine?: CombineRule;
}

/** Brokerage of one actor. */
export interface ActorBrokerage {
  /** Normalised betweenness on the positive ties (networkx's default normalisation). */
  readonly betweenness: number;
  /** Gould–Fernandez role counts; null for a bare signed graph. */
  readonly roles: Record<BrokerageRole, number> | null;
  /** Total open two-paths the actor brokers; null for a bare signed graph. */
  readonly brokered: number | null;
  /**
   * Indices into `case.relations`: the relations behind the actor's positive ties (for
   * betweenness) and behind the arcs of the two-paths it brokers. Empty for a bare graph.
   */
  readonly relations: number[];
}

/** The result of {@link brokerage}. */
export interface BrokerageResult {
  readonly options: {
    readonly at: string | null;
    readonly layer: Layer | null;
    readonly combine: CombineRule | null;
    readonly normalization: 'networkx-default: ordered-pair sum / ((n-1)(n-2))';
    readonly groupAttribute: 'kind' | null;
  };
  /** Number of positive ties the betweenness ran on. */
  readonly positiveTies: number;
  readonly actors: Record<string, ActorBrokerage>;
}

/**
 * Betweenness on the positive ties, and Gould–Fernandez roles for a case.
 * @throws {EntenteError} `invalid-argument` on a bad date, layer or combine rule
 * @example brokerage(c, { at: '2023' }).actors.taliban.betweenness
 */
export function brokerage(
  input: Case | SignedGraph,
  options: BrokerageOptions = {},
): BrokerageResult {
  if (isSignedGraph(input)) {
    const nodes = input.nodes;
    const edges: [number, number][] = [];
    for (let e = 0; e < input.u.length; e++) {
      if (input.sign[e] > 0) edges.push([input.u[e], input.v[e]]);
    }
    const b = positiveBetweenness(nodes, edges);
    const actors: Record<string, ActorBrokerage> = {};
    nodes.forEach((id, i) => {
      actors[id] = { betweenness: b[i], roles: null, brokered: null, relations: [] };
    });
    return {
      options: {
        at: null,
        layer: null,
        combine: null,
        normalization: 'networkx-default: ordered-pair sum / ((n-1)(n-2))',
        groupAttribute: null,
      },
      positiveTies: edges.length,
      actors,
    };
  }

  const projection = projectSigned(input, {
    at: options.at,
    layers: options.layer ? [options.layer] : undefined,
    combine: options.combine,
  });
  const { graph, ties } = projection;
  const nodes = graph.nodes;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const edges: [number, number][] = [];
  const tieRelations: number[][] = nodes.map(() => []);
  const positivePair = new Set<string>();
  ties.forEach((t) => {
    if (t.sign <= 0) return;
    const a = index.get(t.source) as number;
    const b = index.get(t.target) as number;
    edges.push([a, b]);
    tieRelations[a].push(...t.relations);
    tieRelations[b].push(...t.relations);
    positivePair.add(`${t.source}\u0000${t.target}`);
    positivePair.add(`${t.target}\u0000${t.source}`);
  });
  const b = positiveBetweenness(nodes, edges);

  // Arcs of positive relations between positively tied pairs, with the relations behind each.
  const { actors: inForce, relations } = relationsAt(input, options.at, 'brokerage');
  const kind = new Map(inForce.map((a) => [a.id, a.kind as string]));
  const layers = new Set<string>(projection.options.layers);
  const arcs = new Map<string, Map<string, number[]>>(); // from → to → relations
  const addArc = (from: string, to: string, r: number) => {
    let row = arcs.get(from);
    if (!row) {
      row = new Map();
      arcs.set(from, row);
    }
    const list = row.get(to) ?? [];
    list.push(r);
    row.set(to, list);
  };
  for (const r of relations) {
    if (r.sign <= 0 || !layers.has(r.layer)) continue;
    const { from, to } = r.relation;
    if (!positivePair.has(`${from}\u0000${to}`)) continue;
    addArc(from, to, r.index);
    if (!r.directed) addArc(to, from, r.index);
  }
  const incoming = new Map<string, string[]>();
  for (const [from, row] of arcs) {
    for (const to of row.keys()) {
      const list = incoming.get(to) ?? [];
      list.push(from);
      incoming.set(to, list);
    }
  }

  const actors: Record<string, ActorBrokerage> = {};
  nodes.forEach((id, i) => {
    const roles: Record<BrokerageRole, number> = {
      coordinator: 0,
      itinerant: 0,
      representative: 0,
      gatekeeper: 0,
      liaison: 0,
    };
    const used = new Set<number>(tieRelations[i]);
    let brokered = 0;
    const gb = kind.get(id);
    for (const a of incoming.get(id) ?? []) {
      for (const [c, out] of arcs.get(id) ?? []) {
        if (a === c || arcs.get(a)?.has(c)) continue;
        const ga = kind.get(a);
        const gc = kind.get(c);
        const role: BrokerageRole =
          ga === gb && gb === gc
            ? 'coordinator'
            : ga === gc
              ? 'itinerant'
              : ga === gb
                ? 'representative'
                : gb === gc
                  ? 'gatekeeper'
                  : 'liaison';
        roles[role]++;
        brokered++;
        for (const r of arcs.get(a)?.get(id) ?? []) used.add(r);
        for (const r of out) used.add(r);
      }
    }
    actors[id] = {
      betweenness: b[i],
      roles,
      brokered,
      relations: [...used].sort((x, y) => x - y),
    };
  });
  return {
    options: {
      at: projection.options.at,
      layer: options.layer ?? null,
      combine: projection.options.combine,
      normalization: 'networkx-default: ordered-pair sum / ((n-1)(n-2))',
      groupAttribute: 'kind',
    },
    positiveTies: edges.length,
    actors,
  };
}

/** Normalised betweenness of each node on an undirected, unweighted edge list (graphology). */
export function positiveBetweenness(
  nodes: readonly string[],
  edges: readonly (readonly [number, number])[],
): Float64Array {
  const graph = new UndirectedGraph();
  for (const id of nodes) graph.addNode(id);
  for (const [a, b] of edges) graph.addEdge(nodes[a], nodes[b]);
  const scores = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
  const out = new Float64Array(nodes.length);
  nodes.forEach((id, i) => {
    out[i] = scores[id] ?? 0;
  });
  return out;
}

function isSignedGraph(x: Case | SignedGraph): x is SignedGraph {
  return (x as SignedGraph).offsets instanceof Int32Array;
}
