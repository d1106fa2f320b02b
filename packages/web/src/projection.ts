/**
 * Reading the projection the server returns: actor ids in force at the date (the server sends
 * actor objects; bare ids are accepted too).
 */
import type { AnalyzeResponse as AnalysisBundle } from '@entente/core/contract';

/** The ids of the actors in force in an analysis, in the server's order. */
export function projectedActorIds(a: AnalysisBundle | null): string[] {
  return (a?.projection.actors ?? []).map((x) => (typeof x === 'string' ? x : x.id));
}
