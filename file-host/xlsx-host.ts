/**
 * `XlsxHost`: the `Host` contract over an .xlsx (or .xlsm) file through the package-preserving engine in `xlsx/`.
 * A command reads only the parts it needs, writes only the cells, formats and rules its plan names, and saves once:
 * every part it did not change goes back into the file byte for byte (themes, macros, pictures, shapes, pivot
 * tables, slicers, charts people made, custom XML). `save` writes beside the file first and then renames, so a
 * failure anywhere leaves the original untouched.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { rowsWanted, type ApplyResult, type Host, type ReadRequest, type Snapshot, type TabSnapshot } from '../core/host/types.js';
import type { CellValue } from '../core/review/types.js';
import type { ChartSpec, Precondition, SheetPlan } from '../core/sheet-plan/types.js';
import { LayoutChangedError } from '../core/operations/types.js';
import { a1, sheetRef, rangeA1 } from '../core/util/a1.js';
import {
  assertNotOpenElsewhere,
  assertUnchangedSince,
  assertWritable,
  assertFolderWritable,
  readExisting,
  stampOf,
  writeAtomically,
  type FileStamp,
} from './file-safety.js';
import { Workbook, type SheetEntry } from './xlsx/workbook.js';
import { applyTab, setView } from './xlsx/apply-tab.js';
import { LISTS_TAB } from './xlsx/validations.js';
import { anchorXml, chartXml, type ChartData } from './xlsx/charts/chart-xml.js';
import { chartCorners } from './xlsx/charts/placement.js';
import { CHART_NAME_PREFIX, REL_PLACEHOLDER, chartIdsOf, putCharts, type NewChart } from './xlsx/charts/drawing.js';
import { estimateRowHeights } from './xlsx/row-heights.js';
import type { SheetModel } from './xlsx/sheet.js';

function show(v: CellValue): string {
  return v === null ? 'blank' : JSON.stringify(v);
}

export interface OpenOptions {
  /** the command will write the file: refuse a read-only one before doing any work */
  write?: boolean;
}

export class XlsxHost implements Host {
  /** rows per tab whose height a plan set (they may grow to fit their wrapped text) */
  private readonly plannedRows = new Map<SheetEntry, Set<number>>();
  /** the file this workbook was opened from, as it was then */
  private openedFrom: FileStamp | null = null;

  private constructor(
    readonly workbook: Workbook,
    /** the file's name in messages */
    private readonly label = 'the workbook',
  ) {}

  /** A new, empty workbook. */
  static create(): XlsxHost {
    return new XlsxHost(Workbook.create());
  }

