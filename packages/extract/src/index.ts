// @entente/extract public API. Listed by hand; test/api.test.ts pins this list.
export {
  type ActorIndex,
  buildActorIndex,
  type IndexedCaseActor,
  type MentionVia,
  type NameEntry,
  nameKey,
} from './actors/actor-index.js';
export { cameoVerbs, type GazetteerEntry, gazetteerEntries } from './actors/gazetteer.js';
export {
  EXTRACT_VERSION,
  type Extraction,
  type ExtractOptions,
  extract,
  textPolarity,
} from './extract.js';
export { CAMEO_CLASSES, CUES, type Cue } from './relations/cues.js';
export { resolveDates } from './relations/dates.js';
export { type ApplyReviewOptions, applyReview } from './review/apply-review.js';
export { compareWithCase } from './review/compare-case.js';
export { sha256, utf8Bytes } from './sha256.js';
export {
  type DocumentFormat,
  documentText,
  formatOfName,
  htmlToText,
  MAX_DOCUMENT_CHARS,
} from './text/document-text.js';
export { createReader, type Reader } from './text/segment.js';
