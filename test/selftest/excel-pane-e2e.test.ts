/**
 * The self-test in the Excel task pane: the production build of the pane, opened in headless Chromium as Excel opens
 * it, with the strict Office.js fake in place of office.js (test/excel-addin/fake-office-browser.ts). The footer's
 * "Run self-test" runs over the Office.js adapter and shows the copyable report with Excel's version and platform
 * from `Office.context.diagnostics`; told to drop data validation, the fake makes it fail visibly.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, useServedPane } from '../excel-addin/e2e-support.js';
import { bundleFakeOffice, openExcelPane } from '../excel-addin/excel-pane-support.js';

const served = useServedPane();
let script = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  script = await bundleFakeOffice();
}, 180_000);

const DIAGNOSTICS = { host: 'Excel', version: '16.0.17928.20114', platform: 'PC' };

async function runSelfTest(page: Page, outcome: string): Promise<string[]> {
  await page.getByRole('button', { name: 'Run self-test' }).click();
  await page.getByText(outcome, { exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Copy report' }).waitFor();
  return (await page.getByRole('textbox', { name: 'Self-test report' }).inputValue()).split('\n');
}

const tabsOf = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { __fakeExcel: { state: { sheets: { name: string }[] } } }).__fakeExcel.state.sheets.map((s) => s.name),
  );

describe('self-test in the Excel task pane (Office.js fake in the page)', () => {
  it('runs from the footer link over the Office.js adapter and reports Excel’s version and platform', async () => {
    const pane = await openExcelPane(served.browser, served.origin, script, {
      tabs: { Sheet1: [['mine']] },
      drop: {},
      api: '1.13',
      diagnostics: DIAGNOSTICS,
    });
    const { page } = pane;
    await page.clock.setFixedTime(new Date('2026-05-15T10:00:00+01:00'));
    await page.getByRole('heading', { name: 'Partnership Review' }).waitFor();
    expect(await page.getByTestId('workbook').count()).toBe(0); // Excel's own grid, not the preview's
    const lines = await runSelfTest(page, 'Self-test incomplete');
    // the fake does not calculate: formula values are the one check it cannot make
    expect(lines.slice(0, 3)).toEqual([
      'Partnership Review self-test: 1 checks could not be made',
      'Host: Excel 16.0.17928.20114',
      'Platform: Excel on Windows (PC)',
    ]);
    expect(lines).toContain('Passed 21, failed 0, not checked 1');
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(lines).toContain('PASS  Read back – Data validation');
    expect(lines).toContain('PASS  Read back – Merged cells');
    expect(lines.some((l) => l.startsWith('NOT CHECKED  Read back – Values of formulas: '))).toBe(true);
    expect(await tabsOf(page)).toEqual(['Sheet1']);
    await page.getByRole('button', { name: 'Copy report' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'self-test-excel.png'), animations: 'disabled' });
    expect(pane.outside).toEqual([]);
    expect(pane.errors).toEqual([]);
    await pane.context.close();
  }, 120_000);

  it('fails visibly when Excel drops data validation', async () => {
    const pane = await openExcelPane(served.browser, served.origin, script, {
      tabs: { Sheet1: [] },
      drop: { validation: true },
      api: '1.13',
      diagnostics: { ...DIAGNOSTICS, platform: 'OfficeOnline' },
    });
    const { page } = pane;
    await page.getByRole('heading', { name: 'Partnership Review' }).waitFor();
    const lines = await runSelfTest(page, 'Self-test failed');
    expect(lines[0]).toBe('Partnership Review self-test: 1 of 22 checks failed');
    expect(lines[2]).toBe('Platform: Excel on the web (OfficeOnline)');
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      expect.stringMatching(/^FAIL {2}Read back – Data validation: Responses!D6: a list rule expected, found none\. /),
    ]);
    expect(await tabsOf(page)).toEqual(['Sheet1']);
    expect(pane.outside).toEqual([]);
    expect(pane.errors).toEqual([]);
    await pane.context.close();
  }, 120_000);
});
