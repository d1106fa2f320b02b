/**
 * A quick single run of one scenario (`POST /api/simulate`, milliseconds) to check a setting before
 * exploring: the latest run's outcomes, or why it failed.
 */
import { useCallback, useState } from 'react';
import { type CaseSource, simulate } from '../api/client.js';
import type { ScenarioEntry, SimulateResult } from '../api/types.js';
import { errorText } from '../errors.js';

/** What {@link useSimulation} returns. */
export interface Simulation {
  /** The latest run's result, or null. */
  result: SimulateResult | null;
  /** Why the latest run failed, or null. */
  error: string | null;
  /**
   * Runs `scenario` once with `seed`, parameters fixed as the edited scenario has them; `edited`
   * scenarios replace the case's of the same id.
   */
  run(
    source: CaseSource,
    scenario: string,
    seed: number,
    parameters: Record<string, number>,
    edited: ScenarioEntry[],
  ): void;
}

/** The workbench's quick single run. */
export function useSimulation(): Simulation {
  const [result, setResult] = useState<SimulateResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback<Simulation['run']>((source, scenario, seed, parameters, edited) => {
    setError(null);
    simulate(source, scenario, { seed, parameters, scenarios: edited })
      .then(setResult)
      .catch((e) => setError(errorText(e)));
  }, []);
  return { result, error, run };
}
