/**
 * The task pane end to end, in headless Chromium, through the browser preview of the production build:
 * create a partnership-tree review → type scores into the grid (one out of scale) → Check entries (the problem names
 * its cell; choosing it selects the cell) → Build summary → Draft improvement plan, reading the resulting cells.
 * Every step is photographed into test-artifacts/excel-addin/. The page may request nothing but its own origin.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { entryColumns } from '../../core/sheet-plan/layout.js';
import { a1 } from '../../core/util/a1.js';
import {
  ARTIFACTS,
  collectCsp,
  firstLoad,
  guardedContext,
  OFFICE_TELEMETRY_FRAME,
  ROOT,
  typeTreeScores,
  useServedPane,
  watchPage,
  type PageWatch,
} from './e2e-support.js';

const pane = useServedPane();
const watches: PageWatch[] = [];

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterEach(() => {
  for (const w of watches.splice(0)) {
    expect(w.outside, 'requests to another origin').toEqual([]);
    expect(w.errors, 'errors in the page').toEqual([]);
    // the only thing the CSP had to stop is office.js framing Microsoft's telemetry outside Office
    expect(
      w.csp.filter((v) => !v.blocked.startsWith(OFFICE_TELEMETRY_FRAME.replace(/\/$/, ''))),
      'CSP violations',
    ).toEqual([]);
  }
});

async function openPane(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; watch: PageWatch }> {
  const { context, watch } = await guardedContext(pane.browser, pane.origin, { viewport: { width: 1280, height: 800 }, ...options });
  watches.push(watch);
  const page = await context.newPage();
  watchPage(page, watch);
  // the pane reads the clock only for the default cycle and "today": fix it, so the run is repeatable
  await page.clock.setFixedTime(new Date('2026-05-15T10:00:00+01:00'));
  await page.goto(`${pane.origin}/taskpane.html`);
  await page.getByRole('heading', { name: 'Partnership Review' }).waitFor();
  await page.getByRole('combobox', { name: 'Framework' }).waitFor();
  return { page, watch };
}

// transitions finished, so a button that has just become enabled is photographed as it looks
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: 'disabled' });

function grid(page: Page, tab: string) {
  return page.locator(`[data-testid="workbook"] table[data-tab="${tab}"]`);
}

/** The raw value of a cell in the grid (as stored) and the text it shows. */
async function cell(page: Page, tab: string, ref: string): Promise<{ value: string; shown: string }> {
  const td = grid(page, tab).locator(`td[data-cell="${ref}"]`);
  return { value: (await td.getAttribute('data-value')) ?? '', shown: (await td.innerText()).trim() };
}

/** The 1-based row whose cell in column `col` holds exactly `text` (first match), or 0. */
async function rowWhere(page: Page, tab: string, col: string, text: string, also?: { col: string; text: string }): Promise<number> {
  return grid(page, tab).evaluate(
    (table, a) => {
      for (const td of Array.from(table.querySelectorAll<HTMLElement>(`td[data-cell^="${a.col}"]`))) {
        const ref = td.dataset.cell ?? '';
        const m = /^([A-Z]+)(\d+)$/.exec(ref);
        if (!m || m[1] !== a.col || td.dataset.value !== a.text) continue;
        if (a.also) {
          const other = table.querySelector<HTMLElement>(`td[data-cell="${a.also.col}${m[2]}"]`);
          if (other?.dataset.value !== a.also.text) continue;
        }
        return Number(m[2]);
      }
      return 0;
    },
    { col, text, also },
  );
}

