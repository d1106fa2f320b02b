/**
 * The core's history model (`compileHistory`, `simulateHistory`, `observationDispersion`,
 * `sampleObservation`: docs/model.md, "History" and "Observation model") as the {@link HistoryApi}
 * the calibration simulates with.
 */
import {
  type CalibrateOptions,
  compileHistory,
  type HistoryApi,
  type HistoryLike,
  historyMeans,
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

/**
 * The options with likelihood-smc's expected counts of the history `h` (and the number of shocks
 * a run takes), unless the caller gave its own. The expected counts run in the calling thread for
 * any worker count or queue (only the count simulations are shared out); the rows come back in
 * order, so the bytes are the same.
 */
export function withHistoryMeans(
  api: HistoryApi,
  h: HistoryLike,
  options: CalibrateOptions,
): CalibrateOptions {
  return {
    ...options,
    means:
      options.means ??
      ((thetas, seeds, span, normals) => historyMeans(api, h, thetas, seeds, span, normals)),
    latentSize: options.latentSize ?? h.latentSize ?? 0,
  };
}

/** The calibration's setup from the compiled history and its observed counts. */
export function historySetup(h: HistoryLike, observed: Float64Array) {
  return {
    parameters: h.parameters,
    targets: h.targets,
    years: h.years,
    fitYears: h.fitYears,
    observed,
  };
}
