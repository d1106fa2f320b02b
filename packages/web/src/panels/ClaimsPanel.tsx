/**
 * The Claims tab: each claim of the case with its paragraphs, the hypotheses that test it, each
 * one's verdict from the latest exploration (share and interval, effect range, or "decided by
 * assumption") and where it fails, with a button that opens the Scenarios tab on the scenarios
 * the hypothesis compares; beside them, the claim's observed hypotheses as the event data judge
 * them (status, effect against the minimum effect, window, source and coverage caveats), and the
 * observed hypotheses of no listed claim in an "Observed" group at the end. The rows come from
 * claims.ts (the report shows the same).
 */
import type { Case, ExplorationSummary } from '../api/types.js';
import { type ClaimRow, type ClaimTest, claimRows, type ObservedTest } from '../claims.js';
import type { ObservedVerdictsState } from '../hooks/useObservedVerdicts.js';

/** Props of {@link ClaimsPanel}. */
export interface ClaimsPanelProps {
  caseData: Case;
  /** The latest exploration, or null. */
  summary: ExplorationSummary | null;
  /** The observed verdicts on the event data (useObservedVerdicts). */
  observed: ObservedVerdictsState;
  /** Opens the Scenarios tab on a hypothesis's scenarios. */
  onShow(scenarioA: string, scenarioB: string | null, hypothesis: string): void;
}

/** The claims of the case and their verdicts. */
/** One observed verdict: status in words (never colour alone), effect, window, source, caveats. */
function Observed({ o }: { o: ObservedTest }) {
  return (
    <div className="observed" data-status={o.status} data-testid="observed-verdict">
      <div>
        {o.id}: <strong className={`status-${o.status}`}>{o.verdict}</strong>
      </div>
      <div className="muted">{o.statement}</div>
      <div>
        {o.effect}; {o.window}; {o.source}
        {o.claimant ? `; claimed by ${o.claimant}` : ''}
      </div>
      {o.caveats.length > 0 && (
        <ul className="muted caveats" aria-label="coverage caveats">
          {o.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The observed cell of a claim: its observed verdicts, or a dash. */
function ObservedCell({ row, span }: { row: ClaimRow; span: number }) {
  return (
    <td rowSpan={span}>
      {row.observed.length === 0 ? '—' : row.observed.map((o) => <Observed key={o.id} o={o} />)}
    </td>
  );
}

/** The claims of the case and their verdicts. */
export function ClaimsPanel({ caseData, summary, observed, onShow }: ClaimsPanelProps) {
  const verdicts = observed.answer?.available ? observed.answer.verdicts : null;
  const all = claimRows(caseData, summary, verdicts);
  // Rows of observed hypotheses that test no listed claim: the "Observed" group at the end.
  const rows = all.filter((r) => r.claim !== null || r.tests.length > 0);
  const observedOnly = all.filter((r) => r.claim === null && r.tests.length === 0);
  if (all.length === 0) {
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
      {observed.error && (
        <p className="error" role="alert">
          Observed verdicts: {observed.error}
        </p>
      )}
      {observed.answer && !observed.answer.available && (
        <p className="hint" data-testid="observed-unavailable">
          No event data loaded, so observed hypotheses are not evaluated: run{' '}
          <code>entente events ingest</code> beside the case (docs/events.md).
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
            <th scope="col">observed in the event data</th>
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
                    {r.observed.length > 0
                      ? 'no model hypothesis tests this claim'
                      : 'no hypothesis tests this claim'}
                  </td>
                  <ObservedCell row={r} span={1} />
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
                    {i === 0 && <ObservedCell row={r} span={span} />}
                  </tr>
                ))
              )}
            </tbody>
          );
        })}
        {observedOnly.length > 0 && (
          <tbody data-testid="observed-group">
            <tr>
              <th scope="rowgroup" colSpan={posterior ? 7 : 6}>
                Observed: hypotheses on the event data that test no listed claim
              </th>
            </tr>
            {observedOnly.map((r) => (
              <tr key={`observed:${r.observed[0]?.id ?? r.statement}`}>
                <td>
                  <em>no listed claim</em>
                  <div className="muted">{r.statement}</div>
                </td>
                <td>{r.paragraph || '—'}</td>
                <td colSpan={posterior ? 4 : 3} className="muted">
                  no model hypothesis
                </td>
                <ObservedCell row={r} span={1} />
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}
