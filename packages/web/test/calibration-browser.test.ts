/**
 * Browser test of the Calibration tab (issue 12, item 3): the real `entente calibrate` (the built
 * CLI, `packages/cli/bin/entente.js`, as `npm test` builds it first) fits the built-in case to
 * UCDP's yearly file with a small budget into a temporary folder; the real server serves it
 * (`createServer({ calibration })`, as `entente serve --calibration DIR` does) with the app built
 * with its test hook; Debian's chromium, driven by playwright-core, opens the tab from the
 * keyboard and the test checks the parameter table, the number of scatter-matrix panels and the
 * fit chart's observed points against the calibration's own files. A second server without a
 * calibration checks the file input: a bad file changes nothing and says why; the three files
 * open. Tagged `browser`; needs `../shared/data` (skipped with a notice without it, failing under
 * CI).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  type CalibrateCommandJson,
  CalibrateCommandSchema,
  type Case,
  loadCase,
} from '@entente/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test-support/shared-data.js';
import type { LocalServer } from './browser-harness.js';
import {
  chromiumPresent,
  collectPageErrors,
  launchChromium,
  serveLocal,
} from './browser-harness.js';
import { buildTestApp } from './build-test-app.js';

const UCDP = 'data/events/ucdp-afpak-annual-1989-2021.csv';
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/entente.js');
const haveChromium = chromiumPresent('calibration browser tests');

const suite = haveChromium ? describeShared : () => undefined;

suite(UCDP, 'the calibration in the workbench', () => {
  describe('Calibration tab in chromium, on a real calibration of the built-in case', {
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
    let RUN = '';
    /** The calibration folder `calibrate --out` wrote. */
    let CAL_DIR = '';
    let cal: CalibrateCommandJson;
    let consoleErrors: string[] = [];

    beforeAll(async () => {
      DIST = await mkdtemp(join(tmpdir(), 'entente-web-calibration-'));
      RUN = await mkdtemp(join(tmpdir(), 'entente-calibration-run-'));
      CAL_DIR = join(RUN, 'cal');
      await promisify(execFile)(
        process.execPath,
        [
          CLI,
          'calibrate',
          '--observed',
          sharedPath(UCDP),
          '--from',
          '2015',
          '--until',
          '2020',
          '--forecast',
          '2021',
          '--runs',
          '1500',
          '--particles',
          '100',
          '--out',
          CAL_DIR,
        ],
        { cwd: ROOT },
      );
      const json = async (f: string) => JSON.parse(await readFile(join(CAL_DIR, f), 'utf8'));
      cal = CalibrateCommandSchema.parse({
        ...(await json('posterior.json')),
        ...(await json('fit.json')),
        ...(await json('forecast.json')),
      });
      await buildTestApp(DIST);
      console.info(`calibration screenshots: ${RUN}`);
      ({ app, base } = await serveLocal({ webRoot: DIST, warmAnalyses: 0, calibration: CAL_DIR }));
      ({ app: bare, base: bareBase } = await serveLocal({ webRoot: DIST, warmAnalyses: 0 }));
      browser = await launchChromium();
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await bare?.close();
      if (DIST) await rm(DIST, { recursive: true, force: true });
    });

    beforeEach(async () => {
      consoleErrors = [];
      context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      // The bare server's 404 for /api/calibration is the expected "none given".
      collectPageErrors(page, consoleErrors, (url) => url.endsWith('/api/calibration'));
    });

    afterEach(async () => {
      await context?.close();
      expect(consoleErrors).toEqual([]);
    });

    /** Opens the workbench (`url`: which server) and the Calibration tab from the keyboard. */
    async function openTab(url: string): Promise<void> {
      await page.goto(`${url}/`);
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { __entente?: { mapReady: boolean } }).__entente?.mapReady ===
          true,
      );
      const tab = page.getByRole('tab', { name: 'Calibration' });
      await tab.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    }

    it('shows the served calibration: header, parameter rows informed first, one panel per pair of informed parameters, the observed points of the fit', async () => {
      await openTab(base);
      const table = page.getByTestId('calibration-parameters');
      await table.waitFor();

      const header = (await page.getByTestId('calibration-header').textContent()) ?? '';
      expect(header).toContain('abc-smc');
      expect(header).toContain(`${cal.particles.length}`);
      expect(header).toContain('2015–2020 (6)');
      expect(header).toContain('ucdp-afpak-annual-1989-2021.csv');
      // Plain ABC carries the CLI's caveat about its dispersion intervals; the tab shows it.
      expect(cal.warnings?.length).toBeGreaterThan(0);
      expect(
        await page.getByTestId('calibration-warnings').locator('li').allTextContents(),
      ).toEqual((cal.warnings ?? []).map((w) => `warning: ${w}`));

      // The rows: every parameter, the informed ones first, flagged as the calibration flags them.
      const informed = cal.posterior.filter((p) => !p.uninformed).map((p) => p.id);
      const uninformed = cal.posterior.filter((p) => p.uninformed).map((p) => p.id);
      const rows = table.locator('tbody tr');
      expect(await rows.locator('th').allTextContents()).toEqual([...informed, ...uninformed]);
      expect(await rows.locator('td:last-child').allTextContents()).toEqual([
        ...informed.map(() => 'informed'),
        ...uninformed.map(() => 'uninformed'),
      ]);
      const first = cal.posterior.find((p) => p.id === informed[0]);
      if (first) {
        const cells = await rows.first().locator('td').allTextContents();
        expect(cells[3]).toBe(first.sdRatio.toFixed(2));
      }

      // The scatter matrix: n(n + 1)/2 panels for the n informed parameters (capped at 8).
      const n = Math.min(8, informed.length);
      expect(n).toBeGreaterThan(0);
      const pairs = page.getByTestId('calibration-pairs');
      await expect.poll(() => pairs.locator('svg[data-cell]').count()).toBe((n * (n + 1)) / 2);
      expect(
        await pairs.locator(`svg[data-cell="${informed[0]}|${informed[0]}"] rect`).count(),
      ).toBeGreaterThan(0);
      if (n > 1)
        expect(
          await pairs.locator(`svg[data-cell="${informed[0]}|${informed[1]}"] circle`).count(),
        ).toBe(cal.particles.length);

      // The fit: one chart per target, as many observed dots as observed dyad-years.
      const targets = new Set([...cal.fit, ...cal.forecast].map((b) => b.dyad));
      const fit = page.getByTestId('calibration-fit');
      await expect.poll(() => fit.locator('svg').count()).toBe(targets.size);
      const observed = [...cal.fit, ...cal.forecast].filter((b) => b.observed !== null).length;
      await expect
        .poll(() => fit.locator('g[aria-description="observed"] circle').count())
        .toBe(observed);
      expect(await page.getByTestId('calibration-score').textContent()).toMatch(
        /^forecast: 3 observed dyad-years, \d+ % inside the 90 % band/,
      );
      // Each chart is headed by its dyad's actor names from the case open in the workbench.
      const loaded = loadCase(await readFile(join(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
      if (!loaded.ok) throw new Error('the built-in case does not load');
      const name = new Map((loaded.case as Case).actors.map((a) => [a.id, a.name]));
      const dyads = [...new Map([...cal.fit, ...cal.forecast].map((b) => [b.dyad, b])).keys()];
      expect(await page.locator('.fit-target h4').allTextContents()).toEqual(
        dyads.map((id) =>
          id
            .split('--')
            .map((a) => name.get(a) ?? `?${a}`)
            .join(' – '),
        ),
      );
      // The table alternative lists every dyad-year, forecast years marked.
      expect(await page.getByTestId('calibration-fit-table').locator('tbody tr').count()).toBe(
        cal.fit.length + cal.forecast.length,
      );
      expect(
        await page.getByTestId('calibration-fit-table').locator('tr[data-period=forecast]').count(),
      ).toBe(cal.forecast.length);

      // Another parameter added to the matrix: (n + 1)(n + 2)/2 panels.
      await page.getByText(/^Parameters shown/).click();
      await page.getByRole('checkbox', { name: uninformed[0] }).check();
      await expect
        .poll(() => pairs.locator('svg[data-cell]').count())
        .toBe(((n + 1) * (n + 2)) / 2);
      // At most 8 parameters (36 panels): the other boxes are then disabled.
      const boxes = page.locator('.pair-picker input[type=checkbox]');
      for (const id of uninformed.slice(1, 8 - n))
        await page.getByRole('checkbox', { name: id }).check();
      await expect.poll(() => pairs.locator('svg[data-cell]').count()).toBe(36);
      expect(
        await boxes.evaluateAll(
          (els) => els.filter((e) => (e as { disabled: boolean }).disabled).length,
        ),
      ).toBe(cal.parameters.length - 8);
      await page.screenshot({ path: join(RUN, 'calibration.png'), fullPage: true });
      // The side pane scrolls: a tall window shows the whole tab.
      await page.setViewportSize({ width: 1440, height: 2400 });
      await page.screenshot({ path: join(RUN, 'calibration-tall.png'), fullPage: true });
    });

    it('without a served calibration the tab says how to get one; a bad file changes nothing and says why; the three files open', async () => {
      await openTab(bareBase);
      await expect
        .poll(() => page.getByTestId('calibration-empty').textContent())
        .toContain('--calibration DIR');
      const input = page.getByTestId('calibration-file');
      const file = async (name: string) => ({
        name,
        mimeType: 'application/json',
        buffer: await readFile(join(CAL_DIR, name)),
      });
      // posterior.json alone lacks the fit and the forecast.
      await input.setInputFiles([await file('posterior.json')]);
      await expect
        .poll(() => page.getByTestId('calibration-file-error').textContent())
        .toMatch(/Not opened: .*posterior\.json: fit: /);
      expect(await page.getByTestId('calibration-empty').count()).toBe(1);

      await input.setInputFiles([
        await file('posterior.json'),
        await file('fit.json'),
        await file('forecast.json'),
      ]);
      const table = page.getByTestId('calibration-parameters');
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(cal.posterior.length);
      expect(await page.getByTestId('calibration-file-error').count()).toBe(0);

      // A bad file now leaves the opened calibration in place.
      await input.setInputFiles([
        { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{') },
      ]);
      await expect
        .poll(() => page.getByTestId('calibration-file-error').textContent())
        .toContain('bad.json: not JSON');
      expect(await table.locator('tbody tr').count()).toBe(cal.posterior.length);
    });
  });
});
