import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseHash, type ExplorationResult, runExploration, writeRunFolder } from '../src/index.js';
import { builtinCase } from './helpers.js';

const c = builtinCase();
let result: ExplorationResult;

beforeAll(async () => {
  result = await runExploration(c, { runs: 40, seed: 3 }, { workers: 1 });
});

const temp = () => mkdtempSync(join(tmpdir(), 'entente-runner-'));

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('writeRunFolder', () => {
  it('writeRunFolder writes summary.json with its stamp and runs.parquet with one row per world and scenario', async () => {
    const dir = join(temp(), 'run');
    const written = await writeRunFolder(dir, result, { caseText: 'abc', caseFile: 'x.yaml' });
    expect(written.files).toEqual(['summary.json', 'runs.parquet']);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.format).toBe('entente-exploration/1');
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    expect(summary.caseHash).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(caseHash('abc')).toBe(summary.caseHash);
    expect(summary.stamp).toMatchObject({
      caseId: c.id,
      seed: 3,
      node: process.version,
      caseFile: 'x.yaml',
    });
    expect(summary.hypotheses).toEqual(JSON.parse(JSON.stringify(result.summary.hypotheses)));
    const file = join(dir, 'runs.parquet').replaceAll("'", "''");
    const scenarios = result.runs.scenarios.length;
    const [count] = await query(
      `SELECT count(*)::INTEGER AS n, count(DISTINCT world)::INTEGER AS worlds FROM '${file}'`,
    );
    expect(count).toEqual({ n: 40 * scenarios, worlds: 40 });
    const s0 = result.runs.scenarios[0];
    const m = s0.outcomes.indexOf('strength.total.change');
    const rows = await query(
      `SELECT world, seed, "strength.total.change" AS v FROM '${file}' WHERE scenario = '${s0.id}' ORDER BY world LIMIT 3`,
    );
    for (const [i, row] of rows.entries()) {
      expect(row.world).toBe(i);
      expect(Number(row.seed)).toBe(result.runs.seeds[i]);
      expect(row.v).toBe(result.runs.outcomes[0][i * s0.outcomes.length + m]);
    }
    expect(readdirSync(join(dir, '..'))).toEqual(['run']);
  });

  it('writeRunFolder writes runs.csv with --format csv and replaces an earlier run folder', async () => {
    const dir = join(temp(), 'run');
    await writeRunFolder(dir, result, {});
    await writeRunFolder(dir, result, { format: 'csv' });
    expect(readdirSync(dir).sort()).toEqual(['runs.csv', 'summary.json']);
    const lines = readFileSync(join(dir, 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(1 + 40 * result.runs.scenarios.length);
    expect(lines[0].startsWith('world,scenario,seed,sample,')).toBe(true);
    expect(readdirSync(join(dir, '..'))).toEqual(['run']);
  });

  it('writeRunFolder refuses to replace a folder that is not a run folder', async () => {
    const dir = join(temp(), 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    await expect(writeRunFolder(dir, result, {})).rejects.toThrow(/not a run folder/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('writeRunFolder leaves no partial folder when writing fails', async () => {
    const parent = temp();
    const dir = join(parent, 'run');
    const broken = { ...result, runs: { ...result.runs, outcomes: [new Float64Array(1)] } };
    await expect(writeRunFolder(dir, broken, {})).rejects.toThrow();
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
