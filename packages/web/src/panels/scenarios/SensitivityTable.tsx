/**
 * Sensitivity of each outcome to the uncertain parameters: Sobol first-order and total indices
 * with their intervals, or Morris screening (μ*, μ, σ), for one chosen outcome.
 */
import { useState } from 'react';
import type { ExplorationSummary } from '../../api/types.js';

/** The contract's sensitivity block and its two kinds of index (derived, not declared). */
type Sensitivity = NonNullable<ExplorationSummary['sensitivity']>;
type SobolIndex = Extract<Sensitivity, { method: 'sobol' }>['outcomes'][number]['indices'][number];
type MorrisIndex = Extract<
  Sensitivity,
  { method: 'morris' }
>['outcomes'][number]['indices'][number];

/** Sensitivity of each outcome to the uncertain parameters (Sobol or Morris runs only). */
export function SensitivityTable({ summary }: { summary: ExplorationSummary }) {
  const s = summary.sensitivity;
  const [choice, setChoice] = useState(0);
  if (!s || s.outcomes.length === 0) return null;
  const o = s.outcomes[Math.min(choice, s.outcomes.length - 1)];
  if (!o) return null;
  return (
    <section aria-labelledby="h-sens">
      <h4 id="h-sens">
        Sensitivity ({s.method === 'sobol' ? 'Sobol indices' : 'Morris screening'})
      </h4>
      <label className="field">
        <span>Outcome</span>
        <select value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
          {s.outcomes.map((x, i) => (
            <option key={`${x.scenario}/${x.metric}`} value={i}>
              {x.scenario}: {x.metric}
            </option>
          ))}
        </select>
      </label>
      {s.method === 'sobol' ? (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">parameter</th>
              <th scope="col">first order [CI]</th>
              <th scope="col">total [CI]</th>
            </tr>
          </thead>
          <tbody>
            {[...(o.indices as SobolIndex[])]
              .sort((a, b) => b.total - a.total)
              .map((i) => (
                <tr key={i.parameter}>
                  <td>{i.parameter}</td>
                  <td>
                    {i.first.toFixed(3)} [{i.firstCi[0].toFixed(2)}, {i.firstCi[1].toFixed(2)}]
                  </td>
                  <td>
                    {i.total.toFixed(3)} [{i.totalCi[0].toFixed(2)}, {i.totalCi[1].toFixed(2)}]
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">parameter</th>
              <th scope="col">μ*</th>
              <th scope="col">μ</th>
              <th scope="col">σ</th>
            </tr>
          </thead>
          <tbody>
            {[...(o.indices as MorrisIndex[])]
              .sort((a, b) => b.muStar - a.muStar)
              .map((i) => (
                <tr key={i.parameter}>
                  <td>{i.parameter}</td>
                  <td>{i.muStar.toPrecision(3)}</td>
                  <td>{i.mu.toPrecision(3)}</td>
                  <td>{i.sigma.toPrecision(3)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
