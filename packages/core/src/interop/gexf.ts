/**
 * GEXF 1.3 (https://gexf.net, schema `gexf.rnc`/`dynamics.rnc`/`viz.rnc` of gephi/gexf): writes a
 * case as a graph Gephi opens with positive and negative ties told apart, and reads such graphs
 * back, including reasonable GEXF written by Gephi (nodes with labels, edges with weights).
 *
 * Written: one node per actor (label = name; attributes kind, size, size_unit, since, until;
 * `viz:size` from size), one edge per relation (weight = sign × weight; attributes relation_type,
 * sign, strength = unsigned weight, layer, confidence, assumption, evidence, since, until;
 * `viz:color` green/red/grey and `viz:shape` solid/dashed/dotted for +/−/0, so signs differ in
 * more than colour). Spans become `start`/`end` dates under `mode="dynamic" timeformat="date"`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type ExportOptions, snapshot } from '../case/case-at.js';
import { parseCaseDate } from '../case/dates.js';
import { effectiveRelations } from '../case/effective.js';
import { type CaseIssue, type CaseIssueCode, formatPath, type Severity } from '../case/issues.js';
import { DEFAULT_MAX_LENGTH, type LoadCaseResult, validateCaseData } from '../case/load.js';
import { type Actor, CASE_FORMAT, type Case } from '../case/schema.js';
import { resolveVocabulary, type Sign } from '../case/vocabulary.js';
import { ID_PATTERN, MAX_ID_LENGTH } from '../ids.js';
import {
  defaultRelationType,
  idFromFileName,
  importedVocabulary,
  importRationale,
  parseDecimal,
  signOf,
  withoutUndefined,
} from './import-defaults.js';
import { decodeXmlEntities, escapeXml, formatXmlNumber, xmlAttributes } from './xml.js';

/** The GEXF 1.3 namespace. */
export const GEXF_NAMESPACE = 'http://gexf.net/1.3';
/** The GEXF 1.3 visualisation namespace (`viz:`). */
export const GEXF_VIZ_NAMESPACE = 'http://gexf.net/1.3/viz';

/** How an edge of each sign is drawn: an RGB colour and a line shape. */
export interface SignStyle {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly shape: 'solid' | 'dashed' | 'dotted';
}

/**
 * Edge styles by sign: + green (#1a9850) and solid, − red (#d73027) and dashed, 0 grey (#969696)
 * and dotted. The green and red are the ends of ColorBrewer's 9-class RdYlGn scale; the shapes keep
 * the signs apart for readers who cannot tell red from green.
 */
export function signStyle(sign: Sign): SignStyle {
  if (sign > 0) return { r: 26, g: 152, b: 80, shape: 'solid' };
  if (sign < 0) return { r: 215, g: 48, b: 39, shape: 'dashed' };
  return { r: 150, g: 150, b: 150, shape: 'dotted' };
}

const DAY_MS = 86_400_000;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** First day of a partial date (`2021` → `2021-01-01`). */
const firstDay = (date: string): string | undefined => {
  const d = parseCaseDate(date);
  return d && isoDay(d.start);
};
/** Last day of a partial date (`2021-02` → `2021-02-28`). */
const lastDay = (date: string): string | undefined => {
  const d = parseCaseDate(date);
  return d && isoDay(d.end);
};

/**
 * Node sizes for `viz:size`: area proportional to the actor's size, relative to the largest size
 * in the same unit, from 4 (size 0) to 50 (the largest). Actors without a size get none.
 */
function vizSizes(actors: readonly Actor[]): Map<string, number> {
  const largest = new Map<string, number>();
  for (const a of actors) {
    if (a.size) largest.set(a.size.unit, Math.max(largest.get(a.size.unit) ?? 0, a.size.value));
  }
  const out = new Map<string, number>();
  for (const a of actors) {
    if (!a.size) continue;
    const max = largest.get(a.size.unit) ?? 0;
    const scaled = max > 0 ? 4 + 46 * Math.sqrt(a.size.value / max) : 4;
    out.set(a.id, Math.round(scaled * 1000) / 1000);
  }
  return out;
}

const NODE_ATTRIBUTES = [
  ['kind', 'string'],
  ['size', 'double'],
  ['size_unit', 'string'],
  ['since', 'string'],
  ['until', 'string'],
] as const;
const EDGE_ATTRIBUTES = [
  ['relation_type', 'string'],
  ['sign', 'integer'],
  ['strength', 'double'],
  ['layer', 'string'],
  ['confidence', 'double'],
  ['assumption', 'boolean'],
  ['evidence', 'integer'],
  ['since', 'string'],
  ['until', 'string'],
] as const;

