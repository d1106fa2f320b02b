/**
 * The server's analyses: core's analyzeCase bundle of a resolved case at one date, serialized
 * once and cached per case and options (least recently used first out), so that concurrent
 * identical requests share one computation and a repeated one costs a lookup. `POST /api/analyze`
 * and the background warm-up ({@link warmAnalyses}) go through the same cache with the same keys.
 */
import { analyzeCase, type CombineRule, type Layer } from '@entente/core';
import type { ResolvedCase } from './case-source.js';
import { LruCache } from './lru-cache.js';

/** What an analysis request may set besides the case (the body of `POST /api/analyze`). */
export interface AnalysisRequest {
  readonly at?: string | undefined;
  readonly layers?: Layer[] | undefined;
  readonly combine?: CombineRule | undefined;
  readonly weighted?: boolean | undefined;
  readonly k?: number | undefined;
  readonly seed?: number | undefined;
  readonly defaultSize?: number | undefined;
}

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
   * once per case and options. Actors without a size count as size 1 when fewer than two actors
   * have one (the CLI's rule for an edge list without a node list), so imported graphs get a
   * landscape too. A failed analysis is not kept.
   * @throws {EntenteError} (as a rejection) on a bad date, layer or combine rule
   */
  bundle(resolved: ResolvedCase, request: AnalysisRequest): Promise<string> {
    const options = {
      at: request.at,
      layers: request.layers,
      combine: request.combine,
      weighted: request.weighted,
      k: request.k,
      seed: request.seed,
      defaultSize:
        request.defaultSize ??
        (resolved.case.actors.filter((a) => a.size !== undefined).length < 2 ? 1 : undefined),
      timeLimit: this.timeLimit,
    };
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