async function typeInto(page: Page, tab: string, ref: string, text: string): Promise<void> {
  await grid(page, tab).locator(`td[data-cell="${ref}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function outcome(page: Page, contains: string): Promise<string> {
  const box = page.getByTestId('outcome');
  await expect.poll(async () => box.innerText(), { timeout: 20_000 }).toContain(contains);
  return (await box.innerText()).replace(/\s+/g, ' ').trim();
}

// Hand-computed: scores per characteristic for Ann, Ben and Cara (rows 6–8). Ben's THINK is 7: out of the 1–3 scale.
const SCORES: Record<string, [number, number, number]> = {
  ASPIRE: [3, 3, 2], // mean 8/3 = 2.67, 83.3 % → Green
  THINK: [2, 7, 2], // 7 is invalid: n 2, missing 1, mean 2, 50 % → Amber
  LEAD: [2, 2, 1], // 5/3 = 1.67, 33.3 % → Red
  COLLABORATE: [3, 1, 3], // 7/3 = 2.33, 66.7 % → Amber, divided (1 and 3)
  ACCOUNT: [2, 2, 3], // 7/3 = 2.33 → Amber
  DELIVER: [1, 2, 1], // 4/3 = 1.33, 16.7 % → Red
};
// overall = mean of the six section means = (8 + 6 + 5 + 7 + 7 + 4) / 3 / 6 = 37/18 = 2.0556; (37/18 − 1) / 2 = 52.78 % → Amber

describe('task pane in the browser preview (production build)', () => {
  it('creates, checks, summarises and plans a partnership-tree review', async () => {
    const { page, watch } = await openPane();
    await expect.poll(() => page.getByRole('textbox', { name: 'Cycle' }).inputValue()).toBe('2026/27');
    await shot(page, '01-pane');

    // ── create ──
    await page.getByRole('combobox', { name: 'Framework' }).click();
    await page.getByRole('option', { name: 'Partnership tree self-assessment' }).click();
    // the chosen framework's description shows (waitFor throws when no such text becomes visible)
    await page
      .getByText(
        'Source: Kensington and Chelsea LSP, outputs from the partnership framework pilot workshop, 22nd February 2008 · 6 scored items',
      )
      .waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByRole('textbox', { name: 'Partnership' }).fill('Kensington and Chelsea LSP');
    await page.getByRole('textbox', { name: 'Respondents' }).fill('Ann Smith\nBen Jones\nCara Patel');
    await page.getByRole('form', { name: 'Create review' }).getByRole('button', { name: 'Create review' }).click();
    const created = await outcome(page, 'Review created');
    expect(created).toContain('Review created for Kensington and Chelsea LSP (2026/27): 3 respondents.');
    await grid(page, 'Responses').waitFor();
    expect(await cell(page, 'Responses', 'A6')).toEqual({ value: 'Ann Smith', shown: 'Ann Smith' });
    expect((await cell(page, 'Responses', 'B8')).value).toBe('Kensington and Chelsea LSP');
    const tabs = await page.getByRole('tab').allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(['Instructions', 'Responses', 'Summary', 'Improvement Plan']));
    expect(tabs).not.toContain('PR_Meta'); // hidden
    await shot(page, '02-created');

    // ── type scores into the grid ──
    const cols = entryColumns(getFramework('partnership-tree'));
    const scoreRef = (item: string, row: number) => a1(row, cols.find((c) => c.itemId === item && c.field === 'score')!.col);
    for (const [item, scores] of Object.entries(SCORES)) await typeTreeScores(page, item, scores);
    const commentRef = a1(6, cols.find((c) => c.itemId === 'DELIVER' && c.field === 'comment')!.col);
    await typeInto(page, 'Responses', commentRef, 'Getting delivery chains right: yet to see');
    expect(await cell(page, 'Responses', scoreRef('ASPIRE', 6))).toEqual({ value: '3', shown: '3' });
    expect(await cell(page, 'Responses', scoreRef('THINK', 7))).toEqual({ value: '7', shown: '7' });
    expect((await cell(page, 'Responses', commentRef)).value).toBe('Getting delivery chains right: yet to see');
    // a protected header cell refuses typing, with a message
    await typeInto(page, 'Responses', 'D4', 'oops');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Responses!D4 is a protected header cell');
    expect((await cell(page, 'Responses', 'D4')).value).not.toBe('oops');
    await shot(page, '03-scores');

    // ── check entries ──
    await page.getByRole('button', { name: 'Check entries' }).click();
    const checked = await outcome(page, 'error');
    expect(checked).toContain('1 error to fix: choose it to go to its cell.');
    const thinkRef = `Responses!${scoreRef('THINK', 7)}`;
    expect(thinkRef).toBe('Responses!F7');
    const problem = page.getByTestId('problems').getByRole('button');
    await expect.poll(() => problem.count()).toBe(1);
    const problemText = await problem.innerText();
    expect(problemText).toContain('Responses!F7');
    expect(problemText).toContain('“7” is not on the scale. Enter 1, 2 or 3');
    await shot(page, '04-checked');

    // choose the problem from the keyboard: show another tab first, then Tab from the last control before the results
    // (the heading button of the closed "Build the LSP improvement plan…" section, after Download report) and Enter
    await page.getByRole('tab', { name: 'Instructions' }).click();
    await grid(page, 'Instructions').waitFor();
    await page.getByRole('button', { name: 'Build the LSP improvement plan…' }).focus();
    await page.keyboard.press('Tab');
    expect(await problem.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await grid(page, 'Responses').waitFor();
    await expect.poll(() => page.getByTestId('name-box').innerText()).toBe('F7');
    expect(await grid(page, 'Responses').locator('td[data-cell="F7"]').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('formula-bar').innerText()).toBe('7');
    await shot(page, '05-problem-selected');

    // ── build summary ──
    await page.getByRole('button', { name: 'Build summary' }).click();
    const summarised = await outcome(page, 'Summary built');
    expect(summarised).toContain('Summary built: 3 respondents, overall 2.06 (Amber);');
    await grid(page, 'Summary').waitFor();
    const overall = await rowWhere(page, 'Summary', 'A', 'Overall', { col: 'B', text: 'All items' });
    expect(overall).toBeGreaterThan(0);
    expect(Number((await cell(page, 'Summary', `C${overall}`)).value)).toBeCloseTo(37 / 18, 9);
    expect((await cell(page, 'Summary', `C${overall}`)).shown).toBe('2.06');
    expect(Number((await cell(page, 'Summary', `D${overall}`)).value)).toBeCloseTo(((37 / 18 - 1) / 2) * 100, 9);
    expect((await cell(page, 'Summary', `E${overall}`)).value).toBe('Amber');

    // the items table: header row "Id, Item, n, Missing, Mean, …"
    const header = await rowWhere(page, 'Summary', 'C', 'n');
    expect(header).toBeGreaterThan(0);
    const columnOf = async (title: string) =>
      grid(page, 'Summary').evaluate(
        (t, a) =>
          Array.from(t.querySelectorAll<HTMLElement>(`td[data-cell]`))
            .find((td) => td.dataset.value === a.title && /^[A-Z]+(\d+)$/.exec(td.dataset.cell!)?.[1] === String(a.row))
            ?.dataset.cell?.replace(/\d+$/, '') ?? '',
        { title, row: header },
      );
    const [meanCol, nCol, missingCol, ragCol, dividedCol] = await Promise.all(['Mean', 'n', 'Missing', 'RAG', 'Divided'].map(columnOf));
    const itemRow = async (id: string) =>
      rowWhere(page, 'Summary', 'A', id, {
        col: 'B',
        text: `${id}: How the partnership ${{ ASPIRE: 'aspires', THINK: 'thinks', LEAD: 'leads', COLLABORATE: 'collaborates', ACCOUNT: 'accounts', DELIVER: 'delivers' }[id]}`,
      });
    const think = await itemRow('THINK');
    expect((await cell(page, 'Summary', `${nCol}${think}`)).value).toBe('2');
    expect((await cell(page, 'Summary', `${missingCol}${think}`)).value).toBe('1');
    expect(Number((await cell(page, 'Summary', `${meanCol}${think}`)).value)).toBe(2);
    expect((await cell(page, 'Summary', `${ragCol}${think}`)).value).toBe('Amber');
    const aspire = await itemRow('ASPIRE');
    expect(Number((await cell(page, 'Summary', `${meanCol}${aspire}`)).value)).toBeCloseTo(8 / 3, 9);
    expect((await cell(page, 'Summary', `${ragCol}${aspire}`)).value).toBe('Green');
    const collaborate = await itemRow('COLLABORATE');
    expect((await cell(page, 'Summary', `${dividedCol}${collaborate}`)).value).toBe('Yes');
    const deliver = await itemRow('DELIVER');
    expect(Number((await cell(page, 'Summary', `${meanCol}${deliver}`)).value)).toBeCloseTo(4 / 3, 9);
    expect((await cell(page, 'Summary', `${ragCol}${deliver}`)).value).toBe('Red');
    await shot(page, '06-summary');

    // ── draft improvement plan ──
    await page.getByRole('button', { name: 'Draft improvement plan' }).click();
    const planned = await outcome(page, 'Improvement plan drafted');
    expect(planned).toContain('Improvement plan drafted: 5 actions.');
    await grid(page, 'Improvement Plan').waitFor();
    // one row per area for improvement: red, amber or divided (THINK, LEAD, COLLABORATE, ACCOUNT, DELIVER), not ASPIRE
    const refs = await grid(page, 'Improvement Plan').evaluate((t) =>
      Array.from(t.querySelectorAll<HTMLElement>('td[data-cell^="A"]'))
        .map((td) => td.dataset.value ?? '')
        .filter((v) => ['ASPIRE', 'THINK', 'LEAD', 'COLLABORATE', 'ACCOUNT', 'DELIVER'].includes(v)),
    );
    // refs a person can quote: the characteristic's own name
    expect(refs.sort()).toEqual(['ACCOUNT', 'COLLABORATE', 'DELIVER', 'LEAD', 'THINK']);
    const planHeader = await rowWhere(page, 'Improvement Plan', 'A', 'Ref');
    const planCol = async (title: string) =>
      grid(page, 'Improvement Plan').evaluate(
        (t, a) =>
          Array.from(t.querySelectorAll<HTMLElement>(`td[data-cell]`))
            .find(
              (td) =>
                td.dataset.value === a.title &&
                td.dataset.cell!.endsWith(String(a.row)) &&
                /^[A-Z]+$/.test(td.dataset.cell!.slice(0, -String(a.row).length)),
            )
            ?.dataset.cell?.replace(/\d+$/, '') ?? '',
        { title, row: planHeader },
      );
    const [actionCol, dateCol, contactCol, smartCol] = await Promise.all(
      ['Action for improvement', 'Date to be completed', 'Key contact', 'SMART check'].map(planCol),
    );
    const deliverRow = await rowWhere(page, 'Improvement Plan', 'A', 'DELIVER');
    expect((await cell(page, 'Improvement Plan', `${actionCol}${deliverRow}`)).value).toContain(
      'Raise DELIVER (how the partnership delivers), scored 1.33 of 3 (Red).',
    );
    expect((await cell(page, 'Improvement Plan', `${dateCol}${deliverRow}`)).shown).toMatch(/^\d{2}\/\d{2}\/20\d{2}$/);
    expect((await cell(page, 'Improvement Plan', `${smartCol}${deliverRow}`)).value).toContain('no key contact');
    await shot(page, '07-plan');

    // a person fills in the key contact; drafting again keeps it and the row becomes SMART
    await typeInto(page, 'Improvement Plan', `${contactCol}${deliverRow}`, 'Jo Bloggs');
    await page.getByRole('button', { name: 'Draft improvement plan' }).click();
    const again = await outcome(page, 'kept as you edited it');
    expect(again).toContain('Improvement plan drafted: 5 actions (1 kept as you edited it).');
    expect((await cell(page, 'Improvement Plan', `${contactCol}${deliverRow}`)).value).toBe('Jo Bloggs');
    expect((await cell(page, 'Improvement Plan', `${smartCol}${deliverRow}`)).value).not.toContain('no key contact');
    await shot(page, '08-plan-kept-edit');

    // ── compare with last review (issue #11): the pane goes to the Previous Review tab and says what to paste ──
    await page.getByRole('button', { name: 'Compare with last review…' }).click();
    expect(await outcome(page, "Paste last cycle's means")).toContain('into column C of the Previous Review tab (selected now)');
    await grid(page, 'Previous Review').waitFor();
    await expect.poll(() => page.getByTestId('name-box').innerText()).toBe('C5');
    // ASPIRE was 2 last time; now 8/3: +0.67, past a tenth of the 1–3 range (0.2): Improved
    await typeInto(page, 'Previous Review', 'C5', '2');
    await page.getByRole('button', { name: 'Build summary' }).click();
    await outcome(page, 'Summary built');
    await grid(page, 'Summary').waitFor();
    // the change table's figures sit at the Summary's right (issue #13): its Direction column from its header
    const directionCol = await grid(page, 'Summary').evaluate(
      (t) =>
        Array.from(t.querySelectorAll<HTMLElement>('td[data-cell]'))
          .find((td) => td.dataset.value === 'Direction')
          ?.dataset.cell?.replace(/\d+$/, '') ?? '',
    );
    expect(await rowWhere(page, 'Summary', 'A', 'ASPIRE', { col: directionCol, text: 'Improved' })).toBeGreaterThan(0);
    await shot(page, '09-compared');

    await collectCsp(page, watch);
  }, 180_000);
});

describe('themes follow the host', () => {
  it('dark theme when the browser prefers dark', async () => {
    const { page, watch } = await openPane({ colorScheme: 'dark' });
    expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
    const bg = await page.getByTestId('pane').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect((r! + g! + b!) / 3).toBeLessThan(80); // a dark background
    await page.getByRole('button', { name: 'Check entries' }).click();
    await outcome(page, 'choose Create review to start one'); // an empty workbook is not a review: the error and its fix
    // a framework completed once per partnership asks for several partnerships, one per line
    await page.getByRole('combobox', { name: 'Framework' }).click();
    await page.getByRole('option', { name: 'Hallmarks of effective partnerships self-assessment' }).click();
    await page.getByRole('textbox', { name: 'Partnerships' }).waitFor();
    expect(await page.getByText('67 scored items').count()).toBe(1);
    await shot(page, '09-dark');
    await collectCsp(page, watch);
  }, 60_000);

  it('high-contrast theme when Windows forces colours', async () => {
    const { page, watch } = await openPane({ forcedColors: 'active' });
    expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('highContrast');
    await page.getByRole('form', { name: 'Create review' }).getByRole('button', { name: 'Create review' }).click(); // nothing filled in: every field says what to type
    await expect.poll(() => page.getByText('Type the name of the partnership you are reviewing.').count()).toBe(1);
    await shot(page, '10-high-contrast');
    await collectCsp(page, watch);
  }, 60_000);
});

describe('the production build', () => {
  it('has no eval, loads only office.js from outside, and its first load stays within 300 KB of gzipped JavaScript', () => {
    const dist = pane.dist;
    const assets = join(dist, 'assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    for (const f of js) expect(readFileSync(join(assets, f), 'utf8'), f).not.toMatch(/\beval\(|new Function\b/);
    // the first load: the entry script and what it imports statically (the report's docx chunk loads only when asked)
    const { scripts, gzipBytes: gz } = firstLoad(dist);
    expect(scripts.size).toBeGreaterThan(0);
    expect(gz).toBeLessThan(300 * 1024);
    const external = [...html.matchAll(/(?:src|href)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(html).toContain("connect-src 'self'");
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  });
});

describe('npm start on a machine without desktop Excel', () => {
  it('serves the browser preview, with office.js from its own origin, and prints the URL', async () => {
    const { spawn } = await import('node:child_process');
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--preview', '--port', String(port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: false,
    });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        const timer = setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 60_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /browser preview[^:]*: (http:\/\/127\.0\.0\.1:\d+\/taskpane\.html)/.exec(out);
          if (m) {
            clearTimeout(timer);
            ok(m[1]!);
          }
        });
        child.on('exit', (code) => fail(new Error(`npm start stopped (${code}): ${out}`)));
      });
      expect(url).toBe(`http://127.0.0.1:${port}/taskpane.html`);
      const origin = new URL(url).origin;
      const { context, watch } = await guardedContext(pane.browser, origin, { viewport: { width: 1280, height: 800 } });
      watches.push(watch);
      const page = await context.newPage();
      watchPage(page, watch);
      const officeJs: string[] = [];
      page.on('request', (r) => r.url().includes('office.js') && officeJs.push(r.url()));
      // the dev server transforms modules on first request: slow once, so wait generously
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 150_000 });
      await page.getByRole('combobox', { name: 'Framework' }).waitFor({ timeout: 150_000 });
      expect(officeJs[0]).toBe(`${origin}/lib/1/hosted/office.js`);
      await collectCsp(page, watch);
      await context.close();
    } finally {
      child.kill('SIGTERM');
    }
  }, 240_000);
});
