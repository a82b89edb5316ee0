/** One tab of the in-memory workbook: a sparse grid of cells plus everything a plan can set on a tab. */
import type { CellValue } from '../core/review/types.js';
import type {
  ChartSpec,
  ConditionalFormatSpec,
  FormatRule,
  PrintSpec,
  ProtectionSpec,
  RangeRef,
  ValidationSpec,
  CellFormat,
} from '../core/sheet-plan/types.js';

export interface MemoryCell {
  value: CellValue;
  /** present for formula cells; `value` is then core's value for it (nothing is evaluated) */
  formula?: string;
}

const key = (row: number, col: number) => row * 20_000 + col;

export class MemorySheet {
  hidden = false;
  tabColour: string | undefined;
  private cells = new Map<number, MemoryCell>();
  formats: FormatRule[] = [];
  validations: ValidationSpec[] = [];
  conditionalFormats: ConditionalFormatSpec[] = [];
  charts: ChartSpec[] = [];
  merges: RangeRef[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  freeze: { rows: number; cols: number } | undefined;
  protection: ProtectionSpec | undefined;
  print: PrintSpec | undefined;
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();

  constructor(public name: string) {}

  get(row: number, col: number): MemoryCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** A cell with no formula and a null or '' value is removed (as clearing a cell does). */
  set(row: number, col: number, cell: MemoryCell): void {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1 || col >= 20_000)
      throw new RangeError(`no such cell: row ${row}, column ${col}`);
    if (cell.formula === undefined && (cell.value === null || cell.value === '')) this.cells.delete(key(row, col));
    else this.cells.set(key(row, col), cell.formula === undefined ? { value: cell.value } : { value: cell.value, formula: cell.formula });
  }

  *entries(): Generator<[number, number, MemoryCell]> {
    const list = [...this.cells.entries()].sort((a, b) => a[0] - b[0]);
    for (const [k, c] of list) yield [Math.floor(k / 20_000), k % 20_000, c];
  }

  /** Last used row and column (0 when empty). */
  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const k of this.cells.keys()) {
      const r = Math.floor(k / 20_000);
      const c = k % 20_000;
      if (r > rows) rows = r;
      if (c > cols) cols = c;
    }
    return { rows, cols };
  }

  /** Values from A1 to the last used cell, rectangular, blanks as null. */
  values(): CellValue[][] {
    const { rows, cols } = this.extent();
    const out: CellValue[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null as CellValue));
    for (const [k, c] of this.cells) out[Math.floor(k / 20_000) - 1]![(k % 20_000) - 1] = c.value ?? null;
    return out;
  }

  /** The last format given for (row, col), merged over every rule that covers it, in order. */
  formatAt(row: number, col: number): CellFormat {
    const f: CellFormat = {};
    for (const r of this.formats) if (inRange(r.range, row, col)) Object.assign(f, r.format);
    return f;
  }

  clear(): void {
    this.cells.clear();
    this.formats = [];
    this.validations = [];
    this.conditionalFormats = [];
    this.charts = [];
    this.merges = [];
    this.columnWidths.clear();
    this.rowHeights.clear();
    this.freeze = undefined;
    this.protection = undefined;
    this.print = undefined;
    this.hiddenColumns.clear();
    this.hiddenRows.clear();
  }

  shift(axis: 'row' | 'col', from: number, count: number): void {
    const moved = new Map<number, MemoryCell>();
    for (const [k, c] of this.cells) {
      let r = Math.floor(k / 20_000);
      let col = k % 20_000;
      if (axis === 'row' && r >= from) r += count;
      if (axis === 'col' && col >= from) col += count;
      moved.set(key(r, col), c);
    }
    this.cells = moved;
  }

  clone(): MemorySheet {
    const s = new MemorySheet(this.name);
    s.hidden = this.hidden;
    s.tabColour = this.tabColour;
    for (const [k, c] of this.cells) s.cells.set(k, { ...c });
    const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    s.formats = copy(this.formats);
    s.validations = copy(this.validations);
    s.conditionalFormats = copy(this.conditionalFormats);
    s.charts = copy(this.charts);
    s.merges = copy(this.merges);
    s.columnWidths = new Map(this.columnWidths);
    s.rowHeights = new Map(this.rowHeights);
    s.freeze = this.freeze ? { ...this.freeze } : undefined;
    s.protection = this.protection ? copy(this.protection) : undefined;
    s.print = this.print ? copy(this.print) : undefined;
    s.hiddenColumns = new Set(this.hiddenColumns);
    s.hiddenRows = new Set(this.hiddenRows);
    return s;
  }
}

export function inRange(r: RangeRef, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}
