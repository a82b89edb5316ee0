/**
 * "Build the LSP improvement plan…" in Excel: two review workbooks picked in the pane are read in the page
 * (ui/lsp-review-files.ts: the whole workbook by the pane's .xlsx reader, each review's rows by core's lspSources),
 * only the rows go through the task pane's bridge (makeExcelBridge), and the plan is built in the blank workbook
 * Excel has open, over the Office.js adapter on its strict fake. Rebuilt, a person's edited action is kept.
 * Expected rows by hand from the register rows typed in test/support/lsp-inputs.ts (tracker: Crime 1 and 2 of 5, an
 * agreed Crime action at the theme review, Education 2 of 5; risk: Governance red).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lspSources } from '../../core/operations/lsp-plan.js';
import { readReviewSnapshot } from '../../core/operations/run.js';
import { ExcelHost } from '../../excel-addin/adapter/index.js';
import { makeExcelBridge } from '../../excel-addin/bridge-excel.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import type { PickedFile } from '../../ui/import-file.js';
import { readReviewSources } from '../../ui/lsp-review-files.js';
import { LSP_PARTNERSHIP } from '../support/lsp-inputs.js';
import { pickedFile, pickedReviews } from '../support/lsp-pane.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';

const TODAY = '2026-11-23';
const clock = () => new Date(`${TODAY}T10:00:00Z`);
let files: PickedFile[] = [];
let paths: string[] = [];

beforeAll(async () => {
  ({ files, paths } = await pickedReviews(TODAY));
}, 120_000);

describe('Build the LSP improvement plan… in Excel (the pane reads the reviews, the bridge builds the plan)', () => {
  it('reads each review in the page exactly as the command line reads it from its file', async () => {
    const page = await readReviewSources(files, TODAY);
    const cli = lspSources(
      await Promise.all(paths.map(async (p, i) => ({ label: files[i]!.name, snapshot: await readReviewSnapshot(await XlsxHost.open(p)) }))),
      TODAY,
    );
    expect(page).toEqual(cli);
    expect(page.map((s) => [s.label, s.rows.length])).toEqual([
      ['tracker.xlsx', 3],
      ['risk.xlsx', 1],
    ]);
  });

  it('builds the plan from two reviews in a blank workbook, then rebuilds keeping an edited action', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const bridge = makeExcelBridge(clock, new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') }));
    const first = await bridge.buildLspPlan(await readReviewSources(files, TODAY));
    expect(first.ok, first.message).toBe(true);
    expect(first.message).toBe('Created the plan in this workbook: Part 1 Delivery 3 rows, Part 2 Partnership 1 row, from 2 reviews.');
    expect(first.details).toEqual([
      'tracker.xlsx (Reviewing delivery (progress trackers), 2026/27): 3 rows',
      'risk.xlsx (Risk exercise, 2026/27): 1 row',
    ]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Part 1 Delivery', 'Part 2 Partnership', 'Sheet1', 'PR_Meta']);

    const part1 = fake.state.sheet('Part 1 Delivery');
    const part2 = fake.state.sheet('Part 2 Partnership');
    const col = (key: string) => part1.grid()[3]!.indexOf(key) + 1; // the hidden key row
    const row = (s: typeof part1, r: number) => [s.value(r, 1), s.value(r, 2), s.value(r, 3), s.value(r, col('sourceStatus'))];
    expect([5, 6, 7].map((r) => row(part1, r))).toEqual([
      ['Crime – action agreed at the theme review', 'tracker.xlsx', LSP_PARTNERSHIP, 'As in the plan of tracker.xlsx'],
      ['Delivery – Crime', 'tracker.xlsx', LSP_PARTNERSHIP, 'As in the plan of tracker.xlsx'],
      ['Delivery – Education', 'tracker.xlsx', LSP_PARTNERSHIP, 'As in the plan of tracker.xlsx'],
    ]);
    expect(part1.value(8, 1)).toBeNull();
    expect(row(part2, 5)).toEqual(['Risk – Governance', 'risk.xlsx', LSP_PARTNERSHIP, 'As in the plan of risk.xlsx']);

    // a person rewrites the Delivery – Crime action in the plan, then builds it again from the same two files
    const mine = 'Joint burglary patrols in the north, reviewed monthly by the community safety board';
    part1.set(6, col('action'), { value: mine });
    const again = await bridge.buildLspPlan(await readReviewSources(files, TODAY));
    expect(again.ok, again.message).toBe(true);
    expect(again.message).toBe('Updated the plan in this workbook: Part 1 Delivery 3 rows, Part 2 Partnership 1 row, from 2 reviews.');
    expect(again.details).toContain('Kept as people left them: 1 edited row, 0 rows added by hand (see "Source status").');
    expect([part1.value(6, 1), part1.value(6, col('action')), part1.value(6, col('sourceStatus'))]).toEqual([
      'Delivery – Crime',
      mine,
      'Edited here, kept as typed',
    ]);
    expect(part1.value(8, 1)).toBeNull();
  });

  it('refuses a file picked twice and a workbook that is not a review, naming the file, and writes nothing', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const bridge = makeExcelBridge(clock, new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') }));
    await expect(readReviewSources([files[0]!, files[0]!], TODAY)).rejects.toThrow(
      'tracker.xlsx is the same file as tracker.xlsx, picked before it, so nothing was written. Pick each review once.',
    );
    await expect(readReviewSources([pickedFile('notes.csv', new TextEncoder().encode('a,b\n'))], TODAY)).rejects.toThrow(
      'notes.csv is not an .xlsx workbook.',
    );
    const out = await bridge.buildLspPlan([{ id: 'x' }] as never);
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Pick the review files again');
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});
