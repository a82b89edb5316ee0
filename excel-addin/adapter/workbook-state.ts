/**
 * Step (1) of `apply`: everything needed to decide what to write — which tabs exist, whether they are protected,
 * which charts and names are there, and the precondition cells.
 */
import type { CellValue } from '../../core/review/types.js';
import { overwrittenRanges, priorCell, type Overwritten } from '../../core/host/write-failure.js';
import type { PlanCell, Precondition, SheetPlan } from '../../core/sheet-plan/types.js';
import { a1, rangeA1 } from '../../core/util/a1.js';
import { CALL_OVERHEAD_BYTES } from './batches.js';
import type { ExcelContext } from './office-types.js';
import { askDateSystem } from './date-system.js';

export interface ExistingTab {
  name: string;
  protected: boolean;
  charts: string[];
  /** 0-based position among tabs */
  position: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** what a protected tab allows (put back as it was if a failed write had taken protection off) */
  protectionOptions?: Excel.WorksheetProtectionOptions;
}

/** Cells the plan will write over on a tab that exists, as they were (written back if the write fails). */
export interface PriorCells extends Overwritten {
  cells: PlanCell[][];
}

/** Cells read back per sync for the write-back copy (values and formulas: ~2 × 40 bytes a cell, well under 4 MB). */
export const PRIOR_CELLS_PER_SYNC = 40_000;

export interface WorkbookState {
  /** every tab name, in order */
  tabNames: string[];
  /** tabs named in the plan that exist, by the plan's name (`name` is the tab's own, which may differ in case) */
  existing: Map<string, ExistingTab>;
  /** workbook-level names that exist */
  names: Set<string>;
  /** the reference of each existing name the plan sets again (`=Tab!$A$1:$B$2`), to add it back if the write fails */
  nameFormulas: Map<string, string>;
  /** the cells of `update` tabs the plan overwrites, as they were */
  prior: PriorCells[];
  /** precondition cells as they are now (undefined when the tab is gone) */
  preconditionValues: (CellValue | undefined)[];
  /** the workbook counts dates from 1904 (date-system.ts) */
  date1904: boolean;
}

export function normaliseCell(v: unknown): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Office.js hands back only scalars here; anything else is shown as text
  return String(v);
}

/**
 * Loads, in at most two syncs, what `apply` needs to know. (1) the tab list (and names, when the plan sets any);
 * (2) only for tabs that exist: protection, charts and the precondition cells. Nothing is ever called through a
 * worksheet that might not exist: the Office.js documentation says what `*OrNullObject` returns, not that a null
 * object's `protection`, `charts` or `getRange` may be used (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties),
 * so existence is decided from the loaded tab list first. Tab names are compared without regard to case, as Excel does.
 */
