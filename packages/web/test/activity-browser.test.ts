/**
 * Browser tests of the workbench's event data (issue 11): the activity chart under the map and the
 * observed verdicts in the Claims tab, in Debian's chromium driven by playwright-core against the
 * real server serving the app built with its test hook (as workbench.test.ts does). Tagged
 * `browser`.
 *
 * ROUTE STUB: the server's event routes (`POST /api/events/series`, `POST /api/events/observed`)
 * are not on this branch yet, so this test registers stand-ins on the server before it listens.
 * They answer with the shape of the routes' contract (`core/src/contract/events.ts` on the branch
 * that builds them) and with UCDP's published yearly deaths of the
 * Government of Afghanistan – IS dyad (../shared/data/README.md: best 679 in 2015, 2,842 in 2018,
 * 264 in 2021, UCDP dyadic 24.1). TODO(issue 11): once the routes are merged, drop the stand-ins,
 * ingest `../shared/data/events/ucdp-afpak-annual-1989-2021.csv` into a temporary DuckDB through
 * `@entente/events` and start the server on it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '@entente/server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  EventSeries,
  EventSeriesRequest,
  EventSeriesResponse,
  ObservedResponse,
} from '../src/api/events-types.js';
import { buildTestApp } from './build-test-app.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI) throw new Error(`activity browser tests: ${CHROMIUM} is missing (CI is set)`);
  console.warn(`\n*** activity browser tests SKIPPED: ${CHROMIUM} not found ***\n`);
}

/** IS-K's yearly series as the stand-in answers it (UCDP's published figures, see above). */
function iskSeries(by: 'year' | 'month'): EventSeries {
  const points: EventSeries['points'] =
    by === 'year'
      ? [
          {
            period: '2015',
            measures: { events: 1, deaths_best: 679, deaths_low: 679, deaths_high: 801 },
          },
          {
            period: '2018',
            measures: { events: 1, deaths_best: 2842, deaths_low: 2842, deaths_high: 3131 },
          },
          { period: '2021', measures: { events: 1, deaths_best: 264 } },
        ]
      : [{ period: '2018-03', measures: { events: 1, deaths_best: 20 } }];
  return {
    key: { actor: 'isk' },
    dataset: 'ucdp',
    formats: ['ucdp-dyadic'],
    versions: ['24.1'],
    by,
    points,
    query: `actor isk, by ${by} (route stand-in)`,
    sources: [{ sideA: 'Government of Afghanistan', sideB: 'IS', rows: points.length }],
    caveats: ['IS is IS-K only for rows located in Afghanistan or Pakistan'],
  };
}

/** The fields the two stand-in verdicts share (the contract's shape, h3's ObservedVerdictSchema). */
const common = {
  claim: null,
  claimant: 'author',
  sentence: null,
  dataset: 'ucdp',
  normalised: false,
  by: 'month',
  aggregate: 'mean',
  op: '>',
  minEffect: { relative: 0.05, rationale: 'visible growth' },
  scale: 'relative',
  coverage: { from: '1989-01', until: '2021-12' },
} as const;

/** Observed verdicts as the stand-in answers them: one on ¶8, one of no listed claim, no data. */
const OBSERVED: ObservedResponse = {
  available: true,
  verdicts: [
    {
      ...common,
      id: 'groups-activity-grew',
      statement: 'The groups’ fatal violence grew between 2021-08 and 2023-07.',
      paragraph: 8,
      series: 'isk + ttp',
      measure: 'deaths_best',
      status: 'holds',
      effect: 0.42,
      from: { start: '2019-08', end: '2021-07', value: 100, periods: 24, covered: 24 },
      to: { start: '2021-08', end: '2023-07', value: 142, periods: 24, covered: 24 },
      versions: ['24.1'],
      reason: null,
      caveats: ['2023: UCDP GED candidate events, not final'],
    },
    {
      ...common,
      id: 'etim-activity',
      statement: 'ETIM’s attacks in Xinjiang did not fall.',
      paragraph: 40,
      series: 'etim',
      measure: 'events',
      status: 'no-data',
      effect: null,
      from: { start: '2019-08', end: '2021-07', value: null, periods: 24, covered: 0 },
      to: { start: '2021-08', end: '2023-07', value: null, periods: 24, covered: 5 },
      versions: ['24.1'],
      reason: 'no rows mapped to etim',
      caveats: [],
    },
  ],
};

