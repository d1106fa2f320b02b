/**
 * The case's `calibration` section: which dyads a calibration fits (docs/case-format.md, "3.13
 * Calibration"). Each target is a pair of case actors — a government side (the regime or a
 * state) and an armed group — whose yearly battle deaths the history model predicts (M18) and
 * the event store's series through the case's `events` mapping observes (docs/calibration.md).
 * Without the section a calibration fits {@link defaultObservationTargets}: every armed conflict
 * between an armed group and a state or the regime.
 */
import { z } from 'zod';
import { IdSchema } from '../ids.js';

/** One target dyad of the `calibration` section. */
export const CalibrationTargetSchema = z
  .strictObject({
    dyad: z
      .tuple([IdSchema, IdSchema])
      .describe('Two actor ids: the government side first (UCDP side A), then the armed group.'),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'target ids are lower-case letters, digits and dashes')
      .max(200)
      .optional()
      .describe('Target id in the output. Default: side--group, e.g. republic--isk.'),
    note: z.string().max(10_000).optional(),
  })
  .describe("A dyad whose yearly battle deaths (UCDP's best estimate) the calibration fits.");

/** The `calibration` section of a case. */
export const CalibrationSectionSchema = z
  .strictObject({
    targets: z.array(CalibrationTargetSchema).min(1).max(1_000),
  })
  .describe('What `entente calibrate` fits (docs/calibration.md).');

/** The `calibration` section, validated. */
export type CalibrationSection = z.output<typeof CalibrationSectionSchema>;

/** The target id of a dyad entry: its `id`, or `side--group`. */
export function calibrationTargetId(t: z.output<typeof CalibrationTargetSchema>): string {
  return t.id ?? `${t.dyad[0]}--${t.dyad[1]}`;
}

/** A problem in a raw `calibration` section, located by path (reported by the case check). */
export interface CalibrationSectionIssue {
  readonly code: 'unknown-actor' | 'invalid-value' | 'duplicate-id';
  readonly path: (string | number)[];
  readonly message: string;
}

/** Cross-checks of a raw `calibration` section: actors exist, two different actors, ids unique. */
export function calibrationSectionIssues(
  raw: unknown,
  actorIds: ReadonlySet<string>,
): CalibrationSectionIssue[] {
  const issues: CalibrationSectionIssue[] = [];
  if (typeof raw !== 'object' || raw === null) return issues;
  const targets = (raw as { targets?: unknown }).targets;
  if (!Array.isArray(targets)) return issues;
  const seen = new Map<string, number>();
  targets.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) return;
    const t = item as { dyad?: unknown; id?: unknown };
    const at = ['calibration', 'targets', i];
    if (!Array.isArray(t.dyad) || t.dyad.length !== 2) return;
    const [a, b] = t.dyad as unknown[];
    t.dyad.forEach((x, j) => {
      if (typeof x === 'string' && !actorIds.has(x))
        issues.push({
          code: 'unknown-actor',
          path: [...at, 'dyad', j],
          message: `no actor has id "${x}"`,
        });
    });
    if (a === b)
      issues.push({
        code: 'invalid-value',
        path: [...at, 'dyad'],
        message: `a target dyad needs two different actors (got "${String(a)}" twice)`,
      });
    const id = typeof t.id === 'string' ? t.id : `${String(a)}--${String(b)}`;
    const first = seen.get(id);
    if (first !== undefined)
      issues.push({
        code: 'duplicate-id',
        path: typeof t.id === 'string' ? [...at, 'id'] : [...at, 'dyad'],
        message: `target id "${id}" is also calibration.targets[${first}]'s`,
      });
    else seen.set(id, i);
  });
  return issues;
}
