/**
 * Finding a table on a tab through its hidden key row (`respondent`, `ASPIRE|score`…). The key row is searched for
 * where PR_Meta says it is, where layout 1 puts it, then in the first 40 rows, so rows and columns people insert do
 * not break reading. When the key row is gone, PR_Meta's column numbers are used, with a warning.
 */
import type { TabSnapshot } from '../host/types.js';
import type { CellValue } from '../review/types.js';
import type { TabMeta } from '../sheet-plan/meta.js';
import type { Problem } from '../validation/types.js';
import { a1, columnLetter } from '../util/a1.js';
import { cell, colCount, isBlankValue, lastUsedRow, textOf } from './cells.js';

export interface FoundTable {
  /** the tab's name as the workbook spells it */
  name: string;
  /** row of the key row; 0 when it was not found and PR_Meta's columns are used */
  keyRow: number;
  firstDataRow: number;
  /** column of each known key */
  cols: Record<string, number>;
  /** last row holding anything (0 for an empty tab) */
  lastRow: number;
  /** the key cells as read, for preconditions */
  keyCells: { row: number; col: number; value: CellValue }[];
}

export interface LocateOptions {
  /** keys the framework expects on this tab, in order */
  keys: string[];
  /** keys that may be absent without a warning (the import's machine columns on the entry tab) */
  optionalKeys?: string[];
  /** a key that must be on the key row (e.g. `respondent`) */
  anchor: string;
  meta?: TabMeta;
  /** layout 1 positions */
  defaultKeyRow: number;
  /** columns layout 1 gives each key, used when neither the key row nor PR_Meta has them */
  defaultCols: Record<string, number>;
  /** report unknown keys and unkeyed data columns (entry tabs) */
  strictColumns: boolean;
  /** what the tab is for, in a sentence ("the answers") */
  purpose: string;
}

const SCAN_ROWS = 40;

