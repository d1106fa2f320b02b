/**
 * Resolves the case a request works on — `{ caseId }` from the library or `{ text }` posted by
 * the client — into a validated case, caching parsed texts by their SHA-256 so that an editor
 * session analysing the same text at many dates parses it once.
 */
import { createHash } from 'node:crypto';
import { type Case, loadCase } from '@entente/core';
import { ApiError, notFound } from './api-error.js';
import type { CaseLibrary } from './case-library.js';
import { LruCache } from './lru-cache.js';

/** A request's case: by library id or as text. */
export interface CaseRef {
  readonly caseId?: string;
  readonly text?: string;
}

/** A resolved case with the key its analyses are cached under. */
export interface ResolvedCase {
  readonly caseId: string | null;
  readonly case: Case;
  /** The case's source text. */
  readonly text: string;
  /** `id:<caseId>` or `sha256:<hex of the text>`. */
  readonly key: string;
}

/** Resolves {@link CaseRef}s against a library, caching parsed texts. */
export class CaseSource {
  private readonly parsed = new LruCache<Case>(32);

  constructor(readonly library: CaseLibrary) {}

  /**
   * The validated case of a request.
   * @throws {ApiError} 404 for an unknown id, 400 `invalid-case` (with the issues) for an invalid
   * case, 400 `invalid-request` when neither or both of caseId and text are given
   */
  resolve(ref: CaseRef): ResolvedCase {
    if ((ref.caseId === undefined) === (ref.text === undefined)) {
      throw new ApiError(400, 'invalid-request', 'give exactly one of caseId and text');
    }
    if (ref.caseId !== undefined) {
      const entry = this.library.get(ref.caseId);
      if (!entry) throw notFound(`case "${ref.caseId}"`);
      if (!entry.result.ok) {
        throw new ApiError(
          400,
          'invalid-case',
          `case "${entry.id}" has errors`,
          entry.result.issues,
        );
      }
      return { caseId: entry.id, case: entry.result.case, text: entry.text, key: `id:${entry.id}` };
    }
    const text = ref.text as string;
    const key = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    let c = this.parsed.get(key);
    if (!c) {
      const result = loadCase(text);
      if (!result.ok) throw new ApiError(400, 'invalid-case', 'the case has errors', result.issues);
      c = result.case;
      this.parsed.set(key, c);
    }
    return { caseId: null, case: c, text, key };
  }
}
