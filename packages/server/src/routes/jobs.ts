/**
 * Explorations as jobs: `POST /api/jobs` plans the exploration at once (bad options are a 400
 * before anything is queued; more than `maxWorlds` worlds too) and queues it (429 when the queue
 * is full); `GET /api/jobs/:id` reports its state, progress and summary; `DELETE` cancels it
 * (aborting the runner, dropping any result, writing nothing); `GET /api/jobs/:id/events` streams
 * its progress as server-sent events with a heartbeat, until it ends or the client goes away.
 */

import { rm } from 'node:fs/promises';
import type { OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import {
  type ExplorationSummary,
  type ExploreOptions,
  planExploration,
  SAMPLE_DESIGNS,
  type Scenario,
} from '@entente/core';
import { runPlan, writeRunFolder } from '@entente/runner';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, notFound } from '../api-error.js';
import { caseWithScenarios, MAX_CLIENT_SCENARIOS } from '../case-with-scenarios.js';
import { isFinished, type Job, type JobEvent } from '../job-queue.js';
import {
  caseRefProperties,
  errorResponses,
  jobIdSchema,
  looseObject,
  scenarioSchema,
} from '../schemas.js';
import type { ServerContext } from '../server-context.js';

/** Body of `POST /api/jobs`. */
export interface JobBody {
  readonly kind: 'explore';
  readonly caseId?: string;
  readonly text?: string;
  readonly options?: ExploreOptions;
  readonly scenarios?: Scenario[];
}

const jobParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: jobIdSchema },
} as const;

const jobStateSchema = {
  type: 'object',
  required: ['id', 'kind', 'state', 'progress'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    state: { type: 'string', enum: ['queued', 'running', 'done', 'cancelled', 'failed'] },
    progress: {
      type: 'object',
      required: ['done', 'total'],
      properties: { done: { type: 'integer' }, total: { type: 'integer' } },
    },
    result: looseObject,
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
    createdAt: { type: 'string' },
    finishedAt: { type: 'string' },
  },
} as const;

function jobJson(job: Job<ExplorationSummary>, withResult: boolean) {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    progress: job.progress,
    ...(withResult && job.result ? { result: job.result } : {}),
    ...(job.error ? { error: job.error } : {}),
    createdAt: new Date(job.createdAt).toISOString(),
    ...(job.finishedAt !== undefined ? { finishedAt: new Date(job.finishedAt).toISOString() } : {}),
  };
}

function sse(reply: FastifyReply, event: string, data: unknown): void {
  reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Streams a job's events until it ends or the client disconnects. */
function streamEvents(
  ctx: ServerContext,
  job: Job<ExplorationSummary>,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.hijack();
  // The security headers set by the hooks so far, which hijacking would otherwise drop.
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined && name !== 'content-length') headers[name] = value;
  }
  reply.raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  reply.raw.write('retry: 3000\n\n');
  sse(reply, 'state', { state: job.state });
  sse(reply, 'progress', job.progress);
  const terminal = (state: string): JobEvent =>
    state === 'done'
      ? { type: 'done' }
      : state === 'cancelled'
        ? { type: 'cancelled' }
        : { type: 'failed', code: job.error?.code ?? 'failed', message: job.error?.message ?? '' };
  let closed = false;
  let unsubscribe = () => {};
  const heartbeat = setInterval(() => reply.raw.write(': heartbeat\n\n'), ctx.options.heartbeatMs);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    reply.raw.end();
  };
  const send = (event: JobEvent) => {
    if (closed) return;
    if (event.type === 'progress') sse(reply, 'progress', { done: event.done, total: event.total });
    else if (event.type === 'state') sse(reply, 'state', { state: event.state });
    else if (event.type === 'failed')
      sse(reply, 'failed', { code: event.code, message: event.message });
    else {
      sse(reply, event.type, {});
    }
    if (event.type === 'done' || event.type === 'cancelled' || event.type === 'failed') close();
  };
  request.raw.on('close', close);
  reply.raw.on('close', close);
  if (isFinished(job.state)) {
    send(terminal(job.state));
    return;
  }
  unsubscribe = ctx.jobs.subscribe(job, send);
}

