/**
 * Scenarios: pick a scenario (and a second one to compare), set each state's policy and fix model
 * parameters with sliders bounded by the model's ranges, then run an exploration job on the server
 * with a progress bar and a Cancel button. Results: fan charts per outcome series (the scenarios
 * side by side on a shared axis), the hypotheses table with the PRIM box where each claim fails,
 * and the outcome quantiles. A quick single run (`/api/simulate`) checks a setting in milliseconds.
 *
 * Edited policies and parameters travel as client-defined scenarios (the request's `scenarios`),
 * which replace the case's scenario of the same id — so the case's hypotheses keep referring to it.
 */

import type {
  BandJson as Band,
  Case,
  ExplorationSummaryJson as ExplorationSummary,
  ExploreOptionsJson as ExploreOptions,
  ModelParameterJson as ModelParameter,
  ClientScenario as ScenarioEntry,
  ScenariosResponse as ScenariosResult,
  SimulateResponse as SimulateResult,
} from '@entente/core/contract';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ApiError,
  type CaseSource,
  cancelJob,
  followJob,
  getJob,
  getScenarios,
  simulate,
  submitExploration,
} from '../api/client.js';
import { fanRows, sharedDomain } from '../charts/fan.js';
import { PlotFigure } from '../charts/PlotFigure.js';

/** What the analyst changed in a scenario. */
interface ScenarioEdit {
  policies: Record<string, string>;
  fixed: Record<string, number>;
}

const EMPTY_EDIT: ScenarioEdit = { policies: {}, fixed: {} };

/** The scenario with the analyst's edits applied (policies merged, edited parameters fixed). */
export function applyEdit(s: ScenarioEntry, e: ScenarioEdit): ScenarioEntry {
  const out: ScenarioEntry = { ...s };
  if (Object.keys(e.policies).length > 0)
    out.policies = { ...(s.policies ?? {}), ...(e.policies as ScenarioEntry['policies']) };
  if (Object.keys(e.fixed).length > 0) {
    out.parameters = { ...(s.parameters ?? {}), ...e.fixed };
    if (s.uncertain) {
      const uncertain = { ...s.uncertain };
      for (const id of Object.keys(e.fixed)) delete uncertain[id];
      out.uncertain = uncertain;
    }
  }
  return out;
}

function isEdited(e: ScenarioEdit | undefined): boolean {
  return !!e && (Object.keys(e.policies).length > 0 || Object.keys(e.fixed).length > 0);
}

