/**
 * The first requests of the page, started before React mounts: the case list and the default
 * case (the built-in one, else the first listed), so they travel while the app's code evaluates.
 */

import type { CaseDocument, CaseListEntry } from '@entente/core/contract';
import { getCase, listCases } from './client.js';

let cases: Promise<CaseListEntry[]> | null = null;
const early = new Map<string, Promise<CaseDocument>>();

/** The case the workbench opens first: the built-in case, else the first listed. */
export function defaultCaseId(list: readonly CaseListEntry[]): string | undefined {
  return (list.find((c) => c.origin === 'builtin') ?? list[0])?.id;
}

/** `GET /api/cases`, requested once per page. */
export function casesOnce(): Promise<CaseListEntry[]> {
  cases ??= listCases();
  return cases;
}

/** Starts the case list and the default case's document. */
export function boot(): void {
  casesOnce()
    .then((list) => {
      const id = defaultCaseId(list);
      if (id) {
        const doc = getCase(id);
        doc.catch(() => undefined); // the app reports the error when it asks itself
        early.set(id, doc);
      }
    })
    .catch(() => undefined);
}

/** The case document the boot fetched for `id` (once), or a fresh request. */
export function caseDocument(id: string): Promise<CaseDocument> {
  const doc = early.get(id);
  if (doc) {
    early.delete(id);
    return doc;
  }
  return getCase(id);
}
