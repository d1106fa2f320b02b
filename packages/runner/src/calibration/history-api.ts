/**
 * The core's history model (`compileHistory`, `simulateHistory`, `observationDispersion`,
 * `sampleObservation`: docs/model.md, "History" and "Observation model") as the {@link HistoryApi}
 * the calibration simulates with.
 */
import {
  compileHistory,
  type HistoryApi,
  observationDispersion,
  sampleObservation,
  simulateHistory,
} from '@entente/core';

/** The core's history model. */
export async function loadHistoryApi(): Promise<HistoryApi> {
  return {
    compileHistory,
    simulateHistory,
    observationDispersion,
    sampleObservation,
  } as HistoryApi;
}
