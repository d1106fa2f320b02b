// The event-data routes without an events database: 200 with available false (so the workbench
// can say "no event data"), typed errors for unknown cases and actors and malformed bodies.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiErrorSchema,
  EventsObservedResponseSchema,
  EventsSeriesResponseSchema,
} from '@entente/core';
import { createServer, type EntenteServer } from '@entente/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('/api/events without an events database', () => {
  const apps: EntenteServer[] = [];
  let app: EntenteServer;
  const post = async (url: string, payload: object, on = app) => {
    const r = await on.inject({ method: 'POST', url, payload });
    return { status: r.statusCode, body: r.json() as unknown };
  };

  beforeAll(async () => {
    app = createServer({ workers: 1, warmAnalyses: 0 });
    apps.push(app);
    await app.ready();
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  it('answers available: false for series and observed verdicts', async () => {
    const s = await post('/api/events/series', {
      caseId: 'afghanistan-2023',
      key: { actor: 'isk' },
      by: 'year',
    });
    expect(s.status).toBe(200);
    expect(EventsSeriesResponseSchema.parse(s.body)).toEqual({ available: false, series: [] });
    const o = await post('/api/events/observed', { caseId: 'afghanistan-2023' });
    expect(o.status).toBe(200);
    expect(EventsObservedResponseSchema.parse(o.body)).toEqual({ available: false, verdicts: [] });
  });

  it('answers available: false when the database file does not exist', async () => {
    const other = createServer({
      workers: 1,
      warmAnalyses: 0,
      events: join(tmpdir(), 'entente-no-such-dir', 'events.duckdb'),
    });
    apps.push(other);
    await other.ready();
    const o = await post('/api/events/observed', { caseId: 'afghanistan-2023' }, other);
    expect(o.body).toEqual({ available: false, verdicts: [] });
  });

  it('gives typed errors: unknown case, unknown actor, malformed body', async () => {
    const noCase = await post('/api/events/observed', { caseId: 'nope' });
    expect(noCase.status).toBe(404);
    ApiErrorSchema.parse(noCase.body);
    const noActor = await post('/api/events/series', {
      caseId: 'afghanistan-2023',
      key: { dyad: ['isk', 'iskk'] },
      by: 'year',
    });
    expect(noActor.status).toBe(404);
    expect((noActor.body as { message: string }).message).toContain('"iskk"');
    const bad = await post('/api/events/series', {
      caseId: 'afghanistan-2023',
      key: { actor: 'isk' },
      by: 'week',
    });
    expect(bad.status).toBe(400);
    ApiErrorSchema.parse(bad.body);
  });
});
