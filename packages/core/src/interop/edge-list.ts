/**
 * Imports a signed edge list (and optionally a node list) from CSV into an `entente/1` case.
 * CSV follows RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) with a required header row; the
 * columns are those `exportEdgeCsv`/`exportNodeCsv` write, plus the plain `source,target,sign`
 * shape of published signed networks (e.g. Read's highland tribes, the COW alliance/dispute
 * networks of Doreian & Mrvar 2015).
 *
 * Every problem is reported at once as a `CaseIssue` at the 1-based line and column of the cell
 * it is about: CSV problems (missing column, bad number, bad sign) and the problems
 * `validateCaseData` finds in the case built from the rows (unknown type, duplicate id, bad date).
 */

import type { CaseIssue, CaseIssueCode } from '../case/issues.js';
import { type LoadCaseResult, validateCaseData } from '../case/load.js';
import { CASE_FORMAT } from '../case/schema.js';
import type { Sign } from '../case/vocabulary.js';
import { type CsvPosition, type CsvRecord, readCsvTable } from './csv-table.js';
import {
  defaultRelationType,
  idFromFileName,
  importedVocabulary,
  importRationale,
  parseDecimal,
  signOf,
  withoutUndefined,
} from './import-defaults.js';

/** Options of {@link importEdgeList}. */
export interface ImportEdgeListOptions {
  /** Id of the case. @default the edge file's name without extension, else `edge-list` */
  readonly id?: string;
  /** Title of the case. @default `Edge list <file>` */
  readonly title?: string;
  /** Name of the edge file, used in the default id and title and in each relation's rationale. */
  readonly file?: string;
  /** Name of the node file; messages about it start with it. @default `nodes CSV` */
  readonly nodesFile?: string;
}

type Path = (string | number)[];
type Where = 'edges' | 'nodes';
interface Located extends CsvPosition {
  readonly where: Where;
}

/** Edge columns by (lower-cased) header name; `from`/`to` are accepted for `source`/`target`. */
const EDGE_FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  source: 'source',
  from: 'source',
  target: 'target',
  to: 'target',
  type: 'type',
  sign: 'sign',
  weight: 'weight',
  since: 'since',
  until: 'until',
  confidence: 'confidence',
};
/** Columns `exportEdgeCsv` writes that the vocabulary or the import itself decides. */
const EDGE_DERIVED = new Set(['layer', 'directed', 'assumption', 'evidence']);
/** Node columns by (lower-cased) header name; `label` and `size_unit` are aliases. */
const NODE_FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'name',
  label: 'name',
  kind: 'kind',
  size: 'size',
  unit: 'unit',
  size_unit: 'unit',
  since: 'since',
  until: 'until',
};
/** Values of Gephi's edge-table `Type` column: directedness, not a relation type. */
const GEPHI_EDGE_TYPES = new Set(['directed', 'undirected', 'mutual']);

const pathKey = (path: readonly (string | number)[]): string => path.join('\u001f');

/** An issue and the file it was located in, if any. */
interface Entry {
  readonly issue: CaseIssue;
  readonly where?: Where;
}

/** Collects issues and the CSV position of every case path built from a cell. */
class Collector {
  readonly entries: Entry[] = [];
  readonly positions = new Map<string, Located>();
  /** Paths whose problem a CSV issue already explains (a missing type after a bad sign). */
  readonly explained = new Set<string>();

  constructor(private readonly nodesLabel: string) {}

  locate(path: Path, where: Where, at: CsvPosition): void {
    const key = pathKey(path);
    if (!this.positions.has(key)) {
      this.positions.set(key, { where, line: at.line, column: at.column });
    }
  }

  error(code: CaseIssueCode, path: Path, where: Where, at: CsvPosition, message: string): void {
    this.explained.add(pathKey(path));
    this.entries.push({
      where,
      issue: {
        code,
        severity: 'error',
        message: this.prefix(where) + message,
        path,
        line: at.line,
        column: at.column,
      },
    });
  }

  prefix(where: Where): string {
    return where === 'nodes' ? `${this.nodesLabel}: ` : '';
  }

