// @entente/server public API, listed by hand.
export { ApiError, type ApiErrorBody } from './api-error.js';
export { BUILTIN_CASE, CaseLibrary, type LibraryCase, scanCases } from './case-library.js';
export { CSP_DIRECTIVES, createServer, type EntenteServer } from './create-server.js';
export {
  type EventData,
  type EventDataDeps,
  type EventSeriesRequest,
  type EventStoreLike,
  openEventData,
} from './event-data.js';
export { type Job, type JobEvent, JobQueue, type JobState } from './job-queue.js';
export {
  DEFAULT_WEB_ROOT,
  type ResolvedServerOptions,
  resolveServerOptions,
  type ServerOptions,
} from './server-options.js';
export { SERVER_VERSION } from './version.js';
