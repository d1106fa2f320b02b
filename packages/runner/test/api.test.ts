import { describe, expect, it } from 'vitest';
import * as runner from '../src/index.js';

describe('@entente/runner public API', () => {
  it('exports exactly the listed names', () => {
    expect(Object.keys(runner).sort()).toEqual([
      'CALIBRATION_JOB',
      'MAX_BATCH_RUNS',
      'MAX_CALIBRATION_JOB_BYTES',
      'PARALLEL_CALIBRATION_RUNS',
      'QUEUE_NAME',
      'QUEUE_PREFIX',
      'RUN_TABLE_FORMATS',
      'calibrationKey',
      'caseHash',
      'createBatchPool',
      'createCalibrationJobProcessor',
      'decodeBatch',
      'decodeTyped',
      'defaultCalibrationWorkers',
      'encodeBatch',
      'encodeTyped',
      'parseCalibrationJob',
      'planKey',
      'resultsKey',
      'runCalibration',
      'runExploration',
      'runPlan',
      'runTableColumns',
      'splitBatches',
      'stampSummary',
      'startQueueWorker',
      'workerFile',
      'writeRunFolder',
    ]);
  });

  it('encodeBatch and decodeBatch round-trip a batch bit for bit', () => {
    const batch = {
      planId: 'p',
      start: 3,
      end: 5,
      outcomes: Float64Array.from([0.1, -0, Number.NaN, 1e-300, Math.PI]),
      series: Float32Array.from([1.5, 2.25, -3]),
    };
    const back = runner.decodeBatch(runner.encodeBatch(batch));
    expect(back.planId).toBe('p');
    expect([back.start, back.end]).toEqual([3, 5]);
    expect(new Uint8Array(back.outcomes.buffer)).toEqual(new Uint8Array(batch.outcomes.buffer));
    expect(Array.from(back.series)).toEqual([1.5, 2.25, -3]);
  });
});
