/// <reference types="google-apps-script" />
/**
 * The Google Sheets host: the two verbs every host has (`read`, `apply`) over Apps Script's SpreadsheetApp.
 *
 * It decides nothing and computes nothing: it batches. Reading is `getSheets()` once and one `getValues()` per tab
 * asked for. Writing is one `setValues()` per block (values and formulas together: Sheets takes a "=…" string as a
 * formula, which is why literal text goes through `hostText()`), one `RangeList` call per distinct format, one
 * validation per range, conditional formats set once per tab, widths grouped, a list merged across in one
 * `mergeAcross`, the heights of wrapped text left to Sheets in one `autoResizeRows`, one sizing call per tab, one
 * `formatDate` per distinct date read. So the number of calls follows the shape of the plan — tabs, blocks, formats —
 * and not the number of respondents, except for one protection per respondent row when the owner asks for
 * per-respondent protection.
 */
import type { ApplyResult, Host, ReadRequest, Snapshot, TabSnapshot } from '../../core/host/types.js';
import type { CellValue } from '../../core/review/types.js';
import type {
  Block,
  ChartSpec,
  ConditionalFormatSpec,
  PlanCell,
  Precondition,
  ProtectionSpec,
  RangeRef,
  SheetPlan,
  TabPlan,
} from '../../core/sheet-plan/types.js';
import { formulaForHost, hostText } from '../../core/sheet-plan/text-guard.js';
import { a1, cellLabel, rangeA1 } from '../../core/util/a1.js';
import { LayoutChangedError, ReviewRequestError } from '../../core/operations/types.js';
import { WriteFailedError, messageOf } from '../../core/host/write-failure.js';
import { mergedRanges } from '../../core/sheet-plan/merges.js';
import { groupFormats, type FormatGroup } from './format-groups.js';
import { buildConditional, buildValidation } from './sheet-rules.js';
import { runs, tabExtent } from './tab-extent.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

/** The parts of SpreadsheetApp the host uses besides the spreadsheet itself. */
export type SheetsApp = Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  'newDataValidation' | 'newConditionalFormatRule' | 'ProtectionType' | 'BorderStyle'
>;

export interface SheetsHostOptions {
  /** `SpreadsheetApp.getActiveSpreadsheet()` in Apps Script; a fake in tests */
  spreadsheet: Spreadsheet;
  app: SheetsApp;
  /** ISO `YYYY-MM-DD` of a date cell in the spreadsheet's time zone (Apps Script: `Utilities.formatDate`). */
  isoDate?: (d: Date, timeZone: string) => string;
  /** Rows left free below the planned content of a new or regenerated tab. Default 100 (our choice). */
  spareRows?: number;
  /**
   * Who runs the add-on: `Session.getEffectiveUser()` in Apps Script. Per-respondent protection adds this person as
   * an editor before removing the others, as Google's Protection sample does. Asked only when a plan has
   * per-respondent protection.
   */
  currentUser?: () => GoogleAppsScript.Base.User;
}

/** What this run changed, so a failure can put it back (Apps Script has no rollback). */
interface Undo {
  /** tabs inserted by this run: deleted on failure */
  created: { name: string; sheet: Sheet }[];
  /** tabs being rebuilt (`replace`): the new one is built beside the old, swapped in when everything else is done */
  rebuilt: { name: string; old: Sheet; fresh: Sheet }[];
  /** cells of existing tabs overwritten by this run (`update`): what they held, written back on failure */
  overwritten: { name: string; range: Range; before: unknown[][] }[];
  /** named ranges set by this run on tabs it created */
  names: string[];
  /** tabs updated in place whose formats, lists, rules, charts or protection this run had begun to set (not put back) */
  formatted: string[];
}

/** Sheets compares tab names without regard to case. */
const key = (name: string): string => name.toLowerCase();

/** Excel column width (characters) → Sheets pixels. Default conversion: 7 px a character plus 5 px padding. */
export function widthPixels(chars: number): number {
  return Math.max(2, Math.round(chars * 7 + 5));
}

