/**
 * "Import responses…" end to end in headless Chromium, through the browser preview of the production build: open the
 * action, pick a CSV export (the file chooser's input), import; correct a cell in the grid; import again (the
 * correction is kept and listed with the export's value); tick the box with the keyboard and import again (the
 * export's value is taken); then an .xlsx export (its reader is a chunk of its own, loaded only now, not part of the
 * first load). Screenshots go to test-artifacts/excel-addin/import-*.png. The page may request nothing but its own origin.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  axeViolations,
  collectCsp,
  createTreeReview,
  firstLoad,
  guardedContext,
  OFFICE_TELEMETRY_FRAME,
  useServedPane,
  watchPage,
} from './e2e-support.js';

const pane = useServedPane();

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: 'disabled', fullPage: true });

/** The raw value of a cell of the preview's grid. */
async function value(page: Page, ref: string): Promise<string> {
  return (
    (await page.locator(`[data-testid="workbook"] table[data-tab="Responses"] td[data-cell="${ref}"]`).getAttribute('data-value')) ?? ''
  );
}

async function outcome(page: Page, contains: string): Promise<string> {
  const box = page.getByTestId('outcome');
  await expect.poll(async () => box.innerText(), { timeout: 20_000 }).toContain(contains);
  return (await box.innerText()).replace(/\s+/g, ' ').trim();
}

const CSV =
  'ID,Start time,Completion time,Email,Name,ASPIRE,ASPIRE comment,THINK\n1,,,alice@example.org,Alice,3,Good start,2\n2,,,ben@example.org,Ben Jones,2,,1\n';
const PREFER = "Where someone corrected a cell since the last import, use the export's value";

/** axe-core's serious and critical violations in the pane, as accessibility.test.ts runs it. */
async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function xlsxExport(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Form1');
  ws.addRow(['ID', 'Email', 'Name', 'ASPIRE', 'THINK']);
  ws.addRow([3, 'cara@example.org', 'Cara Patel', 1, 3]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Import responses… in the browser preview (production build)', () => {
  it('imports a CSV, keeps a correction and lists it, takes the export when ticked, and imports an .xlsx', async () => {
    const { context, watch } = await guardedContext(pane.browser, pane.origin, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    watchPage(page, watch);
    await page.clock.setFixedTime(new Date('2026-05-15T10:00:00+01:00'));
    await page.goto(`${pane.origin}/taskpane.html`);
    await page.getByRole('combobox', { name: 'Framework' }).waitFor();
    await createTreeReview(page, 'Kensington and Chelsea Partnership', ['1']);

    const open = page.getByRole('button', { name: 'Import responses…' });
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    const form = page.getByRole('form', { name: 'Import responses' });
    // Import with no file: the field says what to do, and nothing is sent
    await form.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toBe('Choose the export file first.');
    await form
      .getByLabel('Form export (CSV or .xlsx)')
      .setInputFiles({ name: 'responses.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await shot(page, 'import-01-form');
    await form.getByRole('button', { name: 'Import' }).click();
    // the "Respondent 1" row left empty at creation is filled first, then the next row
    expect(await outcome(page, 'Imported:')).toContain(
      'Imported: 2 respondents added (Alice, Ben Jones), 0 updated. Next: choose Check entries.',
    );
    expect(await page.getByTestId('import-added').innerText()).toBe('Alice, Ben Jones');
    expect([await value(page, 'A6'), await value(page, 'D6'), await value(page, 'A7'), await value(page, 'D7')]).toEqual([
      'Alice',
      '3',
      'Ben Jones',
      '2',
    ]);
    await shot(page, 'import-02-added');

    // a person corrects Alice's ASPIRE score in the grid (Responses!D6: 3 → 1)
    await page.locator('[data-testid="workbook"] table[data-tab="Responses"] td[data-cell="D6"]').click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    expect(await value(page, 'D6')).toBe('1');

    await form.getByRole('button', { name: 'Import' }).click();
    const kept = await outcome(page, 'kept');
    expect(kept).toContain(
      `1 cell changed in the workbook since the last import was kept, listed below. To take the export's values instead, tick “${PREFER}” and import again.`,
    );
    const conflicts = page.getByTestId('import-conflicts');
    expect((await conflicts.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'Responses!D6 Alice, ASPIRE Workbook: "1" · Export: "3" Kept the workbook\'s value',
    );
    expect(await value(page, 'D6')).toBe('1');
    await shot(page, 'import-03-conflict-kept');
    // the open form and the listed conflict: no serious or critical accessibility violation
    expect(await seriousViolations(page)).toEqual([]);
    // choosing the listed cell goes to it in the grid
    await conflicts.getByRole('button').first().click();
    await expect.poll(() => page.locator('[data-testid="workbook"] td[data-cell="D6"][aria-selected="true"]').count()).toBe(1);

    // the choice, reached and ticked with the keyboard
    const box = form.getByRole('checkbox', { name: PREFER });
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Import' }).click();
    await outcome(page, 'replaced by the export');
    expect((await conflicts.innerText()).replace(/\s+/g, ' ')).toContain("Took the export's value");
    expect(await value(page, 'D6')).toBe('3');
    await shot(page, 'import-04-export-taken');

    // an .xlsx export: its reader is loaded now
    const before = new Set<string>();
    page.on('request', (r) => before.add(new URL(r.url()).pathname));
    await form.getByLabel('Form export (CSV or .xlsx)').setInputFiles({
      name: 'Form1.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsxExport(),
    });
    await box.press('Space'); // untick: nothing corrected is at stake
    await form.getByRole('button', { name: 'Import' }).click();
    expect(await outcome(page, 'Cara Patel')).toContain('Imported: 1 respondent added (Cara Patel), 0 updated.');
    expect([await value(page, 'A8'), await value(page, 'D8')]).toEqual(['Cara Patel', '1']);
    // the reader came in its own chunk, which the first load does not hold
    const readerChunk = readdirSync(join(pane.dist, 'assets')).filter(
      (f) => f.endsWith('.js') && readFileSync(join(pane.dist, 'assets', f), 'utf8').includes('could not be read as an .xlsx workbook'),
    );
    expect(readerChunk).toHaveLength(1);
    expect([...before].some((p) => p.endsWith(`/assets/${readerChunk[0]}`))).toBe(true);
    expect([...firstLoad(pane.dist).scripts].some((p) => p.endsWith(readerChunk[0]!))).toBe(false);
    await shot(page, 'import-05-xlsx');

    await collectCsp(page, watch);
    expect(watch.outside, 'requests to another origin').toEqual([]);
    expect(watch.errors, 'errors in the page').toEqual([]);
    expect(watch.csp.filter((v) => !v.blocked.startsWith(OFFICE_TELEMETRY_FRAME.replace(/\/$/, '')))).toEqual([]);
    await context.close();
  }, 180_000);
});
