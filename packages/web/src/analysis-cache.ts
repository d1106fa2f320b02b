/**
 * Analyses kept in the page, and the ones worth fetching ahead. An analysis is a pure function of
 * (case, date, layers), so a result can be reused as is. While the analyst looks at the map, the
 * workbench asks the server for the states one step away — the neighbouring timeline dates and
 * each single layer toggled — so that moving the slider or toggling a layer redraws at once
 * instead of waiting for a cold analysis (a few ms for the built-in case on a warmed server, 30–110 ms just after it starts).
 */
import type { AnalyzeResponse as AnalysisBundle, Layer } from '@entente/core/contract';

/** The request an analysis answers. */
export interface AnalysisKey {
  at: string | null;
  layers: readonly Layer[];
}

/** A stable string for a case source and an analysis key. */
export function cacheKey(source: string, k: AnalysisKey): string {
  return `${source}\u0000${k.at ?? ''}\u0000${[...k.layers].sort().join(',')}`;
}

/** A small least-recently-used map of analyses. */
export class AnalysisCache {
  readonly #max: number;
  readonly #map = new Map<string, AnalysisBundle>();

  /** @param max entries kept @default 96 */
  constructor(max = 96) {
    this.#max = max;
  }

  /** The cached analysis, marked as recently used; undefined when absent. */
  get(key: string): AnalysisBundle | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }

  has(key: string): boolean {
    return this.#map.has(key);
  }

  set(key: string, value: AnalysisBundle): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.#max) {
      const oldest = this.#map.keys().next().value;
      if (oldest === undefined) break;
      this.#map.delete(oldest);
    }
  }

  clear(): void {
    this.#map.clear();
  }
}

/**
 * The analyses one step away from the current one, nearest first: the previous and next dates,
 * each layer toggled, then the remaining dates (current layers).
 */
export function neighbourKeys(
  dates: readonly string[],
  at: string | null,
  layers: readonly Layer[],
  allLayers: readonly Layer[],
): AnalysisKey[] {
  const out: AnalysisKey[] = [];
  const i = at === null ? -1 : dates.indexOf(at);
  for (const j of [i - 1, i + 1]) {
    const d = dates[j];
    if (j >= 0 && d !== undefined) out.push({ at: d, layers });
  }
  for (const l of allLayers) {
    const flipped = layers.includes(l)
      ? layers.filter((x) => x !== l)
      : allLayers.filter((x) => x === l || layers.includes(x));
    if (flipped.length > 0) out.push({ at, layers: flipped });
  }
  // The remaining dates, outwards from the current one.
  for (let step = 2; step < dates.length; step++) {
    for (const j of [i - step, i + step]) {
      const d = dates[j];
      if (j >= 0 && d !== undefined) out.push({ at: d, layers });
    }
  }
  return out;
}
