/** Exploration jobs: `POST /api/jobs`, `GET /api/jobs`, `GET|DELETE /api/jobs/:id`. */
import { z } from 'zod';
import { CaseRefShape } from './common.js';
import { ExplorationSummarySchema, ExploreOptionsSchema } from './explore.js';
import { ClientScenariosSchema } from './simulate.js';

/** The states of a job, in the order they can happen. */
export const JOB_STATES = Object.freeze([
  'queued',
  'running',
  'done',
  'cancelled',
  'failed',
] as const);

/** `POST /api/jobs` body: an exploration of a case, with scenarios the client adds. */
export const JobRequestSchema = z.strictObject({
  kind: z.literal('explore'),
  ...CaseRefShape,
  options: ExploreOptionsSchema.optional(),
  scenarios: ClientScenariosSchema.optional(),
});

/** `POST /api/jobs` → 202 with the job's id, state and number of worlds. */
export const JobAcceptedSchema = z.object({
  id: z.string(),
  state: z.enum(JOB_STATES),
  worlds: z.int(),
});

/** A job's state and progress; `result` (the summary) when it is done and asked for. */
export const JobStatusSchema = z.object({
  id: z.string(),
  kind: z.literal('explore'),
  state: z.enum(JOB_STATES),
  progress: z.object({ done: z.int(), total: z.int() }),
  result: ExplorationSummarySchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});

/** `GET /api/jobs` → every job the server keeps, without results. */
export const JobListSchema = z.object({ jobs: z.array(JobStatusSchema) });

/** `DELETE /api/jobs/:id` → the job's id and its state after cancelling. */
export const JobCancelledSchema = z.object({ id: z.string(), state: z.enum(JOB_STATES) });

/** `GET /api/jobs/:id/events` (server-sent events): `state` and `progress` while it runs. */
export const JobStateEventSchema = z.object({ state: z.enum(JOB_STATES) });
/** A `progress` event: worlds done of the total. */
export const JobProgressEventSchema = z.object({ done: z.int(), total: z.int() });
/** The final `failed` event: what went wrong (`done` and `cancelled` carry `{}`). */
export const JobFailedEventSchema = z.object({ code: z.string(), message: z.string() });

/** A job's state. */
export type JobState = (typeof JOB_STATES)[number];
/** `POST /api/jobs` body. */
export type JobRequest = z.input<typeof JobRequestSchema>;
/** `POST /api/jobs` response. */
export type JobAccepted = z.infer<typeof JobAcceptedSchema>;
/** `GET /api/jobs/:id`. */
export type JobStatus = z.infer<typeof JobStatusSchema>;
/** `GET /api/jobs`. */
export type JobList = z.infer<typeof JobListSchema>;
/** `DELETE /api/jobs/:id`. */
export type JobCancelled = z.infer<typeof JobCancelledSchema>;
/** A `state` event. */
export type JobStateEvent = z.infer<typeof JobStateEventSchema>;
/** A `progress` event. */
export type JobProgressEvent = z.infer<typeof JobProgressEventSchema>;
/** A `failed` event. */
export type JobFailedEvent = z.infer<typeof JobFailedEventSchema>;
