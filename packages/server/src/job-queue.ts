/**
 * A bounded in-memory job queue: at most `maxJobs` jobs queued or running (more are refused with
 * 429), `concurrency` running at once, finished jobs kept for a bounded count and time. Each job
 * has an AbortController — cancelling a running job aborts its work — and listeners that receive
 * its progress and its end (the server-sent events of `/api/jobs/:id/events`).
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { JobState } from '@entente/core';
import { ApiError, jobError } from './api-error.js';

/** Life cycle of a job: the contract's `JOB_STATES`. */
export type { JobState };

/** What a job's listeners receive. */
export type JobEvent =
  | { readonly type: 'state'; readonly state: JobState }
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done' }
  | { readonly type: 'cancelled' }
  | { readonly type: 'failed'; readonly code: string; readonly message: string };

/** The work of a job: resolves with its result; must honour `signal`. */
export type JobWork<R> = (
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
  id: string,
) => Promise<R>;

/** One job. */
export interface Job<R> {
  readonly id: string;
  readonly kind: string;
  state: JobState;
  progress: { done: number; total: number };
  result?: R;
  error?: { code: string; message: string };
  readonly createdAt: number;
  finishedAt?: number;
  readonly controller: AbortController;
  readonly listeners: Set<(event: JobEvent) => void>;
  readonly work: JobWork<R>;
  /** Settles when the job's work has stopped (whatever its end). */
  settled?: Promise<void>;
}

/** Bounds of a {@link JobQueue}. */
export interface JobQueueOptions {
  /** Jobs queued or running at once. */
  readonly maxJobs: number;
  /** Jobs running at once. */
  readonly concurrency: number;
  /** Finished jobs kept. */
  readonly maxFinished: number;
  /** How long a finished job is kept, ms. */
  readonly retentionMs: number;
  /** Clock, for tests. @default Date.now */
  readonly now?: () => number;
  /** Told of each job that failed from a bug (its client sees only `internal`), for the log. */
  readonly onInternalError?: (error: unknown, jobId: string) => void;
}

const FINISHED: readonly JobState[] = ['done', 'cancelled', 'failed'];

/** True for done, cancelled and failed. */
export function isFinished(state: JobState): boolean {
  return FINISHED.includes(state);
}

/** The server's queue of long-running jobs. */
export class JobQueue<R = unknown> {
  private readonly jobs = new Map<string, Job<R>>();
  private readonly waiting: Job<R>[] = [];
  private running = 0;
  private closed = false;
  private readonly now: () => number;

  constructor(readonly options: JobQueueOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Jobs queued or running. */
  get active(): number {
    return this.waiting.length + this.running;
  }

  /**
   * Queues `work`; it starts when a slot is free.
   * @throws {ApiError} 429 `queue-full` when `maxJobs` jobs are queued or running; 503 when closed
   */
  submit(kind: string, total: number, work: JobWork<R>): Job<R> {
    if (this.closed) throw new ApiError(503, 'closing', 'the server is shutting down');
    this.prune();
    if (this.active >= this.options.maxJobs) {
      throw new ApiError(
        429,
        'queue-full',
        `the job queue is full (${this.options.maxJobs} jobs queued or running); retry later`,
      );
    }
    const job: Job<R> = {
      id: randomBytes(9).toString('base64url'),
      kind,
      state: 'queued',
      progress: { done: 0, total },
      createdAt: this.now(),
      controller: new AbortController(),
      listeners: new Set(),
      work,
    };
    // The runner adds an abort listener per batch in flight.
    setMaxListeners(10_000, job.controller.signal);
    this.jobs.set(job.id, job);
    this.waiting.push(job);
    this.pump();
    return job;
  }

  /** The job with this id, or undefined. */
  get(id: string): Job<R> | undefined {
    this.prune();
    return this.jobs.get(id);
  }

  /** Every job held, oldest first. */
  list(): readonly Job<R>[] {
    this.prune();
    return [...this.jobs.values()];
  }

  /**
   * Cancels a queued or running job (a running one's signal is aborted and its result dropped);
   * a finished job is left as it is. Returns the job, or undefined for an unknown id.
   */
  cancel(id: string): Job<R> | undefined {
    const job = this.jobs.get(id);
    if (!job || isFinished(job.state)) return job;
    const queued = this.waiting.indexOf(job);
    if (queued >= 0) this.waiting.splice(queued, 1);
    job.controller.abort();
    this.finish(job, 'cancelled', { type: 'cancelled' });
    return job;
  }

  /** Adds a listener to a job's events; returns the function that removes it. */
  subscribe(job: Job<R>, listener: (event: JobEvent) => void): () => void {
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Refuses new jobs, cancels every job and waits until their work has stopped. */
  async close(): Promise<void> {
    this.closed = true;
    const settling: Promise<void>[] = [];
    for (const job of this.jobs.values()) {
      this.cancel(job.id);
      if (job.settled) settling.push(job.settled);
    }
    await Promise.all(settling);
  }

  private emit(job: Job<R>, event: JobEvent): void {
    for (const listener of [...job.listeners]) listener(event);
  }

  private finish(job: Job<R>, state: JobState, event: JobEvent): void {
    job.state = state;
    job.finishedAt = this.now();
    this.emit(job, event);
    job.listeners.clear();
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as Job<R>;
      this.start(job);
    }
  }

  private start(job: Job<R>): void {
    this.running++;
    job.state = 'running';
    this.emit(job, { type: 'state', state: 'running' });
    const onProgress = (done: number, total: number) => {
      if (job.state !== 'running') return;
      job.progress = { done, total };
      this.emit(job, { type: 'progress', done, total });
    };
    job.settled = (async () => {
      try {
        const result = await job.work(job.controller.signal, onProgress, job.id);
        if (job.state === 'running') {
          job.result = result;
          this.finish(job, 'done', { type: 'done' });
        }
      } catch (error) {
        if (job.state === 'running') {
          job.error = jobError(error);
          if (job.error.code === 'internal') this.options.onInternalError?.(error, job.id);
          this.finish(job, 'failed', { type: 'failed', ...job.error });
        }
      } finally {
        this.running--;
        this.pump();
      }
    })();
  }

  /** Drops finished jobs beyond the kept count or older than the retention time. */
  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => isFinished(j.state));
    const cutoff = this.now() - this.options.retentionMs;
    const excess = finished.length - this.options.maxFinished;
    finished.forEach((job, i) => {
      if (i < excess || (job.finishedAt ?? 0) < cutoff) this.jobs.delete(job.id);
    });
  }
}
