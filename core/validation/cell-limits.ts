/**
 * Text longer than Excel keeps in a cell (32,767 characters). Files written by other programs (or by hand) can hold
 * longer text; Excel cuts it when it opens the file, so `check` names every such cell before anything is lost.
 */
import type { Snapshot } from '../host/types.js';
import { EXCEL_MAX_CELL_TEXT } from '../sheet-plan/limits.js';
import type { Problem } from './types.js';

export function cellLimitProblems(snapshot: Snapshot): Problem[] {
  const out: Problem[] = [];
  for (const tab of Object.values(snapshot.tabs)) {
    tab.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string' || v.length <= EXCEL_MAX_CELL_TEXT) return;
        out.push({
          severity: 'error',
          code: 'cell.too-long',
          at: { sheet: tab.name, row: r + 1, col: c + 1 },
          message: `This cell holds ${v.length.toLocaleString('en-GB')} characters; Excel keeps at most 32,767 in a cell and cuts the rest when it opens the file. Shorten it, or move part of it into a cell beside it.`,
        });
      }),
    );
  }
  return out;
}
