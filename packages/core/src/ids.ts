/**
 * The id rule of the case format, written once. A leaf module (it imports only zod) so that
 * `case/schema.ts` and the scenario and hypothesis schemas in `simulation/` — which the case
 * schema embeds — share one definition without importing each other.
 */
import { z } from 'zod';

/** What an id looks like: a letter or digit, then letters, digits, `_ . : -`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** Longest id, in characters. */
export const MAX_ID_LENGTH = 128;

/**
 * An id of anything a case names (actor, relation, source, scenario, hypothesis, claim …):
 * 1–{@link MAX_ID_LENGTH} characters matching {@link ID_PATTERN}.
 */
export const IdSchema = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(ID_PATTERN, 'ids start with a letter or digit and use A-Z a-z 0-9 _ . : -');
