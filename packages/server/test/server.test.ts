import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportGexf, loadCase } from '@entente/core';
import { BUILTIN_CASE, createServer, type EntenteServer } from '@entente/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFolder, smallCase, tempDir } from './helpers.js';

const builtinText = readFileSync(BUILTIN_CASE, 'utf8');
const SECRET = 'do-not-leak-7f3a';

// The cases folder sits beside a file that must never be served.
const root = tempDir();
const folder = join(root, 'cases');
mkdirSync(folder);
for (const [name, text] of Object.entries({
  'small.yaml': smallCase('small'),
  'dup.yaml': smallCase('small', 'Same id again'),
  'broken.yaml': smallCase('broken').replace('kind: state', 'kind: stat'),
  'notes.txt': 'not a case',
}))
  writeFileSync(join(folder, name), text);
const secretFile = join(root, 'secret.yaml');
writeFileSync(secretFile, smallCase(SECRET));

describe('createServer routes (inject)', () => {
  let app: EntenteServer;

  beforeAll(async () => {
    app = createServer({ cases: folder, webRoot: join(root, 'no-web') });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /api/health answers ok and the version', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ok: true, version: '0.1.0' });
  });

  it('GET /api/cases lists the built-in case (14 actors) and the folder cases by unique id', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/cases' });
    expect(r.statusCode).toBe(200);
    const cases = r.json().cases as {
      id: string;
      origin: string;
      actors: number;
      valid: boolean;
    }[];
    expect(cases[0]).toMatchObject({
      id: 'afghanistan-2023',
      origin: 'builtin',
      actors: 14,
      relations: loadCase(builtinText).ok ? 68 : -1,
      valid: true,
    });
    const ids = cases.map((c) => c.id);
    // dup.yaml (read first) keeps the id small; small.yaml then falls back to its file name, made unique.
    expect(ids).toEqual(['afghanistan-2023', 'broken', 'small', 'small-2']);
    expect(cases.find((c) => c.id === 'broken')?.valid).toBe(false);
    expect(ids).not.toContain(SECRET);
  });

  it('GET /api/cases/:id returns the YAML text, the validated case and its issues', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/cases/afghanistan-2023' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.text).toBe(builtinText);
    expect(body.case.actors).toHaveLength(14);
    expect(body.case.relations[0].evidence[0].paraphrase).toBeTypeOf('string');
    const broken = (await app.inject({ method: 'GET', url: '/api/cases/broken' })).json();
    expect(broken.case).toBeNull();
    expect(broken.issues[0]).toMatchObject({ code: 'invalid-value', line: 11 });
  });

  it('GET /api/cases/:id answers 404 { code, message, issues } for an unknown id', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/cases/nope' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ code: 'not-found', message: 'case "nope" not found', issues: [] });
  });

  it.each([
    '/api/cases/..%2Fsecret',
    '/api/cases/%2e%2e%2fsecret.yaml',
    '/api/cases/../secret.yaml',
    '/api/cases/..%5Csecret',
    `/api/cases/${encodeURIComponent('/etc/passwd')}`,
    '/api/cases//etc/passwd',
    '/../secret.yaml',
    '/%2e%2e/secret.yaml',
    '/..%2fsecret.yaml',
    '/etc/passwd',
    `/api/cases/${encodeURIComponent(secretFile)}`,
    `/api/cases/${encodeURIComponent(join(folder, '..', 'secret.yaml'))}`,
  ])('path traversal %s gives 404 and never the file', async (url) => {
    const r = await app.inject({ method: 'GET', url });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain(SECRET);
    expect(r.json().code).toBe('not-found');
  });

  it('POST /api/validate locates errors by line and column like the CLI', async () => {
    const text = smallCase('x').replace('kind: armed-group', 'kind: armed-grup');
    const line = text.split('\n').findIndex((l) => l.includes('armed-grup')) + 1;
    const column = text.split('\n')[line - 1].indexOf('armed-grup') + 1;
    const r = await app.inject({ method: 'POST', url: '/api/validate', payload: { text } });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.ok).toBe(false);
    expect(body.case).toBeNull();
    expect(body.issues).toHaveLength(1);
    expect(body.issues[0]).toMatchObject({
      code: 'invalid-value',
      severity: 'error',
      path: ['actors', 2, 'kind'],
      line,
      column,
      suggestion: 'armed-group',
    });
    const ok = (
      await app.inject({ method: 'POST', url: '/api/validate', payload: { text: smallCase('y') } })
    ).json();
    expect(ok.ok).toBe(true);
    expect(ok.case.actors.map((a: { id: string }) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('POST /api/analyze of the built-in case at 2023: frustration 8, 12 actors in force, 14 in the case', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      payload: { caseId: 'afghanistan-2023', at: '2023' },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.caseId).toBe('afghanistan-2023');
    expect(body.at).toBe('2023');
    expect(body.frustration.value).toBe(8);
    expect(body.balance.frustration.value).toBe(8);
    expect(body.balance.actors).toBe(12);
    expect(body.projection.actors).toHaveLength(12);
    expect(body.projection.ties).toHaveLength(body.balance.ties);
    // Every tie names relations that exist and join the tie's two actors.
    const c = loadCase(builtinText);
    if (!c.ok) throw new Error('built-in case invalid');
    for (const tie of body.projection.ties) {
      expect(tie.relations.length).toBeGreaterThan(0);
      tie.relationIndices.forEach((index: number, k: number) => {
        const rel = c.case.relations[index];
        expect(rel.id).toBe(tie.relations[k]);
        expect([rel.from, rel.to].sort()).toEqual([tie.source, tie.target].sort());
      });
    }
    expect(body.dependency).toEqual(body.leverage.dependency);
    expect(body.tipping.map((t: { group: string }) => t.group).sort()).toEqual([
      'etim',
      'isk',
      'ttp',
    ]);
  });

  it('POST /api/analyze gives the CLI bundle: the same parts as `analyze --json`', async () => {
    const body = (
      await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { caseId: 'afghanistan-2023', at: '2019' },
      })
    ).json();
    // The republic stood in 2019; the Taliban were an insurgency then, with other ties.
    expect(body.projection.actors.map((a: { id: string }) => a.id)).toContain('republic');
    expect(Object.keys(body)).toEqual([
      'caseId',
      'at',
      'options',
      'projection',
      'balance',
      'landscape',
      'tipping',
      'coalitions',
      'leverage',
      'frustration',
      'dependency',
    ]);
  });

  it('POST /api/analyze honours layers and combine, and analyses posted text', async () => {
    const security = (
      await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { caseId: 'afghanistan-2023', at: '2023', layers: ['security'] },
      })
    ).json();
    expect(security.projection.options.layers).toEqual(['security']);
    const all = (
      await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { caseId: 'afghanistan-2023', at: '2023' },
      })
    ).json();
    expect(security.projection.ties.length).toBeLessThan(all.projection.ties.length);
    const text = (
      await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: smallCase('t') } })
    ).json();
    expect(text.caseId).toBeNull();
    expect(text.projection.ties).toEqual([
      expect.objectContaining({
        source: 'a',
        target: 'b',
        sign: 1,
        relations: ['#0'],
        relationIndices: [0],
      }),
      expect.objectContaining({
        source: 'a',
        target: 'c',
        sign: -1,
        relations: ['#1'],
        relationIndices: [1],
      }),
    ]);
  });

  it('POST /api/analyze rejects bad input with { code, message, issues }', async () => {
    const cases: [unknown, number, string][] = [
      [{ caseId: 'nope' }, 404, 'not-found'],
      [{}, 400, 'invalid-request'],
      [{ caseId: 'afghanistan-2023', text: 'x' }, 400, 'invalid-request'],
      [{ caseId: 'afghanistan-2023', at: 'yesterday' }, 400, 'invalid-request'],
      [{ caseId: 'afghanistan-2023', at: '2023-13' }, 400, 'invalid-argument'],
      [{ caseId: 'afghanistan-2023', layers: ['military'] }, 400, 'invalid-request'],
      [{ caseId: 'afghanistan-2023', extra: true }, 400, 'invalid-request'],
      [{ caseId: 'broken' }, 400, 'invalid-case'],
    ];
    for (const [payload, status, code] of cases) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: payload as object,
      });
      expect(r.statusCode, JSON.stringify(payload)).toBe(status);
      const body = r.json();
      expect(body.code, JSON.stringify(payload)).toBe(code);
      expect(body.message).toBeTypeOf('string');
      expect(Array.isArray(body.issues)).toBe(true);
    }
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      payload: { text: 'format: entente/1\nid: q\ntitle: Q\nactors: 3\n' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().issues[0]).toMatchObject({ code: 'wrong-type', line: 4, column: 9 });
  });

  it('malformed JSON gives 400 malformed-json; a body over the limit gives 413 too-large', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/validate',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": "unterminated',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'malformed-json', issues: [] });
    const big = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: { text: 'x'.repeat(2 * 1024 * 1024 + 10) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'too-large', issues: [] });
  });

  it('POST /api/import turns CSV and GEXF into case YAML', async () => {
    const csv = await app.inject({
      method: 'POST',
      url: '/api/import',
      payload: { format: 'csv', edges: 'source,target,sign\nx,y,1\ny,z,-1\n', id: 'imported' },
    });
    expect(csv.statusCode).toBe(200);
    const fromCsv = loadCase(csv.json().text);
    expect(fromCsv.ok && fromCsv.case.id).toBe('imported');
    expect(fromCsv.ok && fromCsv.case.relations).toHaveLength(2);
    const c = loadCase(builtinText);
    if (!c.ok) throw new Error('built-in case invalid');
    const gexf = await app.inject({
      method: 'POST',
      url: '/api/import',
      payload: { format: 'gexf', text: exportGexf(c.case) },
    });
    expect(gexf.statusCode).toBe(200);
    const fromGexf = loadCase(gexf.json().text);
    expect(fromGexf.ok && fromGexf.case.actors).toHaveLength(14);
    const broken = await app.inject({
      method: 'POST',
      url: '/api/import',
      payload: { format: 'csv', edges: 'nothing,useful\n' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('invalid-case');
    expect(broken.json().issues.length).toBeGreaterThan(0);
  });

  it('sends security headers with a CSP that keeps scripts to self', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('GET / answers 503 with how to build the workbench when it is not built', async () => {
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build:web');
    expect(r.headers['content-security-policy']).toBeDefined();
  });

  it('unknown routes give 404 { code, message, issues }', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'not-found', issues: [] });
  });
});

describe('createServer static workbench', () => {
  it('serves index.html and assets from webRoot with the CSP, and refuses dotfiles', async () => {
    const web = caseFolder({ 'index.html': '<!doctype html><title>wb</title>', '.env': SECRET });
    const app = createServer({ webRoot: web });
    try {
      const index = await app.inject({ method: 'GET', url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('<title>wb</title>');
      expect(index.headers['content-security-policy']).toContain("script-src 'self'");
      const dot = await app.inject({ method: 'GET', url: '/.env' });
      expect(dot.statusCode).toBe(404);
      expect(dot.body).not.toContain(SECRET);
    } finally {
      await app.close();
    }
  });

  it('binds 127.0.0.1 by default', async () => {
    const app = createServer();
    try {
      expect(app.entente.options.host).toBe('127.0.0.1');
      await app.listen({ port: 0, host: app.entente.options.host });
      const address = app.server.address();
      expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    } finally {
      await app.close();
    }
  });
});
