/**
 * How the analysis commands show where a figure comes from: the relations behind a tie, each
 * with its type, span and evidence (source, paragraph.sentence), as text or JSON.
 */
import type { CitedRelation } from '@entente/core';

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
