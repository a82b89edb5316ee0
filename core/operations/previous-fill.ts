/**
 * Filling the Previous Review tab from last cycle's workbook (`summarise --previous`, issue #11), so later runs
 * compare with the tab until a person clears it.
 *
 * The tab is one people type in, so the fill never overwrites what is there: every mean cell (the whole review's
 * column and any partnership's column) and the "Previous cycle" cell must be blank or already hold exactly what the
 * fill would write. Otherwise the fill is refused — naming up to five cells, what each holds and what the previous
 * review gives — and nothing is written: a comparison half with typed means and half with another review's would be
 * wrong without saying so. The person clears the means (or deletes the tab) to fill it again, or runs without
 * --previous to compare with what the tab holds.
 * Rows the tab lacks (the Overall row in a tab made before it existed, rows a person deleted) are added below its
 * last row; a partnership's column is added to the right, headed "Previous mean: <partnership>", keyed
 * `mean@<partnership>` on the hidden key row.
 */
import type { Snapshot, TabSnapshot } from '../host/types.js';
import type { CellValue, PreviousFigures, PreviousReview } from '../review/types.js';
import { cell, colCount, findTab, hasTabName, isBlankValue, textOf } from '../reader/cells.js';
import type { ReadResult } from '../reader/read-review.js';
import { nameKey } from '../scoring/names.js';
import { STYLE, val } from '../sheet-plan/cells.js';
import { TAB } from '../sheet-plan/layout.js';
import { buildPreviousTab, PARTNERSHIP_MEAN_KEY, previousFigure, previousRows } from '../sheet-plan/previous.js';
import { block, newTab } from '../sheet-plan/tab.js';
import type { TabPlan } from '../sheet-plan/types.js';
import { a1 } from '../util/a1.js';
import { ReviewRequestError } from './types.js';

interface Conflict {
  row: number;
  col: number;
  holds: CellValue;
  gives: string | number | null;
}

function numberOf(v: CellValue): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v)) return Number(v);
  return null;
}

function sameMean(holds: CellValue, gives: number | null): boolean {
  if (isBlankValue(holds)) return true;
  const n = numberOf(holds);
  return gives !== null && n !== null && Math.abs(n - gives) < 1e-9;
}

function shown(v: CellValue | string | number | null): string {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return 'blank';
  if (typeof v === 'number') return String(Math.round(v * 1e4) / 1e4);
  return `“${textOf(v)}”`;
}

function refuse(sheet: string, conflicts: Conflict[], label: string): never {
  const list = conflicts
    .slice(0, 5)
    .map((c) => `${sheet}!${a1(c.row, c.col)} holds ${shown(c.holds)}, ${label} gives ${shown(c.gives)}`)
    .join('; ');
  const more = conflicts.length > 5 ? ` (and ${conflicts.length - 5} more)` : '';
  throw new ReviewRequestError(
    `The tab “${sheet}” already holds means that differ from ${label}: ${list}${more}. It was not filled and nothing was written. To fill it from ${label}, clear the means and the previous cycle on “${sheet}” (or delete the tab) and run again; to compare with what it holds, run without --previous.`,
  );
}

/** Rows and their values grouped into runs of consecutive rows (in the order given). */
function runs(rows: number[], values: (number | null)[]): { row: number; values: (number | null)[] }[] {
  const out: { row: number; values: (number | null)[] }[] = [];
  rows.forEach((row, i) => {
    const last = out[out.length - 1];
    if (last && last.row + last.values.length === row) last.values.push(values[i]!);
    else out.push({ row, values: [values[i]!] });
  });
  return out;
}

/** The tab plan that fills (or creates) the Previous Review tab with `previous`; throws instead of overwriting. */
export function planPreviousFill(read: ReadResult, snapshot: Snapshot, previous: PreviousReview, label: string, position: number): TabPlan {
  const { framework, layout } = read;
  const name = layout.present.previous ?? TAB.previous;
  const exists = hasTabName(snapshot.tabNames, name);
  if (!exists) {
    const tab = buildPreviousTab(framework, { previous, protect: false });
    tab.name = name;
    tab.position = position;
    return tab;
  }
  const found = layout.previous;
  const snap = findTab(snapshot.tabs, name);
  if (!found || !snap || found.keyRow <= 0) {
    throw new ReviewRequestError(
      `The tab “${name}” does not have the hidden key row of a Previous Review tab (the row naming id, name and mean), so it was not filled and nothing was written. If it is your own tab, rename it and run again (a new Previous Review tab is made); if it is the add-in's and holds nothing you want to keep, delete it and run again.`,
    );
  }
  return fillExisting(snap, found.name, found, previous, label, read);
}

