/** Writes a generated tab top to bottom: blocks at a moving cursor, with their formats. */
import { block } from './tab.js';
import type { CellFormat, ConditionalRule, PlanCell, RangeRef, TabPlan } from './types.js';
import { RAG_COLOURS } from './cells.js';
import type { TableSpan } from './print.js';

export class TabWriter {
  row = 1;
  /** columns that long text spans (from column B) and their width in characters, for row heights */
  textCols = 1;
  textChars = 40;
  /** characters of a label that fit on a line of column A */
  labelChars = 13;
  /** Where each table's header is written again inside its rows (a printed page starts there, issue #13): before
   *  these data rows (0-based), by table key. */
  repeatAt = new Map<string, Set<number>>();
  /** The tables written with `body`, for planning the printed pages. */
  readonly tables: TableSpan[] = [];
  /** The header row `heading` wrote last (for `body`). */
  lastHeader: { row: number; cells: PlanCell[] } | null = null;
  constructor(readonly tab: TabPlan) {}

  /**
   * The data rows of a table whose header row is `header`, at the cursor: one block per run of rows, the header written
   * again before each data row `repeatAt` names for `key`. Returns the row each data row went to. Formats a caller
   * lays over the whole body also cover the header rows written again; `settleRepeatedHeaders` (print.ts) gives those
   * rows the header's own formats afterwards.
   */
  body(key: string, header: { row: number; cells: PlanCell[] }, rows: PlanCell[][]): number[] {
    const at = this.repeatAt.get(key);
    const first = this.row;
    const out: number[] = [];
    const repeats: number[] = [];
    let run: PlanCell[][] = [];
    let runAt = this.row;
    const flush = (): void => {
      this.put(runAt, 1, run);
      run = [];
    };
    rows.forEach((cells, i) => {
      if (i > 0 && at?.has(i)) {
        flush();
        this.put(this.row, 1, [header.cells]);
        repeats.push(this.row);
        this.row++;
        runAt = this.row;
      }
      run.push(cells);
      out.push(this.row++);
    });
    flush();
    if (rows.length > 0) this.tables.push({ key, header: header.row, first, last: this.row - 1, repeats });
    return out;
  }

  /** The rows `body` would give `n` data rows of table `key` starting at `first` (for formulas written before it). */
  bodyRows(key: string, first: number, n: number): number[] {
    const at = this.repeatAt.get(key);
    const out: number[] = [];
    let row = first;
    for (let i = 0; i < n; i++) {
      if (i > 0 && at?.has(i)) row++;
      out.push(row++);
    }
    return out;
  }

  /**
   * Rows of a label (column A) and a long text merged across the text columns, one row per text, with a row height
   * worked out from the text (spreadsheets do not fit the height of merged cells themselves). The whole list is ONE
   * block and ONE merge of each row across, so hosts make the same number of calls however long the list is.
   */
  textRows(entries: { label: string; texts: string[]; bold?: boolean }[]): number {
    const first = this.row;
    const cells: PlanCell[][] = [];
    const heights = this.tab.rowHeights ?? (this.tab.rowHeights = []);
    for (const e of entries) {
      const texts = e.texts.length > 0 ? e.texts : [''];
      texts.forEach((t, i) => {
        const row = this.row;
        cells.push([{ v: i === 0 ? e.label : null }, { v: t === '' ? null : t }]);
        const lines = t.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(10, this.textChars))), 0);
        const labelLines = i === 0 ? Math.ceil(e.label.length / this.labelChars) : 1;
        const height = Math.min(409, Math.max(15, Math.max(lines, labelLines) * 15));
        if (height > 15) heights.push({ row, height, fit: true });
        if (e.bold && i === 0) this.format(row, 1, 1, 1 + this.textCols, { bold: true, fill: '#F2F2F2' });
        this.row++;
      });
    }
    const n = this.row - first;
    this.put(first, 1, cells);
    if (this.textCols > 1 && n > 0) this.tab.merges.push({ row: first, col: 2, rows: n, cols: this.textCols, across: true });
    this.format(first, 1, n, 1 + this.textCols, { border: 'thin', vAlign: 'top', wrap: true });
    return first;
  }

  /** Put a block at (row, col) without moving the cursor. */
  put(row: number, col: number, cells: PlanCell[][]): void {
    if (cells.length === 0) return;
    this.tab.blocks.push(block(row, col, cells));
  }

  /** Put rows at the cursor (column A) and move the cursor below them. Returns the first row written. */
  rows(cells: PlanCell[][]): number {
    const at = this.row;
    this.put(at, 1, cells);
    this.row += cells.length;
    return at;
  }

  skip(n = 1): void {
    this.row += n;
  }

  format(row: number, col: number, rows: number, cols: number, format: CellFormat): void {
    if (rows <= 0 || cols <= 0) return;
    this.tab.formats.push({ range: { row, col, rows, cols }, format });
  }

  ragColours(range: RangeRef): void {
    if (range.rows <= 0) return;
    const rules: ConditionalRule[] = (['Green', 'Amber', 'Red'] as const).map((t) => ({
      kind: 'textEquals',
      text: t,
      format: { ...RAG_COLOURS[t] },
    }));
    this.tab.conditionalFormats.push({ range, rules });
  }
}
