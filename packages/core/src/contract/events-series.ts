/**
 * `entente events series --json` (docs/events.md, "Series"): the series of case actors and dyads
 * built from ingested event data through the case's `events` mapping.
 */
import { z } from 'zod';
import { EVENT_DATASETS, EVENT_FORMATS } from '../events/types.js';
import { EventSeriesSchema } from './events.js';

/**
 * `entente events series --json`: with `--actor x`, the actor's series first and then its series
 * with each case actor it has rows with; with `--dyad a,b`, that dyad's; with neither, every
 * mapped dyad's. It names no store, so the same rows give the same JSON on every engine (the
 * text output ends with the store as `source:`).
 */
export const EventsSeriesCommandSchema = z.object({
  case: z.string(),
  dataset: z.enum(EVENT_DATASETS),
  by: z.enum(['month', 'year']),
  series: z.array(EventSeriesSchema),
});

/** The JSON of `entente events series`. */
export type EventsSeriesCommandJson = z.output<typeof EventsSeriesCommandSchema>;

/** `entente events ingest --json`: what each file added (the events package's IngestReport). */
export const EventsIngestCommandSchema = z.object({
  db: z.string(),
  files: z.array(
    z.object({
      file: z.string(),
      format: z.enum(EVENT_FORMATS),
      bytes: z.number(),
      rows: z.int(),
      inserted: z.int(),
      duplicates: z.int(),
      malformed: z.int(),
    }),
  ),
  rows: z.int(),
  inserted: z.int(),
  duplicates: z.int(),
  malformed: z.array(z.object({ file: z.string(), line: z.int(), message: z.string() })),
});

/** `entente events actors --json`: dataset actors no mapping rule covers, largest first. */
export const EventsActorsCommandSchema = z.object({
  case: z.string(),
  db: z.string(),
  unmapped: z.array(
    z.object({
      format: z.enum(EVENT_FORMATS),
      name: z.string(),
      rows: z.int(),
      countries: z.array(z.string()),
    }),
  ),
});
