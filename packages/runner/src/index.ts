// @entente/runner public API, listed by hand.
export { type BatchPool, createBatchPool, workerFile } from './batch-pool.js';
export {
  defaultCalibrationWorkers,
  PARALLEL_CALIBRATION_RUNS,
  type RunCalibrationInput,
  type RunCalibrationResult,
  runCalibration,
} from './calibration/run-calibration.js';
export { decodeBatch, decodeTyped, encodeBatch, encodeTyped } from './queue/batch-codec.js';
export {
  CALIBRATION_JOB,
  type CalibrationJob,
  type CalibrationQueueControl,
  calibrationKey,
  createCalibrationJobProcessor,
  MAX_CALIBRATION_JOB_BYTES,
  parseCalibrationJob,
} from './queue/calibration-on-queue.js';
export { planKey, QUEUE_NAME, QUEUE_PREFIX, resultsKey } from './queue/queue-keys.js';
export {
  type QueueWorker,
  type QueueWorkerOptions,
  startQueueWorker,
} from './queue/start-queue-worker.js';
export {
  type ExplorationProgress,
  type ExplorationResult,
  type PosteriorInput,
  type RunControl,
  runExploration,
  runPlan,
} from './run-exploration.js';
export { type BatchRange, MAX_BATCH_RUNS, splitBatches } from './split-batches.js';
export {
  caseHash,
  RUN_TABLE_FORMATS,
  type RunFolderMeta,
  type RunTableFormat,
  runTableColumns,
  stampSummary,
  writeRunFolder,
} from './write-run-folder.js';
