/**
 * Data validation as worksheet XML. Long lists (over Excel's 255 characters, or with a comma or a blank in a choice)
 * live on the hidden `PR_Lists` tab, one column per distinct list.
 */
import type { ValidationRule } from '../../core/sheet-plan/types.js';
import { escText } from './xml.js';

export const LISTS_TAB = 'PR_Lists';

/** Formula text in element content (quotes escaped too, as Excel writes them). */
export function escFormula(s: string): string {
  return escText(s);
}

function attr(s: string): string {
  return escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/** Excel's limits on validation messages (longer ones make Excel repair the file). */
function clip(s: string | undefined, max: number): string | undefined {
  if (s === undefined || s === '') return undefined;
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The list as an inline formula (`"1,2,3,N/A"`) when Excel allows it, else null (it needs a range). */
export function inlineList(values: string[]): string | null {
  const inline = values.map((v) => v.replace(/"/g, '""')).join(',');
  const fits = inline.length <= 255 && !values.some((v) => v.includes(',') || v === '');
  return fits ? `"${inline}"` : null;
}

/** `<dataValidation …>` with `__SQREF__` where its range goes; `listFormula` is the list's formula1. */
export function validationXml(P: string, rule: ValidationRule, listFormula: string | null): string {
  const prompt = clip(rule.prompt, 255);
  const error = clip(rule.error, 225);
  const messages = `${prompt ? ` showInputMessage="1" prompt="${attr(prompt)}"` : ''} showErrorMessage="1"${error ? ` error="${attr(error)}"` : ''}`;
  if (rule.kind === 'list') {
    return `<${P}dataValidation type="list" errorStyle="${rule.strict ? 'stop' : 'warning'}" allowBlank="1"${messages} sqref="__SQREF__"><${P}formula1>${escFormula(listFormula ?? '""')}</${P}formula1></${P}dataValidation>`;
  }
  if (rule.kind === 'number') {
    return `<${P}dataValidation type="${rule.integer ? 'whole' : 'decimal'}" errorStyle="stop" operator="between" allowBlank="1"${messages} sqref="__SQREF__"><${P}formula1>${rule.min}</${P}formula1><${P}formula2>${rule.max}</${P}formula2></${P}dataValidation>`;
  }
  // a date on or after 1 January 1900 (serial 1): any real date
  return `<${P}dataValidation type="date" errorStyle="stop" operator="greaterThanOrEqual" allowBlank="1"${messages} sqref="__SQREF__"><${P}formula1>1</${P}formula1></${P}dataValidation>`;
}
