// GET /api/calibration: the calibration given to createServer({ calibration }) read once as the
// server becomes ready — a folder of `calibrate --out` or a `calibrate --json` file — served as
// the contract has it; a bad or missing one fails ready() with a located error; none is a 404.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiErrorSchema, type CalibrateCommandJson, CalibrateCommandSchema } from '@entente/core';
import { createServer, type EntenteServer } from '@entente/server';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

/** A small calibration by hand: two parameters, three particles, one target over two years. */
const CALIBRATION: CalibrateCommandJson = {
  format: 'entente-calibration/1',
  caseId: 'afghanistan-2023',
  from: '2015',
  until: '2016',
  forecastUntil: '2017',
  workers: 1,
  observedFile: 'ucdp.csv',
  method: 'abc-smc',
  nonImplausible: null,
  seed: 7,
  parameters: [
    { id: 'a', lo: 0, hi: 1 },
    { id: 'b', lo: 2, hi: 8 },
  ],
  particles: [
    [0.1, 3],
    [0.2, 4],
    [0.3, 5],
  ],
  weights: [0.5, 0.25, 0.25],
  ess: 2.67,
  epsilon: 1.5,
  simulations: 30,
  generations: [{ epsilon: null, ess: 3, resampled: false, acceptance: null, simulations: 30 }],
  posterior: [
    {
      id: 'a',
      lo: 0,
      hi: 1,
      mean: 0.18,
      sd: 0.08,
      q05: 0.1,
      q50: 0.15,
      q95: 0.3,
      sdRatio: 0.28,
      overlap: 0.22,
      uninformed: false,
    },
    {
      id: 'b',
      lo: 2,
      hi: 8,
      mean: 3.75,
      sd: 0.8,
      q05: 3,
      q50: 3.5,
      q95: 5,
      sdRatio: 0.46,
      overlap: 0.37,
      uninformed: false,
    },
  ],
  observed: {
    years: [2015, 2016],
    targets: [{ id: 'x--y', dyad: ['x', 'y'], values: [10, null] }],
  },
  fit: [
    { dyad: 'x--y', year: 2015, q05: 2, q50: 9, q95: 30, observed: 10, covered: true, crps: null },
    {
      dyad: 'x--y',
      year: 2016,
      q05: 1,
      q50: 8,
      q95: 25,
      observed: null,
      covered: null,
      crps: null,
    },
  ],
  forecast: [
    { dyad: 'x--y', year: 2017, q05: 0, q50: 7, q95: 40, observed: 50, covered: false, crps: 20.5 },
  ],
  forecastScore: { n: 1, coverage: 0, crps: 20.5 },
};

/** Writes the calibration as `calibrate --out DIR` does (`fields` replaces some of posterior.json's). */
function folder(fields: Record<string, unknown> = {}): string {
  const dir = join(tempDir(), 'cal');
  mkdirSync(dir);
  const { fit, forecast, forecastScore, ...posterior } = CALIBRATION;
  const write = (name: string, value: unknown) =>
    writeFileSync(join(dir, name), JSON.stringify(value));
  write('posterior.json', { ...posterior, ...fields });
  write('fit.json', { fit });
  write('forecast.json', { forecast, forecastScore });
  return dir;
}

describe('/api/calibration', () => {
  const apps: EntenteServer[] = [];
  const start = async (calibration?: string) => {
    const app = createServer({ workers: 1, warmAnalyses: 0, calibration });
    apps.push(app);
    await app.ready();
    return app;
  };
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close().catch(() => undefined);
  });

  it('serves the folder of `calibrate --out` as one calibration, as the contract has it', async () => {
    const app = await start(folder());
    const r = await app.inject({ method: 'GET', url: '/api/calibration' });
    expect(r.statusCode).toBe(200);
    expect(CalibrateCommandSchema.parse(r.json())).toEqual(CALIBRATION);
  });

  it('serves a `calibrate --json` file too', async () => {
    const file = join(tempDir(), 'run.json');
    writeFileSync(file, JSON.stringify(CALIBRATION));
    const app = await start(file);
    const r = await app.inject({ method: 'GET', url: '/api/calibration' });
    expect(r.json()).toEqual(CALIBRATION);
  });

  it('answers 404 not-found with a typed error when the server was given none', async () => {
    const app = await start();
    const r = await app.inject({ method: 'GET', url: '/api/calibration' });
    expect(r.statusCode).toBe(404);
    const body = ApiErrorSchema.parse(r.json());
    expect(body.code).toBe('not-found');
    expect(body.message).toMatch(/--calibration DIR/);
  });

  it('fails ready() naming the file and field when posterior.json is not a calibration', async () => {
    const dir = folder({ weights: 'heavy' });
    await expect(start(dir)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/^serve --calibration: .*posterior\.json: weights: /),
    });
  });

  it('fails ready() when a file of the folder is missing, or is not JSON, or the shapes disagree', async () => {
    const noFit = folder();
    writeFileSync(join(noFit, 'fit.json'), '{"fit": [');
    await expect(start(noFit)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/fit\.json: not JSON/),
    });
    await expect(start(join(tempDir(), 'absent'))).rejects.toMatchObject({ code: 'not-found' });
    const short = folder({ weights: [1, 1] });
    await expect(start(short)).rejects.toMatchObject({
      message: expect.stringMatching(/posterior\.json: 2 weights for 3 particles/),
    });
  });

  it('does not listen when the calibration is bad', async () => {
    const app = createServer({ workers: 1, warmAnalyses: 0, calibration: folder({ seed: 1.5 }) });
    apps.push(app);
    await expect(app.listen({ port: 0, host: '127.0.0.1' })).rejects.toMatchObject({
      message: expect.stringMatching(/posterior\.json: seed: /),
    });
    expect(app.server.listening).toBe(false);
  });
});
