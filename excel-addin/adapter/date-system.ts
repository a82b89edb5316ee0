/**
 * The workbook's date system at the adapter's boundary. Office.js reads and writes a date as the serial number the
 * workbook stores, and a workbook can count from 1904 (Excel for Mac's old default): there the same serial is a day
 * 1,462 days later. Core reads and writes serials of the 1900 system, so in a workbook that counts from 1904 the
 * adapter converts — numbers in cells shown as dates, as they are read, and the dates a plan writes — with core's
 * one rule (core/util/dates.ts), as the file host does (file-host/xlsx/apply-tab.ts, cell-value.ts).
 *
 * Which system a workbook uses: `Excel.Workbook.use1904DateSystem` says it, but only in the preview API ("ExcelApi
 * BETA (PREVIEW ONLY)": in no released requirement set, nor in the released office.js the pane loads), so it is not
 * used. Instead Excel works out DATE(1904,1,1) (`workbook.functions`, ExcelApi 1.2, in every Excel the add-in runs
 * on): 0 in a workbook that counts from 1904, 1,462 in one that counts from 1900. The question rides in the first
 * sync of a read or a write, so it costs no extra round trip.
 */
import type { CellValue } from '../../core/review/types.js';
import type { PlanCell, RangeRef, SheetPlan } from '../../core/sheet-plan/types.js';
import { isDateFormat, serialFromDateSystem, serialInDateSystem } from '../../core/util/dates.js';
import type { ExcelContext } from './office-types.js';

/** Queues the question; the answer (true: the workbook counts from 1904) can be read after the next sync. */
export function askDateSystem(ctx: ExcelContext): () => boolean {
  const day0 = ctx.workbook.functions.date(1904, 1, 1);
  day0.load('value');
  return () => day0.value === 0;
}

/** A value read from a workbook that counts from 1904, with its cell's number format: a date as core's serial. */
export function readIn1904(value: CellValue, numberFormat: unknown): CellValue {
  return typeof value === 'number' && typeof numberFormat === 'string' && isDateFormat(numberFormat)
    ? serialFromDateSystem(value, true)
    : value;
}

function inside(r: RangeRef, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/**
 * The plan to write into a workbook that counts from 1904: each number (not a formula) in a cell the plan formats as
 * a date becomes that system's serial for the same day. Everything else is the plan as it was.
 */
export function planIn1904(plan: SheetPlan): SheetPlan {
  return {
    ...plan,
    tabs: plan.tabs.map((tab) => {
      const dates = tab.formats
        .filter((f) => f.format.numberFormat !== undefined && isDateFormat(f.format.numberFormat))
        .map((f) => f.range);
      if (dates.length === 0) return tab;
      return {
        ...tab,
        blocks: tab.blocks.map((b) => ({
          ...b,
          cells: b.cells.map((row, i) =>
            row.map((cell, j): PlanCell => {
              if ('f' in cell || typeof cell.v !== 'number') return cell;
              return dates.some((r) => inside(r, b.row + i, b.col + j)) ? { v: serialInDateSystem(cell.v, true) } : cell;
            }),
          ),
        })),
      };
    }),
  };
}