function keysOnRow(tab: TabSnapshot, row: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const n = colCount(tab);
  for (let c = 1; c <= n; c++) {
    const k = textOf(cell(tab, row, c)).trim();
    if (k === '') continue;
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}

export function locateTable(tab: TabSnapshot, opts: LocateOptions, problems: Problem[]): FoundTable {
  const expected = new Set(opts.keys);
  const candidates = [
    opts.meta?.keyRow,
    opts.defaultKeyRow,
    ...Array.from({ length: Math.min(SCAN_ROWS, tab.values.length) }, (_, i) => i + 1),
  ].filter((r): r is number => typeof r === 'number' && r >= 1 && r <= tab.values.length);
  let keyRow = 0;
  let found = new Map<string, number[]>();
  for (const r of candidates) {
    const keys = keysOnRow(tab, r);
    if (keys.has(opts.anchor)) {
      keyRow = r;
      found = keys;
      break;
    }
  }
  const cols: Record<string, number> = {};
  const keyCells: FoundTable['keyCells'] = [];
  const lastRow = lastUsedRow(tab);

  if (keyRow > 0) {
    for (const [k, cs] of found) {
      if (!expected.has(k)) {
        if (opts.strictColumns) {
          problems.push({
            severity: 'warning',
            code: 'layout.unknown-key',
            at: { sheet: tab.name, row: keyRow, col: cs[0]! },
            message: `The hidden key row names “${k}”, which this review's framework does not have, so column ${columnLetter(cs[0]!)} is not read. If the column holds answers, move them into the right item's column.`,
          });
        }
        continue;
      }
      cols[k] = cs[0]!;
      keyCells.push({ row: keyRow, col: cs[0]!, value: cell(tab, keyRow, cs[0]!) });
      if (cs.length > 1) {
        problems.push({
          severity: 'warning',
          code: 'layout.duplicate-key',
          at: { sheet: tab.name, row: keyRow, col: cs[1]! },
          message: `Column ${columnLetter(cs[1]!)} repeats the key of column ${columnLetter(cs[0]!)} (“${k}”), perhaps from a copied column; only column ${columnLetter(cs[0]!)} is read. Move anything in column ${columnLetter(cs[1]!)} into column ${columnLetter(cs[0]!)}, then delete the copy.`,
        });
      }
    }
    // keys missing from the key row: PR_Meta's column when its key cell is empty
    for (const k of opts.keys) {
      if (cols[k] !== undefined || opts.optionalKeys?.includes(k)) continue;
      const mc = opts.meta?.cols?.[k];
      if (mc !== undefined && isBlankValue(cell(tab, keyRow, mc)) && !Object.values(cols).includes(mc)) {
        cols[k] = mc;
        problems.push({
          severity: 'warning',
          code: 'layout.key-restored',
          at: { sheet: tab.name, row: keyRow, col: mc },
          message: `The hidden key cell ${a1(keyRow, mc)} is empty; the add-in read column ${columnLetter(mc)} as “${k}” from PR_Meta. Unhide row ${keyRow} and type ${k} back into ${a1(keyRow, mc)} so it stays readable.`,
        });
      } else {
        problems.push({
          severity: 'warning',
          code: 'layout.missing-column',
          at: null,
          message: `${tab.name} has no column for “${k}” (its key is missing from the hidden row ${keyRow}), so nothing is read for it. If the column was deleted, restore it (Undo, or version history); if it was moved, its key row cell must still say ${k}.`,
        });
      }
    }
  } else {
    const metaCols = opts.meta?.cols;
    const source = metaCols && Object.keys(metaCols).length > 0 ? metaCols : opts.defaultCols;
    keyRow = 0;
    for (const k of opts.keys) if (source[k] !== undefined) cols[k] = source[k]!;
    problems.push({
      // on an input tab (answers, register) a respondent or row would silently be read from the wrong row: an error
      severity: opts.strictColumns ? 'error' : 'warning',
      code: 'layout.no-key-row',
      at: null,
      message: opts.strictColumns
        ? `The hidden key row of ${tab.name} (the row of machine keys such as “${opts.anchor}” above the first data row) is missing or damaged, so the rows of ${tab.name} cannot be told from its headings and a row could be left out of the figures. Summarise, plan and import will not run until it is back: restore it with Undo or the workbook's version history.`
        : `The hidden key row of ${tab.name} (the row of machine keys such as “${opts.anchor}” above the first data row) is missing, so ${opts.purpose} were read from the columns ${metaCols ? 'recorded in PR_Meta' : 'layout 1 uses'}. Check the figures; to fix it for good, restore the key row (Undo, or version history).`,
    });
  }
  const firstDataRow = keyRow > 0 ? keyRow + 1 : (opts.meta?.firstDataRow ?? opts.defaultKeyRow + 1);

  if (opts.strictColumns && lastRow >= firstDataRow) {
    const used = new Set(Object.values(cols));
    // the first entry of each column without a key, found row by row (a row holds only as many cells as it uses, so a
    // stray value at XFD1048576 costs its own row, not every column of every row)
    const firstIn = new Map<number, number>();
    for (let r = firstDataRow; r <= lastRow; r++) {
      const row = tab.values[r - 1];
      if (!row) continue;
      for (let c = 1; c <= row.length; c++) {
        if (used.has(c) || firstIn.has(c) || isBlankValue(row[c - 1])) continue;
        firstIn.set(c, r);
      }
    }
    for (const [c, r] of [...firstIn].sort((x, y) => x[0] - y[0])) {
      problems.push({
        severity: 'warning',
        code: 'layout.unread-column',
        at: { sheet: tab.name, row: r, col: c },
        message: `Column ${columnLetter(c)} holds entries but has no key in the hidden key row, so the add-in does not read it. If these are answers, move them into the item's own column; if they are your own notes, you can ignore this.`,
      });
    }
  }
  return { name: tab.name, keyRow, firstDataRow, cols, lastRow, keyCells };
}
