/**
 * Event data for a case, as the CLI (`explore --events`, `events compare`) and the server
 * (`/api/events/*`) read it: an events database opened once, and a case's series and observed
 * verdicts computed from it by core (`compileEventMapping`, `eventSeries`, `observedVerdicts`).
 *
 * The engine is `@entente/events` (`openEventStore(spec)` → `{groups, volumes, close}`) and the
 * mapping is core's `compileEventMapping(case)`: both are looked up when a database is opened, so
 * that this module builds and answers "no event data" before they exist in a build. A series
 * without a coverage is given the coverage of its formats' volumes (`coverageOfVolumes`), so a
 * period absent from the data is never read as 0 outside what the data cover.
 */
import { existsSync } from 'node:fs';
import * as core from '@entente/core';
import {
  type Case,
  coverageOfVolumes,
  EntenteError,
  type EventDataset,
  type EventGroup,
  type EventGroupQuery,
  type EventResolution,
  type EventSeries,
  type EventSeriesKey,
  type EventVolume,
  type ObservedVerdict,
  observedVerdicts,
} from '@entente/core';

/** The engine's store, as `@entente/events` opens it (the names agreed with the engine). */
export interface EventStoreLike {
  groups(query: EventGroupQuery): Promise<readonly EventGroup[]>;
  volumes(query: EventGroupQuery): Promise<readonly EventVolume[]>;
  close(): Promise<void> | void;
}

export interface MappingLike {
  readonly breakpoints?: readonly string[];
}

export type CompileMapping = (c: Case) => MappingLike;
export type SeriesOf = (
  mapping: MappingLike,
  groups: readonly EventGroup[],
  volumes: readonly EventVolume[],
  options: { key: EventSeriesKey; by: EventResolution; dataset: EventDataset },
) => EventSeries;

/** A series request: whose, at which resolution, from which dataset family. */
export interface EventSeriesRequest {
  readonly key: EventSeriesKey;
  readonly by: EventResolution;
  readonly dataset: EventDataset;
}

/** An opened events database. */
export interface EventData {
  /** Where it was opened from. */
  readonly spec: string;
  /** The series of `request` for case `c`; null when the dataset has no rows at all. */
  series(c: Case, request: EventSeriesRequest): Promise<EventSeries | null>;
  /** The verdicts of the observed hypotheses of `c`. */
  observed(c: Case): Promise<ObservedVerdict[]>;
  close(): Promise<void>;
}

const FORMATS_OF: Readonly<Record<EventDataset, readonly core.EventFormat[]>> = {
  ucdp: ['ucdp-ged', 'ucdp-dyadic'],
  gdelt: ['gdelt'],
  acled: ['acled'],
};

/** The engine and mapping functions {@link openEventData} uses (looked up by default). */
export interface EventDataDeps {
  readonly openEventStore: (spec: string) => Promise<EventStoreLike>;
  readonly compileEventMapping: CompileMapping;
  readonly eventSeries: SeriesOf;
}

/** The engine and mapping of this build, or null when either is missing. */
async function lookUpDeps(): Promise<EventDataDeps | null> {
  const engineName = '@entente/events';
  const engine = (await import(engineName)) as Record<string, unknown>;
  const lib = core as unknown as Record<string, unknown>;
  const open = engine.openEventStore;
  const compile = lib.compileEventMapping;
  const toSeries = lib.eventSeries;
  if (typeof open !== 'function' || typeof compile !== 'function' || typeof toSeries !== 'function')
    return null;
  return {
    openEventStore: open as EventDataDeps['openEventStore'],
    compileEventMapping: compile as CompileMapping,
    eventSeries: toSeries as SeriesOf,
  };
}

/**
 * Opens the events database `spec` (a DuckDB file, or an engine URL the engine accepts); null when
 * `spec` names a file that does not exist. `deps` replaces the engine and mapping (tests).
 * @throws {EntenteError} `unsupported-format` when this build has no event engine or mapping
 */
export async function openEventData(spec: string, deps?: EventDataDeps): Promise<EventData | null> {
  if (deps === undefined && !spec.includes('://') && !existsSync(spec)) return null;
  const d = deps ?? (await lookUpDeps());
  if (d === null)
    throw new EntenteError(
      'unsupported-format',
      `events: ${spec}: this build has no event engine (openEventStore) or case mapping (compileEventMapping, eventSeries)`,
    );
  const open = d.openEventStore;
  const compile = d.compileEventMapping;
  const toSeries = d.eventSeries;
  const store = await open(spec);
  const series = async (c: Case, r: EventSeriesRequest): Promise<EventSeries | null> => {
    const mapping = compile(c);
    const formats = FORMATS_OF[r.dataset];
    const query: EventGroupQuery = { formats, by: r.by, breakpoints: mapping.breakpoints ?? [] };
    const volumes = await store.volumes(query);
    const coverage = coverageOfVolumes(volumes, formats, r.by);
    if (coverage === null) return null;
    const groups = await store.groups(query);
    const s = toSeries(mapping, groups, volumes, r);
    return s.coverage === undefined ? { ...s, coverage } : s;
  };
  return {
    spec,
    series,
    observed: (c) =>
      observedVerdicts(c, (r) => series(c, { key: r.key, by: r.by, dataset: r.dataset })),
    close: async () => {
      await store.close();
    },
  };
}
