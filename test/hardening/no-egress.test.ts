/**
 * No network egress (issue 7): the task pane and the sidebar make no request to anywhere but their own origin
 * (and, in production, Office's CDN for office.js). Checked three ways:
 * - the built HTML carries a Content-Security-Policy with `connect-src 'self'`, and no `eval`/`new Function`;
 * - every URL in the built HTML/JS/CSS is scanned: the only external address allowed is office.js on Office's CDN
 *   (plus XML namespace names — including the Office Open XML ones docx writes into its documents — and library
 *   message links, which are identifiers, never fetched);
 * - the pages load in headless Chromium from 127.0.0.1 (office.js served locally) and a request to any other origin
 *   fails the test (and is blocked before it leaves).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launch, watch } from './support/browser.js';
import { builtSidebar, builtTaskpane, filesUnder } from './support/builds.js';
import { repoPath } from './support/paths.js';
import { serveStatic, type StaticServer } from './support/static-server.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = '/lib/1/hosted/office.js';
const OFFICE_JS_DIST = repoPath('node_modules', '@microsoft', 'office-js', 'dist');
/** office.js, loaded outside Office, tries to frame Microsoft's telemetry page; the task pane's CSP refuses it. */
const OFFICE_JS_TELEMETRY_FRAME = /telemetryservice\.firstpartyapps\.oaspapps\.com/;

/**
 * URLs that appear in the bundles as names or as words in a message, never as addresses fetched: XML namespaces,
 * JSON Schema identifiers (zod), the `http://[…]` zod builds to check an IPv6 address with `new URL`, and the
 * links libraries print in console messages (React's error decoder, Griffel's warnings in the sidebar bundle).
 * The `docx` package (the "Download report" feature: a lazy chunk in the task pane, inlined in the sidebar) writes
 * the Office Open XML namespace and relationship-type names into the .docx it builds (schemas.openxmlformats.org,
 * schemas.microsoft.com/office, Dublin Core on purl.org, XMLSchema-instance, the Strict theme relationship type on
 * purl.oclc.org) and links one Microsoft Answers page in an error message (more than 9 list levels).
 * Anything else fails the test. The browser tests and the CSP are what stop requests; this catches new addresses.
 */
const IDENTIFIER_URLS = [
  /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|1998\/Math\/MathML|XML\/1998\/namespace|2000\/xmlns\/?|2001\/XMLSchema-instance)$/,
  // Office Open XML namespaces and relationship types (http only, plain path segments, no query)
  /^http:\/\/schemas\.openxmlformats\.org\/(drawingml|markup-compatibility|officeDocument|package|spreadsheetml|wordprocessingml)\/[\w./-]+$/,
  /^http:\/\/schemas\.microsoft\.com\/office\/[\w./-]+$/,
  /^http:\/\/purl\.org\/dc\/(elements\/1\.1|terms|dcmitype)\/$/,
  /^http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships\/theme$/,
  /^https:\/\/answers\.microsoft\.com\/en-us\/msoffice\/forum\/all\/does-word-support-more-than-9-list-levels\/d130fdcd-1781-446d-8c84-c6c79124e4d7$/,
  /^https?:\/\/json-schema\.org\/draft(-0[47]|\/2020-12)\/schema#?$/,
  /^http:\/\/\[\$$/,
  /^https:\/\/react\.dev\/errors\/?$/,
  /^https:\/\/reactjs\.org\/docs\/error-decoder\.html\??$/,
  /^https:\/\/aka\.ms\/griffel-[a-z-]+$/,
  /^https:\/\/github\.com\/microsoft\/griffel\/issues$/,
];

/** Every http(s) URL written in a text (up to the first character that cannot be in one). */
function urlsIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'`<>()\\{}|^]+/g)].map((m) => m[0].replace(/[.,;:]+$/, ''));
}

function isIdentifierUrl(u: string): boolean {
  return IDENTIFIER_URLS.some((re) => re.test(u));
}

