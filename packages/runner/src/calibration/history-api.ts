/**
 * The core's history model (`compileHistory`, `simulateHistory`, `observationDispersion`,
 * `sampleObservation`: docs/model.md), reached through the core package at run time. Calibration
 * was written beside the history model, in parallel; this indirection lets the runner build and
 * test without it and fail with a clear error where the core lacks it. Once both are in one build,
 * a static import can replace it.
 */
import { EntenteError, type HistoryApi } from '@entente/core';

/**
 * The core's history model.
 * @throws {EntenteError} `not-found` when this build of the core has none
 */
export async function loadHistoryApi(): Promise<HistoryApi> {
  const core = (await import('@entente/core')) as unknown as Partial<HistoryApi>;
  const names = [
    'compileHistory',
    'simulateHistory',
    'observationDispersion',
    'sampleObservation',
  ] as const;
  const missing = names.filter((name) => typeof core[name] !== 'function');
  if (missing.length > 0)
    throw new EntenteError(
      'not-found',
      `calibrate: this build of @entente/core has no history model (${missing.join(', ')} missing)`,
    );
  return core as HistoryApi;
}
