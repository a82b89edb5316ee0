/**
 * What the task pane's browser tests share: a production build of the pane in a temporary folder, a tiny static
 * server on 127.0.0.1 (random port), and Chromium that refuses every request that is not to the page's own origin.
 * office.js is requested from Office's CDN exactly as in production and answered from
 * node_modules/@microsoft/office-js/dist, so nothing leaves the machine; anything else is aborted and recorded, and
 * the tests fail on it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts/excel-addin');
const OFFICE_JS_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_CDN_PREFIX = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** office.js, outside Office, tries to frame Microsoft's telemetry proxy; the pane's CSP blocks it, as it should. */
export const OFFICE_TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com/';

export { CHROMIUM_ARGS, launchChromium } from '../support/chromium.js';

/** Builds the task pane with the project's vite.config.ts into a temporary folder. */
export async function buildPane(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'pr-taskpane-'));
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build: build as `npm run build` does
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = before;
  }
  return outDir;
}

export { serveStatic, type StaticServer } from '../support/serve-dir.js';

/** What a guarded page saw that a test must fail on. */
export interface PageWatch {
  /** requests to anywhere but the page's origin (and office.js, answered locally), all aborted */
  outside: string[];
  /** uncaught errors in the page */
  errors: string[];
  /** Content-Security-Policy violations reported in the page */
  csp: { directive: string; blocked: string }[];
}

/** A browser context whose pages may talk only to `origin`; office.js comes from node_modules. */
export async function guardedContext(
  browser: Browser,
  origin: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; watch: PageWatch }> {
  const watch: PageWatch = { outside: [], errors: [], csp: [] };
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', ...options });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (url.startsWith(OFFICE_CDN_PREFIX)) {
      const rel = normalize(new URL(url).pathname.slice('/lib/1/hosted/'.length));
      const file = join(OFFICE_JS_DIST, rel);
      if (file.startsWith(OFFICE_JS_DIST + sep) && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(file) });
      }
    }
    watch.outside.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: { directive: string; blocked: string }[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
  return { context, watch };
}

export function watchPage(page: Page, watch: PageWatch): void {
  page.on('pageerror', (e) => watch.errors.push(e.message));
}

export async function collectCsp(page: Page, watch: PageWatch): Promise<void> {
  const list = await page.evaluate(() => (window as unknown as { __csp: { directive: string; blocked: string }[] }).__csp);
  watch.csp.push(...list);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
