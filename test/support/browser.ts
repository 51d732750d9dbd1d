/**
 * A real browser for the pages: Debian's chromium driven by playwright-core. One browser per
 * test file (launching costs about a second), a fresh context (cookies, storage) per test.
 *
 *   const browser = useBrowser();
 *   it('…', async () => {
 *     const page = browser.page();
 *     await page.goto(`${baseUrl}/api/v1/…`);
 *     await screenshot(page, 'rsvp-form');
 *   });
 *
 * `npm test` installs chromium when it is missing (test/support/ensure-chromium.sh).
 */
import { existsSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { artifactPath } from './artifacts.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, without the sandbox (tests run as root in CI) and without any of chromium's own
 * traffic: with background networking on, its connections are refused many at a time on this
 * kind of machine. Playwright gives every launch a fresh temporary --user-data-dir.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone, since the pages are built for one first. */
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/**
 * `extraArgs` add chromium switches for one test file, such as a fake camera fed from a file:
 * `['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--use-file-for-fake-video-capture=/tmp/qr.y4m']`.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: run 'sudo apt-get install -y chromium' (npm test does it for you) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], timeout: 30_000 });
}

export interface BrowserFixture {
  /** This test's page, in a context of its own. */
  page(): Page;
}

/** Registers the hooks of a test file: one chromium for the file, a new context per test. */
export function useBrowser(options: { viewport?: { width: number; height: number }; args?: readonly string[] | (() => readonly string[]) } = {}): BrowserFixture {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium(typeof options.args === 'function' ? options.args() : options.args);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('The browser did not start (see the error in beforeAll)');
    context = await browser.newContext({ viewport: options.viewport ?? PHONE_VIEWPORT, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });
  return {
    page: () => {
      if (!page) throw new Error('browser.page() is only available inside a test');
      return page;
    },
  };
}

/** Starts the test app listening on a free loopback port; returns its base URL. */
export async function serve(app: NestFastifyApplication): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

/** Every URL the page requests from now on (documents, styles, scripts, images, fetches). */
export function recordRequests(page: Page): { urls: string[]; leavingLocalhost(): string[] } {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return {
    urls,
    leavingLocalhost: () => urls.filter((url) => !isLocal(url)),
  };
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** Console messages of the page: a violation of the Content-Security-Policy shows up here. */
export function recordConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = artifactPath('screenshots', `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
