/**
 * An exploration job on the server: submit (`POST /api/jobs`), follow its progress over
 * server-sent events, cancel it, and keep the summary of the latest finished one. Held by the app,
 * not the scenarios panel, so a running job and its results survive switching tabs; both belong
 * to the case text they were run on and are dropped when another case is chosen or edited text is
 * applied (the summary would describe a case no longer shown).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type CaseSource, cancelJob, followJob, getJob, submitExploration } from '../api/client.js';
import type { ExplorationSummary, ExploreOptions, ScenarioEntry } from '../api/types.js';
import { errorText } from '../errors.js';

/** A job as the progress line shows it. */
export interface JobView {
  id: string | null;
  state: 'submitting' | 'queued' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  elapsedMs: number;
  error?: string;
}

/** What {@link useExplorationJob} returns. */
export interface ExplorationJob {
  /** The latest job on the case text shown, or null. */
  job: JobView | null;
  /** True while the job is submitted, queued or running. */
  running: boolean;
  /** The summary of the latest finished exploration of the case text shown, or null. */
  summary: ExplorationSummary | null;
  /** Submits an exploration (edited scenarios replace the case's of the same id). */
  run(source: CaseSource, options: ExploreOptions, scenarios: ScenarioEntry[]): void;
  /** Asks the server to cancel the running job. */
  cancel(): void;
}

interface Held {
  readonly sourceKey: string | null;
  readonly job: JobView | null;
  readonly summary: ExplorationSummary | null;
}

/**
 * The exploration job and latest summary of the case text `sourceKey` names (`id:<case>` or
 * `session:<n>`, see useCase).
 */
export function useExplorationJob(sourceKey: string | null): ExplorationJob {
  const [held, setHeld] = useState<Held>({ sourceKey, job: null, summary: null });
  const stopFollowing = useRef<(() => void) | null>(null);
  const current = held.sourceKey === sourceKey ? held : { sourceKey, job: null, summary: null };

  // Stop following a job's progress once its case text is no longer shown (the job itself runs
  // on: only its updates would be dropped), and when the app goes away.
  useEffect(() => {
    if (sourceKey === null) return;
    return () => stopFollowing.current?.();
  }, [sourceKey]);

  /** Updates the job of `forSource` (ignored once the case text has changed). */
  const setJob = useCallback(
    (forSource: string | null, change: (j: JobView) => JobView, summary?: ExplorationSummary) =>
      setHeld((h) =>
        h.sourceKey !== forSource || !h.job
          ? h
          : { ...h, job: change(h.job), summary: summary ?? h.summary },
      ),
    [],
  );

  const run = useCallback(
    (source: CaseSource, options: ExploreOptions, scenarios: ScenarioEntry[]) => {
      stopFollowing.current?.();
      const forSource = sourceKey;
      const started = performance.now();
      const elapsedMs = () => performance.now() - started;
      setHeld((h) => ({
        sourceKey: forSource,
        summary: h.sourceKey === forSource ? h.summary : null,
        job: { id: null, state: 'submitting', done: 0, total: 0, elapsedMs: 0 },
      }));
      const failed = (e: unknown) =>
        setJob(forSource, (j) => ({ ...j, state: 'failed', error: errorText(e) }));
      submitExploration(source, options, scenarios)
        .then(({ id }) => {
          setJob(forSource, (j) => ({ ...j, id, state: 'queued' }));
          stopFollowing.current = followJob(id, {
            progress: (p) =>
              setJob(forSource, (j) => ({
                ...j,
                state: 'running',
                done: p.done,
                total: p.total,
                elapsedMs: elapsedMs(),
              })),
            end: (state, error) => {
              const ms = elapsedMs();
              if (state !== 'done') {
                setJob(forSource, (j) => ({ ...j, state, elapsedMs: ms, error: error?.message }));
                return;
              }
              getJob(id)
                .then((full) =>
                  setJob(
                    forSource,
                    (j) => ({
                      ...j,
                      state: 'done',
                      done: full.progress.done,
                      total: full.progress.total,
                      elapsedMs: ms,
                    }),
                    full.result,
                  ),
                )
                .catch(failed);
            },
          });
        })
        .catch(failed);
    },
    [sourceKey, setJob],
  );

  const jobId = current.job?.id ?? null;
  const cancel = useCallback(() => {
    if (!jobId) return;
    const forSource = sourceKey;
    cancelJob(jobId).catch((e) => setJob(forSource, (j) => ({ ...j, error: errorText(e) })));
  }, [jobId, sourceKey, setJob]);

  const state = current.job?.state;
  return {
    job: current.job,
    running: state === 'submitting' || state === 'queued' || state === 'running',
    summary: current.summary,
    run,
    cancel,
  };
}
