/**
 * Queue messages are validated on entry (issue 10, Deliver 3), without Redis: a malformed batch
 * job fails that job with a coded, unrecoverable error before anything runs, and the processor
 * goes on with the next job; a malformed stored result is refused with a coded error.
 */
import {
  type BatchResult,
  EntenteError,
  type ExplorationPlan,
  parseBatchJob,
  planExploration,
} from '@entente/core';
import { UnrecoverableError } from 'bullmq';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBatchPool } from '../src/batch-pool.js';
import { decodeBatch, encodeBatch } from '../src/queue/batch-codec.js';
import {
  type BatchJobContext,
  BatchJobFailure,
  processBatchJob,
} from '../src/queue/process-batch-job.js';
import { builtinCase } from './helpers.js';

const plan: ExplorationPlan = planExploration(builtinCase(), {
  runs: 8,
  seed: 5,
  scenarios: ['status-quo'],
});
const planJson = JSON.stringify(plan);
const valid = { exploration: `${plan.id}-0a1b2c3d`, planId: plan.id, index: 1, start: 4, end: 8 };

/** A context backed by the in-process pool and a Map, recording what ran and what was stored. */
function fakeContext(plans: Record<string, string>) {
  const pool = createBatchPool(1);
  const ran: [number, number][] = [];
  const stored = new Map<string, BatchResult>();
  const context: BatchJobContext = {
    plan: async (exploration) => plans[exploration] ?? null,
    run: (json, planId, start, end) => {
      ran.push([start, end]);
      return pool.run(json, planId, start, end);
    },
    store: async (exploration, index, batch) => {
      stored.set(`${exploration}/${index}`, batch);
    },
  };
  return { context, ran, stored };
}

async function failureOf(promise: Promise<unknown>): Promise<BatchJobFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BatchJobFailure);
  return error as BatchJobFailure;
}

describe('queue messages', () => {
  it('processBatchJob runs a valid job and stores its batch', async () => {
    const { context, ran, stored } = fakeContext({ [valid.exploration]: planJson });
    expect(await processBatchJob({ id: 'j1', data: valid }, context)).toEqual({ index: 1 });
    expect(ran).toEqual([[4, 8]]);
    const batch = stored.get(`${valid.exploration}/1`);
    expect(batch).toMatchObject({ planId: plan.id, start: 4, end: 8 });
  });

  it.each([
    ['null', null, '(message)'],
    ['a string', 'run everything', '(message)'],
    ['a missing field', { ...valid, end: undefined }, 'end'],
    ['a fractional world', { ...valid, start: 1.5 }, 'start'],
    ['a negative index', { ...valid, index: -1 }, 'index'],
    ['start ≥ end', { ...valid, start: 8, end: 8 }, 'end'],
    ['a key with a space', { ...valid, exploration: 'a b' }, 'exploration'],
    ['an unknown field', { ...valid, extra: 1 }, '(message)'],
    ['a number as text', { ...valid, start: '4' }, 'start'],
  ])(
    'a job with %s fails with invalid-argument, unrecoverable, before anything runs',
    async (_, data, field) => {
      const { context, ran, stored } = fakeContext({ [valid.exploration]: planJson });
      const failure = await failureOf(processBatchJob({ id: 'bad', data }, context));
      expect(failure).toBeInstanceOf(UnrecoverableError); // BullMQ fails it without retrying
      expect(failure.code).toBe('invalid-argument');
      expect(failure.message).toMatch(/^queue: batch job bad: malformed batch job: /);
      expect(failure.message).toContain(`${field}:`);
      expect(ran).toEqual([]);
      expect(stored.size).toBe(0);
      // The same processor goes on with the next, valid job.
      expect(await processBatchJob({ id: 'good', data: valid }, context)).toEqual({ index: 1 });
    },
  );

  it('a job whose plan is gone fails with not-found', async () => {
    const { context } = fakeContext({});
    const failure = await failureOf(processBatchJob({ id: 'j', data: valid }, context));
    expect(failure.code).toBe('not-found');
    expect(failure.message).toContain('is gone');
  });

  it('a well-formed job for a range the plan does not have fails with the core’s code, unrecoverable', async () => {
    const { context } = fakeContext({ [valid.exploration]: planJson });
    const data = { ...valid, start: 4, end: plan.worlds + 4 };
    const failure = await failureOf(processBatchJob({ id: 'j', data }, context));
    expect(failure).toBeInstanceOf(UnrecoverableError);
    expect(failure.code).not.toBe('internal');
    expect(failure.message).toContain('runBatch');
  });

  it('parseBatchJob never throws anything but a coded EntenteError (fast-check, 500 values)', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        try {
          parseBatchJob(data);
        } catch (error) {
          return error instanceof EntenteError && error.code === 'invalid-argument';
        }
        return true;
      }),
      { numRuns: 500, seed: 10 },
    );
  });

  it('decodeBatch(encodeBatch(b)) = b, and a malformed stored result is refused with invalid-argument', async () => {
    const { context, stored } = fakeContext({ [valid.exploration]: planJson });
    await processBatchJob({ data: valid }, context);
    const batch = stored.get(`${valid.exploration}/1`) as BatchResult;
    const text = encodeBatch(batch);
    const back = decodeBatch(text);
    expect(back.planId).toBe(batch.planId);
    expect(Array.from(back.outcomes)).toEqual(Array.from(batch.outcomes));
    expect(Array.from(back.series)).toEqual(Array.from(batch.series));
    const raw = JSON.parse(text);
    for (const bad of [
      '{"planId":',
      JSON.stringify({ ...raw, outcomes: 'not base64!' }),
      JSON.stringify({ ...raw, start: -1 }),
    ]) {
      expect(() => decodeBatch(bad)).toThrow(
        expect.objectContaining({ name: 'EntenteError', code: 'invalid-argument' }),
      );
    }
  });
});
