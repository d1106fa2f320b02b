/**
 * The analysis the map and panels show: `POST /api/analyze` for the case at the timeline's date
 * with the layers on. Stale answers are dropped; results are kept in the page (an analysis is a
 * pure function of case, date and layers, see analysis-cache.ts), and while the analyst looks at
 * the map the analyses one step away are fetched ahead, one request at a time.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AnalysisCache, cacheKey, neighbourKeys } from '../analysis-cache.js';
import { analyze, type CaseSource } from '../api/client.js';
import { type AnalysisBundle, type Case, LAYERS, type Layer } from '../api/types.js';
import { errorMessage } from '../errors.js';
import { exposeHook, recordDrawn } from '../hook.js';

/** What one analysis answers. */
interface AnalysisRequest {
  readonly source: CaseSource;
  readonly sourceKey: string;
  readonly caseKey: string | null;
  readonly at: string | null;
  readonly layers: readonly Layer[];
  readonly dates: readonly string[];
}

/** Inputs of {@link useAnalysis}. */
export interface AnalysisInput {
  /** Where the case comes from, or null while it loads. */
  source: CaseSource | null;
  /** A key of `source` (changes whenever the text or case does). */
  sourceKey: string;
  /** The chosen case: an analysis of another case is never shown. */
  caseKey: string | null;
  /** The validated case, or null while it loads (nothing is asked meanwhile). */
  caseData: Case | null;
  at: string | null;
  layers: readonly Layer[];
  /** The timeline's stops (the prefetch's neighbouring dates). */
  dates: readonly string[];
}

/** What {@link useAnalysis} returns. */
export interface AnalysisState {
  /** The latest analysis of the chosen case, or null. */
  analysis: AnalysisBundle | null;
  /** True while a request is on its way. */
  busy: boolean;
  /** Why the last analysis failed, or null. */
  error: string | null;
  /** To be called when the map has drawn a new analysis (timings for the test hook). */
  onDrawn(): void;
}

/** The analysis of the case at a date with some layers, cached and prefetched. */
export function useAnalysis(input: AnalysisInput): AnalysisState {
  const { source, sourceKey, caseKey, caseData, at, layers, dates } = input;
  const [shown, setShown] = useState<{
    request: AnalysisRequest;
    bundle: AnalysisBundle;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cache = useRef(new AnalysisCache());
  const started = useRef(0);
  const lastCached = useRef(false);
  const firstDrawn = useRef(false);

  const request: AnalysisRequest | null = useMemo(
    () => (source && caseData ? { source, sourceKey, caseKey, at, layers, dates } : null),
    [source, sourceKey, caseKey, caseData, at, layers, dates],
  );

  // Analyse on every change of the request; stale answers are dropped.
  useEffect(() => {
    if (!request) return;
    started.current = performance.now();
    if (request.layers.length === 0) {
      setError('Choose at least one layer.');
      return;
    }
    const key = cacheKey(request.sourceKey, request);
    const cached = cache.current.get(key);
    if (cached) {
      lastCached.current = true;
      setShown({ request, bundle: cached });
      setError(null);
      exposeHook({ at: cached.at });
      return;
    }
    lastCached.current = false;
    const controller = new AbortController();
    setBusy(true);
    analyze(
      request.source,
      { at: request.at ?? undefined, layers: [...request.layers] },
      controller.signal,
    )
      .then((a) => {
        performance.mark('entente:analysis-received');
        cache.current.set(key, a);
        setShown({ request, bundle: a });
        setError(null);
        setBusy(false);
        exposeHook({ at: a.at });
      })
      .catch((e) => {
        if (controller.signal.aborted) return;
        setBusy(false);
        setError(errorMessage(e));
      });
    return () => controller.abort();
  }, [request]);

  // While the analyst looks, fetch the analyses one step away from the one shown (neighbouring
  // dates, each layer toggled) so the next move redraws at once; dropped on any change.
  useEffect(() => {
    if (!shown) return;
    const { request: r } = shown;
    const controller = new AbortController();
    exposeHook({ prefetched: false });
    const timer = setTimeout(async () => {
      for (const k of neighbourKeys(r.dates, r.at, r.layers, LAYERS)) {
        if (controller.signal.aborted) return;
        const key = cacheKey(r.sourceKey, k);
        if (cache.current.has(key)) continue;
        try {
          const a = await analyze(
            r.source,
            { at: k.at ?? undefined, layers: [...k.layers] },
            controller.signal,
          );
          cache.current.set(key, a);
        } catch {
          return; // aborted, or the server said no: the user's own request will show why
        }
      }
      exposeHook({ prefetched: true });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [shown]);

  const onDrawn = useCallback(() => {
    recordDrawn(performance.now() - started.current, lastCached.current);
    if (!firstDrawn.current) {
      firstDrawn.current = true;
      performance.mark('entente:map-ready');
    }
  }, []);

  return {
    analysis: shown && shown.request.caseKey === caseKey ? shown.bundle : null,
    busy,
    error,
    onDrawn,
  };
}
