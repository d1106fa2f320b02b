/**
 * The case format `entente/1`, defined once as zod schemas. Types are derived from these schemas
 * and the JSON Schema users get (`schema/entente-case.schema.json`) is generated from them.
 * Cross-references (ids, sources, relation types, date order) are checked in `semantics.ts`,
 * because they need the whole case.
 */
import { z } from 'zod';
import { CalibrationSectionSchema } from '../calibration/case-targets.js';
import { EventMappingSchema } from '../events/mapping.js';
import { EVENT_DATASETS } from '../events/types.js';
import { IdSchema } from '../ids.js';
import { DATE_PATTERN } from './dates.js';
import { CaseHypothesisSchema, HypothesisSchema } from './hypotheses.js';
import { ScenarioSchema } from './scenario.js';
import { LAYERS } from './vocabulary.js';

/** The format tag every case carries. */
export const CASE_FORMAT = 'entente/1';

/** The kinds of actor a case can hold. */
export const ACTOR_KINDS = Object.freeze([
  'state',
  'regime',
  'armed-group',
  'organisation',
  'opposition',
  'population',
  'other',
] as const);

/** The kinds of source a case can cite. */
export const SOURCE_KINDS = Object.freeze([
  'essay',
  'article',
  'news',
  'report',
  'book',
  'dataset',
  'official-statement',
  'interview',
  'other',
] as const);

/** Source reliability on the NATO/Admiralty scale: A completely reliable … F cannot be judged. */
export const RELIABILITY = Object.freeze(['A', 'B', 'C', 'D', 'E', 'F'] as const);

const id = IdSchema.describe('An identifier, unique within its section.');

const text = z.string().max(100_000);

// YAML reads an unquoted `2015` as a number; a bare year is accepted and kept as text.
const caseDate = z
  .union([
    z.string().regex(DATE_PATTERN, 'dates are YYYY, YYYY-MM or YYYY-MM-DD'),
    z.int().min(1000).max(9999),
  ])
  .transform((v) => String(v))
  .describe('A partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD (a bare year may be a number).');

const unit = z.number().min(0).max(1);

/** A document, dataset or statement that evidence cites. */
export const SourceSchema = z
  .strictObject({
    id,
    title: text.min(1).describe('Title of the source.'),
    author: text.min(1).describe('Author or issuing organisation.'),
    kind: z.enum(SOURCE_KINDS).describe('What kind of source this is.'),
    date: caseDate.describe('Publication date (partial ISO).'),
    url: z.url().optional().describe('Where the source can be read.'),
    notes: text.optional(),
  })
  .describe('A source that evidence items cite.');

/** An actor's size or capability, with its uncertainty and provenance. */
export const SizeSchema = z
  .strictObject({
    value: z.number().min(0).describe('Best estimate.'),
    unit: z
      .string()
      .min(1)
      .max(64)
      .default('cinc')
      .describe(
        'Unit of value and range; "cinc" = COW Composite Index of National Capability share.',
      ),
    range: z
      .tuple([z.number().min(0), z.number().min(0)])
      .optional()
      .describe('Plausible [low, high]; value must lie inside.'),
    source: id.optional().describe('Id of the source the figure comes from.'),
    year: z.int().min(1000).max(3000).optional().describe('Year the figure refers to.'),
    basis: text.optional().describe('How the figure was obtained, for estimates.'),
  })
  .describe('Size or capability of an actor.');

/** A state, regime, armed group or other party to the system. */
export const ActorSchema = z
  .strictObject({
    id,
    name: text.min(1).describe('Display name.'),
    kind: z.enum(ACTOR_KINDS).describe('What kind of actor this is.'),
    aliases: z.array(text.min(1)).max(1000).optional().describe('Other names and spellings.'),
    size: SizeSchema.optional(),
    since: caseDate.optional().describe('When the actor came into being (if it matters).'),
    until: caseDate.optional().describe('When the actor ceased to exist or to matter.'),
    notes: text.optional(),
  })
  .describe('A party to the system.');

/** The kinds of evidence: a passage of a text source, or counts read from an event dataset. */
export const EVIDENCE_KINDS = Object.freeze(['text', 'data'] as const);

const admiralty = {
  reliability: z.enum(RELIABILITY).optional().describe('Admiralty source reliability A–F.'),
  credibility: z.int().min(1).max(6).optional().describe('Admiralty information credibility 1–6.'),
};

