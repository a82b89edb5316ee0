/**
 * Headless Chromium for the no-egress tests: the Debian browser through playwright-core, with everything that
 * Chromium itself would fetch in the background turned off, so any request seen comes from the page.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium } from '../../support/chromium.js';

export { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../../support/chromium.js';

export function launch(): Promise<Browser> {
  return launchChromium();
}

export interface Watched {
  /** every request the page made, as full URLs */
  all: string[];
  /** requests to anywhere but `origin` (blocked before they leave) */
  foreign: string[];
  /** console errors and uncaught page errors */
  errors: string[];
  /** CSP violations the page reported */
  cspViolations: string[];
}

/**
 * Records every request the page makes and aborts any that is not to `origin` (so nothing leaves the machine even
 * when a test is about to fail). `data:` and `blob:` URLs stay in the page and are allowed.
 */
export async function watch(page: Page, origin: string): Promise<Watched> {
  const w: Watched = { all: [], foreign: [], errors: [], cspViolations: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    return route.abort('blockedbyclient');
  });
  const record = (r: Request): void => {
    const url = r.url();
    w.all.push(url);
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) w.foreign.push(url);
  };
  page.on('request', record);
  page.on('websocket', (ws) => w.foreign.push(ws.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  await page.exposeFunction('__prCspViolation', (s: string) => w.cspViolations.push(s));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __prCspViolation(s: string): void }).__prCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return w;
}
