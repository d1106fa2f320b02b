import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../../../test-support/shared-data.js';
import { frustrationExact } from '../../../src/analysis/frustration/exact.js';
import { frustration } from '../../../src/analysis/frustration/frustration.js';
import { loadHighs, solveFrustrationMilp } from '../../../src/analysis/frustration/milp.js';
import { projectSigned } from '../../../src/analysis/project.js';
import { type SignedGraph, signedGraph } from '../../../src/analysis/signed-graph.js';
import { loadCase } from '../../../src/case/load.js';
import { bruteForce, frustrationOf } from './oracle.js';

const ROOT = resolve(import.meta.dirname, '../../../../..');
const TRIBES_FILE = 'data/signed/highland-tribes.csv';
const COW_FILE = 'data/signed/cow-international-1946-1999.csv';
const TRIBES = sharedPath(TRIBES_FILE);
const COW = sharedPath(COW_FILE);
const CASE = resolve(ROOT, 'cases/afghanistan-2023.yaml');

/** Undirected signed ties from CSV rows; a pair listed twice keeps the sign of its sum. */
function graphOf(rows: readonly (readonly [string, string, number])[]): SignedGraph {
  const sum = new Map<string, number>();
  for (const [a, b, s] of rows) {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    sum.set(key, (sum.get(key) ?? 0) + s);
  }
  const edges = [...sum]
    .filter(([, s]) => s !== 0)
    .map(([key, s]) => {
      const [source, target] = key.split('\u0000');
      return { source, target, sign: (s > 0 ? 1 : -1) as -1 | 1 };
    });
  return signedGraph(edges);
}

const csvRows = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));

/** Every optimal colouring of a small graph, as the set of nodes on node 0's other side. */
function optimalSplits(g: SignedGraph): string[][] {
  const best = bruteForce(g);
  const out: string[][] = [];
  const n = g.nodes.length;
  for (let mask = 0; mask < 2 ** (n - 1); mask++) {
    const other = g.nodes.filter((_, i) => i > 0 && (mask >> (i - 1)) & 1);
    if (frustrationOf(g, [[], other]) === best) out.push(other);
  }
  return out;
}

describeShared(TRIBES_FILE, 'frustrationExact on Read’s Highland tribes', () => {
  const g = graphOf(csvRows(TRIBES).map(([a, b, s]) => [a, b, Number(s)] as const));

  it('frustrationExact(tribes) is 7 with the unique split {Gavev, Gama, Kotun, Nagad} vs the rest', async () => {
    expect(g.nodes).toHaveLength(16);
    expect(g.u).toHaveLength(58);
    const r = await frustrationExact(g, { uniqueness: true });
    expect(r.value).toBe(7);
    expect(r.exact).toBe(true);
    expect(r.diagnostics.unique).toBe(true);
    const small = [...r.partition].sort((a, b) => a.length - b.length)[0];
    expect([...small].sort()).toEqual(['Gama', 'Gavev', 'Kotun', 'Nagad']);
    // Independent check: enumeration finds exactly one optimal split, the same one.
    const splits = optimalSplits(g);
    expect(splits).toHaveLength(1);
    const enumerated = g.nodes.includes(splits[0][0]) ? splits[0] : [];
    const side = new Set(enumerated);
    const complement = g.nodes.filter((id) => !side.has(id));
    const smallEnum = enumerated.length < complement.length ? enumerated : complement;
    expect([...smallEnum].sort()).toEqual(['Gama', 'Gavev', 'Kotun', 'Nagad']);
  });

  it('frustrationExact(tribes) agrees when forced through HiGHS', async () => {
    const r = await frustrationExact(g, { bruteForceMaxNodes: 0, uniqueness: true });
    expect(r.value).toBe(7);
    expect(r.diagnostics.unique).toBe(true);
  });
});

describeShared(COW_FILE, 'frustrationExact on the Correlates of War networks', () => {
  const byPeriod = new Map<string, [string, string, number][]>();
  for (const [p, a, b, s] of csvRows(COW)) {
    if (!byPeriod.has(p)) byPeriod.set(p, []);
    byPeriod.get(p)?.push([a, b, Number(s)]);
  }

  it('frustrationExact(cow period) equals the plain textbook MILP on the whole graph', async () => {
    const highs = await loadHighs();
    for (const period of ['46-49', '57-60']) {
      const g = graphOf(byPeriod.get(period) ?? []);
      const r = await frustrationExact(g);
      expect(r.exact).toBe(true);
      expect(frustrationOf(g, r.partition)).toBe(r.value);
      const plain = solveFrustrationMilp(highs, g, {
        weighted: false,
        timeLimitSeconds: 60,
        triangles: false,
        fixNode: false,
      });
      expect(plain.optimal).toBe(true);
      expect(r.value).toBe(Math.round(plain.value));
    }
  });

  it('frustration(cow 1996–99) proves the index of the largest network', async () => {
    const g = graphOf(byPeriod.get('96-99') ?? []);
    expect(g.u.length).toBe(1247);
    const r = await frustration(g);
    expect(r.exact).toBe(true);
    expect(r.value).toBe(45);
    expect(frustrationOf(g, r.partition)).toBe(45);
  });
});

describe('frustrationExact on the built-in case', () => {
  const loaded = loadCase(readFileSync(CASE, 'utf8'));
  if (!loaded.ok) throw new Error('built-in case does not load');
  const g = projectSigned(loaded.case, { at: '2023' }).graph;

  it('frustrationExact(afghanistan at 2023) equals brute force, counted and weighted', async () => {
    expect(g.nodes).toHaveLength(12);
    const counted = await frustrationExact(g, { bruteForceMaxNodes: 0 });
    expect(counted.value).toBe(bruteForce(g));
    expect(counted.value).toBe(8);
    const weighted = await frustrationExact(g, { weighted: true, bruteForceMaxNodes: 0 });
    expect(weighted.value).toBeCloseTo(bruteForce(g, true), 9);
    // weights are expected strengths (weight × evidence share × confidence), see docs/analysis.md
    expect(weighted.value).toBeCloseTo(0.9697103174603174, 9);
    expect(frustrationOf(g, weighted.partition, true)).toBeCloseTo(0.9697103174603174, 9);
  });

  it('frustrationExact(afghanistan at 2023, weighted) puts the Taliban and the US at the top of perActor', async () => {
    const r = await frustrationExact(g, { weighted: true });
    const ranked = Object.entries(r.perActor).sort((a, b) => b[1].ties - a[1].ties);
    expect(ranked[0][0]).toBe('taliban');
    expect(ranked[0][1].ties).toBeCloseTo(0.8740912698412697, 9);
    expect(ranked[1][0]).toBe('us');
    expect(ranked[1][1].ties).toBeCloseTo(0.4849047619047619, 9);
  });
});
