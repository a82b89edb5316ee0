/**
 * The self-test in the browser preview (headless Chromium, production build of the pane over the in-memory
 * workbook): the footer link runs it, the report says every check passed, and the scratch tabs are gone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, guardedContext, useServedPane, watchPage } from '../excel-addin/e2e-support.js';

const pane = useServedPane();

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe('self-test in the browser preview', () => {
  it('runs from the footer link, passes every check, and removes its scratch tabs', async () => {
    const { context, watch } = await guardedContext(pane.browser, pane.origin, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    watchPage(page, watch);
    await page.clock.setFixedTime(new Date('2026-05-15T10:00:00+01:00'));
    await page.goto(`${pane.origin}/taskpane.html`);
    await page.getByRole('button', { name: 'Run self-test' }).click();
    await page.getByText('Self-test passed').waitFor({ timeout: 60_000 });
    const text = await page.getByRole('textbox', { name: 'Self-test report' }).inputValue();
    const lines = text.split('\n');
    expect(lines[0]).toBe('Partnership Review self-test: all checks passed');
    expect(lines[1]).toBe('Host: Browser preview');
    expect(lines).toContain('Passed 21, failed 0, not checked 0');
    expect(lines.filter((l) => l.startsWith('PASS  ')).length).toBe(21);
    expect(lines).toContain('PASS  Read back – Data validation');
    expect(lines.some((l) => l.startsWith('PASS  Clean-up – Scratch tabs removed'))).toBe(true);
    // the workbook beside the pane holds only what it held before
    expect(await page.locator('[data-testid="workbook"] table[data-tab^="PRST-"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'self-test-report.png'), animations: 'disabled' });
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 120_000);
});
