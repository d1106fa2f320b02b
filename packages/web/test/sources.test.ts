/**
 * Browser test of the Sources tab (issue 13): Debian's chromium driven by playwright-core against
 * the real server serving the workbench built with its test hook into a temporary folder (as in
 * workbench.test.ts). A short text with three relations is pasted and read in the page; two
 * proposals are accepted (one of them edited) and one rejected; "Apply accepted" puts the merged
 * case into the case editor, whose text (downloaded, as an analyst would save it) holds exactly
 * the two. Applied to the session, the evidence panel then quotes the source's own sentence.
 * Tagged `browser`.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  chromiumPresent,
  collectPageErrors,
  type LocalServer,
  launchChromium,
  serveLocal,
} from './browser-harness.js';
import { buildTestApp } from './build-test-app.js';

const haveChromium = chromiumPresent('Sources tab browser test');

/** Three sentences, one relation each (checked by the proposals the page lists). */
const HOSTS = 'Qatar hosts the Taliban political office.';
const DEAL = 'China signed a trade deal with Iran.';
const ATTACK = 'Russia attacked IS-K.';
const TEXT = `${HOSTS}\n\n${DEAL}\n\n${ATTACK}\n`;
const DOC_ID = `doc-${createHash('sha256').update(TEXT, 'utf8').digest('hex').slice(0, 8)}`;

type Hook = { __entente?: { mapReady: boolean; selectTie?: (a: string, b: string) => boolean } };

describe.skipIf(!haveChromium)('Sources tab in chromium', { tags: ['browser'] }, () => {
  let app: LocalServer['app'];
  let base = '';
  let browser: Browser;
  let DIST = '';
  let DOWNLOADS = '';
  /** Screenshots of this run, for a person to look at (never compared, never tracked). */
  let SHOTS = '';

  beforeAll(async () => {
    DIST = await mkdtemp(join(tmpdir(), 'entente-web-sources-'));
    DOWNLOADS = await mkdtemp(join(tmpdir(), 'entente-web-sources-dl-'));
    SHOTS = await mkdtemp(join(tmpdir(), 'entente-sources-shots-'));
    console.info(`Sources tab screenshots: ${SHOTS}`);
    await buildTestApp(DIST);
    ({ app, base } = await serveLocal({ webRoot: DIST }));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    for (const d of [DIST, DOWNLOADS]) if (d) await rm(d, { recursive: true, force: true });
  });

  it('accepts two proposals, rejects one, and finds exactly the two in the case editor', async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
    });
    const errors: string[] = [];
    const page = await context.newPage();
    collectPageErrors(page, errors);
    try {
      await page.goto(`${base}/`);
      await page.waitForFunction(
        () => (globalThis as unknown as Hook).__entente?.mapReady === true,
      );

      await page.getByRole('tab', { name: 'Sources' }).click();
      await page.getByLabel('Text', { exact: true }).fill(TEXT);
      await page.getByLabel(/Document date/).fill('2024-03-01');
      await page.getByRole('button', { name: 'Extract relations' }).click();
      const items = page.getByTestId('proposal');
      await items.first().waitFor({ timeout: 60_000 });
      expect(await items.count()).toBe(3);
      // Mentions and relation sentences are marked in the text shown.
      expect(await page.locator('.source-text .seg.mention').count()).toBeGreaterThanOrEqual(6);
      expect(await page.locator('.source-text .seg.rel').count()).toBeGreaterThanOrEqual(3);

      // Accept the first and third, reject the second — with the keyboard for one of them.
      await page.getByRole('button', { name: /^Accept proposal 1:/ }).click();
      await page.getByRole('button', { name: /^Reject proposal 2:/ }).click();
      await page.getByRole('button', { name: /^Accept proposal 3:/ }).focus();
      await page.keyboard.press('Enter');
      // Edit the third: IS-K threatens Russia (type, sign and direction changed).
      await page.getByRole('button', { name: /^Edit proposal 3:/ }).click();
      await page.getByLabel('Type of proposal 3').selectOption('threat');
      await page.getByLabel('From actor of proposal 3').selectOption('isk');
      await page.getByLabel('To actor of proposal 3').selectOption('russia');
      await page.getByLabel('Sign of proposal 3').selectOption('-1');
      expect(await page.locator('[data-testid="proposal"][data-status="accepted"]').count()).toBe(
        2,
      );
      await page.screenshot({ path: `${SHOTS}/sources.png` });
      await page.getByRole('button', { name: /Apply accepted \(2\)/ }).click();

      // The editor opens with the merged case, which validates.
      await page.getByTestId('editor-valid').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('editor-status').textContent()).toContain(
        '2 accepted relation(s)',
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('editor-download').click(),
      ]);
      const saved = join(DOWNLOADS, 'case.yaml');
      await download.saveAs(saved);
      const text = await readFile(saved, 'utf8');
      const merged = parse(text) as {
        sources: { id: string }[];
        relations: {
          from: string;
          to: string;
          type: string;
          evidence?: { source: string; span?: number[] }[];
        }[];
      };
      expect(merged.sources.filter((s) => s.id === DOC_ID)).toHaveLength(1);
      const cited = merged.relations.flatMap((r) =>
        (r.evidence ?? [])
          .filter((e) => e.source === DOC_ID)
          .map((e) => ({
            pair: [r.from, r.to].sort().join('|'),
            rel: `${r.from} ${r.type} ${r.to}`,
            span: e.span,
          })),
      );
      expect(cited.map((c) => c.pair).sort()).toEqual(['isk|russia', 'qatar|taliban']);
      expect(cited.map((c) => c.rel)).toContain('isk threat russia');
      const quoted = cited.map((c) => TEXT.slice(c.span?.[0] ?? 0, c.span?.[1] ?? 0)).sort();
      expect(quoted).toEqual([ATTACK, HOSTS].sort());
      expect(text).not.toContain(DEAL);

      // Applied to the session, the evidence panel quotes the source's sentence.
      await page.getByTestId('editor-apply').click();
      await page
        .getByTestId('editor-status')
        .filter({ hasText: 'Applied' })
        .waitFor({ timeout: 30_000 });
      await page.waitForFunction(
        () => (globalThis as unknown as Hook).__entente?.mapReady === true,
      );
      await page.waitForFunction(
        () => (globalThis as unknown as Hook).__entente?.selectTie?.('qatar', 'taliban') === true,
        undefined,
        { timeout: 30_000 },
      );
      await page.getByRole('tab', { name: 'Evidence' }).click();
      await page
        .getByTestId('evidence-quote')
        .filter({ hasText: HOSTS })
        .first()
        .waitFor({ timeout: 20_000 });
      await page.screenshot({ path: `${SHOTS}/evidence-quote.png` });
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  });
});