function fillExisting(
  tabSnap: TabSnapshot,
  sheet: string,
  found: NonNullable<ReadResult['layout']['previous']>,
  previous: PreviousReview,
  label: string,
  read: ReadResult,
): TabPlan {
  const rows = previousRows(read.framework, previous);
  const idCol = found.cols['id'] ?? 1;
  const nameCol = found.cols['name'] ?? 2;
  const meanCol = found.cols['mean'] ?? 3;
  const tab = newTab(sheet, 'previous', 'update');
  const conflicts: Conflict[] = [];

  // the row of each id on the tab (first one met), as the reader finds it
  const rowOf = new Map<string, number>();
  for (let r = found.firstDataRow; r <= found.lastRow; r++) {
    const raw = cell(tabSnap, r, idCol);
    let id = textOf(raw).trim();
    if (typeof raw === 'number') {
      const pos = rows[r - found.firstDataRow];
      if (pos && Number(pos.id) === raw) id = pos.id;
    }
    if (id !== '' && !rowOf.has(id.toLowerCase())) rowOf.set(id.toLowerCase(), r);
  }
  let next = Math.max(found.lastRow, found.firstDataRow - 1) + 1;
  const appended: number[] = [];
  const target = rows.map((r) => {
    const at = rowOf.get(r.id.toLowerCase());
    if (at !== undefined) return at;
    const row = next++;
    appended.push(row);
    tab.blocks.push(block(row, idCol, [[val(r.id)]]));
    tab.blocks.push(block(row, nameCol, [[val(r.name)]]));
    return row;
  });

  // the previous cycle: column B of the row labelled "Previous cycle"
  for (let r = 1; r < found.firstDataRow; r++) {
    if (
      textOf(cell(tabSnap, r, 1))
        .trim()
        .toLowerCase() !== 'previous cycle'
    )
      continue;
    const holds = cell(tabSnap, r, 2);
    if (!isBlankValue(holds) && textOf(holds).trim() !== previous.cycle.trim())
      conflicts.push({ row: r, col: 2, holds, gives: previous.cycle || null });
    else if (previous.cycle) tab.blocks.push(block(r, 2, [[val(previous.cycle)]], 'input'));
    break;
  }

  // the columns to fill: the whole review's, then each partnership's (found by its key, else added on the right)
  const columns: { col: number; figures: PreviousFigures; header?: string; key?: string }[] = [{ col: meanCol, figures: previous }];
  const keyCols = new Map<string, number>();
  for (let c = 1; c <= colCount(tabSnap); c++) {
    const k = textOf(cell(tabSnap, found.keyRow, c)).trim();
    if (k.startsWith(PARTNERSHIP_MEAN_KEY) && k.length > PARTNERSHIP_MEAN_KEY.length)
      keyCols.set(nameKey(k.slice(PARTNERSHIP_MEAN_KEY.length)), c);
  }
  let nextCol = Math.max(colCount(tabSnap), meanCol) + 1;
  const filledCols = new Set<number>([meanCol]);
  for (const [p, figures] of Object.entries(previous.partnerships ?? {})) {
    const col = keyCols.get(nameKey(p));
    if (col !== undefined) columns.push({ col, figures });
    else columns.push({ col: nextCol++, figures, header: `Previous mean: ${p}`, key: `${PARTNERSHIP_MEAN_KEY}${p}` });
    filledCols.add(columns[columns.length - 1]!.col);
  }
  // a partnership column the previous review does not fill must be blank: otherwise two reviews' means would mix
  for (const [, col] of keyCols) {
    if (filledCols.has(col)) continue;
    for (let r = found.firstDataRow; r <= found.lastRow; r++) {
      const holds = cell(tabSnap, r, col);
      if (!isBlankValue(holds)) conflicts.push({ row: r, col, holds, gives: null });
    }
  }

  for (const c of columns) {
    const values = rows.map((r) => previousFigure(c.figures, r));
    rows.forEach((_, i) => {
      const row = target[i]!;
      const holds = cell(tabSnap, row, c.col);
      if (!sameMean(holds, values[i]!)) conflicts.push({ row, col: c.col, holds, gives: values[i]! });
    });
    // one block per run of consecutive rows (a blank written over a blank changes nothing: anything else is a
    // conflict above); rows that are not this framework's (an id a person typed) are never written
    for (const run of runs(target, values))
      tab.blocks.push(
        block(
          run.row,
          c.col,
          run.values.map((v) => [val(v)]),
          'input',
        ),
      );
    if (c.header && c.key) {
      tab.blocks.push(block(found.keyRow - 1, c.col, [[val(c.header)], [val(c.key)]]));
      tab.formats.push(
        { range: { row: found.keyRow - 1, col: c.col, rows: 1, cols: 1 }, format: { ...STYLE.header, wrap: true } },
        { range: { row: found.keyRow, col: c.col, rows: 1, cols: 1 }, format: STYLE.key },
      );
      tab.columnWidths.push({ col: c.col, width: 18 });
    }
    for (const run of runs(target, values))
      tab.formats.push({
        range: { row: run.row, col: c.col, rows: run.values.length, cols: 1 },
        format: { ...STYLE.input, numberFormat: '0.00' },
      });
  }
  for (const row of appended)
    tab.formats.push(
      { range: { row, col: idCol, rows: 1, cols: 1 }, format: { ...STYLE.generated, numberFormat: '@' } },
      { range: { row, col: nameCol, rows: 1, cols: 1 }, format: { ...STYLE.generated, wrap: true } },
    );
  if (conflicts.length) refuse(sheet, conflicts, label);
  return tab;
}
