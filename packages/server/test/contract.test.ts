// Every route of the API called for real; each response must conform to its contract schema in
// core (and contain nothing the schema does not name: parsing must give the body back unchanged).
import { readFileSync } from 'node:fs';
import {
  AnalyzeResponseSchema,
  ApiErrorSchema,
  CaseDocumentSchema,
  CaseListResponseSchema,
  exportGexf,
  HealthSchema,
  ImportResponseSchema,
  JobAcceptedSchema,
  JobCancelledSchema,
  JobListSchema,
  JobStatusSchema,
  loadCase,
  ScenariosResponseSchema,
  SimulateResponseSchema,
  simulateScenario,
  ValidateResponseSchema,
} from '@entente/core';
import { BUILTIN_CASE, createServer, type EntenteServer } from '@entente/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFolder, scenarioCase, smallCase } from './helpers.js';

type Schema = { parse(value: unknown): unknown };

const builtinText = readFileSync(BUILTIN_CASE, 'utf8');

/** The body conforms to `schema`, and holds only what the schema names. */
function conforms(schema: Schema, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

describe('every route answers what its contract schema says', () => {
  let app: EntenteServer;
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const r = await app.inject({ method, url, ...(payload ? { payload } : {}) });
    return { status: r.statusCode, body: r.json() as unknown };
  };
  const waitFor = async (id: string) => {
    for (let i = 0; i < 2000; i++) {
      const { body } = await call('GET', `/api/jobs/${id}`);
      if (['done', 'failed', 'cancelled'].includes((body as { state: string }).state)) return body;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`job ${id} did not finish`);
  };

  beforeAll(async () => {
    app = createServer({
      cases: caseFolder({
        'sim.yaml': scenarioCase('sim'),
        'broken.yaml': smallCase('broken').replace('kind: state', 'kind: stat'),
      }),
      workers: 1,
      maxWorlds: 5000,
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('GET /api/health, /api/cases, /api/cases/:id (valid and invalid), /api/cases/:id/scenarios', async () => {
    const health = await call('GET', '/api/health');
    conforms(HealthSchema, health.body);
    const list = await call('GET', '/api/cases');
    expect(list.status).toBe(200);
    conforms(CaseListResponseSchema, list.body);
    for (const id of ['afghanistan-2023', 'sim', 'broken']) {
      const doc = await call('GET', `/api/cases/${id}`);
      expect(doc.status).toBe(200);
      conforms(CaseDocumentSchema, doc.body);
    }
    const builtin = loadCase(builtinText);
    if (!builtin.ok) throw new Error('built-in case invalid');
    // The case goes through the closed response schema whole.
    const doc = (await call('GET', '/api/cases/afghanistan-2023')).body as { case: unknown };
    expect(doc.case).toEqual(JSON.parse(JSON.stringify(builtin.case)));
    for (const id of ['afghanistan-2023', 'sim']) {
      const scenarios = await call('GET', `/api/cases/${id}/scenarios`);
      expect(scenarios.status).toBe(200);
      conforms(ScenariosResponseSchema, scenarios.body);
    }
  });

  it('POST /api/validate (valid, invalid) and POST /api/import (CSV, GEXF)', async () => {
    for (const text of [smallCase('v'), smallCase('v').replace('kind: state', 'kind: stat')]) {
      const r = await call('POST', '/api/validate', { text });
      expect(r.status).toBe(200);
      conforms(ValidateResponseSchema, r.body);
    }
    const csv = await call('POST', '/api/import', {
      format: 'csv',
      edges: 'source,target,sign\na,b,1\nb,c,-1\n',
    });
    expect(csv.status).toBe(200);
    conforms(ImportResponseSchema, csv.body);
    const c = loadCase(smallCase('g'));
    if (!c.ok) throw new Error('small case invalid');
    const gexf = await call('POST', '/api/import', { format: 'gexf', text: exportGexf(c.case) });
    expect(gexf.status).toBe(200);
    conforms(ImportResponseSchema, gexf.body);
  });

  it('POST /api/analyze (library case at a date, posted text)', async () => {
    for (const payload of [
      { caseId: 'afghanistan-2023', at: '2023' },
      { text: smallCase('posted') },
      { text: smallCase('drawn'), sizes: 'equal', draws: 3, seed: 2 },
    ]) {
      const r = await call('POST', '/api/analyze', payload);
      expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
      conforms(AnalyzeResponseSchema, r.body);
      const body = AnalyzeResponseSchema.parse(r.body);
      if ('sizes' in payload) expect(body.options.sizes).toBe('equal');
      // With draws, every part reports its spread over them; without, null.
      const drawn = 'draws' in payload;
      expect(body.options.draws).toBe(drawn ? 3 : 0);
      expect(body.balance.frustration.draws?.n ?? null).toBe(drawn ? 3 : null);
      expect(body.landscape.draws?.n ?? null).toBe(drawn ? 3 : null);
      expect(body.coalitions.draws?.n ?? null).toBe(drawn ? 3 : null);
    }
  }, 120_000);

  it('POST /api/analyze with byLayer: false leaves out the single-layer landscapes and nothing else', async () => {
    const full = await call('POST', '/api/analyze', { caseId: 'afghanistan-2023', at: '2023' });
    const lean = await call('POST', '/api/analyze', {
      caseId: 'afghanistan-2023',
      at: '2023',
      byLayer: false,
    });
    expect(lean.status).toBe(200);
    conforms(AnalyzeResponseSchema, lean.body);
    const f = AnalyzeResponseSchema.parse(full.body);
    const l = AnalyzeResponseSchema.parse(lean.body);
    // Five layers by default: each alone in `byLayer`; with byLayer false, none.
    expect(f.landscape.byLayer.map((x) => x.layer)).toEqual([...f.landscape.layers]);
    expect(l.landscape.byLayer).toEqual([]);
    expect(l.options.byLayer).toBe(false);
    // Every part reports the options: byLayer is the one that differs.
    const strip = (b: typeof f): unknown =>
      JSON.parse(JSON.stringify({ ...b, landscape: { ...b.landscape, byLayer: [] } }), (k, v) =>
        k === 'byLayer' && typeof v === 'boolean' ? null : v,
      );
    expect(strip(l)).toEqual(strip(f));
  }, 120_000);

  it('POST /api/simulate answers core simulateScenario result, with caseId', async () => {
    const r = await call('POST', '/api/simulate', {
      caseId: 'afghanistan-2023',
      scenario: 'status-quo',
      seed: 5,
      months: 24,
      parameters: { card: 0.2 },
    });
    expect(r.status).toBe(200);
    conforms(SimulateResponseSchema, r.body);
    const builtin = loadCase(builtinText);
    if (!builtin.ok) throw new Error('built-in case invalid');
    const expected = simulateScenario(builtin.case, {
      scenario: 'status-quo',
      seed: 5,
      months: 24,
      parameters: { card: 0.2 },
    });
    expect(r.body).toEqual(JSON.parse(JSON.stringify({ caseId: 'afghanistan-2023', ...expected })));
  });

  it('POST /api/jobs, GET /api/jobs/:id (lhs, sobol and morris summaries), GET /api/jobs, DELETE', async () => {
    for (const options of [
      { runs: 20, seed: 2 },
      { runs: 4, sample: 'sobol', bootstrap: 20 },
      { runs: 3, sample: 'morris' },
    ]) {
      const accepted = await call('POST', '/api/jobs', { kind: 'explore', caseId: 'sim', options });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
      conforms(JobAcceptedSchema, accepted.body);
      const done = await waitFor((accepted.body as { id: string }).id);
      expect((done as { state: string }).state).toBe('done');
      conforms(JobStatusSchema, done);
    }
    const list = await call('GET', '/api/jobs');
    conforms(JobListSchema, list.body);
    const running = await call('POST', '/api/jobs', {
      kind: 'explore',
      caseId: 'sim',
      options: { runs: 5000 },
    });
    const cancelled = await call('DELETE', `/api/jobs/${(running.body as { id: string }).id}`);
    expect(cancelled.status).toBe(200);
    conforms(JobCancelledSchema, cancelled.body);
  }, 120_000);

  it('errors: 404, 400 from the request schema, 400 from the core', async () => {
    const failures: [string, { status: number; body: unknown }][] = [
      ['unknown case', await call('GET', '/api/cases/none')],
      ['unknown job', await call('GET', '/api/jobs/none')],
      ['bad body', await call('POST', '/api/simulate', { caseId: 'sim' })],
      ['too many draws', await call('POST', '/api/analyze', { caseId: 'sim', draws: 1001 })],
      ['bad size rule', await call('POST', '/api/analyze', { caseId: 'sim', sizes: 'gdp' })],
      [
        'bad scenario',
        await call('POST', '/api/jobs', {
          kind: 'explore',
          caseId: 'sim',
          scenarios: [{ id: 'x', uncertain: { card: [0, 5] } }],
        }),
      ],
      [
        'bad parameter',
        await call('POST', '/api/simulate', {
          caseId: 'sim',
          scenario: 'status-quo',
          parameters: { card: 5 },
        }),
      ],
    ];
    for (const [what, r] of failures) {
      expect(r.status, what).toBeGreaterThanOrEqual(400);
      conforms(ApiErrorSchema, r.body);
    }
  });
});
