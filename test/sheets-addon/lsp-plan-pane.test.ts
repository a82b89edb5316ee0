/**
 * "Build the LSP improvement plan…" in Google Sheets: two review workbooks (.xlsx, as a person downloads a Sheets
 * review) read in the sidebar's code (ui/lsp-review-files.ts), the rows sent to the BUILT add-on (Code.js) on the Apps
 * Script fake through google.script.run's rules (./script-run.ts), and the plan built in the open spreadsheet by
 * prLspPlan under the document lock. Rebuilt, a person's edited action is kept. The same expectations as Excel's
 * (test/excel-addin/lsp-plan-pane.test.ts), by hand from the register rows in test/support/lsp-inputs.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OperationOutcome } from '../../core/operations/outcome.js';
import { buildSheetsAddon } from '../../sheets-addon/build.js';
import type { PickedFile } from '../../ui/import-file.js';
import { readReviewSources } from '../../ui/lsp-review-files.js';
import { LSP_PARTNERSHIP } from '../support/lsp-inputs.js';
import { pickedReviews } from '../support/lsp-pane.js';
import { FakeAppsScript } from './fake-apps-script.js';
import { loadAddon } from './load-addon.js';
import { scriptRunCopy } from './script-run.js';

const TODAY = '2026-11-23';
let code = '';
let files: PickedFile[] = [];

beforeAll(async () => {
  code = readFileSync((await buildSheetsAddon()).codeJs, 'utf8');
  ({ files } = await pickedReviews(TODAY));
}, 180_000);

describe('Build the LSP improvement plan… in Google Sheets (built add-on over the Apps Script fake)', () => {
  it('builds the plan from two reviews in a blank spreadsheet, then rebuilds keeping an edited action', async () => {
    const fake = new FakeAppsScript();
    const pr = loadAddon(code, fake, TODAY);
    const build = async (): Promise<OperationOutcome> => {
      const [sources] = scriptRunCopy([await readReviewSources(files, TODAY)]);
      return scriptRunCopy([pr.prLspPlan(sources as never)])[0] as OperationOutcome;
    };
    const before = fake.spreadsheet.getSheets().map((s) => s.getName());
    const first = await build();
    expect(first.ok, first.message).toBe(true);
    expect(first.message).toBe('Created the plan in this workbook: Part 1 Delivery 3 rows, Part 2 Partnership 1 row, from 2 reviews.');
    expect(first.details).toEqual([
      'tracker.xlsx (Reviewing delivery (progress trackers), 2026/27): 3 rows',
      'risk.xlsx (Risk exercise, 2026/27): 1 row',
    ]);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Part 1 Delivery', 'Part 2 Partnership', ...before, 'PR_Meta']);

    const part1 = fake.spreadsheet._sheet('Part 1 Delivery');
    const part2 = fake.spreadsheet._sheet('Part 2 Partnership');
    const keys = [...Array(30).keys()].map((c) => part1._text(4, c + 1)); // the hidden key row
    const col = (key: string) => keys.indexOf(key) + 1;
    const row = (s: typeof part1, r: number) => [s._text(r, 1), s._text(r, 2), s._text(r, 3), s._text(r, col('sourceStatus'))];
    expect([5, 6, 7].map((r) => row(part1, r))).toEqual([
      ['Crime – action agreed at the theme review', 'tracker.xlsx', LSP_PARTNERSHIP, 'As in the plan of tracker.xlsx'],
      ['Delivery – Crime', 'tracker.xlsx', LSP_PARTNERSHIP, 'As in the plan of tracker.xlsx'],
      ['Delivery – Education', 'tracker.xlsx', LSP_PARTNERSHIP, 'As in the plan of tracker.xlsx'],
    ]);
    expect(part1._text(8, 1)).toBe('');
    expect(row(part2, 5)).toEqual(['Risk – Governance', 'risk.xlsx', LSP_PARTNERSHIP, 'As in the plan of risk.xlsx']);

    const mine = 'Joint burglary patrols in the north, reviewed monthly by the community safety board';
    part1.getRange(6, col('action'), 1, 1).setValues([[mine]]);
    const again = await build();
    expect(again.ok, again.message).toBe(true);
    expect(again.message).toBe('Updated the plan in this workbook: Part 1 Delivery 3 rows, Part 2 Partnership 1 row, from 2 reviews.');
    expect(again.details).toContain('Kept as people left them: 1 edited row, 0 rows added by hand (see "Source status").');
    expect([part1._text(6, 1), part1._text(6, col('action')), part1._text(6, col('sourceStatus'))]).toEqual([
      'Delivery – Crime',
      mine,
      'Edited here, kept as typed',
    ]);
    expect(part1._text(8, 1)).toBe('');
  });

  it('refuses rows that did not arrive as plain rows, and writes nothing', () => {
    const fake = new FakeAppsScript();
    const pr = loadAddon(code, fake, TODAY);
    const before = fake.spreadsheet.getSheets().map((s) => s.getName());
    const out = scriptRunCopy([
      pr.prLspPlan(scriptRunCopy([[{ id: 'x', label: 'a.xlsx', where: 'a.xlsx', rows: [{}], summary: {} }]])[0] as never),
    ])[0] as OperationOutcome;
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Pick the review files again');
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before);
  });
});
