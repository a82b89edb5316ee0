/**
 * Excel's specification limits ("Excel specifications and limits", Microsoft Support) as far as a sheet plan can
 * break them, and one check of a whole plan run by every operation before anything is written (core/operations/run.ts),
 * so no host is ever asked to write something Excel would refuse, cut or repair:
 * - 1,048,576 rows and 16,384 columns (XFD) per sheet;
 * - 32,767 characters in a cell;
 * - 8,192 characters in a formula, and 255 in a text constant inside a formula;
 * - 31 characters in a sheet name, none of `[ ] : * ? / \`, not blank, not starting or ending with an apostrophe.
 * Builders keep within these (ranges are clamped to the last row, long names are referred to by cell); this check is
 * the net under them: a plan that still breaks one is refused with the tab, the cell and the reason.
 */
import { a1, columnLetter } from '../util/a1.js';
import type { RangeRef, SheetPlan, TabPlan } from './types.js';

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;
export const EXCEL_MAX_CELL_TEXT = 32_767;
export const EXCEL_MAX_FORMULA = 8_192;
/** a text constant ("…") inside a formula */
export const EXCEL_MAX_FORMULA_TEXT = 255;
export const EXCEL_MAX_TAB_NAME = 31;

/** Why `name` cannot be a sheet name in Excel, or null when it can. */
export function tabNameProblem(name: string): string | null {
  if (name.trim() === '') return 'a tab name cannot be blank';
  if (name.length > EXCEL_MAX_TAB_NAME)
    return `a tab name has at most ${EXCEL_MAX_TAB_NAME} characters (“${name.slice(0, 40)}…” has ${name.length})`;
  const bad = /[[\]:*?/\\]/.exec(name);
  if (bad) return `a tab name cannot contain ${bad[0]} (“${name}”); the characters [ ] : * ? / \\ are not allowed`;
  if (name.startsWith("'") || name.endsWith("'")) return `a tab name cannot start or end with an apostrophe (“${name}”)`;
  return null;
}

/** The last row of a range that starts at `row` and wants `rows` rows, kept within the sheet: the row count to use. */
export function rowsWithinSheet(row: number, rows: number): number {
  return Math.max(0, Math.min(rows, EXCEL_MAX_ROWS - row + 1));
}

/** "the text is 40,000 characters long; Excel keeps at most 32,767 in a cell" */
export function cellTextTooLong(length: number): string {
  return `the text is ${length.toLocaleString('en-GB')} characters long; Excel keeps at most ${EXCEL_MAX_CELL_TEXT.toLocaleString('en-GB')} in a cell`;
}

/** The longest text constant inside a formula (quotes undoubled), 0 when none. */
export function longestFormulaText(f: string): number {
  // by hand, quote to quote: the regular expression /"((?:[^"]|"")*)"/g tried an alternation at every character of
  // every formula the plan writes (20 ms of a summarise). A text that never closes counts to the end of the formula.
  let longest = 0;
  for (let open = f.indexOf('"'); open >= 0;) {
    let length = 0;
    let from = open + 1;
    for (;;) {
      const q = f.indexOf('"', from);
      if (q < 0) return Math.max(longest, length + f.length - from);
      length += q - from;
      if (f.charCodeAt(q + 1) === 34) {
        length += 1; // "" inside a text is one quote
        from = q + 2;
        continue;
      }
      longest = Math.max(longest, length);
      open = f.indexOf('"', q + 1);
      break;
    }
  }
  return longest;
}

function rangeProblem(tab: string, what: string, r: RangeRef): string | null {
  if (r.rows <= 0 || r.cols <= 0) return null;
  const lastRow = r.row + r.rows - 1;
  const lastCol = r.col + r.cols - 1;
  if (r.row < 1 || r.col < 1) return `${tab}: ${what} starts before A1`;
  if (lastRow > EXCEL_MAX_ROWS) return `${tab}: ${what} reaches row ${lastRow.toLocaleString('en-GB')}, past Excel's last row (1,048,576)`;
  if (lastCol > EXCEL_MAX_COLS)
    return `${tab}: ${what} reaches column ${lastCol > 18_278 ? lastCol : columnLetter(lastCol)}, past Excel's last column (XFD)`;
  return null;
}

function tabProblems(tab: TabPlan): string[] {
  const out: string[] = [];
  const name = tab.name;
  const tn = tabNameProblem(name);
  if (tn) out.push(`${name}: ${tn}`);
  for (const b of tab.blocks) {
    const width = b.cells.reduce((m, r) => Math.max(m, r.length), 0);
    const p = rangeProblem(name, `a block of cells from ${b.row >= 1 && b.col >= 1 ? a1(b.row, b.col) : `row ${b.row}`}`, {
      row: b.row,
      col: b.col,
      rows: b.cells.length,
      cols: width,
    });
    if (p) {
      out.push(p);
      continue;
    }
    b.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const at = (): string => `${name}!${a1(b.row + i, b.col + j)}`; // named only when there is a problem
        if ('f' in cell) {
          if (cell.f.length > EXCEL_MAX_FORMULA)
            out.push(`${at()}: the formula is ${cell.f.length.toLocaleString('en-GB')} characters long; Excel allows at most 8,192`);
          const lit = longestFormulaText(cell.f);
          if (lit > EXCEL_MAX_FORMULA_TEXT)
            out.push(`${at()}: the formula holds a text of ${lit} characters; Excel allows at most 255 in a formula`);
        }
        if (typeof cell.v === 'string' && cell.v.length > EXCEL_MAX_CELL_TEXT) out.push(`${at()}: ${cellTextTooLong(cell.v.length)}`);
      }),
    );
  }
  const ranges: [string, RangeRef][] = [
    ...tab.formats.map((f): [string, RangeRef] => ['a format', f.range]),
    ...tab.merges.map((m): [string, RangeRef] => ['a merge', m]),
    ...tab.validations.map((v): [string, RangeRef] => ['a dropdown or entry rule', v.range]),
    ...tab.conditionalFormats.map((c): [string, RangeRef] => ['a colour rule', c.range]),
    ...tab.charts.map((c): [string, RangeRef] => [`the chart “${c.title}”`, c.data]),
    ...(tab.protection?.editable ?? []).map((r): [string, RangeRef] => ['an editable range', r]),
    ...(tab.print?.area ? [['the print area', tab.print.area] as [string, RangeRef]] : []),
  ];
  for (const [what, r] of ranges) {
    const p = rangeProblem(name, what, r);
    if (p) out.push(p);
  }
  for (const h of tab.rowHeights ?? [])
    if (h.row > EXCEL_MAX_ROWS) out.push(`${name}: a row height for row ${h.row}, past Excel's last row`);
  for (const c of [...(tab.hiddenColumns ?? []), ...tab.columnWidths.map((w) => w.col)])
    if (c > EXCEL_MAX_COLS) out.push(`${name}: column ${c}, past Excel's last column (XFD)`);
  return out;
}

/** Every way `plan` breaks one of Excel's limits, one line each naming the tab (and cell); empty when none. */
export function planLimitProblems(plan: SheetPlan): string[] {
  const out = plan.tabs.flatMap(tabProblems);
  for (const n of plan.namedRanges) {
    const p = rangeProblem(n.sheet, `the named range ${n.name}`, n.range);
    if (p) out.push(p);
  }
  return out;
}
