/**
 * What the task pane's browser tests share: one production build of the pane per run (test/support/pane-build.ts),
 * a tiny static server on 127.0.0.1 (random port), and Chromium that refuses every request that is not to the page's
 * own origin. office.js is requested from Office's CDN exactly as in production and answered from
 * node_modules/@microsoft/office-js/dist, so nothing leaves the machine; anything else is aborted and recorded, and
 * the tests fail on it. `useServedPane()` sets all of it up for a test file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { firstLoadScripts } from '../../bench/bundle.js';
import { getFramework } from '../../core/framework/catalogue.js';
import { entryColumns } from '../../core/sheet-plan/layout.js';
import { a1 } from '../../core/util/a1.js';
import { launchChromium } from '../support/chromium.js';
import { builtPane } from '../support/pane-build.js';
import { serveStatic, type StaticServer } from '../support/serve-dir.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts/excel-addin');
const OFFICE_JS_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_CDN_PREFIX = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** office.js, outside Office, tries to frame Microsoft's telemetry proxy; the pane's CSP blocks it, as it should. */
export const OFFICE_TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com/';

export { CHROMIUM_ARGS, launchChromium } from '../support/chromium.js';
export { builtPane } from '../support/pane-build.js';

/** The served pane of a test file: valid inside its tests (after `beforeAll`). */
export interface ServedPane {
  /** the build folder (shared by the run: read it, never change it) */
  readonly dist: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * Builds the pane (once per run, see builtPane), serves it and launches Chromium before the file's tests, and stops
 * both after them. `browser: false` for a file that only fetches.
 */
export function useServedPane(opts: { browser?: boolean } = {}): ServedPane {
  let dist = '';
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dist = await builtPane();
    server = await serveStatic(dist);
    if (opts.browser !== false) browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(what: string, v: T | undefined): T => {
    if (v === undefined || v === '') throw new Error(`the served pane's ${what} is used before beforeAll has run`);
    return v;
  };
  return {
    get dist() {
      return ready('build', dist);
    },
    get origin() {
      return ready('server', server).origin;
    },
    get browser() {
      return ready('browser', browser);
    },
  };
}

/** The pane's first load: the entry script and what it imports statically (what runs before any dynamic import). */
export function firstLoad(dist: string): { scripts: Set<string>; gzipBytes: number } {
  const scripts = new Set(firstLoadScripts(dist));
  let gzipBytes = 0;
  for (const p of scripts) gzipBytes += gzipSync(readFileSync(p)).length;
  return { scripts, gzipBytes };
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

/**
 * axe-core over the pane (the preview's grid beside it excluded): WCAG 2.0, 2.1 and 2.2 A and AA and best practices.
 * Evaluated through the DevTools protocol, so the pane's Content-Security-Policy (scripts from self only) is untouched.
 */
export async function axeViolations(page: Page): Promise<axe.Result[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(
      { exclude: [['[data-testid="workbook"]']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      },
    ),
  );
  return result.violations;
}

export function watchPage(page: Page, watch: PageWatch): void {
  page.on('pageerror', (e) => watch.errors.push(e.message));
}

export async function collectCsp(page: Page, watch: PageWatch): Promise<void> {
  const list = await page.evaluate(() => (window as unknown as { __csp: { directive: string; blocked: string }[] }).__csp);
  watch.csp.push(...list);
}

/** Creates a partnership-tree review in the preview's pane: the form filled in and submitted, the outcome waited for. */
export async function createTreeReview(page: Page, partnership: string, respondents: string[]): Promise<void> {
  await page.getByRole('combobox', { name: 'Framework' }).click();
  await page.getByRole('option', { name: 'Partnership tree self-assessment' }).click();
  await page.getByRole('textbox', { name: 'Partnership' }).fill(partnership);
  await page.getByRole('textbox', { name: 'Respondents' }).fill(respondents.join('\n'));
  await page.getByRole('form', { name: 'Create review' }).getByRole('button', { name: 'Create review' }).click();
  await expect.poll(() => page.getByTestId('outcome').innerText(), { timeout: 20_000 }).toContain('Review created');
}

/** Types scores down an item's score column of the preview's Responses grid, from the first respondent's row (6). */
export async function typeTreeScores(page: Page, item: string, scores: readonly (number | string)[]): Promise<void> {
  const col = entryColumns(getFramework('partnership-tree')).find((c) => c.itemId === item && c.field === 'score')!.col;
  await page.locator(`[data-testid="workbook"] table[data-tab="Responses"] td[data-cell="${a1(6, col)}"]`).click();
  for (const s of scores) {
    await page.keyboard.type(String(s));
    await page.keyboard.press('Enter'); // commits and moves down, as in Excel
  }
}
