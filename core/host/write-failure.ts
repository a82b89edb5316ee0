/**
 * A write that failed part-way. Spreadsheet hosts have no transactions (Apps Script and Office.js apply each call
 * as it comes), so a host that fails while writing puts back what it had started — deletes the tabs this run
 * created, keeps the old version of a tab it was rebuilding, writes back the cells it had overwritten — and says,
 * through this error, whether that worked. The pane then says exactly what state the workbook is in.
 *
 * The rule both hosts follow (the undo plan):
 * - a tab the plan creates is deleted again, and so is a workbook name it adds;
 * - a tab the plan rebuilds (`replace`) that exists is built beside the old one under another name and swapped in
 *   only when everything else has been written, so on failure the new one is deleted and the old one is untouched;
 * - on a tab the plan updates (`update`), the cells of every block are read just before writing (`overwrittenRanges`)
 *   and written back exactly (`priorCell`: a formula as its formula, text as text, a number as a number); a name
 *   the plan deletes and adds again is added back with its old reference; protection the write removed is put back.
 * What cannot be read back cheaply — formats, drop-down lists, highlighting rules, merges, widths on a tab being
 * updated — is named (`formattingLeft`): the cells are as they were, the formatting may be part-applied.
 */
import type { CellValue } from '../review/types.js';
import type { PlanCell, RangeRef, SheetPlan } from '../sheet-plan/types.js';

export class WriteFailedError extends Error {
  override name = 'WriteFailedError';
  constructor(
    /** what went wrong, in plain English (the host's own words) */
    message: string,
    /** tabs that may still hold part of the failed write (empty: the workbook is as it was before) */
    readonly leftChanged: string[],
    /** tabs whose cells were put back but whose formatting, lists or rules may be part-applied */
    readonly formattingLeft: string[] = [],
    /** of `leftChanged`, the tabs this run added (a person may delete them; the others held their work before) */
    readonly added: string[] = [],
  ) {
    super(message);
  }
}

/** The error's own words, whatever was thrown. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}

/** A range the plan writes over on a tab that exists: its cells must be read first and written back on failure. */
export interface Overwritten {
  /** the plan's tab name */
  sheet: string;
  range: RangeRef;
}

/** The cells a plan overwrites on tabs that exist and are updated in place (every block of an `update` tab). */
export function overwrittenRanges(plan: SheetPlan, exists: (tab: string) => boolean): Overwritten[] {
  const out: Overwritten[] = [];
  for (const tab of plan.tabs) {
    if (tab.mode !== 'update' || !exists(tab.name)) continue;
    for (const b of tab.blocks) {
      const cols = b.cells[0]?.length ?? 0;
      if (b.cells.length > 0 && cols > 0) out.push({ sheet: tab.name, range: { row: b.row, col: b.col, rows: b.cells.length, cols } });
    }
  }
  return out;
}

/**
 * A cell as it was, as a plan cell that writes it back exactly: `formula` is what the host gives as the cell's formula
 * (Office.js `formulas`, Apps Script `getFormulas`), `value` its value. A formula is a text starting with `=` that is not
 * the value itself (a text cell reads back its text as its "formula" in Office.js); anything else is the value, which
 * hosts write through the text guard, so text stays text.
 */
export function priorCell(value: CellValue, formula: unknown): PlanCell {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return { f: formula, v: value };
  return { v: value };
}
