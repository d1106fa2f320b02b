/**
 * "Did you mean" suggestions by edit distance (Levenshtein), via fastest-levenshtein.
 */
import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, when it is close enough to be a plausible typo: at most a
 * third of the word's length in edits (at least 1, at most 3; none for words under three
 * letters), or a case-insensitive match.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  // Words of one or two letters only match case-insensitively: any guess would be noise.
  const limit = word.length < 3 ? 0 : Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    // Long words cannot be near short ones; skip the quadratic work.
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const d = distance(word, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
