/**
 * Negation and hedging: words that make a proposed tie less certain. Confidence is multiplied by
 * {@link NEGATION_FACTOR} when the cue is negated and by {@link HEDGE_FACTOR} once when the
 * sentence hedges; both factors are entente's choice (a negated statement is weaker evidence
 * than a hedged one), not estimated from data.
 */
import type { Token } from '../text/segment.js';

/** Confidence multiplier for a negated cue ("did not", "failed to", "neither ... nor"). */
export const NEGATION_FACTOR = 0.5;
/** Confidence multiplier for a hedged sentence ("may", "reportedly", "accused of"). */
export const HEDGE_FACTOR = 0.7;

const NEGATORS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'neither',
  'nor',
  'without',
  'fail',
  'failed',
  'unable',
  'unwilling',
  'deny',
  'denied',
  'refuse',
]);
const HEDGES = new Set([
  'may',
  'might',
  'could',
  'would',
  'reportedly',
  'allegedly',
  'accuse',
  'accused',
  'possibility',
  'possible',
  'possibly',
  'likely',
  'unlikely',
  'suggest',
  'suggests',
  'claim',
  'claimed',
  'apparently',
  'perhaps',
  'rumour',
  'rumor',
  'if',
  'had',
]);

/** The negation words within four tokens before the cue (or wink's negation flag on it). */
export function negationOf(tokens: readonly Token[], cue: number): string[] {
  const out: string[] = [];
  const at = tokens[cue];
  if (at?.negated) out.push('negated');
  for (let k = Math.max(0, cue - 4); k < cue; k++) {
    const w = (tokens[k] as Token).text.toLowerCase();
    if (NEGATORS.has(w)) out.push(w);
  }
  return [...new Set(out)];
}

/** The hedging words of a sentence. "had" counts only at the start (a counterfactual "Had X …"). */
export function hedgesOf(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    const w = t.text.toLowerCase();
    if (w === 'had' && i > 0) return;
    if (HEDGES.has(w)) out.add(w);
  });
  return [...out];
}