/** The Content-Security-Policy meta of a page, as directive → sources. */
const CSP_META = /<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(["'])(.*?)\2\s*\/?>/is;

function cspOf(html: string): Map<string, string[]> | null {
  const m = CSP_META.exec(html);
  if (!m) return null;
  const out = new Map<string, string[]>();
  for (const part of m[3]!.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

function expectLockedDownCsp(html: string, where: string): void {
  const csp = cspOf(html);
  expect(csp, `${where} has no Content-Security-Policy meta`).not.toBeNull();
  expect(csp!.get('connect-src'), `${where}: connect-src`).toEqual(["'self'"]);
  expect(csp!.get('default-src'), `${where}: default-src`).toEqual(["'self'"]);
  for (const [name, sources] of csp!) {
    expect(sources, `${where}: ${name} allows eval`).not.toContain("'unsafe-eval'");
    // no wildcard hosts, no scheme-wide sources
    for (const s of sources) expect(s, `${where}: ${name} ${s}`).not.toMatch(/^(\*|https?:|data:\*|wss?:)$/);
  }
}

/** The page without comments and without its CSP (checked on its own): what it loads and links to. */
function pageBody(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(CSP_META, '');
}

/** `eval(` and `new Function(` in code (calls, not the words inside longer names). */
function evalUses(code: string): string[] {
  return [...code.matchAll(/(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(/g)].map((m) => code.slice(Math.max(0, m.index - 40), m.index + 40));
}

const canBrowse = chromiumAvailable();

describe('Excel task pane', () => {
  let dir = '';
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = await builtTaskpane();
    server = await serveStatic({
      root: dir,
      mounts: { '/lib/1/hosted/': OFFICE_JS_DIST },
      // office.js served from this origin in tests; nothing else in the page changes
      html: (html) => html.split(OFFICE_JS).join(OFFICE_JS_LOCAL),
    });
    if (canBrowse) browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a Content-Security-Policy meta: default-src and connect-src self, scripts from self and Office’s CDN only, no unsafe-eval', () => {
    const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
    expectLockedDownCsp(html, 'taskpane.html');
    const csp = cspOf(html)!;
    expect(csp.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no external address in the production HTML except office.js on Office’s CDN', () => {
    const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
    expect(urlsIn(pageBody(html)).filter((u) => !isIdentifierUrl(u))).toEqual([OFFICE_JS]);
    // every script, style sheet and icon the page loads is relative (its own origin) or office.js
    const loads = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\s(?:src|href)=["']([^"']+)["']/gi)].map((m) => m[1]!);
    expect(loads.length).toBeGreaterThan(0);
    for (const u of loads) expect(u === OFFICE_JS || !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(u), u).toBe(true);
  });

  it('bundles no eval, no new Function and no external address', () => {
    const files = filesUnder(dir).filter((f) => /\.(js|mjs|css|html)$/.test(f));
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const found: string[] = [];
    for (const f of files) {
      const raw = readFileSync(join(dir, f), 'utf8');
      const text = f.endsWith('.html') ? pageBody(raw) : raw;
      for (const e of evalUses(text)) found.push(`${f}: …${e}…`);
      for (const u of urlsIn(text)) if (u !== OFFICE_JS && !isIdentifierUrl(u)) found.push(`${f}: ${u}`);
    }
    expect(found).toEqual([]);
  });

  it.skipIf(!canBrowse)(
    'creates a review and builds its summary in the browser preview with no request to any other origin',
    async () => {
      const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
      const w = await watch(page, server!.origin);
      await page.goto(`${server!.origin}/taskpane.html`, { waitUntil: 'load' });
      // outside Office the pane runs the core on an in-page workbook: use it end to end
      await page.getByRole('button', { name: 'Build summary' }).first().waitFor({ timeout: 45_000 });
      const partnership = page.getByRole('textbox', { name: 'Partnership' });
      // the create form is a section that may start folded: open it when it is
      if (!(await partnership.isVisible())) await page.getByRole('button', { name: 'Create review' }).first().click();
      await partnership.fill('Kensington and Chelsea');
      await page.getByRole('textbox', { name: 'Respondents' }).fill('Ann Smith\nBen Jones');
      await page.getByRole('button', { name: 'Create review' }).last().click();
      await expect
        .poll(
          () =>
            page
              .getByRole('tab', { name: 'Responses' })
              .or(page.getByText('Responses', { exact: true }))
              .count(),
          { timeout: 45_000 },
        )
        .toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Build summary' }).first().click();
      await expect.poll(() => page.getByText(/Summary built/).count(), { timeout: 45_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(2_000); // late attempts (telemetry, beacons) show up here
      expect(w.all.some((u) => u.endsWith(OFFICE_JS_LOCAL))).toBe(true);
      expect(w.foreign).toEqual([]);
      // office.js itself tries to open a telemetry frame outside Office; the CSP blocks it (no request is made).
      // Any other violation — our code reaching out, or an eval — fails here.
      expect(w.cspViolations.filter((v) => !OFFICE_JS_TELEMETRY_FRAME.test(v))).toEqual([]);
      expect(w.errors.filter((e) => !OFFICE_JS_TELEMETRY_FRAME.test(e))).toEqual([]);
      await page.close();
    },
    150_000,
  );

  it.skipIf(!canBrowse)('refuses, through its CSP, a request the page itself tries to make elsewhere', async () => {
    const page = await browser!.newPage();
    const w = await watch(page, server!.origin);
    await page.goto(`${server!.origin}/taskpane.html`, { waitUntil: 'load' });
    const outcome = await page.evaluate(() =>
      fetch('https://example.org/leak?x=1').then(
        () => 'sent',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    // the CSP refused it (not only the test's own block): the browser reports a connect-src violation
    await expect.poll(() => w.cspViolations.some((v) => v.startsWith('connect-src') && v.includes('example.org'))).toBe(true);
    await page.close();
  });
});

describe('Google Sheets sidebar', () => {
  let dir = '';
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = await builtSidebar();
    server = await serveStatic({ root: dir });
    if (canBrowse) browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a Content-Security-Policy meta with default-src and connect-src self and no unsafe-eval', () => {
    expectLockedDownCsp(readFileSync(join(dir, 'sidebar.html'), 'utf8'), 'sidebar.html');
  });

  it('names no external address at all and holds no eval or new Function', () => {
    const html = readFileSync(join(dir, 'sidebar.html'), 'utf8');
    expect(urlsIn(pageBody(html)).filter((u) => !isIdentifierUrl(u))).toEqual([]);
    expect(evalUses(html)).toEqual([]);
    expect([...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\s(?:src|href)=/gi)]).toEqual([]);
  });

  it('the Apps Script server code makes no outside request (no UrlFetchApp) and holds no eval', () => {
    const code = readFileSync(join(dir, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/UrlFetchApp|MailApp|GmailApp|DriveApp/);
    expect(evalUses(code)).toEqual([]);
  });

  it.skipIf(!canBrowse)(
    'loads and runs in Chromium with no request to any other origin',
    async () => {
      const page = await browser!.newPage();
      const w = await watch(page, server!.origin);
      // google.script.run as the sidebar frame provides it, answering from the page (no server here)
      await page.addInitScript(() => {
        const answers: Record<string, unknown> = {
          prFrameworks: [
            {
              id: 'partnership-tree',
              title: 'Partnership tree',
              description: 'Six characteristics',
              source: 'Seed 000',
              items: 6,
              multiplePartnerships: false,
            },
          ],
          prCheck: { ok: true, message: 'No problems found.', problems: [], tabsWritten: [] },
          prSummarise: { ok: true, message: 'Summary built.', problems: [], tabsWritten: ['Summary'] },
          prPlan: { ok: true, message: 'Plan drafted.', problems: [], tabsWritten: ['Improvement Plan'] },
          prCreate: { ok: true, message: 'Review created.', problems: [], tabsWritten: ['Responses'] },
          prSelect: null,
        };
        const runner = (): unknown => {
          let ok: (v: unknown) => void = () => undefined;
          const r: Record<string, unknown> = {
            withSuccessHandler(h: (v: unknown) => void) {
              ok = h;
              return r;
            },
            withFailureHandler() {
              return r;
            },
          };
          for (const name of Object.keys(answers)) r[name] = () => setTimeout(() => ok(answers[name]), 10);
          return r;
        };
        (window as unknown as { google: unknown }).google = {
          script: {
            get run() {
              return runner();
            },
          },
        };
      });
      await page.goto(`${server!.origin}/sidebar.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, { timeout: 30_000 });
      // use it: the buttons go through google.script.run (answered in the page above) and show the outcome
      await page.getByRole('button', { name: 'Check entries' }).first().click();
      await expect.poll(() => page.getByText('No problems found.').count(), { timeout: 45_000 }).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Build summary' }).first().click();
      await expect.poll(() => page.getByText('Summary built.').count(), { timeout: 45_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1_500);
      expect(w.foreign).toEqual([]);
      expect(w.cspViolations).toEqual([]);
      expect(w.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
      await page.close();
    },
    150_000,
  );
});
