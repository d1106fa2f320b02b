/**
 * Evidence behind the selected tie: each relation the projection combined into it, with its type,
 * sign, weight, dates and confidence, whether it is an assumption (and why), and each evidence
 * item's source, paragraph and sentence, paraphrase and Admiralty rating. When the workbench
 * holds the text of an item's source (read in the Sources tab this session), the sentence its
 * span cites is shown as written, beside the paraphrase.
 */
import type { Case, Evidence, ProjectedTie, Relation } from '../api/types.js';
import { useHeldTexts } from '../hooks/useHeldTexts.js';
import { keyed } from '../keys.js';
import { citedSentence } from '../sources.js';

/** What an evidence item says and where: its key in the list. */
const evidenceContent = (e: Evidence) =>
  `${e.source}|${e.paragraph ?? ''}|${e.sentence ?? ''}|${e.paraphrase}`;

/** The relations behind a tie: by `relationIndices`, else by index or relation id. */
export function tieRelations(c: Case, tie: ProjectedTie): { index: number; relation: Relation }[] {
  const out: { index: number; relation: Relation }[] = [];
  for (const ref of tie.relationIndices ?? tie.relations) {
    const index =
      typeof ref === 'number'
        ? ref
        : c.relations.findIndex((r) => r.id !== undefined && r.id === ref);
    const relation = c.relations[index];
    if (relation) out.push({ index, relation });
  }
  return out;
}

function signText(r: Relation): string {
  if (r.sign === undefined) return 'type default';
  return r.sign > 0 ? '+' : r.sign < 0 ? '−' : '0';
}

/** Props of {@link EvidencePanel}. */
export interface EvidencePanelProps {
  caseData: Case;
  tie: ProjectedTie | null;
}

/** The evidence panel. */
export function EvidencePanel({ caseData, tie }: EvidencePanelProps) {
  const held = useHeldTexts();
  if (!tie) {
    return (
      <p className="hint">
        Select a tie on the map (or in the “Tie” list above it) to see the relations and evidence
        behind it.
      </p>
    );
  }
  const actors = new Map(caseData.actors.map((a) => [a.id, a.name]));
  const sources = new Map((caseData.sources ?? []).map((s) => [s.id, s]));
  const rels = tieRelations(caseData, tie);
  /** The sentence as written, when the source's text is held this session. */
  const quoted = (e: Evidence) => {
    const sentence = citedSentence(e, held);
    return sentence === null ? null : (
      <blockquote className="quote" data-testid="evidence-quote" title="the source's own words">
        “{sentence}”
      </blockquote>
    );
  };
  return (
    <div className="evidence" data-testid="evidence">
      <h3>
        {actors.get(tie.source) ?? tie.source} — {actors.get(tie.target) ?? tie.target}{' '}
        <span className={tie.sign > 0 ? 'sign-pos' : 'sign-neg'}>
          {tie.sign > 0 ? 'positive' : 'negative'} tie, weight {tie.weight.toFixed(3)}
        </span>
      </h3>
      <p className="hint">
        {rels.length} relation(s) combine into this tie at the chosen date and layers.
      </p>
      {rels.map(({ index, relation: r }) => (
        <article key={index} className="relation">
          <h4>
            {actors.get(r.from) ?? r.from} <em>{r.type}</em> {actors.get(r.to) ?? r.to}
            {r.id ? <code className="rel-id">{r.id}</code> : null}
          </h4>
          <dl className="facts">
            <dt>sign</dt>
            <dd>{signText(r)}</dd>
            <dt>weight</dt>
            <dd>{r.weight ?? 1}</dd>
            <dt>in force</dt>
            <dd>
              {r.since ?? '…'} – {r.until ?? '…'}
            </dd>
            <dt>confidence</dt>
            <dd>{r.confidence ?? '—'}</dd>
            <dt>assumption</dt>
            <dd>{r.assumption ? 'yes' : 'no'}</dd>
          </dl>
          {r.assumption && (
            <p className="assumption">
              <strong>Assumption</strong> — {r.rationale ?? 'no rationale given'}
            </p>
          )}
          {(r.evidence ?? []).length === 0 && !r.assumption && (
            <p className="hint">No evidence recorded for this relation.</p>
          )}
          <ul className="evidence-items">
            {keyed(r.evidence ?? [], evidenceContent).map(([e, key]) => {
              const s = sources.get(e.source);
              const where = [
                e.paragraph !== undefined ? `¶${e.paragraph}` : null,
                e.sentence !== undefined ? `sentence ${e.sentence}` : null,
                e.span ? `chars ${e.span[0]}–${e.span[1]}` : null,
              ]
                .filter(Boolean)
                .join(', ');
              return (
                <li key={key}>
                  {/* A paraphrase in the analyst's words, not a quotation: no quotation marks. */}
                  <span className="paraphrase" title="paraphrase (the analyst's words)">
                    {e.paraphrase}
                  </span>
                  {quoted(e)}
                  <div className="cite">
                    {s ? s.title : e.source}
                    {where ? ` — ${where}` : ''}
                    {e.reliability || e.credibility
                      ? ` · rated ${e.reliability ?? '?'}${e.credibility ?? '?'}`
                      : ''}
                  </div>
                </li>
              );
            })}
          </ul>
          {r.notes && <p className="notes">{r.notes}</p>}
        </article>
      ))}
    </div>
  );
}
