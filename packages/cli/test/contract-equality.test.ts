// The CLI and the API apply the same rules: each analysis and a simulation, run through
// `entente … --json` and through the HTTP API on the same inputs, give the same JSON. The
// envelopes differ only as documented (docs/ARCHITECTURE.md, "The contract"): the CLI adds `case`
// (the case's id); the API adds `caseId` (the library id, null for posted text), and
// `/api/analyze` answers the whole bundle with `projection`, `frustration` and `dependency`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  AnalyzeCommandSchema,
  AnalyzeResponseSchema,
  BalanceCommandSchema,
  CoalitionsCommandSchema,
  LandscapeCommandSchema,
  LeverageCommandSchema,
  SimulateResponseSchema,
  SimulationResultSchema,
} from '@entente/core';
import { createServer, type EntenteServer } from '@entente/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUILTIN = join(ROOT, 'cases/afghanistan-2023.yaml');

/** A case without actor sizes (where the two adapters' size rules can differ). */
const UNSIZED = `format: entente/1
id: unsized
title: Unsized
sources:
  - { id: s, title: A source, kind: report, author: Someone, date: 2020 }
actors:
  - { id: a, name: A, kind: state }
  - { id: b, name: B, kind: regime }
  - { id: c, name: C, kind: armed-group }
  - { id: d, name: D, kind: state }
relations:
  - { from: a, to: b, type: engagement, evidence: [{ source: s, paragraph: 1, paraphrase: "A engages B." }] }
  - { from: c, to: a, type: threat, evidence: [{ source: s, paragraph: 2, paraphrase: "C threatens A." }] }
  - { from: d, to: c, type: armed-conflict, evidence: [{ source: s, paragraph: 3, paraphrase: "D fights C." }] }
  - { from: d, to: a, type: alliance, evidence: [{ source: s, paragraph: 4, paraphrase: "D and A are allies." }] }
`;

type Json = Record<string, unknown>;
type Schema = { parse(value: unknown): unknown };

const without = (o: Json, ...keys: string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/**
 * The bundle's balance as `entente balance` reports it: analyzeCase resolves relocation's k = 2
 * with the other options and every part of the bundle reports them, while the balance command
 * (which has no --k) reports k: null — the one documented difference between the two.
 */
const asBalanceCommand = (balance: unknown): Json => {
  const b = balance as Json;
  return { ...b, options: { ...(b.options as Json), k: null } };
};

describe('the CLI --json and the API give the same JSON', () => {
  let app: EntenteServer;
  let unsizedFile: string;

  beforeAll(async () => {
    const dir = tempDir();
    unsizedFile = join(dir, 'unsized.yaml');
    writeFileSync(unsizedFile, UNSIZED);
    app = createServer({ cases: tempDir(), workers: 1 });
    await app.ready();
  });
  afterAll(() => app.close());

  const cli = async (argv: string[], schema: Schema): Promise<Json> => {
    const r = await runCli(argv);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(schema.parse(json)).toEqual(json);
    return json;
  };
  const api = async (url: string, payload: object, schema: Schema): Promise<Json> => {
    const r = await app.inject({ method: 'POST', url, payload });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const json = r.json() as Json;
    expect(schema.parse(json)).toEqual(json);
    return json;
  };

  const inputs = [
    { name: 'the built-in case at 2023', file: BUILTIN, ref: { caseId: 'afghanistan-2023' } },
  ];

  for (const { name, file, ref } of inputs) {
    it(`balance, landscape, coalitions, leverage and analyze: ${name}`, async () => {
      const bundle = await api('/api/analyze', { ...ref, at: '2023', k: 2 }, AnalyzeResponseSchema);
      const at = ['--at', '2023'];
      const balance = await cli(['balance', file, ...at, '--json'], BalanceCommandSchema);
      expect(without(balance, 'case')).toEqual(asBalanceCommand(bundle.balance));
      const landscape = await cli(
        ['landscape', file, ...at, '--draws', '0', '--json'],
        LandscapeCommandSchema,
      );
      expect(without(landscape, 'case')).toEqual(bundle.landscape);
      const coalitions = await cli(
        ['coalitions', file, ...at, '--k', '2', '--json'],
        CoalitionsCommandSchema,
      );
      expect(without(coalitions, 'case')).toEqual(bundle.coalitions);
      const leverage = await cli(['leverage', file, ...at, '--json'], LeverageCommandSchema);
      expect(without(leverage, 'case')).toEqual(bundle.leverage);
      const analyze = await cli(
        ['analyze', file, ...at, '--k', '2', '--json'],
        AnalyzeCommandSchema,
      );
      expect(without(analyze, 'case')).toEqual(
        without(bundle, 'caseId', 'projection', 'frustration', 'dependency'),
      );
      expect(bundle.frustration).toEqual((bundle.balance as Json).frustration);
      expect(bundle.dependency).toEqual((bundle.leverage as Json).dependency);
    }, 120_000);
  }

  // The size rule is resolved once in core (resolveAnalysisOptions): a case with fewer than two
  // sized actors gets `sizes: equal` on the CLI and the API alike. The landscape command draws the
  // case 200 times by default (the API only when asked), hence `--draws 0`.
  it('landscape of a case without sizes (posted text vs case file)', async () => {
    const bundle = await api('/api/analyze', { text: UNSIZED }, AnalyzeResponseSchema);
    const landscape = await cli(
      ['landscape', unsizedFile, '--draws', '0', '--json'],
      LandscapeCommandSchema,
    );
    expect(without(landscape, 'case')).toEqual(bundle.landscape);
  }, 60_000);

  it('balance, coalitions and leverage of a case without sizes (posted text vs case file)', async () => {
    const bundle = await api('/api/analyze', { text: UNSIZED, k: 2 }, AnalyzeResponseSchema);
    const balance = await cli(['balance', unsizedFile, '--json'], BalanceCommandSchema);
    expect(without(balance, 'case')).toEqual(asBalanceCommand(bundle.balance));
    const coalitions = await cli(
      ['coalitions', unsizedFile, '--k', '2', '--json'],
      CoalitionsCommandSchema,
    );
    expect(without(coalitions, 'case')).toEqual(bundle.coalitions);
    const leverage = await cli(['leverage', unsizedFile, '--json'], LeverageCommandSchema);
    expect(without(leverage, 'case')).toEqual(bundle.leverage);
  }, 60_000);

  it('simulate: the built-in case and a posted text, with a parameter set', async () => {
    for (const [file, ref] of [
      [BUILTIN, { caseId: 'afghanistan-2023' }],
      [BUILTIN, { text: readFileSync(BUILTIN, 'utf8') }],
    ] as const) {
      const viaApi = await api(
        '/api/simulate',
        { ...ref, scenario: 'status-quo', seed: 7, months: 24, parameters: { card: 0.2 } },
        SimulateResponseSchema,
      );
      const viaCli = await cli(
        [
          'simulate',
          file,
          '--scenario',
          'status-quo',
          '--seed',
          '7',
          '--months',
          '24',
          '--set',
          'card=0.2',
          '--json',
        ],
        SimulationResultSchema,
      );
      expect(viaCli).toEqual(without(viaApi, 'caseId'));
    }
  });
});
