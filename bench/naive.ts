/// <reference types="office-js" />
/// <reference types="google-apps-script" />
/**
 * The common anti-pattern, for comparison: writers that make one host call per cell. They replay the cells
 * (values and formulas) of the very plans the add-in applied, one at a time, through the same recording fakes:
 * - Excel: one `range.values = [[v]]` (or `formulas`) per cell, each followed by `context.sync()`, as an add-in that
 *   syncs per cell does;
 * - Apps Script: one `getRange(row, col)` and one single-cell write per cell. (The fake implements exactly the calls
 *   the add-on makes, which write through `setValues`; a 1×1 `setValues` is one Spreadsheet service call, like
 *   `setValue`.)
 * They write values only — no formats, validation or conditional formats — so their counts are a lower bound for
 * what per-cell code would really cost.
 */
import type { CellValue } from '../core/review/types.js';
import type { PlanCell, SheetPlan } from '../core/sheet-plan/types.js';
import { formulaForHost, hostText } from '../core/sheet-plan/text-guard.js';
import { a1 } from '../core/util/a1.js';
import type { ExcelRun } from '../excel-addin/adapter/office-types.js';

export interface NaiveCount {
  /** cells written */
  cells: number;
  /** host calls made (Excel: calls queued; Apps Script: Spreadsheet service calls) */
  calls: number;
  /** Excel only: context.sync() calls */
  syncs: number;
}

function hostValue(c: PlanCell): string | number | boolean {
  if ('f' in c) return formulaForHost(c.f);
  const v: CellValue = c.v;
  if (v === null) return '';
  return typeof v === 'string' ? hostText(v) : v;
}

/** Excel, per cell: one values/formulas set and one sync for every cell of every block. */
export async function naiveExcelWrite(run: ExcelRun, plan: SheetPlan): Promise<NaiveCount> {
  const count: NaiveCount = { cells: 0, calls: 0, syncs: 0 };
  await run(async (ctx) => {
    const sync = async (): Promise<void> => {
      count.syncs += 1;
      await ctx.sync();
    };
    const sheets = ctx.workbook.worksheets;
    for (const tab of plan.tabs) {
      let ws = sheets.getItemOrNullObject(tab.name);
      count.calls += 1;
      await sync();
      if (ws.isNullObject) {
        ws = sheets.add(tab.name);
        count.calls += 1;
        await sync();
      }
      for (const block of tab.blocks) {
        for (const [i, row] of block.cells.entries()) {
          for (const [j, cell] of row.entries()) {
            const range = ws.getRange(a1(block.row + i, block.col + j));
            if ('f' in cell) range.formulas = [[hostValue(cell)]];
            else range.values = [[hostValue(cell)]];
            count.cells += 1;
            count.calls += 1;
            await sync();
          }
        }
      }
    }
  });
  return count;
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Apps Script, per cell: `getRange(row, col)` and a single-cell write for every cell of every block. */
export function naiveSheetsWrite(ss: Spreadsheet, plan: SheetPlan, callsSoFar: () => number): NaiveCount {
  const start = callsSoFar();
  let cells = 0;
  for (const tab of plan.tabs) {
    const sheet = ss.getSheetByName(tab.name) ?? ss.insertSheet(tab.name);
    // the grid must hold the cells (a new sheet has 1,000 rows and 26 columns)
    let rows = 0;
    let cols = 0;
    for (const b of tab.blocks) {
      rows = Math.max(rows, b.row + b.cells.length - 1);
      cols = Math.max(cols, b.col + (b.cells[0]?.length ?? 0) - 1);
    }
    const maxRows = sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    const maxCols = sheet.getMaxColumns();
    if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
    for (const block of tab.blocks) {
      for (const [i, row] of block.cells.entries()) {
        for (const [j, cell] of row.entries()) {
          sheet.getRange(block.row + i, block.col + j).setValues([[hostValue(cell)]]);
          cells += 1;
        }
      }
    }
  }
  return { cells, calls: callsSoFar() - start, syncs: 0 };
}
