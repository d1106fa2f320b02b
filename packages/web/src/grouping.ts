/**
 * Groupings the map can halo: the frustration index's two sides, the Doreian–Mrvar relocation
 * partition, signed modularity's groups, or one of the landscape's stable configurations.
 */
import type { AnalyzeResponse as AnalysisBundle } from '@entente/core/contract';

/** A grouping choice: `none`, a coalition method, or `landscape:<index of the minimum>`. */
export type Grouping = string;

/** One selectable grouping, with its label and groups. */
export interface GroupingOption {
  value: Grouping;
  label: string;
  groups: string[][];
}

/** The groupings the analysis offers, in the order the selector lists them. */
export function groupingOptions(a: AnalysisBundle | null): GroupingOption[] {
  const out: GroupingOption[] = [{ value: 'none', label: 'No grouping', groups: [] }];
  if (!a) return out;
  a.landscape.minima.forEach((m, i) => {
    out.push({
      value: `landscape:${i}`,
      label: `Landscape configuration ${i + 1} (E = ${m.energy.toFixed(4)})`,
      groups: m.coalitions,
    });
  });
  const fr = a.balance.frustration;
  if (fr?.partition) {
    out.push({ value: 'frustration', label: 'Frustration index split', groups: fr.partition });
  }
  const reloc = a.coalitions?.relocation?.[0];
  if (reloc) {
    out.push({
      value: 'relocation',
      label: `Relocation partition (k = ${reloc.k})`,
      groups: reloc.groups,
    });
  }
  const mod = a.coalitions?.modularity;
  if (mod) out.push({ value: 'modularity', label: 'Signed modularity groups', groups: mod.groups });
  return out;
}

/** The groups of a grouping choice, or null when there is none (or it no longer exists). */
export function groupsOf(a: AnalysisBundle | null, g: Grouping): string[][] | null {
  if (g === 'none') return null;
  return groupingOptions(a).find((o) => o.value === g)?.groups ?? null;
}
