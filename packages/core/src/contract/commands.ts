/**
 * The `--json` outputs of the CLI's case commands: `show` (core's case summary), `validate` (the
 * issues, each also formatted as `file:line:col: code message`) and `export` (what was written).
 * `import --json` prints the case itself (`CaseSchema`); the analyses, `simulate` and `explore`
 * are in `analysis.ts`, `simulate.ts` and `explore.ts`.
 */
import { z } from 'zod';
import { ACTOR_KINDS } from '../case/schema.js';
import { LAYERS } from '../case/vocabulary.js';
import type { CaseSummary } from '../summary/summarize.js';
import type { Agree, Assert } from './agree.js';
import { IssueSchema } from './common.js';

const RelationCountsShape = {
  total: z.int(),
  byLayer: z.record(z.enum(LAYERS), z.int()),
  bySign: z.object({ positive: z.int(), negative: z.int(), neutral: z.int() }),
};

/** `entente show --json`: actors by kind, relations by layer, sign, period and type, evidence. */
export const CaseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  at: z.string().nullable(),
  actors: z.object({
    total: z.int(),
    byKind: z.record(z.enum(ACTOR_KINDS), z.array(z.object({ id: z.string(), name: z.string() }))),
  }),
  relations: z.object({
    ...RelationCountsShape,
    byPeriod: z.array(
      z.object({
        ...RelationCountsShape,
        id: z.string(),
        label: z.string(),
        start: z.string(),
        end: z.string().nullable(),
      }),
    ),
    byType: z.array(z.object({ type: z.string(), count: z.int() })),
  }),
  evidence: z.object({
    relationsWithEvidence: z.int(),
    coverage: z.number(),
    assumptions: z.int(),
    unsupported: z.int(),
    items: z.int(),
    sourcesCited: z.array(z.string()),
  }),
  mechanisms: z.int(),
  claims: z.int(),
  scenarios: z.int(),
});

type _Summary = Assert<Agree<z.infer<typeof CaseSummarySchema>, CaseSummary>>;

/** `entente validate --json`: the verdict, the counts and every issue (with its file and text). */
export const ValidateCommandSchema = z.object({
  ok: z.boolean(),
  file: z.string(),
  errors: z.int(),
  warnings: z.int(),
  issues: z.array(IssueSchema.extend({ file: z.string(), text: z.string() })),
  actors: z.int().optional(),
  relations: z.int().optional(),
});

/** `entente export --json`: the format, the case, the date, the files written (or the content). */
export const ExportCommandSchema = z.object({
  format: z.enum(['gexf', 'graphml', 'csv', 'json']),
  case: z.string(),
  at: z.string().nullable(),
  written: z.array(z.object({ file: z.string(), bytes: z.int() })),
  content: z.string().optional(),
});

/** `entente show --json`. */
export type CaseSummaryJson = z.infer<typeof CaseSummarySchema>;
/** `entente validate --json`. */
export type ValidateCommandJson = z.infer<typeof ValidateCommandSchema>;
/** `entente export --json`. */
export type ExportCommandJson = z.infer<typeof ExportCommandSchema>;
