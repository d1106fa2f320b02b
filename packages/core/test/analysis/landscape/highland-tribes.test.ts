import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../../../test-support/shared-data.js';
import { landscapeInputFromProjection } from '../../../src/analysis/landscape/input.js';
import { landscape } from '../../../src/analysis/landscape/landscape.js';
import { projectSigned } from '../../../src/analysis/project.js';
import { importEdgeList } from '../../../src/interop/edge-list.js';

const TRIBES_FILE = 'data/signed/highland-tribes.csv';
const TRIBES = sharedPath(TRIBES_FILE);

describeShared(TRIBES_FILE, "landscape on Read's Highland tribes (unit sizes, p = sign)", () => {
  it('landscape(input) global minimum is the frustration-index split: E = 7 − (negative ties)', () => {
    const loaded = importEdgeList(readFileSync(TRIBES, 'utf8'));
    if (!loaded.ok) throw new Error('the tribes edge list does not load');
    const projection = projectSigned(loaded.case);
    const input = landscapeInputFromProjection(projection, loaded.case, { defaultSize: 1 });
    const negatives = projection.ties.filter((t) => t.sign < 0).length;
    const result = landscape(input);
    // With unit sizes and p = ±1, E = (positive ties between) − (negative ties between)
    // = frustration − (all negative ties); the published frustration index is 7, split unique.
    expect(input.actors).toHaveLength(16);
    expect(result.globalMinimum.energy).toBe(7 - negatives);
    expect(result.minima.filter((m) => m.energy === 7 - negatives)).toHaveLength(1);
    expect(result.minima[1].energy).toBeGreaterThan(result.globalMinimum.energy);
  });
});
