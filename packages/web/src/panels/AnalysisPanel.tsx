/**
 * The analysis panels of the current date and layers: balance (triad census, frustration index),
 * unbalanced triads (select one to highlight it on the map), frustration per actor, the
 * landscape's stable configurations (select one to group the map by it), the tipping chart, and
 * the leverage, dependency and brokerage tables.
 */

import type {
  AnalyzeResponse as AnalysisBundle,
  Case,
  TippingJson as TippingResult,
} from '@entente/core/contract';
import { useCallback, useMemo } from 'react';
import { PlotFigure } from '../charts/PlotFigure.js';
import { configurationLabel, energyLines } from '../charts/tipping.js';
import type { Grouping } from '../grouping.js';

/** Props of {@link AnalysisPanel}. */
export interface AnalysisPanelProps {
  caseData: Case;
  analysis: AnalysisBundle;
  highlight: string[] | null;
  onHighlight(actors: string[] | null): void;
  grouping: Grouping;
  onGrouping(g: Grouping): void;
}

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const pct = (x: number) => `${(100 * x).toFixed(x > 0 && x < 0.1 ? 1 : 0)}%`;

/** Line colours of the tipping chart's configurations (C1, C2, …), shared with its key. */
const CONFIG_COLORS = ['#2563eb', '#d97706', '#16a34a', '#db2777', '#7c3aed', '#0891b2'];

function TippingChart({ t, names }: { t: TippingResult; names: Map<string, string> }) {
  // Short names (C1, C2, …) on the chart; the key below spells each configuration out.
  const labels = useMemo(() => {
    const out: string[] = [];
    for (const s of t.segments) {
      const l = configurationLabel(s.configuration, names);
      if (!out.includes(l)) out.push(l);
    }
    return out;
  }, [t, names]);
  const render = useCallback(
    (Plot: typeof import('@observablehq/plot')) => {
      const short = (l: string) => `C${labels.indexOf(l) + 1}`;
      // Energies differ in the sixth digit: plot them relative to the stable configuration's
      // energy at the top of the range (the case as recorded), so the ticks stay readable.
      const lines = energyLines(t, names);
      const ref =
        lines.find((d) => d.stable && d.theta === t.range[1])?.energy ?? lines[0]?.energy ?? 0;
      const data = lines.map((d) => ({
        ...d,
        energy: d.energy - ref,
        configuration: short(d.configuration),
      }));
      const stable = data.filter((d) => d.stable);
      const ends = data.filter((d) => d.theta === t.range[1]);
      const ids = labels.map((_, i) => `C${i + 1}`);
      return Plot.plot({
        width: 460,
        height: 230,
        marginLeft: 64,
        marginRight: 30,
        x: { label: 'θ (share of the group’s threats kept)', domain: t.range },
        y: {
          label: `energy − ${ref.toPrecision(6)} (lower = more stable)`,
          grid: true,
          tickFormat: '.2~e',
        },
        color: { domain: ids, range: CONFIG_COLORS },
        marks: [
          Plot.line(data, {
            x: 'theta',
            y: 'energy',
            stroke: 'configuration',
            strokeDasharray: '4 3',
            strokeOpacity: 0.6,
          }),
          Plot.line(stable, { x: 'theta', y: 'energy', stroke: 'configuration', strokeWidth: 3 }),
          Plot.text(ends, {
            x: 'theta',
            y: 'energy',
            text: 'configuration',
            fill: 'configuration',
            dx: 14,
          }),
          Plot.ruleX(t.tippingPoints, { x: 'value', stroke: '#111827', strokeDasharray: '2 2' }),
          Plot.dot(
            t.tippingPoints.map((p) => ({
              value: p.value,
              energy: data.find((d) => Math.abs(d.theta - p.value) < 1e-12)?.energy ?? 0,
            })),
            { x: 'value', y: 'energy', r: 5, fill: '#111827', symbol: 'diamond' },
          ),
          Plot.text(t.tippingPoints, {
            x: 'value',
            frameAnchor: 'top',
            text: (p: { value: number }) => `tips at θ = ${p.value.toFixed(3)}`,
            textAnchor: 'start',
            dx: 4,
            dy: 2,
          }),
        ],
      });
    },
    [t, names, labels],
  );
  return (
    <div className="tipping">
      <h4>
        Threats of {names.get(t.group) ?? t.group}: {t.parameter.description}
      </h4>
      <PlotFigure render={render} label={`Tipping chart for ${t.group}`} testId="tipping-chart" />
      <ul className="config-key">
        {labels.map((l, i) => (
          <li key={l}>
            <span
              className="swatch"
              style={{ background: CONFIG_COLORS[i % CONFIG_COLORS.length] }}
              aria-hidden="true"
            />
            C{i + 1}: {l}
          </li>
        ))}
      </ul>
      <p className="hint">
        Solid: the most stable configuration at each θ; dashed: its energy where another is lower.{' '}
        {t.tippingPoints.length === 0
          ? `No tipping point in θ ∈ [${t.range[0]}, ${t.range[1]}].`
          : t.tippingPoints
              .map(
                (p) =>
                  `At θ = ${p.value.toFixed(3)} the most stable configuration changes from C${labels.indexOf(configurationLabel(p.before, names)) + 1} to C${labels.indexOf(configurationLabel(p.after, names)) + 1}.`,
              )
              .join(' ')}
      </p>
    </div>
  );
}