describe.skipIf(!haveChromium)(
  'activity chart and observed claims in chromium',
  { tags: ['browser'] },
  () => {
    let app: ReturnType<typeof createServer>;
    let base = '';
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let DIST = '';
    /** Screenshots of this run, for a person to look at (never compared, never tracked). */
    let SHOTS = '';
    let consoleErrors: string[] = [];
    /** Whether the stand-in has event data (each test sets what it needs). */
    let loaded = true;
    /** The series requests the stand-in received, in order. */
    let asked: EventSeriesRequest[] = [];
    /** How many observed-verdict requests the stand-in received. */
    let askedObserved = 0;

    beforeAll(async () => {
      DIST = await mkdtemp(join(tmpdir(), 'entente-web-activity-'));
      await buildTestApp(DIST);
      SHOTS = await mkdtemp(join(tmpdir(), 'entente-activity-shots-'));
      console.info(`activity screenshots: ${SHOTS}`);
      app = createServer({ webRoot: DIST, warmAnalyses: 0 });
      // The route stand-ins (see the file's comment).
      app.post('/api/events/series', async (request): Promise<EventSeriesResponse> => {
        const body = request.body as EventSeriesRequest;
        asked.push(body);
        if (!loaded) return { available: false, series: [] };
        if ('actor' in body.key && body.key.actor === 'isk')
          return { available: true, series: [iskSeries(body.by)] };
        return { available: true, series: [] };
      });
      app.post('/api/events/observed', async (): Promise<ObservedResponse> => {
        askedObserved++;
        return loaded ? OBSERVED : { available: false, verdicts: [] };
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
      if (DIST) await rm(DIST, { recursive: true, force: true });
    });

    beforeEach(async () => {
      consoleErrors = [];
      asked = [];
      askedObserved = 0;
      loaded = true;
      context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    });

    /**
     * Opens the workbench on the built-in case, whose document the page receives with an `events:`
     * section (`mapping`; one is added when the case has none) or without one (removed), so each
     * test fixes whether the page asks the event routes.
     */
    async function open(mapping: boolean): Promise<void> {
      await page.route(
        (url) => /^\/api\/cases\/[^/]+$/.test(url.pathname),
        async (route) => {
          const response = await route.fetch();
          const doc = (await response.json()) as { case: Record<string, unknown> | null };
          if (doc.case && mapping) doc.case.events ??= { map: [] };
          if (doc.case && !mapping) delete doc.case.events;
          await route.fulfill({ response, json: doc });
        },
      );
      await page.goto(`${base}/`);
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { __entente?: { mapReady: boolean } }).__entente?.mapReady ===
          true,
      );
    }

    afterEach(async () => {
      await context?.close();
      expect(consoleErrors).toEqual([]);
    });

    /** The x position of the chart's date marker in the deaths panel. */
    const markerX = async (at: string) =>
      Number(
        await page
          .locator(
            `[data-testid=activity-chart] svg[data-panel=deaths] line[aria-label="timeline date ${at}"]`,
          )
          .getAttribute('x1'),
      );

    it('a case without an `events:` mapping asks the event routes nothing and says what to add', async () => {
      await open(false);
      await page.getByLabel('Focus on an actor').selectOption('isk');
      await expect
        .poll(() => page.getByTestId('activity-empty').textContent())
        .toContain('add an `events:` section');
      await page.getByRole('tab', { name: 'Claims' }).click();
      await page.getByTestId('claims').waitFor();
      expect(asked).toEqual([]);
      expect(askedObserved).toBe(0);
      expect(await page.getByTestId('observed-verdict').count()).toBe(0);
    });

    it('focusing IS-K shows its yearly deaths (2,842 in 2018), the source, and a marker that follows the timeline', async () => {
      await open(true);
      const activity = page.getByTestId('activity');
      await expect.poll(() => activity.textContent()).toContain('Select an actor');
      expect(asked).toEqual([]);

      await page.getByLabel('Focus on an actor').selectOption('isk');
      const chart = page.getByTestId('activity-chart');
      await chart.locator('svg[data-panel=deaths]').waitFor();
      expect(asked[asked.length - 1]).toMatchObject({ key: { actor: 'isk' }, by: 'year' });
      expect(typeof asked[asked.length - 1]?.caseId).toBe('string');
      // Both panels, the band behind the deaths line.
      expect(await chart.locator('svg[data-panel=events]').count()).toBe(1);
      // The accessible name carries the numbers: 679 + 2,842 + 264 = 3,785, most in 2018.
      expect(await chart.getAttribute('aria-label')).toBe(
        'UCDP events and deaths of Islamic State–Khorasan per year, 2015 to 2021; deaths: 3,785 in all, most in 2018 (2,842); events: 3 in all, most in 2015 (1).',
      );
      expect(await page.getByTestId('activity-source').textContent()).toContain(
        'Source: UCDP (ucdp-dyadic 24.1) — actor isk, by year (route stand-in)',
      );
      await expect.poll(() => activity.textContent()).toContain('IS is IS-K only for rows located');

      // The table alternative, opened from the keyboard: 2018's row reads 2,842 (2,842–3,131).
      await page.getByText('Data table').focus();
      await page.keyboard.press('Enter');
      const row2018 = page.getByTestId('activity-table').getByRole('row', { name: /^2018/ });
      expect(await row2018.textContent()).toBe('201812,8422,842–3,131');
      // The figure itself takes focus (its accessible name is read then).
      expect(await chart.getAttribute('tabindex')).toBe('0');

      // The marker sits at the timeline's date (2023) and moves left with the timeline (2022).
      await page.screenshot({ path: `${SHOTS}/activity.png`, fullPage: true });
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

      // By month: a new request, a new series.
      await page.getByLabel('Event activity per').selectOption('month');
      await expect
        .poll(() => page.getByTestId('activity-source').textContent())
        .toContain('by month');
      expect(asked[asked.length - 1]).toMatchObject({ key: { actor: 'isk' }, by: 'month' });
    });

    it('a selected tie asks for its dyad, and an empty answer says there are no rows', async () => {
      await open(true);
      const ok = await page.evaluate('window.__entente.selectTie("ttp", "pakistan")');
      expect(ok).toBe(true);
      await expect
        .poll(() => page.getByTestId('activity-empty').textContent())
        .toBe('No rows for this dyad in the event data.');
      const key = asked[asked.length - 1]?.key as { dyad: readonly string[] };
      expect([...key.dyad].sort()).toEqual(['pakistan', 'ttp']);
      expect(await page.getByTestId('activity').textContent()).toContain('Pakistan');
    });

    it('without event data the chart says to ingest, and the Claims tab says observed claims are not evaluated', async () => {
      await open(true);
      loaded = false;
      await page.getByLabel('Focus on an actor').selectOption('isk');
      await expect
        .poll(() => page.getByTestId('activity-empty').textContent())
        .toContain('No event data loaded — run `entente events ingest');
      await page.getByRole('tab', { name: 'Claims' }).click();
      await expect
        .poll(() => page.getByTestId('observed-unavailable').textContent())
        .toContain('observed hypotheses are not evaluated');
      expect(await page.getByTestId('observed-verdict').count()).toBe(0);
    });

    it('the Claims tab shows observed verdicts beside the model’s: ¶8’s in its claim’s row, the other in “Observed”, no data never as fails', async () => {
      await open(true);
      await page.getByRole('tab', { name: 'Claims' }).click();
      const table = page.getByTestId('claims');
      await table.getByTestId('observed-verdict').first().waitFor();
      expect(askedObserved).toBeGreaterThan(0);
      const verdicts = table.getByTestId('observed-verdict');
      expect(await verdicts.count()).toBe(2);
      // ¶8's verdict sits in the row group of the claim made in ¶8 (engagement-has-not-curbed).
      const claimGroup = table.locator('tbody', { hasText: 'engagement-has-not-curbed' }).first();
      const first = claimGroup.getByTestId('observed-verdict');
      expect(await first.count()).toBe(1);
      const text = (await first.textContent()) ?? '';
      expect(text).toContain('groups-activity-grew: holds');
      expect(text).toContain(
        'effect 42% against min effect > 5%; 2019-08–2021-07: mean 100 → 2021-08–2023-07: mean 142; UCDP 24.1 deaths_best of isk + ttp per month',
      );
      expect(text).toContain('2023: UCDP GED candidate events, not final');
      // The other verdict has no listed claim: the "Observed" group, read as "no data".
      const group = page.getByTestId('observed-group');
      const other = (await group.textContent()) ?? '';
      expect(other).toContain('etim-activity: no data');
      expect(other).toContain('no data: no rows mapped to etim (min effect > 5%)');
      expect(other).not.toContain('fails');
      await page.screenshot({ path: `${SHOTS}/claims.png`, fullPage: true });
      expect(await group.getByTestId('observed-verdict').getAttribute('data-status')).toBe(
        'no-data',
      );
    });
  },
);
