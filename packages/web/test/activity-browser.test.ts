/**
 * Browser tests of the workbench's event data (issue 11): the activity chart under the map and the
 * observed verdicts in the Claims tab, in Debian's chromium driven by playwright-core against the
 * real server (its `/api/events/*` routes on a temporary DuckDB into which the test ingests UCDP's
 * yearly Afghanistan/Pakistan file through `@entente/events`), serving the app built with its test
 * hook (as workbench.test.ts does). Tagged `browser`; needs `../shared/data` (skipped with a notice
 * without it, failing under CI).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@entente/events';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test-support/shared-data.js';
import type { EventSeriesResponse, ObservedResponse } from '../src/api/types.js';
import {
  chromiumPresent,
  collectPageErrors,
  type LocalServer,
  launchChromium,
  serveLocal,
} from './browser-harness.js';
import { buildTestApp } from './build-test-app.js';

const UCDP = 'data/events/ucdp-afpak-annual-1989-2021.csv';
const haveChromium = chromiumPresent('activity browser tests');

const suite = haveChromium ? describeShared : () => undefined;

suite(UCDP, 'event data in the workbench', () => {
  describe('activity chart and observed claims in chromium, on UCDP data', {
    tags: ['browser'],
  }, () => {
    let app: LocalServer['app'];
    let bare: LocalServer['app'];
    let base = '';
    let bareBase = '';
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let DIST = '';
    let DB_DIR = '';
    /** Screenshots of this run, for a person to look at (never compared, never tracked). */
    let SHOTS = '';
    let consoleErrors: string[] = [];

    beforeAll(async () => {
      DIST = await mkdtemp(join(tmpdir(), 'entente-web-activity-'));
      DB_DIR = await mkdtemp(join(tmpdir(), 'entente-web-events-'));
      const db = join(DB_DIR, 'events.duckdb');
      const store = await openEventStore(db);
      try {
        await store.ingest([sharedPath(UCDP)], { format: 'ucdp-dyadic' });
      } finally {
        await store.close();
      }
      await buildTestApp(DIST);
      SHOTS = await mkdtemp(join(tmpdir(), 'entente-activity-shots-'));
      console.info(`activity screenshots: ${SHOTS}`);
      ({ app, base } = await serveLocal({ webRoot: DIST, warmAnalyses: 0, events: db }));
      // The same server without an events database.
      ({ app: bare, base: bareBase } = await serveLocal({ webRoot: DIST, warmAnalyses: 0 }));
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await bare?.close();
      if (DIST) await rm(DIST, { recursive: true, force: true });
      if (DB_DIR) await rm(DB_DIR, { recursive: true, force: true });
    });

    beforeEach(async () => {
      consoleErrors = [];
      context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      collectPageErrors(page, consoleErrors);
    });

    afterEach(async () => {
      await context?.close();
      expect(consoleErrors).toEqual([]);
    });

    /** Opens the workbench on the built-in case (`url`: which server), waiting for the map. */
    async function open(url = base): Promise<void> {
      await page.goto(`${url}/`);
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { __entente?: { mapReady: boolean } }).__entente?.mapReady ===
          true,
      );
    }

    /** The x position of the chart's date marker in the deaths panel. */
    const markerX = async (at: string) =>
      Number(
        await page
          .locator(
            `[data-testid=activity-chart] svg[data-panel=deaths] line[aria-label="timeline date ${at}"]`,
          )
          .getAttribute('x1'),
      );

    it("focusing IS-K shows its yearly deaths (2018 as the server's series has them), the source, and a marker that follows the timeline", async () => {
      // The reference: what the route answers for IS-K by year.
      const r = await app.inject({
        method: 'POST',
        url: '/api/events/series',
        payload: { caseId: 'afghanistan-2023', key: { actor: 'isk' }, by: 'year' },
      });
      const answer = r.json() as EventSeriesResponse;
      expect(answer.available).toBe(true);
      const own = answer.series.find((s) => 'actor' in s.key && s.key.actor === 'isk');
      const deaths2018 = own?.points.find((p) => p.period === '2018')?.measures.deaths_best;
      // The Government of Afghanistan – IS dyad alone had 2,842 (UCDP 24.1, shared/data README).
      expect(deaths2018).toBeGreaterThanOrEqual(2842);

      await open();
      const activity = page.getByTestId('activity');
      await expect.poll(() => activity.textContent()).toContain('Select an actor');
      await page.getByLabel('Focus on an actor').selectOption('isk');
      const chart = page.getByTestId('activity-chart');
      await chart.locator('svg[data-panel=deaths]').waitFor();
      expect(await chart.locator('svg[data-panel=events]').count()).toBe(1);
      expect(await chart.getAttribute('aria-label')).toContain('UCDP events and deaths of');
      expect(await page.getByTestId('activity-source').textContent()).toContain('Source: UCDP');

      // The table alternative, opened from the keyboard: 2018's deaths as the route gives them.
      await page.getByText('Data table').focus();
      await page.keyboard.press('Enter');
      const row2018 = page.getByTestId('activity-table').getByRole('row', { name: /^2018/ });
      const cells = await row2018.locator('td').allTextContents();
      expect(cells[1]).toBe((deaths2018 ?? 0).toLocaleString('en-US'));
      expect(await chart.getAttribute('tabindex')).toBe('0');
      await page.screenshot({ path: `${SHOTS}/activity.png`, fullPage: true });

      // The marker sits at the timeline's date (2023) and moves left with the timeline (2022).
      const at2023 = await markerX('2023');
      expect(at2023).toBeGreaterThan(0);
      const slider = page.getByTestId('timeline');
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('2022');
      await chart
        .locator('line[aria-label="timeline date 2022"]')
        .first()
        .waitFor({ state: 'attached' });
      const at2022 = await markerX('2022');
      expect(at2022).toBeLessThan(at2023);
      expect(at2022).toBeGreaterThan(0);

      // By month: the yearly file's rows have no month, so the source line changes with the request.
      await page.getByLabel('Event activity per').selectOption('month');
      await expect
        .poll(async () => (await activity.textContent()) ?? '')
        .toMatch(/by month|No rows for this actor/);
    });

    it('without an events database the chart says to ingest, and the Claims tab says observed claims are not evaluated', async () => {
      await open(bareBase);
      await page.getByLabel('Focus on an actor').selectOption('isk');
      await expect
        .poll(() => page.getByTestId('activity-empty').textContent())
        .toContain('No event data loaded — run `entente events ingest');
      await page.getByRole('tab', { name: 'Claims' }).click();
      await expect
        .poll(() => page.getByTestId('observed-unavailable').textContent())
        .toContain('observed hypotheses are not evaluated');
      // The case's observed hypotheses are listed, as not evaluated, never as fails.
      const statuses = await page
        .getByTestId('observed-verdict')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set(['not-evaluated']));
    });

    it('the Claims tab shows the observed verdicts the server computes beside the model’s; no-data never as fails', async () => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/events/observed',
        payload: { caseId: 'afghanistan-2023' },
      });
      const answer = r.json() as ObservedResponse;
      expect(answer.available).toBe(true);
      expect(answer.verdicts.length).toBeGreaterThan(0);

      await open();
      await page.getByRole('tab', { name: 'Claims' }).click();
      const table = page.getByTestId('claims');
      await table.getByTestId('observed-verdict').first().waitFor();
      // The case's observed hypotheses show as not evaluated until the answer comes, then as it says.
      const shown = () =>
        table
          .getByTestId('observed-verdict')
          .evaluateAll((els) =>
            Object.fromEntries(
              els.map((e) => [e.textContent?.split(':')[0] ?? '', e.getAttribute('data-status')]),
            ),
          );
      await expect
        .poll(shown)
        .toEqual(Object.fromEntries(answer.verdicts.map((v) => [v.id, v.status])));
      for (const v of answer.verdicts.filter((x) => x.status === 'no-data')) {
        const el = table.getByTestId('observed-verdict').filter({ hasText: `${v.id}: no data` });
        expect(await el.count()).toBe(1);
      }
      await page.screenshot({ path: `${SHOTS}/claims.png`, fullPage: true });
    });
  });
});
