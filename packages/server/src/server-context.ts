/** What every route of one server shares: its resolved options, its cases and its job queue. */
import type { ExplorationSummary } from '@entente/core';
import type { AnalysisCache } from './analysis-cache.js';
import type { CaseLibrary } from './case-library.js';
import type { CaseSource } from './case-source.js';
import type { JobQueue } from './job-queue.js';
import type { ResolvedServerOptions } from './server-options.js';

/** The state of one server instance (its cases, analyses and jobs), handed to each route plugin. */
export interface ServerContext {
  readonly options: ResolvedServerOptions;
  readonly library: CaseLibrary;
  readonly source: CaseSource;
  readonly analyses: AnalysisCache;
  readonly jobs: JobQueue<ExplorationSummary>;
}
