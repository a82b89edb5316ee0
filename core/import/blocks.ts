/** Cells scattered over a tab → as few rectangular blocks as possible: runs along each row, stacked down rows. */
import type { Block, PlanCell } from '../sheet-plan/types.js';

export type CellMap = Map<number, Map<number, PlanCell>>;

export function setCell(map: CellMap, row: number, col: number, cell: PlanCell): void {
  let r = map.get(row);
  if (!r) map.set(row, (r = new Map<number, PlanCell>()));
  r.set(col, cell);
}

export function blocksFromCells(map: CellMap, owner: Block['owner']): Block[] {
  const done: Block[] = [];
  const open = new Map<string, { block: Block; lastRow: number }>();
  for (const row of [...map.keys()].sort((a, b) => a - b)) {
    const cols = [...map.get(row)!.entries()].sort((a, b) => a[0] - b[0]);
    const runs: { col: number; cells: PlanCell[] }[] = [];
    for (const [col, cell] of cols) {
      const last = runs[runs.length - 1];
      if (last && last.col + last.cells.length === col) last.cells.push(cell);
      else runs.push({ col, cells: [cell] });
    }
    for (const run of runs) {
      const key = `${run.col}:${run.cells.length}`;
      const o = open.get(key);
      if (o && o.lastRow === row - 1) {
        o.block.cells.push(run.cells);
        o.lastRow = row;
      } else {
        if (o) done.push(o.block);
        open.set(key, { block: { row, col: run.col, cells: [run.cells], owner }, lastRow: row });
      }
    }
  }
  for (const o of open.values()) done.push(o.block);
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}
