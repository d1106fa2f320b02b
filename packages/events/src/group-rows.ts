/**
 * Rows of an engine's group query (layout.ts, "Groups") → {@link EventGroup}s, shared by the
 * DuckDB and the ClickHouse engines so that both return the same groups for the same rows.
 */
import type { EventFormat, EventGroup } from '@entente/core';

/** One row of a group query: the key columns, `spanning`, the measure columns, `event_type`. */
export type GroupRow = Readonly<Record<string, unknown>>;

/**
 * The groups of `rows`. `measures` pairs each measure's name with the row column holding it (a
 * null column is an absent measure, never 0). With `byType` (ACLED) the rows are split by
 * `event_type`: they are folded into one group per key whose measures hold the totals and, for
 * each type, `name:type`.
 */
export function groupsFromRows(
  rows: Iterable<GroupRow>,
  measures: readonly (readonly [name: string, column: string])[],
  byType: boolean,
): EventGroup[] {
  const out: EventGroup[] = [];
  const folded = new Map<string, { group: EventGroup; measures: Record<string, number> }>();
  for (const r of rows) {
    const m: Record<string, number> = {};
    for (const [name, column] of measures) {
      const v = r[column];
      if (v !== null && v !== undefined) m[name] = Number(v);
    }
    const base = {
      format: String(r.format) as EventFormat,
      version: String(r.version),
      sideA: String(r.side_a),
      sideB: String(r.side_b),
      country: String(r.country),
      period: String(r.period),
      segment: Number(r.segment),
      spanning: Number(r.spanning),
    };
    if (!byType) {
      out.push({ ...base, measures: m });
      continue;
    }
    const key = JSON.stringify([
      base.format,
      base.version,
      base.sideA,
      base.sideB,
      base.country,
      base.period,
      base.segment,
    ]);
    let entry = folded.get(key);
    if (entry === undefined) {
      entry = { group: { ...base, spanning: 0, measures: {} }, measures: {} };
      folded.set(key, entry);
    }
    const type = r.event_type === null || r.event_type === undefined ? '' : String(r.event_type);
    entry.group = { ...entry.group, spanning: entry.group.spanning + base.spanning };
    for (const [name, v] of Object.entries(m)) {
      entry.measures[name] = (entry.measures[name] ?? 0) + v;
      entry.measures[`${name}:${type}`] = (entry.measures[`${name}:${type}`] ?? 0) + v;
    }
  }
  for (const { group, measures: m } of folded.values()) out.push({ ...group, measures: m });
  return out;
}
