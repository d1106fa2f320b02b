/**
 * The words of an evidence item: a text item's paraphrase, or, for counts read from an event
 * dataset (`kind: data`), a sentence generated from the dataset, version, query and counts, so that
 * every report that cites evidence can cite both kinds the same way.
 */
import type { Evidence } from '../case/schema.js';

const DATASET_NAMES: Readonly<Record<string, string>> = {
  ucdp: 'UCDP',
  gdelt: 'GDELT',
  acled: 'ACLED',
};

/**
 * What an evidence item says: its paraphrase when it has one, else, for a data item,
 * `"UCDP 24.1: deaths_best 679, events 1 (isk–republic, 2015)"`.
 * @example evidenceParaphrase({ source: 'essay', paragraph: 1, paraphrase: 'Aid flows.' }) // 'Aid flows.'
 */
export function evidenceParaphrase(e: Evidence): string {
  if (e.paraphrase !== undefined) return e.paraphrase;
  if (e.kind !== 'data') return '';
  const d = e.data;
  const name = DATASET_NAMES[d.dataset] ?? d.dataset;
  const counts = Object.entries(d.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${name}${d.version ? ` ${d.version}` : ''}: ${counts || 'no counts'} (${d.query})`;
}
