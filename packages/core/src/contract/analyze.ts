/** `POST /api/analyze`: the analysis bundle of a case at one date (CLI `analyze --json`). */
import { z } from 'zod';
import { COMBINE_RULES } from '../analysis/project.js';
import { LAYERS } from '../case/vocabulary.js';
import { CaseRefShape, DateSchema, SeedSchema } from './common.js';

/** `POST /api/analyze` body: the case, the date and the projection and analysis options. */
export const AnalyzeRequestSchema = z.strictObject({
  ...CaseRefShape,
  at: DateSchema.optional(),
  layers: z.array(z.enum(LAYERS)).max(LAYERS.length).optional(),
  combine: z.enum(COMBINE_RULES).optional(),
  weighted: z.boolean().optional(),
  k: z.int().min(1).max(10).optional(),
  seed: SeedSchema.optional(),
  defaultSize: z.number().gt(0).optional(),
});

/** `POST /api/analyze` body. */
export type AnalyzeRequest = z.input<typeof AnalyzeRequestSchema>;
