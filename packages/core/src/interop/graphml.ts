/**
 * GraphML (GraphML Primer, http://graphml.graphdrawing.org/primer/graphml-primer.html): writes a
 * case as one graph with typed `<key>` declarations (§2.4 GraphML-Attributes), one node per actor
 * and one edge per relation. The graph's `edgedefault` is `undirected` and each edge states its
 * own `directed` (§2.3.1) from the vocabulary, so mixed graphs survive in yEd, Gephi, NetworkX
 * and igraph.
 */

import { type ExportOptions, snapshot } from '../case/case-at.js';
import { effectiveRelations } from '../case/effective.js';
import type { Case } from '../case/schema.js';
import { escapeXml, formatXmlNumber, xmlAttributes } from './xml.js';

/** The GraphML namespace. */
export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';

interface Key {
  readonly id: string;
  readonly for: 'node' | 'edge';
  readonly name: string;
  readonly type: 'string' | 'int' | 'double' | 'boolean';
}

/**
 * The data keys, in the order they are written. Key ids are unique across nodes and edges
 * (the primer requires it), so `since`/`until` have one key per domain with the same name.
 */
const KEYS: readonly Key[] = [
  { id: 'name', for: 'node', name: 'name', type: 'string' },
  { id: 'kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'size', for: 'node', name: 'size', type: 'double' },
  { id: 'size_unit', for: 'node', name: 'size_unit', type: 'string' },
  { id: 'actor_since', for: 'node', name: 'since', type: 'string' },
  { id: 'actor_until', for: 'node', name: 'until', type: 'string' },
  { id: 'relation_type', for: 'edge', name: 'relation_type', type: 'string' },
  { id: 'sign', for: 'edge', name: 'sign', type: 'int' },
  { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'strength', for: 'edge', name: 'strength', type: 'double' },
  { id: 'layer', for: 'edge', name: 'layer', type: 'string' },
  { id: 'confidence', for: 'edge', name: 'confidence', type: 'double' },
  { id: 'assumption', for: 'edge', name: 'assumption', type: 'boolean' },
  { id: 'evidence', for: 'edge', name: 'evidence', type: 'int' },
  { id: 'relation_since', for: 'edge', name: 'since', type: 'string' },
  { id: 'relation_until', for: 'edge', name: 'until', type: 'string' },
];

function data(indent: string, values: readonly [string, string | number | undefined][]): string[] {
  return values.flatMap(([key, value]) =>
    value === undefined
      ? []
      : [
          `${indent}<data key="${key}">${escapeXml(
            typeof value === 'number' ? formatXmlNumber(value) : value,
          )}</data>`,
        ],
  );
}

/**
 * Writes a case as GraphML. Nodes carry `name`, `kind`, `size`, `size_unit`, `since`, `until`;
 * edges carry `relation_type`, `sign`, `weight` (signed: sign × weight, as in GEXF, so tools that
 * read `weight` see hostile ties as negative), `strength` (the unsigned weight), `layer`,
 * `confidence`, `assumption`, `evidence` (count), `since`, `until`. Absent values are left out.
 * Text is XML-escaped; characters XML 1.0 cannot hold become U+FFFD.
 * @throws {EntenteError} `invalid-argument` when `options.at` is not a partial date
 */
export function exportGraphml(c: Case, options: ExportOptions = {}): string {
  const view = snapshot(c, options, 'exportGraphml');
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml${xmlAttributes({
      xmlns: GRAPHML_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${GRAPHML_NAMESPACE} ${GRAPHML_NAMESPACE}/1.0/graphml.xsd`,
    })}>`,
    ...KEYS.map(
      (k) =>
        `  <key${xmlAttributes({ id: k.id, for: k.for, 'attr.name': k.name, 'attr.type': k.type })}/>`,
    ),
    `  <graph${xmlAttributes({ id: view.id, edgedefault: 'undirected' })}>`,
  ];
  for (const a of view.actors) {
    lines.push(
      `    <node${xmlAttributes({ id: a.id })}>`,
      ...data('      ', [
        ['name', a.name],
        ['kind', a.kind],
        ['size', a.size?.value],
        ['size_unit', a.size?.unit],
        ['actor_since', a.since],
        ['actor_until', a.until],
      ]),
      '    </node>',
    );
  }
  for (const { relation: r, sign, weight, layer, directed } of effectiveRelations(view)) {
    lines.push(
      `    <edge${xmlAttributes({ id: r.id, source: r.from, target: r.to, directed: String(directed) })}>`,
      ...data('      ', [
        ['relation_type', r.type],
        ['sign', sign],
        ['weight', sign * weight],
        ['strength', weight],
        ['layer', layer],
        ['confidence', r.confidence],
        ['assumption', String(r.assumption === true)],
        ['evidence', r.evidence?.length ?? 0],
        ['relation_since', r.since],
        ['relation_until', r.until],
      ]),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
