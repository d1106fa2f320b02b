/**
 * The Calibration tab (issue 12, item 3): a calibration of `entente calibrate` — served by
 * `entente serve --calibration DIR` or opened from files — as a header (method, particles, ESS,
 * tolerance, simulations, fitted years, seed, data), the posterior per parameter (prior range,
 * median and 90 % interval, sd ratio, "uninformed" as the calibration reports it; informed
 * parameters first), the pairwise scatter matrix of the particles (the informed parameters unless
 * the user picks others) and the fit per target (observed against the posterior predictive 5–95 %
 * band; fitted and forecast years told apart) with its data table and the forecast's score.
 * The data come from charts/calibration.ts, the figures from charts/pairs.ts and charts/fit.ts,
 * the state from useCalibration. Loaded on first use; the file reader (with zod) only when a file
 * is opened.
 */
import { Fragment, useCallback, useMemo } from 'react';
import {
  type Calibration,
  calibrationHeader,
  calibrationWarnings,
  type FitPanel,
  fitPanels,
  forecastScoreText,
  formatValue,
  MAX_PAIR_PARAMETERS,
  parameterRows,
  targetLabel,
} from '../charts/calibration.js';
import { drawFit } from '../charts/fit.js';
import { PlotFigure } from '../charts/PlotFigure.js';
import { drawPairs } from '../charts/pairs.js';
import type { PlotModule } from '../charts/plot-module.js';
import type { CalibrationState } from '../hooks/useCalibration.js';

/** Width the figures are drawn at, in pixels (the side pane's). */
const FIGURE_WIDTH = 520;

