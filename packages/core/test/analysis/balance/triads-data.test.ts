import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../../../test-support/shared-data.js';
import { triadCensus, unbalancedTriads } from '../../../src/analysis/balance/triads.js';
import { triadsOfCase } from '../../../src/analysis/balance/triads-of-case.js';
import { projectSigned } from '../../../src/analysis/project.js';
import { type SignedEdgeInput, signedGraph } from '../../../src/analysis/signed-graph.js';
import { loadCase } from '../../../src/case/load.js';
import { bruteForce } from './triads-brute-force.js';

const ROOT = resolve(import.meta.dirname, '../../../../..');
const TRIBES_FILE = 'data/signed/highland-tribes.csv';
const COW_FILE = 'data/signed/cow-international-1946-1999.csv';
const TRIBES = sharedPath(TRIBES_FILE);
const COW = sharedPath(COW_FILE);

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
}

const sign = (x: string) => (Number(x) > 0 ? 1 : -1) as -1 | 1;

describe('triadsOfCase on the built-in case', () => {
  const loaded = loadCase(readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
  if (!loaded.ok) throw new Error('the built-in case does not load');
  const c = loaded.case;
  const result = triadsOfCase(projectSigned(c, { at: '2023' }), {
    limit: Number.POSITIVE_INFINITY,
  });

  it('triadsOfCase(projectSigned(case, { at: 2023 })) finds US–Russia–Taliban and US–China–Taliban unbalanced', () => {
    const keys = result.unbalanced.map((t) => t.nodes.join(' '));
    expect(keys).toContain('russia taliban us');
    expect(keys).toContain('china taliban us');
    for (const key of ['russia taliban us', 'china taliban us']) {
      const t = result.unbalanced.find((x) => x.nodes.join(' ') === key);
      // Two positive ties to the Taliban, a negative one between the powers.
      expect(t?.signs).toEqual([1, -1, 1]);
      expect(t?.pattern).toBe('++-');
    }
    // Print the triads for the report.
    console.info(
      'built-in case at 2023:',
      JSON.stringify(result.census),
      `\n${result.unbalanced.map((t) => `${t.pattern} ${t.nodes.join('–')} w=${t.weight.toFixed(4)}`).join('\n')}`,
    );
  });

  it('triadsOfCase(projection) traces each edge to the relations of its tie', () => {
    const t = result.unbalanced.find((x) => x.nodes.join(' ') === 'russia taliban us');
    const ids = t?.relations.map((rs) => rs.map((i) => c.relations[i].id));
    expect(ids?.[0]).toContain('russia-stake-taliban');
    expect(ids?.[1]).toEqual(['us-russia-hostility']);
    expect(ids?.[2]).toContain('us-engages-taliban');
    for (const [k, rs] of (t?.relations ?? []).entries())
      for (const i of rs) {
        const r = c.relations[i];
        expect([r.from, r.to].sort()).toEqual(
          [t?.nodes[[0, 0, 1][k]], t?.nodes[[1, 2, 2][k]]].sort(),
        );
      }
  });

  it('triadsOfCase(projection) agrees with the brute force and carries its options', () => {
    const brute = bruteForce(projectSigned(c, { at: '2023' }).graph);
    expect(result.census.counts).toEqual(brute.counts);
    expect(result.total).toBe(brute.unbalanced.length);
    expect(result.unbalanced.map((t) => t.nodes)).toEqual(brute.unbalanced.map((t) => t.nodes));
    expect(result.projection.at).toBe('2023');
    expect(result.options.limit).toBeNull();
    expect(result.truncated).toBe(false);
  });
});

describeShared(TRIBES_FILE, 'triadCensus on Read’s Highland tribes', () => {
  it('triadCensus(tribes) matches the brute force: 68 triangles, 9 unbalanced', () => {
    const edges: SignedEdgeInput[] = rows(TRIBES).map(([s, t, x]) => ({
      source: s,
      target: t,
      sign: sign(x),
    }));
    const g = signedGraph(edges);
    expect(g.nodes.length).toBe(16);
    expect(g.u.length).toBe(58);
    const census = triadCensus(g);
    const brute = bruteForce(g);
    expect(census.counts).toEqual(brute.counts);
    expect(census.counts).toEqual({ '+++': 19, '++-': 2, '+--': 40, '---': 7 });
    expect(census.ratio).toBeCloseTo(59 / 68, 15);
    expect(unbalancedTriads(g).triads.map((t) => t.nodes)).toEqual(
      brute.unbalanced.map((t) => t.nodes),
    );
    console.info('Highland tribes:', JSON.stringify(census));
  });
});

describeShared(COW_FILE, 'triadCensus on the Correlates of War signed networks', () => {
  it('triadCensus(period) matches the brute force in all 51 periods', () => {
    const periods = new Map<string, SignedEdgeInput[]>();
    for (const [period, s, t, x] of rows(COW)) {
      const list = periods.get(period) ?? [];
      list.push({ source: s, target: t, sign: sign(x) });
      periods.set(period, list);
    }
    expect(periods.size).toBe(51);
    const series: string[] = [];
    for (const [period, edges] of periods) {
      const g = signedGraph(edges);
      const census = triadCensus(g);
      expect(census.counts, period).toEqual(bruteForce(g).counts);
      series.push(`${period} ${census.triangles} ${census.unbalanced}`);
    }
    console.info(`COW (period triangles unbalanced):\n${series.join('\n')}`);
  });
});
