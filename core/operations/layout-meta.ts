/**
 * PR_Meta rebuilt from the layout as found (so rows people inserted above a key row are recorded), with the next
 * revision, plus the preconditions a write depends on: the revision stamp and the entry key row as read.
 */
import type { Framework } from '../framework/schema.js';
import { TAB, TABLE_ROWS, tabOrder, type TabKey } from '../sheet-plan/layout.js';
import type { MetaModel, TabMeta } from '../sheet-plan/meta.js';
import { PLAN_TAB_COLUMNS } from '../sheet-plan/plan-tab.js';
import type { Precondition } from '../sheet-plan/types.js';
import type { FoundTable } from '../reader/locate.js';
import type { ReviewLayout } from '../reader/read-review.js';

function tableMeta(name: string, found: FoundTable | null, previous: TabMeta | undefined): TabMeta {
  if (!found) return previous ? { ...previous, name } : { name };
  const t: TabMeta = { name: found.name, firstDataRow: found.firstDataRow, cols: { ...found.cols } };
  if (found.keyRow > 0) {
    t.keyRow = found.keyRow;
    t.headerRow = found.keyRow - 1;
  } else {
    if (previous?.keyRow !== undefined) t.keyRow = previous.keyRow;
    if (previous?.headerRow !== undefined) t.headerRow = previous.headerRow;
  }
  return t;
}

export function standardPlanMeta(): TabMeta {
  const cols: Record<string, number> = {};
  PLAN_TAB_COLUMNS.forEach((c, i) => (cols[c.key] = i + 1));
  return { name: TAB.plan, headerRow: TABLE_ROWS.header, keyRow: TABLE_ROWS.key, firstDataRow: TABLE_ROWS.firstData, cols };
}

export function metaFromLayout(framework: Framework, layout: ReviewLayout, revision: number): MetaModel {
  const old = layout.meta;
  const tabs: Partial<Record<TabKey, TabMeta>> = {};
  const tables: Partial<Record<TabKey, FoundTable | null>> = {
    entry: layout.entry,
    notes: layout.notes,
    register: layout.register,
    groupSummary: layout.groupSummary,
    previous: layout.previous,
    plan: layout.plan,
  };
  for (const t of tabOrder(framework)) {
    const name = layout.present[t.key] ?? old.tabs[t.key]?.name ?? t.name;
    if (t.key in tables) {
      const found = tables[t.key] ?? null;
      tabs[t.key] = t.key === 'plan' && !found ? standardPlanMeta() : tableMeta(name, found, old.tabs[t.key]);
    } else tabs[t.key] = { ...(old.tabs[t.key] ?? {}), name };
  }
  return {
    ...old,
    frameworkId: framework.id,
    frameworkJson: old.frameworkJson ?? JSON.stringify(framework),
    revision,
    tabs,
  };
}

export function writePreconditions(layout: ReviewLayout): Precondition[] {
  const out: Precondition[] = [];
  if (layout.revisionAt)
    out.push({
      sheet: layout.present.meta ?? TAB.meta,
      row: layout.revisionAt.row,
      col: layout.revisionAt.col,
      equals: layout.revisionAt.value,
    });
  if (layout.entry) for (const k of layout.entry.keyCells) out.push({ sheet: layout.entry.name, row: k.row, col: k.col, equals: k.value });
  return out;
}
