// Property tests (fast-check, 200+ runs each): every format gives back what it claims to carry.
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { effectiveRelations } from '../../src/case/effective.js';
import { loadCase } from '../../src/case/load.js';
import type { Case } from '../../src/case/schema.js';
import { exportEdgeCsv, exportNodeCsv } from '../../src/interop/edge-csv.js';
import { importEdgeList } from '../../src/interop/edge-list.js';
import { exportGexf, importGexf } from '../../src/interop/gexf.js';
import { exportGraphml } from '../../src/interop/graphml.js';
import { exportJson } from '../../src/interop/json.js';
import { decodeXmlEntities } from '../../src/interop/xml.js';
import { anyNameArb, caseArb, xmlNameArb } from './arbitraries.js';
import { relationsOf } from './three-actors.js';

/** 250 runs from a fixed seed: the same cases on every run (no unseeded randomness in tests). */
const RUNS = { numRuns: 250, seed: 0x5eed };

/** What the graph formats carry of each actor. */
const actorsOf = (c: Case) =>
  c.actors.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    size: a.size && { value: a.size.value, unit: a.size.unit },
    since: a.since,
    until: a.until,
  }));

describe('round trips (property)', () => {
  it('loadCase(exportJson(case)) deep-equals the case', () => {
    fc.assert(
      fc.property(caseArb({ names: anyNameArb, rich: true }), (c) => {
        const back = loadCase(exportJson(c));
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(back.ok && back.case).toEqual(c);
      }),
      RUNS,
    );
  });

  it('importEdgeList(exportEdgeCsv(case), exportNodeCsv(case)) keeps actors and relations', () => {
    fc.assert(
      fc.property(caseArb({ names: anyNameArb, rich: false }), (c) => {
        const back = importEdgeList(exportEdgeCsv(c), exportNodeCsv(c));
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        if (!back.ok) return;
        expect(actorsOf(back.case)).toEqual(actorsOf(c));
        expect(relationsOf(back.case)).toEqual(relationsOf(c));
      }),
      RUNS,
    );
  });

  it('importGexf(exportGexf(case)) keeps actors and relations', () => {
    fc.assert(
      fc.property(caseArb({ names: xmlNameArb, rich: false }), (c) => {
        const xml = exportGexf(c);
        expect(XMLValidator.validate(xml)).toBe(true);
        const back = importGexf(xml);
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        if (!back.ok) return;
        expect(back.case.title).toBe(c.title);
        expect(actorsOf(back.case)).toEqual(actorsOf(c));
        expect(relationsOf(back.case)).toEqual(relationsOf(c));
      }),
      RUNS,
    );
  });

  it('exportGexf(case) is well-formed XML even for names XML cannot hold', () => {
    fc.assert(
      fc.property(caseArb({ names: anyNameArb, rich: false }), (c) => {
        expect(XMLValidator.validate(exportGexf(c))).toBe(true);
        expect(importGexf(exportGexf(c)).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('exportGraphml(case) is well-formed XML with one node per actor and one edge per relation', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      processEntities: false,
      isArray: (name) => name === 'node' || name === 'edge',
    });
    fc.assert(
      fc.property(caseArb({ names: anyNameArb, rich: true }), (c) => {
        const xml = exportGraphml(c);
        expect(XMLValidator.validate(xml)).toBe(true);
        const graph = parser.parse(xml).graphml.graph;
        const nodes: Record<string, string>[] = graph.node ?? [];
        const edges: Record<string, string>[] = graph.edge ?? [];
        expect(nodes.map((n) => decodeXmlEntities(n['@_id'] ?? ''))).toEqual(
          c.actors.map((a) => a.id),
        );
        expect(edges.map((e) => [e['@_source'], e['@_target']])).toEqual(
          c.relations.map((r) => [r.from, r.to]),
        );
        expect(edges.map((e) => e['@_directed'])).toEqual(
          effectiveRelations(c).map((e) => String(e.directed)),
        );
      }),
      RUNS,
    );
  });
});
