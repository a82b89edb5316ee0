/**
 * The browser preview's workbook: the in-memory workbook (`MemoryWorkbook`), wrapped so the grid beside the pane
 * can follow it. It tells listeners when a plan was applied, a cell was typed or a cell was selected, and remembers
 * the tab to show (the plan's `activate`, or the tab of the selected cell). Typing goes through `setCell`, what a
 * person typing does; a protected tab refuses typing outside its editable ranges, as Excel does.
 */
import type { CellRef, CellValue } from '../../core/review/types.js';
import type { ApplyResult, Host, ReadRequest, Snapshot } from '../../core/host/types.js';
import type { InspectRequest, TabFacts } from '../../core/host/inspect.js';
import type { CellFormat, ChartSpec, RangeRef, SheetPlan } from '../../core/sheet-plan/types.js';
import { a1 } from '../../core/util/a1.js';
import { inRange, type MemoryWorkbook } from '../../memory-host/index.js';
import { conditionalFormat } from './cell-style.js';

export interface SheetLayout {
  widths: ReadonlyMap<number, number>;
  merges: readonly RangeRef[];
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<number>;
  charts: readonly ChartSpec[];
}

export interface PreviewState {
  /** bumps on every change (selection included), so views redraw */
  version: number;
  /** bumps only when cells changed (a plan applied, a cell typed), so views know to read the workbook again */
  dataVersion: number;
  activeTab: string | null;
  selection: CellRef | null;
  /** the last refusal to type, e.g. into a protected header cell */
  notice: string | null;
}

export class PreviewHost implements Host {
  private state: PreviewState = { version: 0, dataVersion: 0, activeTab: null, selection: null, notice: null };
  private readonly listeners = new Set<() => void>();

  constructor(readonly book: MemoryWorkbook) {}

  read(request: ReadRequest): Promise<Snapshot> {
    return this.book.read(request);
  }

  async apply(plan: SheetPlan): Promise<ApplyResult> {
    const r = await this.book.apply(plan);
    this.update({
      activeTab: this.book.active ?? this.state.activeTab ?? plan.tabs[0]?.name ?? null,
      notice: null,
      dataVersion: this.state.dataVersion + 1,
    });
    return r;
  }

  /** Read-back for the self-test (core/host/inspect.ts). */
  inspect(requests: InspectRequest[]): Promise<TabFacts[]> {
    return this.book.inspect(requests);
  }

  /** Delete the self-test's scratch tabs; the grid shows the first tab left if it was showing one of them. */
  async remove(tabs: string[], namedRanges: string[]): Promise<void> {
    await this.book.remove(tabs, namedRanges);
    const active = this.state.activeTab && this.book.find(this.state.activeTab) ? this.state.activeTab : (this.book.tabNames()[0] ?? null);
    this.update({ activeTab: active, selection: null, dataVersion: this.state.dataVersion + 1 });
  }

  async select(at: CellRef): Promise<void> {
    await this.book.select(at);
    this.update({ activeTab: this.book.active ?? at.sheet, selection: at, notice: null });
  }

  /** A person typed `value` into a cell of the grid. False (and a notice) when the tab protects that cell. */
  type(at: CellRef, value: CellValue): boolean {
    const sheet = this.book.find(at.sheet);
    if (!sheet) return false;
    const p = sheet.protection;
    if (p?.protect && !p.editable.some((r) => inRange(r, at.row, at.col))) {
      this.update({
        notice: `${at.sheet}!${a1(at.row, at.col)} is a protected header cell. Type in the entry cells instead (headers are protected so they are not changed by mistake).`,
      });
      return false;
    }
    this.book.setCell(sheet.name, at.row, at.col, value);
    this.update({ notice: null, dataVersion: this.state.dataVersion + 1 });
    return true;
  }

  /** Every tab as it is now, read at once (the grid draws from this, so a typed value shows straight away). */
  snapshotNow(): Snapshot {
    return this.book.readNow({ tabs: 'all' });
  }

  /** Show another tab (the tab strip). */
  showTab(name: string): void {
    this.update({ activeTab: name });
  }

  /** Select a cell from the grid itself (click, arrows): only the highlight moves. */
  highlight(at: CellRef | null): void {
    this.update({ selection: at, notice: null });
  }

  /** The formula in a cell, as the formula bar shows it. */
  formulaAt(sheet: string, row: number, col: number): string | undefined {
    return this.book.find(sheet)?.get(row, col)?.formula;
  }

  /** The format a cell shows: its format rules, then any conditional format its value meets. */
  formatAt(sheet: string, row: number, col: number, value: CellValue): CellFormat {
    const s = this.book.find(sheet);
    if (!s) return {};
    const f = s.formatAt(row, col);
    for (const spec of s.conditionalFormats) {
      if (inRange(spec.range, row, col)) Object.assign(f, conditionalFormat(spec.rules, value));
    }
    return f;
  }

  /** How a tab is laid out: column widths in characters (Excel's unit), merged ranges, hidden rows and columns, charts. */
  layoutOf(sheet: string): SheetLayout {
    const s = this.book.find(sheet);
    if (!s) return { widths: new Map(), merges: [], hiddenRows: new Set(), hiddenColumns: new Set(), charts: [] };
    return { widths: s.columnWidths, merges: s.merges, hiddenRows: s.hiddenRows, hiddenColumns: s.hiddenColumns, charts: s.charts };
  }

  getState(): PreviewState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(change: Partial<Omit<PreviewState, 'version'>>): void {
    // every change redraws; only cell changes (dataVersion) make views read the workbook again
    this.state = { ...this.state, ...change, version: this.state.version + 1 };
    for (const l of this.listeners) l();
  }
}
