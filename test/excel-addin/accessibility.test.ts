/**
 * Accessibility of the task pane (issue 14): axe-core 4 runs in headless Chromium over the production build's browser
 * preview, in the three themes the pane follows — light (the browser prefers light), dark (prefers dark) and high
 * contrast (Windows forcing colours, emulated with its light and its dark palette; the pane then uses Fluent UI's
 * high-contrast theme) — on its main
 * views: the Create form (empty, and after Create review with nothing filled in, when every field says what to type),
 * the pane after a review is created, scored, checked (a problem listed) and summarised, and the self-test report.
 * The same pane opened as Excel opens it (the Office.js fake in place of office.js, 420 px wide, no preview around it) is
 * scanned too: its Create form, after Create review, and its self-test report. No violation of serious or critical
 * impact is allowed; the counts by impact are printed, and the violations are
 * written to test-artifacts/accessibility/ for reading.
 *
 * axe checks the WCAG 2.0, 2.1 and 2.2 A and AA rules and its best practices. The grid beside the pane stands in for
 * Excel's own sheet in the preview and is not part of the add-in: it is left out of the scan (`exclude`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, createTreeReview, guardedContext, ROOT, typeTreeScores, useServedPane, watchPage } from './e2e-support.js';
import { bundleFakeOffice, openExcelPane } from './excel-pane-support.js';

const pane = useServedPane();
const OUT = join(ROOT, 'test-artifacts', 'accessibility');
/** How the browser is set → the theme the pane must choose. Windows high contrast comes with a light or a dark palette. */
const THEMES = {
  light: { options: { colorScheme: 'light' }, pane: 'light' },
  dark: { options: { colorScheme: 'dark' }, pane: 'dark' },
  'high contrast (light palette)': { options: { forcedColors: 'active', colorScheme: 'light' }, pane: 'highContrast' },
  'high contrast (dark palette)': { options: { forcedColors: 'active', colorScheme: 'dark' }, pane: 'highContrast' },
} as const;
type Theme = keyof typeof THEMES;

interface Found {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}
/** theme → view → violations */
const report: Record<string, Record<string, Found[]>> = {};

let fakeOffice = '';

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  fakeOffice = await bundleFakeOffice();
}, 180_000);

afterAll(() => {
  writeFileSync(join(OUT, 'violations.json'), JSON.stringify(report, null, 2));
  const byImpact: Record<string, number> = {};
  for (const views of Object.values(report)) {
    for (const list of Object.values(views)) for (const v of list) byImpact[v.impact] = (byImpact[v.impact] ?? 0) + v.nodes.length;
  }
  console.log(`axe-core ${axe.version}: elements in violation by impact, all themes and views: ${JSON.stringify(byImpact)}`);
});

async function scan(page: Page, theme: Theme, view: string): Promise<Found[]> {
  const found = (await axeViolations(page)).map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
  }));
  (report[theme] ??= {})[view] = found;
  return found;
}

const serious = (found: Found[]) => found.filter((v) => v.impact === 'serious' || v.impact === 'critical');

async function open(theme: Theme): Promise<Page> {
  const { context, watch } = await guardedContext(pane.browser, pane.origin, {
    viewport: { width: 1280, height: 900 },
    ...THEMES[theme].options,
  });
  const page = await context.newPage();
  watchPage(page, watch);
  await page.clock.setFixedTime(new Date('2026-05-15T10:00:00+01:00'));
  await page.goto(`${pane.origin}/taskpane.html`);
  await page.getByRole('combobox', { name: 'Framework' }).waitFor();
  expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(THEMES[theme].pane);
  return page;
}

describe.each(Object.keys(THEMES) as Theme[])('the task pane, %s', (theme) => {
  it('has no serious or critical axe violation on the Create form, empty and with every field asking for input', async () => {
    const page = await open(theme);
    expect(serious(await scan(page, theme, 'create form'))).toEqual([]);
    await page.getByRole('form', { name: 'Create review' }).getByRole('button', { name: 'Create review' }).click();
    await page.getByText('Type the name of the partnership you are reviewing.').waitFor();
    expect(serious(await scan(page, theme, 'create form, nothing filled in'))).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('has none after a review is created, scored, checked and summarised', async () => {
    const page = await open(theme);
    await createTreeReview(page, 'Kensington and Chelsea LSP', ['Ann Smith', 'Ben Jones']);
    await typeTreeScores(page, 'ASPIRE', [3, 7]); // 7 is off the 1–3 scale, so Check entries lists one problem
    expect(serious(await scan(page, theme, 'review created'))).toEqual([]);
    await page.getByRole('button', { name: 'Check entries' }).click();
    await expect.poll(() => page.getByTestId('problems').getByRole('button').count()).toBe(1);
    expect(serious(await scan(page, theme, 'entries checked, one problem'))).toEqual([]);
    await page.getByRole('button', { name: 'Build summary' }).click();
    await expect.poll(() => page.getByTestId('outcome').innerText(), { timeout: 20_000 }).toContain('Summary built');
    expect(serious(await scan(page, theme, 'summary built'))).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('has none on the self-test report', async () => {
    const page = await open(theme);
    await page.getByRole('button', { name: 'Run self-test' }).click();
    await page.getByText('Self-test passed').waitFor({ timeout: 60_000 });
    expect(serious(await scan(page, theme, 'self-test report'))).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe.each(Object.keys(THEMES) as Theme[])('the task pane inside Excel (Office.js fake), %s', (theme) => {
  it('has no serious or critical axe violation on the Create form, after Create review, and on the self-test report', async () => {
    const { page, context, outside, errors } = await openExcelPane(pane.browser, pane.origin, fakeOffice, {
      tabs: { Sheet1: [['mine']] },
      drop: {},
      api: '1.13',
      diagnostics: { host: 'Excel', version: '16.0.17928.20114', platform: 'PC' },
    });
    // the fake Office gives no theme, so the pane follows the browser's, as in Excel on the web
    await page.emulateMedia(THEMES[theme].options);
    await page.clock.setFixedTime(new Date('2026-05-15T10:00:00+01:00'));
    await page.getByRole('combobox', { name: 'Framework' }).waitFor();
    await expect.poll(() => page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(THEMES[theme].pane);
    expect(await page.getByTestId('workbook').count()).toBe(0); // no preview grid: the pane alone, as in Excel
    expect(serious(await scan(page, theme, 'Excel: create form'))).toEqual([]);
    await createTreeReview(page, 'Kensington and Chelsea LSP', ['Ann Smith', 'Ben Jones']);
    expect(serious(await scan(page, theme, 'Excel: review created'))).toEqual([]);
    // the report, whatever it says (a review already in the workbook is not the self-test's business here)
    await page.getByRole('button', { name: 'Run self-test' }).click();
    await page.getByRole('button', { name: 'Copy report' }).waitFor({ timeout: 60_000 });
    expect(serious(await scan(page, theme, 'Excel: self-test report'))).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
