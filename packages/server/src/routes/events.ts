/**
 * `POST /api/events/series` and `POST /api/events/observed`: a library case's event series (one
 * actor or dyad, by month or year, from one dataset family) and the verdicts of its observed
 * hypotheses, read from the events database given to `entente serve --events DB`. Without a
 * database (none given, or the file is absent) both answer 200 with `available: false`, so the
 * workbench can say "no event data". Only library cases (by id): the database is the server's.
 */
import {
  EntenteError,
  type EventsObservedRequest,
  EventsObservedRequestSchema,
  type EventsObservedResponse,
  EventsObservedResponseSchema,
  type EventsSeriesRequest,
  EventsSeriesRequestSchema,
  type EventsSeriesResponse,
  EventsSeriesResponseSchema,
} from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { type EventData, openEventData } from '../event-data.js';
import { errorResponses, request, response } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

/** Registers the two event-data routes; the database is opened at the first request. */
export function eventsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const spec = ctx.options.events;
  let opened: Promise<EventData | null> | null = null;
  const data = (): Promise<EventData | null> => {
    if (spec === undefined) return Promise.resolve(null);
    opened ??= openEventData(spec);
    return opened;
  };
  app.addHook('onClose', async () => {
    const d = opened === null ? null : await opened.catch(() => null);
    await d?.close();
  });
  const knownActors = (c: { actors: readonly { id: string }[] }, ids: readonly string[]) => {
    const have = new Set(c.actors.map((a) => a.id));
    const unknown = ids.filter((id) => !have.has(id));
    if (unknown.length > 0)
      throw new EntenteError(
        'not-found',
        `events series: the case has no actor ${unknown.map((u) => `"${u}"`).join(', ')}`,
      );
  };

  app.post<{ Body: EventsSeriesRequest }>(
    '/api/events/series',
    {
      schema: {
        body: request(EventsSeriesRequestSchema),
        response: { 200: response(EventsSeriesResponseSchema), ...errorResponses },
      },
    },
    async (req): Promise<EventsSeriesResponse> => {
      const b = req.body;
      const c = ctx.source.resolve({ caseId: b.caseId }).case;
      knownActors(c, 'actor' in b.key ? [b.key.actor] : b.key.dyad);
      const d = await data();
      if (d === null) return { available: false, series: [] };
      const datasets =
        b.dataset === undefined ? (['ucdp', 'gdelt', 'acled'] as const) : [b.dataset];
      const series = [];
      for (const dataset of datasets) {
        const s = await d.series(c, { key: b.key, by: b.by, dataset });
        if (s !== null) series.push(s);
      }
      // The contract's EventSeriesSchema agrees with EventSeries (contract/events.ts) but for
      // readonly-ness.
      return { available: true, series: series as unknown as EventsSeriesResponse['series'] };
    },
  );

  app.post<{ Body: EventsObservedRequest }>(
    '/api/events/observed',
    {
      schema: {
        body: request(EventsObservedRequestSchema),
        response: { 200: response(EventsObservedResponseSchema), ...errorResponses },
      },
    },
    async (req): Promise<EventsObservedResponse> => {
      const c = ctx.source.resolve({ caseId: req.body.caseId }).case;
      const d = await data();
      if (d === null) return { available: false, verdicts: [] };
      const verdicts = await d.observed(c);
      // ObservedVerdictSchema agrees with ObservedVerdict (contract/events.ts) but for readonly-ness.
      return {
        available: true,
        verdicts: verdicts as unknown as EventsObservedResponse['verdicts'],
      };
    },
  );
}
