/**
 * Background warm-up of the analysis cache. Once the server listens it computes, one at a time,
 * the analyses of the built-in case that the workbench asks for first, in the order it asks
 * (packages/web/src/analysis-cache.ts, `neighbourKeys`): the latest date of the case's timeline
 * with every layer on, the date before it, each layer switched off at the latest date, the other
 * dates outwards, then each layer switched off at those dates. It starts an analysis only when
 * the server is idle (`busy` says no), so a request waits for at most one analysis in progress.
 * A first visit and its first moves are then answered from the cache instead of by a cold
 * analysis: in a freshly started process an analysis of the built-in case takes 30–110 ms,
 * mostly compiling the analysis code, against 2–10 ms once compiled, so warming also speeds up
 * the analyses nobody asked for yet. Bounded in analyses (never more than half the cache, so it
 * evicts nothing) and stopped by its signal.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { caseDates, LAYERS, type Layer } from '@entente/core';
import type { AnalysisRequest } from './analysis-cache.js';

import type { ServerContext } from './server-context.js';

/**
 * One analysis the warm-up computes: a date (none when the case has no dates) and layers, without
 * the single-layer landscapes, as the workbench asks.
 */
export interface WarmupRequest extends AnalysisRequest {
  readonly at: string | undefined;
  readonly layers: Layer[];
  readonly byLayer: false;
}

/**
 * The analyses the workbench asks for first, for a case with these timeline dates (calendar
 * order), in the order it asks; layers always in `LAYERS` order, as the workbench sends them.
 */
export function warmupRequests(dates: readonly string[]): WarmupRequest[] {
  const all = [...LAYERS];
  const req = (at: string | undefined, layers: Layer[]): WarmupRequest => ({
    at,
    layers,
    byLayer: false,
  });
  const toggled = (at: string | undefined): WarmupRequest[] =>
    LAYERS.map((off) =>
      req(
        at,
        all.filter((l) => l !== off),
      ),
    );
  const last = dates.length - 1;
  if (last < 0) return [req(undefined, all), ...toggled(undefined)];
  const out: WarmupRequest[] = [req(dates[last], all)];
  if (last >= 1) out.push(req(dates[last - 1], all));
  out.push(...toggled(dates[last]));
  for (let j = last - 2; j >= 0; j--) out.push(req(dates[j], all));
  for (let j = last - 1; j >= 0; j--) out.push(...toggled(dates[j]));
  return out;
}

/** Options of {@link warmAnalyses}. */
export interface WarmAnalysesOptions {
  /** Most analyses computed (further capped at half the analysis cache). */
  readonly max: number;
  /** Stops the warm-up before its next analysis. */
  readonly signal: AbortSignal;
  /** Whether requests are waiting for an answer; the warm-up waits while so. @default never */
  readonly busy?: () => boolean;
}

/** How often a waiting warm-up looks whether the server is idle again, ms. */
const IDLE_POLL_MS = 5;

/**
 * Fills the server's analysis cache with the built-in case's first analyses (see the file
 * comment); resolves with how many it computed or found cached. An analysis that fails is
 * skipped (the request that asks for it reports the error).
 */
export async function warmAnalyses(
  ctx: ServerContext,
  options: WarmAnalysesOptions,
): Promise<number> {
  const entry = ctx.library.list().find((c) => c.origin === 'builtin');
  if (!entry?.result.ok) return 0;
  const resolved = ctx.source.resolve({ caseId: entry.id });
  const max = Math.min(options.max, Math.floor(ctx.analyses.max / 2));
  let done = 0;
  for (const request of warmupRequests(caseDates(resolved.case)).slice(0, max)) {
    await nextTurn();
    while (options.busy?.() && !options.signal.aborted) await sleep(IDLE_POLL_MS);
    if (options.signal.aborted) break;
    try {
      await ctx.analyses.bundle(resolved, request);
      done++;
    } catch {
      // Not ours to report: the failed analysis is not cached, and a request for it says why.
    }
  }
  return done;
}
