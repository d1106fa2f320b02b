/**
 * `entente extract --json` and the review file it writes: a document read for actors and
 * relations (`@entente/extract`), each proposal with the sentence it comes from, for an analyst
 * to accept or reject. The same schema is the review file: the analyst edits `status` (and may
 * edit `from`, `to`, `type`, `sign`) and `entente extract --apply` merges the accepted ones.
 */
import { z } from 'zod';
import { ACTOR_KINDS } from '../case/schema.js';
import { DateSchema } from './common.js';

/** The format tag of an extraction / review file. */
export const EXTRACTION_FORMAT = 'entente-extraction/1';

/** Character offsets [start, end) into the document text. */
export const TextSpanSchema = z.tuple([z.int().min(0), z.int().min(0)]);

/** Where a proposal, mention or actor stands in review: the analyst's decision. */
export const ReviewStatusSchema = z.enum(['pending', 'accepted', 'rejected']);

/** One paragraph of the document: its span and its body number (null for a heading line). */
export const ExtractParagraphSchema = z.object({
  index: z.int().min(1).nullable().describe('Body paragraph number from 1; null for a heading.'),
  span: TextSpanSchema,
  sentences: z.int().min(0),
});

/** The document an extraction read. */
export const ExtractDocumentSchema = z.object({
  id: z.string().describe('Source id the evidence will cite (`doc-` + 8 hex of the SHA-256).'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().nullable().describe('The first heading line, when there is one.'),
  date: DateSchema.nullable().describe('The document date relative dates were resolved against.'),
  characters: z.int().min(0),
  words: z.int().min(0),
  paragraphs: z.array(ExtractParagraphSchema),
});

/** An actor named in the text. */
export const ExtractMentionSchema = z.object({
  actor: z.string().describe('Case actor id, or gazetteer id for an actor not in the case.'),
  origin: z.enum(['case', 'gazetteer']),
  text: z.string(),
  span: TextSpanSchema,
  paragraph: z.int().min(1),
  sentence: z.int().min(1),
  via: z.enum(['name', 'alias', 'demonym', 'capital', 'context']),
  place: z.boolean().describe('True when the name is used as a place ("in Kabul"), not an actor.'),
});

/** An actor the case lacks: a gazetteer entry, or an unknown proper-noun run ("new actor?"). */
export const ExtractNewActorSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ACTOR_KINDS).nullable().describe('From the gazetteer; null for unknown names.'),
  origin: z.enum(['gazetteer', 'unknown']),
  mentions: z.int().min(1),
  span: TextSpanSchema.describe('The first mention.'),
  status: ReviewStatusSchema,
});

/** A date found in the sentence, resolved against the document date. */
export const ExtractDateSchema = z.object({
  text: z.string(),
  value: DateSchema,
  role: z.enum(['since', 'until', 'at']),
});

/** What a proposal rests on: the document, the sentence, the cue and the rule that fired. */
export const ProposalEvidenceSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  paragraph: z.int().min(1),
  sentence: z.int().min(1),
  span: TextSpanSchema.describe('The sentence.'),
  text: z.string().describe('The sentence as written.'),
  cue: z.object({ text: z.string(), span: TextSpanSchema }),
  rule: z.string().describe('The rule that fired, e.g. "cameo:19 fight" or "cue:stake".'),
  hedges: z.array(z.string()).describe('Negation and hedging words that lowered confidence.'),
});

/** How a proposal compares with the case it was read against (`--into`). */
export const ProposalAgainstSchema = z.object({
  verdict: z.enum(['new', 'confirming', 'conflicting']),
  relations: z.array(z.string()).describe('Ids (or from→to:type) of the case relations matched.'),
});

/** A proposed relation: type, sign, direction, confidence and its evidence. */
export const ProposalSchema = z.object({
  id: z.string(),
  status: ReviewStatusSchema,
  from: z.string(),
  to: z.string(),
  type: z.string(),
  sign: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
  directed: z.boolean(),
  confidence: z.number().min(0).max(1),
  dates: z.array(ExtractDateSchema),
  evidence: ProposalEvidenceSchema,
  against: ProposalAgainstSchema.optional(),
});

/** `entente extract --json`, and the review file. */
export const ExtractionSchema = z.object({
  format: z.literal(EXTRACTION_FORMAT),
  version: z.string().describe('@entente/extract version that produced it.'),
  document: ExtractDocumentSchema,
  mentions: z.array(ExtractMentionSchema),
  newActors: z.array(ExtractNewActorSchema),
  proposals: z.array(ProposalSchema),
  diagnostics: z.array(z.string()),
});

/** An extraction (or a review file) as JSON. */
export type ExtractionJson = z.output<typeof ExtractionSchema>;
/** A proposal as JSON. */
export type ProposalJson = z.output<typeof ProposalSchema>;
/** An actor mention as JSON. */
export type ExtractMentionJson = z.output<typeof ExtractMentionSchema>;
/** A new-actor suggestion as JSON. */
export type ExtractNewActorJson = z.output<typeof ExtractNewActorSchema>;
/** A resolved date as JSON. */
export type ExtractDateJson = z.output<typeof ExtractDateSchema>;
/** A document description as JSON. */
export type ExtractDocumentJson = z.output<typeof ExtractDocumentSchema>;
