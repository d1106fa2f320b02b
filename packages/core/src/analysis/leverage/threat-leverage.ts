/**
 * Threat leverage: the leverage a regime R holds over a state S because R shelters or controls
 * armed groups that threaten S — the essay's claim that the Taliban turn the groups under their
 * rule into a bargaining asset. A threat one can restrain or unleash is a source of coercive
 * bargaining power (T. C. Schelling, Arms and Influence, Yale University Press, 1966; D. Byman,
 * "Passive sponsors of terrorism", Survival 47(4) (2005) 117–144):
 *
 *   L(R, S) = Σ_G h(R, G) · t(G, S)
 *   h(R, G) = Σ_{r ∈ control relations of R over G} c_type(r) · w(r)
 *   t(G, S) = Σ_{r ∈ threat relations G → S} w(r)
 *
 * Control relations are `harbouring` R → G (factor 1 by default) and `territorial-presence`
 * G → R (G operates in R's territory; factor 0 by default, so only explicit harbouring counts);
 * both factors are overridable through `control`. Threats are relations of the types in
 * `threats` (default `threat`) from G to S. Sums run over relations in force at `at`.
 * L is thus the product of how much R holds the group and how much the group threatens S,
 * summed over groups; it is not normalised.
 */
import type { Case } from '../../case/schema.js';
import { EntenteError } from '../../errors.js';
import { relationsAt } from './relations-at.js';

/** How one relation type makes `regime` control `group`. */
export interface ControlRule {
  /** `regime-to-group`: the relation runs R → G (harbouring); `group-to-regime`: G → R. */
  readonly direction: 'regime-to-group' | 'group-to-regime';
  /** Multiplies the relation's weight. */
  readonly factor: number;
}

/** Options of {@link threatLeverage}. */
export interface ThreatLeverageOptions {
  /** Only relations in force at this partial date. @default undefined (all relations) */
  readonly at?: string;
  /**
   * Control relation types and their factors.
   * @default { harbouring: { direction: 'regime-to-group', factor: 1 },
   *   'territorial-presence': { direction: 'group-to-regime', factor: 0 } }
   */
  readonly control?: Readonly<Record<string, ControlRule>>;
  /** Relation types that count as a group's threat to a target. @default ['threat'] */
  readonly threats?: readonly string[];
}

/** One group's contribution to L(R, S). */
export interface LeverageChannel {
  readonly group: string;
  /** h(R, G). */
  readonly control: number;
  /** t(G, S). */
  readonly threat: number;
  /** control × threat. */
  readonly contribution: number;
  /** Indices into `case.relations` of the control and threat relations used. */
  readonly relations: number[];
}

/** L(R, S) with its channels. */
export interface LeverageFigure {
  readonly value: number;
  /** Channels by decreasing contribution. */
  readonly via: LeverageChannel[];
  readonly relations: number[];
}

/** The result of {@link threatLeverage}. */
export interface ThreatLeverageResult {
  readonly options: {
    readonly at: string | null;
    readonly control: Readonly<Record<string, ControlRule>>;
    readonly threats: readonly string[];
  };
  /** leverage[regime][target]; only pairs with a non-zero value. */
  readonly leverage: Record<string, Record<string, LeverageFigure>>;
  /** The same figures as a list, by decreasing value. */
  readonly pairs: { regime: string; target: string; value: number; relations: number[] }[];
}

/** Default control rules: harbouring counts fully, territorial presence not at all. */
export const DEFAULT_CONTROL: Readonly<Record<string, ControlRule>> = Object.freeze({
  harbouring: Object.freeze({ direction: 'regime-to-group', factor: 1 } as const),
  'territorial-presence': Object.freeze({ direction: 'group-to-regime', factor: 0 } as const),
});

/**
 * Leverage of each regime over each target through the armed groups it harbours or controls.
 * @throws {EntenteError} `invalid-argument` on a bad date or a negative or non-finite factor
 * @example threatLeverage(c, { at: '2023' }).leverage.taliban.pakistan.value // 0.63
 */
export function threatLeverage(c: Case, options: ThreatLeverageOptions = {}): ThreatLeverageResult {
  const control = options.control ?? DEFAULT_CONTROL;
  for (const [type, rule] of Object.entries(control)) {
    if (!Number.isFinite(rule.factor) || rule.factor < 0) {
      throw new EntenteError(
        'out-of-range',
        `threatLeverage: control factor of "${type}" is ${rule.factor}; expected a finite number ≥ 0`,
      );
    }
  }
  const threats = [...(options.threats ?? ['threat'])];
  const threatTypes = new Set(threats);
  const { relations } = relationsAt(c, options.at, 'threatLeverage');

  // h: regime → group → { value, relations }; t: group → target → { value, relations }.
  const h = new Map<string, Map<string, { value: number; relations: number[] }>>();
  const t = new Map<string, Map<string, { value: number; relations: number[] }>>();
  const bump = (table: typeof h, a: string, b: string, value: number, index: number) => {
    let row = table.get(a);
    if (!row) {
      row = new Map();
      table.set(a, row);
    }
    const cell = row.get(b) ?? { value: 0, relations: [] };
    cell.value += value;
    cell.relations.push(index);
    row.set(b, cell);
  };
  for (const r of relations) {
    const type = r.relation.type;
    const rule = Object.hasOwn(control, type) ? control[type] : undefined;
    if (rule && rule.factor > 0) {
      const [regime, group] =
        rule.direction === 'regime-to-group'
          ? [r.relation.from, r.relation.to]
          : [r.relation.to, r.relation.from];
      bump(h, regime, group, rule.factor * r.weight, r.index);
    }
    if (threatTypes.has(type)) bump(t, r.relation.from, r.relation.to, r.weight, r.index);
  }

  const leverage: Record<string, Record<string, LeverageFigure>> = {};
  const pairs: ThreatLeverageResult['pairs'] = [];
  for (const [regime, groups] of [...h.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const byTarget = new Map<string, LeverageChannel[]>();
    for (const [group, held] of groups) {
      for (const [target, threat] of t.get(group) ?? []) {
        if (target === regime) continue;
        const contribution = held.value * threat.value;
        if (contribution === 0) continue;
        const list = byTarget.get(target) ?? [];
        list.push({
          group,
          control: held.value,
          threat: threat.value,
          contribution,
          relations: [...held.relations, ...threat.relations].sort((a, b) => a - b),
        });
        byTarget.set(target, list);
      }
    }
    if (byTarget.size === 0) continue;
    const row: Record<string, LeverageFigure> = {};
    for (const [target, via] of [...byTarget.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      via.sort((a, b) => b.contribution - a.contribution || (a.group < b.group ? -1 : 1));
      const value = via.reduce((s, ch) => s + ch.contribution, 0);
      const rels = [...new Set(via.flatMap((ch) => ch.relations))].sort((a, b) => a - b);
      row[target] = { value, via, relations: rels };
      pairs.push({ regime, target, value, relations: rels });
    }
    leverage[regime] = row;
  }
  pairs.sort((a, b) => b.value - a.value || (a.regime + a.target < b.regime + b.target ? -1 : 1));
  return { options: { at: options.at ?? null, control, threats }, leverage, pairs };
}
