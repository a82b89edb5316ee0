/** Data validation and conditional formats, one Office.js range per spec. */
import type { ConditionalRule, ValidationRule } from '../../core/sheet-plan/types.js';
import type { ExcelRange } from './office-types.js';

/** Excel keeps an in-cell list as one comma-separated string of at most 255 characters. */
export const MAX_LIST_SOURCE = 255;

export const ALERT_TITLE = 'Partnership Review';

/** Why a list cannot be given to Excel inline, or undefined when it can. */
export function listProblem(values: string[]): string | undefined {
  const bad = values.find((v) => v.includes(','));
  if (bad !== undefined) return `the choice "${bad}" contains a comma, which Excel would split into two choices`;
  const source = values.join(',');
  if (source.length > MAX_LIST_SOURCE) return `the choices are ${source.length} characters long; Excel allows ${MAX_LIST_SOURCE}`;
  return undefined;
}

export function toExcelRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
    case 'date':
      // any real date: Excel's dates start on 1 January 1900
      return { date: { formula1: '1900-01-01', operator: 'GreaterThanOrEqualTo' } };
    case 'number': {
      const basic: Excel.BasicDataValidation = { formula1: rule.min, formula2: rule.max, operator: 'Between' };
      return rule.integer ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

export function queueValidation(range: ExcelRange, rule: ValidationRule): void {
  const dv = range.dataValidation;
  dv.clear();
  dv.ignoreBlanks = true;
  dv.rule = toExcelRule(rule);
  const strict = rule.kind === 'list' ? rule.strict : true;
  dv.errorAlert = {
    showAlert: true,
    style: strict ? 'Stop' : 'Warning',
    title: ALERT_TITLE,
    message: rule.error ?? '',
  };
  if (rule.prompt) dv.prompt = { showPrompt: true, title: ALERT_TITLE, message: rule.prompt };
}

const NUMBER_OPERATOR = {
  lt: 'LessThan',
  lte: 'LessThanOrEqual',
  gt: 'GreaterThan',
  gte: 'GreaterThanOrEqual',
  between: 'Between',
} as const;

/** Text for an Excel formula string literal: "Red" → ="Red" (quotes doubled). */
export function textFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/** Excel compares text case-insensitively, so `EqualTo` gives the plan's case-insensitive "text equals". */
export function toCellValueRule(rule: ConditionalRule): Excel.ConditionalCellValueRule {
  if (rule.kind === 'textEquals') return { formula1: textFormula(rule.text), operator: 'EqualTo' };
  const r: Excel.ConditionalCellValueRule = { formula1: String(rule.value), operator: NUMBER_OPERATOR[rule.operator] };
  if (rule.operator === 'between') r.formula2 = String(rule.value2 ?? rule.value);
  return r;
}

export function queueConditionalFormat(range: ExcelRange, rule: ConditionalRule): void {
  const cf = range.conditionalFormats.add('CellValue');
  cf.cellValue.rule = toCellValueRule(rule);
  const f = rule.format;
  if (f.fill !== undefined) cf.cellValue.format.fill.color = f.fill;
  if (f.fontColour !== undefined) cf.cellValue.format.font.color = f.fontColour;
  if (f.bold !== undefined) cf.cellValue.format.font.bold = f.bold;
}
