import { ApiError, type JobEvent, JobQueue } from '@entente/server';
import { describe, expect, it } from 'vitest';

/** Work that reports progress and resolves when released, or stops when aborted. */
function gate() {
  let release: (value: string) => void = () => {};
  const started: string[] = [];
  const work =
    (name: string) => (signal: AbortSignal, onProgress: (d: number, t: number) => void) =>
      new Promise<string>((resolve) => {
        started.push(name);
        onProgress(1, 2);
        release = resolve;
        signal.addEventListener('abort', () => resolve(`${name} aborted`));
      });
  return { work, started, release: (v: string) => release(v) };
}

const options = { maxJobs: 3, concurrency: 1, maxFinished: 2, retentionMs: 1000 };

describe('JobQueue', () => {
  it('submit runs jobs one at a time in order and refuses beyond maxJobs with 429 queue-full', async () => {
    const q = new JobQueue<string>(options);
    const g = gate();
    const a = q.submit('t', 2, g.work('a'));
    const b = q.submit('t', 2, g.work('b'));
    const c = q.submit('t', 2, g.work('c'));
    expect([a.state, b.state, c.state]).toEqual(['running', 'queued', 'queued']);
    let refused: unknown;
    try {
      q.submit('t', 2, g.work('d'));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(429);
    expect((refused as ApiError).code).toBe('queue-full');
    expect(a.progress).toEqual({ done: 1, total: 2 });
    g.release('A');
    await a.settled;
    expect(a.state).toBe('done');
    expect(a.result).toBe('A');
    expect(b.state).toBe('running');
    expect(g.started).toEqual(['a', 'b']);
    await q.close();
  });

  it('cancel removes a queued job and aborts a running one, dropping its result', async () => {
    const q = new JobQueue<string>(options);
    const g = gate();
    const a = q.submit('t', 2, g.work('a'));
    const b = q.submit('t', 2, g.work('b'));
    expect(q.cancel(b.id)?.state).toBe('cancelled');
    expect(a.controller.signal.aborted).toBe(false);
    expect(q.cancel(a.id)?.state).toBe('cancelled');
    expect(a.controller.signal.aborted).toBe(true);
    await a.settled;
    expect(a.state).toBe('cancelled');
    expect(a.result).toBeUndefined();
    expect(g.started).toEqual(['a']); // b never ran
    expect(q.active).toBe(0);
    expect(q.cancel('unknown')).toBeUndefined();
    await q.close();
  });

  it('subscribe delivers progress then exactly one terminal event; failures carry code and message', async () => {
    const q = new JobQueue<string>(options);
    const events: JobEvent[] = [];
    const job = q.submit('t', 4, async (_signal, onProgress) => {
      await new Promise((r) => setTimeout(r, 5));
      onProgress(2, 4);
      onProgress(4, 4);
      return 'ok';
    });
    q.subscribe(job, (e) => events.push(e));
    await job.settled;
    expect(events).toEqual([
      { type: 'progress', done: 2, total: 4 },
      { type: 'progress', done: 4, total: 4 },
      { type: 'done' },
    ]);
    const failed = q.submit('t', 1, async () => {
      throw Object.assign(new Error('boom'), { code: 'invalid-argument' });
    });
    await failed.settled;
    expect(failed.state).toBe('failed');
    expect(failed.error).toEqual({ code: 'invalid-argument', message: 'boom' });
    await q.close();
  });

  it('keeps finished jobs for a bounded count and time', async () => {
    let now = 0;
    const q = new JobQueue<number>({ ...options, now: () => now });
    const jobs = [];
    for (let i = 0; i < 3; i++) {
      const job = q.submit('t', 1, async () => i);
      await job.settled;
      jobs.push(job);
    }
    // maxFinished = 2: the oldest finished job is dropped.
    expect(q.get(jobs[0].id)).toBeUndefined();
    expect(q.get(jobs[2].id)?.result).toBe(2);
    now = 5000; // past retentionMs
    expect(q.get(jobs[2].id)).toBeUndefined();
    expect(q.list()).toEqual([]);
  });

  it('close cancels every job and refuses new ones with 503', async () => {
    const q = new JobQueue<string>(options);
    const g = gate();
    const a = q.submit('t', 2, g.work('a'));
    await q.close();
    expect(a.state).toBe('cancelled');
    expect(() => q.submit('t', 1, g.work('b'))).toThrow(/shutting down/);
  });
});
