/**
 * The hypotheses of an exploration: the share of worlds where each holds with its interval, the
 * effect's range or the assumption that decides it (when the summary carries them), and the PRIM
 * box of parameters where it fails. A hypothesis a Claims-tab link asked for is scrolled into view.
 */
import type { ExplorationSummary } from '../../api/types.js';
import { decidedByText, failsWhereText, type HypothesisVerdict } from '../../claims.js';
import { useScrollIntoView } from '../../hooks/useScrollIntoView.js';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}%`;
const num = (x: number) => String(Number(x.toPrecision(3)));

/** Props of {@link HypothesesTable}. */
export interface HypothesesTableProps {
  summary: ExplorationSummary;
  /** Id of the hypothesis to bring into view and mark, or null. */
  focus: string | null;
  /** Changes with each request to bring `focus` into view (0: none yet). */
  focusKey: number;
}

/** The hypotheses of an exploration: share of worlds where each holds and where it fails. */
export function HypothesesTable({ summary, focus, focusKey }: HypothesesTableProps) {
  const hypotheses = summary.hypotheses as HypothesisVerdict[];
  useScrollIntoView(focus === null ? null : `hypothesis-${focus}`, focusKey);
  if (hypotheses.length === 0) {
    return <p className="hint">The case states no hypothesis for these scenarios.</p>;
  }
  return (
    <table data-testid="hypotheses">
      <caption>Hypotheses: share of plausible worlds in which each holds</caption>
      <thead>
        <tr>
          <th scope="col">hypothesis</th>
          <th scope="col">scenario</th>
          <th scope="col">holds</th>
          <th scope="col">95% CI</th>
          <th scope="col">effect median [5–95%], or what decides it</th>
          <th scope="col">where it fails (PRIM box)</th>
        </tr>
      </thead>
      <tbody>
        {hypotheses.map((h) => (
          <tr
            key={h.id}
            id={`hypothesis-${h.id}`}
            className={h.id === focus ? 'focused' : undefined}
          >
            <td>
              <strong>{h.id}</strong>
              <div className="muted">{h.statement}</div>
            </td>
            <td>
              {h.policy}
              {h.versus ? ` vs ${h.versus}` : ''}
            </td>
            <td>{pct(h.holds)}</td>
            <td>{h.ci ? `${pct(h.ci[0])}–${pct(h.ci[1])}` : '—'}</td>
            <td>
              {h.decidedBy
                ? decidedByText(h.decidedBy)
                : h.effect
                  ? `${num(h.effect.median)} [${num(h.effect.q05)}–${num(h.effect.q95)}]`
                  : '—'}
            </td>
            <td>{failsWhereText(h) ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
