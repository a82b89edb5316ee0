/**
 * The Improvement Plan tab back into `PlanRowRead`s: every row below the key row with anything in a plan column
 * (rows that hold only the add-in's generated columns are not plan rows). Dates come back as ISO when they can be
 * read (serial numbers, ISO text, dd/mm/yyyy), otherwise as typed, so validation can point at them.
 */
import type { Snapshot, TabSnapshot } from '../host/types.js';
import { PLAN_COLUMNS } from '../plan/columns.js';
import type { ImprovementAction, PlanPart, PlanRowRead } from '../plan/types.js';
import { TAB, TABLE_ROWS } from '../sheet-plan/layout.js';
import type { TabMeta } from '../sheet-plan/meta.js';
import { CARRY_TAB_COLUMNS, PLAN_TAB_COLUMNS, parsePart } from '../sheet-plan/plan-tab.js';
import { parseDate } from '../util/dates.js';
import type { Problem } from '../validation/types.js';
import { cell, findTab, isBlankValue, textOf } from './cells.js';
import { locateTable, type FoundTable } from './locate.js';
import { readMeta } from './meta.js';

export function planDefaultCols(): Record<string, number> {
  const cols: Record<string, number> = {};
  PLAN_TAB_COLUMNS.forEach((c, i) => (cols[c.key] = i + 1));
  return cols;
}

export function locatePlan(tab: TabSnapshot, meta: TabMeta | undefined, problems: Problem[]): FoundTable {
  return locateTable(
    tab,
    {
      keys: PLAN_TAB_COLUMNS.map((c) => c.key),
      // a plan made before carry forward (issue #16) has no carry columns: they are added when rows are carried
      optionalKeys: CARRY_TAB_COLUMNS.map((c) => c.key),
      anchor: 'ref',
      ...(meta ? { meta } : {}),
      defaultKeyRow: TABLE_ROWS.key,
      defaultCols: planDefaultCols(),
      strictColumns: false,
      purpose: 'the plan rows',
    },
    problems,
  );
}

export function readPlanTable(tab: TabSnapshot, found: FoundTable): PlanRowRead[] {
  const out: PlanRowRead[] = [];
  const c = found.cols;
  const planCols = PLAN_COLUMNS.map((p) => c[p.id]).filter((x): x is number => x !== undefined);
  for (let r = found.firstDataRow; r <= found.lastRow; r++) {
    const row = tab.values[r - 1];
    if (!row || planCols.every((col) => isBlankValue(row[col - 1]))) continue;
    const get = (k: string) => (c[k] !== undefined ? cell(tab, r, c[k]) : null);
    const action = {} as ImprovementAction;
    for (const p of PLAN_COLUMNS) {
      const v = get(p.id);
      if (p.id === 'date' || p.id === 'progressReportDate') {
        action[p.id] = isBlankValue(v) ? '' : (parseDate(v) ?? textOf(v));
      } else if (p.id === 'part') {
        const t = textOf(v);
        action.part = (parsePart(t) ?? t) as PlanPart;
      } else {
        action[p.id] = textOf(v);
      }
    }
    const read: PlanRowRead = {
      ...action,
      at: { sheet: found.name, row: r, col: c['ref'] ?? 1 },
      draftHash: textOf(get('draftHash')).trim(),
    };
    // carried forward from last cycle's plan: "Carried from" is not blank (issue #16)
    const from = textOf(get('carriedFrom')).trim();
    if (from !== '') {
      read.carry = { from, achieved: textOf(get('achieved')).trim(), carryForward: textOf(get('carryForward')).trim() };
      const at = (k: string) => (c[k] !== undefined ? { sheet: found.name, row: r, col: c[k] } : null);
      read.carryCells = { achieved: at('achieved'), carryForward: at('carryForward') };
    }
    out.push(read);
  }
  return out;
}

/** The plan rows of a review workbook (none when it has no plan tab yet). */
export function readPlanRows(snapshot: Snapshot): PlanRowRead[] {
  const metaTab = findTab(snapshot.tabs, TAB.meta);
  const meta = metaTab ? readMeta(metaTab).meta.tabs.plan : undefined;
  // PR_Meta's name first; the layout's own name when no tab has PR_Meta's (as readReview does)
  const tab =
    findTab(snapshot.tabs, meta?.name ?? TAB.plan) ??
    (meta?.name && !snapshot.tabNames.some((n) => n.toLowerCase() === meta.name.toLowerCase())
      ? findTab(snapshot.tabs, TAB.plan)
      : undefined);
  if (!tab) return [];
  return readPlanTable(tab, locatePlan(tab, meta, []));
}
