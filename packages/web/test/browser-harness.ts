/**
 * What the workbench's browser tests share: the real server on an ephemeral port of 127.0.0.1,
 * Debian's chromium driven by playwright-core (the flags the machine's notes give: no sandbox as
 * root, no GPU, no background networking on a closed network), and a page's console errors
 * collected so a test can assert there were none.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type ServerOptions } from '@entente/server';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium; the browser tests skip (and fail under CI) without it. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether Debian's chromium is there. Without it the browser tests skip with a loud notice, and
 * fail when CI is set (the CI script installs it).
 */
export function chromiumPresent(tests: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${tests}: ${CHROMIUM} is missing (CI is set)`);
  console.warn(`\n*** ${tests} SKIPPED: ${CHROMIUM} not found ***\n`);
  return false;
}

/** A listening server and the base URL of its address. */
export interface LocalServer {
  readonly app: ReturnType<typeof createServer>;
  readonly base: string;
}

/** Starts the real server with `options` on 127.0.0.1 and an ephemeral port. */
export async function serveLocal(options: ServerOptions): Promise<LocalServer> {
  const app = createServer(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Launches headless chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Pushes the page's console errors and uncaught exceptions onto `errors`, except console errors
 * whose source URL `expected` accepts (a 404 a test provokes on purpose).
 */
export function collectPageErrors(
  page: Page,
  errors: string[],
  expected: (url: string) => boolean = () => false,
): void {
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected(m.location().url)) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
}
