/**
 * The Claims tab's observed verdicts: `POST /api/events/observed` for the chosen case — its
 * observed hypotheses evaluated on the event data. A new case aborts the request on its way; an
 * answer is shown only for the case that asked for it.
 */
import { useEffect, useState } from 'react';
import { getObservedVerdicts } from '../api/client.js';
import type { ObservedResponse } from '../api/types.js';
import { errorText } from '../errors.js';

/** What {@link useObservedVerdicts} returns. */
export interface ObservedVerdictsState {
  /** The answer for the case, or null while it loads, after an error or without a case. */
  answer: ObservedResponse | null;
  /** Why the request failed, or null. */
  error: string | null;
}

type Held = { caseId: string; answer: ObservedResponse | null; error: string | null };

/**
 * The observed verdicts of listed case `caseId` (none when null); nothing is asked until
 * `enabled` (the Claims tab has been opened).
 */
export function useObservedVerdicts(
  caseId: string | null,
  enabled: boolean,
): ObservedVerdictsState {
  const [held, setHeld] = useState<Held | null>(null);
  const ask = enabled && caseId !== null;
  useEffect(() => {
    if (!ask || caseId === null) return;
    const controller = new AbortController();
    getObservedVerdicts(caseId, controller.signal)
      .then((answer) => setHeld({ caseId, answer, error: null }))
      .catch((e) => {
        if (controller.signal.aborted) return;
        setHeld({ caseId, answer: null, error: errorText(e) });
      });
    return () => controller.abort();
  }, [ask, caseId]);
  const current = held !== null && held.caseId === caseId ? held : null;
  return { answer: current?.answer ?? null, error: current?.error ?? null };
}
