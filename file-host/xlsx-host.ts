/**
 * `XlsxHost`: the `Host` contract over an .xlsx file through ExcelJS. Everything happens in memory; `save` writes the
 * file once, beside it first and then renamed, so a failure anywhere leaves the original untouched.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { resolve } from 'node:path';
import type { ApplyResult, Host, ReadRequest, Snapshot, TabSnapshot } from '../core/host/types.js';
import type { CellValue } from '../core/review/types.js';
import type { ChartSpec, Precondition, SheetPlan } from '../core/sheet-plan/types.js';
import { LayoutChangedError } from '../core/operations/types.js';
import { a1, sheetRef, rangeA1 } from '../core/util/a1.js';
import { assertNotOpenElsewhere, assertUnchangedSince, readExisting, stampOf, writeAtomically, type FileStamp } from './file-safety.js';
import { loadXlsx } from './xlsx/load.js';
import { readCell } from './xlsx/cell-values.js';
import { applyTab, reorder } from './xlsx/apply-tab.js';
import { LISTS_TAB, normaliseValidations } from './xlsx/validations.js';
import { keptCharts, writeCharts, CHART_NAME_PREFIX, REL_PLACEHOLDER, type KeptChart, type NewChart } from './xlsx/charts/package-charts.js';
import { anchorXml, chartXml, type ChartData } from './xlsx/charts/chart-xml.js';
import { chartCorners } from './xlsx/charts/placement.js';
import { sheetParts, readText } from './xlsx/charts/opc.js';
import { customRowsInXml, estimateRowHeights, unmarkAutoRows } from './xlsx/row-heights.js';
import { applyFixedScale } from './xlsx/print-fit.js';

type ChartEntry = { id: string | null; kept: KeptChart } | { id: string; spec: ChartSpec };

function cellValueAt(ws: ExcelJS.Worksheet, row: number, col: number): CellValue {
  const cell = ws.findCell(row, col);
  return cell ? readCell(cell) : null;
}

function show(v: CellValue): string {
  return v === null ? 'blank' : JSON.stringify(v);
}

export class XlsxHost implements Host {
  /** charts per tab name, carried over from the file or added by plans */
  private readonly charts = new Map<string, ChartEntry[]>();
  /** rows per tab name whose height is custom (set by a plan or custom in the opened file); others are automatic */
  private readonly customRows = new Map<string, Set<number>>();
  /** of those, the rows whose height a plan set (they may grow to fit their wrapped text) */
  private readonly plannedRows = new Map<string, Set<number>>();
  /** the file this workbook was opened from, as it was then */
  private openedFrom: FileStamp | null = null;

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    kept: Map<string, KeptChart[]>,
    customRows: Map<string, Set<number>>,
  ) {
    for (const [sheet, list] of kept) this.charts.set(sheet, list.map((k) => ({ id: k.id, kept: k })));
    for (const [sheet, rows] of customRows) this.customRows.set(sheet, rows);
    for (const ws of workbook.worksheets) normaliseValidations(ws);
  }

  /** A new, empty workbook. */
  static create(): XlsxHost {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Partnership Review';
    return new XlsxHost(wb, new Map(), new Map());
  }

  /** Open an .xlsx file; refuses one that is open in Excel or LibreOffice, missing, or not an .xlsx workbook. */
  static async open(path: string): Promise<XlsxHost> {
    await assertNotOpenElsewhere(path);
    const stamp = await stampOf(path);
    const host = await XlsxHost.fromBytes(await readExisting(path, '.xlsx workbook'), path);
    host.openedFrom = stamp;
    return host;
  }

  static async fromBytes(bytes: Uint8Array, label: string): Promise<XlsxHost> {
    const { workbook, zip } = await loadXlsx(bytes, label);
    const custom = new Map<string, Set<number>>();
    for (const [sheet, part] of await sheetParts(zip)) custom.set(sheet, customRowsInXml((await readText(zip, part)) ?? ''));
    return new XlsxHost(workbook, await keptCharts(zip), custom);
  }

  /** The workbook as .xlsx bytes, charts included. */
  async toBytes(): Promise<Buffer> {
    const wb = this.workbook;
    wb.lastModifiedBy = 'Partnership Review';
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
    const lists = wb.getWorksheet(LISTS_TAB);
    if (lists) reorder(wb, [...wb.worksheets.filter((w) => w !== lists), lists]);
    for (const ws of wb.worksheets) {
      applyFixedScale(ws);
      estimateRowHeights(ws, this.customRowsOf(ws.name), this.plannedRows.get(ws.name));
    }
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());

    for (const [sheet, part] of await sheetParts(zip)) {
      const xml = await readText(zip, part);
      if (xml !== null) zip.file(part, unmarkAutoRows(xml, this.customRowsOf(sheet)));
    }
    const bySheet = new Map<string, { kept: KeptChart[]; added: NewChart[] }>();
    for (const [sheet, entries] of this.charts) {
      const ws = wb.getWorksheet(sheet);
      if (!ws || entries.length === 0) continue;
      const slot = { kept: [] as KeptChart[], added: [] as NewChart[] };
      for (const e of entries) {
        if ('kept' in e) slot.kept.push(e.kept);
        // a chart needs a header row, at least one category and one series
        else if (e.spec.data.rows >= 2 && e.spec.data.cols >= 2) slot.added.push(this.newChart(ws, e.spec));
      }
      bySheet.set(sheet, slot);
    }
    if (bySheet.size > 0) await writeCharts(zip, bySheet);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  private customRowsOf(sheet: string): Set<number> {
    let set = this.customRows.get(sheet);
    if (!set) {
      set = new Set();
      this.customRows.set(sheet, set);
    }
    return set;
  }

  /** Write the workbook to `path` (temporary file beside it, then rename). Writing back to the file it was opened
   *  from is refused if another program saved that file in the meantime. */
  async save(path: string): Promise<void> {
    const bytes = await this.toBytes();
    if (this.openedFrom && resolve(this.openedFrom.path) === resolve(path)) await assertUnchangedSince(this.openedFrom);
    await writeAtomically(path, bytes);
    this.openedFrom = await stampOf(path);
  }

  async read(request: ReadRequest): Promise<Snapshot> {
    const sheets = this.workbook.worksheets;
    // tab names are matched as Excel does, without regard to case
    const wanted = request.tabs === 'all' ? null : new Set(request.tabs.map((t) => t.toLowerCase()));
    const tabs: Record<string, TabSnapshot> = {};
    sheets.forEach((ws, index) => {
      if (wanted && !wanted.has(ws.name.toLowerCase())) return;
      tabs[ws.name] = { name: ws.name, index, hidden: ws.state !== 'visible', values: this.values(ws) };
    });
    return { tabNames: sheets.map((ws) => ws.name), tabs };
  }

  /** Values from A1 to the last cell holding something (rectangular, padded with null). */
  private values(ws: ExcelJS.Worksheet): CellValue[][] {
    const found: Array<{ row: number; col: number; value: CellValue }> = [];
    let maxRow = 0;
    let maxCol = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = readCell(cell);
        if (value === null || value === '') return;
        found.push({ row: r, col: c, value });
        if (r > maxRow) maxRow = r;
        if (c > maxCol) maxCol = c;
      });
    });
    const out: CellValue[][] = Array.from({ length: maxRow }, () => new Array<CellValue>(maxCol).fill(null));
    for (const f of found) out[f.row - 1]![f.col - 1] = f.value;
    return out;
  }

  async apply(plan: SheetPlan): Promise<ApplyResult> {
    this.checkPreconditions(plan.preconditions ?? []);
    let calls = 0;
    const ctx = {
      workbook: this.workbook,
      onReplaced: (name: string) => {
        this.charts.delete(name);
        this.customRows.delete(name);
        this.plannedRows.delete(name);
      },
    };
    for (const tab of plan.tabs) {
      // one "call" per tab written: everything happens in memory, the file is written once by save()
      const { sheet } = await applyTab(ctx, tab);
      calls++;
      for (const h of tab.rowHeights ?? []) {
        this.customRowsOf(sheet).add(h.row);
        const planned = this.plannedRows.get(sheet) ?? new Set<number>();
        planned.add(h.row);
        this.plannedRows.set(sheet, planned);
      }
      for (const spec of tab.charts) {
        const list = (this.charts.get(sheet) ?? []).filter((e) => e.id !== spec.id);
        list.push({ id: spec.id, spec });
        this.charts.set(sheet, list);
      }
    }
    for (const n of plan.namedRanges) {
      const names = this.workbook.definedNames as unknown as { matrixMap: Record<string, unknown> };
      delete names.matrixMap[n.name];
      const sheet = this.sheet(n.sheet)?.name ?? n.sheet;
      this.workbook.definedNames.add(`${sheetRef(sheet)}!${rangeA1(n.range, true)}`, n.name);
    }
    if (plan.activate) this.activate(plan.activate);
    return { calls };
  }

  private checkPreconditions(pre: Precondition[]): void {
    for (const p of pre) {
      const ws = this.sheet(p.sheet);
      if (!ws) {
        throw new LayoutChangedError(`The tab "${p.sheet}" is no longer in the workbook: it was renamed or deleted while the review was open. Restore it, then run the command again.`);
      }
      const now = cellValueAt(ws, p.row, p.col);
      if (now !== p.equals && !(now === null && p.equals === '')) {
        throw new LayoutChangedError(
          `${p.sheet}!${a1(p.row, p.col)}: this cell changed while the review was open (it held ${show(p.equals)}, now ${show(now)}). Nothing was written; run the command again.`,
        );
      }
    }
  }

  /** A tab by name, without regard to case. */
  private sheet(name: string): ExcelJS.Worksheet | undefined {
    const key = name.toLowerCase();
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === key);
  }

  private activate(name: string): void {
    const sheets = this.workbook.worksheets;
    const index = sheets.findIndex((ws) => ws.name.toLowerCase() === name.toLowerCase());
    if (index < 0 || sheets[index]!.state !== 'visible') return;
    for (const [i, ws] of sheets.entries()) {
      const active = i === index;
      if (!ws.views || ws.views.length === 0) {
        if (active) ws.views = [{ state: 'normal', tabSelected: true } as unknown as ExcelJS.WorksheetView];
      } else {
        (ws.views[0] as { tabSelected?: boolean }).tabSelected = active;
      }
    }
    this.workbook.views = [{ x: 0, y: 0, width: 24000, height: 14000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
  }

  private newChart(ws: ExcelJS.Worksheet, spec: ChartSpec): NewChart {
    const { row, col, rows, cols } = spec.data;
    const data: ChartData = { seriesNames: [], categories: [], values: [] };
    for (let s = 1; s < cols; s++) {
      data.seriesNames.push(String(cellValueAt(ws, row, col + s) ?? ''));
      const vals: Array<number | null> = [];
      for (let r = 1; r < rows; r++) {
        const v = cellValueAt(ws, row + r, col + s);
        vals.push(typeof v === 'number' ? v : null);
      }
      data.values.push(vals);
    }
    for (let r = 1; r < rows; r++) data.categories.push(String(cellValueAt(ws, row + r, col) ?? ''));
    const { from, to } = chartCorners(ws, spec);
    return {
      chartXml: chartXml(spec, ws.name, data),
      anchor: anchorXml(from, to, 2, `${CHART_NAME_PREFIX}${spec.id}`, spec.title, REL_PLACEHOLDER),
    };
  }

  /** For tests: the charts each tab will be saved with. */
  chartIds(sheet: string): Array<string | null> {
    return (this.charts.get(sheet) ?? []).map((e) => e.id);
  }

  /** The tab names, in workbook order. */
  tabNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }
}
