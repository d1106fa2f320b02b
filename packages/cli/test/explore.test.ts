import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExplorationSummarySchema } from '@entente/core';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  exploreCommand,
  registerExploreCommand,
  renderExploration,
} from '../src/commands/explore.js';
import { captureIo, tempDir } from './helpers.js';

describe('entente explore', () => {
  it('explore --posterior DIR: the JSON has a posterior block (contract) and the report a prior | posterior table', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cal'));
    writeFileSync(
      join(dir, 'cal', 'posterior.json'),
      JSON.stringify({
        parameters: [
          { id: 'group-growth', lo: 0, hi: 0.05 },
          { id: 'obs-dispersion', lo: 0, hi: 10 },
        ],
        particles: [
          [0.005, 2],
          [0.012, 1],
        ],
        weights: [0.4, 0.6],
        ess: 1.9,
        epsilon: 2,
        method: 'abc-smc',
        seed: 1,
        observed: 'x.csv',
      }),
    );
    const options = { runs: 40, workers: 1, policies: ['status-quo', 'everyone-severs'] };
    const json = captureIo(dir);
    expect(
      await exploreCommand(json.io, undefined, { ...options, posterior: 'cal', json: true }),
    ).toBe(0);
    const summary = ExplorationSummarySchema.parse(JSON.parse(json.out.stdout));
    expect(summary.posterior?.source).toBe('cal');
    expect(summary.posterior?.parameters).toEqual(['group-growth']);
    expect(summary.posterior?.ignored).toEqual(['obs-dispersion']);
    expect(summary.posterior?.hypotheses.map((h) => h.id)).toEqual(
      summary.hypotheses.map((h) => h.id),
    );
    const text = captureIo(dir);
    expect(
      await exploreCommand(text.io, undefined, { ...options, posterior: 'cal/posterior.json' }),
    ).toBe(0);
    expect(text.out.stdout).toMatch(/holds % prior +holds % posterior/);
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ parameters: [], particles: [], weights: [] }),
    );
    await expect(
      exploreCommand(captureIo(dir).io, undefined, { ...options, posterior: 'bad.json' }),
    ).rejects.toThrow(/explore --posterior: bad.json: /);
  });

  it('exploreCommand --json prints the contract: hypotheses [{ id, claimant, paragraph, comparison, versus, holds, ci, effect, minEffect, decidedBy }]', async () => {
    const { io, out } = captureIo();
    expect(await exploreCommand(io, undefined, { runs: 80, workers: 1, json: true })).toBe(0);
    const summary = JSON.parse(out.stdout);
    expect(summary.format).toBe('entente-exploration/1');
    expect(summary.caseHash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.complete).toBe(true);
    expect(summary.hypotheses.length).toBeGreaterThan(0);
    for (const h of summary.hypotheses) {
      expect(typeof h.id).toBe('string');
      expect(summary.options.scenarios).toContain(h.policy);
      // Issue 9's contract: who claims it, where, compared with what, by how much, decided by what.
      expect(typeof h.claimant).toBe('string');
      expect(h.paragraph === null || Number.isInteger(h.paragraph)).toBe(true);
      expect(['trend', 'versus']).toContain(h.comparison);
      expect(h.versus === null ? 'trend' : 'versus').toBe(h.comparison);
      expect(h.minEffect === null || typeof h.minEffect.rationale === 'string').toBe(true);
      expect(h.effect.q05).toBeLessThanOrEqual(h.effect.median);
      expect(h.effect.median).toBeLessThanOrEqual(h.effect.q95);
      if (h.decidedBy !== null) {
        expect(summary.parameters.map((p: { id: string }) => p.id)).toContain(
          h.decidedBy.parameter,
        );
        expect(['<', '>']).toContain(h.decidedBy.op);
        expect(h.decidedBy.density).toBeGreaterThanOrEqual(0.95);
        expect(h.decidedBy.coverage).toBeGreaterThanOrEqual(0.95);
      }
      expect(h.holds).toBeGreaterThanOrEqual(0);
      expect(h.holds).toBeLessThanOrEqual(1);
      expect(h.ci[0]).toBeLessThanOrEqual(h.holds);
      expect(h.ci[1]).toBeGreaterThanOrEqual(h.holds);
      expect(h.n).toBe(80);
    }
    expect(summary.outcomes.length).toBeGreaterThan(0);
    expect(summary.bands.length).toBe(summary.scenarios.length * 4);
  });

  it('exploreCommand --out writes a run folder; the human report names each hypothesis', async () => {
    const dir = tempDir();
    const { io, out } = captureIo(dir);
    expect(
      await exploreCommand(io, undefined, { runs: 40, workers: 1, out: 'run', format: 'csv' }),
    ).toBe(0);
    expect(readdirSync(join(dir, 'run')).sort()).toEqual([
      'runs.csv',
      'summary.json',
      'timing.json',
    ]);
    const summary = JSON.parse(readFileSync(join(dir, 'run/summary.json'), 'utf8'));
    for (const h of summary.hypotheses) {
      const line = out.stdout.split('\n').find((l) => l.startsWith(`  ${h.id} (`)) ?? '';
      expect(line).toContain(`${h.claimant}`);
      expect(line).toMatch(h.decidedBy ? /decided by assumption: / : /holds in \d/);
    }
    expect(out.stdout).toMatch(/effect median -?[\d.]+%?, 5–95% \[/);
    expect(out.stdout).toContain('Outcomes over the sampled worlds');
    expect(out.stderr).toContain('wrote run/');
  });

  it('exploreCommand stopped (Ctrl-C) keeps the finished worlds, exits 130 and writes no partial folder', async () => {
    const dir = tempDir();
    const { io, out } = captureIo(dir);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1000);
    const code = await exploreCommand(io, undefined, {
      runs: 200_000,
      workers: 1,
      batchSize: 50,
      out: 'run',
      json: true,
      signal: controller.signal,
    });
    expect(code).toBe(130);
    const summary = JSON.parse(out.stdout);
    expect(summary.complete).toBe(false);
    expect(summary.completedWorlds).toBeGreaterThan(0);
    expect(summary.completedWorlds % 50).toBe(0);
    // The folder is whole: summary.json says complete: false; no temporary folder is left.
    const written = JSON.parse(readFileSync(join(dir, 'run/summary.json'), 'utf8'));
    expect(written.completedWorlds).toBe(summary.completedWorlds);
    expect(readdirSync(dir)).toEqual(['run']);
    expect(existsSync(join(dir, 'run/runs.parquet'))).toBe(true);
  }, 60_000);

  it('exploreCommand --out refuses a folder that is not a run folder, exit 1, and leaves it alone', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const { io, out } = captureIo(dir);
    expect(await exploreCommand(io, undefined, { runs: 5, workers: 1, out: '.' })).toBe(1);
    expect(out.stderr).toContain('not a run folder');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('registerExploreCommand parses --policies and --sample sobol', async () => {
    const { io, out } = captureIo();
    let code = -1;
    const program = new Command('entente').exitOverride();
    registerExploreCommand(program, io, (c) => {
      code = c;
    });
    await program.parseAsync(
      [
        'explore',
        '--runs',
        '8',
        '--sample',
        'sobol',
        '--workers',
        '1',
        '--policies',
        'status-quo',
        '--json',
      ],
      { from: 'user' },
    );
    expect(code).toBe(0);
    const summary = JSON.parse(out.stdout);
    expect(summary.options.scenarios).toEqual(['status-quo']);
    expect(summary.sensitivity.method).toBe('sobol');
    expect(summary.worlds).toBe(8 * (2 * summary.parameters.length + 2));
  });
  it('registerExploreCommand parses --draws: JSON carries hypotheses[].draws, the text one line each', async () => {
    const run = async (json: boolean) => {
      const { io, out } = captureIo();
      let code = -1;
      const program = new Command('entente').exitOverride();
      registerExploreCommand(program, io, (c) => {
        code = c;
      });
      const argv = ['explore', '--runs', '12', '--draws', '3', '--workers', '1'];
      await program.parseAsync(json ? [...argv, '--json'] : argv, { from: 'user' });
      expect(code).toBe(0);
      return out.stdout;
    };
    const summary = JSON.parse(await run(true));
    expect(summary.options.draws).toBe(3);
    const text = await run(false);
    expect(text.split('\n')[0]).toContain('seed 1, 3 case draws');
    for (const h of summary.hypotheses) {
      const d = h.draws;
      expect(d.n).toBe(3);
      expect(Object.keys(d).sort()).toEqual(['median', 'n', 'q05', 'q95', 'share']);
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      expect(text).toContain(
        `under 3 case draws: holds in most worlds in ${pct(d.share)} of draws (per-draw share 5–95% [${pct(d.q05)}, ${pct(d.q95)}])`,
      );
    }
  });

  it('exploreCommand refuses --draws with the sobol design, naming lhs', async () => {
    const { io } = captureIo();
    await expect(
      exploreCommand(io, undefined, { runs: 4, sample: 'sobol', draws: 2, workers: 1 }),
    ).rejects.toThrow(/explore: draws needs the lhs design/);
  });

  it('renderExploration says "decided by assumption" instead of a share, and shows the effect and a contradiction', async () => {
    const { io, out } = captureIo();
    expect(await exploreCommand(io, undefined, { runs: 20, workers: 1, json: true })).toBe(0);
    const summary = JSON.parse(out.stdout);
    const [first, second] = summary.hypotheses;
    const text = renderExploration({
      ...summary,
      hypotheses: [
        {
          ...first,
          holds: 0.32,
          decidedBy: {
            parameter: 'card',
            op: '>',
            value: 0.5,
            density: 0.99,
            coverage: 0.98,
            source: 'box',
          },
          contradictedBy: [second.id],
        },
        {
          ...second,
          effect: { scale: 'relative', median: -0.125, q05: -0.5, q95: 0.25, n: 20 },
          minEffect: { relative: 0.05, rationale: 'r' },
          op: '>',
          decidedBy: null,
        },
      ],
    });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`  ${first.id} (`));
    expect(lines[at]).toContain(
      'decided by assumption: card > 0.5 (holds on that side: density 99%, coverage 98%; fails on the other)',
    );
    expect(lines[at]).not.toContain('holds in 32%');
    expect(lines.slice(at, at + 4).join('\n')).toContain(
      `contradicted by its paired comparison ${second.id} (median effect -12.5%)`,
    );
    expect(text).toContain(
      'effect median -12.5%, 5–95% [-50%, 25%]; holds when the effect is > 5%',
    );
  });
});
