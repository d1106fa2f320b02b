/**
 * The messages of a distributed exploration or calibration (`@entente/runner`'s BullMQ queue),
 * one zod schema each: the job that asks a worker to run a range of worlds, the encoded batch
 * result it writes back, and the job that asks it to simulate rows of a calibration. Both cross a process boundary through Redis, so each side validates what it reads
 * ({@link parseBatchJob}, {@link parseEncodedBatch}) before acting on it.
 */
import { z } from 'zod';
import { EntenteError } from '../errors.js';

/** Ids that name Redis keys: no spaces, no braces (Redis Cluster hash tags), at most 256 characters. */
const KeyPart = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

const WorldIndex = z.int().min(0);

/** The data of one batch job: run worlds [start, end) of the plan stored for `exploration`. */
export const BatchJobSchema = z
  .strictObject({
    exploration: KeyPart.describe('Id of the exploration (its plan and results keys).'),
    planId: KeyPart.describe('Id of the plan the range belongs to.'),
    index: z.int().min(0).describe('Index of the batch in the exploration.'),
    start: WorldIndex.describe('First world of the batch.'),
    end: WorldIndex.describe('One past the last world of the batch.'),
  })
  .refine((job) => job.start < job.end, { message: 'start must be < end', path: ['end'] });

/** The data of one batch job. */
export type BatchJob = z.infer<typeof BatchJobSchema>;

/** Base64 text (RFC 4648 §4, padded). */
const Base64 = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'not base64');

/** A batch result as a worker stores it: the outcome and series arrays as little-endian base64. */
export const EncodedBatchSchema = z
  .strictObject({
    planId: KeyPart,
    start: WorldIndex,
    end: WorldIndex,
    outcomes: Base64.describe('Float64Array bytes, little-endian.'),
    series: Base64.describe('Float32Array bytes, little-endian.'),
  })
  .refine((batch) => batch.start < batch.end, { message: 'start must be < end', path: ['end'] });

/** A batch result as a worker stores it. */
export type EncodedBatch = z.infer<typeof EncodedBatchSchema>;

/** The longest base64 field of a calibration job, in characters (the submitter cuts chunks to fit). */
export const MAX_CALIBRATION_JOB_BYTES = 1024 * 1024;

/** The data of one calibration job: simulate rows of the history stored for `calibration`. */
export const CalibrationJobSchema = z.strictObject({
  calibration: z
    .string()
    .regex(/^[\w.-]{1,200}$/, 'an id of letters, digits, ".", "_" or "-" (at most 200)')
    .describe('Id of the calibration (its stored case and results keys).'),
  index: z.int().min(0).describe('Index of the chunk in the calibration.'),
  years: z.enum(['fit', 'all']).describe('The fitted years only, or all years.'),
  d: z.int().min(1).max(10_000).describe('Parameters per row.'),
  thetas: Base64.max(MAX_CALIBRATION_JOB_BYTES).describe(
    'n × d Float64Array bytes, little-endian.',
  ),
  seeds: Base64.max(MAX_CALIBRATION_JOB_BYTES).describe('n Uint32Array bytes, little-endian.'),
});

/** The data of one calibration job. */
export type CalibrationJob = z.infer<typeof CalibrationJobSchema>;

/** The zod issues of a failed parse as one line: `path: message; …` (first five). */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((i) => {
    const path = i.path.length > 0 ? i.path.join('.') : '(message)';
    return `${path}: ${i.message}`;
  });
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * Validates a batch job's data as read from the queue.
 * @throws {EntenteError} `invalid-argument` naming each malformed field
 * @example parseBatchJob({ exploration: 'p-1a2b', planId: 'p', index: 0, start: 0, end: 64 })
 */
export function parseBatchJob(data: unknown): BatchJob {
  const parsed = BatchJobSchema.safeParse(data);
  if (!parsed.success) {
    throw new EntenteError(
      'invalid-argument',
      `queue: malformed batch job: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

/**
 * Validates a stored batch result, JSON text as read from Redis.
 * @throws {EntenteError} `invalid-argument` when the text is not JSON or a field is malformed
 */
export function parseEncodedBatch(text: string): EncodedBatch {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EntenteError('invalid-argument', 'queue: a stored batch result is not JSON');
  }
  const parsed = EncodedBatchSchema.safeParse(value);
  if (!parsed.success) {
    throw new EntenteError(
      'invalid-argument',
      `queue: malformed batch result: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

/**
 * Validates a calibration job's data as read from the queue (its fields; the runner then decodes
 * the arrays and checks their lengths against each other).
 * @throws {EntenteError} `invalid-argument` naming each malformed field
 */
export function parseCalibrationJobMessage(data: unknown): CalibrationJob {
  const parsed = CalibrationJobSchema.safeParse(data);
  if (!parsed.success) {
    throw new EntenteError(
      'invalid-argument',
      `queue: calibration job: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}
