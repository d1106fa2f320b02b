/**
 * `window.__entente`: a small, read-mostly handle for browser tests and curious analysts — the
 * Cytoscape core, whether the map is ready, and timings of the last analyses.
 */
import type { Core } from 'cytoscape';

/** What the workbench exposes on `window.__entente`. */
export interface WorkbenchHook {
  cy?: Core;
  mapReady: boolean;
  caseId?: string;
  at?: string | null;
  /** Milliseconds of each analysis round trip (request → map updated), newest last. */
  analysisTimes: number[];
  /** Whether each of those analyses came from the page's cache (prefetched or seen before). */
  analysisCached: boolean[];
  /** True once the analyses one step away from the current one have been fetched. */
  prefetched?: boolean;
  /** Selects the tie between two actors, as a click on it would. */
  selectTie?: (a: string, b: string) => boolean;
}

declare global {
  interface Window {
    __entente?: WorkbenchHook;
  }
}

/** Merges fields into `window.__entente`. */
export function exposeHook(fields: Partial<WorkbenchHook>): WorkbenchHook {
  const hook = window.__entente ?? { mapReady: false, analysisTimes: [], analysisCached: [] };
  Object.assign(hook, fields);
  window.__entente = hook;
  return hook;
}
