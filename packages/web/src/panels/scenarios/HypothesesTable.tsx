/**
 * The hypotheses of an exploration: the share of worlds where each holds, with its interval, and
 * the PRIM box of parameters where it fails.
 */
import type { ExplorationSummary } from '../../api/types.js';

/** The hypotheses of an exploration: share of worlds where each holds and where it fails. */
export function HypothesesTable({ summary }: { summary: ExplorationSummary }) {
  if (summary.hypotheses.length === 0) {
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
          <th scope="col">where it fails (PRIM box)</th>
        </tr>
      </thead>
      <tbody>
        {summary.hypotheses.map((h) => (
          <tr key={h.id}>
            <td>
              <strong>{h.id}</strong>
              <div className="muted">{h.statement}</div>
            </td>
            <td>
              {h.policy}
              {h.versus ? ` vs ${h.versus}` : ''}
            </td>
            <td>{(100 * h.holds).toFixed(1)}%</td>
            <td>
              {(100 * h.ci[0]).toFixed(1)}–{(100 * h.ci[1]).toFixed(1)}%
            </td>
            <td>
              {h.failBox
                ? `${
                    h.failBox.limits
                      .map(
                        (l) => `${l.parameter} ∈ [${l.lo.toPrecision(3)}, ${l.hi.toPrecision(3)}]`,
                      )
                      .join(', ') ||
                    'not confined to a box: no parameter range separates the failures'
                  } (coverage ${(100 * h.failBox.coverage).toFixed(0)}%, density ${(100 * h.failBox.density).toFixed(0)}%)`
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
