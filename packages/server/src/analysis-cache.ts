/**
 * The server's analyses: core's analyzeCase bundle of a resolved case at one date, serialized
 * once and cached per case and options (least recently used first out), so that concurrent
 * identical requests share one computation and a repeated one costs a lookup. `POST /api/analyze`
 * and the background warm-up ({@link warmAnalyses}) go through the same cache with the same keys:
 * the options as core's `resolveAnalysisOptions` fills them in — the same defaults as the CLI's.
 */
import { type AnalyzeRequest, analyzeCase, resolveAnalysisOptions } from '@entente/core';
import type { ResolvedCase } from './case-source.js';
import { LruCache } from './lru-cache.js';

/** What an analysis request may set besides the case: the contract's `POST /api/analyze` body. */
export type AnalysisRequest = Omit<AnalyzeRequest, 'caseId' | 'text'>;

/** Serialized analyses of resolved cases, cached per case and options. */
export class AnalysisCache {
  private readonly cache: LruCache<Promise<string>>;

  /**
   * @param timeLimit seconds of the exact frustration solver per analysis
   * @param max analyses kept @default 256
   */
  constructor(
    readonly timeLimit: number,
    readonly max = 256,
  ) {
    this.cache = new LruCache(max);
  }

  /**
   * The JSON of `{ caseId, ...analyzeCase(case, request), frustration, dependency }`, computed
   * once per case and resolved options (core's defaults: a case with fewer than two sized actors
   * gets `sizes: equal`, as an edge list does in the CLI). A failed analysis is not kept.
   * @throws {EntenteError} (as a rejection, or at once) on a bad date, layer, rule or number
   */
  bundle(resolved: ResolvedCase, request: AnalysisRequest): Promise<string> {
    let options: ReturnType<typeof resolveAnalysisOptions>;
    try {
      options = resolveAnalysisOptions(resolved.case, {
        ...analysisRequestOptions(request),
        timeLimit: this.timeLimit,
      });
    } catch (e) {
      return Promise.reject(e);
    }
    const key = `${resolved.key}|${JSON.stringify(options)}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = analyzeCase(resolved.case, options).then((r) =>
        JSON.stringify({
          caseId: resolved.caseId,
          ...r,
          frustration: r.balance.frustration,
          dependency: r.leverage.dependency,
        }),
      );
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return pending;
  }

  /** Analyses held (finished or under way). */
  get size(): number {
    return this.cache.size;
  }
}

/**
 * The analysis options of a request body, as the CLI passes its flags: the fields the user may set
 * and nothing else (core fills in every default).
 */
export function analysisRequestOptions(request: AnalysisRequest) {
  return {
    at: request.at,
    layers: request.layers,
    combine: request.combine,
    weighted: request.weighted,
    k: request.k,
    seed: request.seed,
    defaultSize: request.defaultSize,
    sizes: request.sizes,
    draws: request.draws,
    byLayer: request.byLayer,
  };
}
