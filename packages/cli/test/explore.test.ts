import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { exploreCommand, registerExploreCommand } from '../src/commands/explore.js';
import { captureIo, tempDir } from './helpers.js';

describe('entente explore', () => {
  it('exploreCommand --json prints the contract: hypotheses [{ id, policy, holds, ci: [lo, hi] }]', async () => {
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
    for (const h of summary.hypotheses) expect(out.stdout).toContain(`${h.id}: holds in`);
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
});
