/**
 * Step (1) of `apply`: queue, in one sync, everything needed to decide what to write — which tabs exist, whether
 * they are protected, which charts and names are there, and the precondition cells — then read the answers.
 */
import type { CellValue } from '../../core/review/types.js';
import type { Precondition, SheetPlan } from '../../core/sheet-plan/types.js';
import { a1 } from '../../core/util/a1.js';
import type { ExcelContext } from './office-types.js';

export interface ExistingTab {
  name: string;
  protected: boolean;
  charts: string[];
}

export interface WorkbookState {
  /** every tab name, in order */
  tabNames: string[];
  /** tabs named in the plan that exist, by name */
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

/** Queues the loads; call `context.sync()` once, then call the returned function. */
export function queueStateLoad(ctx: ExcelContext, plan: SheetPlan): () => WorkbookState {
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const names = wb.names;
  const wantNames = plan.namedRanges.length > 0;
  if (wantNames) names.load('items/name');

  const perTab = plan.tabs.map((tab) => {
    const ws = sheets.getItemOrNullObject(tab.name);
    ws.load('name');
    ws.protection.load('protected');
    ws.charts.load('items/name');
    return { name: tab.name, ws };
  });

  const pre = (plan.preconditions ?? []).map((p: Precondition) => {
    const range = sheets.getItemOrNullObject(p.sheet).getRange(a1(p.row, p.col));
    range.load('values');
    return { p, ws: sheets.getItemOrNullObject(p.sheet), range };
  });
  for (const x of pre) x.ws.load('name');

  return () => {
    const existing = new Map<string, ExistingTab>();
    for (const { name, ws } of perTab) {
      if (ws.isNullObject) continue;
      existing.set(name, {
        name,
        protected: ws.protection.protected,
        charts: ws.charts.items.map((c) => c.name),
      });
    }
    return {
      tabNames: sheets.items.map((s) => s.name),
      existing,
      names: new Set(wantNames ? names.items.map((n) => n.name) : []),
      preconditionValues: pre.map(({ ws, range }) => (ws.isNullObject ? undefined : normaliseCell(range.values[0]?.[0]))),
    };
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
