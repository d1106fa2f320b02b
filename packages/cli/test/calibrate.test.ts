import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CalibrateCommandSchema } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { itShared, sharedPath } from '../../../test-support/shared-data.js';
import { runCli, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ANNUAL = sharedPath('data/events/ucdp-afpak-annual-1989-2021.csv');

describe('entente calibrate', () => {
  it('refuses a forecast that does not start the year after --until, naming both', async () => {
    const r = await runCli(
      ['calibrate', '--observed', ANNUAL, '--until', '2020', '--forecast', '2022'],
      ROOT,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--forecast 2022 must start the year after --until 2020/);
  });

  it('takes the store from --observed or --engine, not both, not neither', async () => {
    const both = await runCli(
      ['calibrate', '--observed', 'x.duckdb', '--engine', 'clickhouse://127.0.0.1:1'],
      ROOT,
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give one of --observed and --engine/);
    const neither = await runCli(['calibrate'], ROOT);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/--observed/);
  });

  it('takes --queue or --workers, not both (usage error, exit 2)', async () => {
    const r = await runCli(
      ['calibrate', '--observed', 'x.csv', '--queue', 'redis://127.0.0.1:1', '--workers', '2'],
      ROOT,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'--queue <url>' cannot be used with option '--workers <k>'/);
  });

  itShared(
    'data/events/ucdp-afpak-annual-1989-2021.csv',
    'refuses a --queue that is not a redis:// URL (exit 1), before any simulation',
    async () => {
      const r = await runCli(
        ['calibrate', '--observed', ANNUAL, '--runs', '200', '--queue', 'http://127.0.0.1:1'],
        ROOT,
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/queue: "http:\/\/127\.0\.0\.1:1" is not a redis:\/\/ URL/);
      expect(r.stdout).toBe('');
    },
  );

  it('refuses --noisy without --tolerance, and both with a method other than ABC, before reading anything', async () => {
    const noisy = await runCli(['calibrate', '--observed', 'x.csv', '--noisy'], ROOT);
    expect(noisy.code).toBe(1);
    expect(noisy.stderr).toMatch(/calibrate: --noisy needs --tolerance EPS/);
    const hm = await runCli(
      ['calibrate', '--observed', 'x.csv', '--method', 'history-matching', '--tolerance', '1'],
      ROOT,
    );
    expect(hm.code).toBe(1);
    expect(hm.stderr).toMatch(
      /--tolerance belongs to --method abc-smc and rejection, not history-matching/,
    );
    const lik = await runCli(
      [
        'calibrate',
        '--observed',
        'x.csv',
        '--method',
        'likelihood-smc',
        '--noisy',
        '--tolerance',
        '1',
      ],
      ROOT,
    );
    expect(lik.code).toBe(1);
    expect(lik.stderr).toMatch(
      /--tolerance and --noisy belong to --method abc-smc and rejection, not likelihood-smc/,
    );
    const zero = await runCli(['calibrate', '--observed', 'x.csv', '--tolerance', '0'], ROOT);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(
      /'--tolerance <eps>' argument '0' is invalid\. expected a number > 0/,
    );
  });

  it('names a missing --observed file or store', async () => {
    const dir = tempDir();
    const r = await runCli(['calibrate', '--observed', join(dir, 'events.duckdb')], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--observed .*events\.duckdb: no such file or event store/);
  });

  it('refuses a malformed UCDP file with its file and line, and leaves nothing beside it', async () => {
    const dir = tempDir();
    const csv = join(dir, 'ucdp.csv');
    writeFileSync(csv, 'year,best\n2019,many\n');
    const r = await runCli(['calibrate', '--observed', csv], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ucdp\.csv/);
    expect(readdirSync(dir)).toEqual(['ucdp.csv']);
  });

  itShared(
    'data/events/ucdp-afpak-annual-1989-2021.csv',
    'the same calibration from the event store and from the file gives the same bytes, with the published values',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'events.duckdb');
      const ingest = await runCli(
        ['events', 'ingest', '--format', 'ucdp-dyadic', ANNUAL, '--db', db],
        ROOT,
      );
      expect(ingest.code).toBe(0);
      const argv = ['--from', '2015', '--until', '2020', '--forecast', '2021..2022'];
      const small = ['--runs', '600', '--particles', '50', '--json'];
      const fromDb = await runCli(['calibrate', '--observed', db, ...argv, ...small], ROOT);
      const fromFile = await runCli(['calibrate', '--observed', ANNUAL, ...argv, ...small], ROOT);
      expect(fromDb.code).toBe(0);
      // The same calibration, byte for byte, but for the name of the data it was read from.
      const json = JSON.parse(fromDb.stdout);
      const fileJson = JSON.parse(fromFile.stdout);
      expect(json.observedFile).toBe('events.duckdb');
      expect(fileJson.observedFile).toBe('ucdp-afpak-annual-1989-2021.csv');
      expect(fromFile.stdout.replace(/"observedFile": "[^"]*"/, '')).toBe(
        fromDb.stdout.replace(/"observedFile": "[^"]*"/, ''),
      );
      // data/README.md: Government of Afghanistan – IS 679 (2015), 2,842 (2018), 264 (2021);
      // Government of Pakistan – TTP 1,954 (2015), 147 (2018), 259 (2021). IS – Taleban has no
      // 2020 row (fewer than 25 deaths: 0); 2022 is past the file (no observation).
      const values = Object.fromEntries(
        json.observed.targets.map((t: { id: string; values: number[] }) => [t.id, t.values]),
      );
      expect(values['republic--isk']).toEqual([679, 2141, 2795, 2842, 1075, 316]);
      expect(values['pakistan--ttp']).toEqual([1954, 526, 506, 147, 148, 186]);
      expect(values['taliban--isk']).toEqual([292, 181, 343, 577, 51, 0]);
      const observed = (dyad: string, y: number) =>
        json.forecast.find((b: { dyad: string; year: number }) => b.dyad === dyad && b.year === y)
          .observed;
      expect(observed('republic--isk', 2021)).toBe(264);
      expect(observed('pakistan--ttp', 2021)).toBe(259);
      expect(observed('taliban--isk', 2021)).toBe(0);
      expect(observed('pakistan--ttp', 2022)).toBeNull();
      // A store without the format asked for: a typed error naming the store.
      const ged = await runCli(['calibrate', '--observed', db, '--format', 'ucdp-ged'], ROOT);
      expect(ged.code).toBe(1);
      expect(ged.stderr).toMatch(/events\.duckdb: the event store holds no ucdp-ged rows/);
    },
    120_000,
  );

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

  itShared(
    'data/events/ucdp-afpak-annual-1989-2021.csv',
    'noisy ABC: the header says so, the JSON records the tolerance and its reach; plain ABC carries the caveat',
    async () => {
      const argv = ['calibrate', '--observed', ANNUAL, '--targets', 'pakistan--ttp,republic--isk'];
      const small = ['--runs', '3000', '--particles', '100'];
      const text = await runCli([...argv, ...small, '--noisy', '--tolerance', '1.5'], ROOT);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^abc-smc: noisy ABC at ε = 1\.5, 100 particles/);
      // Noisy ABC-SMC carries its own caveat (too-short intervals in SBC); noisy rejection none.
      expect(text.stdout).toMatch(
        /\nwarning: noisy ABC-SMC's 90 % intervals are known to be too short/,
      );
      expect(text.stdout.match(/^warning:/gm)).toHaveLength(1);
      const noisy = await runCli(
        [...argv, ...small, '--noisy', '--tolerance', '1.5', '--method', 'rejection', '--json'],
        ROOT,
      );
      expect(noisy.code).toBe(0);
      const json = CalibrateCommandSchema.parse(JSON.parse(noisy.stdout));
      expect([json.tolerance, json.noisy, json.targetReached, json.warnings]).toEqual([
        1.5,
        true,
        true,
        [],
      ]);
      expect(json.epsilon).toBe(1.5);
      const plain = await runCli([...argv, ...small], ROOT);
      expect(plain.stdout).toMatch(
        /\nwarning: at a tolerance the run chooses, the intervals of observation-dispersion are known to be miscalibrated .*; --method rejection --noisy --tolerance EPS passes simulation-based calibration/,
      );
      const plainJson = JSON.parse((await runCli([...argv, ...small, '--json'], ROOT)).stdout);
      expect([plainJson.tolerance, plainJson.noisy, plainJson.targetReached]).toEqual([
        null,
        false,
        null,
      ]);
      expect(plainJson.warnings).toHaveLength(1);
      // A tolerance no draw can reach: a typed error that says what to change, nothing printed.
      const tiny = await runCli(
        [...argv, ...small, '--method', 'rejection', '--noisy', '--tolerance', '0.01'],
        ROOT,
      );
      expect(tiny.code).toBe(1);
      expect(tiny.stderr).toMatch(
        /none of the 3000 prior draws lies within the tolerance 0\.01 .* give a larger tolerance or a larger budget/,
      );
      expect(tiny.stdout).toBe('');
    },
    120_000,
  );

  itShared(
    'data/events/ucdp-afpak-annual-1989-2021.csv',
    'history matching on the built-in case: Taliban–IS-K before the takeover rules out every world; the two other dyads leave a non-implausible set',
    async () => {
      const argv = ['calibrate', '--observed', ANNUAL, '--method', 'history-matching'];
      const small = ['--runs', '1200', '--waves', '2', '--replicates', '4', '--forecast', '2021'];
      const all = await runCli([...argv, ...small], ROOT);
      expect(all.code).toBe(1);
      expect(all.stderr).toMatch(/none of 150 points .*taliban--isk 2015 alone rules out 100 %/);
      const two = await runCli(
        [...argv, ...small, '--targets', 'pakistan--ttp,republic--isk', '--json'],
        ROOT,
      );
      expect(two.code).toBe(0);
      const json = CalibrateCommandSchema.parse(JSON.parse(two.stdout));
      expect(json.method).toBe('history-matching');
      expect(json.observed.targets.map((t) => t.id)).toEqual(['pakistan--ttp', 'republic--isk']);
      expect(json.nonImplausible?.waves).toHaveLength(2);
      expect(json.particles.length).toBe(json.nonImplausible?.waves[1].nonImplausible);
      expect(new Set(json.weights).size).toBe(1);
      expect(json.forecast.map((b) => b.dyad)).toEqual(['pakistan--ttp', 'republic--isk']);
      const workers = await runCli(
        [...argv, ...small, '--targets', 'pakistan--ttp,republic--isk', '--json', '--workers', '2'],
        ROOT,
      );
      const { workers: _a, ...one } = JSON.parse(two.stdout);
      const { workers: _b, ...other } = JSON.parse(workers.stdout);
      expect(other).toEqual(one);
    },
    120_000,
  );

  itShared(
    'data/events/ucdp-afpak-annual-1989-2021.csv',
    'likelihood-smc on the built-in case: a typed error names the Taliban–IS-K years no world can produce; two dyads fit to β = 1, the same bytes on 2 workers',
    async () => {
      const argv = ['calibrate', '--observed', ANNUAL, '--method', 'likelihood-smc'];
      const small = ['--runs', '2000', '--particles', '100', '--forecast', '2021'];
      const all = await runCli([...argv, ...small], ROOT);
      expect(all.code).toBe(1);
      expect(all.stderr).toMatch(
        /likelihood-smc: none of the 100 prior draws .*taliban--isk 2015 \(observed 292\).*--targets/,
      );
      const two = [...argv, ...small, '--targets', 'pakistan--ttp,republic--isk', '--json'];
      const one = await runCli(two, ROOT);
      expect(one.code).toBe(0);
      const json = CalibrateCommandSchema.parse(JSON.parse(one.stdout));
      expect(json.method).toBe('likelihood-smc');
      expect(json.epsilon).toBe(1);
      expect(json.generations[0].epsilon).toBe(0);
      expect(json.simulations).toBeLessThanOrEqual(2000);
      const workers = await runCli([...two, '--workers', '2'], ROOT);
      const { workers: _a, ...a } = JSON.parse(one.stdout);
      const { workers: _b, ...b } = JSON.parse(workers.stdout);
      expect(b).toEqual(a);
    },
    120_000,
  );
});
