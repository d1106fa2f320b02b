// `events compare` and `explore`'s observed claims without an events database: compare exits 1
// and says where it looked; explore says "no event data" in text and leaves `observed` out of
// its JSON (the contract field is for verdicts read from a database).
import { ExplorationSummarySchema } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

describe('event data in the CLI without a database', () => {
  it('events compare exits 1 and names the database it looked for', async () => {
    const cwd = tempDir();
    const r = await runCli(['events', 'compare'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no events database at .entente/events.duckdb');
    const other = await runCli(['events', 'compare', '--db', 'missing.duckdb', '--json'], cwd);
    expect(other.code).toBe(1);
    expect(other.stdout).toBe('');
  });

  it('explore prints "no event data" for the observed claims and keeps them out of --json', async () => {
    const cwd = tempDir();
    const text = await runCli(['explore', '--runs', '8', '--bands', '0', '--workers', '1'], cwd);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Observed claims: no event data');
    const json = await runCli(
      [
        'explore',
        '--runs',
        '8',
        '--bands',
        '0',
        '--workers',
        '1',
        '--json',
        '--events',
        'x.duckdb',
      ],
      cwd,
    );
    expect(json.code).toBe(0);
    const summary = ExplorationSummarySchema.parse(JSON.parse(json.stdout));
    expect(summary.observed).toBeUndefined();
  });
});