/** A pointer into a source: paragraph (and sentence) or a character span, plus a paraphrase. */
export const TextEvidenceSchema = z
  .strictObject({
    kind: z.literal('text').optional().describe('"text" (the default): a passage of a source.'),
    source: id.describe('Id of a source in `sources`.'),
    paragraph: z.int().min(1).optional().describe('Body paragraph, counted from 1.'),
    sentence: z.int().min(1).optional().describe('Sentence within the paragraph, from 1.'),
    span: z
      .tuple([z.int().min(0), z.int().min(0)])
      .optional()
      .describe('Character offsets [start, end) into the source text.'),
    paraphrase: text.min(1).describe("What the source says, in the analyst's own words."),
    ...admiralty,
  })
  .describe('A passage of a text source.');

/**
 * Counts read from an event dataset (docs/events.md, "Series as evidence"): which dataset and
 * version, the query in words, and the counts it gave. It paraphrases no text.
 */
export const DataEvidenceSchema = z
  .strictObject({
    kind: z.literal('data').describe('"data": counts read from an event dataset.'),
    source: id.describe('Id of the dataset’s entry in `sources`.'),
    data: z
      .strictObject({
        dataset: z.enum(EVENT_DATASETS).describe('Dataset family: ucdp, gdelt or acled.'),
        version: z.string().max(1000).describe('Dataset version(s), e.g. "24.1"; "" if unknown.'),
        query: text.min(1).describe('The query in words: series, measure, period.'),
        counts: z
          .record(z.string().min(1).max(200), z.number())
          .describe('The measures the query gave, e.g. {deaths_best: 679, events: 1}.'),
      })
      .describe('What was read from the dataset.'),
    paraphrase: text.min(1).optional().describe('Optional note in the analyst’s words.'),
    paragraph: z.never().optional().describe('Not used: data evidence points into no text.'),
    sentence: z.never().optional().describe('Not used: data evidence points into no text.'),
    span: z.never().optional().describe('Not used: data evidence points into no text.'),
    ...admiralty,
  })
  .describe('Counts from an event dataset.');

/** One piece of evidence for a relation, mechanism or claim: `kind: text` (default) or `data`. */
export const EvidenceSchema = z
  .discriminatedUnion('kind', [TextEvidenceSchema, DataEvidenceSchema])
  .describe('One piece of evidence for a relation, mechanism or claim.');

/** A typed, signed, time-stamped tie between two actors. */
export const RelationSchema = z
  .strictObject({
    id: id.optional().describe('Optional id, so mechanisms and scenarios can name the relation.'),
    from: id.describe('Actor id; for directed types the actor the tie goes out from.'),
    to: id.describe('Actor id; for directed types the actor the tie points to.'),
    type: id.describe('A relation type from the vocabulary.'),
    sign: z
      .union([z.literal(-1), z.literal(0), z.literal(1)])
      .optional()
      .describe("Overrides the type's default sign."),
    weight: unit.optional().describe('Strength of the tie, 0..1 (default 1).'),
    weightRange: z
      .tuple([unit, unit])
      .optional()
      .describe(
        'Plausible [low, high] of the weight, which must lie inside; case draws take the weight uniformly from it.',
      ),
    since: caseDate.optional().describe('First date the relation holds.'),
    until: caseDate.optional().describe('Last date the relation holds.'),
    confidence: unit.optional().describe("Analyst's confidence that the relation holds, 0..1."),
    evidence: z.array(EvidenceSchema).max(10_000).optional(),
    assumption: z
      .boolean()
      .optional()
      .describe('True when no source states the relation; requires `rationale`.'),
    rationale: text.optional().describe('Why an assumed relation is believed.'),
    notes: text.optional(),
  })
  .describe('A relation between two actors.');

/** A relation type a case adds to, or overrides in, the built-in vocabulary. */
export const RelationTypeSchema = z
  .strictObject({
    type: id,
    label: text.optional(),
    sign: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
    layer: z.enum(LAYERS),
    directed: z.boolean(),
    description: text.optional(),
  })
  .describe('A relation type definition.');

/** A named span of time that `entente show` groups relations by. */
export const PeriodSchema = z
  .strictObject({
    id,
    label: text.min(1),
    start: caseDate,
    end: caseDate.optional().describe('Last date of the period; open when absent.'),
    notes: text.optional(),
  })
  .describe('A named period of the case.');

/** A causal mechanism the case's sources describe, tied to the actors and relations it moves. */
export const MechanismSchema = z
  .strictObject({
    id,
    name: text.min(1),
    description: text.min(1).describe("The mechanism in the analyst's words."),
    actors: z.array(id).max(10_000).optional(),
    relations: z
      .array(id)
      .max(10_000)
      .optional()
      .describe('Ids of relations the mechanism acts on.'),
    evidence: z.array(EvidenceSchema).max(10_000).optional(),
  })
  .describe('A mechanism described by the sources.');

