/// <reference types="google-apps-script" />
/**
 * Every host the add-in writes through, behind one test interface: the `Host` itself, plus what a person does
 * between runs (type a cell as text, delete a tab) and what a test needs to look at afterwards (every formula in
 * the workbook, every value). The ExcelJS host is real; Excel and Sheets are the recording fakes their adapters are
 * tested on, which parse strings the way typing does (so an unguarded "=…" really becomes a formula there).
 */
import type { ApplyResult, Host, ReadRequest, Snapshot } from '../../../core/host/types.js';
import type { SheetPlan } from '../../../core/sheet-plan/types.js';
import { MemoryWorkbook } from '../../../memory-host/index.js';
import type { CellValue } from '../../../core/review/types.js';
import { ExcelHost } from '../../../excel-addin/adapter/excel-host.js';
import { SheetsHost } from '../../../sheets-addon/server/sheets-host.js';
import { XlsxHost } from '../../../file-host/xlsx-host.js';
import { FakeOffice, FakeWorkbookState } from '../../excel-addin/fake-office.js';
import { FakeAppsScript } from '../../sheets-addon/fake-apps-script.js';

export interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  /** as the host holds it, with a leading `=` */
  formula: string;
}

export interface Rig {
  name: string;
  host: Host;
  /** A person types `value` into a cell and the spreadsheet keeps it as that value (text stays text). */
  type(sheet: string, row: number, col: number, value: CellValue): void;
  deleteTab(name: string): void;
  /** every formula cell in the workbook */
  formulas(): FormulaCell[];
  /** every string the adapter handed to the spreadsheet's "as typed" writing calls (Office.js `values`,
   *  Apps Script `setValues`), where guarding text matters; empty for hosts that write typed values */
  typedStrings(): string[];
  /** save and open again, where the host has a file (the command line does this between runs) */
  reopen?(): Promise<void>;
}

export function memoryRig(): Rig & { wb: MemoryWorkbook } {
  const wb = new MemoryWorkbook();
  return {
    name: 'in-memory workbook',
    host: wb,
    wb,
    type: (sheet, row, col, value) => wb.setCell(sheet, row, col, value),
    deleteTab: (name) => wb.deleteTab(name),
    formulas() {
      const out: FormulaCell[] = [];
      for (const s of wb.sheets)
        for (const [row, col, c] of s.entries()) if (c.formula !== undefined) out.push({ sheet: s.name, row, col, formula: c.formula });
      return out;
    },
    typedStrings: () => [],
  };
}

/** A Host that forwards to whichever XlsxHost is current (reopening replaces it, as a new CLI run would). */
class CurrentXlsx implements Host {
  constructor(public current: XlsxHost) {}
  read(r: ReadRequest): Promise<Snapshot> {
    return this.current.read(r);
  }
  apply(p: SheetPlan): Promise<ApplyResult> {
    return this.current.apply(p);
  }
}

export function xlsxRig(): Rig & { readonly xlsx: XlsxHost } {
  const host = new CurrentXlsx(XlsxHost.create());
  return {
    name: 'package engine (.xlsx)',
    host,
    get xlsx() {
      return host.current;
    },
    type(sheet, row, col, value) {
      host.current.type(sheet, row, col, value);
    },
    deleteTab(name) {
      host.current.removeTab(name);
    },
    async reopen() {
      host.current = await XlsxHost.fromBytes(await host.current.toBytes(), 'review.xlsx');
    },
    formulas() {
      return host.current.formulas();
    },
    typedStrings: () => [],
  };
}

/** Reads a cell as the host contract does (for tests that look at one cell). */
export function xlsxValue(host: XlsxHost, sheet: string, row: number, col: number): CellValue {
  return host.valueAt(sheet, row, col);
}

export function officeRig(): Rig & { fake: FakeOffice } {
  const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
  const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.17') });
  return {
    name: 'Office.js (Excel)',
    host,
    fake,
    type(sheet, row, col, value) {
      fake.state.sheet(sheet).set(row, col, value === null || value === '' ? null : { value });
    },
    deleteTab(name) {
      const s = fake.state.sheet(name);
      fake.state.sheets = fake.state.sheets.filter((x) => x !== s);
    },
    formulas() {
      const out: FormulaCell[] = [];
      for (const s of fake.state.sheets) {
        for (const [k, c] of s.cells) {
          if (!c.formula) continue;
          const [row, col] = k.split(',').map(Number) as [number, number];
          out.push({ sheet: s.name, row, col, formula: c.formula });
        }
      }
      return out;
    },
    typedStrings() {
      return fake.callsNamed('values=').flatMap((c) => stringsIn(c.args));
    },
  };
}

export function sheetsRig(): Rig & { fake: FakeAppsScript } {
  const fake = new FakeAppsScript();
  const typed: string[] = [];
  fake.onCall = (name, args) => {
    if (name === 'Range.setValues') typed.push(...stringsIn(args));
  };
  const host = new SheetsHost({
    spreadsheet: fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    app: fake.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    isoDate: (d, tz) => fake.Utilities.formatDate(d, tz, 'yyyy-MM-dd'),
  });
  return {
    name: 'Apps Script (Google Sheets)',
    host,
    fake,
    type(sheet, row, col, value) {
      const cell = fake.spreadsheet._sheet(sheet)._cell(row, col);
      cell.value = value === null ? '' : value;
      cell.formula = null;
    },
    deleteTab(name) {
      const ss = fake.spreadsheet as unknown as { _sheets: unknown[] };
      ss._sheets = ss._sheets.filter((s) => s !== fake.spreadsheet._sheet(name));
    },
    formulas() {
      const out: FormulaCell[] = [];
      for (const s of fake.spreadsheet._sheets) {
        for (const [k, c] of (s as unknown as { _cells: Map<string, { formula: string | null }> })._cells) {
          if (c.formula === null) continue;
          const [row, col] = k.split(':').map(Number) as [number, number];
          out.push({ sheet: s._name, row, col, formula: c.formula });
        }
      }
      return out;
    },
    typedStrings: () => typed,
  };
}

function stringsIn(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsIn);
  return [];
}
