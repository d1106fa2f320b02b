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
  type JobAccepted,
  JobAcceptedSchema,
  type JobCancelled,
  JobCancelledSchema,
  type JobFailedEvent,
  type JobList,
  JobListSchema,
  type JobProgressEvent,
  type JobRequest,
  JobRequestSchema,
  type JobStateEvent,
  type JobStatus,
  JobStatusSchema,
  planExploration,
} from '@entente/core';
import { runPlan, writeRunFolder } from '@entente/runner';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, notFound } from '../api-error.js';
import { caseWithScenarios } from '../case-with-scenarios.js';
import { isFinished, type Job, type JobEvent } from '../job-queue.js';
import { errorResponses, idParams, request, response } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

function jobJson(job: Job<ExplorationSummary>, withResult: boolean): JobStatus {
  return {
    id: job.id,
    kind: 'explore',
    state: job.state,
    progress: job.progress,
    // The summary agrees with its contract schema but for readonly-ness (checked in core).
    ...(withResult && job.result ? { result: job.result as JobStatus['result'] } : {}),
    ...(job.error ? { error: job.error } : {}),
    createdAt: new Date(job.createdAt).toISOString(),
    ...(job.finishedAt !== undefined ? { finishedAt: new Date(job.finishedAt).toISOString() } : {}),
  };
}

/** One server-sent event; its data follows the contract's event schemas. */
function sse(
  reply: FastifyReply,
  event: string,
  data: JobStateEvent | JobProgressEvent | JobFailedEvent | Record<string, never>,
): void {
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

  app.post<{ Body: JobRequest }>(
    '/api/jobs',
    {
      schema: {
        body: request(JobRequestSchema),
        response: { 202: response(JobAcceptedSchema), ...errorResponses },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const options = body.options ?? {};
      const { maxWorlds, maxMonths } = ctx.options;
      if (options.months !== undefined && options.months > maxMonths) {
        throw new ApiError(400, 'resource-limit', `explore: months must be ≤ ${maxMonths}`);
      }
      if ((options.runs ?? 0) > maxWorlds) {
        throw new ApiError(400, 'resource-limit', `explore: runs must be ≤ ${maxWorlds}`);
      }
      const resolved = ctx.source.resolve({ caseId: body.caseId, text: body.text });
      const c = caseWithScenarios(resolved.case, body.scenarios);
      const plan = planExploration(c, options);
      if (plan.worlds > maxWorlds) {
        throw new ApiError(
          400,
          'resource-limit',
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
      const accepted: JobAccepted = { id: job.id, state: job.state, worlds: plan.worlds };
      return reply.status(202).send(accepted);
    },
  );

  app.get(
    '/api/jobs',
    { schema: { response: { 200: response(JobListSchema), ...errorResponses } } },
    async (): Promise<JobList> => ({ jobs: jobs.list().map((j) => jobJson(j, false)) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id',
    {
      schema: { params: idParams, response: { 200: response(JobStatusSchema), ...errorResponses } },
    },
    async (req): Promise<JobStatus> => {
      const job = jobs.get(req.params.id);
      if (!job) throw notFound(`job "${req.params.id}"`);
      return jobJson(job, true);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/jobs/:id',
    {
      schema: {
        params: idParams,
        response: { 200: response(JobCancelledSchema), ...errorResponses },
      },
    },
    async (req): Promise<JobCancelled> => {
      const job = jobs.cancel(req.params.id);
      if (!job) throw notFound(`job "${req.params.id}"`);
      return { id: job.id, state: job.state };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id/events',
    { schema: { params: idParams, response: errorResponses } },
    async (request, reply) => {
      const job = jobs.get(request.params.id);
      if (!job) throw notFound(`job "${request.params.id}"`);
      streamEvents(ctx, job, request, reply);
    },
  );
}
