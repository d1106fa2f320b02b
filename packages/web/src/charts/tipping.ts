/**
 * The tipping chart's data: each configuration's energy as a line over θ. In landscape theory the
 * energy E = Σ s_i s_j p_ij d_ij is linear in the propensities θ scales, so a configuration's energy
 * over the whole range follows from its two segment end points; the lowest line at each θ is the
 * most stable configuration, and the crossings are the tipping points.
 */
import type {
  ConfigurationJson as Configuration,
  TippingJson as TippingResult,
} from '@entente/core/contract';

/** One sampled point of a configuration's energy line. */
export interface EnergyPoint {
  theta: number;
  energy: number;
  configuration: string;
  /** True where this configuration is the most stable one (its own segment). */
  stable: boolean;
}

/** A configuration's short label: its two sides. */
export function configurationLabel(c: Configuration, names?: Map<string, string>): string {
  const side = (s: string[]) => s.map((id) => names?.get(id) ?? id).join(', ') || '∅';
  return `{${side(c[0])}} vs {${side(c[1])}}`;
}

/** The energy lines of every configuration the segments name, sampled at each segment bound. */
export function energyLines(t: TippingResult, names?: Map<string, string>): EnergyPoint[] {
  const [lo, hi] = t.range;
  const thetas = new Set<number>([lo, hi]);
  for (const s of t.segments) {
    thetas.add(s.from);
    thetas.add(s.to);
  }
  const xs = [...thetas].sort((a, b) => a - b);
  const out: EnergyPoint[] = [];
  for (const s of t.segments) {
    const label = configurationLabel(s.configuration, names);
    const slope = s.to !== s.from ? (s.energyAtTo - s.energyAtFrom) / (s.to - s.from) : 0;
    for (const x of xs) {
      out.push({
        theta: x,
        energy: s.energyAtFrom + slope * (x - s.from),
        configuration: label,
        stable: x >= s.from && x <= s.to,
      });
    }
  }
  return out;
}
