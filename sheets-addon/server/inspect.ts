/// <reference types="google-apps-script" />
/**
 * Read-back for the self-test (core/host/inspect.ts) over Apps Script: what Google Sheets actually kept on a tab —
 * formulas, number formats and validations of the cells asked about (one `getFormulas`, `getNumberFormats` and
 * `getDataValidations` over the box around them), the tab's protections, conditional format rules, charts, frozen
 * rows and columns, merged ranges and whether it is hidden — and removal of the self-test's scratch tabs.
 */
import { missingTab, type CellFacts, type InspectRequest, type TabFacts, type ValidationFact } from '../../core/host/inspect.js';
import type { RangeRef } from '../../core/sheet-plan/types.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export type InspectApp = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'ProtectionType'>;

function ref(r: Range): RangeRef {
  return { row: r.getRow(), col: r.getColumn(), rows: r.getNumRows(), cols: r.getNumColumns() };
}

function inside(r: RangeRef, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/** A validation as the core describes it. Apps Script's enums print as their names (VALUE_IN_LIST, …). */
function validationFact(v: DataValidation | null): ValidationFact | null {
  if (!v) return null;
  const type = String(v.getCriteriaType());
  const args = v.getCriteriaValues();
  const strict = !v.getAllowInvalid();
  if (type === 'VALUE_IN_LIST') return { kind: 'list', values: ((args[0] as unknown[]) ?? []).map(String), strict };
  if (type === 'DATE_IS_VALID_DATE') return { kind: 'date', strict };
  if (type === 'NUMBER_BETWEEN') return { kind: 'number', min: Number(args[0]), max: Number(args[1]), strict };
  return { kind: 'other', strict };
}

export function inspectSpreadsheet(ss: Spreadsheet, app: InspectApp, requests: InspectRequest[]): TabFacts[] {
  return requests.map((req) => {
    const sheet = ss.getSheetByName(req.tab);
    if (!sheet) return missingTab(req.tab);
    const whole = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    const tabProtection = sheet.getProtections(app.ProtectionType.SHEET)[0] ?? null;
    const open = tabProtection ? tabProtection.getUnprotectedRanges().map(ref) : [];
    const rangeProtections = sheet.getProtections(app.ProtectionType.RANGE).map((p) => ref(p.getRange()));
    const cells: CellFacts[] = [];
    if (req.cells.length > 0) {
      const top = Math.min(...req.cells.map((c) => c.row));
      const left = Math.min(...req.cells.map((c) => c.col));
      const bottom = Math.max(...req.cells.map((c) => c.row));
      const right = Math.max(...req.cells.map((c) => c.col));
      const box = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
      const formulas = box.getFormulas();
      const formats = box.getNumberFormats();
      const validations = box.getDataValidations();
      for (const c of req.cells) {
        const r = c.row - top;
        const k = c.col - left;
        const f = formulas[r]?.[k] ?? '';
        const lockedByTab = tabProtection !== null && !open.some((o) => inside(o, c.row, c.col));
        cells.push({
          row: c.row,
          col: c.col,
          formula: f === '' ? null : f,
          numberFormat: formats[r]?.[k] ?? '',
          validation: validationFact(validations[r]?.[k] ?? null),
          locked: lockedByTab || rangeProtections.some((p) => inside(p, c.row, c.col)),
        });
      }
    }
    return {
      tab: req.tab,
      exists: true,
      hidden: sheet.isSheetHidden(),
      frozen: { rows: sheet.getFrozenRows(), cols: sheet.getFrozenColumns() },
      merges: whole.getMergedRanges().map(ref),
      protected: tabProtection !== null,
      conditionalFormats: sheet.getConditionalFormatRules().map((rule) => ({ ranges: rule.getRanges().map(ref) })),
      charts: sheet.getCharts().map((c) => ({ title: String(c.getOptions().get('title') ?? ''), kind: '' })),
      cells,
    };
  });
}

/** Delete the self-test's scratch tabs and workbook names (names first: they point into the tabs). */
export function removeScratch(ss: Spreadsheet, tabs: string[], namedRanges: string[]): void {
  const names = new Set(namedRanges.map((n) => n.toLowerCase()));
  for (const n of ss.getNamedRanges()) if (names.has(n.getName().toLowerCase())) n.remove();
  for (const t of tabs) {
    const sheet = ss.getSheetByName(t);
    if (sheet) ss.deleteSheet(sheet);
  }
}
