/**
 * An in-memory workbook implementing `Host`: used by the tests and by the browser preview, which draws it as a grid.
 * It stores what a plan gives it — values, formulas (with core's value shown, never evaluated), formats,
 * validation, conditional formats, charts, protection — honours the tab modes and the preconditions, and counts
 * its calls. Pure TypeScript: no DOM, no Node.
 */
import type { InspectRequest, TabFacts } from '../core/host/inspect.js';
import { inspectSheets } from './inspect.js';
import { rowsWanted, type ApplyResult, type Host, type ReadRequest, type Snapshot, type TabSnapshot } from '../core/host/types.js';
import { LayoutChangedError } from '../core/operations/types.js';
import type { CellRef, CellValue } from '../core/review/types.js';
import type { Block, NamedRangeSpec, Precondition, SheetPlan, TabPlan } from '../core/sheet-plan/types.js';
import { mergedRanges } from '../core/sheet-plan/merges.js';
import { a1 } from '../core/util/a1.js';
import { MemorySheet, type MemoryCell } from './memory-sheet.js';

export interface MemoryCounters {
  reads: number;
  applies: number;
  /** blocks written (one host call each in a real adapter) */
  blocks: number;
  /** every batched call: blocks, format rules, validations, conditional formats, charts, merges, tab operations */
  calls: number;
}

function blankish(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (blankish(a) && blankish(b)) return true;
  return a === b;
}

export class MemoryWorkbook implements Host {
  readonly sheets: MemorySheet[] = [];
  namedRanges: NamedRangeSpec[] = [];
  selected: CellRef | null = null;
  active: string | null = null;
  readonly counters: MemoryCounters = { reads: 0, applies: 0, blocks: 0, calls: 0 };

  constructor(tabNames: string[] = []) {
    for (const n of tabNames) this.addTab(n);
  }

  // ── Host ────────────────────────────────────────────────────────────────────

  async read(request: ReadRequest): Promise<Snapshot> {
    return this.readNow(request);
  }

  /** `read` without the promise, for tests. */
  readNow(request: ReadRequest = { tabs: 'all' }): Snapshot {
    this.counters.reads++;
    const tabs: Record<string, TabSnapshot> = {};
    const wanted = request.tabs === 'all' ? this.sheets : request.tabs.map((n) => this.find(n)).filter((s): s is MemorySheet => !!s);
    for (const s of wanted) {
      // a head is given as asked, to prove core needs no more of the tab than it asks for
      const rows = rowsWanted(request, s.name);
      const values = rows === Infinity ? s.values() : s.values().slice(0, rows);
      tabs[s.name] = { name: s.name, index: this.sheets.indexOf(s), hidden: s.hidden, values };
    }
    return { tabNames: this.sheets.map((s) => s.name), tabs };
  }

  async apply(plan: SheetPlan): Promise<ApplyResult> {
    return this.applyNow(plan);
  }

  /** `apply` without the promise, for tests. Checks everything first, so a refused plan changes nothing. */
  applyNow(plan: SheetPlan): ApplyResult {
    this.checkPreconditions(plan.preconditions ?? []);
    for (const t of plan.tabs) {
      if (t.mode === 'create' && this.find(t.name)) throw new Error(`The tab “${t.name}” already exists, so it cannot be created.`);
      validateTabName(t.name);
    }
    this.counters.applies++;
    const before = this.counters.calls;
    for (const t of plan.tabs) this.applyTab(t);
    for (const n of plan.namedRanges) {
      this.namedRanges = this.namedRanges.filter((x) => x.name.toLowerCase() !== n.name.toLowerCase());
      this.namedRanges.push(structuredCloneSafe(n));
      this.counters.calls++;
    }
    if (plan.activate) this.active = this.find(plan.activate)?.name ?? this.active;
    return { calls: this.counters.calls - before };
  }

  /** Read-back (core/host/inspect.ts): what the workbook kept beyond values. */
  async inspect(requests: InspectRequest[]): Promise<TabFacts[]> {
    return this.inspectNow(requests);
  }

  inspectNow(requests: InspectRequest[]): TabFacts[] {
    return inspectSheets((n) => this.find(n), requests);
  }

  /** Delete tabs and workbook names (the self-test's scratch tabs); missing ones are skipped. */
  async remove(tabs: string[], namedRanges: string[]): Promise<void> {
    this.removeNow(tabs, namedRanges);
  }

  removeNow(tabs: string[], namedRanges: string[]): void {
    for (const t of tabs) if (this.find(t)) this.deleteTab(t);
    const gone = new Set(namedRanges.map((n) => n.toLowerCase()));
    this.namedRanges = this.namedRanges.filter((n) => !gone.has(n.name.toLowerCase()));
  }

  async select(at: CellRef): Promise<void> {
    this.selectNow(at);
  }

  selectNow(at: CellRef): void {
    const s = this.find(at.sheet);
    if (!s) throw new Error(`There is no tab “${at.sheet}”.`);
    this.active = s.name;
    this.selected = { sheet: s.name, row: at.row, col: at.col };
  }

  // ── helpers for tests and the preview ───────────────────────────────────────

  find(name: string): MemorySheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  tab(name: string): MemorySheet {
    const s = this.find(name);
    if (!s) throw new Error(`There is no tab “${name}” (tabs: ${this.sheets.map((x) => x.name).join(', ')}).`);
    return s;
  }

  tabNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  addTab(name: string, position?: number): MemorySheet {
    if (this.find(name)) throw new Error(`The tab “${name}” already exists.`);
    validateTabName(name);
    const s = new MemorySheet(name);
    if (position === undefined || position >= this.sheets.length) this.sheets.push(s);
    else this.sheets.splice(Math.max(0, position), 0, s);
    return s;
  }

  deleteTab(name: string): void {
    const s = this.tab(name);
    this.sheets.splice(this.sheets.indexOf(s), 1);
  }

  renameTab(from: string, to: string): void {
    const s = this.tab(from);
    if (this.find(to) && this.find(to) !== s) throw new Error(`The tab “${to}” already exists.`);
    validateTabName(to);
    s.name = to;
  }

  moveTab(name: string, position: number): void {
    const s = this.tab(name);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, s);
  }

  /** What a person typing does: a value (text stays text here; nothing is parsed). */
  setCell(sheet: string, row: number, col: number, value: CellValue): void {
    this.tab(sheet).set(row, col, { value });
  }

  setFormula(sheet: string, row: number, col: number, formula: string, shown: CellValue): void {
    this.tab(sheet).set(row, col, { value: shown, formula });
  }

  getCell(sheet: string, row: number, col: number): CellValue {
    return this.tab(sheet).get(row, col)?.value ?? null;
  }

  getFormula(sheet: string, row: number, col: number): string | undefined {
    return this.tab(sheet).get(row, col)?.formula;
  }

  /** Insert empty columns before `col`, shifting cells right (formulas are not rewritten: nothing is evaluated). */
  insertColumn(sheet: string, col: number, count = 1): void {
    this.tab(sheet).shift('col', col, count);
  }

  /** Insert empty rows before `row`, shifting cells down (formulas are not rewritten). */
  insertRow(sheet: string, row: number, count = 1): void {
    this.tab(sheet).shift('row', row, count);
  }

  /** Every non-empty cell of every tab: `Sheet!A1` → cell. */
  allCells(): Map<string, MemoryCell> {
    const out = new Map<string, MemoryCell>();
    for (const s of this.sheets) for (const [row, col, c] of s.entries()) out.set(`${s.name}!${a1(row, col)}`, { ...c });
    return out;
  }

  clone(): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const s of this.sheets) wb.sheets.push(s.clone());
    wb.namedRanges = this.namedRanges.map(structuredCloneSafe);
    wb.active = this.active;
    return wb;
  }

  // ── internals ───────────────────────────────────────────────────────────────

  private checkPreconditions(pre: Precondition[]): void {
    for (const p of pre) {
      const s = this.find(p.sheet);
      const now = s?.get(p.row, p.col)?.value ?? null;
      if (!s || !sameCellValue(now, p.equals)) {
        throw new LayoutChangedError(
          `The workbook changed while the add-in was working (${p.sheet}!${a1(p.row, p.col)} ${s ? `now holds “${String(now ?? '')}”` : 'is gone'}). Nothing was written: run it again.`,
        );
      }
    }
  }

  private applyTab(t: TabPlan): void {
    let s = this.find(t.name);
    if (!s) {
      s = this.addTab(t.name, t.position);
      this.counters.calls++;
    } else if (t.mode === 'replace') {
      s.clear();
      this.counters.calls++;
    }
    if (t.hidden !== undefined) s.hidden = t.hidden;
    if (t.tabColour !== undefined) s.tabColour = t.tabColour;
    for (const b of t.blocks) this.writeBlock(s, b);
    s.formats.push(...t.formats.map(structuredCloneSafe));
    for (const w of t.columnWidths) s.columnWidths.set(w.col, w.width);
    for (const h of t.rowHeights ?? []) s.rowHeights.set(h.row, h.height);
    // as a spreadsheet holds them: a merge across is one merged range per row (what the preview grid draws)
    for (const m of t.merges) s.merges.push(...mergedRanges(m));
    if (t.freeze) s.freeze = { ...t.freeze };
    s.validations.push(...t.validations.map(structuredCloneSafe));
    s.conditionalFormats.push(...t.conditionalFormats.map(structuredCloneSafe));
    for (const c of t.charts) {
      s.charts = s.charts.filter((x) => x.id !== c.id);
      s.charts.push(structuredCloneSafe(c));
    }
    if (t.protection) s.protection = structuredCloneSafe(t.protection);
    if (t.print) s.print = structuredCloneSafe(t.print);
    for (const c of t.hiddenColumns ?? []) s.hiddenColumns.add(c);
    for (const r of t.hiddenRows ?? []) s.hiddenRows.add(r);
    this.counters.calls +=
      (t.formats.length > 0 ? 1 : 0) +
      (t.columnWidths.length > 0 ? 1 : 0) +
      t.merges.length +
      t.validations.length +
      t.conditionalFormats.length +
      t.charts.length;
  }

  private writeBlock(s: MemorySheet, b: Block): void {
    b.cells.forEach((row, i) => {
      row.forEach((c, j) => {
        const r = b.row + i;
        const col = b.col + j;
        if ('f' in c) s.set(r, col, { value: c.v, formula: c.f });
        else s.set(r, col, { value: c.v });
      });
    });
    this.counters.blocks++;
    this.counters.calls++;
  }
}

function validateTabName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
    throw new Error(`“${name}” cannot be a tab name: use 1 to 31 characters and none of [ ] : * ? / \\.`);
  }
}

function structuredCloneSafe<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