function attvalues(indent: string, values: readonly [string, string | number | undefined][]) {
  const present = values.filter((v): v is [string, string | number] => v[1] !== undefined);
  if (present.length === 0) return [];
  return [
    `${indent}<attvalues>`,
    ...present.map(([key, value]) => `${indent}  <attvalue${xmlAttributes({ for: key, value })}/>`),
    `${indent}</attvalues>`,
  ];
}

/**
 * Writes a case as GEXF 1.3. Each edge's `weight` is its signed weight (sign × weight, so −0.7
 * for a hostile tie of weight 0.7) and its `type` is `directed` or `undirected` as the vocabulary
 * says; the attribute `strength` keeps the unsigned weight (which a sign-0 tie's `weight` of 0
 * would lose) and `since`/`until` keep the partial dates that `start`/`end` widen to whole days.
 * Text is XML-escaped; characters XML 1.0 cannot hold become U+FFFD.
 * @throws {EntenteError} `invalid-argument` when `options.at` is not a partial date
 * @example exportGexf(c).split('\n')[1] // '<gexf xmlns="http://gexf.net/1.3" …'
 */
export function exportGexf(c: Case, options: ExportOptions = {}): string {
  const view = snapshot(c, options, 'exportGexf');
  const vocabulary = resolveVocabulary(view.vocabulary);
  const relations = effectiveRelations(view, vocabulary);
  const dynamic =
    view.actors.some((a) => a.since !== undefined || a.until !== undefined) ||
    view.relations.some((r) => r.since !== undefined || r.until !== undefined);
  const sizes = vizSizes(view.actors);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf${xmlAttributes({
      xmlns: GEXF_NAMESPACE,
      'xmlns:viz': GEXF_VIZ_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${GEXF_NAMESPACE} ${GEXF_NAMESPACE}/gexf.xsd`,
      version: '1.3',
    })}>`,
    '  <meta>',
    '    <creator>entente</creator>',
    `    <description>${escapeXml(view.title)}</description>`,
    '  </meta>',
    `  <graph${xmlAttributes({
      defaultedgetype: 'undirected',
      idtype: 'string',
      mode: dynamic ? 'dynamic' : 'static',
      timeformat: dynamic ? 'date' : undefined,
    })}>`,
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map(
      ([id, type]) => `      <attribute${xmlAttributes({ id, title: id, type })}/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map(
      ([id, type]) => `      <attribute${xmlAttributes({ id, title: id, type })}/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const a of view.actors) {
    const attrs = xmlAttributes({
      id: a.id,
      label: a.name,
      start: a.since === undefined ? undefined : firstDay(a.since),
      end: a.until === undefined ? undefined : lastDay(a.until),
    });
    const size = sizes.get(a.id);
    lines.push(
      `      <node${attrs}>`,
      ...attvalues('        ', [
        ['kind', a.kind],
        ['size', a.size?.value],
        ['size_unit', a.size?.unit],
        ['since', a.since],
        ['until', a.until],
      ]),
      ...(size === undefined ? [] : [`        <viz:size value="${formatXmlNumber(size)}"/>`]),
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const { relation: r, sign, weight, layer, directed } of relations) {
    const style = signStyle(sign);
    const attrs = xmlAttributes({
      id: r.id,
      source: r.from,
      target: r.to,
      type: directed ? 'directed' : 'undirected',
      weight: sign * weight,
      label: vocabulary.get(r.type)?.label,
      start: r.since === undefined ? undefined : firstDay(r.since),
      end: r.until === undefined ? undefined : lastDay(r.until),
    });
    lines.push(
      `      <edge${attrs}>`,
      ...attvalues('        ', [
        ['relation_type', r.type],
        ['sign', sign],
        ['strength', weight],
        ['layer', layer],
        ['confidence', r.confidence],
        ['assumption', String(r.assumption === true)],
        ['evidence', r.evidence?.length ?? 0],
        ['since', r.since],
        ['until', r.until],
      ]),
      `        <viz:color${xmlAttributes({ r: style.r, g: style.g, b: style.b })}/>`,
      `        <viz:shape value="${style.shape}"/>`,
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return `${lines.join('\n')}\n`;
}

/** Options of {@link importGexf}. */
export interface ImportGexfOptions {
  /** Id of the case. @default the file name without extension, else `gexf-graph` */
  readonly id?: string;
  /** Title of the case. @default the GEXF `<meta><description>`, else `GEXF graph <file>` */
  readonly title?: string;
  /** Name of the GEXF file, used in the default id and in each relation's rationale. */
  readonly file?: string;
}

type XmlElement = Record<string, unknown>;
type Path = (string | number)[];

const ARRAY_TAGS = new Set(['node', 'edge', 'attributes', 'attribute', 'attvalue', 'spell']);
const NODE_KNOWN = new Set(['kind', 'size', 'size_unit', 'since', 'until']);
const EDGE_KNOWN = new Set([
  'relation_type',
  'sign',
  'strength',
  'layer',
  'confidence',
  'assumption',
  'evidence',
  'since',
  'until',
]);

const isElement = (v: unknown): v is XmlElement =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const elements = (v: unknown): XmlElement[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(isElement);
const attr = (el: XmlElement, name: string): string | undefined => {
  const v = el[`@_${name}`];
  return typeof v === 'string' ? decodeXmlEntities(v) : undefined;
};
const textOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return decodeXmlEntities(v);
  if (isElement(v) && typeof v['#text'] === 'string') return decodeXmlEntities(v['#text']);
  return undefined;
};

interface Declared {
  readonly title: string;
  readonly fallback?: string;
}

/** Attribute declarations of one class (`node` or `edge`): id → title and default value. */
function declarations(graph: XmlElement, cls: string): Map<string, Declared> {
  const out = new Map<string, Declared>();
  for (const block of elements(graph.attributes)) {
    if (attr(block, 'class') !== cls) continue;
    for (const a of elements(block.attribute)) {
      const id = attr(a, 'id');
      if (id === undefined) continue;
      const fallback = textOf(a.default);
      const title = attr(a, 'title') ?? id;
      out.set(id, fallback === undefined ? { title } : { title, fallback });
    }
  }
  return out;
}

/** The attribute values of a node or edge by title, declared defaults filled in. */
function valuesOf(el: XmlElement, declared: ReadonlyMap<string, Declared>): Map<string, string> {
  const out = new Map<string, string>();
  for (const { title, fallback } of declared.values()) {
    if (fallback !== undefined) out.set(title, fallback);
  }
  for (const block of elements(el.attvalues)) {
    for (const v of elements(block.attvalue)) {
      const key = attr(v, 'for') ?? attr(v, 'id');
      const value = attr(v, 'value');
      if (key === undefined || value === undefined) continue;
      out.set(declared.get(key)?.title ?? key, value);
    }
  }
  return out;
}

/**
 * Reads a GEXF time as a partial date: a date or dateTime gives its day; a four-digit whole
 * number (timeformat integer or double) is read as a year. Anything else gives `undefined`.
 */
function gexfDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  const day = /^(\d{4}-\d{2}-\d{2})(?:T.*)?$/.exec(t);
  if (day) return day[1];
  const year = /^(\d{4})(?:\.0*)?$/.exec(t);
  return year ? year[1] : undefined;
}

/** Collects the importer's issues; an error also marks its path as explained. */
class Report {
  readonly issues: CaseIssue[] = [];
  /** Paths whose validation issue an import issue already explains. */
  readonly explained = new Set<string>();

  add(code: CaseIssueCode, path: Path, message: string, severity: Severity = 'error'): void {
    if (severity === 'error') this.explained.add(path.join('\u001f'));
    this.issues.push({ code, severity, message: `${formatPath(path)}: ${message}`, path });
  }
}

/**
 * A node's or edge's span: the `since`/`until` attributes written by {@link exportGexf}, else
 * the earliest `start` and latest `end` of the element and its spells (warning when there are
 * several spells, or a time that is not a date).
 */
function spanOf(el: XmlElement, values: ReadonlyMap<string, string>, path: Path, report: Report) {
  const spells = elements(el.spells).flatMap((s) => elements(s.spell));
  const starts = [attr(el, 'start'), ...spells.map((s) => attr(s, 'start'))];
  const ends = [attr(el, 'end'), ...spells.map((s) => attr(s, 'end'))];
  if (spells.length > 1) {
    report.add(
      'invalid-value',
      path,
      `${spells.length} spells; entente keeps one span, from the earliest start to the latest end`,
      'warning',
    );
  }
  const dated = (times: (string | undefined)[]) =>
    times.flatMap((time) => {
      if (time === undefined) return [];
      const date = gexfDate(time);
      const interval = date === undefined ? undefined : parseCaseDate(date);
      if (date === undefined || interval === undefined) {
        report.add(
          'invalid-date',
          path,
          `time "${time}" is not a date or a year; it is left out`,
          'warning',
        );
        return [];
      }
      return [{ date, interval }];
    });
  const firstStart = dated(starts).sort((a, b) => a.interval.start - b.interval.start)[0];
  const lastEnd = dated(ends).sort((a, b) => b.interval.end - a.interval.end)[0];
  return {
    since: values.get('since') ?? firstStart?.date,
    until: values.get('until') ?? lastEnd?.date,
  };
}

/** Attribute values entente has no field for, as `title=value; …`. */
function notesOf(values: ReadonlyMap<string, string>, known: ReadonlySet<string>) {
  const notes = [...values].filter(([k, v]) => !known.has(k) && v.trim() !== '');
  return notes.length === 0 ? undefined : notes.map(([k, v]) => `${k}=${v}`).join('; ');
}

function readActor(
  node: XmlElement,
  j: number,
  declared: ReadonlyMap<string, Declared>,
  report: Report,
) {
  const path: Path = ['actors', j];
  const values = valuesOf(node, declared);
  const id = attr(node, 'id');
  if (id === undefined) report.add('missing-field', [...path, 'id'], 'node has no id');
  const label = attr(node, 'label');
  const actor: Record<string, unknown> = {
    id,
    name: label === undefined || label === '' ? id : label,
    kind: values.get('kind') ?? 'other',
  };
  const sizeText = values.get('size');
  if (sizeText !== undefined && sizeText.trim() !== '') {
    const value = parseDecimal(sizeText);
    const unit = values.get('size_unit');
    if (value === undefined) {
      report.add('wrong-type', [...path, 'size', 'value'], `size "${sizeText}" is not a number`);
    } else actor.size = unit === undefined || unit === '' ? { value } : { value, unit };
  }
  const { since, until } = spanOf(node, values, path, report);
  actor.since = since;
  actor.until = until;
  actor.notes = notesOf(values, NODE_KNOWN);
  return withoutUndefined(actor);
}

/**
 * Sign and weight of an edge: the `sign` attribute when present (it must agree with the sign of
 * `weight`), else the sign of `weight`; the weight is the `strength` attribute when present,
 * else |`weight`|, which must then be at most 1. `sign` is undefined when it cannot be read.
 */
function signAndWeight(
  edge: XmlElement,
  values: ReadonlyMap<string, string>,
  path: Path,
  report: Report,
) {
  const weightText = attr(edge, 'weight');
  let signed = 1;
  let readable = true;
  if (weightText !== undefined) {
    const n = parseDecimal(weightText);
    if (n === undefined) {
      report.add('wrong-type', [...path, 'weight'], `weight "${weightText}" is not a number`);
      readable = false;
    } else signed = n;
  }
  let sign: Sign | undefined = readable ? signOf(signed) : undefined;
  const signText = values.get('sign');
  if (signText !== undefined) {
    const n = parseDecimal(signText);
    if (n !== -1 && n !== 0 && n !== 1) {
      report.add('invalid-value', [...path, 'sign'], `sign "${signText}" is not -1, 0 or 1`);
      sign = undefined;
    } else {
      sign = signOf(n);
      if (signed !== 0 && signOf(signed) !== sign) {
        report.add(
          'invalid-value',
          [...path, 'weight'],
          `weight ${weightText} contradicts sign ${signText}`,
        );
      }
    }
  }
  const strengthText = values.get('strength');
  let weight = Math.abs(signed);
  if (strengthText !== undefined) {
    const n = parseDecimal(strengthText);
    if (n === undefined || n < 0 || n > 1) {
      report.add(
        'out-of-range',
        [...path, 'weight'],
        `strength "${strengthText}" is not a number in 0..1`,
      );
    } else weight = n;
  } else if (weight > 1) {
    report.add(
      'out-of-range',
      [...path, 'weight'],
      `weight ${weightText} is outside -1..1; rescale the weights so that the strongest tie is ±1`,
    );
  }
  return { sign, weight: weight + 0 };
}

function readRelation(
  edge: XmlElement,
  i: number,
  declared: ReadonlyMap<string, Declared>,
  rationale: string,
  report: Report,
) {
  const path: Path = ['relations', i];
  const values = valuesOf(edge, declared);
  const rel: Record<string, unknown> = {};
  const id = attr(edge, 'id');
  // Only ids entente accepts are kept (those exportGexf writes, and Gephi's numbers).
  if (id !== undefined && ID_PATTERN.test(id) && id.length <= MAX_ID_LENGTH) rel.id = id;
  rel.from = attr(edge, 'source');
  rel.to = attr(edge, 'target');
  const { sign, weight } = signAndWeight(edge, values, path, report);
  const type = values.get('relation_type')?.trim();
  if (type !== undefined && type !== '') rel.type = type;
  else if (sign !== undefined) rel.type = defaultRelationType(sign);
  else report.explained.add([...path, 'type'].join('\u001f'));
  rel.sign = sign;
  rel.weight = weight;
  const { since, until } = spanOf(edge, values, path, report);
  rel.since = since;
  rel.until = until;
  const confidenceText = values.get('confidence');
  if (confidenceText !== undefined && confidenceText.trim() !== '') {
    const n = parseDecimal(confidenceText);
    if (n === undefined) {
      report.add(
        'wrong-type',
        [...path, 'confidence'],
        `confidence "${confidenceText}" is not a number`,
      );
    } else rel.confidence = n;
  }
  rel.assumption = true;
  rel.rationale = rationale;
  rel.notes = notesOf(values, EDGE_KNOWN);
  return withoutUndefined(rel);
}

/** Parses XML into a tree of plain objects; attributes as `@_name`, entities left as written. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Entities are decoded by decodeXmlEntities, in one pass (fast-xml-parser leaves numeric
  // references undecoded); DTD entities are never expanded.
  processEntities: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ARRAY_TAGS.has(name),
});

const failure = (code: CaseIssueCode, message: string, line?: number, column?: number) => ({
  ok: false as const,
  issues: [
    {
      code,
      severity: 'error' as const,
      message,
      path: [],
      ...(line !== undefined && { line, column: column ?? 1 }),
    },
  ],
});

/**
 * Reads GEXF (1.1 to 1.3; namespaces are not checked) into a case. It reads back everything
 * {@link exportGexf} writes except evidence, and reasonable GEXF from Gephi: node `label` is the
 * name (default the id), edge `weight` (default 1) gives the sign by its sign and the weight by
 * its magnitude, which must be at most 1. Unknown node and edge attributes go into `notes` as
 * `title=value`. Node and edge `start`/`end` (or the envelope of their spells) give since/until
 * when the attributes `since`/`until` are absent; four-digit integer times are read as years.
 * Edge directedness comes from the vocabulary, not from the edge's `type`. Relations without
 * `relation_type` get `alliance`, `hostility` or `neutral-tie` by sign, and all are marked
 * `assumption: true` with the rationale `imported from GEXF <file>` (GEXF cites no evidence).
 * Never throws for bad input; XML that is not well-formed is reported at its line and column.
 * @example importGexf(exportGexf(c)).ok // true
 */
export function importGexf(xml: string, options: ImportGexfOptions = {}): LoadCaseResult {
  if (xml.length > DEFAULT_MAX_LENGTH) {
    return failure(
      'too-large',
      `importGexf: input is ${xml.length} characters; the limit is ${DEFAULT_MAX_LENGTH}`,
    );
  }
  const checked = XMLValidator.validate(xml);
  if (checked !== true) {
    const { msg, line, col } = checked.err;
    return failure('invalid-format', `importGexf: not well-formed XML: ${msg}`, line, col);
  }
  const doc: unknown = parser.parse(xml);
  const root = isElement(doc) ? doc.gexf : undefined;
  const graph = isElement(root) ? elements(root.graph)[0] : undefined;
  if (!isElement(root) || !graph) {
    return failure(
      'invalid-format',
      'importGexf: not a GEXF document (expected <gexf> with a <graph>)',
    );
  }

  const report = new Report();
  const nodeDecl = declarations(graph, 'node');
  const edgeDecl = declarations(graph, 'edge');
  const actors = elements(graph.nodes)
    .flatMap((block) => elements(block.node))
    .map((node, j) => readActor(node, j, nodeDecl, report));
  const rationale = importRationale('GEXF', options.file);
  const relations = elements(graph.edges)
    .flatMap((block) => elements(block.edge))
    .map((edge, i) => readRelation(edge, i, edgeDecl, rationale, report));

  // The description is the title exactly as written (exportGexf writes it unpadded).
  const description = textOf(isElement(root.meta) ? root.meta.description : undefined);
  const fallbackTitle = options.file ? `GEXF graph ${options.file}` : 'Imported GEXF graph';
  const vocabulary = importedVocabulary(relations);
  const result = validateCaseData({
    format: CASE_FORMAT,
    id: options.id ?? idFromFileName(options.file) ?? 'gexf-graph',
    title: options.title ?? (description ? description : fallbackTitle),
    sources: [],
    actors,
    relations,
    ...(vocabulary && { vocabulary }),
  });
  const issues = [
    ...report.issues,
    ...result.issues.filter((i) => !report.explained.has(i.path.join('\u001f'))),
  ];
  const failed = report.issues.some((i) => i.severity === 'error');
  if (result.ok && !failed) return { ok: true, case: result.case, issues };
  return { ok: false, issues };
}
