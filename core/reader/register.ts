/**
 * Register rows (Progress Tracker, Risk Register) and per-group review rows (Theme Review) back into review data.
 * Every row from the first data row to the last used row with anything in a keyed column is returned, including
 * rows with only a group filled in; scoring and validation decide what counts as content.
 */
import type { Framework, RegisterColumn } from '../framework/schema.js';
import type { TabSnapshot } from '../host/types.js';
import type { FieldEntry, GroupSummaryRow, RegisterRow } from '../review/types.js';
import { GROUP_KEY, groupColumnKey, registerColumns } from '../sheet-plan/layout.js';
import { cell, isBlankValue, textOf } from './cells.js';
import type { FoundTable } from './locate.js';

function readRows(tab: TabSnapshot, found: FoundTable, columns: RegisterColumn[], groupLabel: string): RegisterRow[] {
  const tableCols = registerColumns(columns, groupLabel);
  const groupKey = groupColumnKey(tableCols);
  const keyed = Object.values(found.cols);
  const out: RegisterRow[] = [];
  for (let r = found.firstDataRow; r <= found.lastRow; r++) {
    const row = tab.values[r - 1];
    if (!row || keyed.every((c) => isBlankValue(row[c - 1]))) continue;
    const cells: Record<string, FieldEntry> = {};
    for (const c of columns) {
      const col = found.cols[c.id];
      if (col !== undefined) cells[c.id] = { value: cell(tab, r, col), at: { sheet: found.name, row: r, col } };
    }
    const gcol = found.cols[groupKey] ?? found.cols[GROUP_KEY];
    out.push({
      group: gcol !== undefined ? textOf(cell(tab, r, gcol)) : '',
      cells,
      at: { sheet: found.name, row: r, col: gcol ?? 1 },
    });
  }
  return out;
}

export function readRegister(tab: TabSnapshot, found: FoundTable, framework: Framework): RegisterRow[] {
  const reg = framework.register!;
  return readRows(tab, found, reg.columns, reg.groupLabel);
}

export function readGroupSummaries(tab: TabSnapshot, found: FoundTable, framework: Framework): GroupSummaryRow[] {
  const reg = framework.register!;
  return readRows(tab, found, reg.groupSummary!.columns, reg.groupLabel);
}
