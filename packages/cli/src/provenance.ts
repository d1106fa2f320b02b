/**
 * How the analysis commands show where a figure comes from: the relations behind a tie, each
 * with its type, span and evidence (source, paragraph.sentence), as text or JSON.
 */
import type { Case } from '@entente/core';

/** A relation as the analysis output cites it. */
export interface CitedRelation {
  readonly index: number;
  readonly id: string | null;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly since: string | null;
  readonly until: string | null;
  readonly assumption: boolean;
  readonly evidence: readonly {
    source: string;
    paragraph: number | null;
    sentence: number | null;
    paraphrase: string;
  }[];
}

/** The relation at `index`, ready to cite. */
export function citeRelation(c: Case, index: number): CitedRelation {
  const r = c.relations[index];
  if (!r) throw new RangeError(`citeRelation: no relation ${index}`);
  return {
    index,
    id: r.id ?? null,
    type: r.type,
    from: r.from,
    to: r.to,
    since: r.since ?? null,
    until: r.until ?? null,
    assumption: r.assumption === true,
    evidence: (r.evidence ?? []).map((e) => ({
      source: e.source,
      paragraph: e.paragraph ?? null,
      sentence: e.sentence ?? null,
      paraphrase: e.paraphrase,
    })),
  };
}

/** One line per relation: `us counter-terrorism-cooperation taliban [essay ¶2.9]`. */
export function relationLine(r: CitedRelation): string {
  const refs = r.evidence.map(
    (e) =>
      `${e.source}${e.paragraph === null ? '' : ` ¶${e.paragraph}${e.sentence === null ? '' : `.${e.sentence}`}`}`,
  );
  const span = r.since || r.until ? ` (${r.since ?? '…'}–${r.until ?? '…'})` : '';
  const cite =
    refs.length > 0 ? ` [${[...new Set(refs)].join(', ')}]` : r.assumption ? ' [assumption]' : '';
  return `${r.from} ${r.type} ${r.to}${span}${cite}`;
}
