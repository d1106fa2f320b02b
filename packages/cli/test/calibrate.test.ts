import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CalibrateCommandSchema } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { itShared, sharedPath } from '../../../test-support/shared-data.js';
import { runCli, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ANNUAL = sharedPath('data/events/ucdp-afpak-annual-1989-2021.csv');

describe('entente calibrate', () => {
  it('refuses a forecast that does not start the year after --until, naming both', async () => {
    const dir = tempDir();
    const csv = join(dir, 'ucdp.csv');
    writeFileSync(csv, 'year,date_start,type_of_violence,side_a,side_b,best\n');
    const r = await runCli(
      ['calibrate', '--observed', csv, '--until', '2020', '--forecast', '2022'],
      ROOT,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--forecast 2022 must start the year after --until 2020/);
  });

  it('refuses an events database for now and a missing names file', async () => {
    const dir = tempDir();
    const db = await runCli(['calibrate', '--observed', join(dir, 'events.duckdb')], ROOT);
    expect(db.code).toBe(1);
    expect(db.stderr).toMatch(/only UCDP's annual CSV is read for now/);
    const csv = join(dir, 'ucdp.csv');
    writeFileSync(csv, 'year\n');
    const names = await runCli(
      ['calibrate', '--observed', csv, '--names', join(dir, 'absent.json')],
      ROOT,
    );
    expect(names.code).toBe(1);
    expect(names.stderr).toMatch(/no names file .*absent\.json/);
  });

  itShared(
    'data/events/ucdp-afpak-annual-1989-2021.csv',
    'calibrates the built-in case on UCDP (small budget): JSON follows the contract, --out writes the three files',
    async () => {
      const dir = tempDir();
      const out = join(dir, 'cal');
      const argv = ['calibrate', '--observed', ANNUAL, '--forecast', '2021', '--runs', '1500'];
      const r = await runCli([...argv, '--particles', '100', '--out', out, '--json'], ROOT);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(CalibrateCommandSchema.parse(json)).toEqual(json);
      const posterior = JSON.parse(readFileSync(join(out, 'posterior.json'), 'utf8'));
      for (const field of [
        'parameters',
        'particles',
        'weights',
        'ess',
        'epsilon',
        'method',
        'seed',
        'observed',
      ])
        expect(posterior).toHaveProperty(field);
      expect(posterior.particles).toHaveLength(100);
      const forecast = JSON.parse(readFileSync(join(out, 'forecast.json'), 'utf8'));
      expect(forecast.forecast.every((b: { year: number }) => b.year === 2021)).toBe(true);
      expect(forecast.forecastScore.n).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')).fit.length).toBeGreaterThan(0);
    },
    60_000,
  );
});
