/**
 * "Download report" in the task pane's browser preview (production build, headless Chromium): a partnership-tree
 * review is created and scored in the grid, the button is pressed, the .docx arrives as a download, and python-docx
 * opens it and finds the scores typed (hand-computed means). The docx code is a chunk of its own, loaded only when
 * the button is pressed: the pane's first load (the entry script and its static imports) stays within 300 kB gzipped.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryScripts, staticImports } from '../../bench/bundle.js';
import { getFramework } from '../../core/framework/catalogue.js';
import { entryColumns } from '../../core/sheet-plan/layout.js';
import { a1 } from '../../core/util/a1.js';
import { buildPane, guardedContext, launchChromium, removeDir, serveStatic, watchPage, type StaticServer } from '../excel-addin/e2e-support.js';
import { tempDir } from '../file-host/helpers.js';

let dist = '';
let server: StaticServer;
let browser: Browser;
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'report');

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dist = await buildPane();
  server = await serveStatic(dist);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) removeDir(dist);
});

describe('the production build', () => {
  it('loads the docx code only when asked: first load within 300 kB gzipped, the docx chunk apart', () => {
    const assets = join(dist, 'assets');
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    const initial = new Set<string>();
    const queue = entryScripts(html).map((s) => join(dist, s));
    while (queue.length > 0) {
      const p = queue.shift()!;
      if (initial.has(p)) continue;
      initial.add(p);
      for (const imp of staticImports(readFileSync(p, 'utf8'))) queue.push(join(p, '..', imp));
    }
    const gz = [...initial].reduce((n, p) => n + gzipSync(readFileSync(p)).length, 0);
    expect(gz).toBeLessThan(300 * 1024);
    // the chunk that makes Word documents is not part of the first load
    const lazy = readdirSync(assets).filter((f) => f.endsWith('.js') && !initial.has(join(assets, f)));
    const docxChunk = lazy.filter((f) => readFileSync(join(assets, f), 'utf8').includes('wordprocessingml'));
    expect(docxChunk.length).toBeGreaterThan(0);
  });
});

describe('Download report in the browser preview', () => {
  it('delivers a .docx that python-docx opens, with the scores typed', async () => {
    const { context, watch } = await guardedContext(browser, server.origin, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    watchPage(page, watch);
    await page.clock.setFixedTime(new Date('2026-05-15T10:00:00+01:00'));
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole('combobox', { name: 'Framework' }).waitFor();
    await page.getByRole('combobox', { name: 'Framework' }).click();
    await page.getByRole('option', { name: 'Partnership tree self-assessment' }).click();
    await page.getByRole('textbox', { name: 'Partnership' }).fill('Kensington and Chelsea LSP');
    await page.getByRole('textbox', { name: 'Respondents' }).fill('Ann Smith\nBen Jones\nCara Patel');
    await page.getByRole('form', { name: 'Create review' }).getByRole('button', { name: 'Create review' }).click();
    await expect.poll(() => page.getByTestId('outcome').innerText(), { timeout: 20_000 }).toContain('Review created');
    const table = page.locator('[data-testid="workbook"] table[data-tab="Responses"]');
    await table.waitFor();
    // ASPIRE 3, 3, 2 (mean 2.67, Green); DELIVER 1, 2, 1 (mean 1.33, Red)
    const cols = entryColumns(getFramework('partnership-tree'));
    for (const [item, scores] of [['ASPIRE', [3, 3, 2]], ['DELIVER', [1, 2, 1]]] as const) {
      await table.locator(`td[data-cell="${a1(6, cols.find((c) => c.itemId === item && c.field === 'score')!.col)}"]`).click();
      for (const s of scores) {
        await page.keyboard.type(String(s));
        await page.keyboard.press('Enter');
      }
    }
    const arrived = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Download report' }).click();
    const download = await arrived;
    expect(download.suggestedFilename()).toBe('Review report 2026-27.docx');
    const { dir, cleanup } = await tempDir('pr-pane-report-');
    try {
      const file = join(dir, 'report.docx');
      await download.saveAs(file);
      await expect.poll(() => page.getByTestId('outcome').innerText()).toContain('Report ready: Review report 2026-27.docx.');
      expect(await page.getByTestId('report-link').getAttribute('download')).toBe('Review report 2026-27.docx');
      await page.screenshot({ path: join(ARTIFACTS, 'pane-download.png'), animations: 'disabled' });
      const { stdout } = await promisify(execFile)('python3', [join(__dirname, 'docx_dump.py'), file]);
      const d = Object.values(JSON.parse(stdout))[0] as { body: { kind: string; style?: string; text?: string; rows?: string[][] }[] };
      const heads = d.body.filter((b) => b.style === 'Heading 1').map((b) => b.text);
      expect(heads[0]).toBe('Headline results');
      const headline = d.body.find((b) => b.kind === 'table')!;
      // sections of the partnership tree are its six characteristics; only ASPIRE and DELIVER were scored
      const rows = new Map(headline.rows!.slice(1).map((r) => [r[0], r.slice(1)]));
      const title = (id: string) => getFramework('partnership-tree').sections.find((s) => s.items.some((i) => i.id === id))!.title;
      expect(rows.get(title('ASPIRE'))).toEqual(['2.67', '83%', 'Green']);
      expect(rows.get(title('DELIVER'))).toEqual(['1.33', '17%', 'Red']);
      // overall: mean of the two scored sections (8/3 + 4/3) / 2 = 2, 50 % → Amber
      expect(rows.get('Overall')).toEqual(['2.00', '50%', 'Amber']);
    } finally {
      await cleanup();
    }
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 180_000);
});
