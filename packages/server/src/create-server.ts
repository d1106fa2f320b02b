/**
 * The entente HTTP API and workbench server: a Fastify 5 instance with strict JSON schemas on
 * every route, a body limit (413 beyond), request timeouts, security headers with a CSP that lets
 * the built workbench run, errors always as `{ code, message, issues }`, a bounded job queue for
 * explorations with progress over server-sent events, and the static workbench at `/`. Once
 * listening, it warms its analysis cache with the built-in case's first analyses in the
 * background (warm-analyses.ts); closing stops the warm-up.
 */
import type { ExplorationSummary } from '@entente/core';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { AnalysisCache } from './analysis-cache.js';
import { ApiError, handleError } from './api-error.js';
import { CaseLibrary, scanCases } from './case-library.js';
import { CaseSource } from './case-source.js';
import { JobQueue } from './job-queue.js';
import { analyzeRoutes } from './routes/analyze.js';
import { calibrationRoutes } from './routes/calibration.js';
import { casesRoutes } from './routes/cases.js';
import { eventsRoutes } from './routes/events.js';
import { importRoutes } from './routes/import.js';
import { jobsRoutes } from './routes/jobs.js';
import { scenarioRolesRoutes } from './routes/scenario-roles.js';
import { simulateRoutes } from './routes/simulate.js';
import { validateRoutes } from './routes/validate.js';
import { webRoutes } from './routes/web.js';
import { errorSchema } from './schemas.js';
import type { ServerContext } from './server-context.js';
import {
  type ResolvedServerOptions,
  resolveServerOptions,
  type ServerOptions,
} from './server-options.js';
import { SERVER_VERSION } from './version.js';
import { warmAnalyses } from './warm-analyses.js';

/** The Content-Security-Policy directives the server sends. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // CodeMirror 6 mounts its theme in <style> elements and Observable Plot styles its SVG inline.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Plain http on the loopback interface: nothing to upgrade.
  upgradeInsecureRequests: null,
} as const;

/** The analysis warm-up waits until no request has come or gone for this long, ms. */
const WARMUP_QUIET_MS = 50;

/** A Fastify instance with the server's context attached. */
export type EntenteServer = FastifyInstance & {
  readonly entente: ServerContext;
};

/**
 * Builds the server (not listening: call `listen`, e.g. `{ port: 0, host: '127.0.0.1' }`). The
 * cases are read when the server becomes ready (`ready()`, `listen()` or the first `inject()`).
 * @throws {EntenteError} `out-of-range` on an option out of range
 * @example const app = createServer({ cases: 'cases/' }); await app.listen({ port: 8787, host: '127.0.0.1' });
 */
export function createServer(options: ServerOptions = {}): EntenteServer {
  const resolved: ResolvedServerOptions = resolveServerOptions(options);
  const app = Fastify({
    logger: resolved.logger,
    bodyLimit: resolved.bodyLimit,
    connectionTimeout: resolved.connectionTimeout,
    requestTimeout: resolved.requestTimeout,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });
  const library = new CaseLibrary();
  const jobs = new JobQueue<ExplorationSummary>({
    maxJobs: resolved.maxJobs,
    concurrency: resolved.jobConcurrency,
    maxFinished: resolved.maxFinishedJobs,
    retentionMs: resolved.jobRetentionMs,
    onInternalError: (err, job) => app.log.error({ err, job }, 'job failed'),
  });
  const ctx: ServerContext = {
    options: resolved,
    library,
    source: new CaseSource(library),
    analyses: new AnalysisCache(resolved.analysisTimeLimit),
    jobs,
  };
  app.decorate('entente', ctx);

  app.addSchema(errorSchema);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    handleError(
      new ApiError(404, 'not-found', `${request.method} ${request.url.slice(0, 200)} not found`),
      request,
      reply,
    );
  });
  // Traversal attempts never reach a route (the static files are served by @fastify/static,
  // which refuses them too): a `..` segment, a backslash or a NUL in the decoded path is a 404.
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw new ApiError(404, 'not-found', 'not found');
    }
    if (/(^|[/\\])\.\.([/\\]|$)|\\|\0/.test(decoded))
      throw new ApiError(404, 'not-found', 'not found');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });

  // Requests waiting for an answer (event streams, open for minutes, aside) and when the last
  // one came or went: the analysis warm-up computes only when there are none and have been none
  // for a moment, so that a client's next request (often sent right after an answer) never waits
  // behind it.
  let waiting = 0;
  let lastActivity = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url === '/api/jobs/:id/events') return;
    waiting++;
    lastActivity = performance.now();
    reply.raw.once('close', () => {
      waiting--;
      lastActivity = performance.now();
    });
  });
  // A new connection counts too: its first request is parsed a turn or two after the accept.
  app.server.on('connection', () => {
    lastActivity = performance.now();
  });
  const busy = () => waiting > 0 || performance.now() - lastActivity < WARMUP_QUIET_MS;

  app.addHook('onReady', async () => {
    await scanCases(resolved.cases, (m) => app.log.warn(m), library);
  });
  const warmup = new AbortController();
  let warming: Promise<unknown> | null = null;
  app.addHook('onListen', async () => {
    if (warming || resolved.warmAnalyses === 0) return;
    // Not awaited: `listen` resolves at once and the warm-up yields to requests.
    warming = warmAnalyses(ctx, {
      max: resolved.warmAnalyses,
      signal: warmup.signal,
      busy,
    }).catch((error: Error) => app.log.warn(`analysis warm-up stopped: ${error.message}`));
  });
  app.addHook('onClose', async () => {
    warmup.abort();
    await warming;
    await jobs.close();
  });

  app.get(
    '/api/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            required: ['ok', 'version'],
            properties: { ok: { type: 'boolean' }, version: { type: 'string' } },
          },
        },
      },
    },
    async () => ({ ok: true, version: SERVER_VERSION }),
  );
  casesRoutes(app, ctx);
  validateRoutes(app);
  analyzeRoutes(app, ctx);
  importRoutes(app);
  simulateRoutes(app, ctx);
  scenarioRolesRoutes(app, ctx);
  jobsRoutes(app, ctx);
  eventsRoutes(app, ctx);
  calibrationRoutes(app, ctx);
  app.register(async (scope) => webRoutes(scope, resolved.webRoot));
  return app as unknown as EntenteServer;
}
