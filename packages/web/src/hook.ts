/**
 * `window.__entente`: a small, read-mostly handle for the browser tests — the Cytoscape core,
 * whether the map is ready, and timings of the last analyses. It exists only in a test build
 * (`vite build --mode test`, which the browser tests and the workbench benchmark make): in any
 * other mode `import.meta.env.MODE` is replaced by a constant and every function here is empty,
 * so the production bundle carries neither the handle nor its name.
 */
import type { Core } from 'cytoscape';

/** What the workbench exposes on `window.__entente` in a test build. */
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

/** Merges fields into `window.__entente` (test builds only; a no-op otherwise). */
export function exposeHook(fields: Partial<WorkbenchHook>): void {
  if (import.meta.env.MODE !== 'test') return;
  const hook = window.__entente ?? { mapReady: false, analysisTimes: [], analysisCached: [] };
  Object.assign(hook, fields);
  window.__entente = hook;
}

/**
 * Records that the map shows a new analysis `ms` after it was asked for, and whether it came from
 * the page's cache (test builds only; a no-op otherwise).
 */
export function recordDrawn(ms: number, cached: boolean): void {
  if (import.meta.env.MODE !== 'test') return;
  const hook = window.__entente ?? { mapReady: false, analysisTimes: [], analysisCached: [] };
  hook.analysisTimes.push(ms);
  hook.analysisCached.push(cached);
  hook.mapReady = true;
  window.__entente = hook;
}
