/**
 * Event data for a case, as the CLI (`explore --events`, `events compare`) and the server
 * (`/api/events/*`) read it: an events database opened once, and a case's series and observed
 * verdicts computed from it by core (`compileEventMapping`, `eventSeries`, `observedVerdicts`).
 *
 * The engine is `@entente/events` (`openEventStore(spec)` → `{groups, volumes, close}`) and the
 * mapping is core's `compileEventMapping(case.events)`; tests may pass stand-ins. A series
 * without a coverage is given the coverage of its formats' volumes (`coverageOfVolumes`), so a
 * period absent from the data is never read as 0 outside what the data cover.
 */
import { existsSync } from 'node:fs';
import {
  type Case,
  type CompiledEventMapping,
  compileEventMapping,
  coverageOfVolumes,
  type EventDataset,
  type EventFormat,
  type EventGroup,
  type EventGroupQuery,
  type EventResolution,
  type EventSeries,
  type EventSeriesKey,
  type EventVolume,
  eventSeries,
  type ObservedVerdict,
  observedVerdicts,
} from '@entente/core';
import { openEventStore } from '@entente/events';

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

const FORMATS_OF: Readonly<Record<EventDataset, readonly EventFormat[]>> = {
  ucdp: ['ucdp-ged', 'ucdp-dyadic'],
  gdelt: ['gdelt'],
  acled: ['acled'],
};

/** The engine and mapping functions {@link openEventData} uses (this build's by default). */
export interface EventDataDeps {
  readonly openEventStore: (spec: string) => Promise<EventStoreLike>;
  readonly compileEventMapping: CompileMapping;
  readonly eventSeries: SeriesOf;
}

/** This build's engine (`@entente/events`) and core's mapping of a case's `events:` section. */
const BUILD_DEPS: EventDataDeps = {
  openEventStore: (spec) => openEventStore(spec),
  compileEventMapping: (c) => compileEventMapping(c.events ?? { map: [] }),
  eventSeries: (mapping, groups, volumes, options) =>
    eventSeries(mapping as CompiledEventMapping, groups, volumes, options),
};

/**
 * Opens the events database `spec` (a DuckDB file, or an engine URL the engine accepts); null when
 * `spec` names a file that does not exist. `deps` replaces the engine and mapping (tests).
 */
export async function openEventData(spec: string, deps?: EventDataDeps): Promise<EventData | null> {
  if (deps === undefined && !spec.includes('://') && !existsSync(spec)) return null;
  const d = deps ?? BUILD_DEPS;
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
