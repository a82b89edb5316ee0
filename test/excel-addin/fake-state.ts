/**
 * The in-memory workbook behind the recording Office.js fake: what Excel would hold after each `context.sync()`.
 * Typed values are parsed the way typing into Excel parses them (that is what `range.values` does), so a test can
 * tell text kept as text from text that became a formula, a number or a date.
 */
import type { CellValue } from '../../core/review/types.js';
import { columnNumber } from '../../core/util/a1.js';

export interface FakeCell {
  value: CellValue;
  formula?: string;
}

export interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Excel's grid limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 'B3', 'B3:D9', 'C:E', '3:5', '$A$1:$B$2' → 1-based bounds; undefined (no address) = whole sheet. */
export function parseAddress(address: string | undefined): Bounds {
  if (address === undefined) return { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLS };
  const a = address.replace(/\$/g, '').replace(/^.*!/, '');
  const [from, to = from] = a.split(':') as [string, string?];
  const cell = (s: string): { r?: number; c?: number } => {
    const m = /^([A-Z]*)(\d*)$/i.exec(s);
    if (!m) throw fakeError('InvalidArgument', `not an address: ${address}`);
    return { c: m[1] ? columnNumber(m[1]) : undefined, r: m[2] ? Number(m[2]) : undefined };
  };
  const f = cell(from);
  const t = cell(to);
  return { r1: f.r ?? 1, c1: f.c ?? 1, r2: t.r ?? MAX_ROWS, c2: t.c ?? MAX_COLS };
}

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/**
 * Excel's tab-name rules: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe, not
 * "History" (reserved). Uniqueness (without regard to case) is checked by the caller.
 */
export function assertTabName(name: string): void {
  if (name.trim() === '' || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    throw fakeError('InvalidArgument', `"${name}" is not a valid tab name`);
  }
}

export function fakeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code, name: 'RichApi.Error' });
}

/** What typing `s` into a cell stores (approximately Excel's en-GB parser). */
export function parseTyped(s: string | number | boolean): FakeCell | null {
  if (typeof s !== 'string') return { value: s };
  if (s === '') return null;
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=')) return { value: null, formula: s };
  const t = s.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const d = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?$/.exec(t);
  if (d) {
    const year = d[3] ? Number(d[3].length === 2 ? `20${d[3]}` : d[3]) : 2026;
    return { value: Math.round((Date.UTC(year, Number(d[2]) - 1, Number(d[1])) - Date.UTC(1899, 11, 30)) / 86_400_000) };
  }
  if (/^[+@-]/.test(s)) return { value: null, formula: `=${s.replace(/^[+@]/, '')}` };
  return { value: s };
}

export interface FormatEntry {
  address: string;
  path: string;
  value: unknown;
}

export interface ValidationEntry {
  address: string;
  bounds: Bounds;
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
  ignoreBlanks?: boolean;
}

export interface ConditionalEntry {
  address: string;
  bounds: Bounds;
  type: string;
  props: Record<string, unknown>;
}

export interface ChartEntry {
  type: string;
  source: string;
  seriesBy?: string;
  props: Record<string, unknown>;
}

export class FakeSheetState {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  readonly cells = new Map<string, FakeCell>();
  readonly numberFormats = new Map<string, string>();
  formats: FormatEntry[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  merges: string[] = [];
  freeze: { rows: number; cols: number } | null = null;
  validations: ValidationEntry[] = [];
  conditionalFormats: ConditionalEntry[] = [];
  charts: ChartEntry[] = [];
  protected = false;
  /** a person protected the tab with a password (the adapter cannot unprotect it) */
  password = '';
  protectionOptions: Excel.WorksheetProtectionOptions | undefined;
  unlocked: string[] = [];
  pageLayout: Record<string, unknown> = {};
  /** rows a manual page break starts (horizontalPageBreaks), in the order added */
  rowBreaks: number[] | undefined;

  constructor(public name: string) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(this.key(r, c));
  }

  /** the cell's value as a person sees it (formulas give null: the fake does not calculate) */
  value(r: number, c: number): CellValue {
    return this.get(r, c)?.value ?? null;
  }

  formula(r: number, c: number): string | undefined {
    return this.get(r, c)?.formula;
  }

  set(r: number, c: number, cell: FakeCell | null): void {
    if (cell === null) this.cells.delete(this.key(r, c));
    else this.cells.set(this.key(r, c), cell);
  }

  usedBounds(): Bounds | null {
    let b: Bounds | null = null;
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (!b) b = { r1: r, c1: c, r2: r, c2: c };
      else b = { r1: Math.min(b.r1, r), c1: Math.min(b.c1, c), r2: Math.max(b.r2, r), c2: Math.max(b.c2, c) };
    }
    return b;
  }

  clearCells(b: Bounds): void {
    for (const k of [...this.cells.keys()]) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) this.cells.delete(k);
    }
  }

  /** Values from A1 to the last used cell, as the host snapshot holds them. */
  grid(): CellValue[][] {
    const b = this.usedBounds();
    if (!b) return [];
    return Array.from({ length: b.r2 }, (_, r) => Array.from({ length: b.c2 }, (_, c) => this.value(r + 1, c + 1)));
  }
}

export class FakeWorkbookState {
  sheets: FakeSheetState[] = [];
  readonly names = new Map<string, string>();
  active: string | undefined;
  selection: string | undefined;
  /** the workbook counts dates from 1904 (Excel for Mac's old default): the same day is a serial 1,462 lower */
  date1904 = false;

  /** A workbook with these tabs and values (from A1). */
  static with(tabs: Record<string, CellValue[][]> = { Sheet1: [] }): FakeWorkbookState {
    const wb = new FakeWorkbookState();
    for (const [name, rows] of Object.entries(tabs)) {
      const s = new FakeSheetState(name);
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && s.set(r + 1, c + 1, { value: v })));
      wb.sheets.push(s);
    }
    wb.active = wb.sheets[0]?.name;
    return wb;
  }

  find(name: string): FakeSheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheet(name: string): FakeSheetState {
    const s = this.find(name);
    if (!s) throw new Error(`test: no tab ${name}; tabs are ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }
}
