import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_PARAMETERS } from '@entente/core';
import { createServer, type EntenteServer } from '@entente/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFolder, scenarioCase, tempDir } from './helpers.js';

const post = (app: EntenteServer, url: string, payload: object) =>
  app.inject({ method: 'POST', url, payload });

async function waitFor(app: EntenteServer, id: string, states: string[]) {
  for (let i = 0; i < 2000; i++) {
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json();
    if (states.includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${id} never reached ${states.join('/')}`);
}

describe('simulation routes', () => {
  let app: EntenteServer;
  beforeAll(async () => {
    app = createServer({ cases: caseFolder({ 'sim.yaml': scenarioCase('sim') }), workers: 1 });
    await app.ready();
  });
  afterAll(() => app.close());

  it('GET /api/cases/:id/scenarios lists scenarios compiled, the model parameters and hypotheses', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/cases/sim/scenarios' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.scenarios.map((s: { id: string }) => s.id)).toEqual(['status-quo', 'sever']);
    expect(body.parameters).toHaveLength(MODEL_PARAMETERS.length);
    expect(body.parameters[0]).toMatchObject({
      id: MODEL_PARAMETERS[0].id,
      range: [...MODEL_PARAMETERS[0].range],
    });
    expect(body.policies).toContain('targeted-ct');
    expect(body.compiled[1]).toMatchObject({
      scenario: 'sever',
      regime: 'b',
      groups: ['c'],
      states: ['a'],
      policies: { a: 'sever' },
    });
    expect(body.compiled[0].outcomes).toContain('strength.total.change');
    expect(body.hypotheses[0].id).toBe('sever-strengthens');
    expect((await app.inject({ method: 'GET', url: '/api/cases/none/scenarios' })).statusCode).toBe(
      404,
    );
  });

  it('POST /api/simulate returns months+1 rows per series and the outcomes, deterministic per seed', async () => {
    const r = await post(app, '/api/simulate', {
      caseId: 'sim',
      scenario: 'status-quo',
      seed: 7,
      months: 12,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.model).toMatchObject({ regime: 'b', groups: ['c'], states: ['a'], months: 12 });
    expect(body.trajectory.strength).toHaveLength(13);
    expect(body.trajectory.strength[0]).toHaveLength(1);
    expect(body.trajectory.capacity).toHaveLength(13);
    const s = body.trajectory.strength;
    // strength.total.change is final/initial − 1 of the one group.
    expect(body.outcomes['strength.total.change']).toBeCloseTo(s[12][0] / s[0][0] - 1, 9);
    const again = (
      await post(app, '/api/simulate', {
        caseId: 'sim',
        scenario: 'status-quo',
        seed: 7,
        months: 12,
      })
    ).json();
    expect(again.outcomes).toEqual(body.outcomes);
  });

  it('POST /api/simulate takes parameters within range and client-defined scenarios', async () => {
    const p = MODEL_PARAMETERS[0];
    const lo = (
      await post(app, '/api/simulate', {
        caseId: 'sim',
        scenario: 'status-quo',
        parameters: { [p.id]: p.range[0] },
      })
    ).json();
    expect(lo.parameters[p.id]).toBe(p.range[0]);
    const custom = await post(app, '/api/simulate', {
      caseId: 'sim',
      scenario: 'mine',
      scenarios: [{ id: 'mine', months: 6, policies: { a: 'targeted-ct' } }],
    });
    expect(custom.statusCode).toBe(200);
    expect(custom.json().model.policies).toEqual({ a: 'targeted-ct' });
  });

  it('POST /api/simulate rejects what it cannot run with 400 { code, message, issues }', async () => {
    const p = MODEL_PARAMETERS[0];
    const bad: [object, string, RegExp][] = [
      [{ caseId: 'sim', scenario: 'nope' }, 'invalid-argument', /nope/],
      [
        { caseId: 'sim', scenario: 'status-quo', parameters: { bogus: 1 } },
        'invalid-argument',
        /bogus/,
      ],
      [
        { caseId: 'sim', scenario: 'status-quo', parameters: { [p.id]: p.range[1] + 1 } },
        'out-of-range',
        /outside its range/,
      ],
      [{ caseId: 'sim', scenario: 'status-quo', months: 5000 }, 'resource-limit', /months/],
      [
        { caseId: 'sim', scenario: 'x', scenarios: [{ id: 'x', defaultPolicy: 'bomb' }] },
        'invalid-request',
        /scenarios\/0\/defaultPolicy/,
      ],
      [
        { caseId: 'sim', scenario: 'x', scenarios: [{ id: 'x', uncertain: { card: [0, 5] } }] },
        'invalid-case',
        /scenarios\[0\]\.uncertain\.card.*\[0, 1\]/,
      ],
      [{ caseId: 'sim' }, 'invalid-request', /scenario/],
    ];
    for (const [payload, code, message] of bad) {
      const r = await post(app, '/api/simulate', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().code, JSON.stringify(payload)).toBe(code);
      expect(r.json().message).toMatch(message);
    }
  });
});

describe('exploration jobs', () => {
  let app: EntenteServer;
  let jobsDir: string;
  beforeAll(async () => {
    jobsDir = tempDir();
    app = createServer({
      cases: caseFolder({ 'sim.yaml': scenarioCase('sim') }),
      workers: 1,
      maxJobs: 3,
      jobConcurrency: 1,
      maxWorlds: 5000,
      jobsDir,
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('POST /api/jobs queues an exploration that runs to done with its summary, written to jobsDir', async () => {
    const r = await post(app, '/api/jobs', {
      kind: 'explore',
      caseId: 'sim',
      options: { runs: 40, seed: 3 },
    });
    expect(r.statusCode).toBe(202);
    const { id, worlds } = r.json();
    expect(worlds).toBe(40);
    const job = await waitFor(app, id, ['done', 'failed']);
    expect(job.state).toBe('done');
    expect(job.progress).toEqual({ done: 40, total: 40 });
    expect(job.result.format).toBe('entente-exploration/1');
    expect(job.result.completedWorlds).toBe(40);
    expect(job.result.hypotheses[0]).toMatchObject({ id: 'sever-strengthens', n: 40 });
    expect(readdirSync(join(jobsDir, id)).sort()).toEqual(['runs.csv', 'summary.json']);
  });

  it('POST /api/jobs refuses bad options and more worlds than maxWorlds with 400 before queueing', async () => {
    const sobol = await post(app, '/api/jobs', {
      kind: 'explore',
      caseId: 'sim',
      options: { runs: 1000, sample: 'sobol' },
    });
    expect(sobol.statusCode).toBe(400);
    expect(sobol.json().code).toBe('resource-limit');
    expect(sobol.json().message).toMatch(/exceed this server's limit of 5000/);
    const runs = await post(app, '/api/jobs', {
      kind: 'explore',
      caseId: 'sim',
      options: { runs: 6000 },
    });
    expect(runs.statusCode).toBe(400);
    const unknown = await post(app, '/api/jobs', {
      kind: 'explore',
      caseId: 'sim',
      options: { scenarios: ['nope'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/unknown scenario "nope"/);
    const kind = await post(app, '/api/jobs', { kind: 'simulate', caseId: 'sim' });
    expect(kind.statusCode).toBe(400);
    expect(app.entente.jobs.active).toBe(0);
  });

  it("POST /api/jobs refuses a client scenario whose range leaves the parameter's with 400, queueing nothing", async () => {
    const before = app.entente.jobs.list().length;
    const r = await post(app, '/api/jobs', {
      kind: 'explore',
      caseId: 'sim',
      options: { runs: 10, scenarios: ['wide'] },
      scenarios: [{ id: 'wide', months: 6, uncertain: { card: [0, 5] } }],
    });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('invalid-case');
    expect(body.message).toMatch(/card/);
    expect(body.message).toMatch(/\[0, 1\]/);
    expect(body.issues[0]).toMatchObject({
      code: 'parameter-out-of-range',
      path: ['scenarios', 0, 'uncertain', 'card'],
    });
    expect(app.entente.jobs.list().length).toBe(before);
  });

  it('a full queue answers 429; cancelling each job leaves state cancelled and no files', async () => {
    const before = readdirSync(jobsDir);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(app, '/api/jobs', {
        kind: 'explore',
        caseId: 'sim',
        options: { runs: 5000, seed: i },
      });
      expect(r.statusCode).toBe(202);
      ids.push(r.json().id);
    }
    const full = await post(app, '/api/jobs', {
      kind: 'explore',
      caseId: 'sim',
      options: { runs: 10 },
    });
    expect(full.statusCode).toBe(429);
    expect(full.json()).toMatchObject({ code: 'queue-full', issues: [] });
    for (const id of ids) {
      const r = await app.inject({ method: 'DELETE', url: `/api/jobs/${id}` });
      expect(r.json()).toEqual({ id, state: 'cancelled' });
    }
    for (const id of ids) {
      const job = (await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json();
      expect(job.state).toBe('cancelled');
      expect(job.result).toBeUndefined();
    }
    await Promise.all(app.entente.jobs.list().map((j) => j.settled));
    expect(readdirSync(jobsDir)).toEqual(before); // no new folder, no temp folder
    expect((await app.inject({ method: 'DELETE', url: '/api/jobs/nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/jobs/nope' })).statusCode).toBe(404);
  });
});

/** Reads server-sent events from a streaming response until the stream ends. */
async function readEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  const events: { event: string; data: unknown }[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
      end = buffer.indexOf('\n\n');
    }
  }
  return events;
}

describe('GET /api/jobs/:id/events (server-sent events over a real socket)', () => {
  let app: EntenteServer;
  let base: string;
  beforeAll(async () => {
    app = createServer({
      cases: caseFolder({ 'sim.yaml': scenarioCase('sim') }),
      workers: 1,
      heartbeatMs: 20,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => app.close());

  it('streams progress then done, and closes', async () => {
    const submit = await fetch(`${base}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'explore', caseId: 'sim', options: { runs: 400 } }),
    });
    expect(submit.status).toBe(202);
    const { id } = (await submit.json()) as { id: string };
    const stream = await fetch(`${base}/api/jobs/${id}/events`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('content-security-policy')).toContain("script-src 'self'");
    const events = await readEvents(stream);
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as { done: number; total: number });
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
    expect(progress.at(-1)).toEqual({ done: 400, total: 400 });
    expect(events.at(-1)).toEqual({ event: 'done', data: {} });
    // A finished job's stream says so at once.
    const late = await readEvents(await fetch(`${base}/api/jobs/${id}/events`));
    expect(late.map((e) => e.event)).toEqual(['state', 'progress', 'done']);
  });

  it('sends heartbeats, ends with cancelled on DELETE, and forgets a client that disconnects', async () => {
    // Large enough that the job still runs when the DELETE below arrives (5,000 worlds came to
    // an end first once the batches and the aggregation got faster).
    const submit = await fetch(`${base}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'explore',
        caseId: 'sim',
        options: { runs: 100_000, months: 600 },
      }),
    });
    const { id } = (await submit.json()) as { id: string };
    const job = app.entente.jobs.get(id);
    // A client that goes away is unsubscribed.
    const gone = new AbortController();
    const first = await fetch(`${base}/api/jobs/${id}/events`, { signal: gone.signal });
    expect(first.status).toBe(200);
    await expect.poll(() => job?.listeners.size).toBe(1);
    gone.abort();
    await expect.poll(() => job?.listeners.size).toBe(0);
    // Another client sees heartbeats and the cancellation.
    const second = await fetch(`${base}/api/jobs/${id}/events`);
    const reading = (async () => {
      const decoder = new TextDecoder();
      let text = '';
      for await (const chunk of second.body as unknown as AsyncIterable<Uint8Array>)
        text += decoder.decode(chunk);
      return text;
    })();
    await new Promise((r) => setTimeout(r, 80));
    await fetch(`${base}/api/jobs/${id}`, { method: 'DELETE' });
    const text = await reading;
    expect(text).toContain(': heartbeat');
    expect(text.trimEnd().endsWith('event: cancelled\ndata: {}')).toBe(true);
  });
});