function errorText(e: unknown): string {
  if (e instanceof ApiError) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

interface JobView {
  id: string | null;
  state: 'submitting' | 'queued' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  started: number;
  elapsedMs: number;
  error?: string;
}

function FanChart({
  band,
  domain,
  label,
}: {
  band: Band;
  domain: [number, number];
  label: string;
}) {
  const render = useCallback(
    (Plot: typeof import('@observablehq/plot')) => {
      const rows = fanRows(band);
      return Plot.plot({
        width: 300,
        height: 170,
        marginLeft: 48,
        x: { label: 'month' },
        y: { domain, grid: true, label: null },
        marks: [
          Plot.areaY(rows, { x: 'month', y1: 'lo', y2: 'hi', fill: '#2563eb', fillOpacity: 0.15 }),
          Plot.areaY(rows, { x: 'month', y1: 'q1', y2: 'q3', fill: '#2563eb', fillOpacity: 0.3 }),
          Plot.lineY(rows, { x: 'month', y: 'median', stroke: '#1e3a8a', strokeWidth: 2 }),
        ],
      });
    },
    [band, domain],
  );
  return <PlotFigure render={render} label={label} testId="fan-chart" />;
}

/** Props of {@link ScenariosPanel}. */
export interface ScenariosPanelProps {
  caseId: string;
  source: CaseSource;
  caseData: Case;
  sessionText: string | null;
  summary: ExplorationSummary | null;
  onSummary(s: ExplorationSummary | null): void;
}

/** The scenarios panel. */
export function ScenariosPanel(props: ScenariosPanelProps) {
  const { caseId, source, caseData, summary, onSummary } = props;
  const [meta, setMeta] = useState<ScenariosResult | null>(null);
  const [metaError, setMetaError] = useState<string | null>(null);
  const [scenarioA, setScenarioA] = useState('');
  const [scenarioB, setScenarioB] = useState('');
  const [editing, setEditing] = useState<'A' | 'B'>('A');
  const [edits, setEdits] = useState<Record<string, ScenarioEdit>>({});
  const [states, setStates] = useState<Record<string, string[]>>({});
  const [quick, setQuick] = useState<SimulateResult | null>(null);
  const [quickError, setQuickError] = useState<string | null>(null);
  const [runs, setRuns] = useState(200);
  const [seed, setSeed] = useState(1);
  const [sample, setSample] = useState<ExploreOptions['sample']>('lhs');
  const [job, setJob] = useState<JobView | null>(null);
  const stopFollowing = useRef<(() => void) | null>(null);

  useEffect(() => {
    let live = true;
    getScenarios(caseId)
      .then((m) => {
        if (!live) return;
        setMeta(m);
        setMetaError(null);
      })
      .catch((e) => live && setMetaError(errorText(e)));
    return () => {
      live = false;
    };
  }, [caseId]);

  useEffect(() => () => stopFollowing.current?.(), []);

  // Text applied in this session brings its own scenarios (possibly none).
  const scenarios: ScenarioEntry[] = useMemo(
    () =>
      (caseData.scenarios as ScenarioEntry[] | undefined) ??
      (props.sessionText === null ? meta?.scenarios : undefined) ??
      [],
    [caseData, meta, props.sessionText],
  );
  useEffect(() => {
    if (scenarios.length === 0) return;
    if (!scenarios.some((s) => s.id === scenarioA)) setScenarioA(scenarios[0]?.id ?? '');
    if (scenarioB && !scenarios.some((s) => s.id === scenarioB)) setScenarioB('');
  }, [scenarios, scenarioA, scenarioB]);

  const current = editing === 'B' && scenarioB ? scenarioB : scenarioA;
  const currentScenario = scenarios.find((s) => s.id === current);
  const edit = edits[current] ?? EMPTY_EDIT;
  const names = useMemo(() => new Map(caseData.actors.map((a) => [a.id, a.name])), [caseData]);

  // The states a scenario's policies apply to come from the compiled model: the server's
  // compilation of the case's scenarios, or (for text edited in this session) one short run.
  useEffect(() => {
    if (!current || states[current]) return;
    const compiled = props.sessionText === null ? meta?.compiled : undefined;
    const known = compiled?.find((x) => x.scenario === current);
    if (known) {
      if (!('error' in known)) setStates((prev) => ({ ...prev, [current]: known.states }));
      else setQuickError(`${current}: ${known.error}`);
      return;
    }
    if (!meta) return;
    let live = true;
    simulate(source, current, { months: 1, seed: 1 })
      .then((r) => {
        if (live) setStates((prev) => ({ ...prev, [current]: r.model.states }));
      })
      .catch((e) => live && setQuickError(errorText(e)));
    return () => {
      live = false;
    };
  }, [current, source, states, meta, props.sessionText]);

  /** The edited scenarios, sent with a request to replace the case's scenarios of those ids. */
  const editedScenarios = (): ScenarioEntry[] =>
    scenarios
      .filter((s) => isEdited(edits[s.id]))
      .map((s) => applyEdit(s, edits[s.id] ?? EMPTY_EDIT));

  const setPolicy = (state: string, policy: string) =>
    setEdits((prev) => {
      const e = prev[current] ?? EMPTY_EDIT;
      const policies = { ...e.policies };
      const base = currentScenario?.policies?.[state] ?? currentScenario?.defaultPolicy ?? 'engage';
      if (policy === base) delete policies[state];
      else policies[state] = policy;
      return { ...prev, [current]: { ...e, policies } };
    });
  const setFixed = (id: string, value: number | null) =>
    setEdits((prev) => {
      const e = prev[current] ?? EMPTY_EDIT;
      const fixed = { ...e.fixed };
      if (value === null) delete fixed[id];
      else fixed[id] = value;
      return { ...prev, [current]: { ...e, fixed } };
    });

  const quickRun = () => {
    if (!current) return;
    setQuickError(null);
    const s = currentScenario ? applyEdit(currentScenario, edit) : undefined;
    simulate(source, current, {
      seed,
      parameters: s?.parameters ?? {},
      scenarios: editedScenarios(),
    })
      .then(setQuick)
      .catch((e) => setQuickError(errorText(e)));
  };

  const run = async () => {
    stopFollowing.current?.();
    const ids = [scenarioA, scenarioB].filter((x, i, all) => x && all.indexOf(x) === i);
    const started = performance.now();
    setJob({ id: null, state: 'submitting', done: 0, total: 0, started, elapsedMs: 0 });
    try {
      const { id } = await submitExploration(
        source,
        { scenarios: ids, sample, runs, seed },
        editedScenarios(),
      );
      setJob((j) => (j ? { ...j, id, state: 'queued' } : j));
      stopFollowing.current = followJob(id, {
        progress: (p) =>
          setJob((j) =>
            j
              ? {
                  ...j,
                  state: 'running',
                  done: p.done,
                  total: p.total,
                  elapsedMs: performance.now() - started,
                }
              : j,
          ),
        end: (state, error) => {
          const elapsedMs = performance.now() - started;
          if (state === 'done') {
            getJob(id)
              .then((full) => {
                setJob((j) =>
                  j
                    ? {
                        ...j,
                        state: 'done',
                        done: full.progress.done,
                        total: full.progress.total,
                        elapsedMs,
                      }
                    : j,
                );
                if (full.result) onSummary(full.result);
              })
              .catch((e) =>
                setJob((j) => (j ? { ...j, state: 'failed', error: errorText(e) } : j)),
              );
          } else {
            setJob((j) =>
              j ? { ...j, state, elapsedMs, error: error ? error.message : undefined } : j,
            );
          }
        },
      });
    } catch (e) {
      setJob((j) => (j ? { ...j, state: 'failed', error: errorText(e) } : j));
    }
  };

  const cancel = () => {
    if (!job?.id) return;
    cancelJob(job.id).catch((e) => setJob((j) => (j ? { ...j, error: errorText(e) } : j)));
  };

  if (metaError && scenarios.length === 0) {
    return (
      <p className="not-available" data-testid="scenarios-unavailable">
        Scenarios are not available: {metaError}
      </p>
    );
  }
  if (!meta && !metaError) return <p className="hint">Loading the model…</p>;
  if (scenarios.length === 0) {
    return (
      <p className="hint">
        This case defines no scenarios. Add a <code>scenarios:</code> section in the Case editor.
      </p>
    );
  }

  const parameters: ModelParameter[] = meta?.parameters ?? [];
  const running =
    job && (job.state === 'submitting' || job.state === 'queued' || job.state === 'running');
  const scenarioLabel = (s: ScenarioEntry) => (s.name ? `${s.name} (${s.id})` : s.id);
  const shownScenarios = [scenarioA, scenarioB].filter((x, i, all) => x && all.indexOf(x) === i);
  const bandsBySeries = new Map<string, Band[]>();
  for (const b of summary?.bands ?? []) {
    if (!shownScenarios.includes(b.scenario)) continue;
    const list = bandsBySeries.get(b.series) ?? [];
    list.push(b);
    bandsBySeries.set(b.series, list);
  }

  return (
    <div className="scenarios">
      <section aria-labelledby="h-scen">
        <h3 id="h-scen">Scenarios</h3>
        <div className="row">
          <label className="field">
            <span>Scenario A</span>
            <select
              aria-label="Scenario A"
              value={scenarioA}
              onChange={(e) => setScenarioA(e.target.value)}
            >
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {scenarioLabel(s)}
                  {isEdited(edits[s.id]) ? ' — edited' : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Compare with (B)</span>
            <select
              aria-label="Compare with scenario B"
              value={scenarioB}
              onChange={(e) => setScenarioB(e.target.value)}
            >
              <option value="">none</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {scenarioLabel(s)}
                  {isEdited(edits[s.id]) ? ' — edited' : ''}
                </option>
              ))}
            </select>
          </label>
        </div>
        {currentScenario?.description && <p className="hint">{currentScenario.description}</p>}
      </section>

      <section aria-labelledby="h-settings">
        <h3 id="h-settings">Settings of {current}</h3>
        {scenarioB && (
          <fieldset className="segmented">
            <legend>Edit</legend>
            {(
              [
                ['A', scenarioA],
                ['B', scenarioB],
              ] as const
            ).map(([which, id]) => (
              <label key={which} className="check">
                <input
                  type="radio"
                  name="edit-which"
                  checked={editing === which}
                  onChange={() => setEditing(which)}
                />
                {which}: {id}
              </label>
            ))}
          </fieldset>
        )}
        <h4>Policies</h4>
        {!states[current] ? (
          <p className="hint">{quickError ?? 'Reading the model’s states…'}</p>
        ) : (
          <div className="grid2">
            {states[current].map((st) => {
              const base =
                currentScenario?.policies?.[st] ?? currentScenario?.defaultPolicy ?? 'engage';
              return (
                <label key={st} className="field">
                  <span>{names.get(st) ?? st}</span>
                  <select
                    aria-label={`Policy of ${names.get(st) ?? st}`}
                    value={edit.policies[st] ?? base}
                    onChange={(e) => setPolicy(st, e.target.value)}
                  >
                    {(meta?.policies ?? []).map((p) => (
                      <option key={p} value={p}>
                        {p}
                        {p === base ? ' (scenario)' : ''}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
        )}
        <details className="params-box">
          <summary>
            Parameters ({parameters.length}; {Object.keys(edit.fixed).length} fixed here) — unfixed
            ones are explored over their ranges; move a slider to fix one
          </summary>
          <div className="params">
            {parameters.map((p) => {
              const [lo, hi] = p.range;
              const scenarioValue = currentScenario?.parameters?.[p.id];
              const fixed = edit.fixed[p.id];
              const value = fixed ?? scenarioValue ?? p.default;
              const explored = fixed === undefined && scenarioValue === undefined;
              return (
                <div key={p.id} className="param">
                  <label className="field">
                    <span title={p.meaning}>
                      {p.symbol} {p.name}{' '}
                      <span className="muted">
                        {explored
                          ? `explored in [${currentScenario?.uncertain?.[p.id]?.join(', ') ?? `${lo}, ${hi}`}]`
                          : `fixed at ${value}`}
                      </span>
                    </span>
                    <input
                      type="range"
                      min={lo}
                      max={hi}
                      step={(hi - lo) / 100 || 0.01}
                      value={value}
                      onChange={(e) => setFixed(p.id, Number(e.target.value))}
                      aria-valuetext={`${value} ${p.unit}`}
                    />
                  </label>
                  {fixed !== undefined && (
                    <button type="button" className="small" onClick={() => setFixed(p.id, null)}>
                      reset
                    </button>
                  )}
                </div>
              );
            })}
          </div>
        </details>
        <button type="button" onClick={quickRun}>
          Quick run (one world)
        </button>
        {quick && <QuickResult result={quick} />}
      </section>

      <section aria-labelledby="h-run">
        <h3 id="h-run">Exploration</h3>
        <div className="row">
          <label className="field">
            <span>Worlds</span>
            <input
              type="number"
              min={1}
              max={100000}
              value={runs}
              onChange={(e) => setRuns(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
              data-testid="runs"
            />
          </label>
          <label className="field">
            <span>Seed</span>
            <input
              type="number"
              min={0}
              value={seed}
              onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
            />
          </label>
          <label className="field">
            <span>Sampling</span>
            <select
              value={sample}
              onChange={(e) => setSample(e.target.value as ExploreOptions['sample'])}
            >
              <option value="lhs">Latin hypercube</option>
              <option value="sobol">Sobol (sensitivity)</option>
              <option value="morris">Morris (screening)</option>
            </select>
          </label>
          <button type="button" onClick={run} disabled={!!running} data-testid="run">
            Run
          </button>
          <button type="button" onClick={cancel} disabled={!running || !job?.id}>
            Cancel
          </button>
        </div>
        {job && (
          <div className="progress" data-testid="job-progress">
            <progress
              max={Math.max(1, job.total)}
              value={job.done}
              aria-label="Exploration progress"
            />
            <span data-testid="job-state">
              {job.state} · {job.done} / {job.total || '?'} worlds ·{' '}
              {(job.elapsedMs / 1000).toFixed(1)} s
            </span>
            {job.error && <p className="error">{job.error}</p>}
          </div>
        )}
      </section>

      {summary && (
        <section aria-labelledby="h-results" data-testid="exploration-results">
          <h3 id="h-results">
            Results: {summary.completedWorlds} of {summary.worlds} worlds
            {summary.complete ? '' : ' (incomplete)'}
          </h3>
          {[...bandsBySeries.entries()].map(([series, bands]) => {
            const rows = bands.map(fanRows);
            const domain = sharedDomain(rows);
            return (
              <div key={series} className="fan-row">
                <h4>{series}</h4>
                <div className="side-by-side">
                  {bands.map((b) => (
                    <div key={b.scenario} className="fan">
                      <div className="muted">
                        {b.scenario} · {b.worlds} worlds · 5–95% and 25–75% bands, median
                      </div>
                      <FanChart band={b} domain={domain} label={`${series} under ${b.scenario}`} />
                    </div>
                  ))}
                </div>
              </div>
            );
          })}
          <HypothesesTable summary={summary} />
          <SensitivityTable summary={summary} />
          <details>
            <summary>Outcome quantiles ({summary.outcomes.length})</summary>
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">scenario</th>
                  <th scope="col">outcome</th>
                  <th scope="col">mean</th>
                  <th scope="col">p05</th>
                  <th scope="col">p50</th>
                  <th scope="col">p95</th>
                </tr>
              </thead>
              <tbody>
                {summary.outcomes.map((o) => (
                  <tr key={`${o.scenario}/${o.metric}`}>
                    <td>{o.scenario}</td>
                    <td>{o.metric}</td>
                    <td>{o.mean.toPrecision(3)}</td>
                    <td>{o.p05.toPrecision(3)}</td>
                    <td>{o.p50.toPrecision(3)}</td>
                    <td>{o.p95.toPrecision(3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      )}
    </div>
  );
}

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
            <td>{h.holds === null ? '–' : `${(100 * h.holds).toFixed(1)}%`}</td>
            <td>{h.ci ? `${(100 * h.ci[0]).toFixed(1)}–${(100 * h.ci[1]).toFixed(1)}%` : '–'}</td>
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

function QuickResult({ result }: { result: SimulateResult }) {
  const entries: [string, number][] = Array.isArray(result.outcomes)
    ? result.outcomes.map((o) => [o.name, o.value])
    : Object.entries(result.outcomes);
  return (
    <details open>
      <summary>One world: {entries.length} outcomes</summary>
      <table className="compact">
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{Number.isFinite(v) ? v.toPrecision(4) : String(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

interface SobolIndex {
  parameter: string;
  first: number;
  firstCi: [number, number];
  total: number;
  totalCi: [number, number];
}
interface MorrisIndex {
  parameter: string;
  mu: number;
  muStar: number;
  sigma: number;
}
type Sensitivity =
  | { method: 'sobol'; outcomes: { scenario: string; metric: string; indices: SobolIndex[] }[] }
  | { method: 'morris'; outcomes: { scenario: string; metric: string; indices: MorrisIndex[] }[] };

/** Sensitivity of each outcome to the uncertain parameters (Sobol or Morris runs only). */
function SensitivityTable({ summary }: { summary: ExplorationSummary }) {
  const s = summary.sensitivity as Sensitivity | null;
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
