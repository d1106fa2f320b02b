/**
 * Scenarios: pick a scenario (and a second one to compare), set each state's policy and fix model
 * parameters with sliders bounded by the model's ranges, then run an exploration job on the server
 * with a progress bar and a Cancel button. Results: fan charts per outcome series (the scenarios
 * side by side on a shared axis), the hypotheses table with the PRIM box where each claim fails,
 * and the outcome quantiles. A quick single run (`/api/simulate`) checks a setting in milliseconds.
 * The states and their policies come from the server (`/api/scenario-roles`); the state and
 * requests live in hooks (`src/hooks/`), this file renders.
 */
import { useMemo } from 'react';
import type { CaseSource } from '../api/client.js';
import type { Band, Case, ExploreOptions, ModelParameter, ScenarioEntry } from '../api/types.js';
import { fanRows, sharedDomain } from '../charts/fan.js';
import type { ExplorationJob } from '../hooks/useExplorationJob.js';
import { useExploreSettings } from '../hooks/useExploreSettings.js';
import type { ScenarioPick } from '../hooks/useNavigation.js';
import { useScenarioEditor } from '../hooks/useScenarioEditor.js';
import { useScenarioMeta } from '../hooks/useScenarioMeta.js';
import { useScenarioRoles } from '../hooks/useScenarioRoles.js';
import { useSimulation } from '../hooks/useSimulation.js';
import { applyEdit, isEdited } from '../scenario-edit.js';
import { FanChart } from './scenarios/FanChart.js';
import { HypothesesTable } from './scenarios/HypothesesTable.js';
import { QuickResult } from './scenarios/QuickResult.js';
import { SensitivityTable } from './scenarios/SensitivityTable.js';

/** Props of {@link ScenariosPanel}. */
export interface ScenariosPanelProps {
  caseId: string;
  source: CaseSource;
  /** A key of `source` (changes whenever the case text does). */
  sourceKey: string;
  caseData: Case;
  sessionText: string | null;
  /** The app's exploration job (it outlives this panel). */
  exploration: ExplorationJob;
  /** Scenarios (and a hypothesis) a link from the Claims tab asked to show, or null. */
  pick: ScenarioPick | null;
}

/** The scenarios panel. */
export function ScenariosPanel(props: ScenariosPanelProps) {
  const { caseId, source, sourceKey, caseData, sessionText, exploration, pick } = props;
  const { meta, error: metaError } = useScenarioMeta(caseId);
  // Text applied in this session brings its own scenarios (possibly none).
  const scenarios: ScenarioEntry[] = useMemo(
    () =>
      (caseData.scenarios as ScenarioEntry[] | undefined) ??
      (sessionText === null ? meta?.scenarios : undefined) ??
      [],
    [caseData, meta, sessionText],
  );
  const editor = useScenarioEditor(scenarios, pick);
  const { current, currentScenario, edit } = editor;
  const { roles, error: rolesError } = useScenarioRoles(source, sourceKey, current);
  const settings = useExploreSettings();
  const quick = useSimulation();
  const names = useMemo(() => new Map(caseData.actors.map((a) => [a.id, a.name])), [caseData]);
  const { job, running, summary } = exploration;

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
  const scenarioLabel = (s: ScenarioEntry) => (s.name ? `${s.name} (${s.id})` : s.id);
  const bandsBySeries = new Map<string, Band[]>();
  for (const b of summary?.bands ?? []) {
    if (!editor.shown.includes(b.scenario)) continue;
    const list = bandsBySeries.get(b.series) ?? [];
    list.push(b);
    bandsBySeries.set(b.series, list);
  }
  const quickRun = () => {
    if (!current) return;
    const s = currentScenario ? applyEdit(currentScenario, edit) : undefined;
    quick.run(source, current, settings.seed, s?.parameters ?? {}, editor.edited());
  };
  const run = () =>
    exploration.run(
      source,
      {
        scenarios: editor.shown,
        sample: settings.sample,
        runs: settings.runs,
        seed: settings.seed,
      },
      editor.edited(),
    );
  const scenarioOptions = scenarios.map((s) => (
    <option key={s.id} value={s.id}>
      {scenarioLabel(s)}
      {isEdited(editor.edits[s.id]) ? ' — edited' : ''}
    </option>
  ));

  return (
    <div className="scenarios">
      <section aria-labelledby="h-scen">
        <h3 id="h-scen">Scenarios</h3>
        <div className="row">
          <label className="field">
            <span>Scenario A</span>
            <select
              aria-label="Scenario A"
              value={editor.scenarioA}
              onChange={(e) => editor.setScenarioA(e.target.value)}
            >
              {scenarioOptions}
            </select>
          </label>
          <label className="field">
            <span>Compare with (B)</span>
            <select
              aria-label="Compare with scenario B"
              value={editor.scenarioB}
              onChange={(e) => editor.setScenarioB(e.target.value)}
            >
              <option value="">none</option>
              {scenarioOptions}
            </select>
          </label>
        </div>
        {currentScenario?.description && <p className="hint">{currentScenario.description}</p>}
      </section>

      <section aria-labelledby="h-settings">
        <h3 id="h-settings">Settings of {current}</h3>
        {editor.scenarioB && (
          <fieldset className="segmented">
            <legend>Edit</legend>
            {(
              [
                ['A', editor.scenarioA],
                ['B', editor.scenarioB],
              ] as const
            ).map(([which, id]) => (
              <label key={which} className="check">
                <input
                  type="radio"
                  name="edit-which"
                  checked={editor.editing === which}
                  onChange={() => editor.setEditing(which)}
                />
                {which}: {id}
              </label>
            ))}
          </fieldset>
        )}
        <h4>Policies</h4>
        {!roles ? (
          <p className="hint">{rolesError ?? quick.error ?? 'Reading the model’s states…'}</p>
        ) : (
          <div className="grid2">
            {roles.states.map((st) => {
              const base = roles.policies[st] ?? roles.defaultPolicy;
              return (
                <label key={st} className="field">
                  <span>{names.get(st) ?? st}</span>
                  <select
                    aria-label={`Policy of ${names.get(st) ?? st}`}
                    value={edit.policies[st] ?? base}
                    onChange={(e) => editor.setPolicy(st, e.target.value, base)}
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
                      onChange={(e) => editor.setFixed(p.id, Number(e.target.value))}
                      aria-valuetext={`${value} ${p.unit}`}
                    />
                  </label>
                  {fixed !== undefined && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => editor.setFixed(p.id, null)}
                    >
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
        {roles && quick.error && <p className="error">{quick.error}</p>}
        {quick.result && <QuickResult result={quick.result} />}
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
              value={settings.runs}
              onChange={(e) => settings.setRuns(e.target.value)}
              data-testid="runs"
            />
          </label>
          <label className="field">
            <span>Seed</span>
            <input
              type="number"
              min={0}
              value={settings.seed}
              onChange={(e) => settings.setSeed(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Sampling</span>
            <select
              value={settings.sample}
              onChange={(e) => settings.setSample(e.target.value as ExploreOptions['sample'])}
            >
              <option value="lhs">Latin hypercube</option>
              <option value="sobol">Sobol (sensitivity)</option>
              <option value="morris">Morris (screening)</option>
            </select>
          </label>
          <button type="button" onClick={run} disabled={running} data-testid="run">
            Run
          </button>
          <button type="button" onClick={exploration.cancel} disabled={!running || !job?.id}>
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
          <HypothesesTable
            summary={summary}
            focus={pick?.hypothesis ?? null}
            focusKey={pick?.n ?? 0}
          />
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
