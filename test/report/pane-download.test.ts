/**
 * "Download report" in the task pane's browser preview (production build, headless Chromium): a partnership-tree
 * review is created and scored in the grid, the button is pressed, the .docx arrives as a download, and python-docx
 * opens it and finds the scores typed (hand-computed means). The docx code is a chunk of its own, loaded only when
 * the button is pressed, not in the pane's first load (whose 300 kB budget test/excel-addin/e2e.test.ts checks).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { createTreeReview, firstLoad, guardedContext, typeTreeScores, useServedPane, watchPage } from '../excel-addin/e2e-support.js';
import { tempDir } from '../file-host/helpers.js';

const pane = useServedPane();
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'report');

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe('the production build', () => {
  it('loads the docx code only when asked: the chunk that makes Word documents is not in the first load', () => {
    const assets = join(pane.dist, 'assets');
    const { scripts } = firstLoad(pane.dist);
    expect(scripts.size).toBeGreaterThan(0);
    const lazy = readdirSync(assets).filter((f) => f.endsWith('.js') && !scripts.has(join(assets, f)));
    const docxChunk = lazy.filter((f) => readFileSync(join(assets, f), 'utf8').includes('wordprocessingml'));
    expect(docxChunk.length).toBeGreaterThan(0);
    for (const p of scripts) expect(readFileSync(p, 'utf8'), p).not.toContain('wordprocessingml');
  });
});

describe('Download report in the browser preview', () => {
  it('delivers a .docx that python-docx opens, with the scores typed', async () => {
    const { context, watch } = await guardedContext(pane.browser, pane.origin, {
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    watchPage(page, watch);
    await page.clock.setFixedTime(new Date('2026-05-15T10:00:00+01:00'));
    await page.goto(`${pane.origin}/taskpane.html`);
    await page.getByRole('combobox', { name: 'Framework' }).waitFor();
    await createTreeReview(page, 'Kensington and Chelsea LSP', ['Ann Smith', 'Ben Jones', 'Cara Patel']);
    // ASPIRE 3, 3, 2 (mean 2.67, Green); DELIVER 1, 2, 1 (mean 1.33, Red)
    await typeTreeScores(page, 'ASPIRE', [3, 3, 2]);
    await typeTreeScores(page, 'DELIVER', [1, 2, 1]);
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
