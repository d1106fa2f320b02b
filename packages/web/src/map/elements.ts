/**
 * The Cytoscape elements of an analysis: one node per actor in force (label, kind, diameter from
 * its size, the group it is haloed in) and one edge per projected tie (sign, weight, width
 * relative to the heaviest tie). Pure data: the map adds, updates or removes elements by id.
 */
import type { ElementDefinition } from 'cytoscape';
import type { AnalysisBundle, Case } from '../api/types.js';
import { projectedActorIds } from '../projection.js';
import { edgeWidth, nodeDiameter } from './encoding.js';
import { tieId } from './tie-id.js';

/** The elements of analysis `a` of case `c`, nodes first; `groups` sets each node's halo group. */
export function elementsOf(
  c: Case,
  a: AnalysisBundle,
  groups: string[][] | null,
): ElementDefinition[] {
  const actors = new Map(c.actors.map((x) => [x.id, x]));
  const groupOf = new Map<string, number>();
  groups?.forEach((g, i) => {
    for (const id of g) groupOf.set(id, i);
  });
  const max = Math.max(0, ...a.projection.ties.map((t) => Math.abs(t.weight)));
  const nodes: ElementDefinition[] = projectedActorIds(a).map((id) => {
    const actor = actors.get(id);
    return {
      group: 'nodes',
      data: {
        id,
        label: actor?.name ?? id,
        kind: actor?.kind ?? 'other',
        size: nodeDiameter(actor),
        group: groupOf.get(id) ?? -1,
      },
    };
  });
  const edges: ElementDefinition[] = a.projection.ties.map((t) => ({
    group: 'edges',
    data: {
      id: tieId(t),
      source: t.source,
      target: t.target,
      sign: t.sign,
      weight: t.weight,
      width: edgeWidth(t.weight, max),
    },
    classes: t.sign > 0 ? 'positive' : 'negative',
  }));
  return [...nodes, ...edges];
}
