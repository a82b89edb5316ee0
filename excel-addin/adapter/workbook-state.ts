/**
 * Step (1) of `apply`: everything needed to decide what to write — which tabs exist, whether they are protected,
 * which charts and names are there, and the precondition cells.
 */
import type { CellValue } from '../../core/review/types.js';
import type { Precondition, SheetPlan } from '../../core/sheet-plan/types.js';
import { a1 } from '../../core/util/a1.js';
import { CALL_OVERHEAD_BYTES } from './batches.js';
import type { ExcelContext } from './office-types.js';

export interface ExistingTab {
  name: string;
  protected: boolean;
  charts: string[];
}

export interface WorkbookState {
  /** every tab name, in order */
  tabNames: string[];
  /** tabs named in the plan that exist, by the plan's name (`name` is the tab's own, which may differ in case) */
  existing: Map<string, ExistingTab>;
  /** workbook-level names that exist */
  names: Set<string>;
  /** precondition cells as they are now (undefined when the tab is gone) */
  preconditionValues: (CellValue | undefined)[];
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
export async function loadWorkbookState(ctx: ExcelContext, plan: SheetPlan, sync: (stage: string, bytes: number) => Promise<void>): Promise<WorkbookState> {
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const names = wb.names;
  const wantNames = plan.namedRanges.length > 0;
  if (wantNames) names.load('items/name');
  await sync('checking the workbook', 2 * CALL_OVERHEAD_BYTES);
  const tabNames = sheets.items.map((s) => s.name);
  const actual = (name: string): string | undefined => tabNames.find((t) => t.toLowerCase() === name.toLowerCase());

  const perTab = plan.tabs.flatMap((tab) => {
    const found = actual(tab.name);
    if (found === undefined) return [];
    const ws = sheets.getItem(found);
    ws.protection.load('protected');
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
  if (perTab.length > 0 || pre.some((x) => x.range !== null)) {
    await sync('checking the workbook', CALL_OVERHEAD_BYTES * (3 * perTab.length + 2 * pre.length));
  }
  const existing = new Map<string, ExistingTab>();
  for (const { name, found, ws } of perTab) {
    existing.set(name, { name: found, protected: ws.protection.protected, charts: ws.charts.items.map((c) => c.name) });
  }
  return {
    tabNames,
    existing,
    names: new Set(wantNames ? names.items.map((n) => n.name) : []),
    preconditionValues: pre.map(({ range }) => (range === null ? undefined : normaliseCell(range.values[0]?.[0]))),
  };
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