/** The analysis panels. */
export function AnalysisPanel(props: AnalysisPanelProps) {
  const { caseData, analysis: a, highlight, onHighlight, grouping, onGrouping } = props;
  const names = useMemo(() => new Map(caseData.actors.map((x) => [x.id, x.name])), [caseData]);
  const name = (id: string) => names.get(id) ?? id;
  const fr = a.balance.frustration;
  const shares = Object.entries(fr.perActorShare ?? {}).sort((x, y) => y[1] - x[1]);
  const triads = a.balance.unbalancedTriads ?? [];
  const hlKey = highlight?.join('|') ?? '';
  const dep = Object.entries(a.leverage?.dependency?.actors ?? {})
    .filter(([, d]) => d.total > 0)
    .sort((x, y) => y[1].total - x[1].total);
  const lev = [...(a.leverage?.threatLeverage?.pairs ?? [])].sort((x, y) => y.value - x.value);
  const brok = Object.entries(a.leverage?.brokerage?.actors ?? {}).sort(
    (x, y) => y[1].betweenness - x[1].betweenness,
  );
  const triadCounts = a.balance.triads.counts;
  return (
    <div className="analysis">
      <section aria-labelledby="h-balance">
        <h3 id="h-balance">Structural balance</h3>
        <p>
          {a.balance.actors} actors, {a.balance.ties} signed ties, {a.balance.triads.triangles}{' '}
          triangles (balance ratio {fmt(a.balance.triads.ratio ?? Number.NaN)}). Frustration index:{' '}
          <strong data-testid="frustration-index">{fr.value}</strong>
          {fr.exact ? ' (proven optimal)' : ` (heuristic; lower bound ${fr.lowerBound})`}.
        </p>
        <table className="compact">
          <caption>Triad census (+++ and +−− balanced; ++− and −−− unbalanced)</caption>
          <thead>
            <tr>
              {Object.keys(triadCounts).map((k) => (
                <th key={k} scope="col">
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {Object.entries(triadCounts).map(([k, v]) => (
                <td key={k}>{v}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="h-triads">
        <h3 id="h-triads">Unbalanced triads ({a.balance.unbalancedTotal ?? triads.length})</h3>
        {triads.length === 0 ? (
          <p className="hint">No unbalanced triad at this date and with these layers.</p>
        ) : (
          <>
            <p className="hint">Select a triad to highlight its actors and ties on the map.</p>
            <ul className="triads">
              {triads.slice(0, 40).map((t) => {
                const key = t.actors.join('|');
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className={hlKey === key ? 'triad active' : 'triad'}
                      aria-pressed={hlKey === key}
                      onClick={() => onHighlight(hlKey === key ? null : t.actors)}
                    >
                      <span className="pattern">{t.pattern}</span> {t.actors.map(name).join(' – ')}{' '}
                      <span className="muted">weight {fmt(t.weight)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {highlight && (
              <button type="button" onClick={() => onHighlight(null)}>
                Clear highlight
              </button>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="h-frustration">
        <h3 id="h-frustration">Who carries the contradiction</h3>
        <table className="bars">
          <thead>
            <tr>
              <th scope="col">actor</th>
              <th scope="col">frustrated ties</th>
              <th scope="col">share</th>
            </tr>
          </thead>
          <tbody>
            {shares.map(([id, s]) => (
              <tr key={id}>
                <th scope="row">{name(id)}</th>
                <td>{fr.perActor[id] ?? 0}</td>
                <td>
                  <span className="bar" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${100 * s}%` }} />
                  </span>{' '}
                  {pct(s)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="h-landscape">
        <h3 id="h-landscape">Landscape: stable configurations</h3>
        <p className="hint">
          {a.landscape.exhaustive ? 'Exhaustive' : 'Multi-start'} search over{' '}
          {a.landscape.configurations} configurations of {a.landscape.actorsIncluded.length} actors.
          Choose one to group the map by it.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">group map</th>
              <th scope="col">energy</th>
              <th scope="col">basin</th>
              <th scope="col">side A</th>
              <th scope="col">side B</th>
            </tr>
          </thead>
          <tbody>
            {a.landscape.minima.map((m, i) => {
              const value = `landscape:${i}`;
              return (
                <tr key={value}>
                  <td>
                    <input
                      type="radio"
                      name="landscape-grouping"
                      aria-label={`Group the map by configuration ${i + 1}`}
                      checked={grouping === value}
                      onChange={() => onGrouping(value)}
                    />
                  </td>
                  <td>{fmt(m.energy, 4)}</td>
                  <td>
                    {m.basin === null || m.basin === undefined
                      ? '—'
                      : m.basinCount
                        ? `${m.basin} / ${m.basinCount} (${pct(m.basin / m.basinCount)})`
                        : m.basin}
                  </td>
                  <td>{m.coalitions[0].map(name).join(', ')}</td>
                  <td>{m.coalitions[1].map(name).join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {a.landscape.diagnostics.length > 0 && (
          <ul className="notes">
            {a.landscape.diagnostics.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-tipping">
        <h3 id="h-tipping">Tipping: how far must each group’s threats shrink?</h3>
        {a.tipping.length === 0 ? (
          <p className="hint">No armed group in the landscape at this date.</p>
        ) : (
          a.tipping.map((t) => <TippingChart key={t.group} t={t} names={names} />)
        )}
      </section>

      <section aria-labelledby="h-leverage">
        <h3 id="h-leverage">Threat leverage</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">regime</th>
              <th scope="col">over</th>
              <th scope="col">leverage</th>
              <th scope="col">via</th>
            </tr>
          </thead>
          <tbody>
            {lev.map((p) => (
              <tr key={`${p.regime}-${p.target}`}>
                <td>{name(p.regime)}</td>
                <td>{name(p.target)}</td>
                <td>{fmt(p.value)}</td>
                <td>
                  {(a.leverage.threatLeverage.leverage[p.regime]?.[p.target]?.via ?? [])
                    .map((v) => `${name(v.group)} (control ${v.control} × threat ${v.threat})`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="h-dependency">
        <h3 id="h-dependency">Dependency</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">actor</th>
              <th scope="col">total</th>
              <th scope="col">patrons (share)</th>
            </tr>
          </thead>
          <tbody>
            {dep.map(([id, d]) => (
              <tr key={id}>
                <td>{name(id)}</td>
                <td>{fmt(d.total, 2)}</td>
                <td>{d.patrons.map((p) => `${name(p.patron)} (${pct(p.share)})`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="h-brokerage">
        <h3 id="h-brokerage">Brokerage (positive ties)</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">actor</th>
              <th scope="col">betweenness</th>
              <th scope="col">brokered pairs</th>
            </tr>
          </thead>
          <tbody>
            {brok
              .filter(([, b]) => b.betweenness > 0 || (b.brokered ?? 0) > 0)
              .map(([id, b]) => (
                <tr key={id}>
                  <td>{name(id)}</td>
                  <td>{fmt(b.betweenness)}</td>
                  <td>{b.brokered}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
