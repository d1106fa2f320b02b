/**
 * The workbench's HTTP client: one typed function per route of `@entente/server`, typed by the
 * contract in `@entente/core/contract` (the same zod schemas the server's route schemas are
 * generated from). Every failure becomes an {@link ApiError} carrying `{ code, message, issues }`.
 */

import type {
  AnalyzeRequest,
  AnalyzeResponse,
  ApiErrorBody,
  CalibrateCommandJson,
  CaseDocument,
  CaseListEntry,
  CaseListResponse,
  ClientScenario,
  ExploreOptionsJson,
  ImportRequest,
  ImportResponse,
  Issue,
  JobAccepted,
  JobCancelled,
  JobFailedEvent,
  JobProgressEvent,
  JobStatus,
  ScenariosResponse,
  SimulateRequest,
  SimulateResponse,
  ValidateResponse,
} from '@entente/core/contract';
import type {
  EventSeriesRequest,
  EventSeriesResponse,
  ObservedResponse,
  ScenarioRoles,
} from './types.js';

/** A failed request: the server's error code, message and located issues. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: Issue[];
  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}

/** Where a request's case comes from: a case the server lists, or text edited in this session. */
export type CaseSource = { caseId: string } | { text: string };

async function request<T>(method: string, url: string, body?: unknown, signal?: AbortSignal) {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(res.status, {
      code: err.code ?? `http-${res.status}`,
      message: err.message ?? `${method} ${url}: HTTP ${res.status}`,
      issues: err.issues ?? [],
    });
  }
  return data as T;
}

/** `GET /api/cases` */
export async function listCases(): Promise<CaseListEntry[]> {
  const r = await request<CaseListResponse>('GET', '/api/cases');
  return r.cases;
}

/** `GET /api/cases/:id` */
export function getCase(id: string): Promise<CaseDocument> {
  return request('GET', `/api/cases/${encodeURIComponent(id)}`);
}

/** `GET /api/cases/:id/scenarios` */
export function getScenarios(id: string): Promise<ScenariosResponse> {
  return request('GET', `/api/cases/${encodeURIComponent(id)}/scenarios`);
}

/** `POST /api/validate` */
export function validateText(text: string, signal?: AbortSignal): Promise<ValidateResponse> {
  return request('POST', '/api/validate', { text }, signal);
}

/** Options of {@link analyze}: the date and layers of the contract's request. */
export type AnalyzeOptions = {
  [K in 'at' | 'layers']?: AnalyzeRequest[K] | undefined;
};

/** `POST /api/analyze` */
export function analyze(
  source: CaseSource,
  options: AnalyzeOptions,
  signal?: AbortSignal,
): Promise<AnalyzeResponse> {
  // The workbench does not draw the single-layer landscapes: it asks the server to skip them.
  const body: Record<string, unknown> = { ...source, byLayer: false };
  if (options.at) body.at = options.at;
  if (options.layers) body.layers = options.layers;
  return request('POST', '/api/analyze', body, signal);
}

/** `POST /api/simulate` */
export function simulate(
  source: CaseSource,
  scenario: string,
  /** `scenarios` are added to the case's, replacing those of the same id. */
  options: Pick<SimulateRequest, 'seed' | 'months' | 'parameters' | 'scenarios'> = {},
): Promise<SimulateResponse> {
  const body: Record<string, unknown> = { ...source, scenario, ...options };
  if (!options.scenarios || options.scenarios.length === 0) delete body.scenarios;
  if (options.parameters && Object.keys(options.parameters).length === 0) delete body.parameters;
  return request('POST', '/api/simulate', body);
}

/** `POST /api/scenario-roles`: a scenario's regime, groups, states and their policies. */
export function getScenarioRoles(
  source: CaseSource,
  scenario: string,
  signal?: AbortSignal,
): Promise<ScenarioRoles> {
  return request('POST', '/api/scenario-roles', { ...source, scenario }, signal);
}

/** `POST /api/events/series`: an actor's or dyad's event series from the server's event data. */
export function getEventSeries(
  body: EventSeriesRequest,
  signal?: AbortSignal,
): Promise<EventSeriesResponse> {
  return request('POST', '/api/events/series', body, signal);
}

/**
 * `GET /api/calibration`: the calibration the server was started with (`serve --calibration DIR`);
 * null when it has none (404).
 */
export async function getCalibration(signal?: AbortSignal): Promise<CalibrateCommandJson | null> {
  try {
    return await request<CalibrateCommandJson>('GET', '/api/calibration', undefined, signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.code === 'not-found') return null;
    throw e;
  }
}

/** `POST /api/events/observed`: the case's observed hypotheses evaluated on the event data. */
export function getObservedVerdicts(
  caseId: string,
  signal?: AbortSignal,
): Promise<ObservedResponse> {
  return request('POST', '/api/events/observed', { caseId }, signal);
}

/** `POST /api/jobs` (an exploration) → the job's id. */
export function submitExploration(
  source: CaseSource,
  options: ExploreOptionsJson,
  scenarios?: ClientScenario[],
): Promise<JobAccepted> {
  const body: Record<string, unknown> = { kind: 'explore', ...source, options };
  if (scenarios && scenarios.length > 0) body.scenarios = scenarios;
  return request('POST', '/api/jobs', body);
}

/** `GET /api/jobs/:id` */
export function getJob(id: string): Promise<JobStatus> {
  return request('GET', `/api/jobs/${encodeURIComponent(id)}`);
}

/** `DELETE /api/jobs/:id` */
export function cancelJob(id: string): Promise<JobCancelled> {
  return request('DELETE', `/api/jobs/${encodeURIComponent(id)}`);
}

/** `POST /api/import` */
export function importCase(body: ImportRequest): Promise<ImportResponse> {
  return request('POST', '/api/import', body);
}

/** Handlers of a job's server-sent events. */
export interface JobEventHandlers {
  progress(p: JobProgressEvent): void;
  end(state: 'done' | 'cancelled' | 'failed', error?: JobFailedEvent): void;
}

/** Follows `GET /api/jobs/:id/events`; returns a function that stops listening. */
export function followJob(id: string, handlers: JobEventHandlers): () => void {
  const source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
  let ended = false;
  const end = (state: 'done' | 'cancelled' | 'failed', error?: JobFailedEvent) => {
    if (ended) return;
    ended = true;
    source.close();
    handlers.end(state, error);
  };
  source.addEventListener('progress', (e) => {
    handlers.progress(JSON.parse((e as MessageEvent<string>).data));
  });
  source.addEventListener('done', () => end('done'));
  source.addEventListener('cancelled', () => end('cancelled'));
  source.addEventListener('failed', (e) => {
    const data = (e as MessageEvent<string>).data;
    let error: JobFailedEvent = { code: 'failed', message: 'the job failed' };
    try {
      if (data) error = JSON.parse(data);
    } catch {
      // keep the generic message
    }
    end('failed', error);
  });
  source.onerror = () => {
    // The stream closed without a final event (server restart or job gone): ask the job itself.
    if (ended) return;
    source.close();
    getJob(id)
      .then((job) => {
        if (job.state === 'done' || job.state === 'cancelled' || job.state === 'failed') {
          end(job.state, typeof job.error === 'object' ? job.error : undefined);
        } else {
          end('failed', { code: 'stream-lost', message: 'lost the progress stream' });
        }
      })
      .catch(() => end('failed', { code: 'stream-lost', message: 'lost the progress stream' }));
  };
  return () => {
    ended = true;
    source.close();
  };
}