/** Row height in points (Excel's unit) → Sheets pixels. */
export function heightPixels(points: number): number {
  return Math.max(2, Math.round((points * 4) / 3));
}

function isDate(v: unknown): v is Date {
  // works across realms (a Date from Apps Script, or from a test's fake, is not an instance of this bundle's Date)
  return Object.prototype.toString.call(v) === '[object Date]';
}

function localIso(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A plan cell as `setValues` must receive it. */
export function hostCell(c: PlanCell): string | number | boolean {
  if ('f' in c) return formulaForHost(c.f);
  const v = c.v;
  if (v === null) return '';
  if (typeof v === 'string') return hostText(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

/**
 * On a sheet made for this write (a new tab, or a generated tab rebuilt beside the old one) every block goes in one
 * `setValues`: the rectangle around them, blank between them (nothing is there to keep). So the number of calls does
 * not depend on how many tables, lines or rows a generated tab holds — a Summary with a table more (a tracker whose
 * champions changed scores) costs no call more. Later blocks win where blocks overlap, as writing them in turn would.
 */
export function oneBlock(blocks: readonly Block[]): Block[] {
  const real = blocks.filter((b) => b.cells.length > 0 && (b.cells[0]?.length ?? 0) > 0);
  if (real.length <= 1) return real;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const b of real) {
    top = Math.min(top, b.row);
    left = Math.min(left, b.col);
    bottom = Math.max(bottom, b.row + b.cells.length - 1);
    right = Math.max(right, b.col + b.cells[0]!.length - 1);
  }
  const cells: PlanCell[][] = Array.from({ length: bottom - top + 1 }, () => Array.from({ length: right - left + 1 }, () => ({ v: null })));
  for (const b of real) b.cells.forEach((row, r) => row.forEach((c, k) => (cells[b.row - top + r]![b.col - left + k] = c)));
  return [{ row: top, col: left, cells, owner: real.some((b) => b.owner === 'input') ? 'input' : 'generated' }];
}

export class SheetsHost implements Host {
  private readonly ss: Spreadsheet;
  private readonly app: SheetsApp;
  private readonly isoDate: (d: Date, timeZone: string) => string;
  private readonly spareRows: number;
  private readonly currentUser: (() => GoogleAppsScript.Base.User) | undefined;
  private me: GoogleAppsScript.Base.User | null = null;
  private calls = 0;
  private timeZone: string | null = null;
  /** ISO text of each date value read (by its time), for the life of the host: the time zone does not change */
  private readonly dates = new Map<number, string>();
  /** Things the host could not do exactly as planned (said to the person after the operation). */
  readonly warnings: string[] = [];

  constructor(opts: SheetsHostOptions) {
    this.ss = opts.spreadsheet;
    this.app = opts.app;
    this.isoDate = opts.isoDate ?? ((d) => localIso(d));
    this.spareRows = opts.spareRows ?? 100;
    this.currentUser = opts.currentUser;
  }

  /** Apps Script calls made since the host was made (read and apply). */
  get callCount(): number {
    return this.calls;
  }

  private tick(n = 1): void {
    this.calls += n;
  }

  // ───────────────────────────── reading ─────────────────────────────

  async read(request: ReadRequest): Promise<Snapshot> {
    return this.readNow(request);
  }

  async apply(plan: SheetPlan): Promise<ApplyResult> {
    return this.applyNow(plan);
  }

  /**
   * `read`, synchronously. Apps Script hands google.script.run only what a server function returns, not what a
   * promise resolves to, so the server functions use these synchronous forms (every Apps Script call is synchronous).
   */
  readNow(request: ReadRequest): Snapshot {
    const sheets = this.ss.getSheets();
    this.tick();
    const tabNames = sheets.map((s) => {
      this.tick();
      return s.getName();
    });
    const wanted = request.tabs === 'all' ? new Set(tabNames) : new Set(request.tabs);
    const tabs: Record<string, TabSnapshot> = {};
    sheets.forEach((sheet, index) => {
      const name = tabNames[index]!;
      if (!wanted.has(name)) return;
      const hidden = sheet.isSheetHidden();
      const raw = sheet.getDataRange().getValues();
      this.tick(3);
      tabs[name] = { name, index, hidden, values: this.toValues(raw) };
    });
    return { tabNames, tabs };
  }

  private zone(): string {
    if (this.timeZone === null) {
      this.timeZone = this.ss.getSpreadsheetTimeZone();
      this.tick();
    }
    return this.timeZone;
  }

  private toValue(v: unknown): CellValue {
    if (v === '' || v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (isDate(v)) return this.dateText(v);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- getValues() gives only scalars and dates
    return String(v);
  }

  /** ISO date of a date cell; `Utilities.formatDate` once per distinct date, not once per cell. */
  private dateText(d: Date): string {
    const t = d.getTime();
    let iso = this.dates.get(t);
    if (iso === undefined) {
      iso = this.isoDate(d, this.zone());
      this.dates.set(t, iso);
    }
    return iso;
  }

  private toValues(raw: unknown[][]): CellValue[][] {
    // an empty sheet's data range is A1 holding ''
    if (raw.length === 1 && raw[0]!.length === 1 && (raw[0]![0] === '' || raw[0]![0] === null)) return [];
    return raw.map((row) => row.map((v) => this.toValue(v)));
  }

  // ───────────────────────────── writing ─────────────────────────────

  /**
   * `apply`, synchronously (see `readNow`). Either every tab is written or the spreadsheet is left as it was: what
   * can be checked is checked before the first write (tabs to create do not exist, in any case; the protections
   * this run must remove are ones the user may remove); new tabs are deleted again on failure; a tab being rebuilt is
   * built as a new tab beside the old one and swapped in at the very end; cells of a tab being updated are written
   * back. A failure while writing is thrown as a `WriteFailedError` that says which tabs, if any, could not be put back.
   */
  applyNow(plan: SheetPlan): ApplyResult {
    const before = this.calls;
    const warningsBefore = this.warnings.length;
    const sheets = this.sheetMap();
    this.checkPreconditions(plan.preconditions ?? [], sheets);
    for (const tab of plan.tabs) {
      if (tab.mode === 'create' && sheets.has(key(tab.name))) {
        throw new ReviewRequestError(
          `A tab called "${sheets.get(key(tab.name))!.getName()}" already exists in this spreadsheet. Rename or delete it, then try again.`,
        );
      }
    }
    this.checkRemovable(plan, sheets);
    const undo: Undo = { created: [], rebuilt: [], overwritten: [], names: [], formatted: [] };
    const built = new Map<string, Sheet>();
    try {
      for (const tab of plan.tabs) built.set(key(tab.name), this.applyTab(tab, sheets, undo));
      for (const nr of plan.namedRanges) {
        const sheet = built.get(key(nr.sheet)) ?? sheets.get(key(nr.sheet));
        if (!sheet) continue;
        this.ss.setNamedRange(nr.name, this.range(sheet, nr.range));
        this.tick();
        if (undo.created.some((c) => c.sheet === sheet) || undo.rebuilt.some((r) => r.fresh === sheet)) undo.names.push(nr.name);
      }
      this.swapRebuilt(undo);
    } catch (e) {
      const added = undo.created.map((c) => c.name);
      const left = this.putBack(undo);
      throw new WriteFailedError(
        messageOf(e),
        left,
        undo.formatted,
        left.filter((t) => added.includes(t)),
      );
    }
    if (plan.activate) {
      const sheet = built.get(key(plan.activate)) ?? sheets.get(key(plan.activate));
      if (sheet) {
        sheet.activate();
        this.tick();
      }
    }
    const warnings = this.warnings.slice(warningsBefore);
    return warnings.length > 0 ? { calls: this.calls - before, warnings } : { calls: this.calls - before };
  }

  /** Every tab by its name in lower case. */
  private sheetMap(): Map<string, Sheet> {
    const map = new Map<string, Sheet>();
    const sheets = this.ss.getSheets();
    this.tick();
    for (const s of sheets) {
      map.set(key(s.getName()), s);
      this.tick();
    }
    return map;
  }

  /**
   * Before writing: the protections this run would remove (all on a tab being rebuilt, the add-in's own on a tab
   * being updated) are ones the user may remove. Only an editor of a protection may (Protection.canEdit(); Google's
   * sample checks it before remove()), so a second co-ordinator is told plainly instead of failing half-way.
   */
  private checkRemovable(plan: SheetPlan, sheets: Map<string, Sheet>): void {
    for (const tab of plan.tabs) {
      const sheet = sheets.get(key(tab.name));
      if (!sheet || tab.mode === 'create') continue;
      if (tab.mode !== 'replace' && !tab.protection) continue;
      const ours = new Set([tab.protection?.description, ...(tab.protection?.owned ?? []).map((o) => o.description)]);
      for (const type of [this.app.ProtectionType.SHEET, this.app.ProtectionType.RANGE]) {
        const list = sheet.getProtections(type);
        this.tick();
        for (const p of list) {
          if (tab.mode !== 'replace') {
            const d = p.getDescription();
            this.tick();
            if (!ours.has(d)) continue;
          }
          const can = p.canEdit();
          this.tick();
          if (!can) {
            throw new ReviewRequestError(
              `The tab "${tab.name}" has a protection you are not an editor of, so the add-in cannot rebuild it for you. Ask the spreadsheet's owner (or whoever set the protection) to run this, or to add you as an editor of that protection (Data > Protect sheets and ranges).`,
            );
          }
        }
      }
    }
  }

  /** The last step of a write: each rebuilt tab replaces its old version (deleted), taking its name. */
  private swapRebuilt(undo: Undo): void {
    for (const r of undo.rebuilt) {
      this.ss.deleteSheet(r.old);
      r.fresh.setName(r.name);
      this.tick(2);
    }
    undo.rebuilt = [];
  }

  /** After a failure: undo what this run wrote. Returns the tabs it could not put back. */
  private putBack(undo: Undo): string[] {
    const left: string[] = [];
    for (const o of [...undo.overwritten].reverse()) {
      try {
        o.range.setValues(o.before);
        this.tick();
      } catch {
        if (!left.includes(o.name)) left.push(o.name);
      }
    }
    for (const name of undo.names) {
      try {
        this.ss.removeNamedRange(name);
        this.tick();
      } catch {
        // a name on a tab deleted below goes with it
      }
    }
    for (const c of [...undo.created, ...undo.rebuilt.map((r) => ({ name: r.name, sheet: r.fresh }))]) {
      try {
        this.ss.deleteSheet(c.sheet);
        this.tick();
      } catch {
        left.push(c.name);
      }
    }
    return left;
  }

  private range(sheet: Sheet, r: RangeRef): Range {
    this.tick();
    return sheet.getRange(r.row, r.col, r.rows, r.cols);
  }

  /** Under the document lock, just before writing: every cell the plan relies on still holds what was read. */
  private checkPreconditions(pre: Precondition[], sheets: Map<string, Sheet>): void {
    const bySheet = new Map<string, Precondition[]>();
    for (const p of pre) {
      const list = bySheet.get(p.sheet) ?? [];
      list.push(p);
      bySheet.set(p.sheet, list);
    }
    for (const [name, list] of bySheet) {
      const sheet = sheets.get(key(name));
      if (!sheet) {
        throw new LayoutChangedError(`The tab "${name}" was renamed or deleted while the add-in was working.`);
      }
      const lastRow = sheet.getLastRow();
      const lastCol = sheet.getLastColumn();
      this.tick(2);
      const top = Math.min(...list.map((p) => p.row));
      const left = Math.min(...list.map((p) => p.col));
      const bottom = Math.min(lastRow, Math.max(...list.map((p) => p.row)));
      const right = Math.min(lastCol, Math.max(...list.map((p) => p.col)));
      const values: unknown[][] =
        bottom >= top && right >= left
          ? this.range(sheet, { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 }).getValues()
          : [];
      if (values.length) this.tick();
      for (const p of list) {
        const raw = values[p.row - top]?.[p.col - left];
        const now = this.toValue(raw);
        if (now !== p.equals) {
          const shown = (v: CellValue): string => (v === null ? 'nothing' : `"${String(v)}"`);
          throw new LayoutChangedError(
            `${cellLabel({ sheet: name, row: p.row, col: p.col })} changed while the add-in was working: it held ${shown(p.equals)} and now holds ${shown(now)}.`,
          );
        }
      }
    }
  }

  /** A name for a tab being rebuilt beside its old version, unlike any tab's (it is renamed at the end). */
  private buildingName(name: string, sheets: Map<string, Sheet>): string {
    const base = `${name} (being rebuilt)`.slice(0, 90);
    let candidate = base;
    for (let i = 2; sheets.has(key(candidate)); i++) candidate = `${base} ${i}`;
    return candidate;
  }

  private applyTab(tab: TabPlan, sheets: Map<string, Sheet>, undo: Undo): Sheet {
    const existing = sheets.get(key(tab.name));
    let sheet: Sheet;
    if (!existing) {
      const count = this.ss.getNumSheets();
      this.tick();
      const at = tab.position === undefined ? count : Math.max(0, Math.min(tab.position, count));
      sheet = this.ss.insertSheet(tab.name, at);
      this.tick();
      undo.created.push({ name: tab.name, sheet });
    } else if (tab.mode === 'replace') {
      // built beside the old one, which stays untouched until everything else has been written
      const at = existing.getIndex() - 1;
      sheet = this.ss.insertSheet(this.buildingName(tab.name, sheets), at);
      this.tick(2);
      undo.rebuilt.push({ name: tab.name, old: existing, fresh: sheet });
    } else {
      sheet = existing;
    }
    const fresh = sheet !== existing;
    const maxRows = sheet.getMaxRows();
    const maxCols = sheet.getMaxColumns();
    this.tick(2);
    this.size(sheet, tab, maxRows, maxCols, fresh);

    // on a tab updated in place, only the cells are put back if the write fails: say so if more than cells was set
    const formatsSet = (): void => {
      if (!fresh && !undo.formatted.includes(tab.name)) undo.formatted.push(tab.name);
    };
    if (tab.tabColour) {
      formatsSet();
      sheet.setTabColor(tab.tabColour);
      this.tick();
    }
    for (const block of fresh ? oneBlock(tab.blocks) : tab.blocks) {
      const rows = block.cells.length;
      const cols = block.cells[0]?.length ?? 0;
      if (rows === 0 || cols === 0) continue;
      const range = this.range(sheet, { row: block.row, col: block.col, rows, cols });
      if (!fresh) undo.overwritten.push({ name: tab.name, range, before: this.restorable(range) });
      range.setValues(block.cells.map((r) => r.map(hostCell)));
      this.tick();
    }
    const more =
      tab.formats.length +
      tab.columnWidths.length +
      tab.merges.length +
      (tab.rowHeights?.length ?? 0) +
      tab.validations.length +
      tab.conditionalFormats.length +
      tab.charts.length +
      (tab.hiddenColumns?.length ?? 0) +
      (tab.hiddenRows?.length ?? 0);
    if (more > 0 || tab.freeze || tab.protection || tab.hidden) formatsSet();
    this.applyFormats(sheet, groupFormats(tab.formats));
    for (const w of runs(tab.columnWidths.map((c) => ({ at: c.col, value: widthPixels(c.width) })))) {
      sheet.setColumnWidths(w.start, w.count, w.value);
      this.tick();
    }
    // merges before heights: a row is fitted to its merged text
    for (const m of tab.merges) {
      if (m.across) {
        if (m.rows < 1 || m.cols < 2) continue;
        this.range(sheet, m).mergeAcross();
      } else {
        if (m.rows * m.cols < 2) continue;
        this.range(sheet, m).merge();
      }
      this.tick();
    }
    this.applyRowHeights(sheet, tab);
    if (tab.freeze || (fresh && tab.mode === 'replace')) {
      sheet.setFrozenRows(tab.freeze?.rows ?? 0);
      sheet.setFrozenColumns(tab.freeze?.cols ?? 0);
      this.tick(2);
    }
    this.applyValidations(sheet, tab);
    this.applyConditionalFormats(sheet, tab.conditionalFormats, fresh);
    this.applyCharts(sheet, tab.charts, !fresh);
    if (tab.protection) this.applyProtection(sheet, tab.name, tab.protection, !fresh);
    for (const h of runs((tab.hiddenColumns ?? []).map((c) => ({ at: c, value: true })))) {
      sheet.hideColumns(h.start, h.count);
      this.tick();
    }
    for (const h of runs((tab.hiddenRows ?? []).map((r) => ({ at: r, value: true })))) {
      sheet.hideRows(h.start, h.count);
      this.tick();
    }
    if (tab.hidden) {
      sheet.hideSheet();
      this.tick();
    }
    return sheet;
  }

  /** What a range holds, as `setValues` would write it back: formulas as formulas, text guarded as text. */
  private restorable(range: Range): unknown[][] {
    const values: unknown[][] = range.getValues();
    const formulas: string[][] = range.getFormulas();
    this.tick(2);
    return values.map((row, i) =>
      row.map((v, j) => {
        const f = formulas[i]?.[j];
        if (typeof f === 'string' && f !== '') return f;
        return typeof v === 'string' ? hostText(v) : v;
      }),
    );
  }

  /**
   * Heights a plan gives as an estimate for wrapped text (`fit`) are left to Sheets where the text is in a cell of
   * its own: one `autoResizeRows` over them. Sheets, like Excel, does not fit a row to wrapped text in merged cells
   * (the autoResizeRows documentation promises nothing for them), so a fitted row holding a merged cell gets core's
   * estimate, set in runs of equal heights like every other height. A list whose texts are one line long needs no
   * height; each run of longer texts costs one call.
   */
  private applyRowHeights(sheet: Sheet, tab: TabPlan): void {
    const heights = tab.rowHeights ?? [];
    const merged = tab.merges.flatMap(mergedRanges).filter((m) => m.cols > 1 || m.rows > 1);
    const inMerge = (row: number): boolean => merged.some((m) => row >= m.row && row < m.row + m.rows);
    const fit = heights.filter((h) => h.fit === true && !inMerge(h.row));
    if (fit.length > 0) {
      let first = fit[0]!.row;
      let last = first;
      for (const h of fit) {
        first = Math.min(first, h.row);
        last = Math.max(last, h.row);
      }
      sheet.autoResizeRows(first, last - first + 1);
      this.tick();
    }
    const fixed = heights.filter((h) => h.fit !== true || inMerge(h.row));
    for (const h of runs(fixed.map((r) => ({ at: r.row, value: heightPixels(r.height) })))) {
      sheet.setRowHeights(h.start, h.count, h.value);
      this.tick();
    }
  }

  /**
   * Make the grid big enough for the plan, in exactly one call for the rows of every tab written, so the number of
   * calls is the same whatever the size of the data. A new or regenerated tab is sized to the planned content plus
   * spare rows (grown or shrunk). A tab being updated (rows people typed may be anywhere on it) only ever grows: to
   * the planned content plus spare rows when it is short of rows, otherwise by one blank row at the bottom.
   */
  private size(sheet: Sheet, tab: TabPlan, maxRows: number, maxCols: number, exact: boolean): void {
    const need = tabExtent(tab);
    if (exact) {
      let target = need.rows + this.spareRows;
      if (target === maxRows) target += 1;
      if (target > maxRows) sheet.insertRowsAfter(maxRows, target - maxRows);
      else sheet.deleteRows(target + 1, maxRows - target);
    } else {
      sheet.insertRowsAfter(maxRows, need.rows > maxRows ? need.rows + this.spareRows - maxRows : 1);
    }
    this.tick();
    if (need.cols > maxCols) {
      sheet.insertColumnsAfter(maxCols, need.cols - maxCols);
      this.tick();
    }
  }

  private applyFormats(sheet: Sheet, groups: FormatGroup[]): void {
    for (const g of groups) {
      const list: RangeList = sheet.getRangeList(g.ranges.map((r) => rangeA1(r)));
      this.tick(2);
      switch (g.prop) {
        case 'fontWeight':
          list.setFontWeight(g.value as 'bold' | 'normal');
          break;
        case 'fontStyle':
          list.setFontStyle(g.value as 'italic' | 'normal');
          break;
        case 'fontSize':
          list.setFontSize(g.value as number);
          break;
        case 'fontColor':
          list.setFontColor(g.value as string);
          break;
        case 'background':
          list.setBackground(g.value as string);
          break;
        case 'wrap':
          list.setWrap(g.value as boolean);
          break;
        case 'horizontalAlignment':
          list.setHorizontalAlignment(g.value as 'left' | 'center' | 'right');
          break;
        case 'verticalAlignment':
          list.setVerticalAlignment(g.value as 'top' | 'middle' | 'bottom');
          break;
        case 'numberFormat':
          list.setNumberFormat(g.value as string);
          break;
        case 'border':
          if (g.value === 'thin') list.setBorder(true, true, true, true, true, true, '#BFBFBF', this.app.BorderStyle.SOLID);
          else list.setBorder(false, false, false, false, false, false);
          break;
      }
    }
  }

  private applyValidations(sheet: Sheet, tab: TabPlan): void {
    const tick = (n: number): void => this.tick(n);
    for (const v of tab.validations) {
      const rule = buildValidation(this.app, v.rule, a1(v.range.row, v.range.col), tick);
      this.range(sheet, v.range).setDataValidation(rule);
      this.tick();
    }
  }

  /**
   * One `setConditionalFormatRules` per tab. On a new or regenerated tab the plan's rules are the tab's rules; on a
   * tab being updated, rules over the same ranges are replaced and any other rule (perhaps a person's) is kept.
   */
  private applyConditionalFormats(sheet: Sheet, specs: ConditionalFormatSpec[], whole: boolean): void {
    if (specs.length === 0 && !whole) return;
    const tick = (n: number): void => this.tick(n);
    const built: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
    for (const spec of specs) {
      const range = this.range(sheet, spec.range);
      const tl = a1(spec.range.row, spec.range.col);
      for (const rule of spec.rules) built.push(buildConditional(this.app, rule, range, tl, tick));
    }
    let rules = built;
    if (!whole) {
      const replaced = new Set(specs.map((s) => rangeA1(s.range)));
      const existing = sheet.getConditionalFormatRules();
      this.tick();
      const kept = existing.filter((r) => {
        const ranges = r.getRanges();
        this.tick(1 + ranges.length);
        return !ranges.some((x) => replaced.has(x.getA1Notation()));
      });
      rules = [...kept, ...built];
    }
    sheet.setConditionalFormatRules(rules);
    this.tick();
  }

  private applyCharts(sheet: Sheet, charts: ChartSpec[], updating: boolean): void {
    if (charts.length === 0) return;
    if (updating) {
      // a regenerated chart replaces the chart of the same title
      const titles = new Set(charts.map((c) => c.title));
      const existing = sheet.getCharts();
      this.tick();
      for (const c of existing) {
        const title: unknown = c.getOptions().get('title');
        this.tick(2);
        if (typeof title === 'string' && titles.has(title)) {
          sheet.removeChart(c);
          this.tick();
        }
      }
    }
    for (const spec of charts) {
      const base = sheet.newChart();
      const typed = spec.kind === 'bar' ? base.asBarChart() : base.asColumnChart();
      const valueAxis = spec.kind === 'bar' ? 'hAxis' : 'vAxis';
      let b = typed
        .addRange(this.range(sheet, spec.data))
        .setNumHeaders(1)
        .setPosition(spec.anchor.row, spec.anchor.col, 0, 0)
        .setOption('title', spec.title)
        .setOption('width', spec.width)
        .setOption('height', spec.height)
        .setOption('legend', { position: spec.data.cols > 2 ? 'right' : 'none' });
      this.tick(9);
      if (spec.min !== undefined) {
        b = b.setOption(`${valueAxis}.viewWindow.min`, spec.min);
        this.tick();
      }
      if (spec.max !== undefined) {
        b = b.setOption(`${valueAxis}.viewWindow.max`, spec.max);
        this.tick();
      }
      sheet.insertChart(b.build());
      this.tick(2);
    }
  }

  /**
   * Header protection is warning-only (a guard against slips, not a security boundary). Per-respondent protection
   * (when the owner asked for it) follows Google's Protection sample
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection): the current user is added as an
   * editor first (otherwise, when their access comes through a group, removing the group throws), then every other
   * editor is removed, then the respondent is added. Neither the spreadsheet's owner nor the current user can be
   * removed, so a respondent's row can be changed by that respondent, the owner and whoever created the review — the
   * pane and the README say so. If a row cannot be limited, the whole write fails and is put back: it never quietly
   * becomes warning-only. A row without an e-mail address (no `owned` entry) stays under the tab's warning.
   */
  private applyProtection(sheet: Sheet, tabName: string, spec: ProtectionSpec, updating: boolean): void {
    const owned = spec.owned ?? [];
    if (updating) {
      // checkRemovable made sure, before the first write, that the user may remove each of these
      const ours = new Set([spec.description, ...owned.map((o) => o.description)]);
      for (const type of [this.app.ProtectionType.SHEET, this.app.ProtectionType.RANGE]) {
        const list = sheet.getProtections(type);
        this.tick();
        for (const p of list) {
          const d = p.getDescription();
          this.tick();
          if (ours.has(d)) {
            p.remove();
            this.tick();
          }
        }
      }
    }
    if (spec.protect) {
      // Sheet.protect() returns the sheet's protection if it already has one
      const p = sheet.protect().setDescription(spec.description);
      this.tick(2);
      if (spec.editable.length > 0) {
        p.setUnprotectedRanges(spec.editable.map((r) => this.range(sheet, r)));
        this.tick();
      }
      p.setWarningOnly(true);
      this.tick();
    }
    for (const o of owned) {
      const p = this.range(sheet, o.range).protect().setDescription(o.description);
      this.tick(2);
      if (o.editors.length === 0) {
        p.setWarningOnly(true);
        this.tick();
        continue;
      }
      try {
        p.addEditor(this.user());
        p.removeEditors(p.getEditors());
        p.addEditors(o.editors);
        this.tick(4);
        if (p.canDomainEdit()) {
          p.setDomainEdit(false);
          this.tick();
        }
        this.tick();
      } catch (e) {
        throw new Error(
          `${tabName} row ${o.range.row} could not be limited to ${o.editors.join(', ')} (${messageOf(e).replace(/\.$/, '')}). Create the review without protecting each respondent's row, or ask the spreadsheet's owner to create it`,
        );
      }
    }
  }

  private user(): GoogleAppsScript.Base.User {
    if (this.me === null) {
      if (!this.currentUser) throw new Error('the add-in could not tell who is running it, so it cannot protect rows for each respondent');
      this.me = this.currentUser();
      this.tick();
    }
    return this.me;
  }
}
