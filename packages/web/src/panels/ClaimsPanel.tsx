/**
 * The Claims tab: each claim of the case with its paragraphs, the hypotheses that test it, each
 * one's verdict from the latest exploration (share and interval, effect range, or "decided by
 * assumption") and where it fails, with a button that opens the Scenarios tab on the scenarios
 * the hypothesis compares. The rows come from claims.ts (the report shows the same).
 */
import type { Case, ExplorationSummary } from '../api/types.js';
import { type ClaimTest, claimRows } from '../claims.js';

/** Props of {@link ClaimsPanel}. */
export interface ClaimsPanelProps {
  caseData: Case;
  /** The latest exploration, or null. */
  summary: ExplorationSummary | null;
  /** Opens the Scenarios tab on a hypothesis's scenarios. */
  onShow(scenarioA: string, scenarioB: string | null, hypothesis: string): void;
}

/** The claims of the case and their verdicts. */
export function ClaimsPanel({ caseData, summary, onShow }: ClaimsPanelProps) {
  const rows = claimRows(caseData, summary);
  if (rows.length === 0) {
    return (
      <p className="hint">
        This case states no claim. Add <code>claims:</code> and <code>hypotheses:</code> in the Case
        editor.
      </p>
    );
  }
  const showButton = (t: ClaimTest) => (
    <button
      type="button"
      className="small"
      onClick={() => onShow(t.scenario, t.versus, t.id)}
      aria-label={`Show ${t.id} in the Scenarios tab (${t.comparison})`}
    >
      {t.explored ? 'show' : 'explore'}
    </button>
  );
  const posterior = summary?.posterior ?? null;
  return (
    <div className="claims">
      {!summary && (
        <p className="hint">
          No exploration has run for this case yet: run one in the Scenarios tab (with the scenarios
          a hypothesis compares) to see the verdicts.
        </p>
      )}
      <table data-testid="claims" className="compact">
        <caption>
          The case’s claims, the hypotheses that test them and their verdicts
          {summary ? ` over ${summary.completedWorlds} worlds` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">claim</th>
            <th scope="col">¶</th>
            <th scope="col">hypothesis (comparison; claimant)</th>
            <th scope="col">{posterior ? 'verdict (prior ranges)' : 'verdict'}</th>
            {posterior && <th scope="col">verdict (posterior of {posterior.source})</th>}
            <th scope="col">where it fails</th>
          </tr>
        </thead>
        {rows.map((r) => {
          const span = Math.max(1, r.tests.length);
          const claimCells = (
            <>
              <th scope="rowgroup" rowSpan={span}>
                {r.claim ? <strong>{r.claim}</strong> : <em>no listed claim</em>}
                <div className="muted">{r.statement}</div>
              </th>
              <td rowSpan={span}>{r.paragraph || '—'}</td>
            </>
          );
          return (
            <tbody key={r.claim ?? `hypothesis:${r.tests[0]?.id ?? ''}`}>
              {r.tests.length === 0 ? (
                <tr>
                  {claimCells}
                  <td colSpan={posterior ? 4 : 3} className="muted">
                    no hypothesis tests this claim
                  </td>
                </tr>
              ) : (
                r.tests.map((t, i) => (
                  <tr key={t.id} data-decided={t.decided ? 'true' : undefined}>
                    {i === 0 && claimCells}
                    <td>
                      {t.id}
                      <div className="muted">{t.statement}</div>
                      <div>
                        {t.comparison}
                        {t.claimant ? `; claimed by ${t.claimant}` : ''}
                      </div>
                    </td>
                    <td className={t.decided ? 'decided' : undefined}>{t.verdict}</td>
                    {posterior && <td>{t.posteriorVerdict ?? '—'}</td>}
                    <td>
                      {t.failsWhere ?? '—'} {showButton(t)}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
