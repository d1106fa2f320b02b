/**
 * The activity chart under the map (issue 11, "Workbench"): the event data of the actor in focus or
 * of the selected tie's dyad — deaths (best estimate, with the low–high band when the dataset has
 * one) and events per month or year — with a marker at the timeline's date that follows the
 * timeline, the source named under it, and a table of the same numbers for screen readers and
 * keyboards. When there is nothing to draw it says why. The data and marks come from activity.ts;
 * the request from useEventSeries.
 */
import { useCallback, useMemo } from 'react';
import type { EventDataset, EventResolution, EventSeriesKey } from '../api/types.js';
import type { EventSeriesState } from '../hooks/useEventSeries.js';
import {
  type ActivityData,
  activityEmpty,
  activityPanels,
  activityRows,
  activitySource,
  activitySummary,
  datasetName,
  formatCount,
  keyLabel,
} from './activity.js';
import { PlotFigure } from './PlotFigure.js';
import { type PlotModule, stripInlineStyles } from './plot-module.js';

/** Props of {@link ActivityChart}. */
export interface ActivityChartProps {
  /** Whose series: the actor in focus or the selected tie's dyad, or null (nothing picked). */
  seriesKey: EventSeriesKey | null;
  /** Actor names by id. */
  names: ReadonlyMap<string, string>;
  /** The timeline's date (the marker), or null. */
  at: string | null;
  /** Whether the case maps dataset actors to its own (`caseMapsEvents`). */
  mapped: boolean;
  /** The request's state (useEventSeries). */
  state: EventSeriesState;
}

const cell = (x: number | null) => (x === null ? '—' : formatCount(x));

/** The chart's numbers as a table (inside a disclosure: keyboard reachable, read in order). */
function ActivityTable({ data, caption }: { data: ActivityData; caption: string }) {
  return (
    <details className="activity-table">
      <summary>Data table</summary>
      <table className="compact" data-testid="activity-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{data.by}</th>
            <th scope="col">events</th>
            {data.deathsMeasure !== null && <th scope="col">deaths</th>}
            {data.band && <th scope="col">low–high</th>}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.period}>
              <th scope="row">{r.period}</th>
              <td>{cell(r.events)}</td>
              {data.deathsMeasure !== null && <td>{cell(r.deaths)}</td>}
              {data.band && (
                <td>
                  {r.low === null || r.high === null ? '—' : `${cell(r.low)}–${cell(r.high)}`}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The activity chart of the map's pick. */
export function ActivityChart({ seriesKey, names, at, mapped, state }: ActivityChartProps) {
  const { shown, by } = state;
  const data = useMemo(() => (shown ? activityRows(shown) : null), [shown]);
  const panels = useMemo(() => (data ? activityPanels(data, at) : []), [data, at]);
  const render = useCallback(
    (plot: PlotModule) => {
      const box = document.createElement('div');
      for (const p of panels) {
        const marks = p.marks.map((m) =>
          (plot[m.kind] as (data: unknown, options: unknown) => ReturnType<typeof plot.dot>)(
            m.data,
            m.options,
          ),
        );
        const svg = plot.plot({
          width: 640,
          height: p.id === 'deaths' ? 150 : 110,
          marginLeft: 56,
          x: { type: 'utc', domain: p.domain, label: null },
          y: { label: p.label, grid: true, nice: true },
          marks,
        });
        svg.setAttribute('data-panel', p.id);
        box.append(stripInlineStyles(svg));
      }
      return box;
    },
    [panels],
  );
  const who = seriesKey ? keyLabel(seriesKey, names) : '';
  const empty = activityEmpty(seriesKey, state.answer, mapped);

  return (
    <section className="activity" aria-label="Event activity" data-testid="activity">
      <div className="activity-head">
        <strong>Event activity{who ? `: ${who}` : ''}</strong>
        {seriesKey && mapped && (
          <label className="field">
            <span>per</span>
            <select
              value={by}
              onChange={(e) => state.setBy(e.target.value as EventResolution)}
              aria-label="Event activity per"
            >
              <option value="year">year</option>
              <option value="month">month</option>
            </select>
          </label>
        )}
        {state.datasets.length > 1 && shown && (
          <label className="field">
            <span>dataset</span>
            <select
              value={shown.dataset}
              onChange={(e) => state.setDataset(e.target.value as EventDataset)}
              aria-label="Event dataset"
            >
              {state.datasets.map((d) => (
                <option key={d} value={d}>
                  {datasetName(d)}
                </option>
              ))}
            </select>
          </label>
        )}
        {state.loading && (
          <span className="muted" aria-live="polite">
            loading…
          </span>
        )}
      </div>
      {state.error ? (
        <p className="error" role="alert">
          Event data: {state.error}
        </p>
      ) : empty ? (
        <p className="hint" data-testid="activity-empty">
          {empty}
        </p>
      ) : shown && data ? (
        <>
          <PlotFigure
            render={render}
            label={activitySummary(who, shown, data)}
            testId="activity-chart"
            focusable
          />
          <p className="muted activity-source" data-testid="activity-source">
            Source: {activitySource(shown)}
            {at ? ` · marker at ${at}` : ''}
          </p>
          {shown.caveats.length > 0 && (
            <ul className="muted activity-caveats">
              {shown.caveats.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
          <ActivityTable
            data={data}
            caption={`${datasetName(shown.dataset)} ${data.deathsMeasure ? 'events and deaths' : 'events'} of ${who} per ${data.by}`}
          />
        </>
      ) : null}
    </section>
  );
}
