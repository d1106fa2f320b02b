/**
 * Regenerates the README's screenshot, `docs/img/workbench.png` (`npm run screenshot`): the
 * workbench on the built-in case at its date, the map grouped by the landscape's most stable
 * configuration, with the evidence behind the Pakistan–Taliban tie beside it; and
 * docs/calibration.md's `docs/img/calibration.png`: the Calibration tab on the committed
 * calibration `examples/calibration` (`npm run examples` writes it), in a tall window so that the
 * whole tab shows.
 *
 * The browser tests never write it (they write only to temporary folders), so the tracked image
 * changes only when someone runs this and commits the result. It builds the workbench with its
 * test hook (`vite build --mode test`, which exposes `window.__entente`) into a temporary folder,
 * serves it with the built server (`packages/server/dist`, so run `npx tsc -b` first; the npm
 * script does) on 127.0.0.1 and drives Debian's chromium through playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const path = (p) => fileURLToPath(new URL(p, import.meta.url));
const SERVER = path('../packages/server/dist/index.js');
const OUT = path('../docs/img/workbench.png');
const OUT_CALIBRATION = path('../docs/img/calibration.png');
const CALIBRATION = path('../examples/calibration');

if (!existsSync(SERVER)) {
  console.error(`screenshot: ${SERVER} is missing; run \`npx tsc -b\` first.`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`screenshot: ${CHROMIUM} is missing (apt-get install chromium).`);
  process.exit(1);
}

const { build } = await import('vite');
const { chromium } = await import('playwright-core');
const { createServer } = await import(SERVER);

const dist = await mkdtemp(join(tmpdir(), 'entente-screenshot-'));
let app;
let browser;
try {
  await build({
    configFile: path('../packages/web/vite.config.ts'),
    mode: 'test',
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true },
  });
  app = createServer({ webRoot: dist, calibration: CALIBRATION });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/`);
  await page.waitForFunction(() => globalThis.__entente?.mapReady === true);
  await page.getByLabel('Group the map by').selectOption('landscape:0');
  const selected = await page.evaluate(() => globalThis.__entente.selectTie('pakistan', 'taliban'));
  if (!selected) throw new Error('screenshot: the Pakistan–Taliban tie is not on the map');
  await page.getByTestId('evidence').getByText('Pakistan — Taliban').first().waitFor();
  await mkdir(path('../docs/img'), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`screenshot: wrote ${OUT}`);

  const tall = await browser.newPage({ viewport: { width: 1440, height: 2300 } });
  await tall.goto(`${base}/`);
  await tall.waitForFunction(() => globalThis.__entente?.mapReady === true);
  await tall.getByRole('tab', { name: 'Calibration' }).click();
  await tall.getByTestId('calibration-pairs').locator('svg[data-cell]').first().waitFor();
  await tall.getByTestId('calibration-fit').first().locator('svg').waitFor();
  await tall.locator('.side-pane').screenshot({ path: OUT_CALIBRATION });
  console.log(`screenshot: wrote ${OUT_CALIBRATION}`);
} finally {
  await browser?.close();
  await app?.close();
  await rm(dist, { recursive: true, force: true });
}