  /** Run `fn`; a part that cannot be read (parts are read when first needed) is one clear line naming the file. */
  private readable<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw Workbook.unreadable(e, this.label);
    }
  }

  /** Open an .xlsx/.xlsm file; refuses one that is open in Excel or LibreOffice, missing, read-only (when the command
   *  will write it), or not a workbook this engine can keep whole. */
  static async open(path: string, options: OpenOptions = {}): Promise<XlsxHost> {
    await assertNotOpenElsewhere(path);
    const bytes = await readExisting(path, '.xlsx workbook');
    if (options.write) {
      await assertWritable(path);
      await assertFolderWritable(path);
    }
    const stamp = await stampOf(path);
    const host = await XlsxHost.fromBytes(bytes, path);
    host.openedFrom = stamp;
    return host;
  }

  static async fromBytes(bytes: Uint8Array, label: string): Promise<XlsxHost> {
    return new XlsxHost(Workbook.open(bytes, label), label);
  }

  /** Whether the workbook keeps macros (.xlsm). */
  get macroEnabled(): boolean {
    return this.workbook.macroEnabled;
  }

  /** The workbook as package bytes: changed parts rewritten, every other part as it was. */
  async toBytes(): Promise<Buffer> {
    return this.readable(() => this.packageBytes());
  }

  private packageBytes(): Buffer {
    const wb = this.workbook;
    const lists = wb.find(LISTS_TAB);
    if (lists) wb.moveToEnd(lists);
    for (const entry of wb.sheets) {
      // every tab read or written: rows the plan wrote, and rows typed with no height at all (see row-heights.ts)
      if (!entry.model) continue;
      estimateRowHeights(entry.model, wb.styles(), this.plannedRows.get(entry) ?? new Set());
    }
    wb.recalcOnLoad();
    return wb.toBytes();
  }

  /** Write the workbook to `path` (temporary file beside it — beside the target when `path` is a symbolic link —
   *  then renamed). Writing back to the file it was opened from is refused if another program saved that file in
   *  the meantime. */
  async save(path: string): Promise<void> {
    const bytes = await this.toBytes();
    if (this.openedFrom && (await sameFile(this.openedFrom.path, path))) await assertUnchangedSince(this.openedFrom);
    await writeAtomically(path, bytes);
    this.openedFrom = await stampOf(path);
  }

  async read(request: ReadRequest): Promise<Snapshot> {
    return this.readable(() => this.snapshot(request));
  }

  private snapshot(request: ReadRequest): Snapshot {
    const wb = this.workbook;
    // tab names are matched as Excel does, without regard to case
    const wanted = request.tabs === 'all' ? null : new Set(request.tabs.map((t) => t.toLowerCase()));
    const tabs: Record<string, TabSnapshot> = {};
    wb.sheets.forEach((entry, index) => {
      if (wanted && !wanted.has(entry.name.toLowerCase())) return;
      const values = entry.kind === 'worksheet' ? wb.model(entry).values(rowsWanted(request, entry.name)) : [];
      tabs[entry.name] = { name: entry.name, index, hidden: wb.isHidden(entry), values };
    });
    return { tabNames: wb.sheets.map((s) => s.name), tabs };
  }

  async apply(plan: SheetPlan): Promise<ApplyResult> {
    return this.readable(() => this.applyPlan(plan));
  }

  private applyPlan(plan: SheetPlan): ApplyResult {
    const wb = this.workbook;
    this.checkPreconditions(plan.preconditions ?? []);
    let calls = 0;
    const state = { onReplaced: (entry: SheetEntry) => this.plannedRows.delete(entry) };
    for (const tab of plan.tabs) {
      // one "call" per tab written: everything happens in memory, the file is written once by save()
      const done = applyTab(wb, tab, state);
      calls++;
      if (tab.rowHeights?.length) {
        const planned = this.plannedRows.get(done.entry) ?? new Set<number>();
        for (const h of tab.rowHeights) planned.add(h.row);
        this.plannedRows.set(done.entry, planned);
      }
      const ws = wb.model(done.entry);
      // a chart needs a header row, at least one category and one series
      const charts = done.charts.filter((c) => c.data.rows >= 2 && c.data.cols >= 2).map((c) => this.newChart(done.entry.name, ws, c));
      putCharts(wb.pkg, done.entry.part, ws, charts);
    }
    for (const n of plan.namedRanges) {
      const sheet = wb.find(n.sheet)?.name ?? n.sheet;
      wb.setName(n.name, `${sheetRef(sheet)}!${rangeA1(n.range, true)}`);
    }
    if (plan.activate) this.activate(plan.activate);
    return { calls };
  }

  private checkPreconditions(pre: Precondition[]): void {
    for (const p of pre) {
      const entry = this.workbook.find(p.sheet);
      if (!entry || entry.kind !== 'worksheet') {
        throw new LayoutChangedError(
          `The tab "${p.sheet}" is no longer in the workbook: it was renamed or deleted while the review was open. Restore it, then run the command again.`,
        );
      }
      const now = this.workbook.model(entry).valueAt(p.row, p.col);
      if (now !== p.equals && !(now === null && p.equals === '')) {
        throw new LayoutChangedError(
          `${p.sheet}!${a1(p.row, p.col)}: this cell changed while the review was open (it held ${show(p.equals)}, now ${show(now)}). Nothing was written; run the command again.`,
        );
      }
    }
  }

  /** Show a tab when the file opens: it becomes the active tab and the only selected one. */
  private activate(name: string): void {
    const wb = this.workbook;
    const target = wb.find(name);
    if (!target || wb.isHidden(target) || target.kind !== 'worksheet') return;
    wb.activate(target);
    for (const entry of wb.sheets) {
      if (entry.kind !== 'worksheet') continue;
      if (entry === target) {
        setView(wb.model(entry), { tabSelected: '1' });
        continue;
      }
      // only tabs that say they are selected are opened and changed
      const text = entry.model ? (entry.model.elementXml('sheetViews') ?? '') : (wb.pkg.text(entry.part) ?? '').slice(0, 4096);
      if (/tabSelected="(1|true)"/.test(text)) setView(wb.model(entry), { tabSelected: null });
    }
  }

  private newChart(sheet: string, ws: SheetModel, spec: ChartSpec): NewChart {
    const { row, col, rows, cols } = spec.data;
    const data: ChartData = { seriesNames: [], categories: [], values: [] };
    for (let s = 1; s < cols; s++) {
      data.seriesNames.push(String(ws.valueAt(row, col + s) ?? ''));
      const vals: Array<number | null> = [];
      for (let r = 1; r < rows; r++) {
        const v = ws.valueAt(row + r, col + s);
        vals.push(typeof v === 'number' ? v : null);
      }
      data.values.push(vals);
    }
    for (let r = 1; r < rows; r++) data.categories.push(String(ws.valueAt(row + r, col) ?? ''));
    const { from, to } = chartCorners(ws, spec);
    return {
      id: spec.id,
      chartXml: chartXml(spec, sheet, data),
      anchor: anchorXml(from, to, 2, `${CHART_NAME_PREFIX}${spec.id}`, spec.title, REL_PLACEHOLDER),
    };
  }

  /** The charts on a tab: our chart ids, null for charts people made. */
  chartIds(sheet: string): Array<string | null> {
    const entry = this.workbook.find(sheet);
    if (!entry || entry.kind !== 'worksheet') return [];
    return this.readable(() => chartIdsOf(this.workbook.pkg, entry.part, this.workbook.model(entry)));
  }

  /** The tab names, in workbook order. */
  tabNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  /** What a person sees in a cell (for tests and the demo). */
  valueAt(sheet: string, row: number, col: number): CellValue {
    const entry = this.workbook.find(sheet);
    return entry && entry.kind === 'worksheet' ? this.readable(() => this.workbook.model(entry).valueAt(row, col)) : null;
  }

  /** Type a value into a cell as a person would in a spreadsheet program (text stays text). */
  type(sheet: string, row: number, col: number, value: string | number | boolean | null): void {
    const entry = this.workbook.find(sheet);
    if (!entry) throw new Error(`no tab called "${sheet}"`);
    this.workbook.model(entry).writeValue(row, col, value);
  }

  /** Delete a tab as a person would (for tests). */
  removeTab(name: string): void {
    const entry = this.workbook.find(name);
    if (entry) this.workbook.removeSheet(entry);
  }

  /** Every formula in the workbook, as `=…`. */
  formulas(): Array<{ sheet: string; row: number; col: number; formula: string }> {
    const out: Array<{ sheet: string; row: number; col: number; formula: string }> = [];
    for (const entry of this.workbook.sheets) {
      if (entry.kind !== 'worksheet') continue;
      for (const f of this.workbook.model(entry).formulas())
        out.push({ sheet: entry.name, row: f.row, col: f.col, formula: `=${f.formula}` });
    }
    return out;
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}
