// The contract: one zod schema per message that crosses a package boundary (HTTP request and
// response bodies, `--json` outputs). Listed by hand; also `@entente/core/contract`, for the web
// app's `import type` (test/api.test.ts pins the names through the main entry).
export { type AnalyzeRequest, AnalyzeRequestSchema } from './analyze.js';
export {
  type CaseDocument,
  CaseDocumentSchema,
  type CaseListEntry,
  CaseListEntrySchema,
  type CaseListResponse,
  CaseListResponseSchema,
  type ImportRequest,
  ImportRequestSchema,
  type ImportResponse,
  ImportResponseSchema,
  type ValidateRequest,
  ValidateRequestSchema,
  type ValidateResponse,
  ValidateResponseSchema,
} from './cases.js';
export {
  type ApiErrorBody,
  ApiErrorSchema,
  CaseIdSchema,
  CaseRefSchema,
  CaseRefShape,
  DateSchema,
  IdParamsSchema,
  type Issue,
  IssueSchema,
  JobIdSchema,
  SeedSchema,
} from './common.js';
export {
  type BandJson,
  type ExplorationSummaryJson,
  ExplorationSummarySchema,
  type ExploreOptionsJson,
  ExploreOptionsSchema,
  type HypothesisSummaryJson,
  ResolvedExploreOptionsSchema,
} from './explore.js';
export {
  JOB_STATES,
  type JobAccepted,
  JobAcceptedSchema,
  type JobCancelled,
  JobCancelledSchema,
  type JobList,
  JobListSchema,
  type JobRequest,
  JobRequestSchema,
  type JobState,
  type JobStatus,
  JobStatusSchema,
} from './jobs.js';
export { type JsonSchema, requestJsonSchema, responseJsonSchema } from './json-schema.js';
export {
  ClientScenariosSchema,
  type CompiledScenario,
  CompiledScenarioSchema,
  MAX_CLIENT_SCENARIOS,
  ModelParameterSchema,
  type ModelSummary,
  ModelSummarySchema,
  type ScenariosResponse,
  ScenariosResponseSchema,
  type SimulateRequest,
  SimulateRequestSchema,
  type SimulateResponse,
  SimulateResponseSchema,
  type SimulationResult,
  SimulationResultSchema,
  type TrajectoryJson,
  TrajectorySchema,
} from './simulate.js';
