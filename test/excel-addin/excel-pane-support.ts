/**
 * The built task pane opened as Excel opens it, in headless Chromium, with the Office.js fake answering in place of
 * office.js (fake-office-browser.ts): office.js's address is answered with the bundled fake, everything else but
 * the pane's own origin is refused.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FakeExcelPageConfig } from './fake-office-browser.js';
import { buildOfficeJsModel } from './office-js-types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The fake as one browser script; office-js-types.ts (Node: it reads @types/office-js) is swapped for the pure checks. */
export async function bundleFakeOffice(): Promise<string> {
  const out = await build({
    entryPoints: [join(HERE, 'fake-office-browser.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
    plugins: [
      {
        name: 'office-js-check-in-the-page',
        setup(b) {
          b.onResolve({ filter: /office-js-types\.js$/ }, () => ({ path: join(HERE, 'office-js-check.ts') }));
        },
      },
    ],
  });
  return out.outputFiles[0]!.text;
}

export interface ExcelPane {
  context: BrowserContext;
  page: Page;
  /** requests to anywhere but the pane's origin and office.js (refused) */
  outside: string[];
  errors: string[];
}

/** Opens the built pane at `origin` as Excel would, on a fake Excel set up by `config`. */
export async function openExcelPane(
  browser: Browser,
  origin: string,
  script: string,
  config: Omit<FakeExcelPageConfig, 'model'>,
): Promise<ExcelPane> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 420, height: 900 } });
  const outside: string[] = [];
  const errors: string[] = [];
  const body = `window.__fakeExcelConfig = ${JSON.stringify({ ...config, model: buildOfficeJsModel() })};\n${script}`;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  // Office opens the pane with _host_Info in its address
  await page.goto(`${origin}/taskpane.html?_host_Info=Excel$Win32$16.01$en-GB$$$$0`);
  return { context, page, outside, errors };
}
