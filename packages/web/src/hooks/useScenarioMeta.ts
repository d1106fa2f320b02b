/**
 * The model's side of a case, from `GET /api/cases/:id/scenarios`: its scenarios, the model's
 * parameters with their ranges and the policies a state can take.
 */
import { useEffect, useState } from 'react';
import { getScenarios } from '../api/client.js';
import type { ScenariosResult } from '../api/types.js';
import { errorText } from '../errors.js';

/** What {@link useScenarioMeta} returns. */
export interface ScenarioMeta {
  /** The answer for the case, or null while it loads or after an error. */
  meta: ScenariosResult | null;
  /** Why it could not be loaded, or null. */
  error: string | null;
}

/** The scenarios, parameters and policies of listed case `caseId`. */
export function useScenarioMeta(caseId: string): ScenarioMeta {
  const [held, setHeld] = useState<{ caseId: string } & ScenarioMeta>({
    caseId,
    meta: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    getScenarios(caseId)
      .then((meta) => live && setHeld({ caseId, meta, error: null }))
      .catch((e) => live && setHeld({ caseId, meta: null, error: errorText(e) }));
    return () => {
      live = false;
    };
  }, [caseId]);
  return held.caseId === caseId ? held : { meta: null, error: null };
}
