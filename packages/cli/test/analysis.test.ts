import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itShared, sharedPath } from '../../../test-support/shared-data.js';
import { dateSeries } from '../src/series.js';
import { runCli, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const TRIBES_FILE = 'data/signed/highland-tribes.csv';
const TRIBES = sharedPath(TRIBES_FILE);

async function json(argv: string[]) {
  const r = await runCli(argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('dateSeries', () => {
  it('dateSeries(from, to, months) steps by years at year precision and by months otherwise', () => {
    expect(dateSeries('2015', '2023', 12)).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
    ]);
    expect(dateSeries('2015', '2019', 24)).toEqual(['2015', '2017', '2019']);
    expect(dateSeries('2021-06', '2021-12', 3)).toEqual(['2021-06', '2021-09', '2021-12']);
    expect(dateSeries('2015', '2016', 6)).toEqual(['2015-01', '2015-07', '2016-01', '2016-07']);
  });
});

describe('entente balance', () => {
  it('balance --json follows the documented contract on the built-in case', async () => {
    const out = await json(['balance', '--at', '2023', '--json']);
    expect(out.case).toBe('afghanistan-2023');
    expect(out.frustration).toEqual(
      expect.objectContaining({
        value: expect.any(Number),
        exact: true,
        lowerBound: out.frustration.value,
      }),
    );
    const [a, b] = out.frustration.partition as string[][];
    expect([...a, ...b].sort()).toEqual(Object.keys(out.frustration.perActor).sort());
    // Each frustrated tie counts for both of its ends.
    const perActor = Object.values(out.frustration.perActor as Record<string, number>);
    expect(perActor.reduce((s, n) => s + n, 0)).toBe(2 * out.frustration.value);
    expect(out.triads.counts['++-'] + out.triads.counts['---']).toBe(out.unbalancedTotal);
    // The essay's contradiction: the US and Russia or China both tied positively to the Taliban
    // and negatively to each other.
    const essayTriads = out.unbalancedTriads.filter(
      (t: { actors: string[] }) =>
        t.actors.includes('us') &&
        t.actors.includes('taliban') &&
        (t.actors.includes('russia') || t.actors.includes('china')),
    );
    expect(essayTriads.length).toBeGreaterThan(0);
    for (const t of out.unbalancedTriads) {
      for (const tie of t.ties) expect(tie.relations.length).toBeGreaterThan(0);
    }
  });

  it('balance --over 2019..2023 --step 2y --json gives one entry per date', async () => {
    const out = await json(['balance', '--over', '2019..2023', '--step', '2y', '--json']);
    expect(out.series.map((s: { at: string }) => s.at)).toEqual(['2019', '2021', '2023']);
  });

  itShared(
    TRIBES_FILE,
    'balance --edges highland-tribes.csv: frustration index 7, proven, unique split',
    async () => {
      const out = await json(['balance', '--edges', TRIBES, '--json']);
      expect(out.actors).toBe(16);
      expect(out.ties).toBe(58);
      expect(out.frustration.value).toBe(7);
      expect(out.frustration.exact).toBe(true);
      expect(out.frustration.unique).toBe(true);
    },
  );

  it('balance with both a case and --edges is refused with exit 1', async () => {
    const r = await runCli([
      'balance',
      join(ROOT, 'cases/afghanistan-2023.yaml'),
      '--edges',
      'x.csv',
    ]);
    expect(r.code).toBe(1);
  });
});

describe('entente coalitions', () => {
  itShared(TRIBES_FILE, 'coalitions --k 3 on Highland tribes violates two ties', async () => {
    const out = await json(['coalitions', '--edges', TRIBES, '--k', '3', '--json']);
    const v = out.relocation[0].violations;
    expect(v.negativeWithin + v.positiveBetween).toBe(2);
    expect(out.relocation[0].groups).toHaveLength(3);
  });
});

describe('entente landscape and tipping', () => {
  it('landscape --json lists minima by ascending energy with coalitions and basins', async () => {
    const out = await json(['landscape', '--at', '2023', '--json']);
    expect(out.convention).toMatch(/Σ/);
    const energies = out.minima.map((m: { energy: number }) => m.energy);
    expect([...energies].sort((x, y) => x - y)).toEqual(energies);
    const basins = out.minima.reduce((s: number, m: { basin: number }) => s + m.basin, 0);
    expect(basins).toBeCloseTo(1, 9);
    for (const id of out.actorsIncluded) expect(out.actors[id]).toHaveProperty('frustration');
  });

  it('tipping --json: the configurations on either side of each tipping point differ', async () => {
    const out = await json(['tipping', '--threats-from', 'ttp', '--at', '2023', '--json']);
    expect(out.method).toBe('exact');
    for (const t of out.tippingPoints) expect(t.before).not.toEqual(t.after);
    // Segments tile the range [0, 1].
    expect(out.segments[0].from).toBe(0);
    expect(out.segments[out.segments.length - 1].to).toBe(1);
  });

  it('tipping without a parameter is a usage error (exit 2)', async () => {
    expect((await runCli(['tipping'])).code).toBe(2);
  });
});

describe('entente leverage', () => {
  it("leverage --json: the Taliban's leverage over Pakistan = harbouring weight × TTP threat weight, read from the case", async () => {
    const out = await json(['leverage', '--at', '2023', '--json']);
    const c = parse(readFileSync(join(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
    type R = { from: string; to: string; type: string; weight?: number };
    const w = (from: string, type: string, to: string) =>
      (c.relations as R[]).find((r) => r.from === from && r.type === type && r.to === to)?.weight ??
      1;
    const expected = w('taliban', 'harbouring', 'ttp') * w('ttp', 'threat', 'pakistan');
    expect(out.threatLeverage.leverage.taliban.pakistan.value).toBeCloseTo(expected, 12);
  });
});

describe('entente analyze', () => {
  it('analyze --json holds every analysis, with tipping for each armed group of the case', async () => {
    const out = await json(['analyze', '--at', '2023', '--json']);
    for (const key of ['balance', 'landscape', 'tipping', 'coalitions', 'leverage'])
      expect(out).toHaveProperty(key);
    const c = parse(readFileSync(join(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
    const groups = (c.actors as { id: string; kind: string }[])
      .filter((a) => a.kind === 'armed-group')
      .map((a) => a.id);
    expect(out.tipping.map((t: { group: string }) => t.group).sort()).toEqual(groups.sort());
  });

  it('analyze prints a readable report', async () => {
    const r = await runCli(['analyze', '--at', '2023']);
    expect(r.code).toBe(0);
    for (const h of [
      'Triad census',
      'Frustration index',
      'Stable configurations',
      'Doreian–Mrvar',
      'Threat leverage',
    ]) {
      expect(r.stdout).toContain(h);
    }
  });
});

describe('analysis options resolved once, in core', () => {
  it('analyze --json and POST /api/analyze give the same landscape and options for the built-in case', async () => {
    const { createServer } = await import('@entente/server');
    const app = createServer({ cases: tempDir(), webRoot: join(tempDir(), 'no-web') });
    try {
      await app.ready();
      for (const at of ['2023', '2021']) {
        const cli = await json(['analyze', '--at', at, '--json']);
        const api = (
          await app.inject({
            method: 'POST',
            url: '/api/analyze',
            payload: { caseId: 'afghanistan-2023', at },
          })
        ).json();
        expect(api.landscape).toEqual(cli.landscape);
        expect(api.options).toEqual(cli.options);
        expect(api.tipping).toEqual(cli.tipping);
        expect(cli.options.sizes).toBe('capability');
      }
    } finally {
      await app.close();
    }
  });
});

describe('case draws and the stated choices on the command line', () => {
  it('balance --draws 200 --json gives frustration.draws {n, q05, median, q95}', async () => {
    const out = await json(['balance', '--at', '2023', '--draws', '200', '--json']);
    const d = out.frustration.draws;
    expect(d.n).toBe(200);
    expect(d.q05).toBeLessThanOrEqual(d.median);
    expect(d.median).toBeLessThanOrEqual(d.q95);
  });

  it('landscape on four layers lists the essay’s coalition as its minimum, with its share of draws, sizes and layers', async () => {
    const out = await json([
      'landscape',
      '--at',
      '2023',
      '--layers',
      'diplomatic,economic,security,control',
      '--json',
    ]);
    expect(out.sizes).toBe('capability');
    expect(out.layers).toEqual(['diplomatic', 'economic', 'security', 'control']);
    expect(out.draws.n).toBe(200);
    const a = out.alignments.find(
      (x: { alignment: string }) => x.alignment === 'coalition-of-enemies',
    );
    expect(a.uniqueMinimum).toBe(true);
    expect(out.minima[a.matchingMinima[0]].share).toBe(a.minimumShare);
    expect(a.minimumShare).toBeGreaterThan(0);
  });

  it('--at 2021 is reported as spanning the change of regime; --at 2021-12 is not', async () => {
    const year = await json(['balance', '--at', '2021', '--json']);
    expect(year.period).toMatchObject({ from: '2021-01-01', to: '2021-12-31', regimeChange: true });
    const month = await json(['balance', '--at', '2021-12', '--json']);
    expect(month.period.regimeChange).toBe(false);
  });

  it('tipping --with-cooperation needs --threats-from (exit 2)', async () => {
    const r = await runCli(['tipping', '--size', 'isk', '--with-cooperation']);
    expect(r.code).toBe(2);
  });
});
