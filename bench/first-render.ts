/**
 * The task pane's time to first render in headless Chromium: dist/excel-addin served on 127.0.0.1, measured from
 * navigation start (performance.timeOrigin) to the pane's heading (`h1`) being visible, median of 5 loads, each in a
 * fresh browser context (cold cache).
 *
 * Two variants:
 * - `noOffice`: every request but the page's own origin aborted, office.js included, so the pane starts as it does
 *   in any browser without Office (the browser preview);
 * - `withOfficeJs`: office.js requested from Office's CDN exactly as in production and answered from
 *   node_modules/@microsoft/office-js/dist (the pane's own browser tests do the same); everything else aborted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/chromium.js';
import { serveStatic } from '../test/support/serve-dir.js';
import { median } from './timing.js';

export { CHROMIUM, CHROMIUM_ARGS } from '../test/support/chromium.js';
const OFFICE_CDN_PREFIX = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

export interface RenderVariant {
  /** median milliseconds from navigation start to the heading being visible */
  medianMs: number;
  samples: number[];
  /** requests aborted (outside the page's origin), per load */
  aborted: string[];
  errors: string[];
}

export interface FirstRender {
  noOffice: RenderVariant;
  withOfficeJs: RenderVariant | null;
}

/**
 * In the page, before any script: record when an h1 is first laid out and visible. A string, not a function: the
 * TypeScript runner wraps functions with helpers that do not exist in the page.
 */
const WATCH_HEADING = `(() => {
  const check = () => {
    const h = document.querySelector('h1');
    if (!h) return false;
    const r = h.getBoundingClientRect();
    const style = getComputedStyle(h);
    if (r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none') {
      if (window.__prHeadingAt === undefined) window.__prHeadingAt = performance.now();
      return true;
    }
    return false;
  };
  const frame = () => { if (!check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

async function loadOnce(
  browser: Browser,
  url: string,
  origin: string,
  officeJsDir: string | null,
): Promise<{ ms: number; aborted: string[]; errors: string[] }> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const aborted: string[] = [];
  const errors: string[] = [];
  try {
    await context.route('**/*', async (route) => {
      const u = route.request().url();
      if (u.startsWith(`${origin}/`)) return route.continue();
      if (officeJsDir && u.startsWith(OFFICE_CDN_PREFIX)) {
        const file = normalize(join(officeJsDir, new URL(u).pathname.slice('/lib/1/hosted/'.length)));
        if (file.startsWith(officeJsDir + sep) && existsSync(file)) {
          return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(file) });
        }
      }
      aborted.push(u);
      return route.abort('blockedbyclient');
    });
    await context.addInitScript({ content: WATCH_HEADING });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __prHeadingAt?: number }).__prHeadingAt !== undefined, undefined, {
      timeout: 30_000,
      polling: 50,
    });
    const ms = await page.evaluate(() => (window as unknown as { __prHeadingAt: number }).__prHeadingAt);
    return { ms, aborted, errors };
  } finally {
    await context.close();
  }
}

async function variant(browser: Browser, url: string, origin: string, officeJsDir: string | null, loads: number): Promise<RenderVariant> {
  await loadOnce(browser, url, origin, officeJsDir); // warm the browser process itself (not the page: new context each time)
  const samples: number[] = [];
  const aborted = new Set<string>();
  const errors = new Set<string>();
  for (let i = 0; i < loads; i++) {
    const r = await loadOnce(browser, url, origin, officeJsDir);
    samples.push(r.ms);
    r.aborted.forEach((a) => aborted.add(a));
    r.errors.forEach((e) => errors.add(e));
  }
  return { medianMs: median(samples), samples, aborted: [...aborted], errors: [...errors] };
}

export async function measureFirstRender(root: string, loads = 5): Promise<FirstRender> {
  const dist = join(root, 'dist', 'excel-addin');
  if (!existsSync(join(dist, 'taskpane.html'))) throw new Error('dist/excel-addin/taskpane.html is missing: run npm run build:taskpane');
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const url = `${server.origin}/taskpane.html`;
    const officeJsDir = join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
    const noOffice = await variant(browser, url, server.origin, null, loads);
    const withOfficeJs = existsSync(join(officeJsDir, 'office.js')) ? await variant(browser, url, server.origin, officeJsDir, loads) : null;
    return { noOffice, withOfficeJs };
  } finally {
    await browser.close();
    await server.close();
  }
}
