// Every `--json` output of the CLI parses with its contract schema in core, and holds nothing
// the schema does not name (parsing gives the document back unchanged).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CaseSchema,
  CaseSummarySchema,
  ExplorationSummarySchema,
  ExportCommandSchema,
  LandscapeCommandSchema,
  ValidateCommandSchema,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUILTIN = join(ROOT, 'cases/afghanistan-2023.yaml');

type Schema = { parse(value: unknown): unknown };

async function conforms(argv: string[], schema: Schema, cwd?: string): Promise<unknown> {
  const r = await runCli(argv, cwd);
  const json = JSON.parse(r.stdout) as unknown;
  expect(schema.parse(json)).toEqual(json);
  return json;
}

describe('the CLI --json outputs follow the contract', () => {
  it('show, validate (valid and invalid), export (content and files), import', async () => {
    await conforms(['show', '--json'], CaseSummarySchema);
    await conforms(['show', '--at', '2019', '--json'], CaseSummarySchema);
    await conforms(['validate', BUILTIN, '--json'], ValidateCommandSchema);
    const dir = tempDir();
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'format: entente/1\nid: x\ntitle: X\nactors: []\nrelations: [{}]\n');
    const invalid = (await conforms(['validate', broken, '--json'], ValidateCommandSchema)) as {
      ok: boolean;
    };
    expect(invalid.ok).toBe(false);
    await conforms(['export', '--to', 'gexf', '--json'], ExportCommandSchema);
    await conforms(
      ['export', '--to', 'csv', '--out', 'e.csv', '--nodes-out', 'n.csv', '--json'],
      ExportCommandSchema,
      dir,
    );
    writeFileSync(join(dir, 'edges.csv'), 'source,target,sign\na,b,1\nb,c,-1\na,c,-1\n');
    await conforms(['import', '--edges', 'edges.csv', '--json'], CaseSchema, dir);
  });

  it('landscape --over prints { case, series }', async () => {
    const json = (await conforms(
      ['landscape', '--over', '2022..2023', '--json'],
      LandscapeCommandSchema,
    )) as { series: unknown[] };
    expect(json.series).toHaveLength(2);
  });

  it('explore --json prints the exploration summary', async () => {
    await conforms(
      ['explore', '--runs', '8', '--workers', '1', '--months', '12', '--json'],
      ExplorationSummarySchema,
    );
  }, 60_000);
});
