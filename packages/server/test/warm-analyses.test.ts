/**
 * The server's background analysis warm-up: which analyses it computes and in which order
 * (hand-computed), that they are the workbench's own requests (same timeline as the page, same
 * cache keys: a request the page sends is then a cache hit), that a warmed answer is the answer,
 * and that closing the server stops it.
 */
import { readFileSync } from 'node:fs';
import { analyzeCase, caseDates, LAYERS, loadCase } from '@entente/core';
import { BUILTIN_CASE, createServer, type EntenteServer } from '@entente/server';
import { afterEach, describe, expect, it } from 'vitest';
import { caseDates as pageDates } from '../../web/src/timeline.js';

import { warmupRequests } from '../src/warm-analyses.js';

const builtin = (() => {
  const r = loadCase(readFileSync(BUILTIN_CASE, 'utf8'));
  if (!r.ok) throw new Error('the built-in case does not load');
  return r.case;
})();
const ALL = [...LAYERS];
const without = (off: string) => ALL.filter((l) => l !== off);

/** Resolves once the server's analysis cache has not grown for `quietMs`. */
async function settled(app: EntenteServer, quietMs = 200): Promise<number> {
  let size = -1;
  while (app.entente.analyses.size !== size) {
    size = app.entente.analyses.size;
    await new Promise((r) => setTimeout(r, quietMs));
  }
  return size;
}

describe('warmupRequests', () => {
  it('warmupRequests(dates) asks what the workbench asks first, in its order', () => {
    const r = warmupRequests(['2001', '2015', '2023']);
    expect(r.map((q) => `${q.at}:${q.layers.length}`)).toEqual([
      '2023:5',
      '2015:5',
      '2023:4',
      '2023:4',
      '2023:4',
      '2023:4',
      '2023:4',
      '2001:5',
      '2015:4',
      '2015:4',
      '2015:4',
      '2015:4',
      '2015:4',
      '2001:4',
      '2001:4',
      '2001:4',
      '2001:4',
      '2001:4',
    ]);
    expect(r[2]?.layers).toEqual(without('diplomatic'));
    expect(r[5]?.layers).toEqual(['diplomatic', 'economic', 'security', 'control']);
    expect(new Set(r.map((q) => `${q.at}|${q.layers.join()}`)).size).toBe(r.length);
  });

  it('warmupRequests([]) analyses the whole case, with every layer and each one off', () => {
    expect(warmupRequests([])).toEqual([
      { at: undefined, layers: ALL, byLayer: false },
      ...ALL.map((l) => ({ at: undefined, layers: without(l), byLayer: false })),
    ]);
  });

  it('caseDates(case) gives the workbench timeline’s stops', () => {
    const dates = caseDates(builtin);
    expect(dates).toHaveLength(15);
    expect(dates.slice(-4)).toEqual(['2021-08-15', '2021-12', '2022', '2023']);
    expect(dates).toEqual(pageDates(builtin as Parameters<typeof pageDates>[0]));
  });
});

describe('createServer warm-up (warmAnalyses)', () => {
  let app: EntenteServer | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const post = (a: EntenteServer, payload: object) =>
    a.inject({ method: 'POST', url: '/api/analyze', payload });

  it('after listen, fills the analysis cache with the built-in case’s 15 dates × 6 layer sets', async () => {
    app = createServer();
    expect(app.entente.analyses.size).toBe(0);
    await app.listen({ port: 0, host: '127.0.0.1' });
    expect(await settled(app)).toBe(90);
    // The workbench's first request and a layer toggle (as its client sends them, without the
    // single-layer landscapes) are cache hits: nothing new is computed.
    const first = await post(app, {
      caseId: 'afghanistan-2023',
      at: '2023',
      layers: ALL,
      byLayer: false,
    });
    const toggled = await post(app, {
      caseId: 'afghanistan-2023',
      at: '2023',
      layers: without('hostility'),
      byLayer: false,
    });
    expect(app.entente.analyses.size).toBe(90);
    expect(first.statusCode).toBe(200);
    expect(toggled.json().projection.ties).toHaveLength(17);
    // A warmed answer is the analysis itself.
    const direct = await analyzeCase(builtin, {
      at: '2023',
      layers: ALL,
      timeLimit: 10,
      byLayer: false,
    });
    expect(first.json().balance).toEqual(JSON.parse(JSON.stringify(direct.balance)));
    expect(first.json().frustration.value).toBe(8);
    // A request nobody warmed is computed.
    await post(app, { caseId: 'afghanistan-2023', at: '2015', layers: ['security'] });
    expect(app.entente.analyses.size).toBe(91);
  }, 30_000);

  it('warmAnalyses: 0 computes nothing in the background; inject() alone never warms', async () => {
    app = createServer({ warmAnalyses: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    expect(await settled(app, 100)).toBe(0);
    await app.close();
    app = createServer();
    await app.ready();
    await app.inject({ method: 'GET', url: '/api/health' });
    expect(await settled(app, 100)).toBe(0);
  });

  it('warmAnalyses: n stops after n analyses, and close() stops the warm-up', async () => {
    app = createServer({ warmAnalyses: 3 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    expect(await settled(app)).toBe(3);
    await app.close();
    app = createServer();
    await app.listen({ port: 0, host: '127.0.0.1' });
    await app.close();
    const left = app.entente.analyses.size;
    expect(left).toBeLessThan(90);
    await new Promise((r) => setTimeout(r, 200));
    expect(app.entente.analyses.size).toBe(left);
  });

  it('createServer rejects a negative warmAnalyses', () => {
    expect(() => createServer({ warmAnalyses: -1 })).toThrow(/warmAnalyses/);
  });
});
