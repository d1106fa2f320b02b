/**
 * The server maps core's error codes to statuses in one place (STATUS_OF_CODE) and never lets a
 * bug's message or stack reach the client (issue 10, Deliver 4).
 */
import { join } from 'node:path';
import { ENTENTE_ERROR_CODES, EntenteError, type EntenteErrorCode } from '@entente/core';
import { createServer, type EntenteServer, JobQueue } from '@entente/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, jobError, STATUS_OF_CODE } from '../src/api-error.js';
import { tempDir } from './helpers.js';

const SECRET = 'secret-internals-/home/deploy/entente/src/x.ts:42';

describe('api-error', () => {
  let app: EntenteServer;

  beforeAll(async () => {
    app = createServer({ cases: tempDir(), webRoot: join(tempDir(), 'no-web'), logger: false });
    // Handlers that fail the way a bug or a core function would, injected for this test only.
    app.get('/test/plain-error', async () => {
      throw new Error(SECRET);
    });
    app.get('/test/type-error', async () => {
      (undefined as unknown as { x: () => void }).x();
    });
    app.get<{ Params: { code: string } }>('/test/entente/:code', async (request) => {
      throw new EntenteError(request.params.code as EntenteErrorCode, `test: ${SECRET}`);
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('STATUS_OF_CODE: 400 bad input, 404 not found, 422 resource limit, 499 cancelled, 500 internal', () => {
    expect(STATUS_OF_CODE).toEqual({
      'invalid-case': 400,
      'invalid-csv': 400,
      'invalid-argument': 400,
      'out-of-range': 400,
      'unsupported-format': 400,
      'not-found': 404,
      'resource-limit': 422,
      cancelled: 499,
      internal: 500,
    });
    expect(Object.keys(STATUS_OF_CODE).sort()).toEqual([...ENTENTE_ERROR_CODES].sort());
  });

  it.each(ENTENTE_ERROR_CODES.filter((c) => c !== 'internal'))(
    'a handler throwing EntenteError %s answers its status with code and message',
    async (code) => {
      const r = await app.inject({ method: 'GET', url: `/test/entente/${code}` });
      expect(r.statusCode).toBe(STATUS_OF_CODE[code]);
      expect(r.json()).toEqual({ code, message: `test: ${SECRET}`, issues: [] });
    },
  );

  it.each(['/test/plain-error', '/test/type-error', '/test/entente/internal'])(
    'GET %s (a bug) answers 500 internal with no stack and no internal message',
    async (url) => {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(500);
      expect(r.json()).toEqual({ code: 'internal', message: 'internal server error', issues: [] });
      expect(r.body).not.toContain(SECRET);
      expect(r.body).not.toMatch(/\bat .*:\d+:\d+|stack|TypeError/);
    },
  );

  it('errorBody keeps the issues of an invalid-case EntenteError', () => {
    const issue = { code: 'unknown-actor', severity: 'error', message: 'x', path: [] } as const;
    expect(errorBody(new EntenteError('invalid-case', 'parseCase: 1 error(s)', [issue]))).toEqual({
      status: 400,
      body: { code: 'invalid-case', message: 'parseCase: 1 error(s)', issues: [issue] },
    });
  });

  it('jobError keeps a coded error and hides a bug', () => {
    expect(jobError(new EntenteError('out-of-range', 'explore: card = 3.85'))).toEqual({
      code: 'out-of-range',
      message: 'explore: card = 3.85',
    });
    expect(jobError(new RangeError(SECRET))).toEqual({
      code: 'internal',
      message: 'internal error',
    });
    expect(jobError(new EntenteError('internal', SECRET))).toEqual({
      code: 'internal',
      message: 'internal error',
    });
  });

  it('a job that fails from a bug reports internal to the client and the error to onInternalError', async () => {
    const seen: unknown[] = [];
    const q = new JobQueue<string>({
      maxJobs: 2,
      concurrency: 1,
      maxFinished: 2,
      retentionMs: 60_000,
      onInternalError: (error) => seen.push(error),
    });
    const bug = new TypeError(SECRET);
    const job = q.submit('test', 1, async () => {
      throw bug;
    });
    await job.settled;
    expect(job.state).toBe('failed');
    expect(job.error).toEqual({ code: 'internal', message: 'internal error' });
    expect(seen).toEqual([bug]);
    await q.close();
  });
});