  /** The position of `path` or of its nearest located ancestor. */
  find(path: readonly (string | number)[]): Located | undefined {
    for (let n = path.length; n > 0; n--) {
      const found = this.positions.get(pathKey(path.slice(0, n)));
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Adds the issues `validateCaseData` found, located at the cells they came from. An issue on a
   * path a CSV issue already covers is dropped, and so is one at the same cell with the same
   * code as an issue kept before it (an invalid id is reported once, not for the relation and
   * again for the actor created from it).
   */
  addValidation(issues: readonly CaseIssue[]): void {
    const taken = new Set(this.entries.map((e) => cellKey(e)));
    for (const issue of issues) {
      if (this.explained.has(pathKey(issue.path))) continue;
      const at = this.find(issue.path);
      if (!at) {
        this.entries.push({ issue });
        continue;
      }
      const entry: Entry = {
        where: at.where,
        issue: {
          ...issue,
          message: this.prefix(at.where) + issue.message,
          line: at.line,
          column: at.column,
        },
      };
      const key = cellKey(entry);
      if (taken.has(key)) continue;
      taken.add(key);
      this.entries.push(entry);
    }
  }

  /** Every issue: edge-file issues, then node-file issues, each in reading order; then the rest. */
  sorted(): CaseIssue[] {
    const rank = (e: Entry): number => (e.where === 'edges' ? 0 : e.where === 'nodes' ? 1 : 2);
    return [...this.entries]
      .sort(
        (a, b) =>
          rank(a) - rank(b) ||
          (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
          (a.issue.column ?? 0) - (b.issue.column ?? 0),
      )
      .map((e) => e.issue);
  }
}

const cellKey = (e: Entry): string =>
  `${e.where}|${e.issue.line}|${e.issue.column}|${e.issue.code}`;

interface Columns {
  readonly index: ReadonlyMap<string, number>;
  readonly extras: readonly { readonly name: string; readonly index: number }[];
  readonly width: number;
}

function readHeader(
  header: CsvRecord,
  fields: Readonly<Record<string, string>>,
  derived: ReadonlySet<string>,
  where: Where,
  root: string,
  out: Collector,
): Columns {
  const index = new Map<string, number>();
  const extras: { name: string; index: number }[] = [];
  header.cells.forEach((cell, i) => {
    const name = cell.value.trim();
    const field = fields[name.toLowerCase()];
    if (field === undefined) {
      if (!derived.has(name.toLowerCase()) && name !== '') extras.push({ name, index: i });
      return;
    }
    const first = index.get(field);
    if (first !== undefined) {
      const firstName = header.cells[first]?.value.trim() ?? field;
      out.error(
        'invalid-value',
        [root],
        where,
        cell,
        `column "${name}" repeats column ${first + 1} ("${firstName}"); keep one of them`,
      );
      return;
    }
    index.set(field, i);
  });
  return { index, extras, width: header.cells.length };
}

/** The cell of `field` in `row`; a row cut short yields an empty cell at its end. */
function cellOf(row: CsvRecord, columns: Columns, field: string) {
  const i = columns.index.get(field);
  if (i === undefined) return undefined;
  return row.cells[i] ?? { value: '', ...row.end };
}

function notesOf(row: CsvRecord, columns: Columns): string | undefined {
  const notes = columns.extras.flatMap(({ name, index }) => {
    const value = row.cells[index]?.value ?? '';
    return value.trim() === '' ? [] : [`${name}=${value}`];
  });
  return notes.length === 0 ? undefined : notes.join('; ');
}

function checkWidth(
  row: CsvRecord,
  columns: Columns,
  where: Where,
  root: string,
  r: number,
  out: Collector,
) {
  const extra = row.cells[columns.width];
  if (extra !== undefined) {
    out.error(
      'invalid-value',
      [root, r],
      where,
      extra,
      `row has ${row.cells.length} fields but the header has ${columns.width}; quote fields that contain commas`,
    );
  }
}

function readNodes(text: string, out: Collector): Record<string, unknown>[] {
  const table = readCsvTable(text);
  for (const e of table.errors) out.error('invalid-format', ['actors'], 'nodes', e, e.message);
  if (!table.header) {
    out.error(
      'missing-field',
      ['actors'],
      'nodes',
      { line: 1, column: 1 },
      'the node list is empty; it needs a header row with an "id" column',
    );
    return [];
  }
  const columns = readHeader(table.header, NODE_FIELDS, new Set(), 'nodes', 'actors', out);
  if (!columns.index.has('id')) {
    out.error(
      'missing-field',
      ['actors'],
      'nodes',
      table.header,
      `the header has no "id" column (columns: ${table.header.cells.map((c) => c.value).join(', ')})`,
    );
    return [];
  }
  return table.rows.map((row, j) => {
    const at = (key: string): Path => ['actors', j, key];
    out.locate(['actors', j], 'nodes', row);
    checkWidth(row, columns, 'nodes', 'actors', j, out);
    const actor: Record<string, unknown> = {};
    const idCell = cellOf(row, columns, 'id') ?? { value: '', ...row.end };
    const id = idCell.value.trim();
    out.locate(at('id'), 'nodes', idCell);
    if (id === '') out.error('missing-field', at('id'), 'nodes', idCell, 'the "id" cell is empty');
    else actor.id = id;

    const nameCell = cellOf(row, columns, 'name');
    if (nameCell) out.locate(at('name'), 'nodes', nameCell);
    actor.name = nameCell && nameCell.value !== '' ? nameCell.value : id || undefined;
    if (actor.name === undefined) out.explained.add(pathKey(at('name')));

    const kindCell = cellOf(row, columns, 'kind');
    if (kindCell) out.locate(at('kind'), 'nodes', kindCell);
    actor.kind = kindCell && kindCell.value.trim() !== '' ? kindCell.value.trim() : 'other';

    const sizeCell = cellOf(row, columns, 'size');
    const sizeText = sizeCell?.value.trim() ?? '';
    if (sizeCell && sizeText !== '') {
      out.locate(['actors', j, 'size'], 'nodes', sizeCell);
      const value = parseDecimal(sizeText);
      if (value === undefined) {
        out.error(
          'wrong-type',
          ['actors', j, 'size', 'value'],
          'nodes',
          sizeCell,
          `size "${sizeText}" is not a number`,
        );
      } else if (value < 0) {
        out.error(
          'out-of-range',
          ['actors', j, 'size', 'value'],
          'nodes',
          sizeCell,
          `size ${sizeText} is negative; sizes are at least 0`,
        );
      } else {
        const size: Record<string, unknown> = { value: value + 0 };
        const unitCell = cellOf(row, columns, 'unit');
        const unit = unitCell?.value.trim() ?? '';
        if (unitCell && unit !== '') {
          out.locate(['actors', j, 'size', 'unit'], 'nodes', unitCell);
          size.unit = unit;
        }
        actor.size = size;
      }
    }
    for (const key of ['since', 'until'] as const) {
      const cell = cellOf(row, columns, key);
      if (cell && cell.value.trim() !== '') {
        out.locate(at(key), 'nodes', cell);
        actor[key] = cell.value.trim();
      }
    }
    const notes = notesOf(row, columns);
    if (notes !== undefined) actor.notes = notes;
    return actor;
  });
}

/**
 * Sign and weight of an edge row. With only `weight`, its sign is the sign and its magnitude the
 * weight; with `sign` too, `weight` may be unsigned but a negative weight needs sign −1.
 * `signFailed` is true when a sign was given but could not be read (so no other issue repeats it).
 */
function readSign(row: CsvRecord, columns: Columns, r: number, out: Collector) {
  const at = (key: string): Path => ['relations', r, key];
  const signCell = cellOf(row, columns, 'sign');
  const weightCell = cellOf(row, columns, 'weight');
  const signText = signCell?.value.trim() ?? '';
  const weightText = weightCell?.value.trim() ?? '';
  if (signCell) out.locate(at('sign'), 'edges', signCell);
  if (weightCell) {
    out.locate(at('weight'), 'edges', weightCell);
    out.locate(at('sign'), 'edges', weightCell);
  }
  let sign: Sign | undefined;
  let weight: number | undefined;
  let signFailed = false;
  if (signCell && signText !== '') {
    const n = parseDecimal(signText);
    if (n === undefined) {
      out.error(
        'wrong-type',
        at('sign'),
        'edges',
        signCell,
        `sign "${signText}" is not a number; use -1, 0 or 1`,
      );
      signFailed = true;
    } else if (n !== -1 && n !== 0 && n !== 1) {
      out.error(
        'invalid-value',
        at('sign'),
        'edges',
        signCell,
        `sign ${signText} is not -1, 0 or 1`,
      );
      signFailed = true;
    } else sign = signOf(n);
  }
  if (weightCell && weightText !== '') {
    const n = parseDecimal(weightText);
    if (n === undefined) {
      out.error(
        'wrong-type',
        at('weight'),
        'edges',
        weightCell,
        `weight "${weightText}" is not a number`,
      );
      signFailed ||= signText === '';
    } else if (Math.abs(n) > 1) {
      out.error(
        'out-of-range',
        at('weight'),
        'edges',
        weightCell,
        `weight ${weightText} is outside -1..1; rescale the weights so that the strongest tie is ±1`,
      );
      signFailed ||= signText === '';
    } else if (signText === '') {
      sign = signOf(n);
      weight = Math.abs(n);
    } else if (sign !== undefined && n < 0 && sign !== -1) {
      out.error(
        'invalid-value',
        at('weight'),
        'edges',
        weightCell,
        `weight ${weightText} is negative but sign is ${sign}`,
      );
    } else weight = Math.abs(n);
  }
  return { sign, weight, signFailed, signCell, weightCell };
}

function readEdges(text: string, rationale: string, out: Collector): Record<string, unknown>[] {
  const table = readCsvTable(text);
  for (const e of table.errors) out.error('invalid-format', ['relations'], 'edges', e, e.message);
  if (!table.header) {
    out.error(
      'missing-field',
      ['relations'],
      'edges',
      { line: 1, column: 1 },
      'the edge list is empty; it needs a header row such as "source,target,sign"',
    );
    return [];
  }
  const header = table.header;
  const columns = readHeader(header, EDGE_FIELDS, EDGE_DERIVED, 'edges', 'relations', out);
  const found = header.cells.map((c) => c.value).join(', ');
  let usable = true;
  for (const field of ['source', 'target']) {
    if (!columns.index.has(field)) {
      out.error(
        'missing-field',
        ['relations'],
        'edges',
        header,
        `the header has no "${field}" column (columns: ${found})`,
      );
      usable = false;
    }
  }
  if (!columns.index.has('sign') && !columns.index.has('weight') && !columns.index.has('type')) {
    out.error(
      'missing-field',
      ['relations'],
      'edges',
      header,
      `the header needs a "sign" or a "weight" column (columns: ${found})`,
    );
    usable = false;
  }
  if (!usable) return [];

  return table.rows.map((row, r) => {
    const at = (key: string): Path => ['relations', r, key];
    out.locate(['relations', r], 'edges', row);
    checkWidth(row, columns, 'edges', 'relations', r, out);

    const required = (field: string, key: string): string | undefined => {
      const cell = cellOf(row, columns, field) ?? { value: '', ...row.end };
      out.locate(at(key), 'edges', cell);
      const value = cell.value.trim();
      if (value === '') {
        out.error('missing-field', at(key), 'edges', cell, `the "${field}" cell is empty`);
        return undefined;
      }
      return value;
    };
    const id = cellOf(row, columns, 'id');
    const from = required('source', 'from');
    const to = required('target', 'to');

    const { sign, weight, signFailed, signCell, weightCell } = readSign(row, columns, r, out);

    const typeCell = cellOf(row, columns, 'type');
    let type = typeCell?.value.trim() ?? '';
    if (GEPHI_EDGE_TYPES.has(type.toLowerCase())) type = '';
    out.locate(at('type'), 'edges', typeCell && type !== '' ? typeCell : row);
    if (type === '' && sign === undefined) {
      out.explained.add(pathKey(at('type')));
      if (!signFailed) {
        const cell = signCell ?? weightCell ?? { value: '', ...row.end };
        out.error(
          'missing-field',
          at('sign'),
          'edges',
          cell,
          'the row has no sign, weight or type; give one of them',
        );
      }
    }

    const rel: Record<string, unknown> = {};
    const idText = id?.value.trim() ?? '';
    if (id && idText !== '') {
      out.locate(at('id'), 'edges', id);
      rel.id = idText;
    }
    rel.from = from;
    rel.to = to;
    rel.type = type !== '' ? type : sign === undefined ? undefined : defaultRelationType(sign);
    rel.sign = sign;
    rel.weight = weight;
    for (const key of ['since', 'until'] as const) {
      const cell = cellOf(row, columns, key);
      if (cell && cell.value.trim() !== '') {
        out.locate(at(key), 'edges', cell);
        rel[key] = cell.value.trim();
      }
    }
    const confidenceCell = cellOf(row, columns, 'confidence');
    const confidenceText = confidenceCell?.value.trim() ?? '';
    if (confidenceCell && confidenceText !== '') {
      out.locate(at('confidence'), 'edges', confidenceCell);
      const n = parseDecimal(confidenceText);
      if (n === undefined) {
        out.error(
          'wrong-type',
          at('confidence'),
          'edges',
          confidenceCell,
          `confidence "${confidenceText}" is not a number`,
        );
      } else if (n < 0 || n > 1) {
        out.error(
          'out-of-range',
          at('confidence'),
          'edges',
          confidenceCell,
          `confidence ${confidenceText} is outside 0..1`,
        );
      } else rel.confidence = n + 0;
    }
    rel.assumption = true;
    rel.rationale = rationale;
    const notes = notesOf(row, columns);
    if (notes !== undefined) rel.notes = notes;
    return withoutUndefined(rel);
  });
}

/**
 * Imports a signed edge list, and optionally a node list, from CSV (header row required).
 *
 * Edge columns: `source` and `target` (or `from`/`to`); `sign` (−1, 0, 1) or `weight` (a signed
 * real in −1..1 whose sign is the tie's sign and whose magnitude its weight; with both columns,
 * `weight` may be unsigned); optional `type` (a vocabulary type; by default `alliance` for +,
 * `hostility` for −, `neutral-tie` for 0, added to the case's vocabulary when used), `since`,
 * `until`, `confidence` (0..1) and `id`. Columns `layer`, `directed`, `assumption` and `evidence`
 * (written by `exportEdgeCsv`) are ignored: the vocabulary and the import decide them. Any other
 * column goes into the relation's `notes` as `key=value`. Header names are case-insensitive.
 *
 * Node columns: `id`; optional `name` (or `label`; default the id), `kind` (default `other`),
 * `size` (≥ 0) with `unit` or `size_unit` (default `cinc`), `since`, `until`; any other column
 * goes into `notes` as `key=value`. Actors that appear only in the edges are created with kind
 * `other`.
 *
 * A relation read from a sign or weight carries that sign explicitly (so sign and type survive a
 * round trip; a row with only a type takes the type's sign). Every relation is marked
 * `assumption: true` with `rationale: "imported from edge list <file>"`: an edge list cites no
 * evidence, and this keeps the case free of `unsupported-relation` warnings while marking the
 * ties as unsourced.
 *
 * Problems come back as issues with the 1-based `line` and `column` of the cell (codes
 * `missing-field`, `wrong-type`, `out-of-range`, `invalid-value`, `invalid-format` for broken
 * quoting, and whatever `validateCaseData` reports). Messages about the node file start with
 * its name. Never throws for bad input.
 * @example importEdgeList('source,target,sign\nA,B,-1\n', undefined, { file: 'ties.csv' })
 */
export function importEdgeList(
  edgesCsv: string,
  nodesCsv?: string,
  options: ImportEdgeListOptions = {},
): LoadCaseResult {
  const out = new Collector(options.nodesFile ?? 'nodes CSV');
  const actors = nodesCsv === undefined ? [] : readNodes(nodesCsv, out);
  const relations = readEdges(edgesCsv, importRationale('edge list', options.file), out);

  const known = new Set(
    actors.map((a) => a.id).filter((id): id is string => typeof id === 'string'),
  );
  relations.forEach((rel, r) => {
    for (const key of ['from', 'to'] as const) {
      const id = rel[key];
      if (typeof id !== 'string' || known.has(id)) continue;
      known.add(id);
      const j = actors.length;
      actors.push({ id, name: id, kind: 'other' });
      const at = out.positions.get(pathKey(['relations', r, key]));
      if (at) out.locate(['actors', j], 'edges', at);
    }
  });

  const vocabulary = importedVocabulary(relations);
  const data = {
    format: CASE_FORMAT,
    id: options.id ?? idFromFileName(options.file) ?? 'edge-list',
    title: options.title ?? (options.file ? `Edge list ${options.file}` : 'Imported edge list'),
    sources: [],
    actors,
    relations,
    ...(vocabulary && { vocabulary }),
  };
  const result = validateCaseData(data);
  out.addValidation(result.issues);
  const issues = out.sorted();
  const failed = out.entries.some((e) => e.issue.severity === 'error');
  if (result.ok && !failed) return { ok: true, case: result.case, issues };
  return { ok: false, issues };
}
