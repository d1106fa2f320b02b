/**
 * Golden file of the workbench's HTML report (`buildReport`): the built-in case at 2023 with
 * every layer, analysed by the server as the workbench asks (`POST /api/analyze`), a 32-world
 * exploration (seed 1, one worker) as the workbench's job returns it, and a fixed map SVG. No
 * date is passed (`generated`), so the bytes depend only on the case and the code. To accept a
 * change on purpose: `npm run goldens`, then review the diff of test/goldens/report.html.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LAYERS, loadCase } from '@entente/core';
import { runExploration } from '@entente/runner';
import { createServer } from '@entente/server';
import { describe, expect, it } from 'vitest';
import type { AnalysisBundle, ExplorationSummary } from '../src/api/types.js';
import { buildReport } from '../src/report/buildReport.js';

const BUILTIN = fileURLToPath(new URL('../../../cases/afghanistan-2023.yaml', import.meta.url));
const MAP_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><title>Two actors and a positive tie</title><circle cx="10" cy="10" r="5"/><circle cx="30" cy="10" r="5"/><line x1="15" y1="10" x2="25" y2="10" stroke="#1d4ed8"/></svg>';

describe('buildReport on the built-in case', { tags: ['golden'] }, () => {
  it('buildReport(input) at 2023 with a 32-world exploration equals goldens/report.html', async () => {
    const loaded = loadCase(await readFile(BUILTIN, 'utf8'));
    if (!loaded.ok) throw new Error('the built-in case does not load');
    const app = createServer({ warmAnalyses: 0 });
    let analysis: AnalysisBundle;
    try {
      const r = await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { caseId: 'afghanistan-2023', at: '2023', layers: [...LAYERS] },
      });
      expect(r.statusCode).toBe(200);
      analysis = r.json() as AnalysisBundle;
    } finally {
      await app.close();
    }
    const { summary } = await runExploration(loaded.case, { runs: 32, seed: 1 }, { workers: 1 });
    const html = buildReport({
      caseData: loaded.case,
      analysis,
      mapSvg: MAP_SVG,
      // As the job's result reaches the page: JSON.
      exploration: JSON.parse(JSON.stringify(summary)) as ExplorationSummary,
      layers: [...LAYERS],
    });
    expect(html).toMatch(/^<!doctype html>/);
    await expect(html).toMatchFileSnapshot('./goldens/report.html');
  });
});
