/**
 * The exploration's settings as the analyst types them: worlds, seed and sampling design (the
 * seed also seeds the quick single run). Numbers are kept whole and in range as they are typed.
 */
import { useState } from 'react';
import type { ExploreOptions } from '../api/types.js';

/** What {@link useExploreSettings} returns. */
export interface ExploreSettings {
  runs: number;
  /** Sets the number of worlds from typed text (a whole number ≥ 1). */
  setRuns(text: string): void;
  seed: number;
  /** Sets the seed from typed text (a whole number ≥ 0). */
  setSeed(text: string): void;
  sample: ExploreOptions['sample'];
  setSample(s: ExploreOptions['sample']): void;
}

/** Worlds (default 200), seed (default 1) and design (default Latin hypercube). */
export function useExploreSettings(): ExploreSettings {
  const [runs, setRuns] = useState(200);
  const [seed, setSeed] = useState(1);
  const [sample, setSample] = useState<ExploreOptions['sample']>('lhs');
  return {
    runs,
    setRuns: (t) => setRuns(Math.max(1, Math.floor(Number(t) || 1))),
    seed,
    setSeed: (t) => setSeed(Math.max(0, Math.floor(Number(t) || 0))),
    sample,
    setSample,
  };
}
