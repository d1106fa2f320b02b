/**
 * The activity chart's request: `POST /api/events/series` for the actor or dyad picked on the map,
 * by month or year, and which of the answer's datasets is shown. A new pick, case or resolution
 * aborts the request on its way; an answer is shown only for the request that asked for it.
 */
import { useEffect, useState } from 'react';
import { getEventSeries } from '../api/client.js';
import type {
  EventDataset,
  EventResolution,
  EventSeries,
  EventSeriesKey,
  EventSeriesResponse,
} from '../api/types.js';
import { seriesOf } from '../charts/activity.js';
import { errorText } from '../errors.js';

/** What {@link useEventSeries} returns. */
export interface EventSeriesState {
  /** The answer for the current request, or null while it loads, after an error or without one. */
  answer: EventSeriesResponse | null;
  /** True while the current request is on its way. */
  loading: boolean;
  /** Why the current request failed, or null. */
  error: string | null;
  by: EventResolution;
  setBy(by: EventResolution): void;
  /** The series shown: the chosen dataset's, else the first with rows, else the first. */
  shown: EventSeries | null;
  /** The datasets of the answer's series, to choose among. */
  datasets: EventDataset[];
  setDataset(d: EventDataset): void;
}

type Held = { request: string; answer: EventSeriesResponse | null; error: string | null };

/** The event series of `key` (none when null) in listed case `caseId` (none when null). */
export function useEventSeries(
  caseId: string | null,
  key: EventSeriesKey | null,
): EventSeriesState {
  const [by, setBy] = useState<EventResolution>('year');
  const [dataset, setDataset] = useState<EventDataset | null>(null);
  const [held, setHeld] = useState<Held | null>(null);
  const request = caseId && key ? JSON.stringify({ caseId, key, by }) : null;

  useEffect(() => {
    if (request === null) return;
    const body = JSON.parse(request) as {
      caseId: string;
      key: EventSeriesKey;
      by: EventResolution;
    };
    const controller = new AbortController();
    getEventSeries(body, controller.signal)
      .then((answer) => setHeld({ request, answer, error: null }))
      .catch((e) => {
        if (controller.signal.aborted) return;
        setHeld({ request, answer: null, error: errorText(e) });
      });
    return () => controller.abort();
  }, [request]);

  const current = held !== null && held.request === request ? held : null;
  const answer = current?.answer ?? null;
  const series = answer && key ? seriesOf(answer.series, key) : [];
  const shown =
    series.find((s) => s.dataset === dataset) ??
    series.find((s) => s.points.length > 0) ??
    series[0] ??
    null;
  return {
    answer,
    loading: request !== null && current === null,
    error: current?.error ?? null,
    by,
    setBy,
    shown,
    datasets: [...new Set(series.map((s) => s.dataset))],
    setDataset,
  };
}