/** The file input: `calibrate --json`, or the three files of `calibrate --out DIR`. */
function OpenFiles({ state }: { state: CalibrationState }) {
  return (
    <div className="calibration-open">
      <label className="field">
        <span>Open a calibration</span>
        <input
          type="file"
          accept=".json,application/json"
          multiple
          aria-label="Open a calibration"
          data-testid="calibration-file"
          onChange={(e) => {
            state.openFiles(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </label>
      <span className="muted">
        the output of <code>entente calibrate --json</code>, or posterior.json, fit.json and
        forecast.json of <code>--out DIR</code>
      </span>
      {state.fileError && (
        <p className="error" role="alert" data-testid="calibration-file-error">
          Not opened: {state.fileError}
        </p>
      )}
    </div>
  );
}

/** The posterior per parameter. */
function ParameterTable({ c }: { c: Calibration }) {
  return (
    <table className="compact" data-testid="calibration-parameters">
      <caption>Posterior per parameter (informed first)</caption>
      <thead>
        <tr>
          <th scope="col">parameter</th>
          <th scope="col">prior</th>
          <th scope="col">median</th>
          <th scope="col">90 % interval</th>
          <th scope="col">sd ratio</th>
          <th scope="col">data</th>
        </tr>
      </thead>
      <tbody>
        {parameterRows(c).map((p) => (
          <tr key={p.id} data-informed={p.uninformed ? 'no' : 'yes'}>
            <th scope="row">{p.id}</th>
            <td>
              [{formatValue(p.lo)}, {formatValue(p.hi)}]
            </td>
            <td>{formatValue(p.q50)}</td>
            <td>
              {formatValue(p.q05)}–{formatValue(p.q95)}
            </td>
            <td>{p.sdRatio.toFixed(2)}</td>
            <td>{p.uninformed ? 'uninformed' : 'informed'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The scatter matrix and its parameter picker. */
function Pairs({ c, state }: { c: Calibration; state: CalibrationState }) {
  const ids = state.pairIds;
  const render = useCallback(
    (plot: PlotModule) => drawPairs(plot, c, ids, FIGURE_WIDTH - 44),
    [c, ids],
  );
  const full = ids.length >= MAX_PAIR_PARAMETERS;
  return (
    <section aria-label="Pairwise plots">
      <h3>Pairwise plots</h3>
      <details className="params-box">
        <summary>
          Parameters shown ({ids.length} of {c.parameters.length})
        </summary>
        <div className="pair-picker">
          {parameterRows(c).map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={ids.includes(p.id)}
                disabled={full && !ids.includes(p.id)}
                onChange={() => state.togglePair(p.id)}
              />
              {p.id}
              {p.uninformed ? ' (uninformed)' : ''}
            </label>
          ))}
        </div>
        {full && <p className="muted">At most {MAX_PAIR_PARAMETERS} parameters at once.</p>}
      </details>
      {ids.length === 0 ? (
        <p className="hint" data-testid="pairs-empty">
          No parameter is informed by the data: pick parameters above to plot their particles.
        </p>
      ) : (
        <>
          <PlotFigure
            render={render}
            label={`Scatter matrix of the posterior particles of ${ids.join(', ')}: point size and shade by weight, axes on the prior ranges, weighted histograms on the diagonal`}
            testId="calibration-pairs"
            focusable
          />
          <p className="muted">
            Each point is a particle, larger and darker the more weight it carries; each axis spans
            the parameter's prior range.
          </p>
        </>
      )}
    </section>
  );
}

/** Actor names by id, of the case the calibration ran on (absent: ids are shown). */
type ActorNames = ReadonlyMap<string, string> | undefined;

/** One target's fit chart. */
function FitChart({ panel, names }: { panel: FitPanel; names: ActorNames }) {
  const render = useCallback((plot: PlotModule) => drawFit(plot, panel, FIGURE_WIDTH), [panel]);
  const who = targetLabel(panel, names);
  return (
    <div className="fit-target">
      <h4>{who}</h4>
      <PlotFigure
        render={render}
        label={`Observed deaths of ${who} per year against the posterior predictive 5–95 % band and median`}
        testId="calibration-fit"
      />
    </div>
  );
}

/** The fit's numbers as a table (inside a disclosure: keyboard reachable, read in order). */
function FitTable({ panels, names }: { panels: FitPanel[]; names: ActorNames }) {
  return (
    <details className="activity-table">
      <summary>Data table</summary>
      <table className="compact" data-testid="calibration-fit-table">
        <caption>Observed against the posterior predictive per dyad and year</caption>
        <thead>
          <tr>
            <th scope="col">dyad</th>
            <th scope="col">year</th>
            <th scope="col">observed</th>
            <th scope="col">5 %</th>
            <th scope="col">median</th>
            <th scope="col">95 %</th>
            <th scope="col">inside</th>
            <th scope="col">CRPS</th>
          </tr>
        </thead>
        <tbody>
          {panels.flatMap((p) =>
            p.rows.map((r) => (
              <tr key={`${p.target}-${r.year}`} data-period={r.period}>
                <th scope="row">{targetLabel(p, names)}</th>
                <td>
                  {r.year}
                  {r.period === 'forecast' ? ' (forecast)' : ''}
                </td>
                <td>{formatValue(r.observed)}</td>
                <td>{formatValue(r.q05)}</td>
                <td>{formatValue(r.q50)}</td>
                <td>{formatValue(r.q95)}</td>
                <td>{r.covered === null ? '—' : r.covered ? 'yes' : 'no'}</td>
                <td>{formatValue(r.crps)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </details>
  );
}

/**
 * The Calibration tab. `names` are the actor names of the case open in the workbench, used only
 * when the calibration ran on that case.
 */
export default function CalibrationPanel({
  state,
  caseId,
  names,
}: {
  state: CalibrationState;
  caseId?: string | null;
  names?: ReadonlyMap<string, string>;
}) {
  const c = state.calibration;
  const panels = useMemo(() => (c ? fitPanels(c) : []), [c]);
  const score = c ? forecastScoreText(c) : null;
  const actorNames = c && caseId === c.caseId ? names : undefined;
  return (
    <div className="calibration" data-testid="calibration">
      {state.error && (
        <p className="error" role="alert">
          Calibration: {state.error}
        </p>
      )}
      {!c ? (
        <p className="hint" data-testid="calibration-empty">
          {state.loading
            ? 'Loading the calibration…'
            : 'No calibration loaded — start the workbench with `entente serve --calibration DIR` (DIR written by `entente calibrate --out DIR`), or open its files here.'}
        </p>
      ) : (
        <>
          <dl className="facts" data-testid="calibration-header">
            {calibrationHeader(c).map((f) => (
              <Fragment key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </Fragment>
            ))}
            <dt>opened from</dt>
            <dd>{state.origin === 'server' ? 'the server' : state.origin}</dd>
          </dl>
          {calibrationWarnings(c).length > 0 && (
            <ul className="warnings" data-testid="calibration-warnings">
              {calibrationWarnings(c).map((w) => (
                <li key={w}>warning: {w}</li>
              ))}
            </ul>
          )}
          <ParameterTable c={c} />
          <Pairs c={c} state={state} />
          <section aria-label="Fit per dyad-year">
            <h3>Fit per dyad-year</h3>
            <p className="muted">
              Bars: the posterior predictive 5–95 % band (blue: fitted years; orange, year marked *:
              forecast); dash: its median; dot: the observed count. The y-axis is
              symmetric-logarithmic.
            </p>
            {score && <p data-testid="calibration-score">{score}</p>}
            {panels.map((p) => (
              <FitChart key={p.target} panel={p} names={actorNames} />
            ))}
            <FitTable panels={panels} names={actorNames} />
          </section>
        </>
      )}
      <OpenFiles state={state} />
    </div>
  );
}