/** A claim made by a source: a hypothesis for entente to test, never an assumption. */
export const ClaimSchema = z
  .strictObject({
    id,
    statement: text.min(1).describe("The claim in the analyst's words."),
    kind: z.enum(['descriptive', 'causal', 'predictive', 'counterfactual']),
    actors: z.array(id).max(10_000).optional(),
    evidence: z.array(EvidenceSchema).max(10_000).optional(),
  })
  .describe('A claim a source makes, to be tested.');

/** An alignment observed at some date: which actors stood together, to compare with predictions. */
export const AlignmentSchema = z
  .strictObject({
    id,
    label: text.min(1),
    at: caseDate.optional().describe('When the alignment was observed.'),
    coalitions: z
      .array(z.array(id).min(1).max(1_000_000))
      .min(2)
      .max(1000)
      .describe('Groups of actor ids that stood together; an actor is in at most one group.'),
    notes: text.optional(),
    evidence: z.array(EvidenceSchema).max(10_000).optional(),
  })
  .describe('An observed alignment of actors into coalitions.');

/** How the analyses read this case, overriding their defaults (see docs/analysis.md). */
export const AnalysisSettingsSchema = z
  .strictObject({
    combine: z
      .enum(['net', 'negative', 'positive'])
      .optional()
      .describe('How parallel relations of one pair combine in the signed projection.'),
    layers: z
      .array(z.enum(LAYERS))
      .min(1)
      .optional()
      .describe('Layers the signed projection uses.'),
  })
  .describe('Case-level settings of the analyses.');

/** A policy scenario of the dynamic model; defined in case/scenario.ts. */
/** A claim as a rule on simulated outcomes; defined in case/hypotheses.ts. */
export { HypothesisSchema, ScenarioSchema };

/** A whole case file. */
export const CaseSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Optional JSON Schema reference for editors.'),
    format: z.literal(CASE_FORMAT).describe('Format tag; always "entente/1".'),
    id,
    title: text.min(1),
    description: text.optional(),
    sources: z.array(SourceSchema).max(1_000_000).default([]),
    actors: z.array(ActorSchema).max(1_000_000),
    relations: z.array(RelationSchema).max(10_000_000).default([]),
    vocabulary: z.array(RelationTypeSchema).max(10_000).optional(),
    periods: z.array(PeriodSchema).max(10_000).optional(),
    mechanisms: z.array(MechanismSchema).max(100_000).optional(),
    claims: z.array(ClaimSchema).max(100_000).optional(),
    alignments: z.array(AlignmentSchema).max(10_000).optional(),
    analysis: AnalysisSettingsSchema.optional(),
    scenarios: z.array(ScenarioSchema).max(100_000).optional(),
    hypotheses: z
      .array(CaseHypothesisSchema)
      .max(100_000)
      .optional()
      .describe(
        'Claims as rules on the outcomes of the scenarios (docs/model.md) or, with kind: observed, on event data (docs/events.md).',
      ),
    events: EventMappingSchema.optional().describe(
      'How event datasets (UCDP, GDELT, ACLED) name the case actors (docs/events.md).',
    ),
    calibration: CalibrationSectionSchema.optional().describe(
      'The dyads `entente calibrate` fits (docs/calibration.md).',
    ),
  })
  .describe('An entente case: actors, relations and the evidence behind them.');

/** A validated case. */
export type Case = z.output<typeof CaseSchema>;
/** A case as written, before defaults. */
export type CaseInput = z.input<typeof CaseSchema>;
export type Source = z.output<typeof SourceSchema>;
export type Actor = z.output<typeof ActorSchema>;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type Size = z.output<typeof SizeSchema>;
export type Evidence = z.output<typeof EvidenceSchema>;
export type TextEvidence = z.output<typeof TextEvidenceSchema>;
export type DataEvidence = z.output<typeof DataEvidenceSchema>;
export type Relation = z.output<typeof RelationSchema>;
export type RelationTypeInput = z.output<typeof RelationTypeSchema>;
export type Period = z.output<typeof PeriodSchema>;
export type Mechanism = z.output<typeof MechanismSchema>;
export type Claim = z.output<typeof ClaimSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type CaseHypothesis = z.output<typeof CaseHypothesisSchema>;
export type Alignment = z.output<typeof AlignmentSchema>;
export type AnalysisSettings = z.output<typeof AnalysisSettingsSchema>;

/** The JSON Schema of `entente/1`, generated from {@link CaseSchema}. */
export function caseJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CaseSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, title: 'entente case (entente/1)' };
}
