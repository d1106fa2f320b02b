/**
 * What the importers (edge lists, GEXF) assume about input that gives only signed ties: the
 * default relation type, how imported relations are marked, the case id, and how numbers are
 * read. Edge lists and GEXF files say who is tied to whom with which sign, never which source
 * says so, so imported relations are marked `assumption: true` with a rationale naming the input.
 * That keeps the case loadable without an `unsupported-relation` warning per tie while `entente`
 * still tells them apart from relations an analyst has sourced.
 */
import type { RelationTypeInput } from '../case/schema.js';
import { BUILTIN_VOCABULARY, type Sign } from '../case/vocabulary.js';

/**
 * The type given to an imported tie with no type of its own and sign 0. No built-in type is
 * undirected with sign 0 (`territorial-presence` is directed and means something specific), so
 * imports that need one add this type to the case's vocabulary.
 */
export const NEUTRAL_TIE: Readonly<RelationTypeInput> = Object.freeze({
  type: 'neutral-tie',
  label: 'Neutral tie',
  sign: 0,
  layer: 'diplomatic',
  directed: false,
  description: 'A tie without affect (sign 0), imported from a signed network.',
});

/**
 * The type of an imported tie that names none: `alliance` for +1 and `hostility` for −1 (both
 * undirected, matching the alliances/disputes reading of signed international networks in Doreian
 * & Mrvar 2015) and {@link NEUTRAL_TIE} for 0.
 */
export function defaultRelationType(sign: Sign): string {
  if (sign > 0) return 'alliance';
  if (sign < 0) return 'hostility';
  return NEUTRAL_TIE.type;
}

/**
 * The vocabulary section an imported case needs: {@link NEUTRAL_TIE} when some relation uses it
 * (and it is not built in), otherwise none.
 */
export function importedVocabulary(
  relations: readonly { readonly type?: unknown }[],
): RelationTypeInput[] | undefined {
  if (BUILTIN_VOCABULARY.some((d) => d.type === NEUTRAL_TIE.type)) return undefined;
  return relations.some((r) => r.type === NEUTRAL_TIE.type) ? [{ ...NEUTRAL_TIE }] : undefined;
}

/** The `rationale` of a relation imported from `what` (e.g. `edge list`), naming the file. */
export function importRationale(what: string, file: string | undefined): string {
  return file === undefined || file === ''
    ? `imported from ${what}`
    : `imported from ${what} ${file}`;
}

/**
 * A case id derived from a file name: its base name without extension, with characters an id
 * cannot hold replaced by `-`. `undefined` when nothing usable is left.
 * @example idFromFileName('data/highland-tribes.csv') // 'highland-tribes'
 */
export function idFromFileName(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  const base = file.split(/[\\/]/).pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const id = stem
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 128);
  return id === '' ? undefined : id;
}

/** Parses a decimal number (`-0.7`, `1e-3`); `undefined` for anything else (hex, `NaN`, empty text). */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The sign of a number as a {@link Sign} (−0 counts as 0). */
export function signOf(n: number): Sign {
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

/** A copy of `o` without its undefined-valued keys (so validation sees absent fields). */
export function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