export async function loadWorkbookState(
  ctx: ExcelContext,
  plan: SheetPlan,
  sync: (stage: string, bytes: number) => Promise<void>,
): Promise<WorkbookState> {
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name,items/visibility');
  const names = wb.names;
  const wantNames = plan.namedRanges.length > 0;
  if (wantNames) names.load('items/name,items/formula');
  const is1904 = askDateSystem(ctx);
  await sync('checking the workbook', 3 * CALL_OVERHEAD_BYTES);
  const date1904 = is1904();
  const tabNames = sheets.items.map((s) => s.name);
  const visibility = new Map(sheets.items.map((s) => [s.name, s.visibility]));
  const actual = (name: string): string | undefined => tabNames.find((t) => t.toLowerCase() === name.toLowerCase());

  const perTab = plan.tabs.flatMap((tab) => {
    const found = actual(tab.name);
    if (found === undefined) return [];
    const ws = sheets.getItem(found);
    ws.protection.load('protected,options');
    ws.charts.load('items/name');
    return [{ name: tab.name, found, ws }];
  });
  const pre = (plan.preconditions ?? []).map((p: Precondition) => {
    const found = actual(p.sheet);
    if (found === undefined) return { range: null };
    const range = sheets.getItem(found).getRange(a1(p.row, p.col));
    range.load('values');
    return { range };
  });
  // the cells the write will overwrite, as they are: the first ~40,000 with the checks above, the rest in further syncs
  const parts = overwrittenRanges(plan, (t) => actual(t) !== undefined).flatMap((o) => splitByRows(o, PRIOR_CELLS_PER_SYNC));
  const groups: Overwritten[][] = [];
  let cells = PRIOR_CELLS_PER_SYNC;
  for (const o of parts) {
    const n = o.range.rows * o.range.cols;
    if (cells + n > PRIOR_CELLS_PER_SYNC) {
      groups.push([]);
      cells = 0;
    }
    groups[groups.length - 1]!.push(o);
    cells += n;
  }
  const prior: PriorCells[] = [];
  const queuePrior = (group: Overwritten[]): (() => void) => {
    const loaded = group.map((o) => {
      const range = sheets.getItem(actual(o.sheet)!).getRange(rangeA1(o.range));
      range.load('values,formulas');
      return { o, range };
    });
    return () => {
      for (const { o, range } of loaded) {
        const values = range.values;
        const formulas = range.formulas;
        const cellsNow = values.map((row, r) => row.map((v, c) => priorCell(normaliseCell(v), formulas[r]?.[c])));
        prior.push({ ...o, cells: cellsNow });
      }
    };
  };
  const first = groups.length > 0 ? queuePrior(groups[0]!) : undefined;
  if (perTab.length > 0 || pre.some((x) => x.range !== null)) {
    await sync('checking the workbook', CALL_OVERHEAD_BYTES * (3 * perTab.length + 2 * pre.length + (groups[0]?.length ?? 0)));
  }
  first?.();
  for (const group of groups.slice(1)) {
    const take = queuePrior(group);
    await sync('reading the cells about to be written', CALL_OVERHEAD_BYTES * group.length);
    take();
  }
  const existing = new Map<string, ExistingTab>();
  for (const { name, found, ws } of perTab) {
    existing.set(name, {
      name: found,
      protected: ws.protection.protected,
      ...(ws.protection.protected ? { protectionOptions: ws.protection.options } : {}),
      charts: ws.charts.items.map((c) => c.name),
      position: tabNames.indexOf(found),
      visibility: visibility.get(found) ?? 'Visible',
    });
  }
  const nameFormulas = new Map<string, string>();
  if (wantNames) for (const n of names.items) nameFormulas.set(n.name, String(n.formula));
  return {
    tabNames,
    existing,
    names: new Set(wantNames ? names.items.map((n) => n.name) : []),
    nameFormulas,
    prior,
    preconditionValues: pre.map(({ range }) => (range === null ? undefined : normaliseCell(range.values[0]?.[0]))),
    date1904,
  };
}

/** A range cut into bands of whole rows of at most `cells` cells. */
function splitByRows(o: Overwritten, cells: number): Overwritten[] {
  const per = Math.max(1, Math.floor(cells / Math.max(1, o.range.cols)));
  const out: Overwritten[] = [];
  for (let top = 0; top < o.range.rows; top += per) {
    out.push({ sheet: o.sheet, range: { ...o.range, row: o.range.row + top, rows: Math.min(per, o.range.rows - top) } });
  }
  return out;
}

/** The first precondition that no longer holds, or undefined. */
export function firstBrokenPrecondition(plan: SheetPlan, state: WorkbookState): Precondition | undefined {
  const pre = plan.preconditions ?? [];
  return pre.find((p, i) => !sameValue(state.preconditionValues[i], p.equals));
}

function sameValue(now: CellValue | undefined, expected: CellValue): boolean {
  if (now === undefined) return false; // the tab is gone
  if (now === expected) return true;
  if (now === null || expected === null) return false;
  // Office.js gives numbers as numbers; a stamp read elsewhere as text still matches its number
  return String(now) === String(expected);
}
