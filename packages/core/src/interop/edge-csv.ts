/**
 * A case as two CSV tables (RFC 4180: https://www.rfc-editor.org/rfc/rfc4180): one row per
 * relation with its resolved sign, weight, layer and directedness (`effectiveRelations`), and one
 * row per actor. Both read back with `importEdgeList`; spreadsheets, R and pandas read them as is.
 */

import { type ExportOptions, snapshot } from '../case/case-at.js';
import { effectiveRelations } from '../case/effective.js';
import type { Case } from '../case/schema.js';
import { writeCsvTable } from './csv-table.js';

/** Columns of {@link exportEdgeCsv}, in order. */
export const EDGE_CSV_COLUMNS = [
  'id',
  'source',
  'target',
  'type',
  'sign',
  'weight',
  'layer',
  'directed',
  'since',
  'until',
  'confidence',
  'assumption',
  'evidence',
] as const;

/** Columns of {@link exportNodeCsv}, in order. */
export const NODE_CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'size',
  'size_unit',
  'since',
  'until',
] as const;

const text = (v: string | undefined): string => v ?? '';
const num = (v: number | undefined): string =>
  v === undefined ? '' : Object.is(v, -0) ? '0' : String(v);

/**
 * One CSV row per relation: `id,source,target,type,sign,weight,layer,directed,since,until,
 * confidence,assumption,evidence`. `sign` (−1, 0, 1) and `weight` (0..1, default 1) are resolved
 * against the vocabulary, so `weight` never carries the sign; `evidence` is the number of
 * evidence items. Empty cells mean "not given". Lines end with CRLF.
 * @throws {EntenteError} `invalid-argument` when `options.at` is not a partial date
 * @example exportEdgeCsv(c, { at: '2021' }) // only relations active during 2021
 */
export function exportEdgeCsv(c: Case, options: ExportOptions = {}): string {
  const view = snapshot(c, options, 'exportEdgeCsv');
  const rows = effectiveRelations(view).map(({ relation: r, sign, weight, layer, directed }) => [
    text(r.id),
    r.from,
    r.to,
    r.type,
    num(sign),
    num(weight),
    layer,
    String(directed),
    text(r.since),
    text(r.until),
    num(r.confidence),
    String(r.assumption === true),
    String(r.evidence?.length ?? 0),
  ]);
  return writeCsvTable(EDGE_CSV_COLUMNS, rows);
}

/**
 * One CSV row per actor: `id,name,kind,size,size_unit,since,until`. `size` is the size's best
 * estimate and `size_unit` its unit (empty when the actor has no size). Lines end with CRLF.
 * @throws {EntenteError} `invalid-argument` when `options.at` is not a partial date
 */
export function exportNodeCsv(c: Case, options: ExportOptions = {}): string {
  const view = snapshot(c, options, 'exportNodeCsv');
  const rows = view.actors.map((a) => [
    a.id,
    a.name,
    a.kind,
    num(a.size?.value),
    text(a.size?.unit),
    text(a.since),
    text(a.until),
  ]);
  return writeCsvTable(NODE_CSV_COLUMNS, rows);
}