/** Registers the job routes. */
export function jobsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const jobs = ctx.jobs;

  app.post<{ Body: JobBody }>(
    '/api/jobs',
    {
      schema: {
        body: {
          type: 'object',
          required: ['kind'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['explore'] },
            ...caseRefProperties,
            options: {
              type: 'object',
              additionalProperties: false,
              properties: {
                scenarios: { type: 'array', items: { type: 'string' }, maxItems: 64 },
                sample: { type: 'string', enum: [...SAMPLE_DESIGNS] },
                runs: { type: 'integer', minimum: 1 },
                seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
                months: { type: 'integer', minimum: 1 },
                parameters: { type: 'array', items: { type: 'string' }, maxItems: 200 },
                bands: { type: 'integer', minimum: 0, maximum: 10000 },
                levels: { type: 'integer', minimum: 2, maximum: 64 },
                bootstrap: { type: 'integer', minimum: 1, maximum: 10000 },
              },
            },
            scenarios: { type: 'array', items: scenarioSchema, maxItems: MAX_CLIENT_SCENARIOS },
          },
        },
        response: {
          202: {
            type: 'object',
            required: ['id', 'state'],
            properties: {
              id: { type: 'string' },
              state: { type: 'string' },
              worlds: { type: 'integer' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const options = body.options ?? {};
      const { maxWorlds, maxMonths } = ctx.options;
      if (options.months !== undefined && options.months > maxMonths) {
        throw new ApiError(400, 'invalid-argument', `explore: months must be ≤ ${maxMonths}`);
      }
      if ((options.runs ?? 0) > maxWorlds) {
        throw new ApiError(400, 'invalid-argument', `explore: runs must be ≤ ${maxWorlds}`);
      }
      const resolved = ctx.source.resolve({ caseId: body.caseId, text: body.text });
      const c = caseWithScenarios(resolved.case, body.scenarios);
      const plan = planExploration(c, options);
      if (plan.worlds > maxWorlds) {
        throw new ApiError(
          400,
          'invalid-argument',
          `explore: ${plan.worlds} worlds exceed this server's limit of ${maxWorlds}; lower runs`,
        );
      }
      const worldMonths = plan.worlds * plan.scenarios.reduce((sum, s) => sum + s.months, 0);
      const workers = worldMonths <= ctx.options.inlineWorldMonths ? 1 : ctx.options.workers;
      const job = jobs.submit('explore', plan.worlds, async (signal, onProgress, id) => {
        const result = await runPlan(plan, {
          workers,
          signal,
          onProgress: (p) => onProgress(p.done, p.total),
        });
        if (signal.aborted) return result.summary;
        if (ctx.options.jobsDir !== undefined) {
          const dir = join(ctx.options.jobsDir, id);
          await writeRunFolder(dir, result, { caseText: resolved.text, format: 'csv' });
          // Cancelled while writing: the folder must not outlive the job.
          if (signal.aborted) await rm(dir, { recursive: true, force: true });
        }
        return result.summary;
      });
      return reply.status(202).send({ id: job.id, state: job.state, worlds: plan.worlds });
    },
  );

  app.get(
    '/api/jobs',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            required: ['jobs'],
            properties: { jobs: { type: 'array', items: jobStateSchema } },
          },
          ...errorResponses,
        },
      },
    },
    async () => ({ jobs: jobs.list().map((j) => jobJson(j, false)) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id',
    { schema: { params: jobParams, response: { 200: jobStateSchema, ...errorResponses } } },
    async (request) => {
      const job = jobs.get(request.params.id);
      if (!job) throw notFound(`job "${request.params.id}"`);
      return jobJson(job, true);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/jobs/:id',
    {
      schema: {
        params: jobParams,
        response: {
          200: {
            type: 'object',
            required: ['id', 'state'],
            properties: { id: { type: 'string' }, state: { type: 'string' } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const job = jobs.cancel(request.params.id);
      if (!job) throw notFound(`job "${request.params.id}"`);
      return { id: job.id, state: job.state };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id/events',
    { schema: { params: jobParams, response: errorResponses } },
    async (request, reply) => {
      const job = jobs.get(request.params.id);
      if (!job) throw notFound(`job "${request.params.id}"`);
      streamEvents(ctx, job, request, reply);
    },
  );
}
